using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

// The deadline surge (issue 8): every unit of a province fills its worksheet line by line and submits it, all at
// once, against the real server in its own process. Usage (bench/load/surge.sh builds and runs it):
//   Kinerja.Surge --server path/to/kinerja.dll [--agencies 40] [--units 25] [--lines 30] [--connections 256] [--port 5097]
// The database is SQLite in a fresh folder unless KINERJA_DATABASE=postgres and ConnectionStrings__Kinerja name a
// fresh PostgreSQL database. Exit code 0 when every worksheet was submitted without an error response, else 1.
var options = Options.Parse(args);
var dataDir = Path.Combine(Path.GetTempPath(), "kinerja-surge-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(dataDir);
Environment.SetEnvironmentVariable("KINERJA_DATA_DIR", dataDir);
Environment.SetEnvironmentVariable("KINERJA_ADMIN_PASSWORD", "Admin#Surge2026");
Console.WriteLine($"surge: {options.Agencies} agencies x {options.Units} units = {options.Agencies * options.Units} worksheets of {options.Lines} lines, " +
                  $"{options.Connections} connections, {Environment.ProcessorCount} cores, data {dataDir}");

// 1. Seed the province straight into the database through the application's own model (audited like any save), and
//    give each person the bearer token the token API would (IssueToken.TokenForAsync): the surge measures filling and submitting,
//    not 1,000 password hashes (bench/load/sign-in.sh measures signing in).
var sw = Stopwatch.StartNew();
var people = await Seed.RunAsync(options);
Console.WriteLine($"seeded in {sw.Elapsed.TotalSeconds:F1} s");

// 2. The server, as users run it.
var port = options.Port;
var server = Process.Start(new ProcessStartInfo("dotnet")
{
    ArgumentList = { options.Server, "--urls", $"http://127.0.0.1:{port}" },
    Environment =
    {
        ["KINERJA_DATA_DIR"] = dataDir, ["KINERJA_ADMIN_PASSWORD"] = "Admin#Surge2026", ["KINERJA_LOAD_PROBES"] = "true",
        ["Logging__LogLevel__Default"] = "Warning",
    },
    RedirectStandardOutput = true, RedirectStandardError = true,
})!;
server.OutputDataReceived += (_, _) => { };
server.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("server: " + e.Data); };
server.BeginOutputReadLine();
server.BeginErrorReadLine();
var exit = 1;
try
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5),
    };
    for (var i = 0; ; i++)
    {
        try
        {
            if ((await http.GetAsync("/health/live")).IsSuccessStatusCode) break;
        }
        catch (HttpRequestException) when (i < 240) { }

        await Task.Delay(500);
    }

    // 3. Each agency's coordinator opens the round (the SOP's order), which distributes the worksheets.
    var sheets = new List<(string Id, string Token)>();
    foreach (var agency in people)
    {
        var round = await Api.SendAsync(http, HttpMethod.Post, $"/api/v1/agencies/{agency.AgencyId}/rounds", agency.CoordinatorToken,
            new { period = "2026-Q3", disposition = new { text = "Pengumpulan data kinerja triwulan III (uji beban)" } });
        var list = await Api.SendAsync(http, HttpMethod.Get, $"/api/v1/rounds/{round.GetProperty("id").GetString()}/worksheets", agency.CoordinatorToken, null);
        foreach (var s in list.EnumerateArray()) sheets.Add((s.GetProperty("id").GetString()!, agency.StaffTokens[s.GetProperty("unitId").GetGuid()]));
    }

    Console.WriteLine($"{sheets.Count} worksheets distributed");

    // 4. The machine's ceiling in this run, with the same client and connections: a bare GET and a raw one-row insert.
    var bare = await Sustained.CeilingAsync(http, HttpMethod.Get, "/health/live", options.Connections, TimeSpan.FromSeconds(5));
    var raw = await Sustained.CeilingAsync(http, HttpMethod.Post, "/load-probe/raw-insert", options.Connections, TimeSpan.FromSeconds(5));
    Console.WriteLine($"ceiling: bare GET {bare:F0} req/s, raw one-row insert {raw:F0} req/s");

    // 5. The surge: every worksheet at once; each is read, filled line by line (value and explanation) and submitted.
    var memory = new MemorySampler(server.Id);
    var latencies = new ConcurrentDictionary<string, ConcurrentBag<double>>();
    var errors = new ConcurrentBag<string>();
    var random = new Random(2026);
    var values = sheets.Select(_ => random.Next(8, 13)).ToArray();
    sw.Restart();
    await Task.WhenAll(sheets.Select((s, n) => Task.Run(async () =>
    {
        try
        {
            var sheet = await Api.TimedAsync(http, HttpMethod.Get, $"/api/v1/worksheets/{s.Id}", s.Token, null, "get", latencies);
            foreach (var line in sheet.GetProperty("lines").EnumerateArray())
            {
                await Api.TimedAsync(http, HttpMethod.Put, $"/api/v1/worksheets/{s.Id}/lines/{line.GetProperty("lineId").GetString()}", s.Token,
                    new { realization = values[n], explanation = "Kegiatan berjalan sesuai rencana aksi triwulan III." }, "save", latencies);
            }

            await Api.TimedAsync(http, HttpMethod.Post, $"/api/v1/worksheets/{s.Id}/submit", s.Token, null, "submit", latencies);
        }
        catch (Exception e)
        {
            errors.Add($"{s.Id}: {e.Message}");
        }
    })));
    var elapsed = sw.Elapsed;
    var (peak, samples) = memory.Stop();

    // 6. What the database says afterwards, through the API.
    var submitted = 0;
    foreach (var agency in people)
    {
        var rounds = await Api.SendAsync(http, HttpMethod.Get, $"/api/v1/agencies/{agency.AgencyId}/rounds", agency.CoordinatorToken, null);
        foreach (var r in rounds.EnumerateArray())
        {
            var list = await Api.SendAsync(http, HttpMethod.Get, $"/api/v1/rounds/{r.GetProperty("id").GetString()}/worksheets", agency.CoordinatorToken, null);
            submitted += list.EnumerateArray().Count(w => w.GetProperty("status").GetString() == "submitted");
        }
    }

    var requests = latencies.Values.Sum(b => b.Count);
    Console.WriteLine($"surge: {sheets.Count} worksheets, {requests} requests in {elapsed.TotalSeconds:F1} s ({requests / elapsed.TotalSeconds:F0} req/s), " +
                      $"errors {errors.Count}, submitted afterwards {submitted}/{sheets.Count}");
    foreach (var (kind, bag) in latencies.OrderBy(k => k.Key))
    {
        var sorted = bag.OrderBy(x => x).ToArray();
        Console.WriteLine($"  {kind,-6} n={sorted.Length,6}  p50 {Sustained.Percentile(sorted, 50),7:F1} ms  p99 {Sustained.Percentile(sorted, 99),7:F1} ms  max {sorted[^1],7:F1} ms");
    }

    Console.WriteLine($"server memory: peak resident (VmHWM) {peak / 1024:F0} MB, highest sampled RSS {samples / 1024:F0} MB");

    // 7. Reading the recap of what was just submitted (unverified values included), next to the bare GET again: each
    //    coordinator their agency's, and the system administrator the whole province's (40 agencies side by side).
    var admin = await Api.SendAsync(http, HttpMethod.Post, "/api/v1/auth/token", "", new { username = "admin", password = "Admin#Surge2026" });
    var adminToken = admin.GetProperty("token").GetString()!;
    var government = people[0].GovernmentId;
    var seconds = TimeSpan.FromSeconds(options.ReadSeconds);
    var bareAgain = await Sustained.CeilingAsync(http, HttpMethod.Get, "/health/live", options.Connections, seconds);
    // The province's recaps first, so that their memory is measured from what the surge left, not from what the agency
    // recaps grew (a process rarely gives memory back to the system soon): the highest resident memory sampled per phase.
    var before = MemorySampler.Resident(server.Id);
    memory = new MemorySampler(server.Id);
    var governmentRecap = await Sustained.ReadsAsync(http, Math.Min(options.Connections, 16), seconds,
        _ => ($"/api/v1/governments/{government}/recap?period=2026-Q3&includeUnverified=true", adminToken));
    var (_, governmentPeak) = memory.Stop();
    memory = new MemorySampler(server.Id);
    var agencyRecap = await Sustained.ReadsAsync(http, options.Connections, seconds,
        n => ($"/api/v1/agencies/{people[n % people.Count].AgencyId}/recap?period=2026-Q3&includeUnverified=true", people[n % people.Count].CoordinatorToken));
    var (_, agencyPeak) = memory.Stop();
    Console.WriteLine($"recap reads ({options.ReadSeconds} s each): bare GET {bareAgain:F0} req/s; one agency {agencyRecap}; the province of {people.Count} agencies {governmentRecap}");
    Console.WriteLine($"server memory in the reads (highest sampled RSS): {before / 1024:F0} MB before, {governmentPeak / 1024:F0} MB reading the province's recap " +
                      $"({Math.Min(options.Connections, 16)} connections), then {agencyPeak / 1024:F0} MB reading agency recaps ({options.Connections} connections)");
    foreach (var e in errors.Take(10)) Console.WriteLine("  error: " + e);
    exit = errors.IsEmpty && submitted == sheets.Count ? 0 : 1;
}
finally
{
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    if (!options.Keep) Directory.Delete(dataDir, recursive: true);
}

