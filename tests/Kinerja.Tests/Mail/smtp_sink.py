"""A real SMTP server for the mail tests (Debian's python3-aiosmtpd; run with /usr/bin/python3).

Usage: /usr/bin/python3 smtp_sink.py PORT FOLDER
Every accepted message is written to FOLDER as NNNN.eml (as received) and NNNN.json (envelope and the decoded
subject, plain and HTML bodies). Prints "ready" once listening; stops when its standard input closes.
Recipients starting with "tolak" are refused (550); those starting with "sibuk" get "451 try again" on their
first two attempts; those starting with "tunda" always get 451.
"""
import email
import email.policy
import json
import os
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.busy = {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("tolak"):
            return "550 5.1.1 Mailbox tidak ada"
        if address.startswith("tunda"):
            return "451 4.3.0 Coba lagi nanti"
        if address.startswith("sibuk"):
            self.busy[address] = self.busy.get(address, 0) + 1
            if self.busy[address] <= 2:
                return "451 4.3.0 Coba lagi nanti"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        plain = message.get_body(("plain",))
        html = message.get_body(("html",))
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "from": str(message["From"]),
            "to": str(message["To"]),
            "subject": str(message["Subject"]),
            "contentType": message.get_content_type(),
            "text": plain.get_content() if plain is not None else None,
            "html": html.get_content() if html is not None else None,
        }
        self.count += 1
        name = os.path.join(self.folder, "%04d" % self.count)
        with open(name + ".eml", "wb") as f:
            f.write(envelope.content)
        with open(name + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.replace(name + ".tmp", name + ".json")
        return "250 OK"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
