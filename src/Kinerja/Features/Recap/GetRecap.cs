using Kinerja.Data;
using Kinerja.Domain.Achievement;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using Kinerja.Features.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Recap;

/// <summary>A band of the category scale: achievements above <see cref="Above"/> percent (the last band: all the rest).</summary>
public sealed record RecapCategoryDto(string Label, string Colour, decimal? Above);

/// <summary>An indicator's figures in another period, for comparison.</summary>
public sealed record RecapComparisonDto(
    string Period, string PeriodName, decimal? Target, decimal? RangeLow, decimal? RangeHigh, decimal? Realization, decimal? Achievement, string Status);

/// <summary>
/// One indicator of the recap. <c>target</c>, <c>realization</c>, <c>achievement</c> are to date (1 January through
/// the end of the period, by the indicator's aggregation), the <c>period*</c> ones the period alone; an achievement is
/// null where it cannot be computed and <c>status</c> (<c>periodStatus</c>) says why, <c>reason</c> in words.
/// <c>provisional</c> marks a figure resting on values not yet verified (only with <c>includeUnverified</c>).
/// <c>data</c> is the state of the period's own realization: verified, provisional or missing.
/// <c>previousPeriod</c> has the previous period's own figures (compare with <c>period*</c>); <c>samePeriodLastYear</c>
/// the same period's figures to date a year before (compare with the to-date ones); <c>endTargetAchievement</c> is the
/// realization to date against the Renstra end target.
/// </summary>
public sealed record RecapIndicatorDto(
    Guid IndicatorId, string Code, string Name, string Kind, Guid? ObjectiveId, Guid UnitId, string Unit, string Measure,
    string Polarity, string Aggregation, decimal Weight,
    decimal? Target, decimal? RangeLow, decimal? RangeHigh, decimal? Realization, decimal? Achievement, string? Category, string? CategoryColour,
    string Status, string? Reason, bool Provisional, int Reported, int Expected,
    decimal? PeriodTarget, decimal? PeriodRealization, decimal? PeriodAchievement, string? PeriodCategory, string? PeriodCategoryColour,
    string PeriodStatus, string? PeriodReason, bool PeriodProvisional,
    string Data, RecapComparisonDto? PreviousPeriod, RecapComparisonDto? SamePeriodLastYear,
    decimal? StrategicEndTarget, decimal? EndTargetAchievement, decimal? NationalStandard);

/// <summary>An objective (sasaran): the mean of its indicators, to date and for the period alone.</summary>
public sealed record RecapObjectiveDto(
    Guid ObjectiveId, string Code, string Name, decimal? Achievement, string? Category, string? CategoryColour, string? Note,
    decimal? PeriodAchievement, string? PeriodCategory, string? PeriodCategoryColour,
    decimal? PreviousPeriodAchievement, decimal? SamePeriodLastYearAchievement, IReadOnlyList<RecapIndicatorDto> Indicators);

/// <summary>A unit's indicators: their mean achievement to date and how many have the period's data.</summary>
public sealed record RecapUnitDto(
    Guid UnitId, string Unit, decimal? Achievement, string? Category, string? CategoryColour, int Indicators, int Verified, int Provisional, int Missing,
    IReadOnlyList<string> IndicatorCodes);

/// <summary>How many indicators have the period's own realization verified, only provisional, or missing.</summary>
public sealed record RecapCompletenessDto(int Indicators, int Verified, int Provisional, int Missing);

/// <summary>The agency's achievement in another period: the previous period alone, or the same period to date a year before.</summary>
public sealed record RecapAgencyComparisonDto(string Period, string PeriodName, decimal? Achievement, string? Category, string? CategoryColour);

/// <summary>
/// The recap (rekapitulasi) of an agency for a period. <c>agencyAchievement</c> is the mean of the objectives to date,
/// <c>agencyPeriodAchievement</c> for the period alone. Key indicators are under their objective; indicators of programs
/// and activities (no objective) are in <c>otherIndicators</c> and not averaged. <c>units</c> groups every indicator by
/// the unit responsible for it.
/// </summary>
public sealed record RecapDto(
    Guid AgencyId, string Agency, string Period, string PeriodName, bool IncludeUnverified,
    decimal? AgencyAchievement, string? Category, string? CategoryColour, string? Note,
    decimal? AgencyPeriodAchievement, string? PeriodCategory, string? PeriodCategoryColour,
    RecapAgencyComparisonDto? PreviousPeriod, RecapAgencyComparisonDto? SamePeriodLastYear,
    RecapCompletenessDto Completeness, IReadOnlyList<RecapObjectiveDto> Objectives, IReadOnlyList<RecapIndicatorDto> OtherIndicators,
    IReadOnlyList<RecapUnitDto> Units, IReadOnlyList<RecapCategoryDto> Scale);

