using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Features.Rounds;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Pages.Worksheets;

/// <summary>
/// A unit's worksheet: the unit fills it cell by cell (each change is saved as it is typed, with htmx),
/// attaches evidence, talks per line, submits; the coordinator accepts or returns lines, sees what changed
/// since the last review, and reopens a verified worksheet with a reason.
/// </summary>
[RequestSizeLimit(Domain.Rounds.EvidenceRules.MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = Domain.Rounds.EvidenceRules.MaxFileBytes + 64 * 1024)]
public sealed class DetailsModel(
    GetWorksheet get, SaveLine save, SubmitWorksheet submit, ReviewLine review, AddComment comment, AddEvidence addEvidence,
    RemoveEvidence removeEvidence, DownloadEvidence download, ReopenWorksheet reopen, SaveBudgetLine saveBudget, WorksheetAccess access, KinerjaDbContext db, CurrentUser me) : KinerjaPage
{
    [FromRoute] public Guid Id { get; set; }

    public WorksheetDto Sheet { get; private set; } = null!;
    public Guid AgencyId { get; private set; }
    public bool CanFill { get; private set; }
    public bool CanReview { get; private set; }
    public bool Editable => CanFill && Sheet.AllowedActions.Contains("edit");
    public bool Reviewing => CanReview && Sheet.Status == "submitted" && !string.Equals(Sheet.SubmittedBy, me.UserName, StringComparison.OrdinalIgnoreCase);

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await OnReloadAsync();
        return Page();
    });

    protected override async Task OnReloadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Sheet = await get.HandleAsync(Id, ct);
        var (sheet, round) = await access.LoadAsync(Id, ct);
        AgencyId = round.AgencyId;
        CanFill = await access.CanFillAsync(sheet, ct);
        CanReview = access.CanReview(sheet);
    }

    /// <summary>
    /// Saves one line. From htmx: answers the line's state cell (and fresh inputs out of band); otherwise
    /// redirects back. Edits are merged field by field against what the page showed (the base values): a
    /// field this person did not touch takes the stored value, so two people filling different cells of a
    /// line never overwrite each other; a field both changed to different values is a conflict, shown with
    /// both values, and nothing is saved until the person types again.
    /// </summary>
    public async Task<IActionResult> OnPostSaveAsync(Guid lineId, string? realization, string? explanation,
        string? baseRealization, string? baseExplanation, CancellationToken ct)
    {
        var htmx = Request.Headers.ContainsKey("HX-Request");
        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(realization))
        {
            if (IndonesianFormat.TryParseNumber(realization, out var v)) value = v;
            else return await Refused(lineId, NotANumber(realization), htmx, ct);
        }

        decimal? baseValue = IndonesianFormat.TryParseNumber(baseRealization, out var b) ? b : null;
        var mineReal = value != baseValue;
        var mineExpl = Norm(explanation) != Norm(baseExplanation);
        try
        {
            var (sheet, _) = await access.LoadAsync(Id, ct);
            await access.EnsureCanFillAsync(sheet, ct);
            for (var attempt = 0; ; attempt++)
            {
                var stored = await db.WorksheetLines.AsNoTracking().Where(l => l.Id == lineId && l.WorksheetId == Id)
                    .Select(l => new { l.Realization, l.Explanation, l.Version }).SingleOrDefaultAsync(ct) ?? throw AppProblem.NotFound("Baris");
                var theirsReal = stored.Realization != baseValue;
                var theirsExpl = Norm(stored.Explanation) != Norm(baseExplanation);
                if ((mineReal && theirsReal && value != stored.Realization) || (mineExpl && theirsExpl && Norm(explanation) != Norm(stored.Explanation)))
                {
                    var text = M["Baris ini sudah diubah orang lain sejak halaman dibuka. Tidak ada yang disimpan."];
                    if (!htmx) return await Refused(lineId, text, htmx, ct);
                    var current = (await get.HandleAsync(Id, ct)).Lines.Single(l => l.LineId == lineId);
                    var mine = (realization ?? "") + (string.IsNullOrWhiteSpace(explanation) ? "" : " · " + explanation);
                    return Partial("_LineState", new LineState(current, Saved: false, Error: text, Mine: mine));
                }

                try
                {
                    var line = await save.HandleAsync(Id, lineId,
                        new SaveLineRequest(mineReal ? value : stored.Realization, mineExpl ? explanation : stored.Explanation), stored.Version, ct);
                    if (!htmx) return Redirect($"/Worksheets/{Id}#line-{lineId}");
                    var refresh = new LineInputs(Id, line, !mineReal && theirsReal, !mineExpl && theirsExpl, OutOfBand: true);
                    return Partial("_LineState", new LineState(line, Saved: true, Error: null, Mine: null) { Refresh = refresh });
                }
                catch (AppProblem p) when (p.Status == StatusCodes.Status412PreconditionFailed && attempt < 3)
                {
                    // Saved by someone else between reading and writing: merge again with the new values.
                }
            }
        }
        catch (AppProblem p) when (p.Status is StatusCodes.Status400BadRequest or StatusCodes.Status409Conflict or StatusCodes.Status412PreconditionFailed)
        {
            var text = p.Errors.Count > 0 ? string.Join(" ", p.Errors.SelectMany(e => e.Value).Select(t => M[t])) : M[p.Detail ?? p.Title];
            return await Refused(lineId, text, htmx, ct);
        }
    }

    private static string Norm(string? s) => string.IsNullOrWhiteSpace(s) ? "" : s.Trim();

    private Task<IActionResult> Refused(Guid lineId, Text message, bool htmx, CancellationToken ct) => Refused(lineId, M[message], htmx, ct);

    private async Task<IActionResult> Refused(Guid lineId, string text, bool htmx, CancellationToken ct)
    {
        if (!htmx)
        {
            ModelState.AddModelError(string.Empty, text);
            await OnReloadAsync();
            return Page();
        }

        // A line of another worksheet (or none): nothing to show the message in.
        var current = (await get.HandleAsync(Id, ct)).Lines.SingleOrDefault(l => l.LineId == lineId);
        return current is null ? NotFound() : Partial("_LineState", new LineState(current, Saved: false, Error: text, Mine: null));
    }

    /// <summary>A cell save from htmx refused before it ran (a value with NUL): the message in the line's state cell, as for a bad number.</summary>
    protected override async Task<IActionResult> OnRefusedInputAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HandlerMethod?.Name == "Save" && Request.Headers.ContainsKey("HX-Request") && context.HandlerArguments.TryGetValue("lineId", out var id) && id is Guid lineId)
        {
            var text = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return await RunAsync(() => Refused(lineId, text, htmx: true, HttpContext.RequestAborted));
        }

        return await base.OnRefusedInputAsync(context);
    }

    /// <summary>Saves the period's budget realizations typed in the budget table (only the lines that changed).</summary>
    public Task<IActionResult> OnPostBudgetAsync(List<Guid> budgetLine, List<string?> budgetRealization, List<int> budgetVersion, CancellationToken ct) => RunAsync(async () =>
    {
        var current = (await get.HandleAsync(Id, ct)).Budget.ToDictionary(b => b.LineId);
        var errors = new Dictionary<string, Text[]>();
        var changes = new List<(Guid Line, decimal? Value, int Version)>();
        for (var n = 0; n < budgetLine.Count && n < budgetRealization.Count && n < budgetVersion.Count; n++)
        {
            if (!current.TryGetValue(budgetLine[n], out var line)) continue;
            decimal? value = null;
            var text = budgetRealization[n];
            if (!string.IsNullOrWhiteSpace(text))
            {
                if (IndonesianFormat.TryParseNumber(text.Replace("Rp", "", StringComparison.OrdinalIgnoreCase), out var v)) value = v;
                else
                {
                    errors[$"budget[{line.Code}]"] = [NotANumber(text)];
                    continue;
                }
            }

            if (value != line.Realization) changes.Add((line.LineId, value, budgetVersion[n]));
        }

        if (errors.Count > 0) throw AppProblem.Invalid(errors);
        foreach (var (line, value, version) in changes) await saveBudget.HandleAsync(Id, line, new SaveBudgetLineRequest(value), version, ct);
        TempData["Notice"] = M["Realisasi anggaran tersimpan."];
        return Redirect($"/Worksheets/{Id}#budget");
    }, "");

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await submit.HandleAsync(Id, ct);
        TempData["Notice"] = M["Kertas kerja terkirim ke koordinator."];
        return Redirect($"/Worksheets/{Id}");
    }, "");

    public Task<IActionResult> OnPostReviewAsync(Guid lineId, string? decision, string? reason, CancellationToken ct) => RunAsync(async () =>
    {
        await review.HandleAsync(Id, lineId, new ReviewLineRequest(decision, reason), ct);
        return Redirect($"/Worksheets/{Id}#line-{lineId}");
    }, "");

    public Task<IActionResult> OnPostCommentAsync(Guid lineId, string? text, CancellationToken ct) => RunAsync(async () =>
    {
        await comment.HandleAsync(Id, lineId, new AddCommentRequest(text), ct);
        return Redirect($"/Worksheets/{Id}#extra-{lineId}");
    }, "");

    public Task<IActionResult> OnPostEvidenceAsync(Guid lineId, IFormFile? file, string? url, string? note, CancellationToken ct) => RunAsync(async () =>
    {
        await using var content = file?.OpenReadStream();
        await addEvidence.HandleAsync(Id, lineId, new EvidenceInput(file?.FileName, content, file?.Length, url, string.IsNullOrWhiteSpace(note) ? null : note), ct);
        return Redirect($"/Worksheets/{Id}#extra-{lineId}");
    }, "");

    public Task<IActionResult> OnPostRemoveEvidenceAsync(Guid lineId, Guid evidenceId, CancellationToken ct) => RunAsync(async () =>
    {
        await removeEvidence.HandleAsync(Id, lineId, evidenceId, ct);
        return Redirect($"/Worksheets/{Id}#extra-{lineId}");
    }, "");

    public Task<IActionResult> OnPostReopenAsync(string? reason, CancellationToken ct) => RunAsync(async () =>
    {
        await reopen.HandleAsync(Id, new ReopenRequest(reason), ct);
        return Redirect($"/Worksheets/{Id}");
    }, "");

    public Task<IActionResult> OnGetEvidenceAsync(Guid lineId, Guid evidenceId, CancellationToken ct) => RunAsync(async () =>
    {
        var f = await download.HandleAsync(Id, lineId, evidenceId, ct);
        f.Protect(Response);
        return File(f.Content, f.ContentType, f.FileName);
    });
}

/// <summary>What the state cell of a line shows after a save: the computed achievement, or why it was not saved.</summary>
public sealed record LineState(WorksheetLineDto Line, bool Saved, string? Error, string? Mine)
{
    /// <summary>Inputs to replace because someone else's value was merged in.</summary>
    public LineInputs? Refresh { get; init; }
}

/// <summary>The realization and/or explanation inputs of a line; out of band when a save response replaces them.</summary>
public sealed record LineInputs(Guid SheetId, WorksheetLineDto Line, bool Realization, bool Explanation, bool OutOfBand);
