using System.Text.Json;
using Kinerja.Data;
using Kinerja.Domain.Achievement;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Rounds;
using Kinerja.Features.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Rounds;

public sealed record WorksheetLineDto(
    Guid LineId, Guid IndicatorId, string Code, string Indicator, string Measure, string Polarity, decimal? Target, decimal? TargetToDate,
    decimal? RangeLow, decimal? RangeHigh, decimal? PreviousRealization, decimal? Realization, decimal? Achievement, string AchievementStatus,
    bool NeedsExplanation, string? Explanation, IReadOnlyList<EvidenceDto> Evidence, string ReviewStatus, string? ReviewReason,
    IReadOnlyList<CommentDto> Comments, int Version, IReadOnlyList<string> ChangedSinceLastSubmission, SubmittedLine? LastSubmitted);

public sealed record WorksheetDto(
    Guid Id, Guid RoundId, string Period, Guid UnitId, string Unit, string Status, IReadOnlyList<string> AllowedActions, bool Late,
    DateTimeOffset? Deadline, string? SubmittedBy, DateTimeOffset? SubmittedAt, int Submissions, string? ReopenReason,
    IReadOnlyList<WorksheetLineDto> Lines, IReadOnlyList<WorksheetBudgetDto> Budget, int Version);

/// <summary>A budget line of a worksheet; <c>Absorption</c> is the period's realization against the period's cash plan, in percent.</summary>
public sealed record WorksheetBudgetDto(
    Guid LineId, Guid BudgetItemId, string Code, string Name, string Level, decimal Pagu, decimal? PlannedToDate, decimal? PlannedPeriod,
    decimal? Realization, decimal? Absorption, int Version);

/// <summary>Loads a worksheet with the checks every worksheet use case shares.</summary>
public sealed class WorksheetAccess(KinerjaDbContext db, CurrentUser me)
{
    private static readonly PerProvider<Func<KinerjaDbContext, Guid, CancellationToken, Task<Worksheet?>>> SheetById = new(() =>
        EF.CompileAsyncQuery((KinerjaDbContext db, Guid id, CancellationToken _) => db.Worksheets.SingleOrDefault(w => w.Id == id)));

    public async Task<(Worksheet Sheet, Round Round)> LoadAsync(Guid worksheetId, CancellationToken ct)
    {
        var sheet = await LoadSheetAsync(worksheetId, ct);
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == sheet.RoundId, ct);
        return (sheet, round);
    }

    /// <summary>The worksheet alone (tracked), when its round is not needed: the save-a-cell path.</summary>
    public async Task<Worksheet> LoadSheetAsync(Guid worksheetId, CancellationToken ct)
    {
        await me.LoadAsync(ct);
        var sheet = await SheetById.For(db)(db, worksheetId, ct);
        if (sheet is null || !me.BelongsTo(sheet.AgencyId)) throw AppProblem.NotFound("Kertas kerja");
        if (!me.SeesWholeAgency(sheet.AgencyId) && !await IsWithinOwnUnitsAsync(sheet, _ => true, ct)) throw AppProblem.NotFound("Kertas kerja");

        return sheet;
    }

    /// <summary>
    /// Whether the worksheet's unit is one of the user's units (held with a role <paramref name="which"/> accepts) or below one.
    /// A unit of one's own needs no tree; the agency's unit tree is loaded only to look below, once per request.
    /// </summary>
    private async Task<bool> IsWithinOwnUnitsAsync(Worksheet sheet, Func<Role, bool> which, CancellationToken ct)
    {
        var grants = me.Grants.Where(g => g.AgencyId == sheet.AgencyId && which(g.Role)).ToList();
        if (grants.Count == 0) return false;
        if (grants.Any(g => g.UnitId == sheet.UnitId)) return true;
        var tree = await TreeAsync(sheet.AgencyId, ct);
        return grants.Any(g => tree.IsWithin(sheet.UnitId, g.UnitId));
    }

    private (Guid Agency, UnitTree Tree)? _tree;

    /// <summary>The agency's unit tree, loaded once per request.</summary>
    private async Task<UnitTree> TreeAsync(Guid agencyId, CancellationToken ct)
    {
        if (_tree is { } t && t.Agency == agencyId) return t.Tree;
        var tree = await db.LoadUnitTreeAsync(agencyId, ct);
        _tree = (agencyId, tree);
        return tree;
    }

    /// <summary>Fill and submit: people of the unit (or a unit above it), and the coordinator (for data from outside the agency).</summary>
    public async Task EnsureCanFillAsync(Worksheet sheet, CancellationToken ct)
    {
        if (!await CanFillAsync(sheet, ct)) throw CurrentUser.Denied("pengisian kertas kerja unit ini");
    }

    public async Task<bool> CanFillAsync(Worksheet sheet, CancellationToken ct)
    {
        await me.LoadAsync(ct);
        if (me.HasAgencyRole(sheet.AgencyId, Role.Coordinator)) return true;
        return await IsWithinOwnUnitsAsync(sheet, r => r is Role.UnitHead or Role.Staff, ct);
    }

    public Task<string> UnitNameAsync(Worksheet sheet, CancellationToken ct) =>
        db.Units.AsNoTracking().Where(u => u.Id == sheet.UnitId).Select(u => u.Name).SingleAsync(ct);

    public bool CanReview(Worksheet sheet) => me.HasAgencyRole(sheet.AgencyId, Role.Coordinator, Role.Secretary);

    public void EnsureCanReview(Worksheet sheet)
    {
        if (!CanReview(sheet)) throw CurrentUser.Denied("pemeriksaan kertas kerja");
    }
}

