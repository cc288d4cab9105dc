using System.Text.Json;
using Kinerja.Data;
using Kinerja.Domain.Organisation;
using Kinerja.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Demo;

/// <summary>
/// Seeds the demo agencies (Demo/demo.json: the five SOP seeds and an inspectorate): units, positions and one user per
/// position, all with the shared demo password. Does nothing when the agencies already exist.
/// </summary>
public sealed class DemoSeeder(KinerjaDbContext db, UserManager<AppUser> users, TimeProvider clock, AuditActor actor)
{
    /// <summary>Shared password of every demo user (a demo, not a secret; printed at start and in the README).</summary>
    public const string DefaultPassword = "Kinerja#Demo2026";

    public static DemoData Load()
    {
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream("Kinerja.Demo.demo.json")
                           ?? throw new InvalidOperationException("demo.json is not embedded.");
        return JsonSerializer.Deserialize<DemoData>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <returns>The demo users created (empty when the demo was already there).</returns>
    public async Task<IReadOnlyList<DemoUser>> SeedAsync(string password, CancellationToken ct = default)
    {
        actor.UserName = "demo";
        var data = Load();
        var created = new List<DemoUser>();
        var since = new DateOnly(clock.GetLocalNow().Year - 1, 1, 1);
        foreach (var a in data.Agencies)
        {
            if (await db.Agencies.AnyAsync(x => x.Name == a.Name, ct)) continue;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var government = await db.Governments.SingleOrDefaultAsync(g => g.Name == a.Government, ct);
            if (government is null)
            {
                government = new Government(Guid.CreateVersion7(), a.Government, AgencyKinds.GovernmentKindOf(a.Government));
                db.Governments.Add(government);
            }

            AgencyKinds.TryParse(a.Kind, out var kind);
            var agency = new Agency(Guid.CreateVersion7(), government.Id, a.Name, kind, a.Address, a.LetterNumberPattern);
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(ct);

            async Task AddUnit(DemoUnit u, Guid? parent)
            {
                var unit = new OrgUnit(Guid.CreateVersion7(), agency.Id, parent, u.Name);
                db.Units.Add(unit);
                foreach (var p in u.Positions ?? [])
                {
                    RoleRules.TryParseApiName(p.Role, out var role);
                    var position = new Position(Guid.CreateVersion7(), agency.Id, unit.Id, p.Title, role);
                    db.Positions.Add(position);
                    var user = new AppUser
                    {
                        Id = Guid.CreateVersion7(), UserName = p.User.Username, FullName = p.User.FullName, Nip = p.User.Nip,
                        Rank = p.User.Rank, HomeAgencyId = agency.Id,
                    };
                    var result = await users.CreateAsync(user, password);
                    if (!result.Succeeded)
                    {
                        throw new InvalidOperationException($"Demo user {p.User.Username}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                    }

                    db.PositionHolders.Add(new PositionHolder(Guid.CreateVersion7(), agency.Id, position.Id, user.Id,
                        new Tenure(TenureKind.Definitive, since, null)));
                    created.Add(new DemoUser(p.User.Username, p.User.FullName, p.Title, a.Name));
                }

                foreach (var child in u.Children ?? []) await AddUnit(child, unit.Id);
            }

            foreach (var u in a.Units) await AddUnit(u, null);
            await db.SaveChangesAsync(ct);
            await DemoPlan.SeedAsync(db, agency.Id, agency.Kind, ct);
            await tx.CommitAsync(ct);
        }

        return created;
    }
}

public sealed record DemoUser(string UserName, string FullName, string Position, string Agency);

public sealed record DemoData(List<DemoAgency> Agencies);

public sealed record DemoAgency(
    string Key, string Seed, string Government, string Name, string Kind, string? Address, string? LetterNumberPattern, List<DemoUnit> Units);

public sealed record DemoUnit(string Name, List<DemoPosition>? Positions, List<DemoUnit>? Children);

public sealed record DemoPosition(string Title, string Role, string? SopActor, DemoPerson User);

public sealed record DemoPerson(string Username, string FullName, string? Nip, string? Rank);
