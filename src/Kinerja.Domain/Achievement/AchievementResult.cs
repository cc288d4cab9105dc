using Kinerja.Domain.Common;

namespace Kinerja.Domain.Achievement;

/// <summary>Whether an achievement (capaian) could be computed, and if not, why.</summary>
public enum AchievementStatus
{
    /// <summary>A percentage was computed.</summary>
    Computed,

    /// <summary>The realization is missing: not computed and counted as missing, never as 0 %.</summary>
    NoRealization,

    /// <summary>The target (or, for a range, a bound) is missing for this figure.</summary>
    NoTarget,

    /// <summary>Higher-is-better indicator with target 0: R / 0 has no meaning (never shown as 0 % or infinity).</summary>
    ZeroTargetNotComputable,

    /// <summary>A negative target or range bound: a ratio against it would invert its meaning.</summary>
    NegativeTarget,

    /// <summary>A range whose lower bound is above its upper bound.</summary>
    InvalidRange,

    /// <summary>The numbers are too far apart for decimal arithmetic (e.g. a tiny target and a huge realization).</summary>
    OutOfRange,
}

/// <summary>
/// The achievement (capaian) of one indicator figure, in percent (100 = target met exactly).
/// <para>
/// <see cref="Percent"/> is unrounded (full <c>decimal</c> precision) so means and projections are computed from it;
/// <see cref="Rounded"/> is the two-decimal value people see, rounded with <see cref="MidpointRounding.AwayFromZero"/>
/// (107,145 becomes 107,15). <see cref="CappedPercent"/> is the value used when averaging: the percentage limited to
/// the agency's <see cref="Cap"/>, if one is set; the uncapped <see cref="Percent"/> is still what is shown.
/// </para>
/// </summary>
public sealed record AchievementResult
{
    private AchievementResult(AchievementStatus status, decimal? percent, decimal? cap, Text? reason)
    {
        Status = status;
        Percent = percent;
        Cap = cap;
        Reason = reason;
    }

    public AchievementStatus Status { get; }

    /// <summary>Unrounded percentage; null unless <see cref="Status"/> is <see cref="AchievementStatus.Computed"/>. Never negative.</summary>
    public decimal? Percent { get; }

    /// <summary>The agency's cap in percent (e.g. 120) used when averaging; null when none.</summary>
    public decimal? Cap { get; }

    /// <summary>Why the percentage was not computed (Indonesian); null when computed.</summary>
    public Text? Reason { get; }

    public bool IsComputed => Status == AchievementStatus.Computed;

    /// <summary><see cref="Percent"/> rounded to 2 decimals, midpoint away from zero.</summary>
    public decimal? Rounded => Percent is { } p ? AchievementCalculator.Round(p) : null;

    /// <summary>The unrounded percentage limited to <see cref="Cap"/> (the figure that enters means); equals <see cref="Percent"/> without a cap.</summary>
    public decimal? CappedPercent => Percent is { } p && Cap is { } c ? Math.Min(p, c) : Percent;

    /// <summary>True when the cap cuts the percentage for averaging.</summary>
    public bool IsCapped => Percent is { } p && Cap is { } c && p > c;

    /// <summary>The shown value in Indonesian format ("107,14 %"); null when not computed.</summary>
    public string? Formatted => Rounded is { } r ? IndonesianFormat.Percent(r) : null;

    /// <summary>A computed achievement (e.g. one read back from storage). <paramref name="percent"/> in percent, unrounded.</summary>
    public static AchievementResult Of(decimal percent, decimal? cap = null)
    {
        if (percent < 0) throw new ArgumentOutOfRangeException(nameof(percent), percent, "An achievement is never negative.");
        AchievementCalculator.ThrowIfInvalidCap(cap);
        return new AchievementResult(AchievementStatus.Computed, percent, cap, null);
    }

    /// <summary>An achievement that could not be computed, with the reason shown to people.</summary>
    public static AchievementResult NotComputed(AchievementStatus status, Text reason, decimal? cap = null)
    {
        if (status == AchievementStatus.Computed) throw new ArgumentException("Use Of() for a computed achievement.", nameof(status));
        ArgumentNullException.ThrowIfNull(reason);
        return new AchievementResult(status, null, cap, reason);
    }
}
