namespace Kinerja.Domain.Plan;

/// <summary>Which direction is good for an indicator.</summary>
public enum Polarity
{
    /// <summary>Higher is better: A = R / T x 100.</summary>
    Higher,

    /// <summary>Lower is better (findings, poverty rate): A = (2T - R) / T x 100, floored at 0.</summary>
    Lower,

    /// <summary>A target band [low, high]: inside is 100 %.</summary>
    Range,
}

/// <summary>How an indicator's values over periods make the figure of a longer period.</summary>
public enum Aggregation
{
    /// <summary>Cumulative: Q2 to date = Q1 + Q2.</summary>
    Sum,

    /// <summary>The last reported value (indexes, rates, percentages).</summary>
    Last,

    /// <summary>The mean of the reported values.</summary>
    Average,
}

public enum IndicatorKind
{
    /// <summary>Indikator Kinerja Utama (key agency indicator).</summary>
    Iku,
    Program,
    Activity,
    SubActivity,

    /// <summary>Indikator Kinerja Individu (per position).</summary>
    Individual,
}

public enum BudgetLevel
{
    Program,
    Activity,
    SubActivity,
}
