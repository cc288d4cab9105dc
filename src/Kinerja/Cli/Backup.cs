using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Features.Audit;
using Kinerja.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kinerja.Cli;

/// <summary>What a backup holds, written first into it: the database kind, the schema, every table's row count and the audit head.</summary>
public sealed record BackupManifest(int Format, string Database, string Migration, DateTimeOffset CreatedAt, Dictionary<string, long> Rows, long AuditSequence, string AuditHash);

/// <summary>
/// <c>kinerja backup</c> and <c>kinerja restore</c>: one .tar.gz with the database (SQLite through its online backup API, which
/// is consistent while the server runs; PostgreSQL through <c>pg_dump --format=custom</c>), the uploaded and generated files
/// (content-addressed, so copying them is enough) and the data-protection keys, plus a manifest. Restore goes into an empty
/// database of the same kind only, then checks every table's row count against the manifest and the audit hash chain.
/// The archive holds password hashes and keys: keep it as safe as the server.
/// </summary>
public static class Backup
{
    private const string ManifestName = "kinerja-backup.json";
    private const string SqliteName = "database.sqlite";
    private const string PostgresName = "database.pgdump";
    private static readonly string[] Folders = ["evidence", "keys"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<BackupManifest> CreateAsync(IServiceProvider services, string target, CancellationToken ct)
    {
        var settings = services.GetRequiredService<KinerjaSettings>();
        var work = Directory.CreateTempSubdirectory("kinerja-backup-").FullName;
        try
        {
            var manifest = await ManifestAsync(services, ct);
            await File.WriteAllTextAsync(Path.Combine(work, ManifestName), JsonSerializer.Serialize(manifest, Json), ct);
            if (settings.Database == DatabaseKind.Sqlite)
            {
                await using var source = new SqliteConnection(settings.ConnectionString);
                await source.OpenAsync(ct);
                await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(work, SqliteName), Pooling = false }.ConnectionString);
                await copy.OpenAsync(ct);
                source.BackupDatabase(copy);
            }
            else
            {
                await PgToolAsync("pg_dump", settings.ConnectionString, ["--format=custom", "--no-owner", "--no-privileges", "--file", Path.Combine(work, PostgresName)], ct);
            }

            foreach (var folder in Folders)
            {
                var from = Path.Combine(settings.DataDirectory, folder);
                if (Directory.Exists(from)) CopyTree(from, Path.Combine(work, folder), overwrite: false);
            }

            var full = Path.GetFullPath(target);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temp = full + ".part";
            await using (var file = File.Create(temp))
            await using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
            {
                await TarFile.CreateFromDirectoryAsync(work, gzip, includeBaseDirectory: false, ct);
            }

            File.Move(temp, full, overwrite: true);
            return manifest;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Restores <paramref name="source"/> into the configured database, which must be empty; returns the problems found after (none when whole).</summary>
    public static async Task<IReadOnlyList<string>> RestoreAsync(IServiceProvider services, string source, CancellationToken ct)
    {
        var settings = services.GetRequiredService<KinerjaSettings>();
        var work = Directory.CreateTempSubdirectory("kinerja-restore-").FullName;
        try
        {
            await using (var file = File.OpenRead(source))
            await using (var gzip = new GZipStream(file, CompressionMode.Decompress))
            {
                await TarFile.ExtractToDirectoryAsync(gzip, work, overwriteFiles: false, ct);
            }

            var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(work, ManifestName), ct), Json)
                           ?? throw new InvalidOperationException("The backup has no manifest.");
            var kind = settings.Database == DatabaseKind.Sqlite ? "sqlite" : "postgres";
            if (manifest.Database != kind)
            {
                throw new InvalidOperationException($"This backup is of a {manifest.Database} database; the configured database is {kind}. Restore into the same kind.");
            }

            await EnsureEmptyAsync(settings, ct);
            if (settings.Database == DatabaseKind.Sqlite)
            {
                var path = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                SqliteConnection.ClearAllPools();
                foreach (var stale in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists)) File.Delete(stale);
                File.Copy(Path.Combine(work, SqliteName), path);
            }
            else
            {
                await PgToolAsync("pg_restore", settings.ConnectionString, ["--no-owner", "--no-privileges", "--exit-on-error", Path.Combine(work, PostgresName)], ct,
                    dbnameFlag: "--dbname");
            }

