using System.Text.Json;
using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Features.Organisation;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Plan;

public sealed record PartyDto(string Name, string Position, string? Rank, string? Nip);

public sealed record AgreementTargetDto(
    string? ObjectiveCode, string? Objective, Guid IndicatorId, string IndicatorCode, string Indicator, string Measure, string Polarity,
    decimal? Target, decimal? RangeLow, decimal? RangeHigh);

public sealed record AgreementProgramDto(string Code, string Name, decimal Budget);

public sealed record AgreementRevisionDto(int Number, string IndicatorCode, string Reason, DateTimeOffset At, string By, string? Before, string After);

public sealed record AgreementDto(
    int Year, Guid? UnitId, string? Unit, string Agency, string Government, string? Address, string Status, DateTimeOffset? SignedAt,
    string? SignedBy, int Revision, PartyDto FirstParty, PartyDto SecondParty, string Place, DateOnly Date,
    IReadOnlyList<AgreementTargetDto> Targets, IReadOnlyList<AgreementProgramDto> Programs, IReadOnlyList<AgreementRevisionDto> Revisions);

/// <summary>What the parties, place and date of a signed agreement were.</summary>
public sealed record SignatureSnapshot(PartyDto FirstParty, PartyDto SecondParty, string Place, DateOnly Date);

/// <summary>
/// The Perjanjian Kinerja of a year: the head's (its IKU, with the programs' budget) or, with a unit,
/// the unit head's (the unit's indicators and the programs/activities they measure). Targets are the
/// current ones; after signing the parties are those who signed, and every change is a listed revision.
/// </summary>
public sealed class GetAgreement(KinerjaDbContext db, CurrentUser me, TimeProvider clock)
{
    public async Task<AgreementDto> HandleAsync(Guid agencyId, int year, Guid? unitId, CancellationToken ct = default)
    {
        await me.EnsureCanReadAsync(agencyId, ct);
        if (year is < Period.MinYear or > Period.MaxYear) throw AppProblem.Invalid("year", new Text("Tahun {0} di luar rentang {1}-{2}.", year, Period.MinYear, Period.MaxYear));
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        var government = await db.Governments.AsNoTracking().SingleAsync(g => g.Id == agency.GovernmentId, ct);
        OrgUnit? unit = null;
        if (unitId is { } u)
        {
            unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(x => x.Id == u && x.AgencyId == agencyId, ct) ?? throw AppProblem.NotFound("Unit");
        }

        var agreement = await db.Agreements.AsNoTracking().SingleOrDefaultAsync(a => a.AgencyId == agencyId && a.Year == year && a.UnitId == unitId, ct);

        var indicators = db.Indicators.AsNoTracking().Where(i => i.AgencyId == agencyId);
        indicators = unit is null ? indicators.Where(i => i.Kind == IndicatorKind.Iku) : indicators.Where(i => i.UnitId == unit.Id);
        var rows = await (from i in indicators
                          join t in db.IndicatorTargets.AsNoTracking().Where(t => t.Year == year) on i.Id equals t.IndicatorId into ts
                          from t in ts.DefaultIfEmpty()
                          join o in db.Objectives.AsNoTracking() on i.ObjectiveId equals o.Id into os
                          from o in os.DefaultIfEmpty()
                          select new { i, t, o }).ToListAsync(ct);
        var targets = rows
            .OrderBy(r => r.o == null ? "~" : r.o.Code, StringComparer.Ordinal).ThenBy(r => r.i.Code, StringComparer.Ordinal)
            .Select(r => new AgreementTargetDto(r.o?.Code, r.o?.Name, r.i.Id, r.i.Code, r.i.Name, r.i.Measure, PlanAccess.ApiName(r.i.Polarity),
                r.t?.Annual, r.t?.RangeLow, r.t?.RangeHigh))
            .ToList();

        var programs = await ProgramsAsync(agencyId, year, unit is null ? null : rows.Select(r => r.i.BudgetItemId).OfType<Guid>().ToList(), ct);

        var revisions = agreement is null ? [] : await db.AgreementRevisions.AsNoTracking().Where(r => r.AgreementId == agreement.Id)
            .OrderBy(r => r.Number)
            .Select(r => new AgreementRevisionDto(r.Number, r.IndicatorCode, r.Reason, r.At, r.By, r.BeforeJson, r.AfterJson)).ToListAsync(ct);

        var snapshot = agreement?.SignatureJson is { } json ? JsonSerializer.Deserialize<SignatureSnapshot>(json, JsonSerializerOptions.Web) : null;
        var first = snapshot?.FirstParty ?? await FirstPartyAsync(agencyId, unit, ct);
        var second = snapshot?.SecondParty ?? await SecondPartyAsync(agencyId, unit, government, ct);
        var place = snapshot?.Place ?? PlaceOf(government.Name);
        var date = snapshot?.Date ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return new AgreementDto(year, unit?.Id, unit?.Name, agency.Name, government.Name, agency.Address,
            agreement?.IsSigned == true ? "signed" : "draft", agreement?.SignedAt, agreement?.SignedBy, agreement?.Revision ?? 0,
            first, second, place, date, targets, programs, revisions);
    }