return exit;

internal sealed record Options(string Server, int Agencies, int Units, int Lines, int Connections, int Port, bool Keep, int ReadSeconds)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        return new Options(
            Path.GetFullPath(Get("--server", "src/Kinerja/bin/Release/net10.0/kinerja.dll")),
            int.Parse(Get("--agencies", "40")), int.Parse(Get("--units", "25")), int.Parse(Get("--lines", "30")),
            int.Parse(Get("--connections", "256")), int.Parse(Get("--port", "5097")), args.Contains("--keep"), int.Parse(Get("--read-seconds", "5")));
    }
}

internal sealed record AgencyPeople(Guid GovernmentId, Guid AgencyId, string CoordinatorToken, Dictionary<Guid, string> StaffTokens);

internal static class Seed
{
    public static async Task<List<AgencyPeople>> RunAsync(Options o)
    {
        var builder = KinerjaApp.CreateBuilder([]);
        await using var app = builder.Build();
        await Database.MigrateAsync(app.Services);
        var result = new List<AgencyPeople>();
        string? passwordHash = null;
        var since = new DateOnly(2025, 1, 1);
        for (var a = 1; a <= o.Agencies; a++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            sp.GetRequiredService<AuditActor>().UserName = "surge-seed";
            var db = sp.GetRequiredService<KinerjaDbContext>();
            var issue = sp.GetRequiredService<Kinerja.Features.Auth.IssueToken>();
            var government = db.Governments.SingleOrDefault(g => g.Name == "Provinsi Uji Beban");
            if (government is null)
            {
                government = new Government(Guid.CreateVersion7(), "Provinsi Uji Beban", GovernmentKind.Province);
                db.Governments.Add(government);
            }

            var agency = new Agency(Guid.CreateVersion7(), government.Id, $"Dinas Uji Beban {a:00}", AgencyKind.Dinas, null, null);
            db.Agencies.Add(agency);
            var root = new OrgUnit(Guid.CreateVersion7(), agency.Id, null, agency.Name);
            db.Units.Add(root);
            var users = new List<(AppUser User, Guid? Unit)>();

            AppUser Person(string userName, Guid unitId, string title, Role role)
            {
                var position = new Position(Guid.CreateVersion7(), agency.Id, unitId, title, role);
                db.Positions.Add(position);
                var user = new AppUser
                {
                    Id = Guid.CreateVersion7(), UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), FullName = title + " " + agency.Name,
                    HomeAgencyId = agency.Id, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
                };
                passwordHash ??= new PasswordHasher<AppUser>().HashPassword(user, "Kinerja#Surge2026");
                user.PasswordHash = passwordHash;
                db.Users.Add(user);
                db.PositionHolders.Add(new PositionHolder(Guid.CreateVersion7(), agency.Id, position.Id, user.Id, new Tenure(TenureKind.Definitive, since, null)));
                return user;
            }

            Person($"beban{a:00}.kepala", root.Id, "Kepala Dinas", Role.Head);
            var coordinator = Person($"beban{a:00}.perencanaan", root.Id, "Kasubbag Perencanaan", Role.Coordinator);
            for (var u = 1; u <= o.Units; u++)
            {
                var unit = new OrgUnit(Guid.CreateVersion7(), agency.Id, root.Id, $"Bidang {u:00}");
                db.Units.Add(unit);
                Person($"beban{a:00}.kabid{u:00}", unit.Id, $"Kepala Bidang {u:00}", Role.UnitHead);
                users.Add((Person($"beban{a:00}.staf{u:00}", unit.Id, $"Staf Bidang {u:00}", Role.Staff), unit.Id));
                for (var l = 1; l <= o.Lines; l++)
                {
                    var indicator = new Indicator(Guid.CreateVersion7(), agency.Id, $"B{u:00}.{l:00}", $"Indikator {l:00} Bidang {u:00}", IndicatorKind.Program,
                        null, null, unit.Id, "dokumen", Polarity.Higher, Aggregation.Sum, 1m, null, null);
                    db.Indicators.Add(indicator);
                    var target = new IndicatorTarget(Guid.CreateVersion7(), agency.Id, indicator.Id, 2026);
                    target.Set(new TargetValues(40m, [10m, 10m, 10m, 10m], null, null, null, null, null, null));
                    db.IndicatorTargets.Add(target);
                }
            }

            await db.SaveChangesAsync();
            var tokens = new Dictionary<Guid, string>();
            foreach (var (user, unit) in users) tokens[unit!.Value] = (await issue.TokenForAsync(user)).Token;
            result.Add(new AgencyPeople(government.Id, agency.Id, (await issue.TokenForAsync(coordinator)).Token, tokens));
        }

