using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using System.Threading.Channels;

namespace Kinerja.Infrastructure;

/// <summary>
/// SMTP settings from the configuration section <c>Kinerja:Smtp</c> (environment: <c>Kinerja__Smtp__Host</c> ...).
/// Without <c>Host</c> mail is off. <c>EnableSsl</c> means STARTTLS (usually port 587); SMTP over implicit TLS
/// (port 465) is not supported by <see cref="SmtpClient"/>.
/// </summary>
public sealed record SmtpSettings(
    string? Host,
    int Port,
    string FromAddress,
    string FromName,
    string? UserName,
    string? Password,
    bool EnableSsl,
    int MaxAttempts,
    TimeSpan RetryDelay)
{
    public const string Section = "Kinerja:Smtp";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>
    /// Keys: Host, Port (25), FromAddress, FromName ("Kinerja"), UserName, Password, EnableSsl (false),
    /// MaxAttempts (6, including the first), RetryDelaySeconds (30; doubles after each failure, at most 10 minutes).
    /// </summary>
    public static SmtpSettings From(IConfiguration config)
    {
        var s = config.GetSection(Section);
        var host = s["Host"] is { Length: > 0 } h ? h.Trim() : null;
        var from = s["FromAddress"]?.Trim() ?? "";
        if (host is not null && !MailAddress.TryCreate(from, out _))
        {
            throw new InvalidOperationException($"{Section}:Host is set, so {Section}:FromAddress must be an e-mail address, not '{from}'.");
        }

        return new SmtpSettings(
            host,
            s.GetValue("Port", 25),
            from,
            s["FromName"] is { Length: > 0 } n ? n : "Kinerja",
            s["UserName"] is { Length: > 0 } u ? u : null,
            s["Password"],
            s.GetValue("EnableSsl", false),
            Math.Max(1, s.GetValue("MaxAttempts", 6)),
            TimeSpan.FromSeconds(Math.Max(0, s.GetValue("RetryDelaySeconds", 30.0))));
    }
}

/// <summary>One message to one person: a plain-text body and optionally an HTML alternative (texts built by the caller).</summary>
public sealed record OutgoingMail(string To, string Subject, string Body, string? HtmlBody = null);

/// <summary>Sends one message now; throws when the server refuses it or cannot be reached.</summary>
public interface IMailer
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}

/// <summary>Sends through the configured SMTP server with <see cref="SmtpClient"/>, UTF-8 throughout.</summary>
public sealed class Mailer(SmtpSettings settings) : IMailer
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            EnableSsl = settings.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 60_000,
        };
        if (settings.UserName is not null) client.Credentials = new NetworkCredential(settings.UserName, settings.Password);

        using var message = new MailMessage
        {
            From = new MailAddress(settings.FromAddress, settings.FromName, Encoding.UTF8),
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = mail.Body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
        };
        message.To.Add(new MailAddress(mail.To));
        if (mail.HtmlBody is not null)
        {
            var html = AlternateView.CreateAlternateViewFromString(mail.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html);
            html.TransferEncoding = TransferEncoding.QuotedPrintable;
            message.AlternateViews.Add(html);
        }

        await client.SendMailAsync(message, ct);
    }
}

/// <summary>
/// Sends e-mail in the background so no request waits for SMTP: <see cref="Enqueue"/> returns at once. A failed
/// attempt is retried after <see cref="SmtpSettings.RetryDelay"/>, doubling each time, up to
/// <see cref="SmtpSettings.MaxAttempts"/>; a permanent refusal (5xx) is not retried. Every message that is not
/// delivered (given up, refused, or still waiting when the application stops) is logged as an error with its recipient.
/// The queue is in memory: messages waiting at shutdown are logged, not kept.
/// </summary>
public sealed class MailQueue(SmtpSettings settings, IMailer mailer, ILogger<MailQueue> log) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(10);

    private readonly Channel<(OutgoingMail Mail, int Attempt)> _queue = Channel.CreateUnbounded<(OutgoingMail, int)>();

    /// <summary>
    /// Queues a message. False when mail is off (no <c>Kinerja:Smtp:Host</c>) or the address is not an e-mail
    /// address (logged as an error); the caller needs to do nothing more either way.
    /// </summary>
    public bool Enqueue(string to, string subject, string body, string? htmlBody = null)
    {
        if (!settings.Enabled)
        {
            log.LogDebug("E-mail is off; not sent to {To}: {Subject}", to, subject);
            return false;
        }

        if (!MailAddress.TryCreate(to, out _))
        {
            log.LogError("E-mail not sent: '{To}' is not an e-mail address ({Subject})", to, subject);
            return false;
        }

        return _queue.Writer.TryWrite((new OutgoingMail(to, subject, body, htmlBody), 1));
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            log.LogInformation("E-mail is off: {Section}:Host is not set, so no messages are sent", SmtpSettings.Section);
            return Task.CompletedTask;
        }

        log.LogInformation("E-mail goes through {Host}:{Port} as {From}", settings.Host, settings.Port, settings.FromAddress);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (mail, attempt) in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await SendAsync(mail, attempt, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left)) LogStopping(left.Mail);
        }
    }

    private async Task SendAsync(OutgoingMail mail, int attempt, CancellationToken stoppingToken)
    {
        try
        {
            await mailer.SendAsync(mail, stoppingToken);
            log.LogInformation("E-mail sent to {To}: {Subject} (attempt {Attempt})", mail.To, mail.Subject, attempt);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopping(mail);
        }
        catch (Exception ex)
        {
            if (ex is SmtpException { StatusCode: >= (SmtpStatusCode)500 and < (SmtpStatusCode)600 })
            {
                log.LogError(ex, "E-mail to {To} refused by the server, not sent: {Subject}", mail.To, mail.Subject);
            }
            else if (attempt >= settings.MaxAttempts)
            {
                log.LogError(ex, "E-mail to {To} not sent after {Attempts} attempts: {Subject}", mail.To, attempt, mail.Subject);
            }
            else
            {
                var delay = TimeSpan.FromTicks((long)Math.Min(settings.RetryDelay.Ticks * Math.Pow(2, attempt - 1), MaxDelay.Ticks));
                log.LogWarning(ex, "E-mail to {To} failed (attempt {Attempt} of {Max}), retrying in {Delay}: {Subject}",
                    mail.To, attempt, settings.MaxAttempts, delay, mail.Subject);
                _ = RetryLaterAsync(mail, attempt + 1, delay, stoppingToken);
            }
        }
    }

    private async Task RetryLaterAsync(OutgoingMail mail, int attempt, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            LogStopping(mail);
            return;
        }

        if (!_queue.Writer.TryWrite((mail, attempt))) LogStopping(mail);
    }

    private void LogStopping(OutgoingMail mail) =>
        log.LogError("E-mail to {To} not sent: the application stopped before it could be delivered: {Subject}", mail.To, mail.Subject);
}

public static class MailRegistration
{
    /// <summary>Settings, the SMTP <see cref="IMailer"/> and the background <see cref="MailQueue"/> (resolve it to enqueue).</summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddSingleton(sp => SmtpSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<IMailer, Mailer>();
        services.AddSingleton<MailQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<MailQueue>());
        services.AddHostedService<NotificationOutbox>();
        return services;
    }
}