    private async Task<IReadOnlyList<AgreementProgramDto>> ProgramsAsync(Guid agencyId, int year, IReadOnlyList<Guid>? itemIds, CancellationToken ct)
    {
        var q = from l in db.BudgetLines.AsNoTracking()
                join i in db.BudgetItems.AsNoTracking() on l.BudgetItemId equals i.Id
                where l.AgencyId == agencyId && l.Year == year
                select new { i.Id, i.Code, i.Name, i.Level, l.Pagu };
        var lines = await q.ToListAsync(ct);
        var chosen = itemIds is null ? lines.Where(l => l.Level == BudgetLevel.Program) : lines.Where(l => itemIds.Contains(l.Id));
        return chosen.OrderBy(l => l.Code, StringComparer.Ordinal).Select(l => new AgreementProgramDto(l.Code, l.Name, l.Pagu)).ToList();
    }

    /// <summary>The holder today of the head position (for the agency) or of the unit-head position of the unit.</summary>
    private async Task<PartyDto> FirstPartyAsync(Guid agencyId, OrgUnit? unit, CancellationToken ct) =>
        await HolderAsync(agencyId, unit is null ? null : unit.Id, unit is null ? Role.Head : Role.UnitHead, ct)
        ?? new PartyDto("(belum ada pemegang jabatan)", unit is null ? "Kepala" : "Kepala " + unit.Name, null, null);

    private async Task<PartyDto> SecondPartyAsync(Guid agencyId, OrgUnit? unit, Government government, CancellationToken ct)
    {
        if (unit is not null)
        {
            return await HolderAsync(agencyId, null, Role.Head, ct) ?? new PartyDto("(belum ada pemegang jabatan)", "Kepala", null, null);
        }

        // The head's agreement is with the regional head, who is not a user of the agency.
        var title = government.Kind switch
        {
            GovernmentKind.Province => "Gubernur",
            GovernmentKind.City => "Wali Kota",
            GovernmentKind.Regency => "Bupati",
        };
        var region = government.Name.Split(' ', 2) is [_, var rest] ? rest : government.Name;
        return new PartyDto("(nama kepala daerah)", $"{title} {region}", null, null);
    }

    private Task<PartyDto?> HolderAsync(Guid agencyId, Guid? unitId, Role role, CancellationToken ct) =>
        Holders.FindAsync(db, clock, agencyId, unitId, role, ct);

    /// <summary>"Kabupaten Lumajang" signs in "Lumajang".</summary>
    public static string PlaceOf(string government) => government.Split(' ', 2) is [_, var rest] ? rest : government;
}

public sealed record SignAgreementRequest(string? SecondPartyName, string? SecondPartyRank, string? SecondPartyNip, string? Place, DateOnly? Date);

