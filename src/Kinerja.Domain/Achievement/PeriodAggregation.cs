using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;

namespace Kinerja.Domain.Achievement;

/// <summary>
/// One indicator's figures for one fiscal year: its polarity, aggregation, targets as entered (each quarter's or month's
/// own target, not to date) and each quarter's or month's own realization (null = not reported).
/// <see cref="Realizations"/> has 4 entries (quarterly) or 12 (monthly); the matching targets are
/// <see cref="TargetValues.Quarters"/> or <see cref="TargetValues.Months"/>. Units are the indicator's own (satuan).
/// </summary>
public sealed record IndicatorYear(Polarity Polarity, Aggregation Aggregation, TargetValues Targets, IReadOnlyList<decimal?> Realizations)
{
    /// <summary>True when the values are monthly (12), false when quarterly (4).</summary>
    public bool Monthly => Realizations.Count switch
    {
        4 => false,
        12 => true,
        _ => throw new ArgumentException("Realizations must have 4 (quarterly) or 12 (monthly) entries.", nameof(Realizations)),
    };
}

/// <summary>
/// The figures of one span of a year (quarters or months <c>first..last</c>), in the indicator's unit, and their achievement.
/// For a range indicator <see cref="Target"/> is null and the band is in <see cref="RangeLow"/> and <see cref="RangeHigh"/>.
/// <see cref="Reported"/> of <see cref="Expected"/> quarters (or months) of the span have a realization.
/// </summary>
public sealed record SpanFigures(
    decimal? Target,
    decimal? RangeLow,
    decimal? RangeHigh,
    decimal? Realization,
    int Reported,
    int Expected,
    AchievementResult Achievement)
{
    /// <summary>Every quarter (month) of the span has a realization.</summary>
    public bool IsComplete => Reported == Expected;
}

/// <summary>
/// A recap row of one indicator for a period: <see cref="ToDate"/> (from 1 January through the end of the period, by the
/// indicator's aggregation) and <see cref="Alone"/> (the period by itself). For a year the two are equal.
/// </summary>
public sealed record PeriodRecap(Period Period, SpanFigures ToDate, SpanFigures Alone);

/// <summary>
/// Period figures of an indicator from its per-quarter (or per-month) values.
/// <para>Spans: a quarter alone is itself, to date Q1..Qn; semester I alone and to date are Q1-Q2; semester II alone is
/// Q3-Q4 and to date the whole year; a year is Q1-Q4 both ways; a month alone is itself, to date January..month
/// (months need monthly values). A quarter or semester over monthly values uses its months.</para>
/// <para>Realizations over a span:</para>
/// <list type="bullet">
/// <item><b>Sum</b>: the sum of the span's values, only when every one is reported; a gap makes the figure missing
/// ("Realisasi belum lengkap") instead of treating the gap as 0.</item>
/// <item><b>Last</b>: the value of the span's last quarter (month). If that one is missing the figure is missing, even
/// when an earlier quarter has a value: a rate or index reported for Q1 is not the Q2 or year-end value, and showing it
/// as such would hide the gap. Because both spans of a period end on the same quarter, to-date and period-alone
/// realizations of a Last indicator are the same.</item>
/// <item><b>Average</b>: the mean of the values reported in the span (missing ones are left out, not counted as 0);
/// missing when none is reported. <see cref="SpanFigures.Reported"/> shows how many the mean rests on.</item>
/// </list>
/// <para>Targets over a span:</para>
/// <list type="bullet">
/// <item>A span covering the whole year uses the annual target (the one signed in the Perjanjian Kinerja); when it is
/// empty, the aggregation of complete quarterly (monthly) targets.</item>
/// <item>A shorter span uses the action plan's quarterly (monthly) targets with the same aggregation as realizations,
/// except that Sum needs every target of the span (enter 0 for a quarter with nothing planned). Without them the
/// target is missing, "Target triwulan belum diisi": the annual target is not spread over quarters, because no one
/// split (a quarter each, a share of elapsed time) is right for every kind of indicator.</item>
/// <item>A range band applies to every span of a Last or Average indicator (a rate must stay within it all year); for a
/// Sum indicator the band is a full-year total, so shorter spans have no target.</item>
/// </list>
/// <para>A missing realization is reported before a missing target (see <see cref="AchievementCalculator"/>).</para>
/// </summary>
public static class PeriodAggregation
{
    /// <summary>Both sets of figures of <paramref name="indicator"/> for <paramref name="period"/>; <paramref name="cap"/> in percent.</summary>
    public static PeriodRecap Recap(IndicatorYear indicator, Period period, decimal? cap = null)
    {
        var (first, last) = Slots(indicator, period);
        var toDate = Span(indicator, period.Year, 1, last, cap);
        var alone = first == 1 ? toDate : Span(indicator, period.Year, first, last, cap);
        return new PeriodRecap(period, toDate, alone);
    }

    /// <summary>The first and last quarter (or month, for monthly values) of the period, 1-based.</summary>
    internal static (int First, int Last) Slots(IndicatorYear indicator, Period period)
    {
        if (indicator.Monthly) return period.Months;
        if (period.Kind == PeriodKind.Month) throw new ArgumentException("A monthly period needs monthly realizations.", nameof(period));
        return period.QuarterSpan;
    }

    internal static int SlotCount(IndicatorYear indicator) => indicator.Monthly ? 12 : 4;

