namespace Kinerja.Domain.Reports;

/// <summary>
/// One section of a performance report (PermenPAN-RB 53/2014) that carries a narrative a person writes and
/// officials comment on during circulation. Comments and edited narratives are stored under <see cref="Key"/>,
/// so keys never change once reports exist.
/// </summary>
/// <param name="Key">Stable key: <c>executive-summary</c>, <c>introduction</c>, ..., <c>objective:{code}</c>.</param>
/// <param name="Title">The Indonesian title people see, e.g. <c>Bab I Pendahuluan: Isu Strategis</c>.</param>
/// <param name="Order">Position in the report, 1 first.</param>
/// <param name="Narrative">A person writes this section's text (every listed section has one).</param>
/// <param name="GeneratedTables">The generator also prints tables or charts from the data in this section.</param>
/// <param name="ObjectiveCode">For <c>objective:{code}</c>: the objective's code; null otherwise.</param>
public sealed record ReportSection(string Key, string Title, int Order, bool Narrative, bool GeneratedTables, string? ObjectiveCode = null);

/// <summary>
/// The fixed list of report sections in the order of the report: Ikhtisar Eksekutif; Bab I (organisation,
/// strategic issues); Bab II; Bab III A (its introduction, then one section per objective); Bab III B; Bab IV;
/// Lampiran. The same list serves quarterly, semester and annual reports.
/// </summary>
public static class ReportSections
{
    public const string ExecutiveSummary = "executive-summary";
    public const string Introduction = "introduction";
    public const string StrategicIssues = "strategic-issues";
    public const string Planning = "planning";
    public const string Achievement = "achievement";
    public const string Budget = "budget";
    public const string Closing = "closing";
    public const string Attachments = "attachments";

    /// <summary>The prefix of an objective's section key: <c>objective:S1</c>.</summary>
    public const string ObjectivePrefix = "objective:";

    private static readonly (string Key, string Title, bool Generated)[] Before =
    [
        (ExecutiveSummary, "Ikhtisar Eksekutif", true),
        (Introduction, "Bab I Pendahuluan: Gambaran Umum Organisasi (tugas, fungsi, struktur organisasi, sumber daya manusia)", false),
        (StrategicIssues, "Bab I Pendahuluan: Isu Strategis", false),
        (Planning, "Bab II Perencanaan Kinerja", true),
        (Achievement, "Bab III Akuntabilitas Kinerja: A. Capaian Kinerja Organisasi", true),
    ];

    private static readonly (string Key, string Title, bool Generated)[] After =
    [
        (Budget, "Bab III Akuntabilitas Kinerja: B. Realisasi Anggaran", true),
        (Closing, "Bab IV Penutup", false),
        (Attachments, "Lampiran", true),
    ];

    /// <summary>The sections that do not depend on the objectives, in report order (the objectives' sections come between <see cref="Achievement"/> and <see cref="Budget"/>).</summary>
    public static IReadOnlyList<ReportSection> Fixed { get; } = For([]);

    /// <summary>The key of an objective's analysis section: <c>objective:S1</c> (the code trimmed, case kept).</summary>
    public static string ObjectiveKey(string objectiveCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectiveCode);
        return ObjectivePrefix + objectiveCode.Trim();
    }

    /// <summary>The objective code of an <c>objective:{code}</c> key; null for any other key.</summary>
    public static string? ObjectiveCodeOf(string? key)
    {
        if (key is null || !key.StartsWith(ObjectivePrefix, StringComparison.Ordinal)) return null;
        var code = key[ObjectivePrefix.Length..];
        return code.Length > 0 && string.Equals(code, code.Trim(), StringComparison.Ordinal) ? code : null;
    }

    /// <summary>
    /// Every section of a report whose Bab III analyses <paramref name="objectiveCodes"/> (in that order), numbered
    /// from 1. A code listed twice gets one section.
    /// </summary>
    public static IReadOnlyList<ReportSection> For(IEnumerable<string> objectiveCodes)
    {
        ArgumentNullException.ThrowIfNull(objectiveCodes);
        var list = new List<ReportSection>();
        foreach (var (key, title, generated) in Before) list.Add(new ReportSection(key, title, list.Count + 1, true, generated));
        foreach (var code in objectiveCodes.Select(c => c?.Trim()).Distinct(StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(code)) throw new ArgumentException("An objective code is empty.", nameof(objectiveCodes));
            list.Add(new ReportSection(ObjectiveKey(code), "Bab III A. Analisis Capaian Sasaran " + code, list.Count + 1, true, true, code));
        }

        foreach (var (key, title, generated) in After) list.Add(new ReportSection(key, title, list.Count + 1, true, generated));
        return list;
    }

    /// <summary>
    /// The section of <paramref name="key"/> in a report on <paramref name="objectiveCodes"/>; null when the key is
    /// not one of them (an unknown key, or an objective the report does not analyse). Keys are case-sensitive.
    /// </summary>
    public static ReportSection? Find(string? key, IEnumerable<string> objectiveCodes) =>
        key is null ? null : For(objectiveCodes).FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal));
}
