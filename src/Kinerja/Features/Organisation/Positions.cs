using FluentValidation;
using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Organisation;

public sealed record HolderDto(Guid Id, Guid UserId, string FullName, string? Nip, string Kind, DateOnly From, DateOnly? Until, bool Active);

public sealed record PositionDto(Guid Id, Guid UnitId, string Unit, string Title, string Role, IReadOnlyList<HolderDto> Holders);

/// <summary>Positions of the agency with who holds them (past, present and acting).</summary>
public sealed class ListPositions(KinerjaDbContext db, CurrentUser me, TimeProvider clock)
{
    public async Task<IReadOnlyList<PositionDto>> HandleAsync(Guid agencyId, Guid? unitId = null, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        var tree = await db.LoadUnitTreeAsync(agencyId, ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var positions = await (from p in db.Positions.AsNoTracking()
                               join u in db.Units.AsNoTracking() on p.UnitId equals u.Id
                               where p.AgencyId == agencyId && (unitId == null || p.UnitId == unitId)
                               select new { p.Id, p.UnitId, Unit = u.Name, p.Title, p.Role }).ToListAsync(ct);
        positions = positions.Where(p => me.SeesUnit(agencyId, p.UnitId, tree)).ToList();
        var ids = positions.Select(p => p.Id).ToList();
        var holders = await (from h in db.PositionHolders.AsNoTracking()
                             join u in db.Users.AsNoTracking() on h.UserId equals u.Id
                             where ids.Contains(h.PositionId)
                             select new { h.PositionId, h.Id, h.UserId, u.FullName, u.Nip, h.Kind, h.From, h.Until }).ToListAsync(ct);
        var byPosition = holders.ToLookup(h => h.PositionId);
        return positions
            .OrderBy(p => p.Unit, StringComparer.Create(Text.Indonesian, true)).ThenBy(p => p.Role).ThenBy(p => p.Title, StringComparer.Ordinal)
            .Select(p => new PositionDto(p.Id, p.UnitId, p.Unit, p.Title, p.Role.ToApiName(),
                byPosition[p.Id].OrderByDescending(h => h.From)
                    .Select(h => new HolderDto(h.Id, h.UserId, h.FullName, h.Nip, h.Kind.ToString(), h.From, h.Until,
                        new Tenure(h.Kind, h.From, h.Until).IsActiveOn(today)))
                    .ToList()))
            .ToList();
    }
}

public sealed record CreatePositionRequest(string? Title, Guid? UnitId, string? Role);

public sealed class CreatePositionValidator : AbstractValidator<CreatePositionRequest>
{
    public CreatePositionValidator()
    {
        RuleFor(r => r.Title).RequiredName("Nama jabatan");
        RuleFor(r => r.UnitId).NotNull().WithState(_ => new Text("Unit wajib dipilih."));
        RuleFor(r => r.Role).Must(r => RoleRules.TryParseApiName(r, out _))
            .WithState(_ => new Text("Peran harus salah satu dari: {0}.", string.Join(", ", Enum.GetValues<Role>().Select(r => r.ToApiName()))));
    }
}

/// <summary>Adds a post to a unit. Agency admin only: roles decide what people may do.</summary>
public sealed class CreatePosition(KinerjaDbContext db, CurrentUser me, IValidator<CreatePositionRequest> validator)
{
    public async Task<PositionDto> HandleAsync(Guid agencyId, CreatePositionRequest request, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        if (!me.AdministersAgency(agencyId)) throw CurrentUser.Denied("pengelolaan jabatan");
        await validator.EnsureValidAsync(request, ct);
        RoleRules.TryParseApiName(request.Role, out var role);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId && u.AgencyId == agencyId, ct)
                   ?? throw AppProblem.Invalid("unitId", new Text("Unit tidak ada di instansi ini."));
        var title = request.Title!.Trim();
        if (await db.Positions.AnyAsync(p => p.UnitId == unit.Id && p.Title == title, ct))
        {
            throw AppProblem.Invalid("title", new Text("Jabatan \"{0}\" sudah ada di unit ini.", title));
        }

        var position = new Position(Guid.CreateVersion7(), agencyId, unit.Id, title, role);
        db.Positions.Add(position);
        await db.SaveChangesAsync(ct);
        return new PositionDto(position.Id, unit.Id, unit.Name, title, role.ToApiName(), []);
    }
}

public sealed record AssignHolderRequest(Guid? UserId, string? Kind, DateOnly? From, DateOnly? Until);

/// <summary>
/// Puts a person in a position from a date, definitively or acting (Plt/Plh, which must end).
/// A new definitive holder ends the previous definitive holding the day before.
/// </summary>
public sealed class AssignHolder(KinerjaDbContext db, CurrentUser me)
{
    public async Task<HolderDto> HandleAsync(Guid agencyId, Guid positionId, AssignHolderRequest request, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        if (!me.AdministersAgency(agencyId)) throw CurrentUser.Denied("pengisian jabatan");
        var position = await db.Positions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == positionId && p.AgencyId == agencyId, ct)
                       ?? throw AppProblem.NotFound("Jabatan");

        var errors = new Dictionary<string, Text[]>();
        if (!Enum.TryParse<TenureKind>(request.Kind, true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
            errors["kind"] = [new Text("Jenis harus Definitive, Plt atau Plh.")];
        if (request.From is null) errors["from"] = [new Text("Tanggal mulai wajib diisi.")];
        if (request.UserId is null) errors["userId"] = [new Text("Pegawai wajib dipilih.")];
        if (errors.Count == 0 && Tenure.Validate(kind, request.From!.Value, request.Until) is { } msg) errors["until"] = [msg];
        if (errors.Count > 0) throw AppProblem.Invalid(errors);

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UserId && u.HomeAgencyId == agencyId, ct)
                   ?? throw AppProblem.Invalid("userId", new Text("Pegawai tidak ada di instansi ini."));
        var from = request.From!.Value;
        if (kind == TenureKind.Definitive)
        {
            var current = await db.PositionHolders
                .Where(h => h.PositionId == positionId && h.Kind == TenureKind.Definitive && (h.Until == null || h.Until >= from))
                .ToListAsync(ct);
            foreach (var h in current) h.End(from.AddDays(-1));
        }

        var holder = new PositionHolder(Guid.CreateVersion7(), agencyId, positionId, user.Id, new Tenure(kind, from, request.Until));
        db.PositionHolders.Add(holder);
        await db.SaveChangesAsync(ct);
        return new HolderDto(holder.Id, user.Id, user.FullName, user.Nip, kind.ToString(), from, request.Until, true);
    }
}

public sealed record EndHoldingRequest(DateOnly? LastDay);

/// <summary>Ends a holding on a day (inclusive): a transfer, retirement, or the end of an acting period. Agency admin only.</summary>
public sealed class EndHolding(KinerjaDbContext db, CurrentUser me)
{
    public async Task HandleAsync(Guid agencyId, Guid holderId, EndHoldingRequest request, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        var holder = await db.PositionHolders.SingleOrDefaultAsync(h => h.Id == holderId && h.AgencyId == agencyId, ct) ?? throw AppProblem.NotFound("Pemegang jabatan");
        if (!me.AdministersAgency(agencyId)) throw CurrentUser.Denied("pengisian jabatan");
        if (request.LastDay is not { } last) throw AppProblem.Invalid("lastDay", new Text("Tanggal terakhir wajib diisi."));
        if (last < holder.From) throw AppProblem.Invalid("lastDay", new Text("Tanggal akhir jabatan tidak boleh sebelum tanggal mulai."));
        holder.End(last);
        await db.SaveChangesAsync(ct);
    }
}
