using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Tests;

/// <summary>
/// Every API endpoint that reads (GET) called as every kind of person, inside and outside the unit and agency, checked
/// against the table kept in <c>tests/Kinerja.Tests/authorization-matrix.txt</c>. An endpoint missing from the table fails
/// the test (with the line to review and add), so nobody adds an endpoint without deciding who may call it.
/// </summary>
public abstract class AuthorizationMatrixTests(KinerjaFixture f)
{
    /// <summary>The people, in the table's column order: nobody signed in, the coordinator of another agency, then Kecamatan Pasrujambe's
    /// staff of Seksi Pemerintahan, head of Seksi Kesejahteraan Sosial, coordinator, camat, administrator, the regency's inspectorate
    /// auditor, and the system administrator.</summary>
    private static readonly string?[] People =
        [null, "dkp.kasubag-kp", "pasrujambe.staf-pem", "pasrujambe.kasi-kesos", "pasrujambe.kasubbag-pk", "pasrujambe.camat", "pasrujambe.admin", "inspektorat.auditor", "admin"];

    private static string TablePath() => Path.Combine(Repo.Root, "tests", "Kinerja.Tests", "authorization-matrix.txt");

    [Fact]
    public async Task Every_reading_endpoint_answers_each_person_as_the_table_says()
    {
        await RecapScenario.EnsurePasrujambeAsync(f);
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var coordinator = await f.SignedInAsync("pasrujambe.kasubbag-pk");
        var ids = await IdsAsync(coordinator, agency);

        var table = File.ReadAllLines(TablePath()).Where(l => l.StartsWith("GET ", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(p => p[0]["GET ".Length..].Split(' ')[0], p => (Query: p[0].Split(' ').ElementAtOrDefault(2) ?? "", Expected: p[1]));
        var routes = f.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true
                        && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/')).Distinct().Order(StringComparer.Ordinal).ToList();

        var clients = new List<HttpClient>();
        foreach (var p in People) clients.Add(p is null ? f.CreateClient(new() { AllowAutoRedirect = false }) : await f.SignedInAsync(p));
        var missing = new StringBuilder();
        var wrong = new List<string>();
        foreach (var route in routes)
        {
            if (!table.TryGetValue(route, out var row))
            {
                var actual = await CallAllAsync(clients, Url(route, ids, ""));
                missing.AppendLine($"GET {route} | {string.Join(' ', actual)}");
                continue;
            }

            if (row.Expected.StartsWith("skip", StringComparison.Ordinal)) continue;
            var expected = row.Expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var codes = await CallAllAsync(clients, Url(route, ids, row.Query));
            for (var i = 0; i < People.Length; i++)
            {
                if (codes[i] != expected[i]) wrong.Add($"GET {route}{row.Query} as {People[i] ?? "anonymous"}: expected {expected[i]}, got {codes[i]}");
            }
        }

        missing.ToString().ShouldBeEmpty("endpoints missing from authorization-matrix.txt (review each answer before adding the line):");
        wrong.ShouldBeEmpty();
        table.Keys.Except(routes).ShouldBeEmpty("lines of authorization-matrix.txt whose endpoint no longer exists");
    }

    /// <summary>Those who must not change anything of Kecamatan Pasrujambe's Seksi Kesejahteraan Sosial: nobody signed in, another agency's coordinator, staff of another unit.</summary>
    private static readonly string?[] Outsiders = [null, "dkp.kasubag-kp", "pasrujambe.staf-pem"];

    [Fact]
    public async Task Every_writing_endpoint_refuses_those_outside_and_nothing_changes()
    {
        await RecapScenario.EnsurePasrujambeAsync(f);
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var ids = await IdsAsync(await f.SignedInAsync("pasrujambe.kasubbag-pk"), agency);
        ids["action"] = "circulate";
        ids["key"] = "executive-summary";
        ids["number:int"] = "1";
        ids["holidayId:guid"] = Guid.Empty.ToString();
        ids["userId:guid"] = Guid.Empty.ToString();
        ids["positionId:guid"] = Guid.Empty.ToString();
        ids["holderId:guid"] = Guid.Empty.ToString();
        ids["id:guid"] = Guid.Empty.ToString();

        var table = File.ReadAllLines(TablePath()).Where(l => l.StartsWith("POST ", StringComparison.Ordinal) || l.StartsWith("PUT ", StringComparison.Ordinal)
                                                              || l.StartsWith("DELETE ", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(p => string.Join(' ', p[0].Split(' ').Take(2)), p => (Query: p[0].Split(' ').ElementAtOrDefault(2) ?? "", Expected: p[1]));
        var routes = f.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is "POST" or "PUT" or "DELETE")
                .Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        var clients = new List<HttpClient>();
        foreach (var p in Outsiders) clients.Add(p is null ? f.CreateClient(new() { AllowAutoRedirect = false }) : await f.SignedInAsync(p));
        long AuditHead() { using var db = f.NewDbContext(); return db.AuditHeads.AsNoTracking().Single().Sequence; }
        var before = AuditHead();
        var missing = new StringBuilder();
        var wrong = new List<string>();
        foreach (var route in routes)
        {
            var method = route.Split(' ')[0];
            var row = table.GetValueOrDefault(route);
            var url = Url(route[(method.Length + 1)..], ids, row.Query ?? "");
            var codes = new string[clients.Count];
            for (var i = 0; i < clients.Count; i++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
                using var response = await clients[i].SendAsync(request);
                codes[i] = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (row.Expected is null)
            {
                missing.AppendLine($"{route} | {string.Join(' ', codes)}");
                continue;
            }

            if (string.Join(' ', codes) != row.Expected) wrong.Add($"{route}{row.Query}: expected {row.Expected}, got {string.Join(' ', codes)}");
        }

        missing.ToString().ShouldBeEmpty("writing endpoints missing from authorization-matrix.txt (review each answer before adding the line):");
        wrong.ShouldBeEmpty();
        AuditHead().ShouldBe(before, "nothing was written by those refused");
    }

    private static async Task<string[]> CallAllAsync(List<HttpClient> clients, string url)
    {
        var codes = new string[clients.Count];
        for (var i = 0; i < clients.Count; i++)
        {
            using var response = await clients[i].GetAsync(url);
            codes[i] = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return codes;
    }

    private static string Url(string route, IReadOnlyDictionary<string, string> ids, string query)
    {
        var url = route + query;
        foreach (var (name, value) in ids) url = url.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return url;
    }

    /// <summary>Ids of things in Kecamatan Pasrujambe that the routes name: the 2026-Q1 round, Seksi Kesejahteraan Sosial's worksheet and a line of it, a report.</summary>
    private async Task<Dictionary<string, string>> IdsAsync(HttpClient coordinator, Guid agency)
    {
        await using var db = f.NewDbContext();
        var kesos = await f.UnitIdAsync(RecapScenario.Pasrujambe, "Seksi Kesejahteraan Sosial");
        var round = await db.Rounds.Where(r => r.AgencyId == agency && r.Period == "2026-Q1").Select(r => r.Id).FirstAsync();
        var sheet = await db.Worksheets.Where(w => w.RoundId == round && w.UnitId == kesos).Select(w => w.Id).SingleAsync();
        var line = await db.WorksheetLines.Where(l => l.WorksheetId == sheet).Select(l => l.Id).FirstAsync();
        var indicator = await db.WorksheetLines.Where(l => l.WorksheetId == sheet).Select(l => l.IndicatorId).FirstAsync();
        var government = await db.Agencies.Where(a => a.Id == agency).Select(a => a.GovernmentId).SingleAsync();
        var created = await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/reports", new { kind = "quarterly", period = "2026-Q1" });
        var report = created.StatusCode == HttpStatusCode.Created
            ? (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!
            : (await db.Reports.Where(r => r.AgencyId == agency && r.Period == "2026-Q1").Select(r => r.Id).SingleAsync()).ToString();
        return new Dictionary<string, string>
        {
            ["agencyId:guid"] = agency.ToString(), ["unitId:guid"] = kesos.ToString(), ["roundId:guid"] = round.ToString(),
            ["worksheetId:guid"] = sheet.ToString(), ["lineId:guid"] = line.ToString(), ["indicatorId:guid"] = indicator.ToString(),
            ["governmentId:guid"] = government.ToString(), ["reportId:guid"] = report, ["year:int"] = "2026", ["id"] = "seed-000-pasrujambe",
            ["code"] = "2345-6789-AB", ["evidenceId:guid"] = Guid.Empty.ToString(),
        };
    }
}

public sealed class AuthorizationMatrixTestsOnSqlite(SqliteFixture f) : AuthorizationMatrixTests(f), IClassFixture<SqliteFixture>;

public sealed class AuthorizationMatrixTestsOnPostgres(PostgresFixture f) : AuthorizationMatrixTests(f), IClassFixture<PostgresFixture>;
