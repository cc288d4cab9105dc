using System.Globalization;
using Kinerja.Domain.Achievement;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Reports;

namespace Kinerja.Documents;

/// <summary>
/// Everything printed in a Laporan Kinerja (quarterly, semester) or LKjIP (annual) in the PermenPAN-RB 53/2014
/// structure. A pure value: no database, no I/O. Numbers come in as <c>decimal</c> (percentages unrounded, as the
/// achievement engine gives them); <see cref="PerformanceReportDocx"/> rounds and formats them.
/// </summary>
/// <param name="Kind">Quarterly, semester or annual; must match <paramref name="Period"/> (a quarter, a semester, a year).</param>
/// <param name="Period">The period reported on.</param>
/// <param name="Letterhead">The kop surat on the cover.</param>
/// <param name="AgencyName">The agency as written in running text, e.g. <c>Kecamatan Pasrujambe</c>.</param>
/// <param name="Place">Where it is signed: <c>Pasrujambe, 15 Januari 2027</c>.</param>
/// <param name="Date">The date of the report and its signature.</param>
/// <param name="Narratives">The texts people wrote, by <see cref="ReportSections"/> key; a missing or blank one prints a
/// visible placeholder. Paragraphs are separated by line breaks.</param>
/// <param name="AgencyAchievement">The agency's achievement to date (mean of its objectives) and its category.</param>
/// <param name="AgencyPeriodAchievement">The agency's achievement for the period alone (the same as <paramref name="AgencyAchievement"/> for a year).</param>
/// <param name="StrategicPlan">The Renstra summary of Bab II.</param>
/// <param name="AgreementTargets">The year's Perjanjian Kinerja targets (Bab II and Lampiran).</param>
/// <param name="AgreementPrograms">The year's Perjanjian Kinerja programs with their budgets (Lampiran).</param>
/// <param name="Objectives">Bab III A, one entry per objective (sasaran), in report order.</param>
/// <param name="Budget">Bab III B: the programs (with their activities) with pagu and realization for the period.</param>
/// <param name="Signer">Who signs: the head of the agency.</param>
/// <param name="VerificationCode">Set once signed (e.g. <c>K7QF-9XMT-2R</c>): printed with a QR next to the signature
/// and in the footer. Null makes the document a draft: DRAF and the version in the header.</param>
/// <param name="VerificationUrl">What the QR holds, e.g. <c>https://kinerja.lumajangkab.go.id/verify/K7QF-9XMT-2R</c>;
/// printed under the QR. Null: the QR holds the code alone.</param>
/// <param name="Version">The generation number of this report (1 first).</param>
public sealed record PerformanceReportDocument(
    ReportKind Kind,
    Period Period,
    Letterhead Letterhead,
    string AgencyName,
    string Place,
    DateOnly Date,
    IReadOnlyDictionary<string, string> Narratives,
    ReportAchievement AgencyAchievement,
    ReportAchievement AgencyPeriodAchievement,
    StrategicPlanSummary StrategicPlan,
    IReadOnlyList<AgreementTargetRow> AgreementTargets,
    IReadOnlyList<AgreementProgramRow> AgreementPrograms,
    IReadOnlyList<ReportObjective> Objectives,
    IReadOnlyList<ReportProgram> Budget,
    Signatory Signer,
    string? VerificationCode,
    string? VerificationUrl,
    int Version)
{
    /// <summary>A draft has no verification code yet.</summary>
    public bool IsDraft => string.IsNullOrWhiteSpace(VerificationCode);

    /// <summary>
    /// "Laporan Kinerja Triwulan II Tahun 2026", "Laporan Kinerja Semester I Tahun 2026",
    /// "Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2026".
    /// </summary>
    public string Title => TitleOf(Kind, Period);

    /// <summary>The period in words: "Triwulan II Tahun 2026", "Semester I Tahun 2026", "Tahun 2026".</summary>
    public string PeriodWords => PeriodWordsOf(Period);

    /// <inheritdoc cref="Title"/>
    public static string TitleOf(ReportKind kind, Period period) => kind switch
    {
        ReportKind.Annual => "Laporan Kinerja Instansi Pemerintah (LKjIP) " + PeriodWordsOf(period),
        _ => "Laporan Kinerja " + PeriodWordsOf(period),
    };

    /// <inheritdoc cref="PeriodWords"/>
    public static string PeriodWordsOf(Period period)
    {
        var year = period.Year.ToString(CultureInfo.InvariantCulture);
        return period.Kind switch
        {
            PeriodKind.Year => "Tahun " + year,
            PeriodKind.Semester => "Semester " + Roman(period.Number) + " Tahun " + year,
            PeriodKind.Quarter => "Triwulan " + Roman(period.Number) + " Tahun " + year,
            _ => period.DisplayName,
        };
    }

    /// <summary>The period kind each report kind reports on.</summary>
    public static PeriodKind PeriodKindOf(ReportKind kind) => kind switch
    {
        ReportKind.Quarterly => PeriodKind.Quarter,
        ReportKind.Semester => PeriodKind.Semester,
        ReportKind.Annual => PeriodKind.Year,
    };

    private static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => n.ToString(CultureInfo.InvariantCulture) };
}

