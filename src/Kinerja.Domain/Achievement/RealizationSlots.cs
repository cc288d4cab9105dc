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
    // Periods of one year by their place in Best's table: the year, semesters 1-2, quarters 1-4, months 1-12.
    private const int YearSlot = 0, FirstSemesterSlot = 1, FirstQuarterSlot = 3, FirstMonthSlot = 7, PeriodsInYear = 19;

    private decimal?[]? _values;

    private RealizationSlots(SlotRealization?[] slots) => Slots = slots;

    /// <summary>4 quarters, or 12 months; null where nothing is reported.</summary>
    public IReadOnlyList<SlotRealization?> Slots { get; }

    public bool Monthly => Slots.Count == 12;

    /// <summary>The values, as <see cref="IndicatorYear.Realizations"/> takes them.</summary>
    public IReadOnlyList<decimal?> Values
    {
        get
        {
            if (_values is null)
            {
                var values = new decimal?[Slots.Count];
                for (var n = 0; n < values.Length; n++) values[n] = Slots[n]?.Value;
                _values = values;
            }

            return _values;
        }
    }

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
            // The first verified candidate in the order of the rule, else the first one at all.
            SlotRealization? first = null;
            for (var source = 0; source < 4; source++)
            {
                var candidate = source switch
                {
                    0 => Slot(best[FirstQuarterSlot + q - 1]),
                    1 => FromMonths(year, q, aggregation, best),
                    2 => FromLonger(best[FirstSemesterSlot + ((q + 1) / 2) - 1], q, aggregation),
                    _ => FromLonger(best[YearSlot], q, aggregation),
                };
                if (candidate is null) continue;
                if (!candidate.Provisional)
                {
                    first = candidate;
                    break;
                }

                first ??= candidate;
            }

            slots[q - 1] = first;
        }

        return new RealizationSlots(slots);
    }

    /// <summary>Monthly values of <paramref name="year"/>, from monthly rounds.</summary>
    public static RealizationSlots MonthlyOf(int year, IEnumerable<ReportedRealization> reports, bool includeUnverified)
    {
        var best = Best(year, reports, includeUnverified);
        var slots = new SlotRealization?[12];
        for (var m = 0; m < 12; m++) slots[m] = Slot(best[FirstMonthSlot + m]);
        return new RealizationSlots(slots);
    }

    /// <summary>
    /// Whether the realization of slots <paramref name="first"/>..<paramref name="last"/> (1-based) rests on a provisional
    /// value: for <c>last</c> only the last slot counts, otherwise any reported slot of the span.
    /// </summary>
    public bool IsProvisional(Aggregation aggregation, int first, int last)
    {
        if (aggregation == Aggregation.Last) return Slots[last - 1]?.Provisional == true;
        var start = Math.Max(first - 1, 0);
        for (var n = start; n < Math.Min(start + last - first + 1, Slots.Count); n++)
        {
            if (Slots[n]?.Provisional == true) return true;
        }

        return false;
    }

    /// <summary>Whether the to-date and the period-alone realizations of <paramref name="period"/> are provisional.</summary>
    public (bool ToDate, bool Alone) Provisional(Aggregation aggregation, Period period)
    {
        var (first, last) = Monthly ? period.Months : period.QuarterSpan;
        return (IsProvisional(aggregation, 1, last), IsProvisional(aggregation, first, last));
    }

    /// <summary>
    /// Per period of the year, by <see cref="Place"/>: the latest verified report, else (when asked) the latest unverified
    /// one; of reports equal in both, the first.
    /// </summary>
    private static ReportedRealization?[] Best(int year, IEnumerable<ReportedRealization> reports, bool includeUnverified)
    {
        var best = new ReportedRealization?[PeriodsInYear];
        foreach (var r in reports)
        {
            if (r.Period.Year != year || !(r.Verified || includeUnverified)) continue;
            var place = Place(r.Period);
            if (best[place] is not { } b || (r.Verified && !b.Verified) || (r.Verified == b.Verified && r.OrderedAt > b.OrderedAt)) best[place] = r;
        }

        return best;
    }

    private static int Place(Period p) => p.Kind switch
    {
        PeriodKind.Year => YearSlot,
        PeriodKind.Semester => FirstSemesterSlot + p.Number - 1,
        PeriodKind.Quarter => FirstQuarterSlot + p.Number - 1,
        _ => FirstMonthSlot + p.Number - 1,
    };

    private static SlotRealization? Slot(ReportedRealization? r) => r is null ? null : new SlotRealization(r.Value, !r.Verified, r.Period);

    private static SlotRealization? FromMonths(int year, int quarter, Aggregation aggregation, ReportedRealization?[] best)
    {
        var (m1, m2, m3) = (best[FirstMonthSlot + (quarter * 3) - 3], best[FirstMonthSlot + (quarter * 3) - 2], best[FirstMonthSlot + (quarter * 3) - 1]);
        var reported = (m1 is null ? 0 : 1) + (m2 is null ? 0 : 1) + (m3 is null ? 0 : 1);
        if (reported == 0) return null;
        var provisional = m1 is { Verified: false } || m2 is { Verified: false } || m3 is { Verified: false };
        switch (aggregation)
        {
            case Aggregation.Sum:
                return reported == 3 ? new SlotRealization(0m + m1!.Value + m2!.Value + m3!.Value, provisional, Period.Quarter(year, quarter)) : null;
            case Aggregation.Last:
                return Slot(m3);
            case Aggregation.Average:
                var sum = 0m;
                if (m1 is not null) sum += m1.Value;
                if (m2 is not null) sum += m2.Value;
                if (m3 is not null) sum += m3.Value;
                return new SlotRealization(sum / reported, provisional, Period.Quarter(year, quarter));
            default:
                throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, null);
        }
    }

    /// <summary>A semester's or the year's value as quarter <paramref name="quarter"/>'s (see the class summary).</summary>
    private static SlotRealization? FromLonger(ReportedRealization? value, int quarter, Aggregation aggregation)
    {
        if (value is null) return null;
        return aggregation switch
        {
            Aggregation.Last => quarter == value.Period.QuarterSpan.Last ? Slot(value) : null,
            Aggregation.Average => Slot(value),
            Aggregation.Sum => null,
            _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, null),
        };
    }
}
