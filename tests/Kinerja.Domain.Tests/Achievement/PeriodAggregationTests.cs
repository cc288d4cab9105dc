using Kinerja.Domain.Achievement;
using Kinerja.Domain.Plan;
using Shouldly;

namespace Kinerja.Domain.Tests.Achievement;

public class PeriodAggregationTests
{
    private static TargetValues Targets(decimal? annual, decimal?[]? quarters = null, decimal? low = null, decimal? high = null, decimal?[]? months = null) =>
        new(annual, quarters ?? [], months, low, high, null, null, null);

    /// <summary>The indicators of the table, by name.</summary>
    private static readonly Dictionary<string, IndicatorYear> Indicators = new()
    {
        // Cumulative output (e.g. documents produced): plan 20/30/30/20 = 100.
        ["sum"] = new(Polarity.Higher, Aggregation.Sum, Targets(100, [20, 30, 30, 20]), [18, 33, 27, 25]),
        ["sum with gaps"] = new(Polarity.Higher, Aggregation.Sum, Targets(100, [20, 30, 30, 20]), [18, null, 27, null]),
        ["sum annual only"] = new(Polarity.Higher, Aggregation.Sum, Targets(100), [18, 33, 27, 25]),
        ["sum plan with a gap"] = new(Polarity.Higher, Aggregation.Sum, Targets(100, [20, null, 30, 20]), [18, 33, 27, 25]),

        // A rate (e.g. % of services on time): the latest value counts.
        ["last"] = new(Polarity.Higher, Aggregation.Last, Targets(75, [70, 72, 74, 75]), [71, 73, null, 76]),
        ["last year-end only"] = new(Polarity.Higher, Aggregation.Last, Targets(65, [null, null, null, 65]), [60, 62, 64, 70]),

        // Average waiting time in days, lower is better: plan 10/10/8/8, mean 9.
        ["average"] = new(Polarity.Lower, Aggregation.Average, Targets(9, [10, 10, 8, 8]), [12, 9, null, 7]),

        // A band for a rate, and a (rare) cumulative one.
        ["range last"] = new(Polarity.Range, Aggregation.Last, Targets(null, low: 80, high: 90), [78, 85, 92, 88]),
        ["range sum"] = new(Polarity.Range, Aggregation.Sum, Targets(null, low: 80, high: 90), [20, 20, 20, 25]),

        // Monthly values: 10 planned a month, first half reported.
        ["monthly sum"] = new(Polarity.Higher, Aggregation.Sum,
            Targets(120, months: Enumerable.Repeat<decimal?>(10, 12).ToArray()),
            [10, 10, 10, 10, 10, 10, null, null, null, null, null, null]),
    };

    private const string Gap1Of2 = "Realisasi belum lengkap: 1 dari 2 triwulan belum diisi.";
    private const string NoQuarterTargets = "Target triwulan belum diisi.";

