using Kinerja.Features.Reports;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Reports;

/// <summary>The agency's performance reports, and the form that starts one (coordinator or secretary).</summary>
public sealed class IndexModel(ListReports list, CreateReport create, CurrentUser me) : KinerjaPage
{
    [BindProperty(SupportsGet = true)] public Guid AgencyId { get; set; }

    public IReadOnlyList<ReportSummaryDto> Reports { get; private set; } = [];
    public bool CanCreate { get; private set; }

    [BindProperty] public CreateInput Create { get; set; } = new();

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await OnReloadAsync();
        return Page();
    });

    protected override async Task OnReloadAsync()
    {
        Reports = await list.HandleAsync(AgencyId, HttpContext.RequestAborted);
        CanCreate = ReportAccess.MayDraft(me, AgencyId);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var report = await create.HandleAsync(AgencyId, new CreateReportRequest(Create.Kind, Create.Period?.Trim()), ct);
        return Redirect($"/Reports/Details/{report.Id}");
    }, nameof(Create));

    public sealed class CreateInput
    {
        public string? Kind { get; set; } = "quarterly";
        public string? Period { get; set; }
    }
}