/// <summary>
/// An achievement (capaian) as printed: the unrounded percentage, or null with the reason it was not computed, and
/// its category on the agency's scale.
/// </summary>
/// <param name="Percent">Unrounded percent (100 = target met); null when not computed.</param>
/// <param name="Category">The category label, e.g. <c>Sangat Tinggi</c>; null when not computed.</param>
/// <param name="CategoryColour">The band's colour (CSS name or <c>#rrggbb</c>) used to shade the category cell; null for none.</param>
/// <param name="Reason">Why it was not computed, e.g. <c>Target nol: capaian tidak dapat dihitung.</c>.</param>
public sealed record ReportAchievement(decimal? Percent, string? Category, string? CategoryColour, string? Reason)
{
    /// <summary>Nothing computed and nothing to say (e.g. a comparison without data): printed as a dash.</summary>
    public static ReportAchievement None { get; } = new(null, null, null, null);

    /// <summary>An indicator figure from the engine, classified on <paramref name="scale"/>.</summary>
    public static ReportAchievement From(AchievementResult result, CategoryScale scale)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scale);
        var band = scale.Classify(result);
        return new(result.Percent, band?.Label, band?.Colour, result.Reason?.ToString());
    }

    /// <summary>An objective's or the agency's mean from the engine, classified on <paramref name="scale"/>.</summary>
    public static ReportAchievement From(AchievementMean mean, CategoryScale scale)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(scale);
        var band = scale.Classify(mean);
        return new(mean.Percent, band?.Label, band?.Colour, mean.Reason?.ToString());
    }
}

/// <summary>Bab II: the Renstra the year belongs to.</summary>
/// <param name="FirstYear">First year of the plan, e.g. 2021.</param>
/// <param name="LastYear">Last year of the plan, e.g. 2026; the end targets are this year's.</param>
/// <param name="Objectives">The plan's objectives with their indicators.</param>
public sealed record StrategicPlanSummary(int FirstYear, int LastYear, IReadOnlyList<StrategicObjective> Objectives);

/// <summary>An objective (sasaran) of the Renstra, under its goal (tujuan) when given.</summary>
public sealed record StrategicObjective(string Code, string Name, string? Goal, IReadOnlyList<StrategicIndicator> Indicators);

/// <summary>An indicator of a Renstra objective with its end-of-plan target (a range with both bounds set).</summary>
public sealed record StrategicIndicator(string Code, string Name, string Measure, decimal? EndTarget, decimal? EndRangeLow = null, decimal? EndRangeHigh = null);

