using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Tests;

/// <summary>
/// Someone edits or deletes audit rows directly in the database, behind the application's back:
/// both `kinerja audit verify` and GET /api/v1/audit/verify say where the chain breaks.
/// Each provider gets its own fixture, because these tests break the chain on purpose.
/// </summary>
public abstract class AuditTamperTests(KinerjaFixture f)
{
    [Fact]
    public async Task Tampering_with_audit_rows_is_detected_by_the_api_and_the_command_line()
    {
        var admin = await f.SignedInAsync("admin");
        (await admin.GetJson("/api/v1/audit/verify")).GetProperty("intact").GetBoolean().ShouldBeTrue();
        var (code, output) = await RunCliAsync("audit", "verify");
        code.ShouldBe(0, output);
        output.ShouldContain("Jejak audit utuh");

        await using var db = f.NewDbContext();
        var target = await db.AuditRecords.AsNoTracking().Where(r => r.EntityType == "OrgUnit").OrderBy(r => r.Sequence).FirstAsync();
        var original = target.After!;
        await db.Database.ExecuteSqlAsync($"""UPDATE "AuditRecords" SET "After" = {"{\"Name\":\"Unit Palsu\"}"} WHERE "Sequence" = {target.Sequence}""");

        var verdict = await admin.GetJson("/api/v1/audit/verify");
        verdict.GetProperty("intact").GetBoolean().ShouldBeFalse();
        verdict.GetProperty("brokenAt").GetInt64().ShouldBe(target.Sequence);
        verdict.GetProperty("reason").GetString()!.ShouldContain("telah diubah");
        (code, output) = await RunCliAsync("audit", "verify");
        code.ShouldBe(2, output);
        output.ShouldContain($"catatan nomor {target.Sequence}");

        // Put it back: the chain is whole again, so the check points at the edit and nothing else.
        await db.Database.ExecuteSqlAsync($"""UPDATE "AuditRecords" SET "After" = {original} WHERE "Sequence" = {target.Sequence}""");
        (await admin.GetJson("/api/v1/audit/verify")).GetProperty("intact").GetBoolean().ShouldBeTrue();

        // Deleting the newest record (hiding the last change) is seen too.
        var last = await db.AuditRecords.MaxAsync(r => r.Sequence);
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditRecords" WHERE "Sequence" = {last}""");
        verdict = await admin.GetJson("/api/v1/audit/verify");
        verdict.GetProperty("intact").GetBoolean().ShouldBeFalse();
        verdict.GetProperty("brokenAt").GetInt64().ShouldBe(last);
        (code, output) = await RunCliAsync("audit", "verify");
        code.ShouldBe(2, output);
    }

    [Fact]
    public async Task Command_line_verbs_have_help()
    {
        foreach (var verb in new[] { new[] { "--help" }, ["migrate", "--help"], ["demo", "--help"], ["user", "create", "--help"], ["audit", "verify", "--help"], ["backup", "--help"], ["restore", "--help"] })
        {
            var (code, output) = await RunCliAsync(verb);
            code.ShouldBe(0, output);
            output.ShouldContain("Usage:");
        }
    }

    /// <summary>Runs the real executable against the fixture's database, as an operator would.</summary>
    private Task<(int Code, string Output)> RunCliAsync(params string[] args) => Repo.RunCliAsync(f, f.DataDirectory, f.ConnectionString, args);
}

public sealed class AuditTamperTestsOnSqlite(SqliteFixture f) : AuditTamperTests(f), IClassFixture<SqliteFixture>;

public sealed class AuditTamperTestsOnPostgres(PostgresFixture f) : AuditTamperTests(f), IClassFixture<PostgresFixture>;