public sealed class GetWorksheet(KinerjaDbContext db, WorksheetAccess access, TimeProvider clock)
{
    public async Task<WorksheetDto> HandleAsync(Guid worksheetId, CancellationToken ct = default)
    {
        var (sheet, round) = await access.LoadAsync(worksheetId, ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == sheet.UnitId).Select(u => u.Name).SingleAsync(ct);
        var lines = await (from l in db.WorksheetLines.AsNoTracking()
                           join i in db.Indicators.AsNoTracking() on l.IndicatorId equals i.Id
                           where l.WorksheetId == worksheetId
                           orderby l.Order
                           select new { l, i }).ToListAsync(ct);
        var extras = await LineExtras.LoadAsync(db, sheet, ct);
        return new WorksheetDto(sheet.Id, round.Id, round.Period, sheet.UnitId, unit, PlanAccess.ApiName(sheet.Status),
            WorksheetWorkflow.Allowed(sheet.Status).Select(WorksheetWorkflow.ApiName).ToList(),
            WorksheetWorkflow.IsLate(sheet.Status, sheet.Deadline, clock.GetUtcNow()), sheet.Deadline, sheet.SubmittedBy, sheet.SubmittedAt,
            sheet.Submissions, sheet.ReopenReason, lines.Select(x => ToDto(x.l, x.i, extras)).ToList(), await BudgetAsync(db, worksheetId, ct), sheet.Version);
    }

    public static async Task<IReadOnlyList<WorksheetBudgetDto>> BudgetAsync(KinerjaDbContext db, Guid worksheetId, CancellationToken ct, Guid? lineId = null)
    {
        var rows = await (from b in db.WorksheetBudgetLines.AsNoTracking()
                          join i in db.BudgetItems.AsNoTracking() on b.BudgetItemId equals i.Id
                          where b.WorksheetId == worksheetId && (lineId == null || b.Id == lineId)
                          orderby b.Order
                          select new { b, i.Code, i.Name, i.Level }).ToListAsync(ct);
        return rows.Select(r => new WorksheetBudgetDto(r.b.Id, r.b.BudgetItemId, r.Code, r.Name, PlanAccess.ApiName(r.Level), r.b.Pagu, r.b.PlannedToDate,
            r.b.PlannedPeriod, r.b.Realization, BudgetPerformance.Absorption(r.b.Realization, r.b.PlannedPeriod) is { IsComputed: true } a ? a.Rounded : null,
            r.b.Version)).ToList();
    }

