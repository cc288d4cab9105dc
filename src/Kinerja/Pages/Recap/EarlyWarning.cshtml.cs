using Kinerja.Features.Recap;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Recap;

/// <summary>Early warning: indicators at risk of missing this year's target, with the reason.</summary>
public sealed class EarlyWarningModel(GetEarlyWarning warning, CurrentUser me, TimeProvider clock) : KinerjaPage
{
    [BindProperty(SupportsGet = true)] public Guid? AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public EarlyWarningDto? Warning { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await me.LoadAsync(ct);
        AgencyId ??= me.Grants.FirstOrDefault()?.AgencyId ?? throw AppProblem.NotFound("Instansi");
        Year ??= clock.GetLocalNow().Year;
        Warning = await warning.HandleAsync(AgencyId.Value, Year, ct);
        return Page();
    }, "year");
}
