using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Infrastructure;

/// <summary>
/// Sends the e-mail copy of notifications. Notifications are written with the change they announce; this
/// background service picks up the pending ones, claims each with a conditional update (so two server
/// instances never send the same one), sends it through <see cref="IMailer"/> and records the outcome.
/// Failures are retried on later passes up to the configured attempts, then marked failed; a message
/// claimed by a process that died is picked up again at the next start (at least once, never silently lost).
/// </summary>
public sealed class NotificationOutbox(
    IServiceScopeFactory scopes, SmtpSettings settings, IMailer mailer, ILogger<NotificationOutbox> log, IConfiguration config, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    private const int Batch = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled) return;
        var interval = TimeSpan.FromSeconds(config.GetValue("Kinerja:Smtp:OutboxSeconds", 10.0));

        // Only once the application has started: the database is migrated by then.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        await RequeueAbandonedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendBatchAsync(stoppingToken) == Batch)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Notification outbox pass failed; trying again in {Interval}", interval);
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RequeueAbandonedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KinerjaDbContext>();
        var stuck = await db.Notifications.Where(n => n.EmailStatus == EmailStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailStatus, EmailStatus.Pending), ct);
        if (stuck > 0) log.LogWarning("{Count} notification e-mails were being sent when the server stopped; sending them again", stuck);
    }

    /// <summary>One pass: at most <see cref="Batch"/> messages. Answers how many it took.</summary>
    public async Task<int> SendBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KinerjaDbContext>();
        var messages = scope.ServiceProvider.GetRequiredService<Messages>();
        var ids = await db.Notifications.AsNoTracking().Where(n => n.EmailStatus == EmailStatus.Pending)
            .OrderBy(n => n.At).Select(n => n.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in ids)
        {
            var claimed = await db.Notifications.Where(n => n.Id == id && n.EmailStatus == EmailStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailStatus, EmailStatus.Sending), ct);
            if (claimed == 0) continue;
            var n = await db.Notifications.SingleAsync(x => x.Id == id, ct);
            var text = ListNotifications.Render(messages, n);
            var link = config["Kinerja:PublicUrl"] is { Length: > 0 } baseUrl ? baseUrl.TrimEnd('/') + n.Link : n.Link;
            try
            {
                await mailer.SendAsync(new OutgoingMail(n.Email!, Subject(text), text + "\n\n" + link + "\n"), ct);
                n.EmailSent();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                n.EmailFailed(e.Message, settings.MaxAttempts);
                if (n.EmailStatus == EmailStatus.Failed) log.LogError(e, "Gave up sending notification {Id} to {Recipient}", n.Id, n.Email);
                else log.LogWarning(e, "Sending notification {Id} to {Recipient} failed; will retry", n.Id, n.Email);
            }

            await db.SaveChangesAsync(ct);
        }

        return ids.Count;
    }

    /// <summary>One line (a reason typed with line breaks must not break the header), at most 150 characters.</summary>
    public static string Subject(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var subject = "[Kinerja] " + line;
        return subject.Length <= 150 ? subject : subject[..149] + "…";
    }
}