/// <summary>
/// The recap of an agency for a period from verified worksheets (with <c>includeUnverified</c> also submitted,
/// returned and draft values, each marked provisional). Every member of the agency reads the verified recap, whatever
/// the role: verified data is agency-wide reading. Unverified values are only for roles that see the whole agency (a unit
/// must not read another unit's draft through the recap). Other agencies' users get 404.
/// </summary>
public sealed class GetRecap(KinerjaDbContext db, CurrentUser me, Messages m)
{
    public async Task<RecapDto> HandleAsync(Guid agencyId, string? period, bool includeUnverified = false, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        EnsureMaySeeUnverified(me, agencyId, includeUnverified);
        var p = RecapCalculator.ParsePeriod(period);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(ct)
                     ?? throw AppProblem.NotFound("Instansi");
        var data = await RecapData.LoadAsync(db, [agencyId], p.Year, includeUnverified, ct, PeriodsOf(p));
        return Build(data, agencyId, agency, p, m);
    }

    /// <summary>Drafts and submitted values of every unit: only for roles that see the whole agency.</summary>
    internal static void EnsureMaySeeUnverified(CurrentUser me, Guid agencyId, bool includeUnverified)
    {
        if (includeUnverified && !me.SeesWholeAgency(agencyId)) throw CurrentUser.Denied("melihat nilai yang belum diverifikasi dari semua unit");
    }
    /// <summary>The periods <see cref="Build"/> computes: the period, the previous one and the same period a year before.</summary>
    internal static IReadOnlyCollection<Period> PeriodsOf(Period p) =>
        new[] { p, p.Previous, RecapCalculator.YearBefore(p) }.Where(x => x is not null).Select(x => x!.Value).ToList();

