using Kinerja.Data;
using Kinerja.Domain.Organisation;
using Kinerja.Features.Plan;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Organisation;

/// <summary>Who holds a position today, as printed under a signature: name, position (with Plt./Plh.), rank, NIP.</summary>
internal static class Holders
{
    /// <summary>
    /// The holder today of a position with <paramref name="role"/> in the agency (in <paramref name="unitId"/> when given,
    /// held by <paramref name="userId"/> when given); a definitive holder before a Plt before a Plh. Null when nobody holds it.
    /// </summary>
    public static async Task<PartyDto?> FindAsync(KinerjaDbContext db, TimeProvider clock, Guid agencyId, Guid? unitId, Role role, CancellationToken ct,
        Guid? userId = null)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var holders = await (from h in db.PositionHolders.AsNoTracking()
                             join p in db.Positions.AsNoTracking() on h.PositionId equals p.Id
                             join u in db.Users.AsNoTracking() on h.UserId equals u.Id
                             where p.AgencyId == agencyId && p.Role == role && (unitId == null || p.UnitId == unitId)
                                   && (userId == null || h.UserId == userId)
                                   && h.From <= today && (h.Until == null || h.Until >= today)
                             select new { u.FullName, u.Rank, u.Nip, p.Title, h.Kind, h.From, h.Until }).ToListAsync(ct);
        var best = holders.OrderBy(h => h.Kind).FirstOrDefault(); // definitive before Plt before Plh
        return best is null ? null : new PartyDto(best.FullName, new Tenure(best.Kind, best.From, best.Until).TitlePrefix + best.Title, best.Rank, best.Nip);
    }
}
