using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Rounds;
using Kinerja.Domain.Sop;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Sop;

/// <summary>
/// Reminds people of late SOP steps. A step past its standard time gets one reminder to its actors; when it is still not
/// done after a second standard time, the actors' superiors are told (staff → unit head → secretary → head; the
/// coordinator's superior is the secretary). Each reminder is claimed with a conditional update, so two instances never
/// send it twice. Runs every <c>Kinerja:Sop:ReminderMinutes</c> (5 by default).
/// </summary>
public sealed class StepReminders(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<StepReminders> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Kinerja:Sop:ReminderMinutes", 5)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "SOP step reminders failed; retrying at the next turn");
            }

            try
            {
                await Task.Delay(every, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The superior told when an actor's step stays late.</summary>
    public static Role? SuperiorOf(Role role) => role switch
    {
        Role.Staff => Role.UnitHead,
        Role.UnitHead => Role.Secretary,
        Role.Coordinator => Role.Secretary,
        Role.Secretary => Role.Head,
        _ => null,
    };

    /// <summary>One pass over the open rounds; returns how many reminders were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KinerjaDbContext>();
        var notify = scope.ServiceProvider.GetRequiredService<Notifications.Notifier>();
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open).ToListAsync(ct);
        var sent = 0;
        var calendars = new Dictionary<Guid, WorkingCalendar>();
        var year = clock.GetLocalNow().Year;
        foreach (var round in rounds)
        {
            var rows = await db.RoundSteps.AsNoTracking().Where(s => s.RoundId == round.Id).ToListAsync(ct);
            if (!calendars.TryGetValue(round.AgencyId, out var calendar))
            {
                // One calendar per agency per pass, wide enough for every open round's year.
                var from = Math.Min(year, rounds.Where(r => r.AgencyId == round.AgencyId).Min(r => r.OrderedAt.Year)) - 1;
                calendars[round.AgencyId] = calendar = await Organisation.AgencyCalendar.LoadAsync(db, round.AgencyId, from, year + 1, ct);
            }

            var steps = await GetRoundSteps.BuildAsync(db, null, clock, round, rows, ct, calendar);
            var template = RoundStepRecorder.TemplateOf(round);
            var now = clock.GetUtcNow();
            foreach (var s in steps.Steps.Where(s => s.Late))
            {
                var row = rows.FirstOrDefault(r => r.Number == s.Number);
                if (row is null) continue;
                var roles = template.Steps.Single(x => x.Number == s.Number).Actors
                    .Select(a => template.Actors.FirstOrDefault(x => string.Equals(x.Key, a, StringComparison.OrdinalIgnoreCase))?.Role).OfType<Role>().Distinct().ToList();
                var period = Period.Parse(round.Period).DisplayName;
                var link = $"/Rounds/Details/{round.Id}";
                if (row.RemindedAt is null)
                {
                    if (await ClaimAndNotifyAsync(db, () => db.RoundSteps.Where(r => r.Id == row.Id && r.RemindedAt == null)
                            .ExecuteUpdateAsync(u => u.SetProperty(r => r.RemindedAt, now), ct),
                            () => notify.ToRolesAsync(round.AgencyId, roles, link,
                                new Text("Langkah {0} SOP putaran {1} terlambat: {2}.", s.Number, period, s.Activity), ct), ct)) sent++;
                }
                else if (row.EscalatedAt is null && s.Due is { } due && s.StartedAt is { } started && row.RemindedAt is { } reminded
                         && now > reminded + (due - started))
                {
                    var superiors = roles.Select(SuperiorOf).OfType<Role>().Distinct().ToList();
                    if (superiors.Count == 0) continue;
                    if (await ClaimAndNotifyAsync(db, () => db.RoundSteps.Where(r => r.Id == row.Id && r.EscalatedAt == null)
                            .ExecuteUpdateAsync(u => u.SetProperty(r => r.EscalatedAt, now), ct),
                            () => notify.ToRolesAsync(round.AgencyId, superiors, link,
                                new Text("Langkah {0} SOP putaran {1} masih terlambat setelah diingatkan: {2}.", s.Number, period, s.Activity), ct), ct)) sent++;
                }
            }
        }

        return sent;
    }

    /// <summary>
    /// Marks a reminder sent (a conditional update, so only one instance claims it) and saves its notifications in the
    /// same transaction: a crash between the two leaves the reminder unsent, to be sent by the next pass, never lost.
    /// </summary>
    private static async Task<bool> ClaimAndNotifyAsync(KinerjaDbContext db, Func<Task<int>> claim, Func<Task> notify, CancellationToken ct)
    {
        await using var write = await db.BeginWriteAsync(ct);
        if (await claim() == 0) return false;
        await notify();
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return true;
    }
}
