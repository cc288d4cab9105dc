using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;

namespace Kinerja.Domain.Rounds;

public enum RoundStatus
{
    /// <summary>Ordered and distributed; units are filling.</summary>
    Open,

    /// <summary>Every worksheet verified, or closed by the coordinator.</summary>
    Closed,
}

/// <summary>One run of the SOP "Pengumpulan Data Kinerja" for one period, opened by a disposition.</summary>
public sealed class Round : IAgencyOwned, IVersioned
{
    private Round() { Period = SopTemplateId = DispositionText = OrderedBy = string.Empty; }

    public Round(Guid id, Guid agencyId, string period, string sopTemplateId, string dispositionText, string orderedBy, DateTimeOffset orderedAt)
    {
        Id = id;
        AgencyId = agencyId;
        Period = period;
        SopTemplateId = sopTemplateId;
        DispositionText = dispositionText;
        OrderedBy = orderedBy;
        OrderedAt = orderedAt;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }

    /// <summary>The API form: 2025-Q1, 2025-S1, 2025, 2025-M03.</summary>
    public string Period { get; private set; }
    public string SopTemplateId { get; private set; }

    /// <summary>The disposition (lembar disposisi / nota dinas) that orders the collection.</summary>
    public string DispositionText { get; private set; }
    public string OrderedBy { get; private set; }
    public DateTimeOffset OrderedAt { get; private set; }
    public RoundStatus Status { get; private set; }

    /// <summary>The SOP template as it was when the round opened (JSON), so later edits never change a running round.</summary>
    public string? SopJson { get; private set; }
    public int Version { get; private set; }

    public void Close() => Status = RoundStatus.Closed;

    public void Follows(string sopJson) => SopJson = sopJson;
}

/// <summary>The worksheet (kertas kerja) of one unit in a round.</summary>
public sealed class Worksheet : IAgencyOwned, IVersioned
{
    private Worksheet() { }

