using System.Globalization;
using Kinerja.Domain.Achievement;
using Kinerja.Domain.Plan;
using Shouldly;

namespace Kinerja.Domain.Tests.Achievement;

/// <summary>How rounds of every period length make an indicator's quarterly (or monthly) realizations.</summary>
public class RealizationSlotsTests
{
    /// <summary>
    /// Reports as "period=value", separated by spaces. A trailing "?" marks an unverified (draft, submitted or returned)
    /// worksheet; "@n" the day in January the round was ordered (default 1).
    /// </summary>
    private static List<ReportedRealization> Reports(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(r =>
        {
            var day = 1;
            if (r.Contains('@', StringComparison.Ordinal))
            {
                day = int.Parse(r[(r.IndexOf('@', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
                r = r[..r.IndexOf('@', StringComparison.Ordinal)];
            }

            var verified = !r.EndsWith('?');
            var (period, value) = (r.Split('=')[0], r.Split('=')[1].TrimEnd('?'));
            return new ReportedRealization(Period.Parse(period), decimal.Parse(value, CultureInfo.InvariantCulture), verified,
                new DateTimeOffset(2026, 1, day, 8, 0, 0, TimeSpan.Zero));
        }).ToList();

    /// <summary>Slots as "10 20? - -": a dash where nothing counts, "?" after a provisional value.</summary>
    private static string Shown(RealizationSlots slots) =>
        string.Join(" ", slots.Slots.Select(s => s is null ? "-" : s.Value.ToString("0.##", CultureInfo.InvariantCulture) + (s.Provisional ? "?" : "")));

    // aggregation, reports, include unverified, expected quarters
    public static TheoryData<Aggregation, string, bool, string> Quarters => new()
    {
        // Quarterly rounds: each quarter's own value.
        { Aggregation.Sum, "2025-Q1=10 2025-Q2=20 2025-Q4=40", false, "10 20 - 40" },
        { Aggregation.Last, "2025-Q1=10 2025-Q2=20 2025-Q4=40", false, "10 20 - 40" },
        // Other years do not count.
        { Aggregation.Sum, "2024-Q1=99 2025-Q1=10 2026-Q2=99", false, "10 - - -" },

        // Monthly rounds make a quarter by the aggregation.
        { Aggregation.Sum, "2025-M01=1 2025-M02=2 2025-M03=3", false, "6 - - -" },
        { Aggregation.Sum, "2025-M01=1 2025-M03=3", false, "- - - -" },  // a gap is not 0
        { Aggregation.Last, "2025-M01=1 2025-M02=2 2025-M03=3", false, "3 - - -" },
        { Aggregation.Last, "2025-M04=1 2025-M05=2", false, "- - - -" },  // June missing: the quarter's value is missing
        { Aggregation.Average, "2025-M01=1 2025-M02=2 2025-M03=6", false, "3 - - -" },
        { Aggregation.Average, "2025-M10=4 2025-M12=8", false, "- - - 6" },  // mean of the months reported

        // A quarter's own round comes before its months.
        { Aggregation.Sum, "2025-Q1=10 2025-M01=1 2025-M02=2 2025-M03=3", false, "10 - - -" },

        // Semester and year rounds: the end value for last, every quarter for average, nothing for sum.
        { Aggregation.Last, "2025-S1=50 2025-S2=70", false, "- 50 - 70" },
        { Aggregation.Average, "2025-S1=50 2025-S2=70", false, "50 50 70 70" },
        { Aggregation.Sum, "2025-S1=50 2025-S2=70 2025=120", false, "- - - -" },
        { Aggregation.Last, "2025=80", false, "- - - 80" },
        { Aggregation.Average, "2025=80", false, "80 80 80 80" },
        { Aggregation.Last, "2025-Q2=51 2025-S1=50", false, "- 51 - -" },  // the quarter's own value first
        { Aggregation.Average, "2025-Q1=40 2025-S1=50", false, "40 50 - -" },
        { Aggregation.Last, "2025-S2=70 2025=80", false, "- - - 70" },  // the semester before the year

        // Several rounds for one period: the latest verified one.
        { Aggregation.Sum, "2025-Q1=10@1 2025-Q1=12@5", false, "12 - - -" },
        { Aggregation.Sum, "2025-Q1=12@5 2025-Q1=10@1", false, "12 - - -" },

        // Unverified values count only when asked for, and are provisional.
        { Aggregation.Sum, "2025-Q1=10 2025-Q2=20?", false, "10 - - -" },
        { Aggregation.Sum, "2025-Q1=10 2025-Q2=20?", true, "10 20? - -" },
        // A verified value wins over an unverified one, even a later one or a finer one.
        { Aggregation.Sum, "2025-Q1=10@1 2025-Q1=15?@9", true, "10 - - -" },
        { Aggregation.Last, "2025-Q2=20? 2025-S1=50", true, "- 50 - -" },
        { Aggregation.Sum, "2025-Q1=10? 2025-M01=1 2025-M02=2 2025-M03=3", true, "6 - - -" },
        // Months with one unverified month: provisional, unless a verified source exists.
        { Aggregation.Sum, "2025-M01=1 2025-M02=2? 2025-M03=3", true, "6? - - -" },
        { Aggregation.Sum, "2025-M01=1 2025-M02=2? 2025-M03=3", false, "- - - -" },
        { Aggregation.Average, "2025-M01=1 2025-M02=2? 2025-M03=3", false, "2 - - -" },
        { Aggregation.Last, "2025-M01=1? 2025-M02=2? 2025-M03=3", true, "3 - - -" },  // only the third month counts
        // Of unverified sources, the first in order (the quarter's own).
        { Aggregation.Sum, "2025-Q1=10? 2025-M01=1? 2025-M02=2? 2025-M03=3?", true, "10? - - -" },
    };

    [Theory]
    [MemberData(nameof(Quarters))]
    public void Quarters_from_rounds_of_every_period(Aggregation aggregation, string reports, bool includeUnverified, string expected)
    {
        var slots = RealizationSlots.Quarterly(2025, aggregation, Reports(reports), includeUnverified);
        Shown(slots).ShouldBe(expected);
        slots.Monthly.ShouldBeFalse();
        slots.Values.Count.ShouldBe(4);
    }

    [Fact]
    public void A_months_recap_uses_monthly_rounds_only()
    {
        var slots = RealizationSlots.For(Period.Parse("2025-M02"), Aggregation.Sum, Reports("2025-Q1=10 2025-M01=3 2025-M02=4? 2025-M03=5"), true);
        slots.Monthly.ShouldBeTrue();
        Shown(slots).ShouldBe("3 4? 5 - - - - - - - - -");
        RealizationSlots.For(Period.Parse("2025-S1"), Aggregation.Sum, Reports("2025-Q1=10"), false).Monthly.ShouldBeFalse();
    }

    // aggregation, reports, period, provisional to date, provisional alone
    [Theory]
    [InlineData(Aggregation.Sum, "2025-Q1=1? 2025-Q2=2", "2025-Q2", true, false)]
    [InlineData(Aggregation.Average, "2025-Q1=1? 2025-Q2=2", "2025-Q2", true, false)]
    [InlineData(Aggregation.Last, "2025-Q1=1? 2025-Q2=2", "2025-Q2", false, false)]  // only the span's last value counts
    [InlineData(Aggregation.Last, "2025-Q1=1 2025-Q2=2?", "2025-Q2", true, true)]
    [InlineData(Aggregation.Sum, "2025-Q3=1? 2025-Q4=2", "2025-S2", true, true)]
    [InlineData(Aggregation.Sum, "2025-Q1=1? 2025-Q3=1 2025-Q4=2", "2025-S2", true, false)]
    [InlineData(Aggregation.Sum, "2025-Q1=1 2025-Q2=2", "2025", false, false)]
    [InlineData(Aggregation.Sum, "2025-M01=1? 2025-M02=2", "2025-M02", true, false)]
    public void Which_figures_rest_on_provisional_values(Aggregation aggregation, string reports, string period, bool toDate, bool alone)
    {
        var p = Period.Parse(period);
        var slots = RealizationSlots.For(p, aggregation, Reports(reports), includeUnverified: true);
        slots.Provisional(aggregation, p).ShouldBe((toDate, alone));
    }

    [Fact]
    public void The_slots_feed_the_period_figures()
    {
        // Monthly rounds for Q1, a quarterly round for Q2: Semester I of a cumulative indicator.
        var slots = RealizationSlots.Quarterly(2025, Aggregation.Sum, Reports("2025-M01=2 2025-M02=3 2025-M03=5 2025-Q2=12"), false);
        var targets = new TargetValues(40, [10, 10, 10, 10], null, null, null, null, null, null);
        var recap = PeriodAggregation.Recap(new IndicatorYear(Polarity.Higher, Aggregation.Sum, targets, slots.Values), Period.Parse("2025-S1"));
        recap.ToDate.Target.ShouldBe(20);
        recap.ToDate.Realization.ShouldBe(22);
        recap.ToDate.Achievement.Rounded.ShouldBe(110.00m);
    }
}
