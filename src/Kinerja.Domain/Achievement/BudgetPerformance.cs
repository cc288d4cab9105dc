using Kinerja.Domain.Common;

namespace Kinerja.Domain.Achievement;

/// <summary>
/// Budget absorption (penyerapan anggaran) in percent: <c>realization / pagu x 100</c>, unrounded in
/// <see cref="Percent"/>, 2 decimals (midpoint away from zero) in <see cref="Rounded"/>. Null with a
/// <see cref="Reason"/> when it cannot be computed.
/// </summary>
public sealed record AbsorptionResult(decimal? Percent, Text? Reason)
{
    public bool IsComputed => Percent is not null;
    public decimal? Rounded => Percent is { } p ? AchievementCalculator.Round(p) : null;
    public string? Formatted => Rounded is { } r ? IndonesianFormat.Percent(r) : null;
}

/// <summary>
/// Efficiency of budget use for one scope (programme, activity, objective or agency), comparing the scope's
/// achievement with its absorption.
/// <para><see cref="Efficiency"/> (E, percent) = <c>(1 - absorption / achievement) x 100</c>: the share of the budget
/// that the achieved output did not need, relative to a plan where cost grows in proportion to output. 0 means the
/// money was spent exactly in step with the result; positive is efficient; negative means more was spent than the
/// result accounts for.</para>
/// <para><see cref="Score"/> (NE, 0-100) = <c>50 + E / 20 x 50</c>, limited to 0..100: 50 at E = 0, 100 at E &gt;= 20,
/// 0 at E &lt;= -20.</para>
/// Both follow the Ministry of Finance's budget-performance evaluation (Pengukuran dan Evaluasi Kinerja atas
/// Pelaksanaan RKA-K/L: PMK 249/PMK.02/2011, carried on in PMK 214/PMK.02/2017), where
/// <c>E = sum(PAK x CK - RAK) / sum(PAK x CK)</c> with pagu PAK, realization RAK and output achievement CK; for one
/// scope that is <c>1 - (RAK / PAK) / CK</c>, the formula above. Central-government LKjIPs use it in chapter III
/// "efisiensi penggunaan sumber daya". Limiting the score to 0..100 is this product's choice, so the score stays on
/// its scale. Values are unrounded; round for display with <see cref="AchievementCalculator.Round"/>.
/// </summary>
public sealed record EfficiencyResult(decimal? Efficiency, decimal? Score, Text? Reason)
{
    public bool IsComputed => Efficiency is not null;
}

/// <summary>Budget measures of LKjIP chapter III: absorption and efficiency. All arithmetic in decimal.</summary>
public static class BudgetPerformance
{
    /// <summary>Absorption of <paramref name="pagu"/> by <paramref name="realization"/> (both in rupiah). Pagu 0 is not computable; above 100 % (overspending) is kept.</summary>
    public static AbsorptionResult Absorption(decimal? realization, decimal? pagu)
    {
        if (pagu is not { } p) return new AbsorptionResult(null, new Text("Pagu belum diisi."));
        if (realization is not { } r) return new AbsorptionResult(null, new Text("Realisasi anggaran belum diisi."));
        if (p < 0 || r < 0) return new AbsorptionResult(null, new Text("Pagu atau realisasi anggaran negatif: penyerapan tidak dapat dihitung."));
        if (p == 0) return new AbsorptionResult(null, new Text("Pagu nol: penyerapan anggaran tidak dapat dihitung."));
        return new AbsorptionResult(r * 100 / p, null);
    }

    /// <summary>
    /// Efficiency from the scope's achievement and absorption, both in percent (e.g. an objective's
    /// <see cref="AchievementMean.Percent"/> and the absorption of the programmes behind it).
    /// </summary>
    public static EfficiencyResult Efficiency(decimal? achievementPercent, decimal? absorptionPercent)
    {
        if (achievementPercent is not { } a) return new EfficiencyResult(null, null, new Text("Capaian kinerja belum tersedia: efisiensi tidak dapat dihitung."));
        if (absorptionPercent is not { } b) return new EfficiencyResult(null, null, new Text("Penyerapan anggaran belum tersedia: efisiensi tidak dapat dihitung."));
        if (a <= 0) return new EfficiencyResult(null, null, new Text("Capaian kinerja nol: efisiensi tidak dapat dihitung."));
        try
        {
            var e = (1 - b / a) * 100;
            var score = Math.Clamp(50 + e / 20 * 50, 0, 100);
            return new EfficiencyResult(e, score, null);
        }
        catch (OverflowException)
        {
            return new EfficiencyResult(null, null, new Text("Angka terlalu besar."));
        }
    }

    /// <summary>Efficiency from an achievement mean and an absorption; their reasons are passed on when either is missing.</summary>
    public static EfficiencyResult Efficiency(AchievementMean achievement, AbsorptionResult absorption)
    {
        ArgumentNullException.ThrowIfNull(achievement);
        ArgumentNullException.ThrowIfNull(absorption);
        if (achievement.Percent is null && achievement.Reason is { } r1) return new EfficiencyResult(null, null, r1);
        if (absorption.Percent is null && absorption.Reason is { } r2) return new EfficiencyResult(null, null, r2);
        return Efficiency(achievement.Percent, absorption.Percent);
    }
}
