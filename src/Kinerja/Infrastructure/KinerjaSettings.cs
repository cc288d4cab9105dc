namespace Kinerja.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>Settings read at start from the environment (see README): where data lives and which database.</summary>
public sealed record KinerjaSettings(string DataDirectory, DatabaseKind Database, string ConnectionString)
{
    public static KinerjaSettings From(IConfiguration config)
    {
        var dataDir = Path.GetFullPath(config["KINERJA_DATA_DIR"] is { Length: > 0 } d ? d : "data");
        var kindText = config["KINERJA_DATABASE"];
        var kind = kindText?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseKind.Sqlite,
            "postgres" or "postgresql" => DatabaseKind.Postgres,
            _ => throw new InvalidOperationException($"KINERJA_DATABASE must be 'sqlite' or 'postgres', not '{kindText}'."),
        };
        var cs = config.GetConnectionString("Kinerja");
        if (kind == DatabaseKind.Postgres && string.IsNullOrWhiteSpace(cs))
        {
            throw new InvalidOperationException(
                "KINERJA_DATABASE=postgres needs ConnectionStrings__Kinerja, e.g. 'Host=localhost;Database=kinerja;Username=kinerja;Password=...'.");
        }

        if (kind == DatabaseKind.Sqlite && string.IsNullOrWhiteSpace(cs))
        {
            cs = $"Data Source={Path.Combine(dataDir, "kinerja.db")};Default Timeout=30;Pooling=True";
        }

        return new KinerjaSettings(dataDir, kind, cs!);
    }
}
