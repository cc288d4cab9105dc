using Kinerja.Domain.Common;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kinerja.Tests.Mail;

/// <summary>The application with mail on, pointed at a real SMTP sink; short retry delays so retries show quickly.</summary>
public sealed class MailFixture : SqliteFixture
{
    public SmtpSink Sink { get; } = new();

    public LogCollector Logs { get; } = new();

    public MailQueue Queue => Services.GetRequiredService<MailQueue>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Kinerja:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Kinerja:Smtp:Port", Sink.Port.ToString());
        builder.UseSetting("Kinerja:Smtp:FromAddress", "kinerja@lumajangkab.example");
        builder.UseSetting("Kinerja:Smtp:FromName", "Kinerja Kabupaten Lumajang");
        builder.UseSetting("Kinerja:Smtp:MaxAttempts", "5");
        builder.UseSetting("Kinerja:Smtp:RetryDelaySeconds", "0.5"); // 0.5, 1, 2, 4 s
        builder.UseSetting("Kinerja:Smtp:OutboxSeconds", "0.5");
        builder.UseSetting("Kinerja:PublicUrl", "https://kinerja.lumajangkab.example");
        builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(Logs));
    }

    public override async ValueTask InitializeAsync()
    {
        await Sink.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

public sealed class MailTests(MailFixture f) : IClassFixture<MailFixture>
{
    [Fact]
    public async Task Distributing_a_worksheet_mails_the_units_people_once_with_a_link()
    {
        const string address = "kasi.kesos@pasrujambe.example";
        await using (var db = f.NewDbContext())
        {
            var user = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.UserName == "pasrujambe.kasi-kesos");
            user.Email = address;
            await db.SaveChangesAsync();
        }

        var agency = await f.AgencyIdAsync("Kecamatan Pasrujambe");
        var coordinator = await f.SignedInAsync("pasrujambe.kasubbag-pk");
        var round = await coordinator.PostJson($"/api/v1/agencies/{agency}/rounds",
            new { period = "2026-Q2", disposition = new { text = "Kumpulkan data Triwulan II." }, deadline = "2026-07-10" }, System.Net.HttpStatusCode.Created);
        var sheets = await coordinator.GetJson($"/api/v1/rounds/{round.GetProperty("id").GetString()}/worksheets");
        var kesos = sheets.EnumerateArray().Single(s => s.GetProperty("unit").GetString() == "Seksi Kesejahteraan Sosial").GetProperty("id").GetString();

        var mail = await f.Sink.WaitForAsync(address);
        mail.Subject.ShouldBe("[Kinerja] Kertas kerja Seksi Kesejahteraan Sosial untuk Triwulan II 2026 sudah dibagikan. Batas waktu: 10 Juli 2026.");
        mail.Text!.ShouldContain($"https://kinerja.lumajangkab.example/Worksheets/{kesos}");
        await using var check = f.NewDbContext();
        var sent = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(check.Notifications, n => n.Email == address);
        sent.EmailStatus.ShouldBe(EmailStatus.Sent);
        await Task.Delay(1500);
        f.Sink.Received().Count(m => m.RcptTos.Contains(address)).ShouldBe(1);
    }

    [Theory]
    [InlineData("Kertas kerja dibuka kembali: salah\r\nBcc: semua@contoh.go.id", "[Kinerja] Kertas kerja dibuka kembali: salah Bcc: semua@contoh.go.id")]
    [InlineData("Satu baris", "[Kinerja] Satu baris")]
    public void Notification_subjects_are_one_line(string text, string subject) => NotificationOutbox.Subject(text).ShouldBe(subject);

    [Fact]
    public void Long_subjects_are_cut() => NotificationOutbox.Subject(new string('a', 400)).Length.ShouldBe(150);

    [Fact]
    public async Task A_queued_message_arrives_with_its_recipient_subject_and_Indonesian_text()
    {
        var deadline = IndonesianFormat.Date(new DateOnly(2026, 4, 10));
        var body = $"Yth. Camat Pasrujambe,\n\nLembar kerja Triwulan I belum dikirim.\nBatas waktu: {deadline}, pukul 16.00 WIB.\n" +
                   "Target anggaran: Rp 1.250.000 — mohon segera dilengkapi.\n\nSalam,\nSubbagian Perencanaan dan Keuangan";
        var html = $"<p>Lembar kerja Triwulan I belum dikirim.</p><p>Batas waktu: <b>{deadline}</b></p>";

        f.Queue.Enqueue("pasrujambe.camat@lumajangkab.example", "Pengingat — lembar kerja Triwulan I 2026", body, html).ShouldBeTrue();

        var mail = await f.Sink.WaitForAsync("pasrujambe.camat@lumajangkab.example");
        mail.RcptTos.ShouldBe(["pasrujambe.camat@lumajangkab.example"]);
        mail.MailFrom.ShouldBe("kinerja@lumajangkab.example");
        mail.From.ShouldBe("Kinerja Kabupaten Lumajang <kinerja@lumajangkab.example>");
        mail.To.ShouldBe("pasrujambe.camat@lumajangkab.example");
        mail.Subject.ShouldBe("Pengingat — lembar kerja Triwulan I 2026");
        mail.ContentType.ShouldBe("multipart/alternative");
        mail.Text!.Replace("\r\n", "\n").TrimEnd().ShouldBe(body.TrimEnd());
        mail.Text.ShouldContain("Batas waktu: 10 April 2026");
        mail.Html!.ShouldContain("<b>10 April 2026</b>");
        f.Logs.With(LogLevel.Information, "E-mail sent to pasrujambe.camat@lumajangkab.example").Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_plain_message_has_no_html_part()
    {
        f.Queue.Enqueue("paringin.camat@balangankab.example", "Lembar kerja diterima", "Lembar kerja Seksi Pemerintahan diterima.").ShouldBeTrue();

        var mail = await f.Sink.WaitForAsync("paringin.camat@balangankab.example");
        mail.ContentType.ShouldBe("text/plain");
        mail.Text!.TrimEnd().ShouldBe("Lembar kerja Seksi Pemerintahan diterima.");
        mail.Html.ShouldBeNull();
    }

    [Fact]
    public async Task While_the_server_is_down_the_message_waits_and_is_sent_when_it_is_back()
    {
        await f.Sink.StopAsync();
        try
        {
            f.Queue.Enqueue("dkp.kadis@lomboktimurkab.example", "Rekap Triwulan I", "Rekap sudah diverifikasi.").ShouldBeTrue();
            await f.Logs.WaitForAsync(LogLevel.Warning, "E-mail to dkp.kadis@lomboktimurkab.example failed (attempt 1 of 5)");
        }
        finally
        {
            await f.Sink.StartAsync();
        }

        var mail = await f.Sink.WaitForAsync("dkp.kadis@lomboktimurkab.example");
        mail.Subject.ShouldBe("Rekap Triwulan I");
        f.Logs.With(LogLevel.Error, "dkp.kadis@lomboktimurkab.example").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_temporary_refusal_is_retried_with_growing_delays()
    {
        var started = DateTime.UtcNow;
        f.Queue.Enqueue("sibuk.sekcam@lumajangkab.example", "Lembar kerja dikembalikan", "Mohon diperbaiki.").ShouldBeTrue();

        await f.Sink.WaitForAsync("sibuk.sekcam@lumajangkab.example"); // refused twice with 451, then accepted
        (DateTime.UtcNow - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.4)); // waited 0.5 s, then 1 s
        f.Logs.With(LogLevel.Warning, "E-mail to sibuk.sekcam@lumajangkab.example failed").Count.ShouldBe(2);
        f.Logs.With(LogLevel.Information, "E-mail sent to sibuk.sekcam@lumajangkab.example: Lembar kerja dikembalikan (attempt 3)").Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_permanent_refusal_is_logged_with_the_recipient_and_not_retried()
    {
        f.Queue.Enqueue("tolak.staf@lumajangkab.example", "Akun baru", "Akun Anda sudah dibuat.").ShouldBeTrue();

        var error = await f.Logs.WaitForAsync(LogLevel.Error, "tolak.staf@lumajangkab.example");
        error.Message.ShouldContain("refused by the server, not sent: Akun baru");
        await Task.Delay(1500, TestContext.Current.CancellationToken); // a retry would come after 0.5 s
        f.Logs.With(LogLevel.Warning, "tolak.staf@lumajangkab.example").ShouldBeEmpty();
        f.Sink.Received().ShouldNotContain(m => m.RcptTos.Contains("tolak.staf@lumajangkab.example"));
    }

    [Fact]
    public async Task After_the_last_attempt_the_failure_is_logged_with_the_recipient()
    {
        f.Queue.Enqueue("tunda.admin@lumajangkab.example", "Laporan kinerja", "Laporan siap ditandatangani.").ShouldBeTrue();

        // 5 attempts 0.5 + 1 + 2 + 4 s apart.
        var error = await f.Logs.WaitForAsync(LogLevel.Error, "tunda.admin@lumajangkab.example", seconds: 30);
        error.Message.ShouldContain("not sent after 5 attempts: Laporan kinerja");
        f.Logs.With(LogLevel.Warning, "E-mail to tunda.admin@lumajangkab.example failed").Count.ShouldBe(4);
    }

    [Fact]
    public void Something_that_is_not_an_address_is_refused_and_logged()
    {
        f.Queue.Enqueue("bukan alamat", "Pengingat", "Isi").ShouldBeFalse();
        f.Logs.With(LogLevel.Error, "'bukan alamat' is not an e-mail address").Count.ShouldBe(1);
    }
}

/// <summary>Settings and the switched-off queue, without a server.</summary>
public class MailSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Kinerja:Smtp:" + v.Key, v.Value))).Build();

    [Fact]
    public void Without_a_host_mail_is_off()
    {
        var s = SmtpSettings.From(Config());
        s.Enabled.ShouldBeFalse();
        s.Port.ShouldBe(25);
        s.FromName.ShouldBe("Kinerja");
        s.MaxAttempts.ShouldBe(6);
        s.RetryDelay.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Reads_every_setting()
    {
        var s = SmtpSettings.From(Config(("Host", "smtp.jambiprov.example"), ("Port", "587"), ("FromAddress", "sakip@jambiprov.example"),
            ("FromName", "SAKIP Setwan"), ("UserName", "sakip"), ("Password", "Rahasia#2026"), ("EnableSsl", "true"),
            ("MaxAttempts", "3"), ("RetryDelaySeconds", "10")));
        s.ShouldBe(new SmtpSettings("smtp.jambiprov.example", 587, "sakip@jambiprov.example", "SAKIP Setwan", "sakip", "Rahasia#2026", true, 3, TimeSpan.FromSeconds(10)));
        s.Enabled.ShouldBeTrue();
    }

    [Fact]
    public void A_host_without_a_sender_address_stops_the_start() =>
        Should.Throw<InvalidOperationException>(() => SmtpSettings.From(Config(("Host", "smtp.example")))).Message.ShouldContain("FromAddress");

    [Fact]
    public async Task When_off_nothing_is_queued_and_it_says_so_once()
    {
        var logs = new LogCollector();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var mailer = new CountingMailer();
        var queue = new MailQueue(SmtpSettings.From(Config()), mailer, factory.CreateLogger<MailQueue>());
        await queue.StartAsync(TestContext.Current.CancellationToken);

        queue.Enqueue("pasrujambe.camat@lumajangkab.example", "Pengingat", "Isi").ShouldBeFalse();
        queue.Enqueue("pasrujambe.sekcam@lumajangkab.example", "Pengingat", "Isi").ShouldBeFalse();
        await queue.StopAsync(TestContext.Current.CancellationToken);

        mailer.Sent.ShouldBe(0);
        logs.With(LogLevel.Information, "E-mail is off").Count.ShouldBe(1);
        logs.With(LogLevel.Debug, "not sent to pasrujambe.sekcam@lumajangkab.example").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Messages_waiting_at_shutdown_are_logged_with_their_recipient()
    {
        var logs = new LogCollector();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var settings = SmtpSettings.From(Config(("Host", "127.0.0.1"), ("FromAddress", "kinerja@lumajangkab.example"), ("RetryDelaySeconds", "60")));
        var queue = new MailQueue(settings, new FailingMailer(), factory.CreateLogger<MailQueue>());
        await queue.StartAsync(TestContext.Current.CancellationToken);

        queue.Enqueue("tanjunganom.camat@nganjukkab.example", "Pengingat", "Isi").ShouldBeTrue();
        await logs.WaitForAsync(LogLevel.Warning, "tanjunganom.camat@nganjukkab.example");
        await queue.StopAsync(TestContext.Current.CancellationToken);

        (await logs.WaitForAsync(LogLevel.Error, "tanjunganom.camat@nganjukkab.example")).Message.ShouldContain("application stopped");
    }

    private sealed class CountingMailer : IMailer
    {
        public int Sent { get; private set; }

        public Task SendAsync(OutgoingMail mail, CancellationToken ct)
        {
            Sent++;
            return Task.CompletedTask;
        }
    }

    private sealed class FailingMailer : IMailer
    {
        public Task SendAsync(OutgoingMail mail, CancellationToken ct) =>
            throw new System.Net.Mail.SmtpException(System.Net.Mail.SmtpStatusCode.ServiceNotAvailable, "421 tidak tersedia");
    }
}
