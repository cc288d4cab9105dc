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
            var clock = Stopwatch.StartNew();
            await Database.MigrateAsync(app.Services);
            var migrated = clock.Elapsed;
            await db.InsertAsync();
            log.WriteLine(FormattableString.Invariant($"[{kind}] migrations {migrated.TotalSeconds:F1} s, data {(clock.Elapsed - migrated).TotalSeconds:F1} s: {data.Describe()}"));
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private async Task InsertAsync()
    {
        if (Kind == Sqlite) await InsertSqliteAsync();
        else await InsertPostgresAsync();
    }

    private async Task InsertSqliteAsync()
    {
        var toBinary = new DateTimeOffsetToBinaryConverter();
        await using var conn = new SqliteConnection(ConnectionString);
        await conn.OpenAsync();
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync();
        foreach (var table in Data.Tables)
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

    private async Task InsertPostgresAsync()
    {
        await using (var conn = new NpgsqlConnection(ConnectionString))
        {
            await conn.OpenAsync();
            foreach (var table in Data.Tables)
            {
                await using var import = await conn.BeginBinaryImportAsync(
                    $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
                foreach (var row in table.Rows)
                {
                    await import.StartRowAsync();
                    foreach (var value in row)
                    {
                        switch (value)
                        {
                            case null: await import.WriteNullAsync(); break;
                            case Guid g: await import.WriteAsync(g, NpgsqlDbType.Uuid); break;
                            case string s: await import.WriteAsync(s, NpgsqlDbType.Text); break;
                            case int i: await import.WriteAsync(i, NpgsqlDbType.Integer); break;
                            case decimal d: await import.WriteAsync(d, NpgsqlDbType.Numeric); break;
                            case DateTimeOffset t: await import.WriteAsync(t.ToUniversalTime(), NpgsqlDbType.TimestampTz); break;
                            default: throw new InvalidOperationException($"{table.Name}: unexpected {value.GetType()}");
                        }
                    }
                }

                await import.CompleteAsync();
            }

            // A loaded server has statistics (autovacuum gathers them within a minute or so of a bulk load).
            await using var analyze = new NpgsqlCommand("ANALYZE", conn);
            await analyze.ExecuteNonQueryAsync();
        }
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
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