/// <summary>One objective (sasaran) of Bab III A with everything its seven analyses print.</summary>
/// <param name="Achievement">The objective's achievement to date (mean of its indicators) and category.</param>
/// <param name="PeriodAchievement">The objective's achievement for the period alone (the same as <paramref name="Achievement"/> for a year).</param>
/// <param name="Indicators">Analyses 1-4, one row per indicator.</param>
/// <param name="Explanations">Analysis 5: causes of success or failure and fixes, from the units' explanations.</param>
/// <param name="Efficiency">Analysis 6: the objective's achievement against the absorption of the budget behind it.</param>
/// <param name="Programs">Analysis 7: the programs and activities behind the result, with budget and realization.</param>
public sealed record ReportObjective(
    string Code, string Name,
    ReportAchievement Achievement, ReportAchievement PeriodAchievement,
    IReadOnlyList<ReportIndicator> Indicators,
    IReadOnlyList<UnitExplanation> Explanations,
    ReportEfficiency Efficiency,
    IReadOnlyList<ReportProgram> Programs);

/// <summary>Target, realization and achievement of one indicator over one stretch of time.</summary>
/// <param name="Target">The single target (Higher or Lower polarity).</param>
/// <param name="RangeLow">Lower bound of a range target.</param>
/// <param name="RangeHigh">Upper bound of a range target.</param>
/// <param name="Realization">Null when missing (never printed as 0).</param>
public sealed record ReportFigures(decimal? Target, decimal? RangeLow, decimal? RangeHigh, decimal? Realization, ReportAchievement Achievement);

/// <summary>An earlier year's realization of an indicator (analysis 2), for the same stretch of the year as the report.</summary>
public sealed record YearRealization(int Year, decimal? Realization);

/// <summary>One indicator of an objective.</summary>
/// <param name="Measure">Satuan: <c>%</c>, <c>Hari</c>, <c>Dokumen</c> ...</param>
/// <param name="ToDate">From 1 January through the end of the period (by the indicator's aggregation).</param>
/// <param name="PeriodAlone">The period alone; the same as <paramref name="ToDate"/> for a year.</param>
/// <param name="EarlierYears">Realizations of last year and the years before (any order; printed oldest first).</param>
/// <param name="EndTarget">The Renstra end target (its last year); null when none.</param>
/// <param name="EndTargetAchievement">The realization to date against <paramref name="EndTarget"/>.</param>
/// <param name="NationalStandard">The national standard (e.g. an SPM value) where one exists; null otherwise.</param>
/// <param name="NationalStandardAchievement">The realization to date against <paramref name="NationalStandard"/>.</param>
public sealed record ReportIndicator(
    string Code, string Name, string Measure, Polarity Polarity,
    ReportFigures ToDate, ReportFigures PeriodAlone,
    IReadOnlyList<YearRealization> EarlierYears,
    decimal? EndTarget, ReportAchievement EndTargetAchievement,
    decimal? NationalStandard, ReportAchievement NationalStandardAchievement);

/// <summary>A unit's explanation of a result (cause of success or failure, and the fix), as written in its worksheet.</summary>
/// <param name="Unit">The unit's name, e.g. <c>Seksi Pemerintahan</c>.</param>
/// <param name="IndicatorCode">The indicator it explains; null for the objective as a whole.</param>
public sealed record UnitExplanation(string Unit, string? IndicatorCode, string Text);

/// <summary>Analysis 6: efficiency of the objective's budget, from <see cref="BudgetPerformance"/>.</summary>
/// <param name="Absorption">Absorption of the programs behind the objective.</param>
/// <param name="Result">Efficiency of the objective's achievement against <paramref name="Absorption"/>.</param>
public sealed record ReportEfficiency(AbsorptionResult Absorption, EfficiencyResult Result);

/// <summary>A program (or activity, in <see cref="Activities"/>) with pagu and realization in rupiah.</summary>
/// <param name="Pagu">The budget ceiling; null when not set.</param>
/// <param name="Realization">Spent in the period reported on (to date); null when not reported.</param>
/// <param name="Activities">The activities under the program; empty for an activity.</param>
public sealed record ReportProgram(string Code, string Name, decimal? Pagu, decimal? Realization, IReadOnlyList<ReportProgram> Activities)
{
    /// <summary>Realization against pagu, from the engine.</summary>
    public AbsorptionResult Absorption => BudgetPerformance.Absorption(Realization, Pagu);
}