    internal static SpanFigures Span(IndicatorYear indicator, int year, int first, int last, decimal? cap)
    {
        var monthly = indicator.Monthly;
        // The span's slots: realizations[from..to) (as Skip(first - 1).Take(last - first + 1) would give them).
        var realizations = indicator.Realizations;
        var from = Math.Max(first - 1, 0);
        var to = Math.Min(from + Math.Max(last - first + 1, 0), realizations.Count);
        var count = Math.Max(to - from, 0);
        var reported = 0;
        for (var n = from; n < to; n++)
        {
            if (realizations[n] is not null) reported++;
        }

        var (realization, missing) = AggregateRealization(indicator.Aggregation, realizations, from, to, reported, monthly, year, last);

        decimal? target = null, low = null, high = null;
        Text? noTarget = null;
        var wholeYear = first == 1 && last == SlotCount(indicator);
        if (indicator.Polarity == Polarity.Range)
        {
            if (indicator.Aggregation == Aggregation.Sum && !wholeYear)
            {
                noTarget = new Text("Target rentang indikator kumulatif hanya berlaku untuk satu tahun penuh.");
            }
            else
            {
                (low, high) = (indicator.Targets.RangeLow, indicator.Targets.RangeHigh);
            }
        }
        else
        {
            (target, noTarget) = wholeYear ? YearTarget(indicator) : PlanTarget(indicator, first, last);
        }

        AchievementResult achievement;
        if (realization is null)
        {
            achievement = AchievementResult.NotComputed(AchievementStatus.NoRealization, missing!, cap);
        }
        else if (noTarget is not null)
        {
            achievement = AchievementResult.NotComputed(AchievementStatus.NoTarget, noTarget, cap);
        }
        else
        {
            achievement = AchievementCalculator.Compute(indicator.Polarity, target, realization, low, high, cap);
        }

        return new SpanFigures(target, low, high, realization, reported, count, achievement);
    }

    /// <summary>The realization of slots <paramref name="from"/>..<paramref name="to"/> (0-based, end excluded), or why there is none.</summary>
    private static (decimal? Value, Text? Missing) AggregateRealization(
        Aggregation aggregation, IReadOnlyList<decimal?> values, int from, int to, int reported, bool monthly, int year, int last)
    {
        var count = Math.Max(to - from, 0);
        switch (aggregation)
        {
            case Aggregation.Sum:
                if (reported == count) return (Sum(values, from, to), null);
                if (reported == 0) return (null, new Text("Realisasi belum diisi."));
                var gaps = count - reported;
                return (null, monthly
                    ? new Text("Realisasi belum lengkap: {0} dari {1} bulan belum diisi.", gaps, count)
                    : new Text("Realisasi belum lengkap: {0} dari {1} triwulan belum diisi.", gaps, count));
            case Aggregation.Last:
                if (values[to - 1] is { } latest) return (latest, null);
                if (count == 1) return (null, new Text("Realisasi belum diisi."));
                var slot = monthly ? Period.Month(year, last) : Period.Quarter(year, last);
                return (null, new Text("Realisasi {0} belum diisi (indikator nilai akhir memakai nilai periode terakhir).", slot.DisplayName));
            case Aggregation.Average:
                return reported > 0 ? (Sum(values, from, to) / reported, null) : (null, new Text("Realisasi belum diisi."));
            default:
                throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, null);
        }
    }

    /// <summary>The sum of the entered values of <paramref name="values"/>[from..to), in order from 0 (as LINQ's Sum and Average add).</summary>
    private static decimal Sum(IReadOnlyList<decimal?> values, int from, int to)
    {
        var sum = 0m;
        for (var n = from; n < to; n++)
        {
            if (values[n] is { } v) sum += v;
        }

        return sum;
    }

    /// <summary>The whole year's target: the annual one, else the aggregation of complete quarterly (monthly) targets.</summary>
    internal static (decimal? Value, Text? Missing) YearTarget(IndicatorYear indicator)
    {
        if (indicator.Targets.Annual is { } annual) return (annual, null);
        var (fromPlan, _) = PlanTarget(indicator, 1, SlotCount(indicator));
        return fromPlan is { } v ? (v, null) : (null, new Text("Target belum diisi."));
    }

    private static (decimal? Value, Text? Missing) PlanTarget(IndicatorYear indicator, int first, int last)
    {
        var monthly = indicator.Monthly;
        var plan = monthly ? indicator.Targets.Months : indicator.Targets.Quarters;
        if (plan is null || plan.Count != SlotCount(indicator)) return (null, MissingPlan(monthly));
        var from = Math.Max(first - 1, 0);
        var to = Math.Min(from + Math.Max(last - first + 1, 0), plan.Count);
        var entered = 0;
        for (var n = from; n < to; n++)
        {
            if (plan[n] is not null) entered++;
        }

        decimal? value = indicator.Aggregation switch
        {
            Aggregation.Sum => entered == to - from ? Sum(plan, from, to) : null,
            Aggregation.Last => plan[to - 1],
            Aggregation.Average => entered > 0 ? Sum(plan, from, to) / entered : null,
        };
        return value is null ? (null, MissingPlan(monthly)) : (value, null);
    }

    private static Text MissingPlan(bool monthly) => monthly ? new Text("Target bulanan belum diisi.") : new Text("Target triwulan belum diisi.");
}
