using Kinerja.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kinerja.Infrastructure;

/// <summary>
/// The machine's ceiling for load tests (bench/load), measured in the same run as the real endpoints:
/// <c>POST /load-probe/raw-insert</c> writes one row into a SQLite file of its own with plain ADO.NET (no EF Core,
/// no sign-in, no validation, no audit record), with the same journal settings and the same one-writer-at-a-time
/// queue as the application's database. Two more measure the parts every save is made of, alone:
/// <c>POST /load-probe/ef-insert</c> writes the same row through EF Core (a pooled context with the application's connection
/// settings, one SaveChanges; no sign-in, no audit), and <c>GET /load-probe/signed-in</c> checks an API bearer token and loads the user's positions, as every
/// API request does before its own work. Mapped only when <c>KINERJA_LOAD_PROBES=true</c>; never in production.
/// </summary>
public static class LoadProbes
{
    public const string Setting = "KINERJA_LOAD_PROBES";

    public static void MapLoadProbes(this WebApplication app)
    {
        if (!string.Equals(app.Configuration[Setting], "true", StringComparison.OrdinalIgnoreCase)) return;
        var folder = app.Services.GetRequiredService<KinerjaSettings>().DataDirectory;
        Directory.CreateDirectory(folder); // the pipeline is built before start-up makes it
        var file = Path.Combine(folder, "load-probe.db");
        var connectionString = $"Data Source={file};Pooling=True;Default Timeout=30";
        using (var c = new SqliteConnection(connectionString))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, value TEXT NOT NULL, at INTEGER NOT NULL)";
            cmd.ExecuteNonQuery();
        }

        // Both inserts write the same row, one writer at a time (as the application's SQLite writers take turns).
        var gate = new SemaphoreSlim(1, 1);
        async Task<IResult> OneAtATime(Func<ProbeRow, CancellationToken, Task> insert, CancellationToken ct)
        {
            await gate.WaitAsync(ct);
            try
            {
                await insert(new ProbeRow
                {
                    Value = Random.Shared.Next(1, 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    At = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                }, ct);
            }
            finally
            {
                gate.Release();
            }

            return Results.NoContent();
        }

        app.MapPost("/load-probe/raw-insert", (CancellationToken ct) => OneAtATime(async (row, ct) =>
        {
            await using var c = new SqliteConnection(connectionString);
            await c.OpenAsync(ct);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA synchronous=NORMAL; INSERT INTO probe (value, at) VALUES ($v, $t)";
            cmd.Parameters.AddWithValue("$v", row.Value);
            cmd.Parameters.AddWithValue("$t", row.At);
            await cmd.ExecuteNonQueryAsync(ct);
        }, ct)).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        var contexts = new PooledDbContextFactory<ProbeContext>(new DbContextOptionsBuilder<ProbeContext>()
            .UseSqlite(connectionString).AddInterceptors(new Data.SqlitePragmas()).Options);
        app.MapPost("/load-probe/ef-insert", (CancellationToken ct) => OneAtATime(async (row, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            db.Probe.Add(row);
            await db.SaveChangesAsync(ct);
        }, ct)).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        app.MapGet("/load-probe/signed-in", async (CurrentUser me, CancellationToken ct) => (await me.LoadAsync(ct)).Grants.Count)
            .RequireAuthorization(Api.ApiAuth.Policy).ExcludeFromDescription();
    }

    public sealed class ProbeRow
    {
        public long Id { get; set; }
        public string Value { get; set; } = "";
        public long At { get; set; }
    }

    public sealed class ProbeContext(DbContextOptions<ProbeContext> options) : DbContext(options)
    {
        public DbSet<ProbeRow> Probe => Set<ProbeRow>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<ProbeRow>().ToTable("probe");
    }
}
