using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kinerja.Data;
using Kinerja.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kinerja.Tests;

/// <summary>
/// The real application over HTTP, on a fresh database: SQLite in a temporary folder, or a fresh
/// PostgreSQL database on the server named by KINERJA_TEST_POSTGRES (the test script starts one).
/// The demo agencies are seeded at start, as on a user's first run.
/// </summary>
public abstract class KinerjaFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Admin#Test2026";
    public const string DemoPassword = DemoSeeder.DefaultPassword;

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "kinerja-test-" + Guid.NewGuid().ToString("N"));

    protected abstract string DatabaseKind { get; }

    public string ConnectionString { get; protected set; } = "";

    public string DataDirectory => _dataDir;

    protected virtual Task CreateDatabaseAsync() => Task.CompletedTask;

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("KINERJA_DATA_DIR", _dataDir);
        builder.UseSetting("KINERJA_DATABASE", DatabaseKind);
        builder.UseSetting("ConnectionStrings:Kinerja", ConnectionString);
        builder.UseSetting("KINERJA_ADMIN_PASSWORD", AdminPassword);
        // The suite signs in dozens of users, again and again, from one in-process client (no client address): the
        // production sign-in limits would answer 429. SignInLimitTests checks those limits with their defaults.
        builder.UseSetting("KINERJA_SIGNIN_PER_ADDRESS", "1000000");
        builder.UseSetting("KINERJA_SIGNIN_PER_USER", "1000000");
        builder.UseEnvironment("Production");
    }

    public virtual async ValueTask InitializeAsync()
    {
        await CreateDatabaseAsync();
        StartServer(); // migrations and demo seeding run before it answers
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
            await DropDatabaseAsync();
        }
        catch (Exception e)
        {
            // Tearing down the throw-away server and database is not under test, and a rare failure here (seen on loaded
            // machines, cause not yet found) failed whole runs whose tests all passed. It is written down instead, where
            // the runner (which reports a failed class cleanup without its exception) does not hide it.
            var text = $"{DateTimeOffset.UtcNow:O} {GetType().Name} cleanup failed: {e}";
            await Console.Error.WriteLineAsync(text);
            await File.AppendAllTextAsync(Path.Combine(Path.GetTempPath(), "kinerja-test-cleanup-failures.log"), text + Environment.NewLine);
        }

        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    public KinerjaDbContext NewDbContext()
    {
        var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<KinerjaDbContext>();
    }

    /// <summary>An API client signed in as <paramref name="userName"/> with a bearer token.</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string? password = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/token",
            new { username = userName, password = password ?? (userName == "admin" ? AdminPassword : DemoPassword) });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Token);
        return client;
    }

    public async Task<Guid> AgencyIdAsync(string name)
    {
        await using var db = NewDbContext();
        return await db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
    }

    public async Task<Guid> UnitIdAsync(string agency, string unit)
    {
        await using var db = NewDbContext();
        var agencyId = await AgencyIdAsync(agency);
        return await db.Units.Where(u => u.AgencyId == agencyId && u.Name == unit).Select(u => u.Id).SingleAsync();
    }

    private sealed record TokenBody(string Token, DateTimeOffset ExpiresAt);
}

public class SqliteFixture : KinerjaFixture
{
    protected override string DatabaseKind => "sqlite";
}

public class PostgresFixture : KinerjaFixture
{
    private string _database = "";
    private string _server = "";

    protected override string DatabaseKind => "postgres";

    protected override async Task CreateDatabaseAsync()
    {
        _server = Environment.GetEnvironmentVariable("KINERJA_TEST_POSTGRES") ?? "";
        if (string.IsNullOrEmpty(_server))
        {
            throw new InvalidOperationException(
                "KINERJA_TEST_POSTGRES is not set. Run the tests with ./test.sh, which installs and starts PostgreSQL, " +
                "or set it to a server connection string such as 'Host=127.0.0.1;Username=kinerja;Password=kinerja'.");
        }

        _database = "kinerja_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var conn = new NpgsqlConnection(_server);
        await conn.OpenAsync();
        await using (var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", conn)) await cmd.ExecuteNonQueryAsync();
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (string.IsNullOrEmpty(_database)) return;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(_server);
        await conn.OpenAsync();
        // Dropping waits for a checkpoint, which can take longer than Npgsql's default 30 s while other test classes write
        // on a loaded machine: no command timeout. FORCE waits 5 s for the database's sessions to end; one may take longer
        // ("being accessed by other users", 55006), so try again a few times before failing the class's cleanup.
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn) { CommandTimeout = 0 };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await cmd.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }
}
