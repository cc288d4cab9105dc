using System.Globalization;
using Kinerja.Data;
using Kinerja.Documents;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Plan;

/// <summary>The current plan as the same workbook the import reads: a round trip changes nothing.</summary>
public sealed class ExportPlan(KinerjaDbContext db, CurrentUser me)
{
    public async Task<GeneratedFile> HandleAsync(Guid agencyId, CancellationToken ct = default)
    {
        await me.EnsureCanReadAsync(agencyId, ct);
        var data = await LoadAsync(db, agencyId, ct);
        var name = string.Create(CultureInfo.InvariantCulture, $"Rencana-Kinerja-{data.FirstYear}-{data.LastYear}.xlsx");
        return new GeneratedFile(PlanWorkbook.Write(data), Xlsx, name);
    }

    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The agency's plan as workbook records (no plan yet: an empty template for this year's five-year span).</summary>
    public static async Task<PlanWorkbookData> LoadAsync(KinerjaDbContext db, Guid agencyId, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        var plan = await db.StrategicPlans.AsNoTracking().Where(p => p.AgencyId == agencyId).OrderByDescending(p => p.FirstYear).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            var year = DateTime.Today.Year;
            return new PlanWorkbookData(agency.Name, year, year + 4, [], [], [], [], [], []);
        }

        var goals = await db.Goals.AsNoTracking().Where(g => g.PlanId == plan.Id).ToListAsync(ct);
        var goalCode = goals.ToDictionary(g => g.Id, g => g.Code);
        var objectives = await db.Objectives.AsNoTracking().Where(o => o.PlanId == plan.Id).ToListAsync(ct);
        var objectiveCode = objectives.ToDictionary(o => o.Id, o => o.Code);
        var items = await db.BudgetItems.AsNoTracking().Where(i => i.AgencyId == agencyId).ToListAsync(ct);
        var itemCode = items.ToDictionary(i => i.Id, i => i.Code);
        var lines = await db.BudgetLines.AsNoTracking().Where(l => l.AgencyId == agencyId).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.AgencyId == agencyId).ToListAsync(ct);
        var indicatorCode = indicators.ToDictionary(i => i.Id, i => i.Code);
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.AgencyId == agencyId).ToListAsync(ct);
        var history = await db.IndicatorHistory.AsNoTracking().Where(h => h.AgencyId == agencyId).ToListAsync(ct);

        return new PlanWorkbookData(
            agency.Name, plan.FirstYear, plan.LastYear,
            goals.OrderBy(g => g.Code, StringComparer.Ordinal).Select(g => new GoalRow(g.Code, g.Name)).ToList(),
            objectives.OrderBy(o => o.Code, StringComparer.Ordinal)
                .Select(o => new ObjectiveRow(o.Code, o.Name, o.GoalId is { } g ? goalCode[g] : null)).ToList(),
            lines.Select(l => (Line: l, Item: items.Single(i => i.Id == l.BudgetItemId)))
                .OrderBy(x => x.Line.Year).ThenBy(x => x.Item.Code, StringComparer.Ordinal)
                .Select(x => new BudgetRow(x.Line.Year, x.Item.Code, x.Item.Name, PlanAccess.ApiName(x.Item.Level),
                    x.Item.ParentId is { } p ? itemCode[p] : null, x.Line.Pagu, x.Line.Q1, x.Line.Q2, x.Line.Q3, x.Line.Q4)).ToList(),
            indicators.OrderBy(i => i.Code, StringComparer.Ordinal)
                .Select(i => new IndicatorRow(i.Code, i.Name, PlanAccess.ApiName(i.Kind), i.ObjectiveId is { } o ? objectiveCode[o] : null,
                    i.BudgetItemId is { } b ? itemCode[b] : null, units[i.UnitId], i.Measure, PlanAccess.ApiName(i.Polarity),
                    PlanAccess.ApiName(i.Aggregation), i.Weight, i.Definition, i.DataSource,
                    i.SupportsIndicatorId is { } s ? indicatorCode[s] : null)).ToList(),
            targets.OrderBy(t => indicatorCode[t.IndicatorId], StringComparer.Ordinal).ThenBy(t => t.Year)
                .Select(t => new TargetRow(indicatorCode[t.IndicatorId], t.Year, t.Annual, t.Q1, t.Q2, t.Q3, t.Q4, t.RangeLow, t.RangeHigh,
                    t.StrategicEndTarget, t.NationalStandard, t.Baseline)).ToList(),
            history.OrderBy(h => indicatorCode[h.IndicatorId], StringComparer.Ordinal).ThenBy(h => h.Year)
                .Select(h => new HistoryRow(indicatorCode[h.IndicatorId], h.Year, h.Realization)).ToList());
    }
}

/// <summary>An empty plan workbook for the agency (its name and Renstra years filled in): what a planner fills offline.</summary>
public sealed class PlanTemplate(KinerjaDbContext db, CurrentUser me)
{
    public async Task<GeneratedFile> HandleAsync(Guid agencyId, CancellationToken ct = default)
    {
        await me.EnsureCanReadAsync(agencyId, ct);
        var full = await ExportPlan.LoadAsync(db, agencyId, ct);
        var empty = full with { Goals = [], Objectives = [], Budget = [], Indicators = [], Targets = [], History = [] };
        return new GeneratedFile(PlanWorkbook.Write(empty), ExportPlan.Xlsx,
            string.Create(CultureInfo.InvariantCulture, $"Templat-Rencana-Kinerja-{full.FirstYear}-{full.LastYear}.xlsx"));
    }
}