    public static WorksheetLineDto ToDto(WorksheetLine l, Domain.Plan.Indicator i, LineExtras extras)
    {
        var a = AchievementCalculator.Compute(i.Polarity, l.PeriodTarget, l.Realization, l.RangeLow, l.RangeHigh);
        var evidence = extras.Evidence.GetValueOrDefault(l.Id) ?? [];
        var before = extras.LastSubmitted.GetValueOrDefault(l.Id);
        return new WorksheetLineDto(l.Id, i.Id, i.Code, i.Name, i.Measure, PlanAccess.ApiName(i.Polarity), l.PeriodTarget, l.TargetToDate,
            l.RangeLow, l.RangeHigh, l.PreviousRealization, l.Realization, a.IsComputed ? a.Rounded : null, PlanAccess.ApiName(a.Status),
            ExplanationRule.Default.Needs(a.IsComputed ? a.Percent : null, l.Realization, l.PreviousRealization), l.Explanation, evidence,
            PlanAccess.ApiName(l.Review), l.ReviewReason, extras.Comments.GetValueOrDefault(l.Id) ?? [], l.Version,
            SubmissionDiff.Changed(before, l.Realization, l.Explanation, LineExtras.Keys(evidence)), before);
    }
}

public sealed record SaveLineRequest(decimal? Realization, string? Explanation);

/// <summary>Saves one line as it is typed. Stale versions (If-Match) answer 412 and change nothing.</summary>
public sealed class SaveLine(KinerjaDbContext db, WorksheetAccess access, CurrentUser me)
{
    public async Task<WorksheetLineDto> HandleAsync(Guid worksheetId, Guid lineId, SaveLineRequest r, int? expectedVersion, CancellationToken ct = default)
    {
        // One open for the request's queries: EF Core would otherwise open and close the connection around each of them.
        await db.Database.OpenConnectionAsync(ct);
        var sheet = await access.LoadSheetAsync(worksheetId, ct);
        await access.EnsureCanFillAsync(sheet, ct);
        var found = await LineWithIndicator.For(db)(db, lineId, worksheetId, ct) ?? throw AppProblem.NotFound("Baris");
        var (line, indicator) = (found.Line, found.Indicator);
        db.Entry(indicator).State = EntityState.Detached; // read only: not checked for changes at every save
        if (expectedVersion is not null && expectedVersion != line.Version) throw Concurrency.Stale();
        if (r.Realization is { } v && Math.Abs(v) > Domain.Plan.TargetValues.MaxMagnitude) throw AppProblem.Invalid("realization", new Text("Angka terlalu besar."));
        if (r.Explanation?.Length > 4000) throw AppProblem.Invalid("explanation", new Text("{0} paling panjang {1} karakter.", "Penjelasan", 4000));
        for (var attempt = 1; ; attempt++)
        {
            Workflow(() => sheet.Edited());
            line.Fill(r.Realization, string.IsNullOrWhiteSpace(r.Explanation) ? null : r.Explanation.Trim(), me.UserName ?? "?");
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateConcurrencyException) when (expectedVersion is null && attempt < 16)
            {
                // No If-Match: the caller asked to overwrite. Someone saved the same line or worksheet a moment
                // ago; take their version (and the worksheet's status, which may now forbid editing) and apply again.
                await db.Entry(sheet).ReloadAsync(ct);
                await db.Entry(line).ReloadAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw Concurrency.Stale();
            }
        }

        return GetWorksheet.ToDto(line, indicator, await LineExtras.LoadAsync(db, sheet, ct, lineId));
    }

    private sealed record Found(WorksheetLine Line, Domain.Plan.Indicator Indicator);

    /// <summary>The line (tracked) with its indicator in one query: the save path runs it for every keystroke that reaches the server.</summary>
    private static readonly PerProvider<Func<KinerjaDbContext, Guid, Guid, CancellationToken, Task<Found?>>> LineWithIndicator = new(() =>
        EF.CompileAsyncQuery((KinerjaDbContext db, Guid lineId, Guid worksheetId, CancellationToken _) =>
            (from l in db.WorksheetLines
             join i in db.Indicators on l.IndicatorId equals i.Id
             where l.Id == lineId && l.WorksheetId == worksheetId
             select new Found(l, i)).SingleOrDefault()));

    internal static void Workflow(Action action)
    {
        try
        {
            action();
        }
        catch (WorkflowException e)
        {
            throw e.IsStateConflict ? AppProblem.NotNow(e.Text, e.AllowedActions) : AppProblem.Invalid("", e.Text);
        }
    }
}

