using System.Globalization;
using Kinerja.Data;
using Kinerja.Documents;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Plan;

public sealed record ImportProblemDto(string Sheet, int Row, string Column, string Message);

/// <summary>One thing the import creates or changes; <c>Details</c> lists each changed field as "field: old → new".</summary>
public sealed record ImportChangeDto(string Sheet, string Key, string Action, IReadOnlyList<string> Details);

public sealed record ImportReport(bool DryRun, bool Applied, int Created, int Updated, int Unchanged,
    IReadOnlyList<ImportProblemDto> Problems, IReadOnlyList<ImportChangeDto> Changes);

/// <summary>
/// Loads a filled plan workbook. A dry run lists exactly what would be created or changed and every
/// problem by sheet, row and column; applying does the same work in one transaction, or nothing at all
/// when there is any problem. Rows are matched by code; what the workbook leaves out is kept.
/// </summary>
public sealed class ImportPlan(KinerjaDbContext db, CurrentUser me, Messages m)
{
    public async Task<ImportReport> HandleAsync(Guid agencyId, Stream workbook, bool dryRun, CancellationToken ct = default)
    {
        await me.EnsureCanEditPlanAsync(agencyId, ct);
        var read = PlanWorkbook.Read(workbook);
        var problems = read.Problems.Select(p => new ImportProblemDto(p.Sheet, p.Row, p.Column, m[p.Message])).ToList();
        if (read.Data is not { } data) return new ImportReport(dryRun, false, 0, 0, 0, problems, []);

        var run = new Run(db, agencyId, data, m, problems, read.RowOf);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await run.ExecuteAsync(ct);
        var changes = run.Changes;
        var report = new ImportReport(dryRun, false, changes.Count(c => c.Action == "create"), changes.Count(c => c.Action == "update"),
            run.Unchanged, problems, changes);
        if (dryRun || problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return report;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return report with { Applied = true };
    }

    /// <summary>One pass over the workbook: tracks the entities to add or change, and records what and why.</summary>
    private sealed class Run(KinerjaDbContext db, Guid agencyId, PlanWorkbookData data, Messages m, List<ImportProblemDto> problems, Func<object, int> rowOf)
    {
        public List<ImportChangeDto> Changes { get; } = [];
        public int Unchanged { get; private set; }

        private void Problem(string sheet, int row, string column, Text message) => problems.Add(new ImportProblemDto(sheet, row, column, m[message]));

        private void Record(string sheet, string key, bool created, List<string> details)
        {
            if (created) Changes.Add(new ImportChangeDto(sheet, key, "create", details));
            else if (details.Count > 0) Changes.Add(new ImportChangeDto(sheet, key, "update", details));
            else Unchanged++;
        }

        private static void Diff<T>(List<string> details, string field, T before, T after)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after)) details.Add($"{field}: {Show(before)} → {Show(after)}");
        }

        private static string Show<T>(T v) => v switch
        {
            null => "-",
            decimal d => IndonesianFormat.Number(d, 6),
            _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "-",
        };

        public async Task ExecuteAsync(CancellationToken ct)
        {
            var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
            if (!string.Equals(data.AgencyName.Trim(), agency.Name, StringComparison.OrdinalIgnoreCase))
            {
                Problem("Petunjuk", 0, "Instansi", new Text("Buku kerja ini untuk \"{0}\", bukan untuk {1}. Unduh templat dari instansi ini.", data.AgencyName, agency.Name));
                return;
            }

            // Renstra
            var plans = await db.StrategicPlans.Where(p => p.AgencyId == agencyId).ToListAsync(ct);
            var plan = plans.FirstOrDefault(p => p.FirstYear == data.FirstYear);
            if (plan is null)
            {
                if (plans.Any(p => p.FirstYear <= data.LastYear && p.LastYear >= data.FirstYear))
                {
                    Problem("Petunjuk", 0, "Tahun awal Renstra", new Text("Tahun Renstra ini bertumpang tindih dengan Renstra yang sudah ada."));
                    return;
                }

                plan = new StrategicPlan(Guid.CreateVersion7(), agencyId, $"Rencana Strategis {data.FirstYear}-{data.LastYear}", data.FirstYear, data.LastYear);
                db.StrategicPlans.Add(plan);
                Record("Petunjuk", $"Renstra {data.FirstYear}-{data.LastYear}", true, []);
            }
            else if (plan.LastYear != data.LastYear)
            {
                Record("Petunjuk", $"Renstra {data.FirstYear}", false, [$"tahun akhir: {plan.LastYear} → {data.LastYear}"]);
                plan.Update(plan.Name, plan.FirstYear, data.LastYear);
            }
            else
            {
                Unchanged++;
            }

            var goals = await db.Goals.Where(g => g.PlanId == plan.Id).ToDictionaryAsync(g => g.Code, StringComparer.Ordinal, ct);
            foreach (var r in data.Goals)
            {
                var created = !goals.TryGetValue(r.Code, out var goal);
                var details = new List<string>();
                if (created)
                {
                    goal = new Goal(Guid.CreateVersion7(), agencyId, plan.Id, r.Code, r.Name);
                    db.Goals.Add(goal);
                    goals[r.Code] = goal;
                }
                else
                {
                    Diff(details, "Tujuan", goal!.Name, r.Name);
                    goal.Update(r.Name);
                }

                Record("Tujuan", r.Code, created, details);
            }

            var objectives = await db.Objectives.Where(o => o.PlanId == plan.Id).ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, ct);
            foreach (var r in data.Objectives)
            {
                var goalId = r.GoalCode is null ? (Guid?)null : goals[r.GoalCode].Id;
                var created = !objectives.TryGetValue(r.Code, out var objective);
                var details = new List<string>();
                if (created)
                {
                    objective = new Objective(Guid.CreateVersion7(), agencyId, plan.Id, goalId, r.Code, r.Name);
                    db.Objectives.Add(objective);
                    objectives[r.Code] = objective;
                }
                else
                {
                    Diff(details, "Sasaran", objective!.Name, r.Name);
                    Diff(details, "Kode tujuan", goals.Values.FirstOrDefault(g => g.Id == objective.GoalId)?.Code, r.GoalCode);
                    objective.Update(r.Name, goalId);
                }

                Record("Sasaran", r.Code, created, details);
            }

            // Budget structure and lines
            var items = await db.BudgetItems.Where(i => i.AgencyId == agencyId).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
            foreach (var r in data.Budget.DistinctBy(b => b.Code))
            {
                PlanAccess.TryParseApiName<BudgetLevel>(r.Level, out var level);
                if (!items.ContainsKey(r.Code))
                {
                    var item = new BudgetItem(Guid.CreateVersion7(), agencyId, r.Code, r.Name, level, null);
                    db.BudgetItems.Add(item);
                    items[r.Code] = item;
                }
            }

            var lines = await db.BudgetLines.Where(l => l.AgencyId == agencyId).ToListAsync(ct);
            foreach (var r in data.Budget)
            {
                PlanAccess.TryParseApiName<BudgetLevel>(r.Level, out var level);
                var item = items[r.Code];
                var parentId = r.ParentCode is null ? (Guid?)null : items[r.ParentCode].Id;
                var itemDetails = new List<string>();
                Diff(itemDetails, "Nama", item.Name, r.Name);
                Diff(itemDetails, "Tingkat", item.Level, level);
                Diff(itemDetails, "Kode induk", items.Values.FirstOrDefault(i => i.Id == item.ParentId)?.Code, r.ParentCode);
                item.Update(r.Name, level, parentId);

                var line = lines.FirstOrDefault(l => l.BudgetItemId == item.Id && l.Year == r.Year);
                var created = line is null;
                if (line is null)
                {
                    line = new BudgetLine(Guid.CreateVersion7(), agencyId, item.Id, r.Year);
                    db.BudgetLines.Add(line);
                    lines.Add(line);
                }
                else
                {
                    Diff(itemDetails, "Pagu", line.Pagu, r.Pagu);
                    Diff(itemDetails, "TW I", line.Q1, r.Q1);
                    Diff(itemDetails, "TW II", line.Q2, r.Q2);
                    Diff(itemDetails, "TW III", line.Q3, r.Q3);
                    Diff(itemDetails, "TW IV", line.Q4, r.Q4);
                }

                if (r.Q1 is { } q1 && r.Q2 is { } q2 && r.Q3 is { } q3 && r.Q4 is { } q4 && q1 + q2 + q3 + q4 != r.Pagu)
                {
                    Problem("Anggaran", rowOf(r), "Kas TW IV", new Text("Jumlah rencana triwulan ({0}) harus sama dengan pagu ({1}).",
                        IndonesianFormat.Money(q1 + q2 + q3 + q4), IndonesianFormat.Money(r.Pagu)));
                }

                line.Set(r.Pagu, r.Q1, r.Q2, r.Q3, r.Q4);
                Record("Anggaran", string.Create(CultureInfo.InvariantCulture, $"{r.Code} ({r.Year})"), created, itemDetails);
            }

            // Indicators
            var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId).ToListAsync(ct);
            var indicators = await db.Indicators.Where(i => i.AgencyId == agencyId).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
            foreach (var r in data.Indicators)
            {
                var unit = units.Where(u => string.Equals(u.Name, r.Unit.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
                if (unit.Count != 1)
                {
                    Problem("Indikator", rowOf(r), "Unit Penanggung Jawab", unit.Count == 0
                        ? new Text("Unit \"{0}\" tidak ada di instansi ini. Tulis nama unit persis seperti di menu Organisasi.", r.Unit)
                        : new Text("Ada beberapa unit bernama \"{0}\"; ganti nama salah satunya dahulu.", r.Unit));
                    continue;
                }

                PlanAccess.TryParseApiName<IndicatorKind>(r.Kind, out var kind);
                PlanAccess.TryParseApiName<Polarity>(r.Polarity, out var polarity);
                PlanAccess.TryParseApiName<Aggregation>(r.Aggregation, out var aggregation);
                var objectiveId = r.ObjectiveCode is null ? (Guid?)null : objectives[r.ObjectiveCode].Id;
                var budgetId = r.BudgetCode is null ? (Guid?)null : items[r.BudgetCode].Id;
                var created = !indicators.TryGetValue(r.Code, out var indicator);
                var details = new List<string>();
                if (created)
                {
                    indicator = new Indicator(Guid.CreateVersion7(), agencyId, r.Code, r.Name, kind, objectiveId, budgetId, unit[0].Id, r.Measure,
                        polarity, aggregation, r.Weight ?? 1m, r.Definition, r.DataSource);
                    db.Indicators.Add(indicator);
                    indicators[r.Code] = indicator;
                }
                else
                {
                    Diff(details, "Nama", indicator!.Name, r.Name);
                    Diff(details, "Jenis", indicator.Kind, kind);
                    Diff(details, "Unit", units.First(u => u.Id == indicator.UnitId).Name, unit[0].Name);
                    Diff(details, "Satuan", indicator.Measure, r.Measure);
                    Diff(details, "Polaritas", indicator.Polarity, polarity);
                    Diff(details, "Agregasi", indicator.Aggregation, aggregation);
                    Diff(details, "Bobot", indicator.Weight, r.Weight ?? 1m);
                    Diff(details, "Definisi", indicator.Definition, r.Definition);
                    Diff(details, "Sumber data", indicator.DataSource, r.DataSource);
                    Diff(details, "Kode sasaran", objectives.Values.FirstOrDefault(o => o.Id == indicator.ObjectiveId)?.Code, r.ObjectiveCode);
                    Diff(details, "Kode anggaran", items.Values.FirstOrDefault(i => i.Id == indicator.BudgetItemId)?.Code, r.BudgetCode);
                    indicator.Update(r.Name, kind, objectiveId, budgetId, unit[0].Id, r.Measure, polarity, aggregation, r.Weight ?? 1m, r.Definition, r.DataSource);
                }

                Record("Indikator", r.Code, created, details);
            }

            // Cascading, once every indicator of the workbook exists
            foreach (var r in data.Indicators)
            {
                if (!indicators.TryGetValue(r.Code, out var indicator)) continue;
                var supports = r.SupportsCode is null ? (Guid?)null : indicators.GetValueOrDefault(r.SupportsCode)?.Id;
                if (r.SupportsCode is not null && supports is null) continue; // the referenced row has its own problem
                if (indicator.SupportsIndicatorId == supports) continue;
                var change = Changes.FirstOrDefault(c => c.Sheet == "Indikator" && c.Key == r.Code);
                var detail = $"Mendukung indikator: {indicators.Values.FirstOrDefault(i => i.Id == indicator.SupportsIndicatorId)?.Code ?? "-"} → {r.SupportsCode ?? "-"}";
                if (change is null)
                {
                    Unchanged--;
                    Changes.Add(new ImportChangeDto("Indikator", r.Code, "update", [detail]));
                }
                else if (change.Action == "update")
                {
                    Changes[Changes.IndexOf(change)] = change with { Details = [.. change.Details, detail] };
                }

                indicator.SupportIndicator(supports);
            }

            // Targets
            var targets = await db.IndicatorTargets.Where(t => t.AgencyId == agencyId).ToListAsync(ct);
            var signed = await db.Agreements.AsNoTracking().Where(a => a.AgencyId == agencyId && a.SignedAt != null).ToListAsync(ct);
            foreach (var r in data.Targets)
            {
                if (!indicators.TryGetValue(r.IndicatorCode, out var indicator)) continue; // its indicator row already has a problem
                if (!plan.Covers(r.Year))
                {
                    Problem("Target", rowOf(r), "Tahun", new Text("Tahun {0} di luar Renstra {1}-{2}.", r.Year, data.FirstYear, data.LastYear));
                    continue;
                }

                var values = new TargetValues(r.Annual, r.Q1 is null && r.Q2 is null && r.Q3 is null && r.Q4 is null ? [] : [r.Q1, r.Q2, r.Q3, r.Q4],
                    null, r.RangeLow, r.RangeHigh, r.StrategicEndTarget, r.NationalStandard, r.Baseline);
                foreach (var (field, messages) in values.Problems(indicator.Polarity, indicator.Aggregation))
                {
                    foreach (var message in messages) Problem("Target", rowOf(r), ColumnOf(field), message);
                }

                var target = targets.FirstOrDefault(t => t.IndicatorId == indicator.Id && t.Year == r.Year);
                var created = target is null;
                var details = new List<string>();
                if (target is null)
                {
                    target = new IndicatorTarget(Guid.CreateVersion7(), agencyId, indicator.Id, r.Year);
                    db.IndicatorTargets.Add(target);
                    targets.Add(target);
                }
                else
                {
                    var before = target.Values;
                    Diff(details, "Target", before.Annual, values.Annual);
                    for (var q = 0; q < 4; q++) Diff(details, $"TW {q + 1}", before.Quarters.ElementAtOrDefault(q), values.Quarters.ElementAtOrDefault(q));
                    Diff(details, "Batas bawah", before.RangeLow, values.RangeLow);
                    Diff(details, "Batas atas", before.RangeHigh, values.RangeHigh);
                    Diff(details, "Target akhir Renstra", before.StrategicEndTarget, values.StrategicEndTarget);
                    Diff(details, "Standar nasional", before.NationalStandard, values.NationalStandard);
                    Diff(details, "Kondisi awal", before.Baseline, values.Baseline);
                }

                var coveredBySigned = signed.Any(a => a.Year == r.Year && (indicator.Kind == IndicatorKind.Iku ? a.UnitId == null : a.UnitId == indicator.UnitId));
                if (coveredBySigned && (created || details.Count > 0))
                {
                    Problem("Target", rowOf(r), "Target Tahunan", new Text(
                        "Perjanjian Kinerja {0} sudah ditandatangani: ubah target {1} lewat halaman indikator dengan alasan perubahan, bukan lewat impor.", r.Year, r.IndicatorCode));
                    continue;
                }

                target.Set(values);
                Record("Target", string.Create(CultureInfo.InvariantCulture, $"{r.IndicatorCode} ({r.Year})"), created, details);
            }

            // Earlier years' realizations
            var history = await db.IndicatorHistory.Where(h => h.AgencyId == agencyId).ToListAsync(ct);
            foreach (var r in data.History)
            {
                if (!indicators.TryGetValue(r.IndicatorCode, out var indicator)) continue;
                var row = history.FirstOrDefault(h => h.IndicatorId == indicator.Id && h.Year == r.Year);
                var details = new List<string>();
                var created = row is null;
                if (row is null)
                {
                    row = new IndicatorHistory(Guid.CreateVersion7(), agencyId, indicator.Id, r.Year, r.Realization);
                    db.IndicatorHistory.Add(row);
                    history.Add(row);
                }
                else
                {
                    Diff(details, "Realisasi", row.Realization, r.Realization);
                    row.Set(r.Realization);
                }

                Record("Realisasi", string.Create(CultureInfo.InvariantCulture, $"{r.IndicatorCode} ({r.Year})"), created, details);
            }
        }

        private static string ColumnOf(string field) => field switch
        {
            "annual" => "Target Tahunan",
            "quarters" => "Target TW IV",
            "rangeLow" => "Batas Bawah",
            "rangeHigh" => "Batas Atas",
            "strategicEndTarget" => "Target Akhir Renstra",
            "nationalStandard" => "Standar Nasional",
            "baseline" => "Baseline",
            _ => field,
        };
    }
}
