using Microsoft.EntityFrameworkCore;

namespace Kinerja.Tests;

/// <summary>Paths in the repository the tests read or run (README, sources, the built executable).</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kinerja.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (Kinerja.slnx) not found");
    }

    /// <summary>The application built by the solution build, in the same configuration as the tests.</summary>
    public static string KinerjaDll()
    {
        var config = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // Debug or Release
        var dll = Path.Combine(Root, "src", "Kinerja", "bin", config, "net10.0", "kinerja.dll");
        File.Exists(dll).ShouldBeTrue($"{dll} is built by the solution build");
        return dll;
    }

    /// <summary>Runs the real executable with <paramref name="args"/> against a data folder and database, as an operator would.</summary>
    public static Task<(int Code, string Output)> RunCliAsync(KinerjaFixture f, string dataDir, string connectionString, params string[] args) =>
        RunCliAsync(f is PostgresFixture ? "postgres" : "sqlite", dataDir, connectionString, args);

    /// <summary>Runs the real executable with <paramref name="args"/> on a database of <paramref name="kind"/> (sqlite or postgres).</summary>
    public static async Task<(int Code, string Output)> RunCliAsync(string kind, string dataDir, string connectionString, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(KinerjaDll());
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["KINERJA_DATA_DIR"] = dataDir;
        start.Environment["KINERJA_DATABASE"] = kind;
        start.Environment["ConnectionStrings__Kinerja"] = connectionString;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>A fresh database and data folder for a test that runs the real executable: SQLite in the folder, or a new
/// PostgreSQL database on the server named by KINERJA_TEST_POSTGRES. Disposing drops both.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string _server = "";
    private readonly string _name = "";

    private ScratchDatabase(bool postgres, string dataDir, string connectionString, string server, string name)
    {
        Postgres = postgres;
        DataDirectory = dataDir;
        ConnectionString = connectionString;
        _server = server;
        _name = name;
    }

    public bool Postgres { get; }

    public string Kind => Postgres ? "postgres" : "sqlite";

    public string DataDirectory { get; }

    public string ConnectionString { get; }

    public string SqliteFile => Path.Combine(DataDirectory, "kinerja.db");

    public static async Task<ScratchDatabase> CreateAsync(bool postgres)
    {
        var dataDir = Directory.CreateTempSubdirectory("kinerja-process-test-").FullName;
        if (!postgres)
        {
            return new ScratchDatabase(false, dataDir, $"Data Source={Path.Combine(dataDir, "kinerja.db")};Default Timeout=30", "", "");
        }

        var server = Environment.GetEnvironmentVariable("KINERJA_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server)) throw new InvalidOperationException("KINERJA_TEST_POSTGRES is not set; run the tests with ./test.sh.");
        var name = "kinerja_proc_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new Npgsql.NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        return new ScratchDatabase(true, dataDir, new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, server, name);
    }

    /// <summary>The application's own DbContext on this database, for checks behind the server's back.</summary>
    public Kinerja.Data.KinerjaDbContext NewDbContext() => Postgres
        ? new Kinerja.Data.PostgresKinerjaDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Kinerja.Data.PostgresKinerjaDbContext>()
            .UseNpgsql(ConnectionString).Options)
        : new Kinerja.Data.SqliteKinerjaDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Kinerja.Data.SqliteKinerjaDbContext>()
            .UseSqlite(ConnectionString + ";Pooling=False").Options);

    public Task<(int Code, string Output)> RunCliAsync(params string[] args) => Repo.RunCliAsync(Kind, DataDirectory, ConnectionString, args);

    public async ValueTask DisposeAsync()
    {
        if (Postgres)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var conn = new Npgsql.NpgsqlConnection(_server);
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", conn) { CommandTimeout = 0 }; // dropping waits for a checkpoint
            await cmd.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// The real server (<c>dotnet kinerja.dll --urls ...</c>) as a separate process on a free local port, with its output
/// kept for assertions. <see cref="Kill"/> is SIGKILL of the whole tree: no shutdown code runs.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    public const string AdminPassword = "Admin#Test2026";

    private readonly System.Diagnostics.Process _process;
    private readonly System.Text.StringBuilder _output = new();
    private bool _disposed;

    private ServerProcess(System.Diagnostics.Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts the server; it answers once migrations and seeding are done (see <see cref="WaitHealthyAsync"/>).</summary>
    public static ServerProcess Start(ScratchDatabase db, int? port = null, IDictionary<string, string>? environment = null)
    {
        port ??= FreePort();
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Repo.KinerjaDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["KINERJA_DATA_DIR"] = db.DataDirectory;
        start.Environment["KINERJA_DATABASE"] = db.Kind;
        start.Environment["ConnectionStrings__Kinerja"] = db.ConnectionString;
        start.Environment["KINERJA_ADMIN_PASSWORD"] = AdminPassword;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        return new ServerProcess(System.Diagnostics.Process.Start(start)!, port.Value);
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until GET /health answers 200; fails with the server's output when it exits or takes too long.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(TimeSpan? timeout = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(90);
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (_process.HasExited) throw new ShouldAssertException($"the server exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == System.Net.HttpStatusCode.OK) return watch.Elapsed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (watch.Elapsed > limit) throw new ShouldAssertException($"the server did not answer /health in {limit}:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>A client of this server; with <paramref name="cookies"/> it keeps cookies like a browser.</summary>
    public HttpClient Client(System.Net.CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies is not null, CookieContainer = cookies ?? new System.Net.CookieContainer() })
        {
            BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>A bearer token from POST /api/v1/auth/token.</summary>
    public async Task<string> TokenAsync(string userName, string? password = null)
    {
        using var client = Client();
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/v1/auth/token",
            new { username = userName, password = password ?? (userName == "admin" ? AdminPassword : Kinerja.Demo.DemoSeeder.DefaultPassword) });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>An API client signed in with a bearer token.</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TokenAsync(userName));
        return client;
    }

    /// <summary>SIGKILL, whole process tree, then waits for it to be gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Kill();
        _process.Dispose();
    }
}
