using Kinerja.Data;
using Kinerja.Features.Reports;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Sop;

/// <summary>The file attached when a step was completed by hand (e.g. the minutes); anyone who may see the round.</summary>
public sealed class GetRoundStepFile(KinerjaDbContext db, CurrentUser me)
{
    public async Task<StoredFile> HandleAsync(Guid roundId, int number, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        var row = await db.RoundSteps.AsNoTracking().SingleOrDefaultAsync(s => s.RoundId == roundId && s.Number == number, ct);
        if (row is null || !me.BelongsTo(row.AgencyId) || row.FileSha256 is null || row.FileName is null) throw AppProblem.NotFound("Langkah SOP");
        return new StoredFile(row.FileSha256, row.FileName, "application/octet-stream");
    }
}
