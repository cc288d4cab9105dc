using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Tests;

/// <summary>
/// Hostile input through the page forms (Razor Pages, cookie sign-in, antiforgery token), the sibling of
/// <see cref="HostileInputTests"/>: NUL and other control characters, oversize text, numbers no field can hold, malformed dates,
/// periods and ids, script text. Each form is posted by someone who WOULD be allowed to use it, with a valid token, so the refusal
/// comes from validation: no 500, the page shows a message a person can read (the form again, or the line's state cell for an
/// htmx save), the audit head does not move and the server stays healthy.
/// </summary>
public abstract partial class HostilePageFormTests(KinerjaFixture f)
{
    private const string Pasrujambe = RecapScenario.Pasrujambe;
    private const string Coordinator = HostileScenario.CoordinatorName;
    private const string AgencyAdmin = "pasrujambe.admin";
    private const string Kasi = HostileScenario.Kasi;
    private const string SystemAdmin = "admin";
    private const string Anonymous = "";

    /// <summary>
    /// One hostile form post: who sends it, where, its fields (urlencoded, or multipart as a file upload form sends them), and the
    /// statuses that are a correct refusal (200: the page or the line's state cell again, with a message; 400: a urlencoded body
    /// with NUL, which ASP.NET Core's form reader refuses to read, answered with a page that says so; 404: an id that names nothing;
    /// 302 only where named, to a local address).
    /// </summary>
    private sealed record Case(string Name, string User, string Url, (string Key, string Value)[] Fields, int[] Expected, bool Htmx = false, bool Multipart = false);

    private sealed record Ids(Guid Agency, Guid Unit, Guid Round, Guid Sheet, Guid Line, Guid? BudgetLine, Guid Indicator, Guid Report, Guid Holder,
        Guid User, Guid Position, int ManualStep, string AgencyVersion, string RulesVersion, string UnitVersion, string SectionVersion);

    [Fact]
    public async Task Every_page_form_refuses_hostile_input_with_a_message_and_nothing_changes()
    {
        var ids = await SetUpAsync("2026-M04");
        var cases = Corpus(ids);
        var browsers = new Dictionary<string, (HttpClient Client, string Token)>();
        var health = f.CreateClient();
        var failures = new List<string>();
        foreach (var c in cases)
        {
            if (!browsers.TryGetValue(c.User, out var browser)) browsers[c.User] = browser = await BrowserAsync(c.User);
            var before = AuditHead();
            var fields = c.Fields.Append(("__RequestVerificationToken", browser.Token)).ToArray();
            using var request = new HttpRequestMessage(HttpMethod.Post, c.Url) { Content = c.Multipart ? Multipart(fields) : Urlencoded(fields) };
            if (c.Htmx)
            {
                request.Headers.Add("HX-Request", "true");
                request.Headers.Add("HX-Target", $"calc-{ids.Line}");
            }

            using var response = await browser.Client.SendAsync(request);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            var what = $"{c.Name} (POST {Shorten(c.Url)} as {(c.User.Length == 0 ? "anonymous" : c.User)})";
            if (!c.Expected.Contains(status)) failures.Add($"{what}: expected {string.Join('/', c.Expected)}, got {status}: {Excerpt(body)}");
            else if (Unreadable(response, status, body) is { } why) failures.Add($"{what}: {status} but {why}: {Excerpt(body)}");
            else if (status == 400 && !body.Contains("karakter NUL", StringComparison.Ordinal)) failures.Add($"{what}: 400 without saying the NUL is the problem: {Excerpt(body)}");
            if (AuditHead() != before) failures.Add($"{what}: the audit head moved (something was saved)");
            var alive = await health.GetAsync("/health");
            if (alive.StatusCode != HttpStatusCode.OK) failures.Add($"{what}: /health answered {(int)alive.StatusCode} afterwards");
        }

        failures.ShouldBeEmpty($"{failures.Count} of {cases.Count} hostile form posts were not refused cleanly:\n{string.Join('\n', failures)}\n");
        cases.Count.ShouldBeGreaterThan(100);
    }

    /// <summary>Why an answer is not a refusal a person can act on: no message shown, framework or exception wording, an outside redirect.</summary>
    private static string? Unreadable(HttpResponseMessage response, int status, string body)
    {
        if (status == 302)
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            return location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.StartsWith("/\\", StringComparison.Ordinal)
                ? null : $"it redirects outside the site ({location})";
        }

