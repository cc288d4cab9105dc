using Kinerja.Data;
using Kinerja.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Security;

public static class UnitTrees
{
    public static async Task<UnitTree> LoadUnitTreeAsync(this KinerjaDbContext db, Guid agencyId, CancellationToken ct = default)
    {
        var rows = await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId)
            .Select(u => new { u.Id, u.ParentId }).ToListAsync(ct);
        return new UnitTree(rows.Select(r => (r.Id, r.ParentId)));
    }
}
