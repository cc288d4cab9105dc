using Kinerja.Domain.Organisation;
using Kinerja.Features.Organisation;
using Kinerja.Features.Plan;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Plan;

public sealed class AgreementModel(GetAgreement get, SignAgreement sign, ListUnits units, RenderAgreement render, CurrentUser me) : KinerjaPage
{
    [BindProperty(SupportsGet = true)] public Guid AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }

    public AgreementDto Agreement { get; private set; } = null!;
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];
    public bool CanSign { get; private set; }

    [BindProperty] public SignInput Sign { get; set; } = new();

    public Task<IActionResult> OnGetAsync() => RunAsync(async () =>
    {
        await OnReloadAsync();
        return Page();
    });

    protected override async Task OnReloadAsync()
    {
        Agreement = await get.HandleAsync(AgencyId, Year, UnitId, HttpContext.RequestAborted);
        Units = await units.HandleAsync(AgencyId, HttpContext.RequestAborted);
        CanSign = me.HasAgencyRole(AgencyId, Role.Head, Role.Coordinator, Role.Admin);
        Sign.Place ??= Agreement.Place;
        Sign.Date ??= Agreement.Date;
    }

    public async Task<IActionResult> OnGetDocumentAsync(string? format, CancellationToken ct)
    {
        try
        {
            var file = await render.HandleAsync(AgencyId, Year, UnitId, format == "pdf", ct);
            return File(file.Content, file.ContentType, file.FileName);
        }
        catch (Kinerja.Infrastructure.AppProblem p) when (p.Status == StatusCodes.Status503ServiceUnavailable)
        {
            ModelState.AddModelError(string.Empty, M[p.Detail ?? p.Title]);
            await OnReloadAsync();
            return Page();
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await sign.HandleAsync(AgencyId, Year, UnitId, new SignAgreementRequest(Sign.SecondPartyName, null, null, Sign.Place, Sign.Date), ct);
        return Redirect($"/Plan/Agreement?agencyId={AgencyId}&year={Year}&unitId={UnitId}");
    }, nameof(Sign));

    public sealed class SignInput
    {
        public string? SecondPartyName { get; set; }
        public string? Place { get; set; }
        public DateOnly? Date { get; set; }
    }
}
