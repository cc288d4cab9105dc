using System.Text.Json;
using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Notifications;

/// <summary>
/// Adds notifications for the people who must act, in the caller's unit of work: they are saved (and their
/// e-mails queued in the outbox) by the same SaveChanges as the change they announce, or not at all.
/// Recipients are the active holders of positions, so an acting (Plt/Plh) holder is told too.
/// </summary>
public sealed class Notifier(KinerjaDbContext db, TimeProvider clock, SmtpSettings smtp)
{
    /// <summary>The unit's own people (unit head and staff positions of that unit).</summary>
    public Task ToUnitAsync(Guid agencyId, Guid unitId, string link, Text message, CancellationToken ct) =>
        AddAsync(agencyId, p => p.UnitId == unitId && (p.Role == Role.UnitHead || p.Role == Role.Staff), link, message, ct);

    /// <summary>Everyone holding one of <paramref name="roles"/> in the agency.</summary>
    public Task ToRolesAsync(Guid agencyId, IReadOnlyList<Role> roles, string link, Text message, CancellationToken ct) =>
        AddAsync(agencyId, p => roles.Contains(p.Role), link, message, ct);

    private async Task AddAsync(Guid agencyId, System.Linq.Expressions.Expression<Func<Position, bool>> which, string link, Text message, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var holders = await (from p in db.Positions.AsNoTracking().Where(x => x.AgencyId == agencyId).Where(which)
                             join h in db.PositionHolders.AsNoTracking() on p.Id equals h.PositionId
                             join u in db.Users.AsNoTracking() on h.UserId equals u.Id
                             where h.From <= today && (h.Until == null || h.Until >= today)
                             select new { u.Id, u.Email }).Distinct().ToListAsync(ct);
        var args = JsonSerializer.Serialize(message.Args.Select(a => Convert.ToString(a, IndonesianFormat.Culture) ?? "").ToArray());
        var now = clock.GetUtcNow();
        foreach (var h in holders.DistinctBy(h => h.Id))
        {
            db.Notifications.Add(new Notification(Guid.CreateVersion7(), agencyId, h.Id, now, message.Template, args, link, smtp.Enabled ? h.Email : null));
        }
    }
}

public sealed record NotificationDto(Guid Id, string Text, string Link, DateTimeOffset At, bool Read);

public sealed record NotificationListDto(int Unread, IReadOnlyList<NotificationDto> Items);

/// <summary>The signed-in person's latest notifications, in their language, and how many are unread.</summary>
public sealed class ListNotifications(KinerjaDbContext db, CurrentUser me, Messages m)
{
    public async Task<NotificationListDto> HandleAsync(int take = 50, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        if (me.Id is not { } userId) return new NotificationListDto(0, []);
        var items = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.At)
            .Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        var unread = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
        return new NotificationListDto(unread, items.Select(n => new NotificationDto(n.Id, Render(m, n), n.Link, n.At, n.ReadAt is not null)).ToList());
    }

    public static string Render(Messages m, Notification n) =>
        m[new Text(n.Template, JsonSerializer.Deserialize<string[]>(n.ArgsJson) ?? [])];
}

/// <summary>Counts the unread notifications of the signed-in person (the bell in the top bar).</summary>
public sealed class CountUnread(KinerjaDbContext db, CurrentUser me)
{
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        return me.Id is { } userId ? await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct) : 0;
    }
}

/// <summary>Marks one notification (or all, when <paramref name="id"/> is null) of the signed-in person as read; answers its link.</summary>
public sealed class MarkNotificationRead(KinerjaDbContext db, CurrentUser me, TimeProvider clock)
{
    public async Task<string?> HandleAsync(Guid? id, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        if (me.Id is not { } userId) throw AppProblem.NotFound("Pemberitahuan");
        var items = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null && (id == null || n.Id == id)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var n in items) n.MarkRead(now);
        await db.SaveChangesAsync(ct);
        if (id is null) return null;
        var link = await db.Notifications.AsNoTracking().Where(n => n.Id == id && n.UserId == userId).Select(n => n.Link).SingleOrDefaultAsync(ct)
                   ?? throw AppProblem.NotFound("Pemberitahuan");
        return link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) ? link : "/";
    }
}