public sealed record SaveBudgetLineRequest(decimal? Realization);

/// <summary>Saves what the unit spent in the period on one budget line; same access and workflow as a line.</summary>
public sealed class SaveBudgetLine(KinerjaDbContext db, WorksheetAccess access)
{
    public async Task<WorksheetBudgetDto> HandleAsync(Guid worksheetId, Guid lineId, SaveBudgetLineRequest r, int? expectedVersion, CancellationToken ct = default)
    {
        var (sheet, _) = await access.LoadAsync(worksheetId, ct);
        await access.EnsureCanFillAsync(sheet, ct);
        var line = await db.WorksheetBudgetLines.SingleOrDefaultAsync(l => l.Id == lineId && l.WorksheetId == worksheetId, ct) ?? throw AppProblem.NotFound("Baris anggaran");
        if (expectedVersion is not null && expectedVersion != line.Version) throw Concurrency.Stale();
        if (r.Realization is { } v && v > Domain.Plan.TargetValues.MaxMagnitude) throw AppProblem.Invalid("realization", new Text("Angka terlalu besar."));
        if (r.Realization is < 0) throw AppProblem.Invalid("realization", new Text("Realisasi anggaran tidak boleh negatif."));
        SaveLine.Workflow(() => sheet.Edited());
        line.Fill(r.Realization);
        await Concurrency.SaveAsync(db, ct);
        return (await GetWorksheet.BudgetAsync(db, worksheetId, ct, lineId)).Single();
    }
}

/// <summary>Sends the worksheet to the coordinator: every line filled, explanations where asked; the values are frozen.</summary>
public sealed class SubmitWorksheet(
    KinerjaDbContext db, WorksheetAccess access, CurrentUser me, TimeProvider clock, GetWorksheet get, Notifications.Notifier notify, Sop.RoundStepRecorder steps)
{
    public async Task<WorksheetDto> HandleAsync(Guid worksheetId, CancellationToken ct = default)
    {
        var (sheet, round) = await access.LoadAsync(worksheetId, ct);
        await access.EnsureCanFillAsync(sheet, ct);
        var lines = await db.WorksheetLines.Where(l => l.WorksheetId == worksheetId).OrderBy(l => l.Order).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => lines.Select(l => l.IndicatorId).Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var extras = await LineExtras.LoadAsync(db, sheet, ct);
        var dtos = lines.Select(l => GetWorksheet.ToDto(l, indicators[l.IndicatorId], extras)).ToList();
        var check = dtos.Select(d => new LineForSubmit(d.Code, d.Realization, d.Explanation, d.NeedsExplanation)).ToList();
        // Budget realization is not required to submit: in many agencies the finance subdivision (the coordinator) fills it from SIPD.
        var budget = await GetWorksheet.BudgetAsync(db, worksheetId, ct);
        var now = clock.GetUtcNow();
        SaveLine.Workflow(() => sheet.Submit(me.UserName ?? "?", now, check));
        foreach (var l in lines) l.ResetReview();
        var frozen = dtos.Select(d => new SubmittedLine(d.LineId, d.Code, d.Realization, d.Explanation, LineExtras.Keys(d.Evidence)))
            .Concat(budget.Select(b => new SubmittedLine(b.LineId, b.Code, b.Realization, null, []))).ToList();
        db.WorksheetSubmissions.Add(new WorksheetSubmission(Guid.CreateVersion7(), sheet.AgencyId, sheet.Id, sheet.Submissions, me.UserName ?? "?", now,
            JsonSerializer.Serialize(frozen, LineExtras.Json)));
        await notify.ToRolesAsync(sheet.AgencyId, [Role.Coordinator, Role.Secretary], $"/Worksheets/{sheet.Id}",
            new Text("Kertas kerja {0} untuk {1} dikirim dan menunggu pemeriksaan.", await access.UnitNameAsync(sheet, ct), Period.Parse(round.Period).DisplayName), ct);
        // The SOP's fill-and-submit step is done when the last unit has sent its worksheet for the first time.
        if (sheet.Submissions == 1 && !await db.Worksheets.AnyAsync(w => w.RoundId == round.Id && w.Id != sheet.Id && w.Submissions == 0, ct))
        {
            await steps.RecordAsync(round, Domain.Sop.SopAction.FillAndSubmit, now, me.UserName ?? "?", ct);
        }

        await Concurrency.SaveAsync(db, ct);
        return await get.HandleAsync(worksheetId, ct);
    }
}

