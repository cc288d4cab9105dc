using System.Text.Json;
using FluentValidation;
using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Plan;

public sealed record TargetDto(
    int Year, decimal? Annual, IReadOnlyList<decimal?> Quarters, IReadOnlyList<decimal?>? Months, decimal? RangeLow, decimal? RangeHigh,
    decimal? StrategicEndTarget, decimal? NationalStandard, decimal? Baseline, int Version);

public sealed record HistoryDto(int Year, decimal Realization);

public sealed record IndicatorDto(
    Guid Id, string Code, string Name, string Kind, Guid? ObjectiveId, string? ObjectiveCode, Guid? BudgetItemId, string? BudgetCode,
    Guid UnitId, string Unit, string Measure, string Polarity, string Aggregation, decimal Weight, string? Definition, string? DataSource,
    Guid? SupportsIndicatorId, int Version);

public sealed record IndicatorDetailsDto(Guid AgencyId, IndicatorDto Indicator, IReadOnlyList<TargetDto> Targets, IReadOnlyList<HistoryDto> History);

internal static class IndicatorQueries
{
    public static IQueryable<IndicatorDto> Project(this IQueryable<Indicator> indicators, KinerjaDbContext db) =>
        from i in indicators
        join u in db.Units on i.UnitId equals u.Id
        join o in db.Objectives on i.ObjectiveId equals o.Id into os
        from o in os.DefaultIfEmpty()
        join b in db.BudgetItems on i.BudgetItemId equals b.Id into bs
        from b in bs.DefaultIfEmpty()
        orderby i.Code
        select new IndicatorDto(i.Id, i.Code, i.Name, PlanAccess.ApiName(i.Kind), i.ObjectiveId, o == null ? null : o.Code,
            i.BudgetItemId, b == null ? null : b.Code, i.UnitId, u.Name, i.Measure, PlanAccess.ApiName(i.Polarity),
            PlanAccess.ApiName(i.Aggregation), i.Weight, i.Definition, i.DataSource, i.SupportsIndicatorId, i.Version);

    public static TargetDto ToDto(this IndicatorTarget t) =>
        new(t.Year, t.Annual, [t.Q1, t.Q2, t.Q3, t.Q4], t.Months, t.RangeLow, t.RangeHigh, t.StrategicEndTarget, t.NationalStandard, t.Baseline, t.Version);
}

/// <summary>The agency's indicators, optionally of one unit, objective or kind. Every member of the agency may read them.</summary>
public sealed class ListIndicators(KinerjaDbContext db, CurrentUser me)
{
    public async Task<IReadOnlyList<IndicatorDto>> HandleAsync(Guid agencyId, Guid? unitId = null, Guid? objectiveId = null, CancellationToken ct = default)
    {
        await me.EnsureCanReadAsync(agencyId, ct);
        var q = db.Indicators.AsNoTracking().Where(i => i.AgencyId == agencyId);
        if (unitId is { } u) q = q.Where(i => i.UnitId == u);
        if (objectiveId is { } o) q = q.Where(i => i.ObjectiveId == o);
        return await q.Project(db).ToListAsync(ct);
    }
}

public sealed class GetIndicator(KinerjaDbContext db, CurrentUser me)
{
    public async Task<IndicatorDetailsDto> HandleAsync(Guid indicatorId, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        var agencyId = await db.Indicators.AsNoTracking().Where(i => i.Id == indicatorId).Select(i => (Guid?)i.AgencyId).SingleOrDefaultAsync(ct);
        if (agencyId is null || !me.BelongsTo(agencyId.Value)) throw AppProblem.NotFound("Indikator");
        var dto = await db.Indicators.AsNoTracking().Where(i => i.Id == indicatorId).Project(db).SingleAsync(ct);
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == indicatorId).OrderBy(t => t.Year).ToListAsync(ct);
        var history = await db.IndicatorHistory.AsNoTracking().Where(h => h.IndicatorId == indicatorId).OrderBy(h => h.Year)
            .Select(h => new HistoryDto(h.Year, h.Realization)).ToListAsync(ct);
        return new IndicatorDetailsDto(agencyId.Value, dto, targets.Select(t => t.ToDto()).ToList(), history);
    }
}

public sealed record CreateIndicatorRequest(
    string? Code, string? Name, Guid? ObjectiveId, Guid? UnitId, string? Measure, string? Polarity, string? Aggregation,
    decimal? Weight = null, string? Definition = null, string? DataSource = null, string? Kind = null, Guid? BudgetItemId = null,
    Guid? SupportsIndicatorId = null);

