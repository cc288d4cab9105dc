using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Security;

/// <summary>A role the user holds today through a position (definitive or acting).</summary>
public sealed record Grant(Guid AgencyId, Guid UnitId, Role Role, Guid PositionId, string PositionTitle, TenureKind Kind);

/// <summary>
/// The signed-in user and what they may do, loaded once per request from the positions they hold today.
/// Every handler asks it before reading or changing anything. Agencies a user has no grant in are
/// answered with 404, so their existence does not leak.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, KinerjaDbContext db, TimeProvider clock)
{
    private bool _loaded;

    public Guid? Id { get; private set; }
    public string? UserName { get; private set; }
    public string? FullName { get; private set; }
    public bool IsSystemAdmin { get; private set; }
    public Guid? HomeAgencyId { get; private set; }
    public IReadOnlyList<Grant> Grants { get; private set; } = [];

    public bool IsAuthenticated => Id is not null;

    private sealed record UserRow(string? UserName, string FullName, bool IsSystemAdmin, Guid? HomeAgencyId);

    // Compiled once: every request that touches data runs these two.
    private static readonly PerProvider<Func<KinerjaDbContext, Guid, CancellationToken, Task<UserRow?>>> UserById = new(() =>
        EF.CompileAsyncQuery((KinerjaDbContext db, Guid id, CancellationToken _) =>
            db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new UserRow(u.UserName, u.FullName, u.IsSystemAdmin, u.HomeAgencyId)).SingleOrDefault()));

    private static readonly PerProvider<Func<KinerjaDbContext, Guid, DateOnly, IAsyncEnumerable<Grant>>> GrantsOf = new(() =>
        EF.CompileAsyncQuery((KinerjaDbContext db, Guid id, DateOnly today) =>
            from h in db.PositionHolders.AsNoTracking()
            join p in db.Positions.AsNoTracking() on h.PositionId equals p.Id
            where h.UserId == id && h.From <= today && (h.Until == null || h.Until >= today)
            select new Grant(p.AgencyId, p.UnitId, p.Role, p.Id, p.Title, h.Kind)));

    public async Task<CurrentUser> LoadAsync(CancellationToken ct = default)
    {
        if (_loaded) return this;
        _loaded = true;
        var principal = http.HttpContext?.User;
        var idText = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!Guid.TryParse(idText, out var id)) return this;

        var user = await UserById.For(db)(db, id, ct);
        if (user is null) return this;

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Id = id;
        UserName = user.UserName;
        FullName = user.FullName;
        IsSystemAdmin = user.IsSystemAdmin;
        HomeAgencyId = user.HomeAgencyId;
        Grants = await GrantsOf.For(db)(db, id, today).ToListAsync(ct);
        return this;
    }

    /// <summary>For trusted callers outside HTTP (the command line, run by whoever runs the server): full rights.</summary>
    public void ActAsSystem(string name)
    {
        _loaded = true;
        UserName = name;
        IsSystemAdmin = true;
    }

    public bool BelongsTo(Guid agencyId) => IsSystemAdmin || Grants.Any(g => g.AgencyId == agencyId);

    public bool HasAgencyRole(Guid agencyId, params Role[] roles) =>
        IsSystemAdmin || Grants.Any(g => g.AgencyId == agencyId && roles.Contains(g.Role));

    /// <summary>Head, secretary, coordinator, admin or viewer of the agency: sees all of its units.</summary>
    public bool SeesWholeAgency(Guid agencyId) =>
        IsSystemAdmin || Grants.Any(g => g.AgencyId == agencyId && g.Role.IsAgencyWide());

    public bool AdministersAgency(Guid agencyId) => HasAgencyRole(agencyId, Role.Admin);

    /// <summary>May open the unit's page (its members and positions).</summary>
    public bool SeesUnit(Guid agencyId, Guid unitId, UnitTree tree) =>
        SeesWholeAgency(agencyId)
        || Grants.Any(g => g.AgencyId == agencyId && tree.IsWithin(unitId, g.UnitId));

    /// <summary>May add sub-units, positions and staff to the unit: an agency admin, or the head of the unit or one above it.</summary>
    public bool ManagesUnit(Guid agencyId, Guid unitId, UnitTree tree) =>
        AdministersAgency(agencyId)
        || Grants.Any(g => g.AgencyId == agencyId && g.Role == Role.UnitHead && tree.IsWithin(unitId, g.UnitId));

    /// <summary>Manages some unit of the agency (admin, or head of a unit): may be allowed to add units, positions or staff somewhere.</summary>
    public bool ManagesAnyUnit(Guid agencyId) =>
        AdministersAgency(agencyId) || Grants.Any(g => g.AgencyId == agencyId && g.Role == Role.UnitHead);

    public void EnsureBelongsTo(Guid agencyId)
    {
        if (!BelongsTo(agencyId)) throw AppProblem.NotFound("Instansi");
    }

    public static AppProblem Denied(string what) => AppProblem.Forbidden(new Text("Peran Anda tidak mencakup {0}.", what));
}