    internal static RecapDto Build(RecapData data, Guid agencyId, string agency, Period p, Messages m)
    {
        var scale = data.ScaleOf(agencyId);
        var now = RecapCalculator.Agency(data, agencyId, p);
        var previous = p.Previous is { } pp ? RecapCalculator.Agency(data, agencyId, pp) : null;
        var lastYear = RecapCalculator.YearBefore(p) is { } ly ? RecapCalculator.Agency(data, agencyId, ly) : null;
        var previousOf = previous?.Indicators.ToDictionary(f => f.Indicator.Id);
        var lastYearOf = lastYear?.Indicators.ToDictionary(f => f.Indicator.Id);

        RecapIndicatorDto Indicator(IndicatorFigures f)
        {
            var i = f.Indicator;
            var (toDate, alone) = (f.Recap.ToDate, f.Recap.Alone);
            var (category, periodCategory) = (scale.Classify(toDate.Achievement), scale.Classify(alone.Achievement));
            var targets = data.TargetsOf(i.Id, p.Year);
            var end = targets.StrategicEndTarget is { } e && i.Polarity != Polarity.Range && toDate.Realization is { } r
                ? AchievementCalculator.Compute(i.Polarity, e, r)
                : null;
            return new RecapIndicatorDto(i.Id, i.Code, i.Name, PlanAccess.ApiName(i.Kind), i.ObjectiveId, i.UnitId, data.Units.GetValueOrDefault(i.UnitId, "?"),
                i.Measure, PlanAccess.ApiName(i.Polarity), PlanAccess.ApiName(i.Aggregation), i.Weight,
                RecapCalculator.Figure(toDate.Target), RecapCalculator.Figure(toDate.RangeLow), RecapCalculator.Figure(toDate.RangeHigh),
                RecapCalculator.Figure(toDate.Realization), toDate.Achievement.Rounded, category?.Label, category?.Colour,
                PlanAccess.ApiName(toDate.Achievement.Status), Reason(toDate.Achievement), f.ProvisionalToDate, toDate.Reported, toDate.Expected,
                RecapCalculator.Figure(alone.Target), RecapCalculator.Figure(alone.Realization), alone.Achievement.Rounded, periodCategory?.Label,
                periodCategory?.Colour, PlanAccess.ApiName(alone.Achievement.Status), Reason(alone.Achievement), f.ProvisionalAlone,
                f.Data,
                previousOf?.GetValueOrDefault(i.Id) is { } pf ? Comparison(pf.Recap.Period, pf.Recap.Alone) : null,
                lastYearOf?.GetValueOrDefault(i.Id) is { } lf ? Comparison(lf.Recap.Period, lf.Recap.ToDate) : null,
                RecapCalculator.Figure(targets.StrategicEndTarget), end?.Rounded, RecapCalculator.Figure(targets.NationalStandard));
        }

        string? Reason(AchievementResult a) => a.Reason is null ? null : m[a.Reason];

        var objectives = now.Objectives.Select(o =>
        {
            var (c, pc) = (scale.Classify(o.ToDate), scale.Classify(o.Alone));
            return new RecapObjectiveDto(o.Objective.Id, o.Objective.Code, o.Objective.Name, o.ToDate.Rounded, c?.Label, c?.Colour,
                o.ToDate.Reason is null ? null : m[o.ToDate.Reason], o.Alone.Rounded, pc?.Label, pc?.Colour,
                previous?.Objectives.FirstOrDefault(x => x.Objective.Id == o.Objective.Id)?.Alone.Rounded,
                lastYear?.Objectives.FirstOrDefault(x => x.Objective.Id == o.Objective.Id)?.ToDate.Rounded,
                o.Indicators.Select(Indicator).ToList());
        }).ToList();
        var others = now.Indicators.Where(f => f.Indicator.ObjectiveId is null || objectives.All(o => o.ObjectiveId != f.Indicator.ObjectiveId))
            .Select(Indicator).ToList();

        var units = now.Indicators.GroupBy(f => f.Indicator.UnitId)
            .Select(g =>
            {
                var mean = AchievementMean.OfIndicators(g.Select(f => f.Recap.ToDate.Achievement));
                var c = scale.Classify(mean);
                return new RecapUnitDto(g.Key, data.Units.GetValueOrDefault(g.Key, "?"), mean.Rounded, c?.Label, c?.Colour, g.Count(),
                    g.Count(f => f.Data == "verified"), g.Count(f => f.Data == "provisional"), g.Count(f => f.Data == "missing"),
                    g.Select(f => f.Indicator.Code).ToList());
            })
            .OrderBy(u => u.Unit, StringComparer.Create(Text.Indonesian, true)).ToList();

        var (ac, apc) = (scale.Classify(now.ToDate), scale.Classify(now.Alone));
        return new RecapDto(agencyId, agency, p.ToString(), p.DisplayName, data.IncludeUnverified,
            now.ToDate.Rounded, ac?.Label, ac?.Colour, now.ToDate.Reason is null ? null : m[now.ToDate.Reason],
            now.Alone.Rounded, apc?.Label, apc?.Colour,
            previous is null ? null : AgencyComparison(previous.Period, previous.Alone, scale),
            lastYear is null ? null : AgencyComparison(lastYear.Period, lastYear.ToDate, scale),
            new RecapCompletenessDto(now.Indicators.Count, now.Indicators.Count(f => f.Data == "verified"),
                now.Indicators.Count(f => f.Data == "provisional"), now.Indicators.Count(f => f.Data == "missing")),
            objectives, others, units, ScaleDto(scale));
    }

    private static RecapComparisonDto Comparison(Period p, SpanFigures s) =>
        new(p.ToString(), p.DisplayName, RecapCalculator.Figure(s.Target), RecapCalculator.Figure(s.RangeLow), RecapCalculator.Figure(s.RangeHigh),
            RecapCalculator.Figure(s.Realization), s.Achievement.Rounded, PlanAccess.ApiName(s.Achievement.Status));

    private static RecapAgencyComparisonDto AgencyComparison(Period p, AchievementMean mean, CategoryScale scale)
    {
        var c = scale.Classify(mean);
        return new RecapAgencyComparisonDto(p.ToString(), p.DisplayName, mean.Rounded, c?.Label, c?.Colour);
    }

    internal static IReadOnlyList<RecapCategoryDto> ScaleDto(CategoryScale scale) =>
        scale.Bands.Select(b => new RecapCategoryDto(b.Label, b.Colour, b.Above)).ToList();
}
