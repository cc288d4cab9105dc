using Kinerja.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data;

public static class Database
{
    /// <summary>Applies pending migrations; on SQLite also switches to WAL so readers never wait for writers.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KinerjaDbContext>();
        var settings = scope.ServiceProvider.GetRequiredService<KinerjaSettings>();
        if (settings.Database == DatabaseKind.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir)
            {
                Directory.CreateDirectory(dir);
            }
        }

        await db.Database.MigrateAsync(ct);
        if (settings.Database == DatabaseKind.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
