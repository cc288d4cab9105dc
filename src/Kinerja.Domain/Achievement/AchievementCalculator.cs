using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;

namespace Kinerja.Domain.Achievement;

/// <summary>
/// The achievement (capaian) of one indicator figure: realization R against target T, in percent, all in <c>decimal</c>.
/// Results are unrounded; <see cref="Round"/> gives the two-decimal display value (midpoint away from zero).
/// <list type="bullet">
/// <item><b>Higher</b> is better: <c>A = R / T x 100</c>; floored at 0 (only reachable with a negative realization).</item>
/// <item><b>Lower</b> is better: <c>A = (2T - R) / T x 100</c>, floored at 0 (PermenPAN-RB 6/2022 "kondisi khusus").
/// T 8, R 10 gives 75 %; T 7, R 6,5 gives 107,142857... shown as 107,14 %.</item>
/// <item><b>Range</b> <c>[a, b]</c>: inside (bounds included) gives 100 %. domain.md says "below a compare with a, above b
/// compare with b, each with the indicator's polarity"; a range indicator has no other polarity, so the side of the band
/// sets the direction: below <c>a</c> more is better, so higher-is-better against <c>a</c> (<c>R / a x 100</c>); above
/// <c>b</c> less is better, so lower-is-better against <c>b</c> (<c>(2b - R) / b x 100</c>, floored at 0). Both are
/// 100 % at their bound, so the value is continuous and a miss by the same fraction of the bound costs the same on
/// either side. Zero-bound rules below apply to <c>a</c> and <c>b</c> as targets.</item>
/// <item><b>Target zero</b>: lower-is-better with R &lt;= 0 gives 100 %, with R &gt; 0 gives 0 %; higher-is-better is
/// <see cref="AchievementStatus.ZeroTargetNotComputable"/> (never 0 % or infinity).</item>
/// <item><b>Negative target</b> (or range bound): <see cref="AchievementStatus.NegativeTarget"/>, not computed. A ratio
/// against a negative number inverts its meaning (T -2, R -1 would give 50 % though R beats T), and no one formula in
/// use fixes that; the indicator needs a re-based definition (e.g. a growth index instead of a growth rate).</item>
/// <item><b>Negative realization</b> with a usable target is computed by the same formula: higher-is-better floors at 0 %
/// (like lower-is-better), lower-is-better gives more than 200 %. It is not skipped, because skipping a very bad
/// result would raise the objective's mean.</item>
/// <item><b>Missing realization</b>: <see cref="AchievementStatus.NoRealization"/> (checked first: it is the state of
/// every figure before the unit reports, and what completeness counts); then a missing target or bound.</item>
/// </list>
/// </summary>
public static class AchievementCalculator
{
    /// <summary>The display rounding: 2 decimals, <see cref="MidpointRounding.AwayFromZero"/>.</summary>
    public static decimal Round(decimal percent) => Math.Round(percent, 2, MidpointRounding.AwayFromZero);

    /// <summary>Why a cap (percent) is unusable, or null when it is fine. A cap must be at least 100 %: a lower one would cut targets that were met.</summary>
    public static Text? CapProblem(decimal? cap) =>
        cap is { } c && c < 100 ? new Text("Batas atas capaian harus paling sedikit 100 %.") : null;

    internal static void ThrowIfInvalidCap(decimal? cap)
    {
        if (CapProblem(cap) is not null) throw new ArgumentOutOfRangeException(nameof(cap), cap, "A cap must be at least 100 %.");
    }

    /// <summary>
    /// The achievement of one figure. <paramref name="target"/> is used for Higher and Lower, <paramref name="rangeLow"/>
    /// and <paramref name="rangeHigh"/> for Range. <paramref name="cap"/> (percent, at least 100) is carried for averaging.
    /// </summary>
    public static AchievementResult Compute(
        Polarity polarity, decimal? target, decimal? realization, decimal? rangeLow = null, decimal? rangeHigh = null, decimal? cap = null)
    {
        ThrowIfInvalidCap(cap);
        if (realization is not { } r) return AchievementResult.NotComputed(AchievementStatus.NoRealization, new Text("Realisasi belum diisi."), cap);
        try
        {
            return polarity switch
            {
                Polarity.Higher => target is { } t ? Higher(t, r, cap) : NoTarget(cap),
                Polarity.Lower => target is { } t ? Lower(t, r, cap) : NoTarget(cap),
                Polarity.Range => Range(rangeLow, rangeHigh, r, cap),
            };
        }
        catch (OverflowException)
        {
            return AchievementResult.NotComputed(AchievementStatus.OutOfRange, new Text("Angka terlalu besar."), cap);
        }
    }

    private static AchievementResult NoTarget(decimal? cap) =>
        AchievementResult.NotComputed(AchievementStatus.NoTarget, new Text("Target belum diisi."), cap);

    private static AchievementResult Negative(decimal? cap) =>
        AchievementResult.NotComputed(AchievementStatus.NegativeTarget, new Text("Target negatif: capaian tidak dapat dihitung dengan rumus persentase."), cap);

    private static AchievementResult Higher(decimal t, decimal r, decimal? cap)
    {
        if (t < 0) return Negative(cap);
        if (t == 0)
        {
            return AchievementResult.NotComputed(AchievementStatus.ZeroTargetNotComputable,
                new Text("Target nol: capaian tidak dapat dihitung untuk indikator makin tinggi makin baik."), cap);
        }

        return AchievementResult.Of(Math.Max(0, r * 100 / t), cap);
    }

    private static AchievementResult Lower(decimal t, decimal r, decimal? cap)
    {
        if (t < 0) return Negative(cap);
        if (t == 0) return AchievementResult.Of(r <= 0 ? 100 : 0, cap);
        return AchievementResult.Of(Math.Max(0, (2 * t - r) * 100 / t), cap);
    }

    private static AchievementResult Range(decimal? low, decimal? high, decimal r, decimal? cap)
    {
        if (low is not { } a || high is not { } b)
        {
            return AchievementResult.NotComputed(AchievementStatus.NoTarget, new Text("Indikator rentang perlu batas bawah dan batas atas."), cap);
        }

        if (a > b)
        {
            return AchievementResult.NotComputed(AchievementStatus.InvalidRange,
                new Text("Batas bawah rentang ({0}) lebih besar dari batas atas ({1}).", IndonesianFormat.Number(a), IndonesianFormat.Number(b)), cap);
        }

        if (a < 0) return Negative(cap);
        if (r < a) return Higher(a, r, cap);
        if (r > b) return Lower(b, r, cap);
        return AchievementResult.Of(100, cap);
    }
}
