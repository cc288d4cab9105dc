using System.Globalization;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Domain.Achievement;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Rounds;
using Kinerja.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Recap;

internal sealed record RecapIndicatorRow(
    Guid Id, Guid AgencyId, string Code, string Name, IndicatorKind Kind, Guid? ObjectiveId, Guid UnitId, string Measure,
    Polarity Polarity, Aggregation Aggregation, decimal Weight);

internal sealed record RecapObjectiveRow(Guid Id, Guid AgencyId, string Code, string Name);

/// <summary>
/// What the recaps of one or more agencies for a year need: objectives of the Renstra covering the year, indicators,
/// units, targets and realizations of the year and of the year before (for comparisons), and earlier years' history.
/// Loaded with a fixed number of queries whatever the number of agencies, indicators or rounds; everything after
/// that is computed in memory by the domain rules.
/// </summary>
internal sealed class RecapData
{
    private static readonly TargetValues NoTargets = new(null, [], null, null, null, null, null, null);

    public required int Year { get; init; }
    public required bool IncludeUnverified { get; init; }
    public required IReadOnlyList<RecapObjectiveRow> Objectives { get; init; }
    public required IReadOnlyList<RecapIndicatorRow> Indicators { get; init; }
    public required IReadOnlyDictionary<Guid, string> Units { get; init; }
    public required IReadOnlyDictionary<(Guid Indicator, int Year), TargetValues> Targets { get; init; }
    public required IReadOnlyDictionary<(Guid Indicator, int Year), decimal> History { get; init; }
    public required ILookup<Guid, ReportedRealization> Reports { get; init; }

    /// <summary>Each agency's cap and category scale (<see cref="Agency.AchievementCap"/>, <see cref="Agency.CategoryScale"/>).</summary>
    public required IReadOnlyDictionary<Guid, (decimal? Cap, CategoryScale Scale)> Rules { get; init; }

    /// <summary>The category scale of <paramref name="agencyId"/> (Permendagri 86/2017 unless it configured its own).</summary>
    public CategoryScale ScaleOf(Guid agencyId) => Rules.TryGetValue(agencyId, out var r) ? r.Scale : CategoryScale.Permendagri86;

    /// <summary>The achievement cap of <paramref name="agencyId"/>, or null.</summary>
    public decimal? CapOf(Guid agencyId) => Rules.TryGetValue(agencyId, out var r) ? r.Cap : null;

    public TargetValues TargetsOf(Guid indicatorId, int year) => Targets.GetValueOrDefault((indicatorId, year)) ?? NoTargets;

    private Dictionary<Guid, List<RecapIndicatorRow>>? _indicatorsByAgency;
    private Dictionary<Guid, List<RecapObjectiveRow>>? _objectivesByAgency;

    /// <summary>The indicators of one agency, in the order of <see cref="Indicators"/> (grouped once, not searched per agency).</summary>
    public IReadOnlyList<RecapIndicatorRow> IndicatorsOf(Guid agencyId) =>
        (_indicatorsByAgency ??= ByAgency(Indicators, i => i.AgencyId)).GetValueOrDefault(agencyId) ?? [];

    /// <summary>The objectives of one agency, in the order of <see cref="Objectives"/>.</summary>
    public IReadOnlyList<RecapObjectiveRow> ObjectivesOf(Guid agencyId) =>
        (_objectivesByAgency ??= ByAgency(Objectives, o => o.AgencyId)).GetValueOrDefault(agencyId) ?? [];

    private static Dictionary<Guid, List<T>> ByAgency<T>(IReadOnlyList<T> rows, Func<T, Guid> agencyOf)
    {
        var byAgency = new Dictionary<Guid, List<T>>();
        foreach (var row in rows)
        {
            if (!byAgency.TryGetValue(agencyOf(row), out var list)) byAgency[agencyOf(row)] = list = [];
            list.Add(row);
        }

        return byAgency;
    }

