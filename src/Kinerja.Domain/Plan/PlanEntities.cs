using Kinerja.Domain.Organisation;

namespace Kinerja.Domain.Plan;

/// <summary>Renstra: the agency's five-year strategic plan. Goals, objectives and targets hang off it.</summary>
public sealed class StrategicPlan : IAgencyOwned, IVersioned
{
    private StrategicPlan() { Name = string.Empty; }

    public StrategicPlan(Guid id, Guid agencyId, string name, int firstYear, int lastYear)
    {
        Id = id;
        AgencyId = agencyId;
        Name = name;
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public string Name { get; private set; }
    public int FirstYear { get; private set; }
    public int LastYear { get; private set; }
    public int Version { get; private set; }

    public bool Covers(int year) => year >= FirstYear && year <= LastYear;

    public void Update(string name, int firstYear, int lastYear)
    {
        Name = name;
        FirstYear = firstYear;
        LastYear = lastYear;
    }
}

/// <summary>Which of an agency's Renstra plans a year reads.</summary>
public static class StrategicPlanChoice
{
    /// <summary>
    /// The plan covering <paramref name="year"/>, else the latest one (highest first year); null when there is none.
    /// An agency's plans do not overlap, so at most one covers a year.
    /// </summary>
    public static T? ForYear<T>(this IEnumerable<T> plans, int year, Func<T, int> firstYear, Func<T, int> lastYear) where T : class
    {
        var list = plans as IReadOnlyCollection<T> ?? plans.ToList();
        return list.FirstOrDefault(p => firstYear(p) <= year && year <= lastYear(p)) ?? list.MaxBy(firstYear);
    }

    /// <inheritdoc cref="ForYear{T}(IEnumerable{T}, int, Func{T, int}, Func{T, int})"/>
    public static StrategicPlan? ForYear(this IEnumerable<StrategicPlan> plans, int year) => plans.ForYear(year, p => p.FirstYear, p => p.LastYear);
}

/// <summary>Tujuan: a goal of the Renstra.</summary>
public sealed class Goal : IAgencyOwned
{
    private Goal() { Code = Name = string.Empty; }

    public Goal(Guid id, Guid agencyId, Guid planId, string code, string name)
    {
        Id = id;
        AgencyId = agencyId;
        PlanId = planId;
        Code = code;
        Name = name;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid PlanId { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }

    public void Update(string name) => Name = name;
}

/// <summary>Sasaran: an objective, measured by its indicators.</summary>
public sealed class Objective : IAgencyOwned
{
    private Objective() { Code = Name = string.Empty; }

    public Objective(Guid id, Guid agencyId, Guid planId, Guid? goalId, string code, string name)
    {
        Id = id;
        AgencyId = agencyId;
        PlanId = planId;
        GoalId = goalId;
        Code = code;
        Name = name;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid? GoalId { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }

    public void Update(string name, Guid? goalId)
    {
        Name = name;
        GoalId = goalId;
    }
}

/// <summary>Program, kegiatan or sub kegiatan of the budget structure (stable across years; amounts are per year in <see cref="BudgetLine"/>).</summary>
public sealed class BudgetItem : IAgencyOwned
{
    private BudgetItem() { Code = Name = string.Empty; }

    public BudgetItem(Guid id, Guid agencyId, string code, string name, BudgetLevel level, Guid? parentId)
    {
        Id = id;
        AgencyId = agencyId;
        Code = code;
        Name = name;
        Level = level;
        ParentId = parentId;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public BudgetLevel Level { get; private set; }
    public Guid? ParentId { get; private set; }

    public void Update(string name, BudgetLevel level, Guid? parentId)
    {
        Name = name;
        Level = level;
        ParentId = parentId;
    }
}

/// <summary>DPA: the approved budget (pagu, in rupiah) of one budget item for one year, with its quarterly cash plan.</summary>
public sealed class BudgetLine : IAgencyOwned
{
    private BudgetLine() { }

    public BudgetLine(Guid id, Guid agencyId, Guid budgetItemId, int year)
    {
        Id = id;
        AgencyId = agencyId;
        BudgetItemId = budgetItemId;
        Year = year;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid BudgetItemId { get; private set; }
    public int Year { get; private set; }
    public decimal Pagu { get; private set; }
    public decimal? Q1 { get; private set; }
    public decimal? Q2 { get; private set; }
    public decimal? Q3 { get; private set; }
    public decimal? Q4 { get; private set; }

    public void Set(decimal pagu, decimal? q1, decimal? q2, decimal? q3, decimal? q4)
    {
        Pagu = pagu;
        Q1 = q1;
        Q2 = q2;
        Q3 = q3;
        Q4 = q4;
    }
}

/// <summary>A performance indicator of an objective (IKU) or of a program/activity, owned by a unit.</summary>
public sealed class Indicator : IAgencyOwned, IVersioned
{
    private Indicator() { Code = Name = Measure = string.Empty; }