    public Worksheet(Guid id, Guid agencyId, Guid roundId, Guid unitId, DateTimeOffset? deadline)
    {
        Id = id;
        AgencyId = agencyId;
        RoundId = roundId;
        UnitId = unitId;
        Deadline = deadline;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid UnitId { get; private set; }
    public WorksheetStatus Status { get; private set; }
    public DateTimeOffset? Deadline { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>How many times it was submitted; each submission is a frozen version.</summary>
    public int Submissions { get; private set; }
    public int Version { get; private set; }

    public void Edited() => Status = WorksheetWorkflow.AfterEdit(Status);

    public void Submit(string by, DateTimeOffset at, IReadOnlyList<LineForSubmit> lines)
    {
        var problems = WorksheetWorkflow.SubmitProblems(Status, lines);
        if (problems.Count > 0)
        {
            throw new WorkflowException(new Text("Kertas kerja belum lengkap: {0}", string.Join(" ", problems.Select(p => p.Problem.ToString()))), []);
        }

        Status = WorksheetStatus.Submitted;
        SubmittedBy = by;
        SubmittedAt = at;
        Submissions++;
    }

    public void Reviewed(WorksheetAction decision, string reviewer, string? reason, IReadOnlyList<LineReview> linesAfter) =>
        Status = WorksheetWorkflow.AfterReview(Status, decision, reviewer, SubmittedBy ?? string.Empty, reason, linesAfter);

    /// <summary>Why it was last reopened (the audit trail keeps every earlier reason).</summary>
    public string? ReopenReason { get; private set; }

    public void Reopen(string? reason)
    {
        Status = WorksheetWorkflow.Reopen(Status, reason);
        ReopenReason = reason!.Trim();
    }
}

/// <summary>One indicator of a worksheet: its targets for the period, what the unit reports, and the coordinator's review.</summary>
public sealed class WorksheetLine : IAgencyOwned, IVersioned
{
    private WorksheetLine() { }

    public WorksheetLine(Guid id, Guid agencyId, Guid worksheetId, Guid indicatorId, int order, decimal? targetToDate, decimal? periodTarget,
        decimal? rangeLow, decimal? rangeHigh, decimal? previousRealization)
    {
        Id = id;
        AgencyId = agencyId;
        WorksheetId = worksheetId;
        IndicatorId = indicatorId;
        Order = order;
        TargetToDate = targetToDate;
        PeriodTarget = periodTarget;
        RangeLow = rangeLow;
        RangeHigh = rangeHigh;
        PreviousRealization = previousRealization;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid WorksheetId { get; private set; }
    public Guid IndicatorId { get; private set; }
    public int Order { get; private set; }
    public decimal? TargetToDate { get; private set; }
    public decimal? PeriodTarget { get; private set; }
    public decimal? RangeLow { get; private set; }
    public decimal? RangeHigh { get; private set; }
    public decimal? PreviousRealization { get; private set; }

    /// <summary>The period's own realization as the unit reports it.</summary>
    public decimal? Realization { get; private set; }
    public string? Explanation { get; private set; }
    public LineReview Review { get; private set; }
    public string? ReviewReason { get; private set; }
    public string? ReviewedBy { get; private set; }
    public int Version { get; private set; }

    /// <summary>
    /// Saves what the unit reports. A changed value needs a fresh review, even on a line accepted
    /// before (a returned worksheet can still be edited as a whole).
    /// </summary>
    public void Fill(decimal? realization, string? explanation, string by)
    {
        var changed = Realization != realization || !string.Equals(Explanation, explanation, StringComparison.Ordinal);
        Realization = realization;
        Explanation = explanation;
        if (changed) FilledBy = by;
        if (changed || Review == LineReview.Returned) Review = LineReview.Pending;
    }

    /// <summary>Evidence added or removed: like a changed value, it needs a fresh review.</summary>
    public void EvidenceChanged(string by)
    {
        FilledBy = by;
        if (Review == LineReview.Accepted || Review == LineReview.Returned) Review = LineReview.Pending;
    }

    /// <summary>Who last changed the value, explanation or evidence: that person cannot verify the line.</summary>
    public string? FilledBy { get; private set; }

    /// <summary>The four-eyes rule per line: whoever entered a value (a coordinator filling for a unit, too) cannot accept or return it.</summary>
    public void EnsureReviewableBy(string reviewer)
    {
        if (string.Equals(FilledBy, reviewer, StringComparison.OrdinalIgnoreCase))
            throw new WorkflowException(new Text("Yang mengisi nilai tidak boleh memverifikasinya sendiri."), []);
    }

    public void ResetReview()
    {
        if (Review != LineReview.Accepted) Review = LineReview.Pending;
    }

    public void SetReview(LineReview review, string reviewer, string? reason)
    {
        Review = review;
        ReviewedBy = reviewer;
        ReviewReason = reason;
    }
}

/// <summary>
/// One budget line (DPA sub-activity or activity) behind the unit's indicators in a worksheet: its ceiling,
/// the cash plan for the period, and what the unit reports as spent in the period (realisasi anggaran).
/// </summary>
public sealed class WorksheetBudgetLine : IAgencyOwned, IVersioned
{
    private WorksheetBudgetLine() { }

    public WorksheetBudgetLine(Guid id, Guid agencyId, Guid worksheetId, Guid budgetItemId, int order, decimal pagu, decimal? plannedToDate, decimal? plannedPeriod)
    {
        Id = id;
        AgencyId = agencyId;
        WorksheetId = worksheetId;
        BudgetItemId = budgetItemId;
        Order = order;
        Pagu = pagu;
        PlannedToDate = plannedToDate;
        PlannedPeriod = plannedPeriod;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid WorksheetId { get; private set; }
    public Guid BudgetItemId { get; private set; }
    public int Order { get; private set; }
    public decimal Pagu { get; private set; }

    /// <summary>The cash plan (rencana penarikan dana) from the start of the year to the end of the period.</summary>
    public decimal? PlannedToDate { get; private set; }

    /// <summary>The cash plan of the period alone.</summary>
    public decimal? PlannedPeriod { get; private set; }

    /// <summary>Spent in the period, as the unit reports it.</summary>
    public decimal? Realization { get; private set; }
    public int Version { get; private set; }

    public void Fill(decimal? realization)
    {
        if (realization is < 0) throw new WorkflowException(new Text("Realisasi anggaran tidak boleh negatif."), []);
        Realization = realization;
    }
}
