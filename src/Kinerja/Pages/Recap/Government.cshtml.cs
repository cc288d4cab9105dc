using Kinerja.Domain.Plan;
using Kinerja.Features.Recap;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Recap;

/// <summary>Every agency of a government side by side, for the Inspektorat, Bappeda and the system administrator.</summary>
public sealed class GovernmentModel(GetGovernmentRecap recap, ReadableGovernments readable, Kinerja.Features.Audit.ListAudit audit, TimeProvider clock) : KinerjaPage
{
    [BindProperty(SupportsGet = true)] public Guid? GovernmentId { get; set; }
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodText { get; set; }
    [BindProperty(SupportsGet = true)] public bool IncludeUnverified { get; set; }

    public GovernmentRecapDto? Recap { get; private set; }
    public IReadOnlyList<GovernmentDto> Governments { get; private set; } = [];
    public int Year { get; private set; }

    /// <summary>The Inspektorat (and the system administrator) also opens each agency's audit trail from here.</summary>
    public bool MayAudit { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        Governments = await readable.HandleAsync(ct);
        GovernmentId ??= Governments.FirstOrDefault()?.Id ?? throw AppProblem.NotFound("Pemerintah daerah");
        if (string.IsNullOrWhiteSpace(PeriodText))
        {
            var today = clock.GetLocalNow();
            PeriodText = Period.Quarter(today.Year, (today.Month + 2) / 3).ToString();
        }

        Year = Period.TryParse(PeriodText, out var p, out _) ? p.Year : clock.GetLocalNow().Year;
        try
        {
            Recap = await recap.HandleAsync(GovernmentId.Value, PeriodText, IncludeUnverified, ct);
        }
        catch (AppProblem busy) when (busy.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // Too many government recaps waiting (GovernmentRecapTurns): the form and the message, with Retry-After.
            Response.StatusCode = busy.Status;
            busy.AddHeadersTo(Response);
            ModelState.AddModelError(string.Empty, M[busy.Title] + " " + M[busy.Detail!]);
            return Page();
        }

        MayAudit = await audit.MayAuditGovernmentAsync(GovernmentId.Value, ct);
        return Page();
    }, "period");
}
