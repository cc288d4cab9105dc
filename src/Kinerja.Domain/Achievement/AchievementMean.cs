using Kinerja.Domain.Common;

namespace Kinerja.Domain.Achievement;

/// <summary>
/// The achievement of an objective (sasaran: mean of its indicators) or of the agency (mean of its objectives), in percent.
/// <para>
/// Indicators enter with <see cref="AchievementResult.CappedPercent"/> (the agency's cap applied, unrounded); those not
/// computed (missing realization, zero or missing target, ...) are skipped, not counted as 0, and
/// <see cref="Skipped"/> says how many. Weights are relative (any non-negative numbers; only computed members' weights
/// count). <see cref="Percent"/> is unrounded; <see cref="Rounded"/> has 2 decimals, midpoint away from zero.
/// The agency mean uses each objective's unrounded mean. <see cref="Reason"/> says why nothing was computed, or, when a
/// mean was computed, how many members were skipped (null when none).
/// </para>
/// </summary>
public sealed record AchievementMean(decimal? Percent, int Counted, int Skipped, Text? Reason)
{
    public bool IsComputed => Percent is not null;

    /// <summary><see cref="Percent"/> rounded to 2 decimals, midpoint away from zero.</summary>
    public decimal? Rounded => Percent is { } p ? AchievementCalculator.Round(p) : null;

    /// <summary>"95,25 %"; null when not computed.</summary>
    public string? Formatted => Rounded is { } r ? IndonesianFormat.Percent(r) : null;

    /// <summary>Objective achievement: the plain mean of its indicators' (capped) achievements.</summary>
    public static AchievementMean OfIndicators(IEnumerable<AchievementResult> indicators) =>
        OfIndicators(indicators.Select(a => (a, 1m)));

    /// <summary>Objective achievement weighted by each indicator's weight (<c>Indicator.Weight</c>).</summary>
    public static AchievementMean OfIndicators(IEnumerable<(AchievementResult Achievement, decimal Weight)> indicators) =>
        Mean(indicators.Select(i => (i.Achievement.IsComputed ? i.Achievement.CappedPercent : null, i.Weight)), objectives: false);

    /// <summary>Agency achievement: the plain mean of its objectives' achievements.</summary>
    public static AchievementMean OfObjectives(IEnumerable<AchievementMean> objectives) =>
        OfObjectives(objectives.Select(o => (o, 1m)));

    /// <summary>Agency achievement weighted per objective.</summary>
    public static AchievementMean OfObjectives(IEnumerable<(AchievementMean Objective, decimal Weight)> objectives) =>
        Mean(objectives.Select(o => (o.Objective.Percent, o.Weight)), objectives: true);

    private static AchievementMean Mean(IEnumerable<(decimal? Percent, decimal Weight)> members, bool objectives)
    {
        var all = members.ToArray();
        foreach (var (_, w) in all)
        {
            if (w < 0) throw new ArgumentOutOfRangeException(nameof(members), w, "A weight must not be negative.");
        }

        var counted = all.Where(m => m.Percent is not null).Select(m => (Percent: m.Percent!.Value, m.Weight)).ToArray();
        var skipped = all.Length - counted.Length;
        if (counted.Length == 0)
        {
            return new AchievementMean(null, 0, skipped, objectives
                ? new Text("Tidak ada capaian sasaran yang dapat dihitung.")
                : new Text("Tidak ada capaian indikator yang dapat dihitung."));
        }

        var totalWeight = counted.Sum(m => m.Weight);
        if (totalWeight == 0)
        {
            return new AchievementMean(null, counted.Length, skipped, new Text("Jumlah bobot nol: rata-rata tertimbang tidak dapat dihitung."));
        }

        var percent = counted.Sum(m => m.Percent * m.Weight) / totalWeight;
        Text? note = skipped == 0 ? null : objectives
            ? new Text("{0} dari {1} sasaran dilewati karena capaiannya tidak dapat dihitung.", skipped, all.Length)
            : new Text("{0} dari {1} indikator dilewati karena capaiannya tidak dapat dihitung.", skipped, all.Length);
        return new AchievementMean(percent, counted.Length, skipped, note);
    }
}