            foreach (var folder in Folders)
            {
                var from = Path.Combine(work, folder);
                if (Directory.Exists(from)) CopyTree(from, Path.Combine(settings.DataDirectory, folder), overwrite: false);
            }

            var problems = new List<string>();
            var now = await ManifestAsync(services, ct);
            foreach (var (table, rows) in manifest.Rows)
            {
                var found = now.Rows.GetValueOrDefault(table, -1);
                if (found != rows) problems.Add($"{table}: {found} rows restored, the backup has {rows}.");
            }

            if (now.AuditSequence != manifest.AuditSequence || now.AuditHash != manifest.AuditHash) problems.Add("The audit head differs from the backup's.");
            using var scope = services.CreateScope();
            var verdict = await scope.ServiceProvider.GetRequiredService<VerifyAudit>().HandleAsync(ct);
            if (!verdict.Intact) problems.Add($"The audit chain breaks at record {verdict.BrokenAt}.");
            return problems;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Every table of the model with its row count, the applied schema and the audit head.</summary>
    private static async Task<BackupManifest> ManifestAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KinerjaDbContext>();
        var settings = scope.ServiceProvider.GetRequiredService<KinerjaSettings>();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                rows[table] = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var migration = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault() ?? "";
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == 1, ct);
        return new BackupManifest(1, settings.Database == DatabaseKind.Sqlite ? "sqlite" : "postgres", migration, DateTimeOffset.UtcNow, rows, head.Sequence, head.Hash);
    }

    /// <summary>Restore never merges into data: the target database must have no tables yet (create it, do not migrate it).</summary>
    private static async Task EnsureEmptyAsync(KinerjaSettings settings, CancellationToken ct)
    {
        if (settings.Database == DatabaseKind.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            if (!File.Exists(path) || new FileInfo(path).Length == 0) return;
            await using var c = new SqliteConnection(settings.ConnectionString);
            await c.OpenAsync(ct);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'";
            if (Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                throw new InvalidOperationException($"The database {path} is not empty. Restore into a new, empty database (move the old file away first).");
            }

            return;
        }

        await using var pg = new NpgsqlConnection(settings.ConnectionString);
        await pg.OpenAsync(ct);
        await using var q = new NpgsqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", pg);
        if ((long)(await q.ExecuteScalarAsync(ct))! > 0)
        {
            throw new InvalidOperationException($"The database {pg.Database} is not empty. Restore into a new, empty database (CREATE DATABASE ...).");
        }
    }

    /// <summary>Runs pg_dump or pg_restore with the connection's server, user and password (through PG* variables, never the command line).</summary>
    private static async Task PgToolAsync(string tool, string connectionString, IReadOnlyList<string> args, CancellationToken ct, string? dbnameFlag = null)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var program = new[] { $"/usr/bin/{tool}" }.Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin", tool))
                : [])
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException($"{tool} is not installed (Debian: apt-get install postgresql-client).");
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add(dbnameFlag ?? "--dbname");
        start.ArgumentList.Add(cs.Database ?? "");
        start.Environment["PGHOST"] = cs.Host ?? "localhost";
        start.Environment["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = cs.Username ?? "";
        start.Environment["PGPASSWORD"] = cs.Password ?? "";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }

    private static void CopyTree(string from, string to, bool overwrite)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(to, Path.GetRelativePath(from, file));
            if (overwrite || !File.Exists(dest)) File.Copy(file, dest, overwrite);
        }
    }
}
