using Kinerja.Data;
using Kinerja.Features.Organisation;
using Kinerja.Features.Plan;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Pages.Plan;

public sealed record IndicatorRow(IndicatorDto Indicator, TargetDto? Target, int Depth);

/// <summary>
/// The plan as a tree: goal, objective, its key indicators, and the unit indicators that support them
/// (cascading), with the year's targets and action plan.
/// </summary>
public sealed class IndexModel(GetAgency getAgency, GetStrategicPlan getPlan, ListGoals goals, ListObjectives objectives, ListIndicators indicators,
    KinerjaDbContext db) : KinerjaPage
{
    [BindProperty(SupportsGet = true)] public Guid AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public AgencyDto Agency { get; private set; } = null!;
    public StrategicPlanDto Plan { get; private set; } = null!;
    public IReadOnlyList<GoalDto> Goals { get; private set; } = [];
    public IReadOnlyList<ObjectiveDto> Objectives { get; private set; } = [];
    private List<IndicatorRow> _rows = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
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
        return Page();
    });

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
