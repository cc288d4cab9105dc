using Kinerja.Data;
using Kinerja.Domain.Achievement;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using Kinerja.Features.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Recap;

/// <summary>
/// One indicator's year-end projection: the action plan (<c>quarterTargets</c>, <c>targetToDate</c>), what is realized to
/// date, the projected realization and its achievement against the year's target, and why (<c>reason</c>, with the
/// <c>assumption</c> the projection had to make, if any). <c>outlook</c> is atRisk, onTrack or notProjectable.
/// </summary>
public sealed record EarlyWarningIndicatorDto(
    Guid IndicatorId, string Code, string Name, Guid? ObjectiveId, Guid UnitId, string Unit, string Measure, string Polarity, string Aggregation,
    string Outlook, decimal? AnnualTarget, decimal? RangeLow, decimal? RangeHigh, IReadOnlyList<decimal?> QuarterTargets,
    decimal? TargetToDate, decimal? RealizationToDate, decimal? ProjectedRealization, decimal? ProjectedAchievement,
    string? Category, string? CategoryColour, string Reason, string? Assumption);

/// <summary>
/// The early warning of a year as of <c>asOf</c>, the last quarter with verified data (null when the year has none):
/// indicators at risk first (lowest projection first), then those that cannot be projected, then those on track.
/// </summary>
public sealed record EarlyWarningDto(
    Guid AgencyId, string Agency, int Year, string? AsOf, string? AsOfName, decimal Threshold, int AtRisk, int NotProjectable, int OnTrack,
    IReadOnlyList<EarlyWarningIndicatorDto> Indicators);

/// <summary>
/// Early warning (peringatan dini): from verified realizations to date and the action plan, which indicators are at
/// risk of missing the year's target (<see cref="EarlyWarning.Project"/>). Read by every member of the agency.
/// </summary>
public sealed class GetEarlyWarning(KinerjaDbContext db, CurrentUser me, Messages m)
{
    public async Task<EarlyWarningDto> HandleAsync(Guid agencyId, int? year, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        if (year is not { } y) throw AppProblem.Invalid("year", new Text("Tahun wajib diisi."));
        if (y is < Period.MinYear or > Period.MaxYear) throw AppProblem.Invalid("year", new Text("Tahun {0} di luar rentang {1}-{2}.", y, Period.MinYear, Period.MaxYear));
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(ct)
                     ?? throw AppProblem.NotFound("Instansi");
        var data = await RecapData.LoadAsync(db, [agencyId], y, includeUnverified: false, ct);

        var indicators = data.Indicators
            .Select(i => (Indicator: i, Year: new IndicatorYear(i.Polarity, i.Aggregation, data.TargetsOf(i.Id, y),
                RealizationSlots.Quarterly(y, i.Aggregation, data.Reports[i.Id], includeUnverified: false).Values)))
            .ToList();
        var lastQuarter = indicators.Select(x => LastReported(x.Year.Realizations)).DefaultIfEmpty(0).Max();
        var asOf = Period.Quarter(y, Math.Max(lastQuarter, 1));

        var rows = indicators.Select(x =>
        {
            var (i, iy) = x;
            var projection = EarlyWarning.Project(iy, asOf);
            var toDate = PeriodAggregation.Recap(iy, asOf).ToDate;
            var category = data.ScaleOf(agencyId).Classify(projection.ProjectedAchievement);
            var t = iy.Targets;
            return new EarlyWarningIndicatorDto(i.Id, i.Code, i.Name, i.ObjectiveId, i.UnitId, data.Units.GetValueOrDefault(i.UnitId, "?"), i.Measure,
                PlanAccess.ApiName(i.Polarity), PlanAccess.ApiName(i.Aggregation), PlanAccess.ApiName(projection.Outlook),
                RecapCalculator.Figure(i.Polarity == Polarity.Range ? null : t.Annual), RecapCalculator.Figure(t.RangeLow), RecapCalculator.Figure(t.RangeHigh),
                t.Quarters.Count == 4 ? t.Quarters.Select(RecapCalculator.Figure).ToList() : [null, null, null, null],
                RecapCalculator.Figure(toDate.Target), RecapCalculator.Figure(toDate.Realization),
                RecapCalculator.Figure(projection.ProjectedRealization), projection.ProjectedAchievement.Rounded, category?.Label, category?.Colour,
                m[projection.Reason], projection.Assumption is null ? null : m[projection.Assumption]);
        }).ToList();

        var ordered = rows
            .OrderBy(r => r.Outlook switch { "atRisk" => 0, "notProjectable" => 1, _ => 2 })
            .ThenBy(r => r.Outlook == "atRisk" ? r.ProjectedAchievement : null)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        return new EarlyWarningDto(agencyId, agency, y, lastQuarter > 0 ? asOf.ToString() : null, lastQuarter > 0 ? asOf.DisplayName : null,
            EarlyWarning.DefaultThreshold, rows.Count(r => r.Outlook == "atRisk"), rows.Count(r => r.Outlook == "notProjectable"),
            rows.Count(r => r.Outlook == "onTrack"), ordered);
    }

    private static int LastReported(IReadOnlyList<decimal?> quarters)
    {
        for (var q = quarters.Count; q > 0; q--)
        {
            if (quarters[q - 1] is not null) return q;
        }

        return 0;
    }
}