public sealed class CreateIndicatorValidator : AbstractValidator<CreateIndicatorRequest>
{
    public CreateIndicatorValidator()
    {
        RuleFor(r => r.Code).PlanCode("Kode indikator");
        RuleFor(r => r.Name).RequiredName("Nama indikator", 1000);
        RuleFor(r => r.Measure).RequiredName("Satuan", 50);
        RuleFor(r => r.UnitId).NotNull().WithState(_ => new Text("Unit penanggung jawab wajib dipilih."));
        RuleFor(r => r.Polarity).Must(p => PlanAccess.TryParseApiName<Polarity>(p, out _))
            .WithState(_ => new Text("Polaritas harus salah satu dari: {0}.", PlanAccess.Allowed<Polarity>()));
        RuleFor(r => r.Aggregation).Must(a => PlanAccess.TryParseApiName<Aggregation>(a, out _))
            .WithState(_ => new Text("Cara agregasi harus salah satu dari: {0}.", PlanAccess.Allowed<Aggregation>()));
        RuleFor(r => r.Kind).Must(k => k is null || PlanAccess.TryParseApiName<IndicatorKind>(k, out _))
            .WithState(_ => new Text("Jenis indikator harus salah satu dari: {0}.", PlanAccess.Allowed<IndicatorKind>()));
        RuleFor(r => r.Weight).Must(w => w is null or (> 0 and <= 1000))
            .WithState(_ => new Text("Bobot harus lebih dari 0 dan paling besar 1.000."));
        RuleFor(r => r.Definition).OptionalText("Definisi operasional", 4000);
        RuleFor(r => r.DataSource).OptionalText("Sumber data", 1000);
        RuleFor(r => r).Must(r => r.ObjectiveId is not null || r.BudgetItemId is not null)
            .OverridePropertyName("objectiveId")
            .WithState(_ => new Text("Pilih sasaran (untuk IKU) atau program/kegiatan yang diukur indikator ini."));
    }
}

