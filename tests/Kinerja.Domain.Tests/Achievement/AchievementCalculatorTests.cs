using Kinerja.Domain.Achievement;
using Kinerja.Domain.Plan;
using Shouldly;
using S = Kinerja.Domain.Achievement.AchievementStatus;

namespace Kinerja.Domain.Tests.Achievement;

public class AchievementCalculatorTests
{
    private const string NoRealization = "Realisasi belum diisi.";
    private const string NoTarget = "Target belum diisi.";
    private const string ZeroHigher = "Target nol: capaian tidak dapat dihitung untuk indikator makin tinggi makin baik.";
    private const string NegativeTarget = "Target negatif: capaian tidak dapat dihitung dengan rumus persentase.";
    private const string NoBounds = "Indikator rentang perlu batas bawah dan batas atas.";

    // name, polarity, target, realization, range low, range high, status, rounded percent, reason
    public static TheoryData<string, Polarity, decimal?, decimal?, decimal?, decimal?, S, decimal?, string?> Cases => new()
    {
        // Higher is better: R / T x 100
        { "higher below target", Polarity.Higher, 100, 95, null, null, S.Computed, 95.00m, null },
        { "higher above target", Polarity.Higher, 100, 120, null, null, S.Computed, 120.00m, null },
        { "higher exactly on target", Polarity.Higher, 40, 40, null, null, S.Computed, 100.00m, null },
        { "higher realization zero is 0 %", Polarity.Higher, 80, 0, null, null, S.Computed, 0.00m, null },
        { "higher two thirds rounds up", Polarity.Higher, 3, 2, null, null, S.Computed, 66.67m, null },
        { "higher one third rounds down", Polarity.Higher, 3, 1, null, null, S.Computed, 33.33m, null },
        { "higher midpoint 12,345 rounds away from zero", Polarity.Higher, 1000, 123.45m, null, null, S.Computed, 12.35m, null },
        { "higher target zero not computable", Polarity.Higher, 0, 5, null, null, S.ZeroTargetNotComputable, null, ZeroHigher },
        { "higher target zero and realization zero", Polarity.Higher, 0, 0, null, null, S.ZeroTargetNotComputable, null, ZeroHigher },
        { "higher target missing", Polarity.Higher, null, 5, null, null, S.NoTarget, null, NoTarget },
        { "higher realization missing", Polarity.Higher, 100, null, null, null, S.NoRealization, null, NoRealization },
        { "both missing: realization first", Polarity.Higher, null, null, null, null, S.NoRealization, null, NoRealization },
        { "higher negative target", Polarity.Higher, -2, -1, null, null, S.NegativeTarget, null, NegativeTarget },
        { "higher negative realization floored", Polarity.Higher, 5, -1, null, null, S.Computed, 0.00m, null },
        { "higher overflow", Polarity.Higher, 1E-12m, 1E18m, null, null, S.OutOfRange, null, "Angka terlalu besar." },

        // Lower is better: (2T - R) / T x 100, floored at 0
        { "domain example T 8, R 10", Polarity.Lower, 8, 10, null, null, S.Computed, 75.00m, null },
        { "domain example T 7, R 6,5", Polarity.Lower, 7, 6.5m, null, null, S.Computed, 107.14m, null },
        { "lower on target", Polarity.Lower, 8, 8, null, null, S.Computed, 100.00m, null },
        { "lower realization zero is 200 %", Polarity.Lower, 8, 0, null, null, S.Computed, 200.00m, null },
        { "lower at twice the target is 0 %", Polarity.Lower, 8, 16, null, null, S.Computed, 0.00m, null },
        { "lower beyond twice the target floored at 0", Polarity.Lower, 8, 20, null, null, S.Computed, 0.00m, null },
        { "lower target zero, realization zero", Polarity.Lower, 0, 0, null, null, S.Computed, 100.00m, null },
        { "lower target zero, realization above", Polarity.Lower, 0, 3, null, null, S.Computed, 0.00m, null },
        { "lower target zero, negative realization", Polarity.Lower, 0, -1, null, null, S.Computed, 100.00m, null },
        { "lower negative target", Polarity.Lower, -4, 2, null, null, S.NegativeTarget, null, NegativeTarget },
        { "lower negative realization (e.g. deflation)", Polarity.Lower, 3, -0.5m, null, null, S.Computed, 216.67m, null },
        { "lower target missing", Polarity.Lower, null, 2, null, null, S.NoTarget, null, NoTarget },
        { "lower realization missing", Polarity.Lower, 8, null, null, null, S.NoRealization, null, NoRealization },

        // Range [a, b]: inside 100; below a: R / a; above b: (2b - R) / b, floored at 0
        { "range inside", Polarity.Range, null, 85, 80, 90, S.Computed, 100.00m, null },
        { "range on lower bound", Polarity.Range, null, 80, 80, 90, S.Computed, 100.00m, null },
        { "range on upper bound", Polarity.Range, null, 90, 80, 90, S.Computed, 100.00m, null },
        { "range below: higher against a", Polarity.Range, null, 72, 80, 90, S.Computed, 90.00m, null },
        { "range above: lower against b", Polarity.Range, null, 99, 80, 90, S.Computed, 90.00m, null },
        { "range far above floored at 0", Polarity.Range, null, 200, 80, 90, S.Computed, 0.00m, null },
        { "range realization zero", Polarity.Range, null, 0, 80, 90, S.Computed, 0.00m, null },
        { "range ignores the plain target", Polarity.Range, 50, 85, 80, 90, S.Computed, 100.00m, null },
        { "range of one value, on it", Polarity.Range, null, 85, 85, 85, S.Computed, 100.00m, null },
        { "range of one value, above", Polarity.Range, null, 86, 85, 85, S.Computed, 98.82m, null },
        { "range from zero, above", Polarity.Range, null, 12, 0, 10, S.Computed, 80.00m, null },
        { "range [0, 0], zero", Polarity.Range, null, 0, 0, 0, S.Computed, 100.00m, null },
        { "range [0, 0], above is lower with target zero", Polarity.Range, null, 1, 0, 0, S.Computed, 0.00m, null },
        { "range missing upper bound", Polarity.Range, null, 85, 80, null, S.NoTarget, null, NoBounds },
        { "range missing lower bound", Polarity.Range, 85, 85, null, 90, S.NoTarget, null, NoBounds },
        { "range inverted", Polarity.Range, null, 85, 90, 80, S.InvalidRange, null, "Batas bawah rentang (90) lebih besar dari batas atas (80)." },
        { "range negative bound", Polarity.Range, null, 0, -5, 5, S.NegativeTarget, null, NegativeTarget },
        { "range realization missing", Polarity.Range, null, null, 80, 90, S.NoRealization, null, NoRealization },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Computes(string name, Polarity polarity, decimal? target, decimal? realization, decimal? low, decimal? high,
        S status, decimal? rounded, string? reason)
    {
        var result = AchievementCalculator.Compute(polarity, target, realization, low, high);

        result.Status.ShouldBe(status, name);
        result.Rounded.ShouldBe(rounded, name);
        result.IsComputed.ShouldBe(status == S.Computed, name);
        (result.Reason?.ToString()).ShouldBe(reason, name);
        if (result.Percent is { } p) p.ShouldBeGreaterThanOrEqualTo(0, name);
    }

    [Fact]
    public void Domain_examples_read_as_people_expect_and_keep_full_precision()
    {
        var a = AchievementCalculator.Compute(Polarity.Lower, 8, 10);
        a.Formatted.ShouldBe("75,00 %");

        var b = AchievementCalculator.Compute(Polarity.Lower, 7, 6.5m);
        b.Percent.ShouldBe(750m / 7m);
        b.Formatted.ShouldBe("107,14 %");

        AchievementCalculator.Compute(Polarity.Higher, 0, 5).Formatted.ShouldBeNull();
    }
}