public sealed record ReviewLineRequest(string? Decision, string? Reason);

/// <summary>The coordinator accepts a line or returns it for confirmation with a reason; the last decision verifies or returns the worksheet.</summary>
public sealed class ReviewLine(
    KinerjaDbContext db, WorksheetAccess access, CurrentUser me, GetWorksheet get, Notifications.Notifier notify, Sop.RoundStepRecorder steps, TimeProvider clock)
{
    public async Task<WorksheetDto> HandleAsync(Guid worksheetId, Guid lineId, ReviewLineRequest r, CancellationToken ct = default)
    {
        var (sheet, round) = await access.LoadAsync(worksheetId, ct);
        access.EnsureCanReview(sheet);
        var decision = r.Decision?.Trim().ToLowerInvariant() switch
        {
            "accept" => WorksheetAction.Accept,
            "return" => WorksheetAction.Return,
            _ => throw AppProblem.Invalid("decision", new Text("Keputusan harus accept atau return.")),
        };
        if (r.Reason?.Length > 1000) throw AppProblem.Invalid("reason", new Text("{0} paling panjang {1} karakter.", "Alasan", 1000));
        var lines = await db.WorksheetLines.Where(l => l.WorksheetId == worksheetId).ToListAsync(ct);
        var line = lines.SingleOrDefault(l => l.Id == lineId) ?? throw AppProblem.NotFound("Baris");
        var after = lines.Select(l => l.Id == lineId ? (decision == WorksheetAction.Accept ? LineReview.Accepted : LineReview.Returned) : l.Review).ToList();
        SaveLine.Workflow(() =>
        {
            sheet.Reviewed(decision, me.UserName ?? "?", r.Reason, after);
            line.EnsureReviewableBy(me.UserName ?? "?");
        });
        line.SetReview(after[lines.IndexOf(line)], me.UserName ?? "?", string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim());
        if (sheet.Status is WorksheetStatus.Returned or WorksheetStatus.Verified)
        {
            var unit = await access.UnitNameAsync(sheet, ct);
            var period = Period.Parse(round.Period).DisplayName;
            await notify.ToUnitAsync(sheet.AgencyId, sheet.UnitId, $"/Worksheets/{sheet.Id}", sheet.Status == WorksheetStatus.Verified
                ? new Text("Kertas kerja {0} untuk {1} sudah terverifikasi.", unit, period)
                : new Text("Kertas kerja {0} untuk {1} dikembalikan: ada baris yang perlu dikonfirmasi.", unit, period), ct);

            // The SOP's check step: a return loops back to the unit (counted); the last verification completes it.
            if (sheet.Status == WorksheetStatus.Returned) await steps.RepeatedAsync(round, Domain.Sop.SopAction.VerifyOrReturn, ct);
            else if (!await db.Worksheets.AnyAsync(w => w.RoundId == round.Id && w.Id != sheet.Id && w.Status != WorksheetStatus.Verified, ct))
                await steps.RecordAsync(round, Domain.Sop.SopAction.VerifyOrReturn, clock.GetUtcNow(), me.UserName ?? "?", ct);
        }

        await Concurrency.SaveAsync(db, ct);
        return await get.HandleAsync(worksheetId, ct);
    }
}