    /// <summary>
    /// Loads the data of <paramref name="agencyIds"/> for <paramref name="year"/> and the year before. With
    /// <paramref name="onlyFor"/> (the periods the caller computes figures for) the realizations of rounds whose period
    /// starts after the last of those periods in its year are left out: a quarter's value comes only from rounds that start
    /// by its end (the quarter, its months, its semester, the year; see <see cref="RealizationSlots"/>), so they cannot
    /// change those figures, and a recap of the first quarters reads a fraction of the year's lines. Without
    /// <paramref name="indicatorTexts"/> the indicators' names and measures are left empty (the government's recap shows neither).
    /// </summary>
    public static async Task<RecapData> LoadAsync(KinerjaDbContext db, IReadOnlyCollection<Guid> agencyIds, int year, bool includeUnverified, CancellationToken ct,
        IReadOnlyCollection<Period>? onlyFor = null, bool indicatorTexts = true)
    {
        var ids = agencyIds.ToList();
        var years = new[] { year - 1, year };

        // Objectives of the Renstra that covers the year (else the latest one), per agency: every plan with its objectives
        // (a plan without any as one row without), in one query; the plan is chosen here.
        var planObjectives = await (from p in db.StrategicPlans.AsNoTracking().Where(p => ids.Contains(p.AgencyId))
                                    join o in db.Objectives.AsNoTracking() on p.Id equals o.PlanId into os
                                    from o in os.DefaultIfEmpty()
                                    select new { p.Id, p.AgencyId, p.FirstYear, p.LastYear, Objective = o == null ? null : new RecapObjectiveRow(o.Id, o.AgencyId, o.Code, o.Name) })
            .ToListAsync(ct);
        var planIds = planObjectives.DistinctBy(p => p.Id).GroupBy(p => p.AgencyId)
            .Select(g => g.ForYear(year, p => p.FirstYear, p => p.LastYear)!.Id).ToHashSet();
        var objectives = planObjectives.Where(p => p.Objective is not null && planIds.Contains(p.Id)).Select(p => p.Objective!).ToList();

        var agencyIndicators = db.Indicators.AsNoTracking().Where(i => ids.Contains(i.AgencyId));
        var indicators = await (indicatorTexts
                ? agencyIndicators.Select(i => new RecapIndicatorRow(i.Id, i.AgencyId, i.Code, i.Name, i.Kind, i.ObjectiveId, i.UnitId, i.Measure, i.Polarity, i.Aggregation, i.Weight))
                : agencyIndicators.Select(i => new RecapIndicatorRow(i.Id, i.AgencyId, i.Code, "", i.Kind, i.ObjectiveId, i.UnitId, "", i.Polarity, i.Aggregation, i.Weight)))
            .ToListAsync(ct);
        var rules = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.AchievementCap, a.CategoryBands }).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.AgencyId)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        // Rows are turned into what the recap keeps as they arrive, not listed first: for a government that list of wide rows
        // would live next to what is kept until the load ends (docs/performance.md, memory of the recap).
        var targets = new Dictionary<(Guid Indicator, int Year), TargetValues>();
        await foreach (var t in db.IndicatorTargets.AsNoTracking().Where(t => ids.Contains(t.AgencyId) && years.Contains(t.Year))
                           .Select(t => new { t.IndicatorId, t.Year, t.Annual, t.Q1, t.Q2, t.Q3, t.Q4, t.MonthsJson, t.RangeLow, t.RangeHigh, t.StrategicEndTarget, t.NationalStandard, t.Baseline })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            // As IndicatorTarget.Values gives them.
            targets.Add((t.IndicatorId, t.Year), new TargetValues(t.Annual, [t.Q1, t.Q2, t.Q3, t.Q4],
                t.MonthsJson is null ? null : JsonSerializer.Deserialize<decimal?[]>(t.MonthsJson), t.RangeLow, t.RangeHigh, t.StrategicEndTarget,
                t.NationalStandard, t.Baseline));
        }

        var history = new Dictionary<(Guid Indicator, int Year), decimal>();
        await foreach (var h in db.IndicatorHistory.AsNoTracking().Where(h => ids.Contains(h.AgencyId) && years.Contains(h.Year))
                           .Select(h => new { h.IndicatorId, h.Year, h.Realization }).AsAsyncEnumerable().WithCancellation(ct))
            history.Add((h.IndicatorId, h.Year), h.Realization);

        // Lines are reached from the agencies' rounds, found by agency and period (the index on Rounds), then their worksheets
        // (by round) and lines (by worksheet), never by scanning every worksheet. The query starts from the agencies: given a
        // list of agency ids and one of periods, PostgreSQL scanned every round of a national-size database instead.
        var agencyRounds = from a in db.Agencies.AsNoTracking()
                           where ids.Contains(a.Id)
                           join r in db.Rounds.AsNoTracking() on a.Id equals r.AgencyId
                           select r;
        if (onlyFor is null)
        {
            // The two years' periods: "2024" <= period < "2026" (every period text starts with its year).
            var lastYear = (year - 1).ToString(CultureInfo.InvariantCulture);
            var nextYear = (year + 1).ToString(CultureInfo.InvariantCulture);
            agencyRounds = agencyRounds.Where(r => string.Compare(r.Period, lastYear) >= 0 && string.Compare(r.Period, nextYear) < 0);
        }
        else
        {
            var wanted = years.SelectMany(y => RoundPeriodsFor(y, onlyFor)).Select(p => p.ToString()).ToList();
            agencyRounds = agencyRounds.Where(r => wanted.Contains(r.Period));
        }

        var periods = new Dictionary<string, Period>(StringComparer.Ordinal);
        Period PeriodOf(string text) => periods.TryGetValue(text, out var p) ? p : periods[text] = Period.Parse(text);
        var reports = new List<(Guid Indicator, ReportedRealization Report)>();
        await foreach (var r in (from r in agencyRounds
                                 join w in db.Worksheets.AsNoTracking() on r.Id equals w.RoundId
                                 join l in db.WorksheetLines.AsNoTracking() on w.Id equals l.WorksheetId
                                 where l.Realization != null && (includeUnverified || w.Status == WorksheetStatus.Verified)
                                 select new { l.IndicatorId, r.Period, Realization = l.Realization!.Value, Verified = w.Status == WorksheetStatus.Verified, r.OrderedAt })
                           .AsAsyncEnumerable().WithCancellation(ct))
            reports.Add((r.IndicatorId, new ReportedRealization(PeriodOf(r.Period), r.Realization, r.Verified, r.OrderedAt)));

        return new RecapData
        {
            Year = year,
            IncludeUnverified = includeUnverified,
            Objectives = objectives.OrderBy(o => o.Code, StringComparer.Ordinal).ToList(),
            Indicators = indicators.OrderBy(i => i.Code, StringComparer.Ordinal).ToList(),
            Units = units,
            Targets = targets,
            History = history,
            Rules = rules.ToDictionary(a => a.Id, a => (a.AchievementCap, Agency.ScaleOf(a.CategoryBands))),
            Reports = reports.ToLookup(r => r.Indicator, r => r.Report),
        };
    }

    /// <summary>The periods of <paramref name="year"/> whose rounds can feed the figures of <paramref name="onlyFor"/>: those starting by the last one's end.</summary>
    private static IEnumerable<Period> RoundPeriodsFor(int year, IReadOnlyCollection<Period> onlyFor)
    {
        var until = onlyFor.Where(p => p.Year == year).Select(p => p.Months.Last).DefaultIfEmpty(0).Max();
        IEnumerable<Period> all =
        [
            Period.OfYear(year),
            .. Enumerable.Range(1, 2).Select(s => Period.Semester(year, s)),
            .. Enumerable.Range(1, 4).Select(q => Period.Quarter(year, q)),
            .. Enumerable.Range(1, 12).Select(m => Period.Month(year, m)),
        ];
        return all.Where(p => p.Months.First <= until);
    }
}

