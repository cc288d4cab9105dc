using Kinerja.Data;
using Kinerja.Features.Organisation;
using Kinerja.Features.Plan;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Pages.Plan;

public sealed record IndicatorRow(IndicatorDto Indicator, TargetDto? Target, int Depth);

/// <summary>
/// The plan as a tree: goal, objective, its key indicators, and the unit indicators that support them
/// (cascading), with the year's targets and action plan.
/// </summary>
public sealed class IndexModel(GetAgency getAgency, GetStrategicPlan getPlan, ListGoals goals, ListObjectives objectives, ListIndicators indicators,
    ListUnits units, GetBudget budget, CreateObjective createObjective, CreateIndicator createIndicator, CurrentUser me, KinerjaDbContext db) : KinerjaPage
{
    [BindProperty(SupportsGet = true)] public Guid AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public AgencyDto Agency { get; private set; } = null!;
    public StrategicPlanDto Plan { get; private set; } = null!;
    public IReadOnlyList<GoalDto> Goals { get; private set; } = [];
    public IReadOnlyList<ObjectiveDto> Objectives { get; private set; } = [];
    private List<IndicatorRow> _rows = [];

    public bool CanEdit { get; private set; }
    public string? OpenForm { get; private set; }
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];
    public IReadOnlyList<BudgetLineDto> BudgetItems { get; private set; } = [];
    public IReadOnlyList<IndicatorDto> AllIndicators { get; private set; } = [];

    [BindProperty] public ObjectiveInput NewObjective { get; set; } = new();
    [BindProperty] public IndicatorInput NewIndicator { get; set; } = new();

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await OnReloadAsync();
        return Page();
    });

    public Task<IActionResult> OnPostObjectiveAsync(CancellationToken ct)
    {
        OpenForm = "objective";
        return RunAsync(async () =>
        {
            await createObjective.HandleAsync(AgencyId, new CreateObjectiveRequest(NewObjective.Code, NewObjective.Name, NewObjective.Goal), ct);
            return Redirect($"/Plan?agencyId={AgencyId}&year={Year}");
        }, nameof(NewObjective));
    }

    public Task<IActionResult> OnPostIndicatorAsync(CancellationToken ct)
    {
        OpenForm = "indicator";
        return RunAsync(async () =>
        {
            var n = NewIndicator;
            var created = await createIndicator.HandleAsync(AgencyId, new CreateIndicatorRequest(n.Code, n.Name, n.ObjectiveId, n.UnitId, n.Measure, n.Polarity,
                n.Aggregation, null, n.Definition, n.DataSource, n.Kind, n.BudgetItemId, n.SupportsIndicatorId), ct);
            return Redirect($"/Plan/Indicator/{created.Id}");
        }, nameof(NewIndicator));
    }

    protected override async Task OnReloadAsync()
    {
        var ct = HttpContext.RequestAborted;
        _rows = [];
        Agency = await getAgency.HandleAsync(AgencyId, ct);
        Plan = await getPlan.HandleAsync(AgencyId, Year, ct);
        Year ??= Math.Clamp(DateTime.Today.Year, Plan.FirstYear, Plan.LastYear);
        Goals = await goals.HandleAsync(AgencyId, ct);
        Objectives = await objectives.HandleAsync(AgencyId, ct);
        var all = await indicators.HandleAsync(AgencyId, null, null, ct);
        var ids = all.Select(i => i.Id).ToList();
        var targets = (await db.IndicatorTargets.AsNoTracking().Where(t => ids.Contains(t.IndicatorId) && t.Year == Year).ToListAsync(ct))
            .ToDictionary(t => t.IndicatorId, t => t.ToDto());

        // Depth-first: each indicator followed by those that support it.
        var children = all.Where(i => i.SupportsIndicatorId is not null).ToLookup(i => i.SupportsIndicatorId);
        var placed = new HashSet<Guid>();
        void Place(IndicatorDto i, int depth)
        {
            if (!placed.Add(i.Id)) return;
            _rows.Add(new IndicatorRow(i, targets.GetValueOrDefault(i.Id), depth));
            foreach (var c in children[i.Id]) Place(c, depth + 1);
        }

        foreach (var i in all.Where(i => i.SupportsIndicatorId is null || all.All(p => p.Id != i.SupportsIndicatorId))) Place(i, 0);

        CanEdit = me.HasAgencyRole(AgencyId, Domain.Organisation.Role.Coordinator, Domain.Organisation.Role.Secretary, Domain.Organisation.Role.Admin);
        if (CanEdit)
        {
            Units = await units.HandleAsync(AgencyId, ct);
            BudgetItems = (await budget.HandleAsync(AgencyId, Year.Value, ct)).Lines;
            AllIndicators = all;
        }
    }

    public int YearShown => Year ?? DateTime.Today.Year;

    /// <summary>The rows under an objective (null: indicators that measure programs and support no objective's indicator).</summary>
    public IReadOnlyList<IndicatorRow> Rows(Guid? objectiveId)
    {
        var result = new List<IndicatorRow>();
        for (var n = 0; n < _rows.Count; n++)
        {
            if (_rows[n].Depth != 0 || _rows[n].Indicator.ObjectiveId != objectiveId) continue;
            result.Add(_rows[n]);
            for (var m = n + 1; m < _rows.Count && _rows[m].Depth > 0; m++) result.Add(_rows[m]);
        }

        return result;
    }
}

public sealed class ObjectiveInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Goal { get; set; }
}

public sealed class IndicatorInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; } = "iku";
    public Guid? ObjectiveId { get; set; }
    public Guid? BudgetItemId { get; set; }
    public Guid? SupportsIndicatorId { get; set; }
    public Guid? UnitId { get; set; }
    public string? Measure { get; set; }
    public string? Polarity { get; set; } = "higher";
    public string? Aggregation { get; set; } = "sum";
    public string? Definition { get; set; }
    public string? DataSource { get; set; }
}