        return result;
    }
}

internal static class Api
{
    public static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, string token, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token.Length > 0) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> TimedAsync(HttpClient http, HttpMethod method, string path, string token, object? body, string kind,
        ConcurrentDictionary<string, ConcurrentBag<double>> latencies)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await SendAsync(http, method, path, token, body);
        }
        finally
        {
            latencies.GetOrAdd(kind, _ => []).Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }
}

/// <summary>The same request again and again from many connections for a while: throughput and latencies.</summary>
internal static class Sustained
{
    public static async Task<(double PerSecond, double[] SortedMs)> RunAsync(HttpClient http, int connections, TimeSpan duration,
        Func<int, HttpRequestMessage> request)
    {
        var latencies = new ConcurrentBag<double>();
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var n = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                using var message = request(Interlocked.Increment(ref n));
                using var response = await http.SendAsync(message);
                response.EnsureSuccessStatusCode();
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })));
        return (latencies.Count / sw.Elapsed.TotalSeconds, latencies.OrderBy(x => x).ToArray());
    }

    /// <summary>The machine's ceiling: requests per second of an endpoint with no sign-in.</summary>
    public static async Task<double> CeilingAsync(HttpClient http, HttpMethod method, string path, int connections, TimeSpan duration) =>
        (await RunAsync(http, connections, duration, _ => new HttpRequestMessage(method, path))).PerSecond;

    /// <summary>GETs of <paramref name="next"/> (path and bearer token): "N req/s (p50 .., p99 ..)".</summary>
    public static async Task<string> ReadsAsync(HttpClient http, int connections, TimeSpan duration, Func<int, (string Path, string Token)> next)
    {
        var (perSecond, sorted) = await RunAsync(http, connections, duration, n =>
        {
            var (path, token) = next(n);
            var message = new HttpRequestMessage(HttpMethod.Get, path);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return message;
        });
        return $"{perSecond:F0} req/s (p50 {Percentile(sorted, 50):F1} ms, p99 {Percentile(sorted, 99):F1} ms)";
    }

    public static double Percentile(double[] sorted, int p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];
}

/// <summary>Samples the server's resident memory every 50 ms and reads its peak (VmHWM) from /proc at the end.</summary>
internal sealed class MemorySampler
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<long> _loop;

    public MemorySampler(int pid)
    {
        _pid = pid;
        _loop = Task.Run(async () =>
        {
            long highest = 0;
            while (!_stop.IsCancellationRequested)
            {
                highest = Math.Max(highest, Read(_pid, "VmRSS"));
                try { await Task.Delay(50, _stop.Token); } catch (OperationCanceledException) { }
            }

            return highest;
        });
    }

    public (double PeakKb, double SampledKb) Stop()
    {
        _stop.Cancel();
        return (Read(_pid, "VmHWM"), _loop.GetAwaiter().GetResult());
    }

    /// <summary>The resident memory of process <paramref name="pid"/> now, in kB.</summary>
    public static double Resident(int pid) => Read(pid, "VmRSS");

    private static long Read(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }

        return 0;
    }
}
