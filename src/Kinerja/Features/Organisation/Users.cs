using FluentValidation;
using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Organisation;

public sealed record HoldingDto(Guid PositionId, string Position, Guid UnitId, string Role, string Kind, DateOnly From, DateOnly? Until);

public sealed record UserDto(Guid Id, string UserName, string FullName, string? Nip, string? Rank, bool LockedOut, IReadOnlyList<HoldingDto> Positions);

/// <summary>People of the agency: all of them for agency-wide roles, those of their own units for unit roles.</summary>
public sealed class ListUsers(KinerjaDbContext db, CurrentUser me, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserDto>> HandleAsync(Guid agencyId, Guid? unitId = null, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        var tree = await db.LoadUnitTreeAsync(agencyId, ct);

        var holdings = await (from h in db.PositionHolders.AsNoTracking()
                              join p in db.Positions.AsNoTracking() on h.PositionId equals p.Id
                              where p.AgencyId == agencyId
                              select new { h.UserId, Holding = new HoldingDto(p.Id, p.Title, p.UnitId, RoleRules.ToApiName(p.Role), h.Kind.ToString(), h.From, h.Until) })
            .ToListAsync(ct);
        var visible = holdings
            .Where(h => me.SeesUnit(agencyId, h.Holding.UnitId, tree))
            .Where(h => unitId is null || h.Holding.UnitId == unitId)
            .ToLookup(h => h.UserId, h => h.Holding);
        var ids = visible.Select(g => g.Key).ToList();
        var homeless = me.SeesWholeAgency(agencyId) && unitId is null;
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) || (homeless && u.HomeAgencyId == agencyId))
            .Select(u => new { u.Id, u.UserName, u.FullName, u.Nip, u.Rank, u.LockoutEnd })
            .ToListAsync(ct);
        return users
            .OrderBy(u => u.FullName, StringComparer.Create(Text.Indonesian, true))
            .Select(u => new UserDto(u.Id, u.UserName!, u.FullName, u.Nip, u.Rank, u.LockoutEnd > now,
                visible[u.Id].OrderBy(h => h.From).ToList()))
            .ToList();
    }
}

public sealed record CreateUserRequest(
    string? Username, string? Password, string? FullName, string? Nip, Guid? UnitId, string? Role,
    string? PositionTitle = null, string? Rank = null);

public sealed class CreateUserValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserValidator(KinerjaDbContext db)
    {
        RuleFor(r => r.Username).RequiredName("Nama pengguna", 64)
            .Must(u => u!.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            .WithState(_ => new Text("Nama pengguna hanya boleh huruf, angka, titik, garis bawah dan tanda hubung."))
            .MustAsync(async (u, ct) => !await db.Users.AnyAsync(x => x.NormalizedUserName == u!.Trim().ToUpperInvariant(), ct))
            .WithState(r => new Text("Nama pengguna \"{0}\" sudah dipakai.", r.Username!.Trim()));
        RuleFor(r => r.FullName).RequiredName("Nama lengkap");
        RuleFor(r => r.Password).NotEmpty().WithState(_ => new Text("Kata sandi wajib diisi."));
        RuleFor(r => r.Nip).Must(n => string.IsNullOrWhiteSpace(n) || Nip.TryParse(n, out _, out _))
            .WithState(r => Nip.TryParse(r.Nip, out _, out var e) ? null : e);
        RuleFor(r => r.UnitId).NotNull().WithState(_ => new Text("Unit wajib dipilih."));
        RuleFor(r => r.Role).Must(r => RoleRules.TryParseApiName(r, out _))
            .WithState(_ => new Text("Peran harus salah satu dari: {0}.", string.Join(", ", Enum.GetValues<Role>().Select(r => r.ToApiName()))));
        RuleFor(r => r.PositionTitle).OptionalText("Nama jabatan", 200);
        RuleFor(r => r.Rank).OptionalText("Pangkat/golongan", 100);
    }
}