/// <summary>One indicator's figures for a period, and whether they rest on provisional (unverified) values.</summary>
internal sealed record IndicatorFigures(RecapIndicatorRow Indicator, PeriodRecap Recap, bool ProvisionalToDate, bool ProvisionalAlone, bool FromHistory)
{
    /// <summary>"verified", "provisional" or "missing": the state of the period's own realization.</summary>
    public string Data => Recap.Alone.Realization is null ? "missing" : ProvisionalAlone ? "provisional" : "verified";
}

internal sealed record ObjectiveFigures(RecapObjectiveRow Objective, AchievementMean ToDate, AchievementMean Alone, IReadOnlyList<IndicatorFigures> Indicators);

internal sealed record AgencyFigures(Period Period, AchievementMean ToDate, AchievementMean Alone, IReadOnlyList<ObjectiveFigures> Objectives, IReadOnlyList<IndicatorFigures> Indicators);

/// <summary>The recap's arithmetic over <see cref="RecapData"/>, with the domain rules (see docs/recap.md).</summary>
internal static class RecapCalculator
{
    /// <summary>
    /// An indicator's figures for <paramref name="period"/>: its realizations formed by <see cref="RealizationSlots"/> from
    /// the rounds of the period's year, its targets of that year, then <see cref="PeriodAggregation"/>. A year without any
    /// round data uses the realization recorded as history for that year (the years before the system was used).
    /// </summary>
    public static IndicatorFigures Indicator(RecapData d, RecapIndicatorRow i, Period period)
    {
        var slots = RealizationSlots.For(period, i.Aggregation, d.Reports[i.Id], d.IncludeUnverified);
        var targets = d.TargetsOf(i.Id, period.Year);
        if (period.Kind == PeriodKind.Year && slots.Slots.All(s => s is null) && d.History.TryGetValue((i.Id, period.Year), out var past))
        {
            var range = i.Polarity == Polarity.Range;
            var target = range ? null : targets.Annual;
            var achievement = AchievementCalculator.Compute(i.Polarity, target, past, targets.RangeLow, targets.RangeHigh, d.CapOf(i.AgencyId));
            var span = new SpanFigures(target, range ? targets.RangeLow : null, range ? targets.RangeHigh : null, past, 1, 1, achievement);
            return new IndicatorFigures(i, new PeriodRecap(period, span, span), false, false, true);
        }

        var recap = PeriodAggregation.Recap(new IndicatorYear(i.Polarity, i.Aggregation, targets, slots.Values), period, d.CapOf(i.AgencyId));
        var (toDate, alone) = slots.Provisional(i.Aggregation, period);
        return new IndicatorFigures(i, recap, toDate, alone, false);
    }

