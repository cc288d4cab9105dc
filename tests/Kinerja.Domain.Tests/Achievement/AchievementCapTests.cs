using Kinerja.Domain.Achievement;
using Kinerja.Domain.Plan;
using Shouldly;

namespace Kinerja.Domain.Tests.Achievement;

public class AchievementCapTests
{
    // name, polarity, target, realization, cap, shown (uncapped, rounded), used when averaging, capped?
    public static TheoryData<string, Polarity, decimal, decimal?, decimal?, decimal?, decimal?, bool> Cases => new()
    {
        { "above the cap: shown 150, averaged 120", Polarity.Higher, 100, 150, 120, 150m, 120m, true },
        { "below the cap is untouched", Polarity.Higher, 100, 110, 120, 110m, 110m, false },
        { "exactly on the cap", Polarity.Higher, 100, 120, 120, 120m, 120m, false },
        { "no cap: averaged as is", Polarity.Higher, 100, 150, null, 150m, 150m, false },
        { "lower polarity above the cap", Polarity.Lower, 8, 2, 120, 175m, 120m, true },
        { "cap of 100", Polarity.Higher, 100, 101, 100, 101m, 100m, true },
        { "not computed stays empty with a cap", Polarity.Higher, 100, null, 120, null, null, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cap_limits_the_averaged_value_only(string name, Polarity polarity, decimal target, decimal? realization, decimal? cap,
        decimal? shown, decimal? averaged, bool capped)
    {
        var result = AchievementCalculator.Compute(polarity, target, realization, cap: cap);

        result.Rounded.ShouldBe(shown, name);
        result.CappedPercent.ShouldBe(averaged, name);
        result.IsCapped.ShouldBe(capped, name);
        result.Cap.ShouldBe(cap, name);
    }

    [Theory]
    [InlineData(99.99, "Batas atas capaian harus paling sedikit 100 %.")]
    [InlineData(0, "Batas atas capaian harus paling sedikit 100 %.")]
    [InlineData(100, null)]
    [InlineData(150, null)]
    public void A_cap_below_100_is_refused(double cap, string? problem)
    {
        var c = (decimal)cap;
        (AchievementCalculator.CapProblem(c)?.ToString()).ShouldBe(problem);
        if (problem is not null)
        {
            Should.Throw<ArgumentOutOfRangeException>(() => AchievementCalculator.Compute(Polarity.Higher, 100, 100, cap: c));
        }
    }
}
