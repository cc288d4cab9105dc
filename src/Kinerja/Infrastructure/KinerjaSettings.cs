namespace Kinerja.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>Settings read at start from the environment (see README): where data lives and which database.</summary>
public sealed record KinerjaSettings(string DataDirectory, DatabaseKind Database, string ConnectionString)
{
    /// <summary>How many sign-in attempts (page and token API) are allowed per window, per client address and per user name.</summary>
    public SignInLimits SignIn { get; init; } = SignInLimits.Default;

    /// <summary>
    /// KINERJA_BEHIND_PROXY=true: a reverse proxy on this machine (loopback) terminates HTTPS; its X-Forwarded-For and
    /// X-Forwarded-Proto give the client address (for sign-in limits) and the scheme (secure cookies, HSTS).
    /// </summary>
    public bool BehindProxy { get; init; }

    /// <summary>How many government-wide recaps are computed at once and how many may wait (<see cref="Features.Recap.GovernmentRecapTurns"/>).</summary>
    public GovernmentRecapLimits GovernmentRecaps { get; init; } = GovernmentRecapLimits.Default;

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

        return new KinerjaSettings(dataDir, kind, cs!)
        {
            SignIn = new SignInLimits(
                PerAddress: Positive(config, "KINERJA_SIGNIN_PER_ADDRESS", SignInLimits.Default.PerAddress),
                PerUser: Positive(config, "KINERJA_SIGNIN_PER_USER", SignInLimits.Default.PerUser),
                Window: TimeSpan.FromSeconds(Positive(config, "KINERJA_SIGNIN_WINDOW_SECONDS", (int)SignInLimits.Default.Window.TotalSeconds))),
            BehindProxy = bool.TryParse(config["KINERJA_BEHIND_PROXY"], out var proxy) && proxy,
            GovernmentRecaps = new GovernmentRecapLimits(
                AtOnce: Positive(config, "KINERJA_GOVERNMENT_RECAPS_AT_ONCE", GovernmentRecapLimits.Default.AtOnce),
                Queue: Positive(config, "KINERJA_GOVERNMENT_RECAP_QUEUE", GovernmentRecapLimits.Default.Queue)),
        };
    }

    private static int Positive(IConfiguration config, string key, int fallback)
    {
        var text = config[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : throw new InvalidOperationException($"{key} must be a whole number above zero, not '{text}'.");
    }
}

/// <summary>
/// Sign-in attempts allowed per <paramref name="Window"/>: per client address (slows a spray over many accounts; an office
/// behind one NAT address shares it, hence the larger number) and per user name (slows hammering one account, on top of lockout).
/// </summary>
public sealed record SignInLimits(int PerAddress, int PerUser, TimeSpan Window)
{
    public static readonly SignInLimits Default = new(PerAddress: 60, PerUser: 10, Window: TimeSpan.FromMinutes(1));
}

/// <summary>
/// Government-wide recaps computed at once per process (<paramref name="AtOnce"/>, default one per core) and how many more
/// may wait their turn (<paramref name="Queue"/>); beyond that 503 with Retry-After. A waiting request holds almost no
/// memory, so the queue bounds the wait, not memory: 32 behind 2 cores is about 20 s for a province of 40 agencies x 750
/// indicators (about 1.2 s each on this project's 2-core benchmark machine), within what a browser or proxy waits.
/// </summary>
public sealed record GovernmentRecapLimits(int AtOnce, int Queue)
{
    public static readonly GovernmentRecapLimits Default = new(AtOnce: Math.Max(1, Environment.ProcessorCount), Queue: 32);
}
