using Kinerja.Domain.Achievement;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using Shouldly;
using S = Kinerja.Domain.Achievement.AchievementStatus;

namespace Kinerja.Domain.Tests.Achievement;

public class AchievementMeanTests
{
    private static AchievementResult A(decimal percent, decimal? cap = null) => AchievementResult.Of(percent, cap);

    private static readonly AchievementResult Missing = AchievementResult.NotComputed(S.NoRealization, new Text("Realisasi belum diisi."));
    private static readonly AchievementResult ZeroTarget = AchievementResult.NotComputed(S.ZeroTargetNotComputable, new Text("Target nol."));

    private static readonly Dictionary<string, AchievementResult> Values = new()
    {
        ["80"] = A(80), ["85"] = A(85), ["90"] = A(90), ["95"] = A(95), ["100"] = A(100), ["105"] = A(105), ["50"] = A(50), ["0"] = A(0),
        ["150 cap 120"] = A(150, 120), ["missing"] = Missing, ["zero target"] = ZeroTarget,
    };

    // name, indicators as "value" or "value@weight" (no weights = unweighted), rounded mean, counted, skipped, reason
    public static TheoryData<string, string[], decimal?, int, int, string?> Objectives => new()
    {
        { "plain mean", ["95", "105"], 100.00m, 2, 0, null },
        { "missing skipped, not 0", ["95", "missing", "85"], 90.00m, 2, 1, "1 dari 3 indikator dilewati karena capaiannya tidak dapat dihitung." },
        { "two not computable skipped", ["zero target", "100", "missing"], 100.00m, 1, 2, "2 dari 3 indikator dilewati karena capaiannya tidak dapat dihitung." },
        { "capped value averaged", ["150 cap 120", "90"], 105.00m, 2, 0, null },
        { "a computed 0 counts", ["100", "0"], 50.00m, 2, 0, null },
        { "thirds rounded", ["100", "100", "50"], 83.33m, 3, 0, null },
        { "nothing computable", ["missing", "zero target"], null, 0, 2, "Tidak ada capaian indikator yang dapat dihitung." },
        { "no indicators", [], null, 0, 0, "Tidak ada capaian indikator yang dapat dihitung." },
        { "weighted 1:3", ["80@1", "100@3"], 95.00m, 2, 0, null },
        { "weighted, missing skipped with its weight", ["80@2", "missing@5", "100@2"], 90.00m, 2, 1, "1 dari 3 indikator dilewati karena capaiannya tidak dapat dihitung." },
        { "weighted with cap", ["150 cap 120@1", "90@1"], 105.00m, 2, 0, null },
        { "weighted, decimal weights", ["80@0.25", "100@0.75"], 95.00m, 2, 0, null },
        { "weight 0 counts but adds nothing", ["80@0", "100@1"], 100.00m, 2, 0, null },
        { "only zero weights", ["80@0", "missing@1"], null, 1, 1, "Jumlah bobot nol: rata-rata tertimbang tidak dapat dihitung." },
    };

    [Theory]
    [MemberData(nameof(Objectives))]
    public void Objective_is_the_mean_of_its_indicators(string name, string[] indicators, decimal? mean, int counted, int skipped, string? reason)
    {
        var weighted = indicators.Any(i => i.Contains('@'));
        var result = weighted
            ? AchievementMean.OfIndicators(indicators.Select(i => i.Split('@')).Select(p => (Values[p[0]], decimal.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))))
            : AchievementMean.OfIndicators(indicators.Select(i => Values[i]));

        result.Rounded.ShouldBe(mean, name);
        result.Counted.ShouldBe(counted, name);
        result.Skipped.ShouldBe(skipped, name);
        (result.Reason?.ToString()).ShouldBe(reason, name);
    }

    [Fact]
    public void Agency_is_the_mean_of_its_objectives()
    {
        var first = AchievementMean.OfIndicators([A(95), A(85)]);
        var second = AchievementMean.OfIndicators([A(60)]);
        var empty = AchievementMean.OfIndicators([Missing]);

        AchievementMean.OfObjectives([first, second]).Rounded.ShouldBe(75.00m);

        var skipping = AchievementMean.OfObjectives([first, empty]);
        skipping.Rounded.ShouldBe(90.00m);
        (skipping.Counted, skipping.Skipped).ShouldBe((1, 1));
        skipping.Reason!.ToString().ShouldBe("1 dari 2 sasaran dilewati karena capaiannya tidak dapat dihitung.");

        AchievementMean.OfObjectives([(first, 1m), (second, 2m)]).Rounded.ShouldBe(70.00m);
        AchievementMean.OfObjectives([empty]).Reason!.ToString().ShouldBe("Tidak ada capaian sasaran yang dapat dihitung.");
    }

    [Fact]
    public void From_figures_to_the_agency()
    {
        var objectiveA = AchievementMean.OfIndicators([
            AchievementCalculator.Compute(Polarity.Higher, 100, 95),
            AchievementCalculator.Compute(Polarity.Lower, 8, 10),
        ]);
        var objectiveB = AchievementMean.OfIndicators([AchievementCalculator.Compute(Polarity.Range, null, 85, 80, 90)]);

        objectiveA.Formatted.ShouldBe("85,00 %");
        AchievementMean.OfObjectives([objectiveA, objectiveB]).Formatted.ShouldBe("92,50 %");
    }

    [Fact]
    public void Means_use_unrounded_values()
    {
        // 66.666..., 66.666..., 66.676 => 66.669777... (rounded values would give 66.67 too; the third decides the digits)
        var third = AchievementCalculator.Compute(Polarity.Higher, 3, 2);
        var mean = AchievementMean.OfIndicators([third, third, A(66.676m)]);
        mean.Percent.ShouldBe((third.Percent!.Value * 2 + 66.676m) / 3);
    }

    [Fact]
    public void A_negative_weight_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => AchievementMean.OfIndicators([(A(90), -1m)]));
}
