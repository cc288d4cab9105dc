using Kinerja.Data;
using Kinerja.Domain.Achievement;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Features.Organisation;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Recap;

public sealed record GovernmentObjectiveDto(Guid ObjectiveId, string Code, string Name, decimal? Achievement, string? Category, string? CategoryColour);

/// <summary>One agency in the consolidated view: its achievement to date and for the period alone, a year before, and its data completeness.</summary>
public sealed record GovernmentAgencyDto(
    Guid AgencyId, string Name, string Kind, bool HasPlan, decimal? AgencyAchievement, string? Category, string? CategoryColour,
    decimal? AgencyPeriodAchievement, string? PeriodCategory, string? PeriodCategoryColour, decimal? SamePeriodLastYearAchievement,
    RecapCompletenessDto Completeness, IReadOnlyList<GovernmentObjectiveDto> Objectives);

/// <summary>Every agency of a government side by side for one period (sorted by name).</summary>
public sealed record GovernmentRecapDto(
    Guid GovernmentId, string Government, string Period, string PeriodName, bool IncludeUnverified,
    IReadOnlyList<GovernmentAgencyDto> Agencies, IReadOnlyList<RecapCategoryDto> Scale);

public sealed record GovernmentDto(Guid Id, string Name);

internal sealed record GovernmentAgencyRow(Guid Id, string Name, AgencyKind Kind);

/// <summary>Which governments' consolidated recap the user reads (<see cref="GovernmentOversight"/>).</summary>
public sealed class ReadableGovernments(KinerjaDbContext db, CurrentUser me)
{
    public async Task<IReadOnlyList<GovernmentDto>> HandleAsync(CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        if (!me.IsSystemAdmin && !me.Grants.Any(g => g.Role.IsAgencyWide())) return [];
        var governments = await db.Governments.AsNoTracking().OrderBy(g => g.Name).Select(g => new GovernmentDto(g.Id, g.Name)).ToListAsync(ct);
        var grants = await GrantsAsync(db, me, ct);
        return governments.Where(g => GovernmentOversight.MayReadGovernmentRecap(me.IsSystemAdmin, grants, g.Id)).ToList();
    }

    /// <summary>The user's grants with what the oversight rule needs of their agencies.</summary>
    internal static async Task<IReadOnlyList<AgencyGrant>> GrantsAsync(KinerjaDbContext db, CurrentUser me, CancellationToken ct)
    {
        var ids = me.Grants.Select(g => g.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.GovernmentId, a.Kind, a.Name }).ToDictionaryAsync(a => a.Id, ct);
        return me.Grants.Where(g => agencies.ContainsKey(g.AgencyId))
            .Select(g => new AgencyGrant(agencies[g.AgencyId].GovernmentId, agencies[g.AgencyId].Kind, agencies[g.AgencyId].Name, g.Role)).ToList();
    }
}

/// <summary>
/// The consolidated recap of a government: every agency's achievement side by side. Read by the system administrator
/// and by the agency-wide roles of its Inspektorat and its planning agency (Bappeda), see <see cref="GovernmentOversight"/>;
/// other members of the government's agencies get 403, everyone else 404. Computed a few at a time (<see cref="GovernmentRecapTurns"/>).
/// </summary>
public sealed class GetGovernmentRecap(KinerjaDbContext db, CurrentUser me, GovernmentRecapTurns turns)
{
    public async Task<GovernmentRecapDto> HandleAsync(Guid governmentId, string? period, bool includeUnverified = false, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        var government = await db.Governments.AsNoTracking().Where(g => g.Id == governmentId).Select(g => g.Name).SingleOrDefaultAsync(ct);
        var grants = await ReadableGovernments.GrantsAsync(db, me, ct);
        if (government is null || (!me.IsSystemAdmin && grants.All(g => g.GovernmentId != governmentId))) throw AppProblem.NotFound("Pemerintah daerah");
        if (!GovernmentOversight.MayReadGovernmentRecap(me.IsSystemAdmin, grants, governmentId)) throw CurrentUser.Denied("rekap capaian seluruh perangkat daerah");
        var p = RecapCalculator.ParsePeriod(period);

        // The heavy part, a few at a time (GovernmentRecapTurns): the turn is held until the answer is built.
        using var turn = await turns.WaitAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.GovernmentId == governmentId)
            .Select(a => new GovernmentAgencyRow(a.Id, a.Name, a.Kind)).ToListAsync(ct);
        var data = await RecapData.LoadAsync(db, agencies.Select(a => a.Id).ToList(), p.Year, includeUnverified, ct,
            RecapCalculator.YearBefore(p) is { } ly ? [p, ly] : [p], indicatorTexts: false);
        return Build(data, governmentId, government, agencies, p);
    }

    /// <summary>The consolidated view from loaded data: every agency's figures for the period and the same period a year before.</summary>
    internal static GovernmentRecapDto Build(RecapData data, Guid governmentId, string government, IReadOnlyList<GovernmentAgencyRow> agencies, Period p)
    {
        var lastYear = RecapCalculator.YearBefore(p);
        var rows = agencies.OrderBy(a => a.Name, StringComparer.Create(Text.Indonesian, true)).Select(a =>
        {
            var scale = data.ScaleOf(a.Id);
            var now = RecapCalculator.Agency(data, a.Id, p);
            var before = lastYear is { } ly ? RecapCalculator.Agency(data, a.Id, ly) : null;
            var (c, pc) = (scale.Classify(now.ToDate), scale.Classify(now.Alone));
            return new GovernmentAgencyDto(a.Id, a.Name, AgencyKinds.ApiName(a.Kind), now.Objectives.Count > 0, now.ToDate.Rounded, c?.Label, c?.Colour,
                now.Alone.Rounded, pc?.Label, pc?.Colour, before?.ToDate.Rounded,
                new RecapCompletenessDto(now.Indicators.Count, now.Indicators.Count(f => f.Data == "verified"),
                    now.Indicators.Count(f => f.Data == "provisional"), now.Indicators.Count(f => f.Data == "missing")),
                now.Objectives.Select(o =>
                {
                    var oc = scale.Classify(o.ToDate);
                    return new GovernmentObjectiveDto(o.Objective.Id, o.Objective.Code, o.Objective.Name, o.ToDate.Rounded, oc?.Label, oc?.Colour);
                }).ToList());
        }).ToList();
        return new GovernmentRecapDto(governmentId, government, p.ToString(), p.DisplayName, data.IncludeUnverified, rows,
            Legend(agencies.Select(a => data.ScaleOf(a.Id))));
    }

    /// <summary>Every band used by the agencies shown (most use Permendagri 86/2017; an agency may have its own), highest first.</summary>
    private static IReadOnlyList<RecapCategoryDto> Legend(IEnumerable<CategoryScale> scales)
    {
        var all = scales.DefaultIfEmpty(CategoryScale.Permendagri86).SelectMany(s => s.Bands)
            .DistinctBy(b => (b.Label.ToUpperInvariant(), b.Colour.ToUpperInvariant())).ToList();
        return all.OrderByDescending(b => b.Above ?? decimal.MinValue).Select(b => new RecapCategoryDto(b.Label, b.Colour, b.Above)).ToList();
    }
}