    public Indicator(Guid id, Guid agencyId, string code, string name, IndicatorKind kind, Guid? objectiveId, Guid? budgetItemId,
        Guid unitId, string measure, Polarity polarity, Aggregation aggregation, decimal weight, string? definition, string? dataSource)
    {
        Id = id;
        AgencyId = agencyId;
        Code = code;
        Update(name, kind, objectiveId, budgetItemId, unitId, measure, polarity, aggregation, weight, definition, dataSource);
        Name = name;
        Measure = measure;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public IndicatorKind Kind { get; private set; }
    public Guid? ObjectiveId { get; private set; }
    public Guid? BudgetItemId { get; private set; }

    /// <summary>Cascading: the higher indicator this one supports (a unit's indicator under an IKU).</summary>
    public Guid? SupportsIndicatorId { get; private set; }

    /// <summary>The unit responsible for measuring and reporting it.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>Satuan: "%", "Dokumen", "Ton", "Indeks".</summary>
    public string Measure { get; private set; }
    public Polarity Polarity { get; private set; }
    public Aggregation Aggregation { get; private set; }

    /// <summary>Relative weight within its objective (1 when all count alike).</summary>
    public decimal Weight { get; private set; }

    /// <summary>Definisi operasional / formulasi.</summary>
    public string? Definition { get; private set; }
    public string? DataSource { get; private set; }
    public int Version { get; private set; }

    public void SupportIndicator(Guid? higherIndicatorId) => SupportsIndicatorId = higherIndicatorId == Id ? null : higherIndicatorId;

    public void Update(string name, IndicatorKind kind, Guid? objectiveId, Guid? budgetItemId, Guid unitId, string measure,
        Polarity polarity, Aggregation aggregation, decimal weight, string? definition, string? dataSource)
    {
        Name = name;
        Kind = kind;
        ObjectiveId = objectiveId;
        BudgetItemId = budgetItemId;
        UnitId = unitId;
        Measure = measure;
        Polarity = polarity;
        Aggregation = aggregation;
        Weight = weight;
        Definition = definition;
        DataSource = dataSource;
    }
}

/// <summary>An indicator's targets for one year: the annual target, the Rencana Aksi breakdown, and references.</summary>
public sealed class IndicatorTarget : IAgencyOwned, IVersioned
{
    private IndicatorTarget() { }

    public IndicatorTarget(Guid id, Guid agencyId, Guid indicatorId, int year)
    {
        Id = id;
        AgencyId = agencyId;
        IndicatorId = indicatorId;
        Year = year;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid IndicatorId { get; private set; }
    public int Year { get; private set; }
    public int Version { get; private set; }

    public decimal? Annual { get; private set; }

    /// <summary>Each quarter's own target (not to date); to-date targets follow from the indicator's aggregation.</summary>
    public decimal? Q1 { get; private set; }
    public decimal? Q2 { get; private set; }
    public decimal? Q3 { get; private set; }
    public decimal? Q4 { get; private set; }

    /// <summary>Each month's own target, when the action plan is monthly; 12 values or none.</summary>
    public string? MonthsJson { get; private set; }

    public decimal? RangeLow { get; private set; }
    public decimal? RangeHigh { get; private set; }

    /// <summary>The Renstra end-of-plan target (kondisi akhir).</summary>
    public decimal? StrategicEndTarget { get; private set; }
    public decimal? NationalStandard { get; private set; }

    /// <summary>Baseline (kondisi awal) the plan started from.</summary>
    public decimal? Baseline { get; private set; }

    public TargetValues Values => new(Annual, [Q1, Q2, Q3, Q4], Months, RangeLow, RangeHigh, StrategicEndTarget, NationalStandard, Baseline);

    public IReadOnlyList<decimal?>? Months =>
        MonthsJson is null ? null : System.Text.Json.JsonSerializer.Deserialize<decimal?[]>(MonthsJson);

    public void Set(TargetValues v)
    {
        Annual = v.Annual;
        Q1 = v.Quarters.ElementAtOrDefault(0);
        Q2 = v.Quarters.ElementAtOrDefault(1);
        Q3 = v.Quarters.ElementAtOrDefault(2);
        Q4 = v.Quarters.ElementAtOrDefault(3);
        MonthsJson = v.Months is null ? null : System.Text.Json.JsonSerializer.Serialize(v.Months);
        RangeLow = v.RangeLow;
        RangeHigh = v.RangeHigh;
        StrategicEndTarget = v.StrategicEndTarget;
        NationalStandard = v.NationalStandard;
        Baseline = v.Baseline;
    }
}

/// <summary>The realization of an indicator in a year before the system was used, so reports compare with history from day one.</summary>
public sealed class IndicatorHistory : IAgencyOwned
{
    private IndicatorHistory() { }

    public IndicatorHistory(Guid id, Guid agencyId, Guid indicatorId, int year, decimal realization)
    {
        Id = id;
        AgencyId = agencyId;
        IndicatorId = indicatorId;
        Year = year;
        Realization = realization;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid IndicatorId { get; private set; }
    public int Year { get; private set; }
    public decimal Realization { get; private set; }

    public void Set(decimal realization) => Realization = realization;
}
