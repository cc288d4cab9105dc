using Kinerja.Domain.Achievement;
using Kinerja.Domain.Common;
using Shouldly;

namespace Kinerja.Domain.Tests.Achievement;

public class BudgetPerformanceTests
{
    // name, realization, pagu, rounded absorption, reason
    public static TheoryData<string, decimal?, decimal?, decimal?, string?> Absorptions => new()
    {
        { "three quarters", 750_000_000m, 1_000_000_000m, 75.00m, null },
        { "fully spent", 1_250_000m, 1_250_000m, 100.00m, null },
        { "overspent is kept", 1_250_000m, 1_000_000m, 125.00m, null },
        { "nothing spent", 0m, 1_000_000m, 0.00m, null },
        { "a third", 1m, 3m, 33.33m, null },
        { "PMK example 734.881.464.333 of 855.830.897.000", 734_881_464_333m, 855_830_897_000m, 85.87m, null },
        { "pagu zero", 0m, 0m, null, "Pagu nol: penyerapan anggaran tidak dapat dihitung." },
        { "pagu missing", 100m, null, null, "Pagu belum diisi." },
        { "realization missing", null, 100m, null, "Realisasi anggaran belum diisi." },
        { "negative realization", -5m, 100m, null, "Pagu atau realisasi anggaran negatif: penyerapan tidak dapat dihitung." },
    };

    [Theory]
    [MemberData(nameof(Absorptions))]
    public void Absorption(string name, decimal? realization, decimal? pagu, decimal? percent, string? reason)
    {
        var result = BudgetPerformance.Absorption(realization, pagu);
        result.Rounded.ShouldBe(percent, name);
        result.IsComputed.ShouldBe(percent is not null, name);
        (result.Reason?.ToString()).ShouldBe(reason, name);
    }

    // name, achievement %, absorption %, efficiency E % (rounded), score NE (rounded), reason
    public static TheoryData<string, decimal?, decimal?, decimal?, decimal?, string?> Efficiencies => new()
    {
        { "in step: E 0, score 50", 100m, 100m, 0.00m, 50.00m, null },
        { "target met on 90 % of the money", 100m, 90m, 10.00m, 75.00m, null },
        { "E 20 gives the full score", 100m, 80m, 20.00m, 100.00m, null },
        { "over-achieved on 96 %", 120m, 96m, 20.00m, 100.00m, null },
        { "overspent: E -5", 100m, 105m, -5.00m, 37.50m, null },
        { "score floored at 0", 80m, 100m, -25.00m, 0.00m, null },
        { "score capped at 100", 122m, 95m, 22.13m, 100.00m, null },
        { "nothing spent", 100m, 0m, 100.00m, 100.00m, null },
        { "a third", 90m, 60m, 33.33m, 100.00m, null },
        { "achievement zero", 0m, 50m, null, null, "Capaian kinerja nol: efisiensi tidak dapat dihitung." },
        { "achievement missing", null, 50m, null, null, "Capaian kinerja belum tersedia: efisiensi tidak dapat dihitung." },
        { "absorption missing", 90m, null, null, null, "Penyerapan anggaran belum tersedia: efisiensi tidak dapat dihitung." },
    };

    [Theory]
    [MemberData(nameof(Efficiencies))]
    public void Efficiency(string name, decimal? achievement, decimal? absorption, decimal? efficiency, decimal? score, string? reason)
    {
        var result = BudgetPerformance.Efficiency(achievement, absorption);
        (result.Efficiency is { } e ? AchievementCalculator.Round(e) : (decimal?)null).ShouldBe(efficiency, name);
        (result.Score is { } s ? AchievementCalculator.Round(s) : (decimal?)null).ShouldBe(score, name);
        (result.Reason?.ToString()).ShouldBe(reason, name);
    }

    [Fact]
    public void Efficiency_of_a_scope_passes_on_why_it_is_missing()
    {
        var achievement = AchievementMean.OfIndicators([AchievementResult.Of(95), AchievementResult.Of(105)]);
        var absorption = BudgetPerformance.Absorption(900, 1000);
        var result = BudgetPerformance.Efficiency(achievement, absorption);
        result.Efficiency.ShouldBe(10m);
        result.Score.ShouldBe(75m);

        BudgetPerformance.Efficiency(achievement, BudgetPerformance.Absorption(900, 0)).Reason!.ToString()
            .ShouldBe("Pagu nol: penyerapan anggaran tidak dapat dihitung.");
        var none = AchievementMean.OfIndicators([AchievementResult.NotComputed(AchievementStatus.NoRealization, new Text("Realisasi belum diisi."))]);
        BudgetPerformance.Efficiency(none, absorption).Reason!.ToString().ShouldBe("Tidak ada capaian indikator yang dapat dihitung.");
    }
}
