using System.Net;
using System.Text.RegularExpressions;
using Kinerja.Pages.Sop;

namespace Kinerja.Tests;

/// <summary>
/// The SOP pages: a round's steps with their states, a step without a system action completed through the page, the
/// templates list, the import form's problems, and another agency's template kept hidden.
/// </summary>
public abstract class SopPagesTests(KinerjaFixture f)
{
    private const string Coordinator = "pasrujambe.kasubbag-pk";
    private const string Secretary = "pasrujambe.sekcam";

    /// <summary>The sixth agency's SOP of <see cref="SopApiTests"/>: step 5 is a meeting without a system action.</summary>
    private const string SixthAgencySop = SopApiTests.SixthAgencySop;


    private static string Row(string page, int number) =>
        Regex.Match(page, $"<tr id=\"step-{number}\"[^>]*>.*?</tr>", RegexOptions.Singleline).Value;

    private static string State(string page, int number) =>
        Regex.Match(Row(page, number), "data-state=\"([^\"]+)\"").Groups[1].Value;

    private async Task<string> RoundIdAsync(HttpClient client, Guid agency, string period) =>
        (await client.GetJson($"/api/v1/agencies/{agency}/rounds")).EnumerateArray()
        .Last(r => r.GetProperty("period").GetString() == period).GetProperty("id").GetString()!;

