using Kinerja.Domain.Plan;

namespace Kinerja.Domain.Achievement;

/// <summary>
/// A realization reported in a collection round: the value of the round's <paramref name="Period"/> alone (a worksheet
/// line), in the indicator's unit. <paramref name="Verified"/> when its worksheet is verified; otherwise it comes from a
/// draft, submitted or returned worksheet and is provisional. <paramref name="OrderedAt"/> is when the round was ordered:
/// of several rounds for the same period the latest counts.
/// </summary>
public sealed record ReportedRealization(Period Period, decimal Value, bool Verified, DateTimeOffset OrderedAt);

/// <summary>
/// One quarter's (or month's) realization as the recap uses it. <see cref="Source"/> is the round period it came from
/// (the quarter itself when it adds or averages the quarter's months).
/// </summary>
public sealed record SlotRealization(decimal Value, bool Provisional, Period Source);

/// <summary>
/// How the recap forms an indicator's per-quarter (or, for a month's recap, per-month) realizations from the rounds
/// of a year, so that <see cref="PeriodAggregation"/> can build every period's figures from them.
/// <para>Rounds are per period (month, quarter, semester, year) and each worksheet line is the period's own value.
/// A quarter's value is the first of these that exists, in this order:</para>
/// <list type="number">
/// <item>a round for the <b>quarter</b> itself: its value;</item>
/// <item>rounds for the quarter's <b>months</b>, by the indicator's aggregation: <c>sum</c> adds the three months
/// (only when all three are reported; a gap is never read as 0), <c>last</c> takes the third month (missing when it
/// is), <c>average</c> the mean of the months reported;</item>
/// <item>a round for the <b>semester</b> that contains the quarter, then one for the <b>year</b>: for <c>last</c>
/// the value is the one at the end of that period, so it fills the period's last quarter; for <c>average</c> it fills
/// every quarter of the period (the period's mean stays the same); a <c>sum</c> total is not split into quarters
/// (no split is right for every indicator), so such rounds do not count for cumulative indicators.</item>
/// </list>
/// <para>Verified values come first: the quarter takes the first source in that order whose values are all
/// verified; only when there is none does it take the first source with unverified values (marked provisional), and
/// only when unverified values are asked for. Of several rounds for the same period, the latest verified one
/// counts (the latest unverified one when none is verified).</para>
/// <para>A month's recap uses monthly values, which come from monthly rounds only (a quarter's value cannot be split
/// into months).</para>
/// </summary>
public sealed class RealizationSlots
{
    private RealizationSlots(IReadOnlyList<SlotRealization?> slots) => Slots = slots;

    /// <summary>4 quarters, or 12 months; null where nothing is reported.</summary>
    public IReadOnlyList<SlotRealization?> Slots { get; }

    public bool Monthly => Slots.Count == 12;

    /// <summary>The values, as <see cref="IndicatorYear.Realizations"/> takes them.</summary>
    public IReadOnlyList<decimal?> Values => Slots.Select(s => s?.Value).ToArray();

    /// <summary>The slots a period's recap needs: monthly for a month, quarterly otherwise.</summary>
    public static RealizationSlots For(Period period, Aggregation aggregation, IEnumerable<ReportedRealization> reports, bool includeUnverified) =>
        period.Kind == PeriodKind.Month
            ? MonthlyOf(period.Year, reports, includeUnverified)
            : Quarterly(period.Year, aggregation, reports, includeUnverified);

    /// <summary>Quarterly values of <paramref name="year"/> (see the class summary for the rule).</summary>
    public static RealizationSlots Quarterly(int year, Aggregation aggregation, IEnumerable<ReportedRealization> reports, bool includeUnverified)
    {
        var best = Best(year, reports, includeUnverified);
        var slots = new SlotRealization?[4];
        for (var q = 1; q <= 4; q++)
        {
            var candidates = new[]
            {
                best.GetValueOrDefault(Period.Quarter(year, q)),
                FromMonths(year, q, aggregation, best),
                FromLonger(best.GetValueOrDefault(Period.Semester(year, (q + 1) / 2)), q, aggregation),
                FromLonger(best.GetValueOrDefault(Period.OfYear(year)), q, aggregation),
            }.Where(c => c is not null).ToArray();
            slots[q - 1] = candidates.FirstOrDefault(c => !c!.Provisional) ?? candidates.FirstOrDefault();
        }

        return new RealizationSlots(slots);
    }

    /// <summary>Monthly values of <paramref name="year"/>, from monthly rounds.</summary>
    public static RealizationSlots MonthlyOf(int year, IEnumerable<ReportedRealization> reports, bool includeUnverified)
    {
        var best = Best(year, reports, includeUnverified);
        return new RealizationSlots(Enumerable.Range(1, 12).Select(m => best.GetValueOrDefault(Period.Month(year, m))).ToArray());
    }

    /// <summary>
    /// Whether the realization of slots <paramref name="first"/>..<paramref name="last"/> (1-based) rests on a provisional
    /// value: for <c>last</c> only the last slot counts, otherwise any reported slot of the span.
    /// </summary>
    public bool IsProvisional(Aggregation aggregation, int first, int last)
    {
        if (aggregation == Aggregation.Last) return Slots[last - 1]?.Provisional == true;
        return Slots.Skip(first - 1).Take(last - first + 1).Any(s => s?.Provisional == true);
    }

    /// <summary>Whether the to-date and the period-alone realizations of <paramref name="period"/> are provisional.</summary>
    public (bool ToDate, bool Alone) Provisional(Aggregation aggregation, Period period)
    {
        var (first, last) = Monthly ? period.Months : (period.Quarters[0], period.Quarters[^1]);
        return (IsProvisional(aggregation, 1, last), IsProvisional(aggregation, first, last));
    }

    /// <summary>Per period of the year: the latest verified report, else (when asked) the latest unverified one.</summary>
    private static Dictionary<Period, SlotRealization> Best(int year, IEnumerable<ReportedRealization> reports, bool includeUnverified) =>
        reports.Where(r => r.Period.Year == year && (r.Verified || includeUnverified))
            .GroupBy(r => r.Period)
            .ToDictionary(g => g.Key, g =>
            {
                var r = g.OrderByDescending(x => x.Verified).ThenByDescending(x => x.OrderedAt).First();
                return new SlotRealization(r.Value, !r.Verified, r.Period);
            });

    private static SlotRealization? FromMonths(int year, int quarter, Aggregation aggregation, Dictionary<Period, SlotRealization> best)
    {
        var months = Enumerable.Range(quarter * 3 - 2, 3).Select(m => best.GetValueOrDefault(Period.Month(year, m))).ToArray();
        var reported = months.Where(m => m is not null).Select(m => m!).ToArray();
        if (reported.Length == 0) return null;
        var source = Period.Quarter(year, quarter);
        return aggregation switch
        {
            Aggregation.Sum => reported.Length == 3 ? new SlotRealization(reported.Sum(m => m.Value), reported.Any(m => m.Provisional), source) : null,
            Aggregation.Last => months[2],
            Aggregation.Average => new SlotRealization(reported.Average(m => m.Value), reported.Any(m => m.Provisional), source),
            _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, null),
        };
    }

    private static SlotRealization? FromLonger(SlotRealization? value, int quarter, Aggregation aggregation)
    {
        if (value is null) return null;
        var lastQuarter = value.Source.Quarters[^1];
        return aggregation switch
        {
            Aggregation.Last => quarter == lastQuarter ? value : null,
            Aggregation.Average => value,
            Aggregation.Sum => null,
            _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, null),
        };
    }
}
