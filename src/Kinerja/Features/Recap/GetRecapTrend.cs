using Kinerja.Data;
using Kinerja.Domain.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Recap;

/// <summary>An indicator's own target and realization in each quarter (null where missing), and its band for a range indicator.</summary>
public sealed record TrendIndicatorDto(
    Guid IndicatorId, string Code, string Name, string Measure, IReadOnlyList<decimal?> Targets, IReadOnlyList<decimal?> Realizations,
    decimal? RangeLow, decimal? RangeHigh);

/// <summary>An objective's achievement to date at the end of each quarter; null for a quarter without any realization of its own.</summary>
public sealed record TrendObjectiveDto(string Code, string Name, IReadOnlyList<decimal?> Achievements);

/// <summary>The year quarter by quarter, for the recap's charts (the agency's and objectives' points are null for a quarter without data of its own).</summary>
public sealed record RecapTrendDto(
    int Year, IReadOnlyList<string> Quarters, IReadOnlyList<decimal?> Agency, IReadOnlyList<TrendObjectiveDto> Objectives, IReadOnlyList<TrendIndicatorDto> Indicators);

/// <summary>Quarter by quarter figures of a year from one load of the recap data (same rules and access as <see cref="GetRecap"/>).</summary>
public sealed class GetRecapTrend(KinerjaDbContext db, CurrentUser me)
{
    public async Task<RecapTrendDto> HandleAsync(Guid agencyId, int year, bool includeUnverified = false, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        GetRecap.EnsureMaySeeUnverified(me, agencyId, includeUnverified);
        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, ct)) throw AppProblem.NotFound("Instansi");
        var data = await RecapData.LoadAsync(db, [agencyId], year, includeUnverified, ct);
        var quarters = Enumerable.Range(1, 4).Select(q => RecapCalculator.Agency(data, agencyId, Period.Quarter(year, q))).ToList();
        return new RecapTrendDto(year,
            ["TW I", "TW II", "TW III", "TW IV"],
            quarters.Select(q => HasData(q.Objectives.SelectMany(o => o.Indicators)) ? q.ToDate.Rounded : null).ToList(),
            data.Objectives.Where(o => o.AgencyId == agencyId)
                .Select(o => new TrendObjectiveDto(o.Code, o.Name, quarters.Select(q => q.Objectives.Single(x => x.Objective.Id == o.Id))
                    .Select(x => HasData(x.Indicators) ? x.ToDate.Rounded : null).ToList()))
                .ToList(),
            data.Indicators.Where(i => i.AgencyId == agencyId).Select(i =>
            {
                var alone = quarters.Select(q => q.Indicators.Single(f => f.Indicator.Id == i.Id).Recap.Alone).ToList();
                var t = data.TargetsOf(i.Id, year);
                var range = i.Polarity == Polarity.Range;
                return new TrendIndicatorDto(i.Id, i.Code, i.Name, i.Measure, alone.Select(a => RecapCalculator.Figure(a.Target)).ToList(),
                    alone.Select(a => RecapCalculator.Figure(a.Realization)).ToList(),
                    range ? RecapCalculator.Figure(t.RangeLow) : null, range ? RecapCalculator.Figure(t.RangeHigh) : null);
            }).ToList());
    }

    /// <summary>
    /// Whether a quarter has a realization of its own for any of <paramref name="indicators"/>. A figure to date of a quarter
    /// without one would only repeat earlier quarters (the mean of an average indicator carries over), so the chart shows no point.
    /// </summary>
    private static bool HasData(IEnumerable<IndicatorFigures> indicators) => indicators.Any(f => f.Recap.Alone.Realization is not null);
}
