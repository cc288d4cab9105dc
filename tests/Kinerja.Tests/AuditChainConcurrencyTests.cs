using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Tests;

/// <summary>The audit chain stays one chain when contexts save several times and interleave, and when a save is retried.</summary>
public abstract class AuditChainConcurrencyTests(KinerjaFixture f)
{
    [Fact]
    public async Task Interleaved_and_repeated_saves_keep_the_chain_intact()
    {
        await using var a = f.NewDbContext();
        await using var b = f.NewDbContext();
        var unitA = await a.Units.OrderBy(u => u.Name).FirstAsync();
        var unitB = await b.Units.OrderBy(u => u.Name).Skip(1).FirstAsync();
        unitA.Rename(unitA.Name + " (1)");
        await a.SaveChangesAsync();
        unitB.Rename(unitB.Name + " (1)");
        await b.SaveChangesAsync();
        unitA.Rename(unitA.Name + " (2)");
        await a.SaveChangesAsync(); // a's second save must not reuse the head it read the first time

        // Many saves of one line at once without If-Match: each is applied (retried on collision), none lost, chain intact.
        var agency = await f.AgencyIdAsync("Kecamatan Tanjunganom");
        var coordinator = await f.SignedInAsync("tanjunganom.kasubag-pek");
        var round = await coordinator.PostJson($"/api/v1/agencies/{agency}/rounds", new { period = "2026-Q1", disposition = new { text = "Uji." } }, HttpStatusCode.Created);
        var sheetId = (await coordinator.GetJson($"/api/v1/rounds/{round.GetProperty("id").GetString()}/worksheets"))[0].GetProperty("id").GetString();
        var lineId = (await coordinator.GetJson($"/api/v1/worksheets/{sheetId}")).GetProperty("lines")[0].GetProperty("lineId").GetString();
        var saves = await Task.WhenAll(Enumerable.Range(1, 8).Select(n =>
            coordinator.PutAsJsonAsync($"/api/v1/worksheets/{sheetId}/lines/{lineId}", new { realization = n })));
        saves.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK);
        (await coordinator.GetJson($"/api/v1/worksheets/{sheetId}")).GetProperty("lines")[0].GetProperty("version").GetInt32().ShouldBeGreaterThanOrEqualTo(8);

        var admin = await f.SignedInAsync("admin", KinerjaFixture.AdminPassword);
        var verdict = await admin.GetJson("/api/v1/audit/verify");
        verdict.GetProperty("intact").GetBoolean().ShouldBeTrue(verdict.GetRawText());
        await using var db = f.NewDbContext();
        var sequences = await db.AuditRecords.OrderBy(r => r.Sequence).Select(r => r.Sequence).ToListAsync();
        sequences.ShouldBe(Enumerable.Range(1, sequences.Count).Select(i => (long)i).ToList());
    }
}

public sealed class AuditChainConcurrencyTestsOnSqlite(SqliteFixture f) : AuditChainConcurrencyTests(f), IClassFixture<SqliteFixture>;

public sealed class AuditChainConcurrencyTestsOnPostgres(PostgresFixture f) : AuditChainConcurrencyTests(f), IClassFixture<PostgresFixture>;
