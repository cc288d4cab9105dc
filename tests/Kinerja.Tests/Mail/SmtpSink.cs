using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Kinerja.Tests.Mail;

/// <summary>What the sink received, decoded by Python's email package (smtp_sink.py).</summary>
public sealed record ReceivedMail(string MailFrom, string[] RcptTos, string From, string To, string Subject, string ContentType, string? Text, string? Html);

/// <summary>
/// A real SMTP server on a free local port: Debian's aiosmtpd running tests/Kinerja.Tests/Mail/smtp_sink.py under
/// /usr/bin/python3 (the pyenv python3 on PATH lacks aiosmtpd). Messages land as JSON in <see cref="Folder"/>.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private Process? _process;

    public int Port { get; } = FreePort();

    public string Folder { get; } = Directory.CreateTempSubdirectory("kinerja-smtp-").FullName;

    public async Task StartAsync()
    {
        var script = Path.Combine(Repo.Root, "tests", "Kinerja.Tests", "Mail", "smtp_sink.py");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Port.ToString());
        start.ArgumentList.Add(Folder);
        _process = Process.Start(start)!;
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line != "ready")
        {
            var error = await _process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"SMTP sink did not start ({line}): {error} (apt-get install python3-aiosmtpd; ./test.sh does it)");
        }
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        _process.StandardInput.Close(); // the sink stops when its input closes
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { _process.Kill(); }
        _process.Dispose();
        _process = null;
    }

    public IReadOnlyList<ReceivedMail> Received() =>
        Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<ReceivedMail>(File.ReadAllText(f), Json)!).ToList();

    /// <summary>The first message received for <paramref name="recipient"/>, waiting up to <paramref name="seconds"/>.</summary>
    public async Task<ReceivedMail> WaitForAsync(string recipient, double seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var mail = Received().FirstOrDefault(m => m.RcptTos.Contains(recipient));
            if (mail is not null) return mail;
            if (DateTime.UtcNow > until) throw new TimeoutException($"no message for {recipient} within {seconds} s; received: {string.Join(", ", Received().SelectMany(m => m.RcptTos))}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
