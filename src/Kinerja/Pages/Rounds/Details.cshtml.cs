using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Rounds;
using Kinerja.Features.Rounds;
using Kinerja.Features.Sop;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Rounds;

/// <summary>
/// One round at a glance: the disposition, how complete it is, every worksheet the user may see, and the SOP steps with
/// their timing (steps without a system action are completed here, with a note and a file).
/// </summary>
[RequestSizeLimit(EvidenceRules.MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceRules.MaxFileBytes + 64 * 1024)]
public sealed class DetailsModel(
    GetRound getRound, ListWorksheets worksheets, GetRoundSteps getSteps, CompleteRoundStep complete, GetRoundStepFile stepFile, EvidenceStore store,
    CurrentUser me, TimeProvider clock) : KinerjaPage
{
    [FromRoute] public Guid Id { get; set; }

    public RoundDto Round { get; private set; } = null!;
    public Guid AgencyId { get; private set; }
    public IReadOnlyList<WorksheetSummaryDto> Worksheets { get; private set; } = [];
    public bool Reviews { get; private set; }
    public RoundStepsDto Steps { get; private set; } = null!;

    /// <summary>The step whose completion form was refused: its messages are shown next to that form.</summary>
    public int? FailedStep { get; private set; }

    /// <summary>The note typed into the refused form, kept.</summary>
    public string? Note { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await OnReloadAsync();
        return Page();
    });

    protected override async Task OnReloadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Round = await getRound.HandleAsync(Id, ct);
        Worksheets = await worksheets.HandleAsync(Id, ct);
        Steps = await getSteps.HandleAsync(Id, ct);
        AgencyId = me.Grants.FirstOrDefault()?.AgencyId ?? Guid.Empty;
        Reviews = me.Grants.Any(g => g.Role is Role.Coordinator or Role.Secretary);
    }

    /// <summary>Completes a step that has no system action (a meeting held, copies printed), with an optional note and file.</summary>
    public Task<IActionResult> OnPostCompleteStepAsync(int number, string? note, IFormFile? file, CancellationToken ct) => RunAsync(async () =>
    {
        FailedStep = number;
        Note = note;
        await using var stream = file?.OpenReadStream();
        await complete.HandleAsync(Id, number, new CompleteStepRequest(note),
            file is null || file.Length == 0 ? null : (file.FileName, stream!, file.Length), ct);
        return Redirect($"/Rounds/Details/{Id}#step-{number}");
    }, "Step");

    /// <summary>The file attached to a completed step, as an attachment that the browser does not render.</summary>
    public Task<IActionResult> OnGetStepFileAsync(int number, CancellationToken ct) => RunAsync(async () =>
    {
        var f = await stepFile.HandleAsync(Id, number, ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentSecurityPolicy = "sandbox";
        return File(store.Open(f.Sha256), f.ContentType, f.FileName);
    });

    /// <summary>A moment as the agency reads it: 3 Juni 2026 14.05.</summary>
    public string When(DateTimeOffset? at)
    {
        if (at is not { } a) return "-";
        var local = a.ToOffset(clock.GetLocalNow().Offset);
        return IndonesianFormat.Date(DateOnly.FromDateTime(local.DateTime)) + " " + local.ToString("HH.mm", IndonesianFormat.Culture);
    }
}