    /// <summary>
    /// An agency's figures: each objective is the (weighted) mean of its indicators, the agency the mean of its
    /// objectives, to date and for the period alone. Indicators without an objective are computed but not averaged.
    /// </summary>
    public static AgencyFigures Agency(RecapData d, Guid agencyId, Period period)
    {
        var rows = d.IndicatorsOf(agencyId);
        var indicators = new List<IndicatorFigures>(rows.Count);
        foreach (var i in rows) indicators.Add(Indicator(d, i, period));
        var objectives = d.ObjectivesOf(agencyId).Select(o =>
        {
            var members = indicators.Where(f => f.Indicator.ObjectiveId == o.Id).ToList();
            return new ObjectiveFigures(o,
                AchievementMean.OfIndicators(members.Select(f => (f.Recap.ToDate.Achievement, f.Indicator.Weight))),
                AchievementMean.OfIndicators(members.Select(f => (f.Recap.Alone.Achievement, f.Indicator.Weight))),
                members);
        }).ToList();
        return new AgencyFigures(period,
            AchievementMean.OfObjectives(objectives.Select(o => o.ToDate)),
            AchievementMean.OfObjectives(objectives.Select(o => o.Alone)),
            objectives, indicators);
    }

    /// <summary>The period of the same length a year before, or null before <see cref="Period.MinYear"/>.</summary>
    public static Period? YearBefore(Period p) => p.Year > Period.MinYear ? p.InYear(p.Year - 1) : null;

    /// <summary>Parses the period parameter; 400 with the reason when it is not one.</summary>
    public static Period ParsePeriod(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw AppProblem.Invalid("period", new Text("Periode wajib diisi. Contoh: 2025, 2025-S1, 2025-Q2, 2025-M03."));
        return Period.TryParse(text, out var p, out var error) ? p : throw AppProblem.Invalid("period", error!);
    }

    /// <summary>A figure as the API gives it: at most 6 decimals (as stored), without trailing zeros.</summary>
    public static decimal? Figure(decimal? value) => value is { } v ? Math.Round(v, 6, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m : null;
}
