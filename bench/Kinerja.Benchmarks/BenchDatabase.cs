using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Kinerja.Data;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace Kinerja.Benchmarks;

/// <summary>
/// A throw-away database with the application's schema (its own migrations, through its own service setup) and the
/// generated data: SQLite in a temporary folder, or a fresh database on the PostgreSQL server given by
/// KINERJA_BENCH_POSTGRES (else KINERJA_TEST_POSTGRES, which ./test.sh sets).
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly string? _folder;
    private readonly string? _server;
    private readonly string? _database;

    private BenchDatabase(string kind, string connectionString, string? folder, string? server, string? database, DataSet data, WebApplication app)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _folder = folder;
        _server = server;
        _database = database;
        Data = data;
        App = app;
    }

    public string Kind { get; }
    public string ConnectionString { get; }
    public DataSet Data { get; }

    /// <summary>The application's service provider (built as the web app builds it, never started: no HTTP).</summary>
    public WebApplication App { get; }

    /// <summary>A PostgreSQL database loaded by an earlier run and kept (KINERJA_BENCH_KEEP=1), to time again without loading.</summary>
    public static string? Reused => Environment.GetEnvironmentVariable("KINERJA_BENCH_REUSE") is { Length: > 0 } r ? r : null;

    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable("KINERJA_BENCH_POSTGRES") is { Length: > 0 } s ? s
        : Environment.GetEnvironmentVariable("KINERJA_TEST_POSTGRES") is { Length: > 0 } t ? t : null;

    public DbConnection NewConnection() => Kind == Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);

    /// <summary>How an id is passed to hand-written SQL: SQLite stores GUIDs as upper-case text (as EF Core does).</summary>
    public object IdParameter(Guid id) => Kind == Sqlite ? id.ToString().ToUpperInvariant() : id;

    public static Guid ReadId(object value) => value switch
    {
        Guid g => g,
        string s => Guid.Parse(s),
        _ => throw new InvalidOperationException($"Unexpected id {value}"),
    };

    public static async Task<BenchDatabase> CreateAsync(string kind, DataSet data, TextWriter log)
    {
        string connectionString;
        string? folder = null, database = null;
        var server = kind == Postgres ? PostgresServer ?? throw new InvalidOperationException("No PostgreSQL server: set KINERJA_BENCH_POSTGRES.") : null;
        if (kind == Sqlite)
        {
            folder = Path.Combine(Path.GetTempPath(), "kinerja-bench-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(folder);
            // The application's own default connection string for its data folder (KinerjaSettings).
            connectionString = $"Data Source={Path.Combine(folder, "kinerja.db")};Default Timeout=30;Pooling=True";
        }
        else if (Reused is { } name)
        {
            connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        }
        else
        {
            database = "kinerja_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using var conn = new NpgsqlConnection(server);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", conn);
            await cmd.ExecuteNonQueryAsync();
            connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        }

        var builder = KinerjaApp.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KINERJA_DATA_DIR"] = folder ?? Path.Combine(Path.GetTempPath(), "kinerja-bench-pg"),
            ["KINERJA_DATABASE"] = kind,
            ["ConnectionStrings:Kinerja"] = connectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            // The first migration of an empty PostgreSQL database probes a missing history table, which EF Core logs as an error.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Critical",
        });
        var app = builder.Build();
        var db = new BenchDatabase(kind, connectionString, folder, server, database, data, app);
        try
        {
            if (kind == Postgres && Reused is not null)
            {
                log.WriteLine($"[{kind}] reusing the loaded database {Reused} (KINERJA_BENCH_REUSE); the agreement check tells whether it holds this data set.");
                return db;
            }

            var clock = Stopwatch.StartNew();
            await Database.MigrateAsync(app.Services);
            var migrated = clock.Elapsed;
            var counts = await db.InsertAsync(data);
            foreach (var part in data.OtherGovernments())
            {
                foreach (var (table, rows) in await db.InsertAsync(part)) counts[table] += rows;
            }

            if (kind == Postgres) await db.AnalyzeAsync();
            log.WriteLine(FormattableString.Invariant($"[{kind}] migrations {migrated.TotalSeconds:F1} s, data {(clock.Elapsed - migrated).TotalSeconds:F1} s: ")
                          + string.Join(", ", counts.Select(c => $"{c.Key} {c.Value.ToString("N0", CultureInfo.InvariantCulture)}")));
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes the rows of <paramref name="data"/>; returns how many per table.</summary>
    private async Task<Dictionary<string, long>> InsertAsync(DataSet data)
    {
        if (Kind == Sqlite) await InsertSqliteAsync(data);
        else await Task.Run(() => InsertPostgres(data));
        return data.Tables.ToDictionary(t => t.Name, t => (long)t.Rows.Count);
    }

    private async Task InsertSqliteAsync(DataSet data)
    {
        var toBinary = new DateTimeOffsetToBinaryConverter();
        await using var conn = new SqliteConnection(ConnectionString);
        await conn.OpenAsync();
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync();
        foreach (var table in data.Tables)
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) " +
                              $"VALUES ({string.Join(", ", table.Columns.Select((_, n) => $"$p{n}"))})";
            var parameters = table.Columns.Select((_, n) => cmd.Parameters.Add(new SqliteParameter($"$p{n}", null))).ToArray();
            foreach (var row in table.Rows)
            {
                for (var n = 0; n < row.Length; n++)
                {
                    // Stored as EF Core's SQLite provider stores them: GUIDs as upper-case text, decimals as text,
                    // DateTimeOffset as the binary long of the context's converter.
                    parameters[n].Value = row[n] switch
                    {
                        null => DBNull.Value,
                        Guid g => g.ToString().ToUpperInvariant(),
                        decimal d => d.ToString("0.0###########################", CultureInfo.InvariantCulture),
                        DateTimeOffset t => toBinary.ConvertToProvider(t),
                        var v => v,
                    };
                }

                await cmd.ExecuteNonQueryAsync();
            }
        }

        await tx.CommitAsync();
    }

    /// <summary>Binary COPY, table by table (synchronous: millions of rows for <c>--national</c>).</summary>
    private void InsertPostgres(DataSet data)
    {
        using var conn = new NpgsqlConnection(ConnectionString);
        conn.Open();
        foreach (var table in data.Tables)
        {
            using var import = conn.BeginBinaryImport(
                $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in table.Rows)
            {
                import.StartRow();
                foreach (var value in row)
                {
                    switch (value)
                    {
                        case null: import.WriteNull(); break;
                        case Guid g: import.Write(g, NpgsqlDbType.Uuid); break;
                        case string s: import.Write(s, NpgsqlDbType.Text); break;
                        case int i: import.Write(i, NpgsqlDbType.Integer); break;
                        case decimal d: import.Write(d, NpgsqlDbType.Numeric); break;
                        case DateTimeOffset t: import.Write(t.ToUniversalTime(), NpgsqlDbType.TimestampTz); break;
                        default: throw new InvalidOperationException($"{table.Name}: unexpected {value.GetType()}");
                    }
                }
            }

            import.Complete();
        }
    }

    /// <summary>A loaded server has statistics (autovacuum gathers them within a minute or so of a bulk load).</summary>
    private async Task AnalyzeAsync()
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE", conn) { CommandTimeout = 600 };
        await analyze.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (Environment.GetEnvironmentVariable("KINERJA_BENCH_KEEP") is { Length: > 0 })
        {
            Console.WriteLine($"[{Kind}] kept: {ConnectionString}");
            return;
        }

        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }

        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_server);
            await conn.OpenAsync();
            // Not WITH (FORCE): that may not end the autovacuum worker a bulk load starts (a superuser's process); a plain
            // DROP stops autovacuum itself, and the bench's own connections are closed above.
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
