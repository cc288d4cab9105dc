using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace Kinerja.Tests;

/// <summary>
/// <c>kinerja backup</c> and <c>kinerja restore</c> run as an operator runs them (the real executable): a backup of a
/// database in use, restored into a new empty database and data folder, holds every row, every stored file and an
/// intact audit chain; a restore never goes into a database that already has data.
/// </summary>
public abstract class BackupTests(KinerjaFixture f)
{
    [Fact]
    public async Task A_backup_restores_into_an_empty_database_with_every_row_file_and_the_audit_chain()
    {
        await RecapScenario.EnsurePasrujambeAsync(f);
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var coordinator = await f.SignedInAsync("pasrujambe.kasubbag-pk");
        (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/reports", new { kind = "quarterly", period = "2026-Q1" })).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict); // a generated DOCX in the file store

        var work = Directory.CreateTempSubdirectory("kinerja-backup-test-").FullName;
        var (targetDir, targetDb, dropTarget) = await NewTargetAsync(work);
        try
        {
            var file = Path.Combine(work, "cadangan.tar.gz");
            var (code, output) = await RunCliAsync(f.DataDirectory, f.ConnectionString, "backup", file);
            code.ShouldBe(0, output);
            output.ShouldContain("Cadangan dibuat");
            new FileInfo(file).Length.ShouldBeGreaterThan(1000);

            (code, output) = await RunCliAsync(targetDir, targetDb, "restore", file);
            code.ShouldBe(0, output);
            output.ShouldContain("row counts match and the audit chain is intact");

            var files = (string dir) => Directory.GetFiles(Path.Combine(dir, "evidence"), "*", SearchOption.AllDirectories)
                .Select(p => Path.GetFileName(p)).Where(n => !n.EndsWith(".tmp", StringComparison.Ordinal)).Order().ToList();
            files(targetDir).ShouldBe(files(f.DataDirectory));
            files(targetDir).ShouldNotBeEmpty();

            (code, output) = await RunCliAsync(targetDir, targetDb, "audit", "verify");
            code.ShouldBe(0, output);

            // Never into a database that has data: the second restore is refused and changes nothing.
            (code, output) = await RunCliAsync(targetDir, targetDb, "restore", file);
            code.ShouldBe(1, output);
            output.ShouldContain("not empty");
        }
        finally
        {
            await dropTarget();
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<(string DataDir, string ConnectionString, Func<Task> Drop)> NewTargetAsync(string work)
    {
        var dataDir = Directory.CreateDirectory(Path.Combine(work, "data")).FullName;
        if (f is not PostgresFixture)
        {
            return (dataDir, $"Data Source={Path.Combine(dataDir, "kinerja.db")};Pooling=False", () => Task.CompletedTask);
        }

        var server = Environment.GetEnvironmentVariable("KINERJA_TEST_POSTGRES")!;
        var name = "kinerja_restore_" + Guid.NewGuid().ToString("N")[..10];
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        return (dataDir, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(server);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn) { CommandTimeout = 0 }; // dropping waits for a checkpoint
            await cmd.ExecuteNonQueryAsync();
        });
    }

    private Task<(int Code, string Output)> RunCliAsync(string dataDir, string connectionString, params string[] args) =>
        Repo.RunCliAsync(f, dataDir, connectionString, args);
}

public sealed class BackupTestsOnSqlite(SqliteFixture f) : BackupTests(f), IClassFixture<SqliteFixture>;

public sealed class BackupTestsOnPostgres(PostgresFixture f) : BackupTests(f), IClassFixture<PostgresFixture>;