/// <summary>
/// Creates a person who holds a position in a unit from today. An agency admin may create any role;
/// a unit head may add staff to their own units.
/// </summary>
public sealed class CreateUser(
    KinerjaDbContext db, CurrentUser me, IValidator<CreateUserRequest> validator, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<UserDto> HandleAsync(Guid agencyId, CreateUserRequest request, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        if (!me.ManagesAnyUnit(agencyId)) throw CurrentUser.Denied("penambahan pengguna dengan peran ini di unit ini");
        await validator.EnsureValidAsync(request, ct);
        RoleRules.TryParseApiName(request.Role, out var role);
        var unitId = request.UnitId!.Value;
        var tree = await db.LoadUnitTreeAsync(agencyId, ct);
        if (!tree.Contains(unitId)) throw AppProblem.Invalid("unitId", new Text("Unit tidak ada di instansi ini."));
        var allowed = me.AdministersAgency(agencyId) || (role == Role.Staff && me.ManagesUnit(agencyId, unitId, tree));
        if (!allowed) throw CurrentUser.Denied("penambahan pengguna dengan peran ini di unit ini");

        var userName = request.Username!.Trim();
        if (await users.FindByNameAsync(userName) is not null)
        {
            throw AppProblem.Invalid("username", new Text("Nama pengguna \"{0}\" sudah dipakai.", userName));
        }

        var title = string.IsNullOrWhiteSpace(request.PositionTitle) ? DefaultTitle(role) : request.PositionTitle.Trim();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            FullName = request.FullName!.Trim(),
            Nip = string.IsNullOrWhiteSpace(request.Nip) ? null : Nip.Parse(request.Nip).Digits,
            Rank = string.IsNullOrWhiteSpace(request.Rank) ? null : request.Rank.Trim(),
            HomeAgencyId = agencyId,
        };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            throw AppProblem.Invalid(new Dictionary<string, Text[]>
            {
                [created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "username"] =
                    created.Errors.Select(IdentityMessages.Translate).ToArray(),
            });
        }

        var position = await db.Positions.SingleOrDefaultAsync(p => p.AgencyId == agencyId && p.UnitId == unitId && p.Title == title, ct);
        if (position is null)
        {
            position = new Position(Guid.CreateVersion7(), agencyId, unitId, title, role);
            db.Positions.Add(position);
        }
        else if (position.Role != role)
        {
            throw AppProblem.Invalid("positionTitle", new Text("Jabatan \"{0}\" di unit ini sudah ada dengan peran lain.", title));
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        db.PositionHolders.Add(new PositionHolder(Guid.CreateVersion7(), agencyId, position.Id, user.Id,
            new Tenure(TenureKind.Definitive, today, null)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new UserDto(user.Id, user.UserName, user.FullName, user.Nip, user.Rank, false,
            [new HoldingDto(position.Id, position.Title, unitId, role.ToApiName(), nameof(TenureKind.Definitive), today, null)]);
    }

    public static string DefaultTitle(Role role) => role switch
    {
        Role.Head => "Kepala",
        Role.Secretary => "Sekretaris",
        Role.Coordinator => "Kasubbag Perencanaan",
        Role.UnitHead => "Kepala Unit",
        Role.Staff => "Staf",
        Role.Admin => "Administrator",
        Role.Viewer => "Pemantau",
    };
}

/// <summary>Identity's error codes in words the user reads.</summary>
public static class IdentityMessages
{
    public static Text Translate(IdentityError e) => e.Code switch
    {
        "PasswordTooShort" => new Text("Kata sandi paling sedikit {0} karakter.", PasswordRules.MinLength),
        "PasswordRequiresDigit" => new Text("Kata sandi harus memuat angka."),
        "PasswordRequiresLower" => new Text("Kata sandi harus memuat huruf kecil."),
        "PasswordRequiresUpper" => new Text("Kata sandi harus memuat huruf besar."),
        "PasswordRequiresNonAlphanumeric" => new Text("Kata sandi harus memuat simbol (mis. # atau !)."),
        "PasswordRequiresUniqueChars" => new Text("Kata sandi terlalu seragam."),
        "DuplicateUserName" => new Text("Nama pengguna sudah dipakai."),
        "InvalidUserName" => new Text("Nama pengguna tidak sah."),
        _ => new Text(e.Description),
    };
}

public static class PasswordRules
{
    public const int MinLength = 10;
}

public sealed record ResetPasswordRequest(string? Password);

/// <summary>Sets a new password for a user of the agency and lifts any lockout. Agency admin only.</summary>
public sealed class ResetPassword(KinerjaDbContext db, CurrentUser me, UserManager<AppUser> users)
{
    public async Task HandleAsync(Guid agencyId, Guid userId, ResetPasswordRequest request, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.HomeAgencyId == agencyId, ct) ?? throw AppProblem.NotFound("Pengguna");
        if (!me.AdministersAgency(agencyId)) throw CurrentUser.Denied("penggantian kata sandi pengguna");
        if (string.IsNullOrEmpty(request.Password)) throw AppProblem.Invalid("password", new Text("Kata sandi wajib diisi."));
        foreach (var v in users.PasswordValidators)
        {
            var check = await v.ValidateAsync(users, user, request.Password);
            if (!check.Succeeded) throw AppProblem.Invalid(new Dictionary<string, Text[]> { ["password"] = check.Errors.Select(IdentityMessages.Translate).ToArray() });
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, request.Password);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        await users.UpdateSecurityStampAsync(user); // signs the user out of other sessions; saves
        await tx.CommitAsync(ct);
    }
}