    // indicator, period, span ("to date" or "alone"), target, realization, rounded %, reported, expected, reason when not computed
    public static TheoryData<string, string, string, decimal?, decimal?, decimal?, int, int, string?> Cases => new()
    {
        // Sum: cumulative to date, own quarters alone; the year uses the annual target.
        { "sum", "2025-Q1", "to date", 20, 18, 90.00m, 1, 1, null },
        { "sum", "2025-Q1", "alone", 20, 18, 90.00m, 1, 1, null },
        { "sum", "2025-Q2", "to date", 50, 51, 102.00m, 2, 2, null },
        { "sum", "2025-Q2", "alone", 30, 33, 110.00m, 1, 1, null },
        { "sum", "2025-Q3", "to date", 80, 78, 97.50m, 3, 3, null },
        { "sum", "2025-Q3", "alone", 30, 27, 90.00m, 1, 1, null },
        { "sum", "2025-Q4", "to date", 100, 103, 103.00m, 4, 4, null },
        { "sum", "2025-Q4", "alone", 20, 25, 125.00m, 1, 1, null },
        { "sum", "2025-S1", "to date", 50, 51, 102.00m, 2, 2, null },
        { "sum", "2025-S1", "alone", 50, 51, 102.00m, 2, 2, null },
        { "sum", "2025-S2", "to date", 100, 103, 103.00m, 4, 4, null },
        { "sum", "2025-S2", "alone", 50, 52, 104.00m, 2, 2, null },
        { "sum", "2025", "to date", 100, 103, 103.00m, 4, 4, null },
        { "sum", "2025", "alone", 100, 103, 103.00m, 4, 4, null },

        // Sum with missing quarters: a gap is never read as 0.
        { "sum with gaps", "2025-Q2", "to date", 50, null, null, 1, 2, Gap1Of2 },
        { "sum with gaps", "2025-Q2", "alone", 30, null, null, 0, 1, "Realisasi belum diisi." },
        { "sum with gaps", "2025-Q3", "to date", 80, null, null, 2, 3, "Realisasi belum lengkap: 1 dari 3 triwulan belum diisi." },
        { "sum with gaps", "2025-Q3", "alone", 30, 27, 90.00m, 1, 1, null },
        { "sum with gaps", "2025-S2", "alone", 50, null, null, 1, 2, Gap1Of2 },
        { "sum with gaps", "2025", "to date", 100, null, null, 2, 4, "Realisasi belum lengkap: 2 dari 4 triwulan belum diisi." },

        // No quarterly breakdown: only the year has a target.
        { "sum annual only", "2025-Q2", "to date", null, 51, null, 2, 2, NoQuarterTargets },
        { "sum annual only", "2025-Q2", "alone", null, 33, null, 1, 1, NoQuarterTargets },
        { "sum annual only", "2025-S2", "alone", null, 52, null, 2, 2, NoQuarterTargets },
        { "sum annual only", "2025-S2", "to date", 100, 103, 103.00m, 4, 4, null },
        { "sum annual only", "2025", "alone", 100, 103, 103.00m, 4, 4, null },
        { "sum plan with a gap", "2025-Q2", "to date", null, 51, null, 2, 2, NoQuarterTargets },
        { "sum plan with a gap", "2025-Q3", "alone", 30, 27, 90.00m, 1, 1, null },

        // Last: the value of the span's last quarter; a missing one is missing (not the earlier value).
        { "last", "2025-Q1", "alone", 70, 71, 101.43m, 1, 1, null },
        { "last", "2025-Q2", "to date", 72, 73, 101.39m, 2, 2, null },
        { "last", "2025-Q2", "alone", 72, 73, 101.39m, 1, 1, null },
        { "last", "2025-Q3", "to date", 74, null, null, 2, 3, "Realisasi Triwulan III 2025 belum diisi (indikator nilai akhir memakai nilai periode terakhir)." },
        { "last", "2025-Q3", "alone", 74, null, null, 0, 1, "Realisasi belum diisi." },
        { "last", "2025-Q4", "alone", 75, 76, 101.33m, 1, 1, null },
        { "last", "2025-S1", "to date", 72, 73, 101.39m, 2, 2, null },
        { "last", "2025-S2", "to date", 75, 76, 101.33m, 3, 4, null },
        { "last", "2025-S2", "alone", 75, 76, 101.33m, 1, 2, null },
        { "last", "2025", "alone", 75, 76, 101.33m, 3, 4, null },
        { "last year-end only", "2025-Q2", "to date", null, 62, null, 2, 2, NoQuarterTargets },
        { "last year-end only", "2025", "to date", 65, 70, 107.69m, 4, 4, null },

        // Average (lower is better): mean of the reported values; mean of the plan's targets.
        { "average", "2025-Q1", "to date", 10, 12, 80.00m, 1, 1, null },
        { "average", "2025-Q2", "to date", 10, 10.5m, 95.00m, 2, 2, null },
        { "average", "2025-Q2", "alone", 10, 9, 110.00m, 1, 1, null },
        { "average", "2025-Q3", "to date", 28m / 3m, 10.5m, 87.50m, 2, 3, null },
        { "average", "2025-Q3", "alone", 8, null, null, 0, 1, "Realisasi belum diisi." },
        { "average", "2025-S1", "alone", 10, 10.5m, 95.00m, 2, 2, null },
        { "average", "2025-S2", "alone", 8, 7, 112.50m, 1, 2, null },
        { "average", "2025-S2", "to date", 9, 28m / 3m, 96.30m, 3, 4, null },
        { "average", "2025", "to date", 9, 28m / 3m, 96.30m, 3, 4, null },

        // Range: the band holds for every span of a rate; a cumulative band only for the year.
        { "range last", "2025-Q1", "alone", null, 78, 97.50m, 1, 1, null },
        { "range last", "2025-Q2", "to date", null, 85, 100.00m, 2, 2, null },
        { "range last", "2025-Q3", "alone", null, 92, 97.78m, 1, 1, null },
        { "range last", "2025", "to date", null, 88, 100.00m, 4, 4, null },
        { "range sum", "2025-Q2", "to date", null, 40, null, 2, 2, "Target rentang indikator kumulatif hanya berlaku untuk satu tahun penuh." },
        { "range sum", "2025", "alone", null, 85, 100.00m, 4, 4, null },

        // Monthly values: months, and quarters over months.
        { "monthly sum", "2025-M03", "alone", 10, 10, 100.00m, 1, 1, null },
        { "monthly sum", "2025-M03", "to date", 30, 30, 100.00m, 3, 3, null },
        { "monthly sum", "2025-Q2", "alone", 30, 30, 100.00m, 3, 3, null },
        { "monthly sum", "2025-Q2", "to date", 60, 60, 100.00m, 6, 6, null },
        { "monthly sum", "2025-M07", "alone", 10, null, null, 0, 1, "Realisasi belum diisi." },
        { "monthly sum", "2025", "to date", 120, null, null, 6, 12, "Realisasi belum lengkap: 6 dari 12 bulan belum diisi." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Aggregates(string indicator, string period, string span, decimal? target, decimal? realization, decimal? percent,
        int reported, int expected, string? reason)
    {
        var name = $"{indicator} {period} {span}";
        var recap = PeriodAggregation.Recap(Indicators[indicator], Period.Parse(period));
        var figures = span == "to date" ? recap.ToDate : recap.Alone;

        figures.Target.ShouldBe(target, name);
        figures.Realization.ShouldBe(realization, name);
        figures.Achievement.Rounded.ShouldBe(percent, name);
        figures.Reported.ShouldBe(reported, name);
        figures.Expected.ShouldBe(expected, name);
        figures.IsComplete.ShouldBe(reported == expected, name);
        (figures.Achievement.Reason?.ToString()).ShouldBe(reason, name);
        if (Indicators[indicator].Polarity == Polarity.Range && figures.Achievement.IsComputed)
        {
            (figures.RangeLow, figures.RangeHigh).ShouldBe((80m, 90m), name);
        }
    }

    [Theory]
    [InlineData("sum")]
    [InlineData("last")]
    [InlineData("average")]
    public void A_years_two_sets_are_the_same(string indicator)
    {
        var recap = PeriodAggregation.Recap(Indicators[indicator], Period.OfYear(2025));
        recap.Alone.ShouldBe(recap.ToDate);
    }

    [Fact]
    public void Statuses_tell_missing_realization_from_missing_target()
    {
        PeriodAggregation.Recap(Indicators["sum with gaps"], Period.Quarter(2025, 2)).ToDate.Achievement.Status.ShouldBe(AchievementStatus.NoRealization);
        PeriodAggregation.Recap(Indicators["sum annual only"], Period.Quarter(2025, 2)).ToDate.Achievement.Status.ShouldBe(AchievementStatus.NoTarget);
    }

    [Fact]
    public void The_cap_is_carried_to_the_figures()
    {
        var recap = PeriodAggregation.Recap(Indicators["sum"], Period.Quarter(2025, 4), cap: 120);
        recap.Alone.Achievement.Rounded.ShouldBe(125m);
        recap.Alone.Achievement.CappedPercent.ShouldBe(120m);
    }

    [Fact]
    public void Months_need_monthly_values_and_values_come_in_4_or_12()
    {
        Should.Throw<ArgumentException>(() => PeriodAggregation.Recap(Indicators["sum"], Period.Month(2025, 3)));
        var five = new IndicatorYear(Polarity.Higher, Aggregation.Sum, Targets(100), [1, 2, 3, 4, 5]);
        Should.Throw<ArgumentException>(() => PeriodAggregation.Recap(five, Period.OfYear(2025)));
    }
}