    private async Task<string> ImportAsync(HttpClient pages, Guid agency, string json)
    {
        var form = await pages.GetStringAsync("/Sop");
        var response = await pages.PostAsync("/Sop?handler=Import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Import.AgencyId"] = agency.ToString(), ["Import.Json"] = json, ["__RequestVerificationToken"] = Http.FormToken(form),
        }));
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.ToString() : await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_round_page_shows_each_step_with_its_state_and_a_meeting_is_completed_there()
    {
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var api = await f.SignedInAsync(Coordinator);
        var secretary = await f.SignedInAsync(Secretary);
        var pages = await f.SignInPagesAsync(Coordinator);

        // The generic SOP after every worksheet is verified: steps 1-4 done on time, the recap step running.
        await RecapScenario.RunAsync(api, secretary, agency, "2026-Q1", code => RecapScenario.Quarters2026[code][0], RoundStage.Verified);
        var generic = await pages.GetStringAsync($"/Rounds/Details/{await RoundIdAsync(api, agency, "2026-Q1")}");
        generic.ShouldContain("data-testid=\"sop-steps\"");
        foreach (var n in new[] { 1, 2, 3, 4 }) State(generic, n).ShouldBe("doneOnTime", $"step {n}");
        State(generic, 5).ShouldBe("running");
        Row(generic, 4).ShouldContain("Selesai tepat waktu");
        Row(generic, 3).ShouldContain("Kepala Unit");
        generic.ShouldNotContain("data-testid=\"complete-step-", Case.Sensitive, "the generic SOP has no step without a system action");

        // An imported SOP with a meeting step: the page offers its form and completes it with a note and the minutes.
        (await ImportAsync(pages, agency, SixthAgencySop)).ShouldBe("/Sop/Details/sop-bappelitbangda-2026");
        await RecapScenario.RunAsync(api, secretary, agency, "2026-Q2", code => RecapScenario.Quarters2026[code][1], RoundStage.Verified, "sop-bappelitbangda-2026");
        var roundId = await RoundIdAsync(api, agency, "2026-Q2");
        var before = await pages.GetStringAsync($"/Rounds/Details/{roundId}");
        State(before, 5).ShouldBe("running");
        State(before, 6).ShouldBe("notStarted");
        before.ShouldContain("data-testid=\"complete-step-5\"");

        using var form = new MultipartFormDataContent
        {
            { new StringContent(Http.FormToken(before)), "__RequestVerificationToken" },
            { new StringContent("Rapat 3 April, 6 peserta."), "note" },
            { new ByteArrayContent("%PDF-1.4\n%notulen\n"u8.ToArray()), "file", "notulen.pdf" },
        };
        var done = await pages.PostAsync($"/Rounds/Details/{roundId}?handler=CompleteStep&number=5", form);
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await pages.GetStringAsync($"/Rounds/Details/{roundId}");
        State(after, 5).ShouldBeOneOf("doneOnTime", "doneLate");
        Row(after, 5).ShouldContain("Rapat 3 April, 6 peserta.");
        Row(after, 5).ShouldContain(Coordinator);
        after.ShouldNotContain("data-testid=\"complete-step-5\"");
        var file = await pages.GetAsync($"/Rounds/Details/{roundId}?handler=StepFile&number=5");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");

        // A second completion (a stale form) is refused next to the form, with the note kept.
        using var again = new MultipartFormDataContent
        {
            { new StringContent(Http.FormToken(before)), "__RequestVerificationToken" }, { new StringContent("lagi"), "note" },
        };
        var refused = await (await pages.PostAsync($"/Rounds/Details/{roundId}?handler=CompleteStep&number=5", again)).Content.ReadAsStringAsync();
        refused.ShouldContain($"Langkah 5 sudah diselesaikan oleh {Coordinator}.");

        // The timing report on the template's page counts the round.
        var details = await pages.GetStringAsync("/Sop/Details/sop-bappelitbangda-2026");
        details.ShouldContain("data-testid=\"timing\"");
        Regex.Matches(details, "data-testid=\"timing-row\"").Count.ShouldBe(7);
    }

    [Fact]
    public async Task The_templates_list_the_seeds_and_the_generic_one_and_the_import_lists_every_problem()
    {
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var pages = await f.SignInPagesAsync(Coordinator);
        (await pages.GetStringAsync("/")).ShouldContain("data-testid=\"nav-sop\"");
        var list = await pages.GetStringAsync("/Sop");
        var ids = Regex.Matches(list, "data-testid=\"template-row\" data-id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        ids.Take(6).ShouldBe(Kinerja.Features.Sop.SopCatalog.BuiltIn.Select(t => t.Id));
        ids.Count(i => i.StartsWith("seed-", StringComparison.Ordinal)).ShouldBe(5);
        ids.ShouldContain("builtin-generic");

        var seed = await pages.GetStringAsync($"/Sop/Details/{ids[0]}");
        seed.ShouldContain("data-testid=\"download-json\"");
        seed.ShouldContain("membuka putaran");
        var json = await pages.GetAsync($"/Sop/Details/{ids[0]}?handler=Json");
        json.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await json.Content.ReadAsStringAsync()).ShouldContain($"\"id\": \"{ids[0]}\"");

        var broken = SixthAgencySop.Replace("\"yesGoesTo\": 5, \"noGoesTo\": 3", "\"yesGoesTo\": 5")
            .Replace("\"actors\": [\"kabid\"], \"kind\": \"process\", \"action\": \"fillAndSubmit\"", "\"actors\": [\"bendahara\"], \"kind\": \"process\", \"action\": \"fillAndSubmit\"")
            .Replace("sop-bappelitbangda-2026", "sop-rusak-2026");
        var refused = await ImportAsync(pages, agency, broken);
        refused.ShouldContain("data-testid=\"form-errors\"");
        refused.ShouldContain(System.Net.WebUtility.HtmlEncode("Langkah 4: keputusan perlu tujuan untuk jawaban \"tidak\"."));
        refused.ShouldContain(System.Net.WebUtility.HtmlEncode("Langkah 3: pelaksana \"bendahara\" tidak ada dalam daftar pelaksana SOP."));
        refused.ShouldContain(System.Net.WebUtility.HtmlEncode("\"actors\": [\"bendahara\"]"), Case.Sensitive, "the typed JSON is kept");
        (await pages.GetStringAsync("/Sop")).ShouldNotContain("sop-rusak-2026");

        // Another agency's own template is not found by an outsider, and a staff member sees no import form.
        (await ImportAsync(pages, agency, SixthAgencySop.Replace("sop-bappelitbangda-2026", "sop-pasrujambe-sendiri"))).ShouldBe("/Sop/Details/sop-pasrujambe-sendiri");
        var outsider = await f.SignInPagesAsync("dkp.kasubag-kp");
        (await outsider.GetAsync("/Sop/Details/sop-pasrujambe-sendiri")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync("/Sop/Details/sop-pasrujambe-sendiri?handler=Json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetStringAsync("/Sop")).ShouldNotContain("sop-pasrujambe-sendiri");
        (await (await f.SignInPagesAsync("pasrujambe.staf-pk")).GetStringAsync("/Sop")).ShouldNotContain("data-testid=\"import\"");
    }

    [Theory]
    [InlineData(null, null, "-")]
    [InlineData(15, 0, "15 menit")]
    [InlineData(60, 0, "1 jam")]
    [InlineData(80, 0, "1 jam 20 menit")]
    [InlineData(600, 1, "10 jam")]
    [InlineData(1020, 2, "2 hari kerja")]
    [InlineData(90, 2, "1 jam 30 menit")]
    public void Real_durations_read_as_office_time(int? minutes, int? days, string expected) =>
        SopLabels.Duration(minutes, days).ToString().ShouldBe(expected);
}

public sealed class SopPagesTestsOnSqlite(SqliteFixture f) : SopPagesTests(f), IClassFixture<SqliteFixture>;

public sealed class SopPagesTestsOnPostgres(PostgresFixture f) : SopPagesTests(f), IClassFixture<PostgresFixture>;
