using FluentValidation;
using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Organisation;

public sealed record AgencyDto(
    Guid Id, string Name, string Kind, Guid GovernmentId, string Government, string? Address, string? LetterNumberPattern, int Version);

internal static class AgencyProjection
{
    public static IQueryable<AgencyDto> ToDto(this IQueryable<Agency> agencies, KinerjaDbContext db) =>
        from a in agencies
        join g in db.Governments on a.GovernmentId equals g.Id
        orderby g.Name, a.Name
        select new AgencyDto(a.Id, a.Name, AgencyKinds.ApiName(a.Kind), g.Id, g.Name, a.Address, a.LetterNumberPattern, a.Version);
}

/// <summary>The agencies the user belongs to (all of them for the system administrator).</summary>
public sealed class ListAgencies(KinerjaDbContext db, CurrentUser me)
{
    public async Task<IReadOnlyList<AgencyDto>> HandleAsync(CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        var mine = me.Grants.Select(g => g.AgencyId).Distinct().ToList();
        var query = me.IsSystemAdmin ? db.Agencies : db.Agencies.Where(a => mine.Contains(a.Id));
        return await query.AsNoTracking().ToDto(db).ToListAsync(ct);
    }
}

public sealed class GetAgency(KinerjaDbContext db, CurrentUser me)
{
    public async Task<AgencyDto> HandleAsync(Guid agencyId, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        return await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).ToDto(db).SingleOrDefaultAsync(ct)
               ?? throw AppProblem.NotFound("Instansi");
    }
}

public sealed record CreateAgencyRequest(
    string? Name, string? Kind, string? Government, string? Address, string? LetterNumberPattern);

public sealed class CreateAgencyValidator : AbstractValidator<CreateAgencyRequest>
{
    public CreateAgencyValidator()
    {
        RuleFor(r => r.Name).RequiredName("Nama instansi");
        RuleFor(r => r.Government).RequiredName("Pemerintah daerah");
        RuleFor(r => r.Kind).Must(k => AgencyKinds.TryParse(k, out _))
            .WithState(_ => new Text("Jenis instansi harus salah satu dari: {0}.", string.Join(", ", AgencyKinds.Names)));
        RuleFor(r => r.Address).OptionalText("Alamat", 300);
        RuleFor(r => r.LetterNumberPattern).OptionalText("Pola nomor surat", 100);
        RuleFor(r => r.LetterNumberPattern).LetterPattern();
    }
}

public static class AgencyKinds
{
    public static IEnumerable<string> Names => Enum.GetValues<AgencyKind>().Select(ApiName);

    public static string ApiName(AgencyKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out AgencyKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);

    /// <summary>"Provinsi Jambi" is a province, "Kota ..." a city, anything else a regency (kabupaten).</summary>
    public static GovernmentKind GovernmentKindOf(string name) =>
        name.TrimStart().StartsWith("Provinsi", StringComparison.OrdinalIgnoreCase) ? GovernmentKind.Province
        : name.TrimStart().StartsWith("Kota", StringComparison.OrdinalIgnoreCase) ? GovernmentKind.City
        : GovernmentKind.Regency;
}

/// <summary>Registers a new agency under its government (created on first use). System administrator only.</summary>
public sealed class CreateAgency(KinerjaDbContext db, CurrentUser me, IValidator<CreateAgencyRequest> validator)
{
    public async Task<AgencyDto> HandleAsync(CreateAgencyRequest request, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        if (!me.IsSystemAdmin) throw CurrentUser.Denied("pendaftaran instansi");
        await validator.EnsureValidAsync(request, ct);

        var governmentName = request.Government!.Trim();
        var name = request.Name!.Trim();
        var government = await db.Governments.SingleOrDefaultAsync(g => g.Name == governmentName, ct);
        if (government is null)
        {
            government = new Government(Guid.CreateVersion7(), governmentName, AgencyKinds.GovernmentKindOf(governmentName));
            db.Governments.Add(government);
        }
        else if (await db.Agencies.AnyAsync(a => a.GovernmentId == government.Id && a.Name == name, ct))
        {
            throw AppProblem.Invalid("name", new Text("Instansi \"{0}\" sudah terdaftar di {1}.", name, governmentName));
        }

        AgencyKinds.TryParse(request.Kind, out var kind);
        var agency = new Agency(Guid.CreateVersion7(), government.Id, name, kind,
            Clean(request.Address), Clean(request.LetterNumberPattern));
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        return new AgencyDto(agency.Id, agency.Name, AgencyKinds.ApiName(kind), government.Id, government.Name,
            agency.Address, agency.LetterNumberPattern, agency.Version);
    }

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record UpdateAgencyRequest(string? Name, string? Kind, string? Address, string? LetterNumberPattern);

public sealed class UpdateAgencyValidator : AbstractValidator<UpdateAgencyRequest>
{
    public UpdateAgencyValidator()
    {
        RuleFor(r => r.Name).RequiredName("Nama instansi");
        RuleFor(r => r.Kind).Must(k => AgencyKinds.TryParse(k, out _))
            .WithState(_ => new Text("Jenis instansi harus salah satu dari: {0}.", string.Join(", ", AgencyKinds.Names)));
        RuleFor(r => r.Address).OptionalText("Alamat", 300);
        RuleFor(r => r.LetterNumberPattern).OptionalText("Pola nomor surat", 100);
        RuleFor(r => r.LetterNumberPattern).LetterPattern();
    }
}

/// <summary>Changes an agency's name, kind, address or letter pattern. Agency admin or system admin; needs the version last seen.</summary>
public sealed class UpdateAgency(KinerjaDbContext db, CurrentUser me, IValidator<UpdateAgencyRequest> validator, GetAgency get)
{
    public async Task<AgencyDto> HandleAsync(Guid agencyId, UpdateAgencyRequest request, int? expectedVersion, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        if (!me.AdministersAgency(agencyId)) throw CurrentUser.Denied("pengubahan data instansi");
        var agency = await db.Agencies.SingleAsync(a => a.Id == agencyId, ct);
        Concurrency.EnsureVersion(expectedVersion, agency.Version);
        await validator.EnsureValidAsync(request, ct);
        var name = request.Name!.Trim();
        if (await db.Agencies.AnyAsync(a => a.Id != agencyId && a.GovernmentId == agency.GovernmentId && a.Name == name, ct))
        {
            throw AppProblem.Invalid("name", new Text("Instansi \"{0}\" sudah terdaftar di {1}.", name,
                await db.Governments.Where(g => g.Id == agency.GovernmentId).Select(g => g.Name).SingleAsync(ct)));
        }

        AgencyKinds.TryParse(request.Kind, out var kind);
        agency.Update(name, kind, CreateAgency.Clean(request.Address), CreateAgency.Clean(request.LetterNumberPattern));
        await Concurrency.SaveAsync(db, ct);
        return await get.HandleAsync(agencyId, ct);
    }
}
