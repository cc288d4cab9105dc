using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;

namespace Kinerja.Domain.Achievement;

/// <summary>What the projection says about the year's target.</summary>
public enum Outlook
{
    /// <summary>The projected year-end achievement reaches the threshold.</summary>
    OnTrack,

    /// <summary>The projected year-end achievement is below the threshold.</summary>
    AtRisk,

    /// <summary>No projection: the to-date realization or the year's target is missing or unusable.</summary>
    NotProjectable,
}

/// <summary>
/// A year-end projection. <see cref="ProjectedRealization"/> is in the indicator's unit (unrounded);
/// <see cref="ProjectedAchievement"/> is its achievement against the year's target (percent, see
/// <see cref="AchievementResult"/>). <see cref="Reason"/> explains the <see cref="Outlook"/>; <see cref="Assumption"/>
/// names an assumption the projection had to make (null when none).
/// </summary>
public sealed record Projection(Outlook Outlook, decimal? ProjectedRealization, AchievementResult ProjectedAchievement, Text Reason, Text? Assumption)
{
    public bool IsAtRisk => Outlook == Outlook.AtRisk;
}

/// <summary>
/// Early warning: from the figures to date and the action plan (rencana aksi), project the year-end realization and say
/// whether the year's target is at risk.
/// <list type="bullet">
/// <item><b>Sum</b>: the pace of the plan holds for the rest of the year:
/// <c>projected = realized to date / planned to date x annual target</c>. Without a planned-to-date figure (quarterly targets
/// missing or incomplete) the pace is assumed even over the year, <c>projected = realized to date x 4 / quarters elapsed</c> (12 /
/// months for monthly values), and <see cref="Projection.Assumption"/> says so. A plan of 0 to date cannot give a pace:
/// not projectable.</item>
/// <item><b>Last</b> and <b>Average</b>: the value to date (the latest value, or the mean so far) is taken as the
/// year-end value.</item>
/// </list>
/// The projected achievement uses the indicator's polarity against the year's target (annual target, or range band) with
/// <see cref="AchievementCalculator"/>; the year is <see cref="Outlook.AtRisk"/> when it is below
/// <c>threshold</c> (percent, default 100). For the last quarter (or the year) the projection is simply the actual.
/// </summary>
public static class EarlyWarning
{
    public const decimal DefaultThreshold = 100;

    /// <summary>Projects <paramref name="indicator"/> from the figures to date at the end of <paramref name="period"/>.</summary>
    public static Projection Project(IndicatorYear indicator, Period period, decimal threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (threshold <= 0) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be positive.");
        var (_, last) = PeriodAggregation.Slots(indicator, period);
        var toDate = PeriodAggregation.Span(indicator, period.Year, 1, last, null);
        if (toDate.Realization is not { } realized) return NotProjectable(toDate.Achievement);

        var (annual, noAnnual) = indicator.Polarity == Polarity.Range ? (null, null) : PeriodAggregation.YearTarget(indicator);
        if (noAnnual is not null) return NotProjectable(AchievementResult.NotComputed(AchievementStatus.NoTarget, noAnnual));

        decimal projected;
        Text? assumption = null;
        try
        {
            switch (indicator.Aggregation)
            {
                case Aggregation.Sum:
                    var slots = PeriodAggregation.SlotCount(indicator);
                    if (toDate.Target is { } planned && annual is { } a)
                    {
                        if (planned <= 0)
                        {
                            return NotProjectable(AchievementResult.NotComputed(AchievementStatus.ZeroTargetNotComputable,
                                new Text("Rencana aksi sampai periode ini nol: proyeksi belum dapat dihitung.")));
                        }

                        projected = realized * a / planned;
                    }
                    else
                    {
                        projected = realized * slots / last;
                        if (last < slots) assumption = new Text("Rencana aksi belum lengkap: proyeksi mengandaikan laju yang sama sampai akhir tahun.");
                    }

                    break;
                case Aggregation.Last:
                case Aggregation.Average:
                    projected = realized;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(indicator), indicator.Aggregation, null);
            }
        }
        catch (OverflowException)
        {
            return NotProjectable(AchievementResult.NotComputed(AchievementStatus.OutOfRange, new Text("Angka terlalu besar.")));
        }

        var achievement = AchievementCalculator.Compute(indicator.Polarity, annual, projected, indicator.Targets.RangeLow, indicator.Targets.RangeHigh);
        if (achievement.Percent is not { } percent) return NotProjectable(achievement) with { ProjectedRealization = projected };

        var shown = IndonesianFormat.Percent(AchievementCalculator.Round(percent));
        return percent < threshold
            ? new Projection(Outlook.AtRisk, projected, achievement,
                new Text("Proyeksi capaian akhir tahun {0}, di bawah {1}: target tahun ini berisiko tidak tercapai.", shown, IndonesianFormat.Percent(threshold)),
                assumption)
            : new Projection(Outlook.OnTrack, projected, achievement,
                new Text("Proyeksi capaian akhir tahun {0}: target tahun ini diperkirakan tercapai.", shown),
                assumption);
    }

    private static Projection NotProjectable(AchievementResult notComputed) =>
        new(Outlook.NotProjectable, null, notComputed, notComputed.Reason!, null);
}
