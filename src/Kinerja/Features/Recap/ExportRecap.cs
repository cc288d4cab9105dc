using Kinerja.Documents;
using Kinerja.Features.Plan;

namespace Kinerja.Features.Recap;

/// <summary>The recap of a period as a formatted workbook (see <see cref="RecapWorkbook"/>); the same access as <see cref="GetRecap"/>.</summary>
public sealed class ExportRecap(GetRecap recap, Data.KinerjaDbContext db, Security.CurrentUser me, TimeProvider clock, Sop.RoundStepRecorder steps)
{
    public async Task<GeneratedFile> HandleAsync(Guid agencyId, string? period, bool includeUnverified = false, CancellationToken ct = default)
    {
        var r = await recap.HandleAsync(agencyId, period, includeUnverified, ct);
        if (!r.IncludeUnverified && me.SeesWholeAgency(agencyId))
        {
            // The verified recap produced as a file is the SOP's recap step (rekapitulasi) of the period's round.
            await steps.RecordForPeriodAsync(agencyId, Domain.Plan.Period.Parse(r.Period), Domain.Sop.SopAction.Recap, clock.GetUtcNow(), me.UserName ?? "?", ct);
            await db.SaveChangesAsync(ct);
        }

        var name = "Rekap-Capaian-Kinerja-" + r.Period + (r.IncludeUnverified ? "-sementara" : "") + ".xlsx";
        return new GeneratedFile(RecapWorkbook.Write(r), ExportPlan.Xlsx, name);
    }
}