/// <summary>
/// Records the signing of a year's agreement by the head (or the unit head), freezing the parties,
/// place and date. After this, target changes need a reason and become revisions.
/// </summary>
public sealed class SignAgreement(KinerjaDbContext db, CurrentUser me, GetAgreement get, TimeProvider clock)
{
    public async Task<AgreementDto> HandleAsync(Guid agencyId, int year, Guid? unitId, SignAgreementRequest r, CancellationToken ct = default)
    {
        await me.EnsureCanReadAsync(agencyId, ct);
        var allowed = unitId is null
            ? me.HasAgencyRole(agencyId, Role.Head, Role.Coordinator, Role.Admin)
            : me.HasAgencyRole(agencyId, Role.Head, Role.Coordinator, Role.Admin) || me.Grants.Any(g => g.AgencyId == agencyId && g.UnitId == unitId && g.Role == Role.UnitHead);
        if (!allowed) throw CurrentUser.Denied("pencatatan penandatanganan Perjanjian Kinerja");
        var view = await get.HandleAsync(agencyId, year, unitId, ct);
        if (view.Status == "signed") throw AppProblem.Conflict(new Text("Perjanjian Kinerja {0} sudah ditandatangani pada {1}. Perubahan target dicatat sebagai revisi.", year, IndonesianFormat.Date(DateOnly.FromDateTime(view.SignedAt!.Value.UtcDateTime))));
        if (view.Targets.Count == 0) throw AppProblem.Conflict(new Text("Perjanjian Kinerja {0} belum berisi indikator dan target.", year));
        var missing = view.Targets.Where(t => t.Target is null && t.RangeLow is null).Select(t => t.IndicatorCode).ToList();
        if (missing.Count > 0) throw AppProblem.Conflict(new Text("Target {0} untuk indikator {1} belum diisi.", year, string.Join(", ", missing)));

        var errors = new Dictionary<string, Text[]>();
        if (unitId is null && string.IsNullOrWhiteSpace(r.SecondPartyName)) errors["secondPartyName"] = [new Text("Nama pihak kedua (kepala daerah) wajib diisi.")];
        if (r.SecondPartyName?.Length > 200) errors["secondPartyName"] = [new Text("{0} paling panjang {1} karakter.", "Nama pihak kedua", 200)];
        if (!string.IsNullOrWhiteSpace(r.SecondPartyNip) && !Nip.TryParse(r.SecondPartyNip, out _, out var nipError)) errors["secondPartyNip"] = [nipError!];
        if (r.Place?.Length > 100) errors["place"] = [new Text("{0} paling panjang {1} karakter.", "Tempat", 100)];
        if (errors.Count > 0) throw AppProblem.Invalid(errors);

        var second = view.SecondParty with
        {
            Name = string.IsNullOrWhiteSpace(r.SecondPartyName) ? view.SecondParty.Name : r.SecondPartyName.Trim(),
            Rank = string.IsNullOrWhiteSpace(r.SecondPartyRank) ? view.SecondParty.Rank : r.SecondPartyRank.Trim(),
            Nip = string.IsNullOrWhiteSpace(r.SecondPartyNip) ? view.SecondParty.Nip : Nip.Parse(r.SecondPartyNip).Digits,
        };
        var snapshot = new SignatureSnapshot(view.FirstParty, second, string.IsNullOrWhiteSpace(r.Place) ? view.Place : r.Place.Trim(),
            r.Date ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime));

        var agreement = await db.Agreements.SingleOrDefaultAsync(a => a.AgencyId == agencyId && a.Year == year && a.UnitId == unitId, ct);
        if (agreement is null)
        {
            agreement = new PerformanceAgreement(Guid.CreateVersion7(), agencyId, year, unitId);
            db.Agreements.Add(agreement);
        }

        agreement.Sign(clock.GetUtcNow(), me.UserName ?? "?", JsonSerializer.Serialize(snapshot, JsonSerializerOptions.Web), null);
        await Concurrency.SaveAsync(db, ct);
        return await get.HandleAsync(agencyId, year, unitId, ct);
    }
}
