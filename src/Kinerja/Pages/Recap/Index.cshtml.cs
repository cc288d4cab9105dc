using System.Text.Json;
using Kinerja.Domain.Plan;
using Kinerja.Features.Recap;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Recap;

/// <summary>The recap of a period for an agency: objectives with their indicators, units, comparisons, charts, and the workbook.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RecapReads.Policy)] // takes turns with the API's recap reads (KinerjaApp)
public sealed class IndexModel(GetRecap recap, GetRecapTrend trend, ExportRecap export, CurrentUser me, TimeProvider clock) : KinerjaPage
{
    [BindProperty(SupportsGet = true)] public Guid? AgencyId { get; set; }
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodText { get; set; }
    [BindProperty(SupportsGet = true)] public bool IncludeUnverified { get; set; }

    /// <summary>Unverified values of every unit are for roles that see the whole agency.</summary>
    public bool MaySeeUnverified { get; private set; }

    public RecapDto? Recap { get; private set; }
    public string TrendJson { get; private set; } = "null";
    public int Year { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await me.LoadAsync(ct);
        AgencyId ??= me.Grants.FirstOrDefault()?.AgencyId ?? throw AppProblem.NotFound("Instansi");
        MaySeeUnverified = me.SeesWholeAgency(AgencyId.Value);
        if (!MaySeeUnverified) IncludeUnverified = false;
        if (string.IsNullOrWhiteSpace(PeriodText))
        {
            var today = clock.GetLocalNow();
            PeriodText = Period.Quarter(today.Year, (today.Month + 2) / 3).ToString();
        }

        Year = Period.TryParse(PeriodText, out var p, out _) ? p.Year : clock.GetLocalNow().Year;
        Recap = await recap.HandleAsync(AgencyId.Value, PeriodText, IncludeUnverified, ct);
        var t = await trend.HandleAsync(AgencyId.Value, Year, IncludeUnverified, ct);
        TrendJson = JsonSerializer.Serialize(t, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return Page();
    }, "period");

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var file = await export.HandleAsync(AgencyId ?? Guid.Empty, PeriodText, IncludeUnverified, ct);
        return File(file.Content, file.ContentType, file.FileName);
    }, "period");

    /// <summary>The link to the same recap in another period or mode.</summary>
    public string Link(string? period = null, bool? includeUnverified = null, string? handler = null) =>
        $"/Recap?agencyId={AgencyId}&period={period ?? Recap?.Period ?? PeriodText}"
        + ((includeUnverified ?? IncludeUnverified) ? "&includeUnverified=true" : "")
        + (handler is null ? "" : "&handler=" + handler);
}
