namespace Kinerja.Domain.Rounds;

/// <summary>
/// When a realization must come with an explanation (faktor pendukung/penghambat) before submitting:
/// its achievement is outside [<see cref="LowAchievement"/>, <see cref="HighAchievement"/>] percent,
/// or it moved more than <see cref="MaxChange"/> percent from the previous period's realization.
/// Defaults: 80 %, 120 %, 50 %. Thresholds are percentages, compared inclusively (80 exactly is fine).
/// </summary>
public sealed record ExplanationRule(decimal LowAchievement = 80m, decimal HighAchievement = 120m, decimal MaxChange = 50m)
{
    public static readonly ExplanationRule Default = new();

    public bool Needs(decimal? achievementPercent, decimal? realization, decimal? previousRealization)
    {
        if (achievementPercent is { } a && (a < LowAchievement || a > HighAchievement)) return true;
        if (realization is { } r && previousRealization is { } p && p != 0)
        {
            var change = Math.Abs((r - p) / p) * 100m;
            if (change > MaxChange) return true;
        }

        return false;
    }
}