/// <summary>Adds an indicator to the plan, checking that its objective, unit, budget item and higher indicator are the agency's own.</summary>
public sealed class CreateIndicator(KinerjaDbContext db, CurrentUser me, IValidator<CreateIndicatorRequest> validator)
{
    public async Task<IndicatorDto> HandleAsync(Guid agencyId, CreateIndicatorRequest r, CancellationToken ct = default)
    {
        await me.EnsureCanEditPlanAsync(agencyId, ct);
        await validator.EnsureValidAsync(r, ct);
        var errors = new Dictionary<string, Text[]>();
        if (!await db.Units.AnyAsync(u => u.Id == r.UnitId && u.AgencyId == agencyId, ct)) errors["unitId"] = [new Text("Unit tidak ada di instansi ini.")];
        if (r.ObjectiveId is { } o && !await db.Objectives.AnyAsync(x => x.Id == o && x.AgencyId == agencyId, ct))
            errors["objectiveId"] = [new Text("Sasaran tidak ada di Renstra instansi ini.")];
        if (r.BudgetItemId is { } b && !await db.BudgetItems.AnyAsync(x => x.Id == b && x.AgencyId == agencyId, ct))
            errors["budgetItemId"] = [new Text("Program/kegiatan tidak ada di anggaran instansi ini.")];
        if (r.SupportsIndicatorId is { } s && !await db.Indicators.AnyAsync(x => x.Id == s && x.AgencyId == agencyId, ct))
            errors["supportsIndicatorId"] = [new Text("Indikator yang didukung tidak ada di instansi ini.")];
        var code = r.Code!.Trim();
        if (await db.Indicators.AnyAsync(i => i.AgencyId == agencyId && i.Code == code, ct)) errors["code"] = [new Text("Kode \"{0}\" sudah dipakai.", code)];
        if (errors.Count > 0) throw AppProblem.Invalid(errors);

        PlanAccess.TryParseApiName<Polarity>(r.Polarity, out var polarity);
        PlanAccess.TryParseApiName<Aggregation>(r.Aggregation, out var aggregation);
        var kind = r.Kind is null ? (r.ObjectiveId is null ? IndicatorKind.Program : IndicatorKind.Iku)
            : Enum.Parse<IndicatorKind>(r.Kind.Trim(), ignoreCase: true);
        var indicator = new Indicator(Guid.CreateVersion7(), agencyId, code, r.Name!.Trim(), kind, r.ObjectiveId, r.BudgetItemId, r.UnitId!.Value,
            r.Measure!.Trim(), polarity, aggregation, r.Weight ?? 1m, Clean(r.Definition), Clean(r.DataSource));
        indicator.SupportIndicator(r.SupportsIndicatorId);
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(ct);
        return await db.Indicators.AsNoTracking().Where(i => i.Id == indicator.Id).Project(db).SingleAsync(ct);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record PutTargetRequest(
    decimal? Annual, IReadOnlyList<decimal?>? Quarters = null, IReadOnlyList<decimal?>? Months = null, decimal? RangeLow = null,
    decimal? RangeHigh = null, decimal? StrategicEndTarget = null, decimal? NationalStandard = null, decimal? Baseline = null,
    string? Reason = null);

public sealed record PutTargetResult(TargetDto Target, IReadOnlyList<int> AgreementRevisions);

/// <summary>
/// Sets an indicator's targets for a year. While no Perjanjian Kinerja covering it is signed the
/// change is direct; once one is signed, a reason is required and the change becomes the next
/// revision (perubahan) of each signed agreement, with the old and new figures kept.
/// </summary>
public sealed class PutTarget(KinerjaDbContext db, CurrentUser me, TimeProvider clock)
{
    public async Task<PutTargetResult> HandleAsync(Guid indicatorId, int year, PutTargetRequest r, int? expectedVersion, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null || !me.BelongsTo(indicator.AgencyId)) throw AppProblem.NotFound("Indikator");
        await me.EnsureCanEditPlanAsync(indicator.AgencyId, ct);
        var plan = await db.CurrentPlanAsync(indicator.AgencyId, year, ct);
        if (!plan.Covers(year)) throw AppProblem.Invalid("year", new Text("Tahun {0} di luar Renstra {1}-{2}.", year, plan.FirstYear, plan.LastYear));

        var values = new TargetValues(r.Annual, r.Quarters ?? [], r.Months, r.RangeLow, r.RangeHigh, r.StrategicEndTarget, r.NationalStandard, r.Baseline);
        var problems = values.Problems(indicator.Polarity, indicator.Aggregation);
        if (problems.Count > 0) throw AppProblem.Invalid(problems);

        var target = await db.IndicatorTargets.SingleOrDefaultAsync(t => t.IndicatorId == indicatorId && t.Year == year, ct);
        if (target is null)
        {
            if (expectedVersion is not null) throw Concurrency.Stale();
            target = new IndicatorTarget(Guid.CreateVersion7(), indicator.AgencyId, indicatorId, year);
            db.IndicatorTargets.Add(target);
        }
        else
        {
            Concurrency.EnsureVersion(expectedVersion, target.Version);
        }

        var before = target.Values;
        var signed = await db.Agreements
            .Where(a => a.AgencyId == indicator.AgencyId && a.Year == year && a.SignedAt != null
                        && (indicator.Kind == IndicatorKind.Iku ? a.UnitId == null : a.UnitId == indicator.UnitId))
            .ToListAsync(ct);
        var revisions = new List<int>();
        if (signed.Count > 0 && !SameFigures(before, values))
        {
            if (string.IsNullOrWhiteSpace(r.Reason) || r.Reason.Trim().Length > 1000)
            {
                throw AppProblem.Invalid("reason", new Text(
                    "Perjanjian Kinerja {0} sudah ditandatangani: perubahan target dicatat sebagai perubahan (revisi) dan wajib disertai alasan (paling panjang 1.000 karakter).", year));
            }

            foreach (var agreement in signed)
            {
                var number = agreement.NextRevision();
                revisions.Add(number);
                db.AgreementRevisions.Add(new AgreementRevision(Guid.CreateVersion7(), indicator.AgencyId, agreement.Id, number, indicatorId,
                    indicator.Code, r.Reason.Trim(), clock.GetUtcNow(), me.UserName ?? "?",
                    JsonSerializer.Serialize(before, JsonSerializerOptions.Web), JsonSerializer.Serialize(values, JsonSerializerOptions.Web)));
            }
        }

        target.Set(values);
        await Concurrency.SaveAsync(db, ct);
        return new PutTargetResult(target.ToDto(), revisions);
    }

    private static bool SameFigures(TargetValues a, TargetValues b) =>
        a.Annual == b.Annual && a.RangeLow == b.RangeLow && a.RangeHigh == b.RangeHigh
        && a.Quarters.SequenceEqual(b.Quarters) && (a.Months ?? []).SequenceEqual(b.Months ?? [])
        && a.StrategicEndTarget == b.StrategicEndTarget && a.NationalStandard == b.NationalStandard && a.Baseline == b.Baseline;
}

public sealed record PutHistoryRequest(decimal? Realization);

/// <summary>Records the realization of a year before the first round in Kinerja (so reports compare with history).</summary>
public sealed class PutHistory(KinerjaDbContext db, CurrentUser me)
{
    public async Task<HistoryDto> HandleAsync(Guid indicatorId, int year, PutHistoryRequest r, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null || !me.BelongsTo(indicator.AgencyId)) throw AppProblem.NotFound("Indikator");
        await me.EnsureCanEditPlanAsync(indicator.AgencyId, ct);
        if (year is < Period.MinYear or > Period.MaxYear) throw AppProblem.Invalid("year", new Text("Tahun {0} di luar rentang {1}-{2}.", year, Period.MinYear, Period.MaxYear));
        if (r.Realization is not { } value) throw AppProblem.Invalid("realization", new Text("Realisasi wajib diisi."));
        if (Math.Abs(value) > TargetValues.MaxMagnitude) throw AppProblem.Invalid("realization", new Text("Angka terlalu besar."));
        var row = await db.IndicatorHistory.SingleOrDefaultAsync(h => h.IndicatorId == indicatorId && h.Year == year, ct);
        if (row is null) db.IndicatorHistory.Add(new IndicatorHistory(Guid.CreateVersion7(), indicator.AgencyId, indicatorId, year, value));
        else row.Set(value);
        await db.SaveChangesAsync(ct);
        return new HistoryDto(year, value);
    }
}
