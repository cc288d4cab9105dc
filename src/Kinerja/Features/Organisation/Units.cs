using FluentValidation;
using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Organisation;

public sealed record UnitDto(Guid Id, Guid AgencyId, Guid? ParentId, string Name, int Depth, int Version);

/// <summary>The agency's unit tree, parents before children. Every member of the agency may read it.</summary>
public sealed class ListUnits(KinerjaDbContext db, CurrentUser me)
{
    public async Task<IReadOnlyList<UnitDto>> HandleAsync(Guid agencyId, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId)
            .Select(u => new { u.Id, u.ParentId, u.Name, u.Version }).ToListAsync(ct);
        var children = units.ToLookup(u => u.ParentId);
        var result = new List<UnitDto>(units.Count);
        void Walk(Guid? parent, int depth)
        {
            foreach (var u in children[parent].OrderBy(u => u.Name, StringComparer.Create(Text.Indonesian, true)))
            {
                result.Add(new UnitDto(u.Id, agencyId, u.ParentId, u.Name, depth, u.Version));
                Walk(u.Id, depth + 1);
            }
        }

        Walk(null, 0);
        return result;
    }
}

public sealed record CreateUnitRequest(string? Name, Guid? ParentId);

public sealed class CreateUnitValidator : AbstractValidator<CreateUnitRequest>
{
    public CreateUnitValidator() => RuleFor(r => r.Name).RequiredName("Nama unit");
}

/// <summary>Adds a unit: anywhere for an agency admin, below their own unit for a unit head.</summary>
public sealed class CreateUnit(KinerjaDbContext db, CurrentUser me, IValidator<CreateUnitRequest> validator)
{
    public async Task<UnitDto> HandleAsync(Guid agencyId, CreateUnitRequest request, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        // Who manages no unit at all is refused before the input is looked at.
        if (!me.ManagesAnyUnit(agencyId)) throw CurrentUser.Denied("pengelolaan struktur instansi");
        await validator.EnsureValidAsync(request, ct);
        var tree = await db.LoadUnitTreeAsync(agencyId, ct);
        if (request.ParentId is { } parent)
        {
            if (!tree.Contains(parent)) throw AppProblem.Invalid("parentId", new Text("Unit induk tidak ada di instansi ini."));
            if (!me.ManagesUnit(agencyId, parent, tree)) throw CurrentUser.Denied("pengelolaan unit ini");
        }
        else if (!me.AdministersAgency(agencyId))
        {
            throw CurrentUser.Denied("pengelolaan struktur instansi");
        }

        var name = request.Name!.Trim();
        if (await db.Units.AnyAsync(u => u.AgencyId == agencyId && u.ParentId == request.ParentId && u.Name == name, ct))
        {
            throw AppProblem.Invalid("name", new Text("Unit \"{0}\" sudah ada di tempat itu.", name));
        }

        var unit = new OrgUnit(Guid.CreateVersion7(), agencyId, request.ParentId, name);
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        return new UnitDto(unit.Id, agencyId, unit.ParentId, unit.Name, 0, unit.Version);
    }
}

public sealed record UnitDetailsDto(Guid Id, Guid AgencyId, string AgencyName, Guid? ParentId, string? ParentName, string Name, bool CanManage, bool CanRestructure, int Version);

/// <summary>One unit's administration view: for agency-wide roles, and for people of that unit or one above it.</summary>
public sealed class GetUnit(KinerjaDbContext db, CurrentUser me)
{
    public async Task<UnitDetailsDto> HandleAsync(Guid unitId, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null || !me.BelongsTo(unit.AgencyId)) throw AppProblem.NotFound("Unit");
        var tree = await db.LoadUnitTreeAsync(unit.AgencyId, ct);
        if (!me.SeesUnit(unit.AgencyId, unit.Id, tree)) throw CurrentUser.Denied("halaman unit ini");
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == unit.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var parent = unit.ParentId is null ? null
            : await db.Units.AsNoTracking().Where(u => u.Id == unit.ParentId).Select(u => u.Name).SingleOrDefaultAsync(ct);
        return new UnitDetailsDto(unit.Id, unit.AgencyId, agency, unit.ParentId, parent, unit.Name,
            me.ManagesUnit(unit.AgencyId, unit.Id, tree), me.AdministersAgency(unit.AgencyId), unit.Version);
    }
}

public sealed record UpdateUnitRequest(string? Name, Guid? ParentId);

public sealed class UpdateUnitValidator : AbstractValidator<UpdateUnitRequest>
{
    public UpdateUnitValidator() => RuleFor(r => r.Name).RequiredName("Nama unit");
}

/// <summary>Renames a unit or moves it under another (never under itself or its own sub-units). Agency admin; needs the version last seen.</summary>
public sealed class UpdateUnit(KinerjaDbContext db, CurrentUser me, IValidator<UpdateUnitRequest> validator)
{
    public async Task<UnitDto> HandleAsync(Guid agencyId, Guid unitId, UpdateUnitRequest request, int? expectedVersion, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == unitId && u.AgencyId == agencyId, ct) ?? throw AppProblem.NotFound("Unit");
        if (!me.AdministersAgency(agencyId)) throw CurrentUser.Denied("pengelolaan struktur instansi");
        Concurrency.EnsureVersion(expectedVersion, unit.Version);
        await validator.EnsureValidAsync(request, ct);
        var tree = await db.LoadUnitTreeAsync(agencyId, ct);
        if (request.ParentId is { } parent && !tree.Contains(parent))
            throw AppProblem.Invalid("parentId", new Text("Unit induk tidak ada di instansi ini."));
        if (tree.WouldCycle(unitId, request.ParentId))
            throw AppProblem.Invalid("parentId", new Text("Unit tidak dapat dipindah ke bawah dirinya sendiri atau subunitnya."));
        var name = request.Name!.Trim();
        if (await db.Units.AnyAsync(u => u.Id != unitId && u.AgencyId == agencyId && u.ParentId == request.ParentId && u.Name == name, ct))
            throw AppProblem.Invalid("name", new Text("Unit \"{0}\" sudah ada di tempat itu.", name));

        unit.Rename(name);
        unit.MoveUnder(request.ParentId);
        await Concurrency.SaveAsync(db, ct);
        return new UnitDto(unit.Id, agencyId, unit.ParentId, unit.Name, 0, unit.Version);
    }
}
