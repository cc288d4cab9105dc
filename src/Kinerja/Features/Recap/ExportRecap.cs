using Kinerja.Documents;
using Kinerja.Features.Plan;

namespace Kinerja.Features.Recap;

/// <summary>The recap of a period as a formatted workbook (see <see cref="RecapWorkbook"/>); the same access as <see cref="GetRecap"/>.</summary>
public sealed class ExportRecap(GetRecap recap)
{
    public async Task<GeneratedFile> HandleAsync(Guid agencyId, string? period, bool includeUnverified = false, CancellationToken ct = default)
    {
        var r = await recap.HandleAsync(agencyId, period, includeUnverified, ct);
        var name = "Rekap-Capaian-Kinerja-" + r.Period + (r.IncludeUnverified ? "-sementara" : "") + ".xlsx";
        return new GeneratedFile(RecapWorkbook.Write(r), ExportPlan.Xlsx, name);
    }
}
