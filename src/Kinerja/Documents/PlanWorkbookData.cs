namespace Kinerja.Documents;

/// <summary>
/// The performance plan of one agency as it travels in the plan workbook (xlsx): Renstra goals and
/// objectives, the DPA budget lines, indicators, their yearly targets and earlier realizations.
/// Enum-like values use the API spelling (e.g. <c>subActivity</c>, <c>higher</c>, <c>sum</c>).
/// </summary>
public sealed record PlanWorkbookData(
    string AgencyName, int FirstYear, int LastYear,
    IReadOnlyList<GoalRow> Goals, IReadOnlyList<ObjectiveRow> Objectives, IReadOnlyList<BudgetRow> Budget,
    IReadOnlyList<IndicatorRow> Indicators, IReadOnlyList<TargetRow> Targets, IReadOnlyList<HistoryRow> History);

/// <summary>Tujuan.</summary>
public sealed record GoalRow(string Code, string Name);

/// <summary>Sasaran.</summary>
public sealed record ObjectiveRow(string Code, string Name, string? GoalCode);

/// <summary>A DPA line. Level: program | activity | subActivity; quarters are the anggaran kas.</summary>
public sealed record BudgetRow(int Year, string Code, string Name, string Level, string? ParentCode, decimal Pagu,
    decimal? Q1, decimal? Q2, decimal? Q3, decimal? Q4);

/// <summary>
/// Kind: iku | program | activity | subActivity | individual; Unit = the responsible org unit's name;
/// Measure = satuan ("%", "Dokumen"); Polarity: higher | lower | range; Aggregation: sum | last | average.
/// </summary>
/// SupportsCode (cascading) = the code of the higher indicator this one supports, in the same sheet.
public sealed record IndicatorRow(string Code, string Name, string Kind, string? ObjectiveCode, string? BudgetCode,
    string Unit, string Measure, string Polarity, string Aggregation, decimal? Weight, string? Definition, string? DataSource,
    string? SupportsCode = null);

public sealed record TargetRow(string IndicatorCode, int Year, decimal? Annual, decimal? Q1, decimal? Q2, decimal? Q3, decimal? Q4,
    decimal? RangeLow, decimal? RangeHigh, decimal? StrategicEndTarget, decimal? NationalStandard, decimal? Baseline);

/// <summary>The realization of an earlier year.</summary>
public sealed record HistoryRow(string IndicatorCode, int Year, decimal Realization);

/// <summary>A problem found while reading the workbook. Row is 1-based (0 for the whole file or sheet); Column is the header text.</summary>
public sealed record CellProblem(string Sheet, int Row, string Column, Kinerja.Domain.Common.Text Message);

/// <summary>Data is null whenever there is at least one problem.</summary>
/// <param name="RowNumbers">The 1-based sheet row each record was read from (by reference), so later checks can name the row.</param>
public sealed record PlanWorkbookReadResult(PlanWorkbookData? Data, IReadOnlyList<CellProblem> Problems, IReadOnlyDictionary<object, int>? RowNumbers = null)
{
    /// <summary>The sheet row <paramref name="record"/> came from, or 0 when unknown.</summary>
    public int RowOf(object record) => RowNumbers?.GetValueOrDefault(record) ?? 0;
}

/// <summary>What <see cref="PlanWorkbook.Read"/> accepts before it refuses a file.</summary>
public sealed record PlanWorkbookLimits
{
    /// <summary>Size of the uploaded file (default 10 MB).</summary>
    public long MaxBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Uncompressed size of any one zip entry and of all entries together (default 100 MB).</summary>
    public long MaxUncompressedBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Non-blank data rows per sheet, header excluded (default 20,000).</summary>
    public int MaxRowsPerSheet { get; init; } = 20_000;
}
