using Microsoft.Data.Sqlite;

namespace Kinerja.Infrastructure;

/// <summary>
/// The machine's ceiling for load tests (bench/load), measured in the same run as the real endpoints:
/// <c>POST /load-probe/raw-insert</c> writes one row into a SQLite file of its own with plain ADO.NET (no EF Core,
/// no sign-in, no validation, no audit record), with the same journal settings and the same one-writer-at-a-time
/// queue as the application's database. Mapped only when <c>KINERJA_LOAD_PROBES=true</c>; never in production.
/// </summary>
public static class LoadProbes
{
    public const string Setting = "KINERJA_LOAD_PROBES";

    public static void MapLoadProbes(this WebApplication app)
    {
        if (!string.Equals(app.Configuration[Setting], "true", StringComparison.OrdinalIgnoreCase)) return;
        var file = Path.Combine(app.Services.GetRequiredService<KinerjaSettings>().DataDirectory, "load-probe.db");
        var connectionString = $"Data Source={file};Pooling=True;Default Timeout=30";
        using (var c = new SqliteConnection(connectionString))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, value TEXT NOT NULL, at INTEGER NOT NULL)";
            cmd.ExecuteNonQuery();
        }

        var gate = new SemaphoreSlim(1, 1);
        app.MapPost("/load-probe/raw-insert", async (CancellationToken ct) =>
        {
            await gate.WaitAsync(ct);
            try
            {
                await using var c = new SqliteConnection(connectionString);
                await c.OpenAsync(ct);
                await using var cmd = c.CreateCommand();
                cmd.CommandText = "PRAGMA synchronous=NORMAL; INSERT INTO probe (value, at) VALUES ($v, $t)";
                cmd.Parameters.AddWithValue("$v", Random.Shared.Next(1, 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
                cmd.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                await cmd.ExecuteNonQueryAsync(ct);
            }
            finally
            {
                gate.Release();
            }

            return Results.NoContent();
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }
}