        string[] leaks = ["Exception", "System.", "Microsoft.", "   at ", "Npgsql", "SQLite", "is not valid", "is invalid", "The value '", "The field ", "field is required"];
        if (leaks.FirstOrDefault(l => body.Contains(l, StringComparison.Ordinal)) is { } leak) return $"the page shows internals or English framework wording (\"{leak}\")";
        if (status == 404) return null;
        if (response.Content.Headers.ContentType?.MediaType != "text/html") return $"content type {response.Content.Headers.ContentType?.MediaType ?? "none"}, not a page";
        return Message().IsMatch(body) ? null : "no message is shown";
    }

    /// <summary>Where pages show a refusal: the form's problem list, a validation summary or field message, the line's state cell.</summary>
    [GeneratedRegex("data-testid=\"(form-errors|errors|save-error)\"|validation-summary-errors|field-validation-error")]
    private static partial Regex Message();

    private List<Case> Corpus(Ids ids)
    {
        var cases = new List<Case>();
        int[] refused = [200];
        int[] refusedOrMissing = [200, 404];
        var unknown = Guid.NewGuid();
        var huge = new string('x', 300_000);
        const string Nul = "Nama\u0000tersembunyi";
        const string Control = "Nama\u0001\u0008\u001b tersembunyi";
        var a = ids.Agency;
        var ws = $"/Worksheets/{ids.Sheet}";

        // A urlencoded body with NUL is refused before the page reads it (400, a page saying so); elsewhere the page shows the message.
        void Post(string name, string user, string url, int[]? expected = null, params (string Key, string Value)[] fields) =>
            cases.Add(new Case(name, user, url, fields, expected ?? (fields.Any(x => x.Value.Contains('\0')) ? [400] : refused)));
        void Upload(string name, string user, string url, params (string Key, string Value)[] fields) =>
            cases.Add(new Case(name + " (multipart)", user, url, fields, refused, Multipart: true));
        // Over the page's upload limit: 413 with a page that says so, not a problem+json.
        cases.Add(new Case("evidence note of 11 MB (multipart)", Kasi, $"{ws}?handler=Evidence&lineId={ids.Line}", [("note", new string('x', 11 * 1024 * 1024))], [413], Multipart: true));

        // The worksheet: a cell save (plain post and htmx), the budget table, comments, evidence, review and reopen.
        var save = $"{ws}?handler=Save&lineId={ids.Line}";
        string[] badNumbers = ["NaN", "Infinity", "-Infinity", "1e400", "1E5", "99999999999999999999999999999999", "1000000000000000000000000000", "sembilan puluh", "0x1F"];
        foreach (var htmx in new[] { false, true })
        {
            var how = htmx ? " (htmx)" : "";
            foreach (var n in badNumbers) cases.Add(new Case($"realization \"{n}\"{how}", Kasi, save, [("realization", n), ("explanation", "")], refused, htmx));
            cases.Add(new Case($"explanation with NUL{how}", Kasi, save, [("realization", "1"), ("explanation", Nul)], htmx ? refused : [400], htmx));
            cases.Add(new Case($"explanation with NUL{how}", Kasi, save, [("realization", "1"), ("explanation", Nul)], refused, htmx, Multipart: true));
            cases.Add(new Case($"explanation of 300 000 characters{how}", Kasi, save, [("realization", "1"), ("explanation", huge)], refused, htmx));
            cases.Add(new Case($"line id not a GUID{how}", Kasi, $"{ws}?handler=Save&lineId=1%20OR%201=1", [("realization", "1")], refusedOrMissing, htmx));
            cases.Add(new Case($"unknown line{how}", Kasi, $"{ws}?handler=Save&lineId={unknown}", [("realization", "1")], refusedOrMissing, htmx));
            cases.Add(new Case($"unknown line with a bad number{how}", Kasi, $"{ws}?handler=Save&lineId={unknown}", [("realization", "NaN")], refusedOrMissing, htmx));
        }

        if (ids.BudgetLine is { } budgetLine)
        {
            foreach (var n in new[] { "-1", "NaN", "Rp Infinity", "1000000000000000000000000000", "99999999999999999999999999999999" })
                Post($"budget realization \"{n}\"", Kasi, $"{ws}?handler=Budget", null, ("budgetLine", budgetLine.ToString()), ("budgetRealization", n), ("budgetVersion", "0"));
            Post("budget version not a number", Kasi, $"{ws}?handler=Budget", null, ("budgetLine", budgetLine.ToString()), ("budgetRealization", "5"), ("budgetVersion", "abc"));
            Post("budget line not a GUID", Kasi, $"{ws}?handler=Budget", refusedOrMissing, ("budgetLine", "../../etc"), ("budgetRealization", "5"), ("budgetVersion", "0"));
        }

        var comment = $"{ws}?handler=Comment&lineId={ids.Line}";
        Post("comment with NUL", Kasi, comment, null, ("text", Nul));
        Post("comment of 300 000 characters", Kasi, comment, null, ("text", huge));
        Post("comment empty", Kasi, comment, null, ("text", "  "));
        Post("comment on a line id that is not a GUID", Kasi, $"{ws}?handler=Comment&lineId=abc", refusedOrMissing, ("text", "Komentar"));
        var evidence = $"{ws}?handler=Evidence&lineId={ids.Line}";
        Post("evidence note with NUL", Kasi, evidence, null, ("url", "https://contoh.invalid/bukti"), ("note", Nul));
        Upload("evidence note with NUL", Kasi, evidence, ("url", "https://contoh.invalid/bukti"), ("note", Nul));
        Upload("comment with NUL", Kasi, comment, ("text", Nul));
        Post("evidence note of 300 000 characters", Kasi, evidence, null, ("url", "https://contoh.invalid/bukti"), ("note", huge));
        Post("evidence link to javascript:", Kasi, evidence, null, ("url", "javascript:alert(1)"));
        Post("evidence link with NUL", Kasi, evidence, null, ("url", "https://contoh.invalid/\u0000"));
        Post("review decision unknown", Coordinator, $"{ws}?handler=Review&lineId={ids.Line}", null, ("decision", "'; drop"), ("reason", Nul));
        Post("reopen reason with NUL", Coordinator, $"{ws}?handler=Reopen", null, ("reason", Nul));
        Post("workbook apply with a token that is a path", Kasi, $"{ws}/Excel?handler=Apply", null, ("token", "../../etc/passwd"));
        Post("workbook apply with NUL in the token", Kasi, $"{ws}/Excel?handler=Apply", null, ("token", "abc\u0000"));

        // Opening a round, and completing a step by hand.
        var open = $"/Rounds?agencyId={a}";
        foreach (var period in new[] { "2026-Q5", "", "'; drop table rounds; --", "2026-M13", "0000-Q1", "9999999999-Q1", "2026-q1\u0000" })
            Post($"round period \"{period}\"", Coordinator, open, null, ("Open.Period", period), ("Open.Disposition", "Kumpulkan."), ("Open.SopTemplateId", "sop-bappelitbangda-2026"));
        Post("round disposition with NUL", Coordinator, open, null, ("Open.Period", "2026-M11"), ("Open.Disposition", Nul));
        Post("round disposition of 300 000 characters", Coordinator, open, null, ("Open.Period", "2026-M11"), ("Open.Disposition", huge));
        Post("round deadline 2026-02-31", Coordinator, open, null, ("Open.Period", "2026-M11"), ("Open.Disposition", "Kumpulkan."), ("Open.Deadline", "2026-02-31"));
        Post("round deadline as text", Coordinator, open, null, ("Open.Period", "2026-M11"), ("Open.Disposition", "Kumpulkan."), ("Open.Deadline", "besok pagi"));
        Post("round SOP as a path", Coordinator, open, null, ("Open.Period", "2026-M11"), ("Open.Disposition", "Kumpulkan."), ("Open.SopTemplateId", "../../etc/passwd"));
        var step = $"/Rounds/Details/{ids.Round}?handler=CompleteStep&number={ids.ManualStep}";
        Post("step note with NUL", Coordinator, step, null, ("note", Nul));
        Upload("step note with NUL", Coordinator, step, ("note", Nul));
        Post("step note with control characters", Coordinator, step, null, ("note", Control));
        Post("step note of 300 000 characters", Coordinator, step, null, ("note", huge));
        Post("step number 99999999999", Coordinator, $"/Rounds/Details/{ids.Round}?handler=CompleteStep&number=99999999999", refusedOrMissing, ("note", "Rapat"));
        Post("step number of letters", Coordinator, $"/Rounds/Details/{ids.Round}?handler=CompleteStep&number=dua", refusedOrMissing, ("note", "Rapat"));

        // Reports: creating one, a narrative, the actions of the path.
        foreach (var period in new[] { "2026-Q5", "'; drop", "2026-q1\u0000" })
            Post($"report period \"{period}\"", Coordinator, $"/Reports?agencyId={a}", null, ("Create.Kind", "quarterly"), ("Create.Period", period));
        Post("report kind unknown", Coordinator, $"/Reports?agencyId={a}", null, ("Create.Kind", "<script>"), ("Create.Period", "2026-Q2"));
        var section = $"/Reports/Details/{ids.Report}?handler=Section&key=executive-summary";
        Post("section text with NUL", Coordinator, section, null, ("text", Nul));
        Upload("section text with NUL", Coordinator, section, ("text", Nul), ("version", ids.SectionVersion));
        Upload("report period with NUL", Coordinator, $"/Reports?agencyId={a}", ("Create.Kind", "quarterly"), ("Create.Period", "2026-Q2\u0000"));
        Upload("round disposition with NUL", Coordinator, open, ("Open.Period", "2026-M11"), ("Open.Disposition", Nul));
        Post("section text of 300 000 characters", Coordinator, section, null, ("text", huge));
        Post("section version not a number", Coordinator, section, null, ("text", "Ringkasan."), ("version", "satu"));
        Post("section key as a path", Coordinator, $"/Reports/Details/{ids.Report}?handler=Section&key=..%2F..%2Fetc", refusedOrMissing, ("text", "Ringkasan."));
        var act = $"/Reports/Details/{ids.Report}?handler=Action&step=";
        Post("report comment with NUL", Coordinator, act + "comment", null, ("Act.Comment", Nul), ("Act.Section", "executive-summary"));
        Post("report comment of 300 000 characters", Coordinator, act + "comment", null, ("Act.Comment", huge), ("Act.Section", "executive-summary"));
        Post("report comment on an unknown section", Coordinator, act + "comment", null, ("Act.Comment", "Catatan"), ("Act.Section", "<script>"));
        Post("report comment with a version of letters", Coordinator, act + "comment", null, ("Act.Comment", "Catatan"), ("Act.Section", "executive-summary"), ("Act.Version", "x"));
        Post("report return reason with NUL", Coordinator, act + "return", null, ("Act.Reason", Nul));
        Post("report copies negative", Coordinator, act + "record-copies", null, ("Act.Copies", "-1"));
        Post("report copies 99999999999", Coordinator, act + "record-copies", null, ("Act.Copies", "99999999999"));
        Post("report dispatch date nonsense", Coordinator, act + "dispatch", null, ("Act.Recipient", "Bupati"), ("Act.Method", "hand"), ("Act.Date", "2026-02-30"));
        Post("report action unknown", Coordinator, act + "drop-table", refusedOrMissing);

        // The plan: objectives, indicators, targets, the agreement.
        var plan = $"/Plan?agencyId={a}&year=2026";
        Post("objective code with NUL", Coordinator, plan + "&handler=Objective", null, ("NewObjective.Code", "S-\u00009"), ("NewObjective.Name", "Sasaran"), ("NewObjective.Goal", "T-1"));
        Post("objective name of 300 000 characters", Coordinator, plan + "&handler=Objective", null, ("NewObjective.Code", "S-9"), ("NewObjective.Name", huge), ("NewObjective.Goal", "T-1"));
        Post("objective of an unknown goal", Coordinator, plan + "&handler=Objective", null, ("NewObjective.Code", "S-9"), ("NewObjective.Name", "Sasaran"), ("NewObjective.Goal", "'; drop"));
        (string, string)[] Indicator(params (string Key, string Value)[] changes)
        {
            var fields = new Dictionary<string, string>
            {
                ["NewIndicator.Code"] = "IKU-98", ["NewIndicator.Name"] = "Indikator uji", ["NewIndicator.Kind"] = "iku", ["NewIndicator.UnitId"] = ids.Unit.ToString(),
                ["NewIndicator.Measure"] = "%", ["NewIndicator.Polarity"] = "higher", ["NewIndicator.Aggregation"] = "last",
            };
            foreach (var (key, value) in changes) fields["NewIndicator." + key] = value;
            return fields.Select(x => (x.Key, x.Value)).ToArray();
        }

        var indicator = plan + "&handler=Indicator";
        Post("indicator name with NUL", Coordinator, indicator, null, Indicator(("Name", Nul)));
        Post("indicator name with control characters", Coordinator, indicator, null, Indicator(("Name", Control)));
        Post("indicator definition of 300 000 characters", Coordinator, indicator, null, Indicator(("Definition", huge)));
        Post("indicator data source with NUL", Coordinator, indicator, null, Indicator(("DataSource", Nul)));
        Post("indicator definition with NUL", Coordinator, indicator, null, Indicator(("Definition", Nul)));
        Post("indicator objective not a GUID", Coordinator, indicator, null, Indicator(("ObjectiveId", "1 OR 1=1")));
        Post("indicator unit not a GUID", Coordinator, indicator, null, Indicator(("UnitId", "../..")));
        Post("indicator supporting an id that is not a GUID", Coordinator, indicator, null, Indicator(("Kind", "unit"), ("SupportsIndicatorId", "x")));
        Post("indicator polarity unknown", Coordinator, indicator, null, Indicator(("Polarity", "sideways")));
        var target = $"/Plan/Indicator/{ids.Indicator}";
        foreach (var n in new[] { "NaN", "Infinity", "1e400", "1000000000000000000000000000", "99999999999999999999999999999999", "-1000000000000000000000000000" })
        {
            Post($"target \"{n}\"", Coordinator, target, null, ("Edit.Year", "2026"), ("Edit.Annual", n));
            Post($"target quarter \"{n}\"", Coordinator, target, null, ("Edit.Year", "2026"), ("Edit.Annual", "10"), ("Edit.Quarters[0]", n));
        }

        Post("target range reversed and huge", Coordinator, target, null, ("Edit.Year", "2026"), ("Edit.Annual", "10"), ("Edit.RangeLow", "1000000000000000000000000000"), ("Edit.RangeHigh", "-1000000000000000000000000000"));
        Post("target year of letters", Coordinator, target, null, ("Edit.Year", "dua ribu"), ("Edit.Annual", "10"));
        Post("target year 99999999999", Coordinator, target, null, ("Edit.Year", "99999999999"), ("Edit.Annual", "10"));
        Post("target year 0", Coordinator, target, null, ("Edit.Year", "0"), ("Edit.Annual", "10"));
        Post("target version of letters", Coordinator, target, null, ("Edit.Year", "2026"), ("Edit.Annual", "10"), ("Edit.Version", "x"));
        Post("target reason with NUL", Coordinator, target, null, ("Edit.Year", "2026"), ("Edit.Annual", "10"), ("Edit.Reason", Nul));
        Post("target reason of 300 000 characters", Coordinator, target, null, ("Edit.Year", "2026"), ("Edit.Annual", "10"), ("Edit.Reason", huge));
        var agreement = $"/Plan/Agreement?agencyId={a}&year=2026";
        Post("agreement date as text", Coordinator, agreement, null, ("Sign.SecondPartyName", "Bupati Lumajang"), ("Sign.Place", "Lumajang"), ("Sign.Date", "kemarin"));
        Post("agreement second party with NUL", Coordinator, agreement, null, ("Sign.SecondPartyName", Nul), ("Sign.Place", "Lumajang"), ("Sign.Date", "2026-01-02"));
        Post("agreement place of 300 000 characters", Coordinator, agreement, null, ("Sign.SecondPartyName", "Bupati Lumajang"), ("Sign.Place", huge), ("Sign.Date", "2026-01-02"));
        Post("agreement for a unit id that is not a GUID", Coordinator, agreement + "&unitId=abc", refusedOrMissing, ("Sign.SecondPartyName", "Bupati Lumajang"), ("Sign.Place", "Lumajang"), ("Sign.Date", "2026-01-02"));

        // The agency, its rules, units, users, positions and holidays.
        Post("agency name with NUL", SystemAdmin, "/Admin/Agencies", null, ("Input.Name", Nul), ("Input.Kind", "dinas"), ("Input.Government", "Kabupaten Lumajang"));
        Post("agency address with NUL", SystemAdmin, "/Admin/Agencies", null, ("Input.Name", "Dinas Uji"), ("Input.Kind", "dinas"), ("Input.Government", "Kabupaten Lumajang"), ("Input.Address", Nul));
        Post("agency government of 300 000 characters", SystemAdmin, "/Admin/Agencies", null, ("Input.Name", "Dinas Uji"), ("Input.Kind", "dinas"), ("Input.Government", huge));
        Post("agency kind unknown", SystemAdmin, "/Admin/Agencies", null, ("Input.Name", "Dinas Uji"), ("Input.Kind", "<script>"), ("Input.Government", "Kabupaten Lumajang"));
        var details = $"/Admin/Agencies/Details/{a}";
        (string, string)[] Edit(string key, string value) =>
            new Dictionary<string, string> { ["Edit.Name"] = Pasrujambe, ["Edit.Kind"] = "kecamatan", ["Edit.Version"] = ids.AgencyVersion, [key] = value }.Select(x => (x.Key, x.Value)).ToArray();
        Post("agency edit name with NUL", AgencyAdmin, details + "?handler=Edit", null, Edit("Edit.Name", Nul));
        Post("agency edit address with NUL", AgencyAdmin, details + "?handler=Edit", null, Edit("Edit.Address", Nul));
        Upload("agency edit address with NUL", AgencyAdmin, details + "?handler=Edit", Edit("Edit.Address", Nul));
        Post("agency edit letter pattern with control characters", AgencyAdmin, details + "?handler=Edit", null, Edit("Edit.LetterNumberPattern", Control));
        Post("agency edit version of letters", AgencyAdmin, details + "?handler=Edit", null, Edit("Edit.Version", "terbaru"));
        foreach (var n in new[] { "NaN", "-1", "Infinity", "1000000000000000000000000000" })
            Post($"achievement cap \"{n}\"", Coordinator, details + "?handler=Rules", null, ("Rules.Cap", n), ("Rules.Version", ids.RulesVersion));
        Post("category band NaN", Coordinator, details + "?handler=Rules", null, ("Rules.Cap", "120"), ("Rules.Categories[0].Above", "NaN"), ("Rules.Categories[0].Label", "Baik"), ("Rules.Version", ids.RulesVersion));
        Post("category label with NUL", Coordinator, details + "?handler=Rules", null, ("Rules.Cap", "120"), ("Rules.Categories[0].Above", "90"), ("Rules.Categories[0].Label", Nul), ("Rules.Version", ids.RulesVersion));
        Post("rules version of letters", Coordinator, details + "?handler=Rules", null, ("Rules.Cap", "120"), ("Rules.Version", "x"));
        Post("unit name with NUL", AgencyAdmin, details, null, ("Input.Name", Nul));
        Post("unit name of 300 000 characters", AgencyAdmin, details, null, ("Input.Name", huge));
        Post("unit parent not a GUID", AgencyAdmin, details, null, ("Input.Name", "Seksi Baru"), ("Input.ParentId", "../../etc"));
        var unit = $"/Admin/Units/Details/{ids.Unit}";
        Post("unit edit name with NUL", AgencyAdmin, unit + "?handler=Edit", null, ("Edit.Name", Nul), ("Edit.Version", ids.UnitVersion));
        Post("unit edit parent not a GUID", AgencyAdmin, unit + "?handler=Edit", null, ("Edit.Name", "Seksi Kesejahteraan Sosial"), ("Edit.ParentId", "../.."), ("Edit.Version", ids.UnitVersion));
        Post("unit edit version of letters", AgencyAdmin, unit + "?handler=Edit", null, ("Edit.Name", "Seksi Kesejahteraan Sosial"), ("Edit.Version", "x"));
        Post("sub-unit name with NUL", AgencyAdmin, unit + "?handler=Unit", null, ("NewUnitName", Nul));
        (string, string)[] User(string key, string value) => new Dictionary<string, string>
        {
            ["Username"] = "pasrujambe.uji", ["Password"] = "Rahasia#2026x", ["FullName"] = "Orang Uji", [key] = value,
        }.Select(x => ("NewUser." + x.Key, x.Value)).ToArray();
        Post("unit user name as a path", AgencyAdmin, unit + "?handler=User", null, User("Username", "../../etc/passwd"));
        Post("unit user NIP of script", AgencyAdmin, unit + "?handler=User", null, User("Nip", "<script>alert(1)</script>"));
        Post("unit user full name with NUL", AgencyAdmin, unit + "?handler=User", null, User("FullName", Nul));
        Post("unit user position title with NUL", AgencyAdmin, unit + "?handler=User", null, User("PositionTitle", Nul));
        Post("unit user position title of 300 000 characters", AgencyAdmin, unit + "?handler=User", null, User("PositionTitle", huge));
        var users = $"/Admin/Users?agencyId={a}";
        (string, string)[] NewUser(string key, string value) => new Dictionary<string, string>
        {
            ["Username"] = "pasrujambe.uji", ["Password"] = "Rahasia#2026x", ["FullName"] = "Orang Uji", ["UnitId"] = ids.Unit.ToString(), ["Role"] = "staff", [key] = value,
        }.Select(x => ("Input." + x.Key, x.Value)).ToArray();
        Post("user rank with NUL", AgencyAdmin, users, null, NewUser("Rank", Nul));
        Upload("user rank with NUL", AgencyAdmin, users, NewUser("Rank", Nul));
        Upload("unit user position title with NUL", AgencyAdmin, unit + "?handler=User", User("PositionTitle", Nul));
        Upload("indicator data source with NUL", Coordinator, indicator, Indicator(("DataSource", Nul)));
        Upload("target reason with NUL", Coordinator, target, ("Edit.Year", "2026"), ("Edit.Annual", "10"), ("Edit.Reason", Nul));
        Upload("sign-in code with NUL in the address", Kasi, "/Account/TwoFactor?handler=Enable&Code=1%00", ("Code", "123456"));
        Post("user password with NUL", AgencyAdmin, users, null, NewUser("Password", "Rahasia#2026\u0000"));
        Post("user unit not a GUID", AgencyAdmin, users, null, NewUser("UnitId", "x"));
        Post("user role unknown", AgencyAdmin, users, null, NewUser("Role", "'; drop table"));
        Post("password reset too short", AgencyAdmin, $"/Admin/Users?agencyId={a}&handler=Password&userId={ids.User}", null, ("newPassword", "x"));
        Post("password reset with NUL", AgencyAdmin, $"/Admin/Users?agencyId={a}&handler=Password&userId={ids.User}", null, ("newPassword", "Rahasia#2026\u0000x"));
        Post("password reset of a user id that is not a GUID", AgencyAdmin, $"/Admin/Users?agencyId={a}&handler=Password&userId=abc", refusedOrMissing, ("newPassword", "Rahasia#2026x"));
        var positions = $"/Admin/Positions?agencyId={a}";
        Post("position title with NUL", AgencyAdmin, positions + "&handler=Create", null, ("Input.Title", Nul), ("Input.UnitId", ids.Unit.ToString()), ("Input.Role", "staff"));
        Post("position unit not a GUID", AgencyAdmin, positions + "&handler=Create", null, ("Input.Title", "Analis"), ("Input.UnitId", "x"), ("Input.Role", "staff"));
        Post("position role unknown", AgencyAdmin, positions + "&handler=Create", null, ("Input.Title", "Analis"), ("Input.UnitId", ids.Unit.ToString()), ("Input.Role", "42"));
        Post("holder from 2026-13-45", AgencyAdmin, positions + "&handler=Assign", null, ("Assign.PositionId", ids.Position.ToString()), ("Assign.UserId", ids.User.ToString()), ("Assign.Kind", "definitive"), ("Assign.From", "2026-13-45"));
        Post("holder position not a GUID", AgencyAdmin, positions + "&handler=Assign", null, ("Assign.PositionId", "x"), ("Assign.UserId", ids.User.ToString()), ("Assign.Kind", "definitive"), ("Assign.From", "2026-01-01"));
        Post("end holding on 2026-02-30", AgencyAdmin, positions + $"&handler=End&holderId={ids.Holder}", null, ("lastDay", "2026-02-30"));
        Post("end holding on a day of letters", AgencyAdmin, positions + $"&handler=End&holderId={ids.Holder}", null, ("lastDay", "kemarin"));
        Post("end holding of a holder id that is not a GUID", AgencyAdmin, positions + "&handler=End&holderId=x", refusedOrMissing, ("lastDay", "2026-06-30"));
        var holidays = $"/Admin/Holidays?agencyId={a}&year=2026";
        Post("holiday date as SQL", Coordinator, holidays + "&handler=Add", null, ("Add.Date", "'; drop table holidays"), ("Add.Name", "Libur"));
        Post("holiday date 2026-02-30", Coordinator, holidays + "&handler=Add", null, ("Add.Date", "2026-02-30"), ("Add.Name", "Libur"));
        Post("holiday in year 0001", Coordinator, holidays + "&handler=Add", null, ("Add.Date", "0001-01-01"), ("Add.Name", "Libur"));
        Post("holiday name with NUL", Coordinator, holidays + "&handler=Add", null, ("Add.Date", "2026-08-19"), ("Add.Name", Nul));
        Upload("holiday name with NUL", Coordinator, holidays + "&handler=Add", ("Add.Date", "2026-08-19"), ("Add.Name", Nul));
        Post("holiday name with control characters", Coordinator, holidays + "&handler=Add", null, ("Add.Date", "2026-08-19"), ("Add.Name", Control));
        Post("holiday removal of an id that is not a GUID", Coordinator, holidays + "&handler=Remove&holidayId=x", refusedOrMissing);

        // SOP templates, plan workbook apply, notifications, the language switch, sign-in.
        Post("SOP template for an agency id that is not a GUID", Coordinator, "/Sop?handler=Import", null, ("Import.AgencyId", "../.."), ("Import.Json", "{}"));
        Post("SOP template of a wrong shape", Coordinator, "/Sop?handler=Import", null, ("Import.AgencyId", a.ToString()), ("Import.Json", "{\"steps\": \"none\"}"));
        Post("SOP template with NUL", Coordinator, "/Sop?handler=Import", null, ("Import.AgencyId", a.ToString()), ("Import.Json", "{\"id\": \"sop-\u0000\", \"name\": \"x\"}"));
        Post("SOP template of 250 000 characters", Coordinator, "/Sop?handler=Import", null, ("Import.AgencyId", a.ToString()), ("Import.Json", new string(' ', 250_000)));
        Post("plan import apply with a token that is a path", Coordinator, $"/Plan/Import?agencyId={a}&handler=Apply", null, ("token", "../../etc/passwd"));
        Post("notification id not a GUID", Kasi, "/Notifications?handler=Open&id=..%2F..", refusedOrMissing);
        Post("language with a return address elsewhere", Kasi, "/Language", [302], ("lang", "id"), ("returnUrl", "//contoh.invalid/curi"));
        Post("language with NUL", Kasi, "/Language", null, ("lang", "en\u0000"), ("returnUrl", "/"));
        Post("language with a javascript: return address", Kasi, "/Language", [302], ("lang", "id"), ("returnUrl", "javascript:alert(1)"));
        Post("two-step code with NUL", Kasi, "/Account/TwoFactor?handler=Enable", null, ("Code", "12\u00003456"));
        Post("sign-in name with NUL", Anonymous, "/Account/Login", null, ("UserName", "admin\u0000"), ("Password", "x"));
        Post("sign-in name of 300 000 characters", Anonymous, "/Account/Login", null, ("UserName", huge), ("Password", "x"));
        return cases;
    }

    [Fact]
    public async Task Script_typed_into_page_forms_comes_back_escaped()
    {
        var ids = await SetUpAsync("2026-M05");
        const string Script = "<script>alert('kinerja')</script>";
        var kasi = await BrowserAsync(Kasi);
        var coordinator = await BrowserAsync(Coordinator);
        var admin = await BrowserAsync(AgencyAdmin);
        async Task Saved(HttpClient client, string token, string url, params (string Key, string Value)[] fields)
        {
            var response = await client.PostAsync(url, new FormUrlEncodedContent(fields.Select(x => KeyValuePair.Create(x.Key, x.Value))
                .Append(KeyValuePair.Create("__RequestVerificationToken", token))));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{url}: {Excerpt(await response.Content.ReadAsStringAsync())}");
        }

        var ws = $"/Worksheets/{ids.Sheet}";
        await Saved(kasi.Client, kasi.Token, $"{ws}?handler=Save&lineId={ids.Line}", ("realization", "1"), ("explanation", "Penjelasan " + Script));
        await Saved(kasi.Client, kasi.Token, $"{ws}?handler=Comment&lineId={ids.Line}", ("text", "Komentar " + Script));
        await Saved(admin.Client, admin.Token, $"/Admin/Units/Details/{ids.Unit}?handler=Unit", ("NewUnitName", "Subseksi " + Script));
        await Saved(coordinator.Client, coordinator.Token, $"/Reports/Details/{ids.Report}?handler=Section&key=executive-summary", ("text", "Ringkasan " + Script), ("version", ids.SectionVersion));
        await Saved(coordinator.Client, coordinator.Token, $"/Admin/Holidays?agencyId={ids.Agency}&year=2026&handler=Add", ("Add.Date", "2026-10-05"), ("Add.Name", "Libur " + Script));

        await using var db = f.NewDbContext();
        var subunit = await db.Units.Where(u => u.AgencyId == ids.Agency && u.Name == "Subseksi " + Script).Select(u => u.Id).SingleAsync();
        var pages = new (string Url, HttpClient Client)[]
        {
            (ws, kasi.Client), ($"/Admin/Units/Details/{subunit}", admin.Client), ($"/Admin/Units/Details/{ids.Unit}", admin.Client),
            ($"/Reports/Details/{ids.Report}", coordinator.Client), ($"/Admin/Holidays?agencyId={ids.Agency}&year=2026", coordinator.Client),
        };
        foreach (var (url, client) in pages)
        {
            var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            html.ShouldNotContain(Script, Shouldly.Case.Sensitive, $"{url} shows the script as markup");
            html.ShouldContain("&lt;script&gt;alert(", Shouldly.Case.Sensitive, $"{url} does not show the text escaped");
        }

        // A refused form shows what was typed again, escaped too.
        var refused = await coordinator.Client.PostAsync($"/Reports?agencyId={ids.Agency}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Create.Kind"] = "quarterly", ["Create.Period"] = Script, ["__RequestVerificationToken"] = coordinator.Token,
        }));
        var again = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.ShouldNotContain(Script);
        Message().IsMatch(again).ShouldBeTrue(Excerpt(again));
    }

    private long AuditHead()
    {
        using var db = f.NewDbContext();
        return db.AuditHeads.AsNoTracking().Single().Sequence;
    }

    /// <summary>A browser signed in as <paramref name="user"/> (none: anonymous) and the antiforgery token of its session.</summary>
    private async Task<(HttpClient Client, string Token)> BrowserAsync(string user)
    {
        if (user.Length == 0)
        {
            var anonymous = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            return (anonymous, Http.FormToken(await anonymous.GetStringAsync("/Account/Login")));
        }

        var client = await f.SignInPagesAsync(user, user == SystemAdmin ? KinerjaFixture.AdminPassword : null);
        return (client, Http.FormToken(await client.GetStringAsync("/Account/TwoFactor")));
    }

    /// <summary>Pasrujambe with a fresh round of <paramref name="period"/> (draft worksheets) and a circulating quarterly report.</summary>
    private async Task<Ids> SetUpAsync(string period)
    {
        var s = await HostileScenario.SetUpAsync(f, period);
        var (agency, unit, report, coordinator) = (s.Agency, s.Unit, s.Report, s.Coordinator);
        var positions = await coordinator.GetJson($"/api/v1/agencies/{agency}/positions");
        var position = positions.EnumerateArray().First(p => p.GetProperty("holders").EnumerateArray().Any(h => h.GetProperty("active").GetBoolean()));
        var holder = position.GetProperty("holders").EnumerateArray().First(h => h.GetProperty("active").GetBoolean());
        var section = (await coordinator.GetJson($"/api/v1/reports/{report}")).GetProperty("sections").EnumerateArray()
            .Single(x => x.GetProperty("key").GetString() == "executive-summary").GetProperty("version").GetInt32();
        // The versions the edit forms show, so a hostile value is not refused as a stale edit instead.
        var admin = await f.SignInPagesAsync(AgencyAdmin);
        var agencyPage = await admin.GetStringAsync($"/Admin/Agencies/Details/{agency}");
        var unitPage = await admin.GetStringAsync($"/Admin/Units/Details/{unit}");
        return new Ids(agency, unit, s.Round, s.Sheet, s.Line, s.BudgetLine, s.Indicator, report,
            holder.GetProperty("id").GetGuid(), holder.GetProperty("userId").GetGuid(), position.GetProperty("id").GetGuid(), s.ManualStep,
            FormValue(agencyPage, "Edit.Version"), FormValue(agencyPage, "Rules.Version"), FormValue(unitPage, "Edit.Version"), section.ToString());
    }

    private static FormUrlEncodedContent Urlencoded((string Key, string Value)[] fields) => new(fields.Select(x => KeyValuePair.Create(x.Key, x.Value)));

    private static MultipartFormDataContent Multipart((string Key, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        return form;
    }

    private static string FormValue(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : throw new ShouldAssertException($"no {name} in the page");

    private static string Excerpt(string body)
    {
        // The page's messages when there are some, else the start of the body.
        var at = body.IndexOf("alert-danger", StringComparison.Ordinal);
        var text = at >= 0 ? body[at..] : body;
        return text.Length <= 300 ? text : text[..300] + "…";
    }

    private static string Shorten(string text, int max = 120) => text.Length <= max ? text : text[..max] + "…";
}

public sealed class HostilePageFormTestsOnSqlite(SqliteFixture f) : HostilePageFormTests(f), IClassFixture<SqliteFixture>;

public sealed class HostilePageFormTestsOnPostgres(PostgresFixture f) : HostilePageFormTests(f), IClassFixture<PostgresFixture>;
