using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kinerja.Tests;

/// <summary>The recap, early-warning and government pages over HTTP, as a signed-in person sees them.</summary>
public abstract class RecapPagesTests(KinerjaFixture f)
{
    [Fact]
    public async Task The_recap_page_shows_objectives_indicators_categories_charts_and_the_workbook()
    {
        await RecapScenario.EnsurePasrujambeAsync(f);
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var staff = await f.SignInPagesAsync("pasrujambe.staf-pem");

        var home = await staff.GetStringAsync("/");
        home.ShouldContain($"href=\"/Recap?agencyId={agency}\"");
        home.ShouldNotContain("data-testid=\"nav-government\"");

        var raw = await staff.GetStringAsync($"/Recap?agencyId={agency}&period=2026-Q2");
        var page = WebUtility.HtmlDecode(raw);
        page.ShouldContain("Rekap capaian kinerja · Triwulan II 2026");
        page.ShouldContain("<option value=\"2026-Q2\" selected=\"selected\">Triwulan II 2026</option>");
        Regex.IsMatch(page, "data-testid=\"agency-achievement\">82,85 %</div>\\s*<span class=\"badge category-green\">Tinggi</span>").ShouldBeTrue();
        page.ShouldContain("data-testid=\"objective-category-S2\">Sangat Rendah</span>");
        page.ShouldContain("class=\"badge category-red\" data-testid=\"objective-category-S2\"");
        var row = Regex.Match(page, "<tr data-testid=\"recap-row-IKU-04\">(.+?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        row.ShouldContain("50,00 %");
        row.ShouldContain("Jumlah temuan hasil pemeriksaan Inspektorat");
        row.ShouldContain("Triwulan I 2026: 1 (100,00 %)"); // the previous quarter
        Regex.Match(page, "<tr data-testid=\"recap-row-IKU-05\">(.+?)</tr>", RegexOptions.Singleline).Groups[1].Value.ShouldContain("81 - 91");
        page.ShouldContain("Target triwulan belum diisi.");
        page.ShouldContain("data-testid=\"completeness\">7 / 7</div>");
        page.ShouldContain("Seksi Pemerintahan");
        page.ShouldNotContain("data-testid=\"provisional\"");

        // Charts: Chart.js from this site, the data as JSON (no inline script), for each quarter of the year.
        page.ShouldContain("/lib/chart.js/chart.umd.min.js");
        page.ShouldContain("/js/recap-charts.js");
        // Nothing from a CDN or any other site: every script and stylesheet comes from this one. (Looking for the letters
        // "cdn" anywhere in the page failed one CI run: the page's only random text, its antiforgery tokens, can hold them.)
        var resources = Regex.Matches(raw, "<(?:script|link)\\b[^>]*\\b(?:src|href)=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        resources.ShouldContain(r => r.StartsWith("/lib/chart.js/", StringComparison.Ordinal));
        resources.ShouldAllBe(r => r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal));
        resources.ShouldNotContain(r => r.Contains("cdn", StringComparison.OrdinalIgnoreCase));
        var json = Regex.Match(raw, "<script type=\"application/json\" id=\"recap-trend\">(.+?)</script>", RegexOptions.Singleline).Groups[1].Value;
        using (var trend = JsonDocument.Parse(json))
        {
            trend.RootElement.GetProperty("agency").EnumerateArray().Select(a => a.GetDecimal()).ShouldBe([97.66m, 82.85m, 99.19m, 94.90m]);
            var p01 = trend.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "P-01");
            p01.GetProperty("realizations").EnumerateArray().Select(a => a.GetDecimal()).ShouldBe([6m, 8m, 7m, 5m]);
            p01.GetProperty("targets").EnumerateArray().Select(a => a.GetDecimal()).ShouldBe([7m, 7m, 7m, 7m]);
        }

        var chartJs = await staff.GetAsync("/lib/chart.js/chart.umd.min.js");
        chartJs.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await chartJs.Content.ReadAsStringAsync()).ShouldContain("Chart");
        (await staff.GetAsync("/js/recap-charts.js")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var link = Regex.Match(raw, "href=\"([^\"]+)\" data-testid=\"recap-xlsx\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        link.ShouldContain("handler=Xlsx");
        var xlsx = await staff.GetAsync(link);
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await xlsx.Content.ReadAsByteArrayAsync()).Take(2).ShouldBe("PK"u8.ToArray());

        var bad = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Recap?agencyId={agency}&period=2026-Q9"));
        bad.ShouldContain("Periode \"2026-Q9\" tidak dikenal.");

        var outsider = await f.SignInPagesAsync("dkp.kasubag-kp");
        (await outsider.GetAsync($"/Recap?agencyId={agency}&period=2026-Q2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_chart_data_has_values_only_for_quarters_with_data_of_their_own()
    {
        // Tanjunganom (the same kecamatan plan) reports Triwulan I and III only: Triwulan II and IV have no data.
        const string tanjunganom = "Kecamatan Tanjunganom";
        var agency = await f.AgencyIdAsync(tanjunganom);
        var coordinator = await f.SignedInAsync("tanjunganom.kasubag-pek");
        var secretary = await f.SignedInAsync("tanjunganom.sekcam");
        foreach (var q in new[] { 1, 3 })
        {
            await RecapScenario.RunAsync(coordinator, secretary, agency, $"2026-Q{q}", code => RecapScenario.Quarters2026[code][q - 1], RoundStage.Verified);
        }

        var staff = await f.SignInPagesAsync("tanjunganom.staf");
        var raw = await staff.GetStringAsync($"/Recap?agencyId={agency}&period=2026-Q1");
        var json = Regex.Match(raw, "<script type=\"application/json\" id=\"recap-trend\">(.+?)</script>", RegexOptions.Singleline).Groups[1].Value;
        using var trend = JsonDocument.Parse(json);
        static decimal? Value(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal();
        var agencyTrend = trend.RootElement.GetProperty("agency").EnumerateArray().Select(Value).ToList();
        var objectives = trend.RootElement.GetProperty("objectives").EnumerateArray()
            .ToDictionary(o => o.GetProperty("code").GetString()!, o => o.GetProperty("achievements").EnumerateArray().Select(Value).ToList());

        // A quarter with data shows the recap's figure to date; one without is empty, not the figure carried over.
        var q1 = await coordinator.GetJson($"/api/v1/agencies/{agency}/recap?period=2026-Q1");
        var q3 = await coordinator.GetJson($"/api/v1/agencies/{agency}/recap?period=2026-Q3");
        q1.GetProperty("agencyAchievement").GetDecimal().ShouldBe(97.66m); // as for Pasrujambe, which has the same Triwulan I
        agencyTrend.ShouldBe([97.66m, null, Value(q3.GetProperty("agencyAchievement")), null]);
        agencyTrend[2].ShouldNotBeNull();
        objectives.Keys.ShouldBe(["S1", "S2", "S3"]);
        foreach (var code in objectives.Keys)
        {
            decimal? Of(JsonElement recap) => Value(recap.GetProperty("objectives").EnumerateArray().Single(o => o.GetProperty("code").GetString() == code).GetProperty("achievement"));
            objectives[code].ShouldBe([Of(q1), null, Of(q3), null], code);
        }

        objectives["S1"][0].ShouldBe(96.68m);
        var iku02 = trend.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "IKU-02");
        iku02.GetProperty("realizations").EnumerateArray().Select(Value).ShouldBe([92m, null, 95m, null]);
    }

    [Fact]
    public async Task Provisional_values_are_marked_on_the_page()
    {
        var agency = await f.AgencyIdAsync("Kecamatan Paringin Selatan");
        var coordinator = await f.SignedInAsync("paringin.kasubbag");
        var secretary = await f.SignedInAsync("paringin.sekcam");
        await RecapScenario.RunAsync(coordinator, secretary, agency, "2026-Q1", code => RecapScenario.Quarters2026[code][0], RoundStage.Submitted);

        var head = await f.SignInPagesAsync("paringin.camat");
        var verifiedOnly = WebUtility.HtmlDecode(await head.GetStringAsync($"/Recap?agencyId={agency}&period=2026-Q1"));
        verifiedOnly.ShouldNotContain("data-testid=\"provisional\"");
        verifiedOnly.ShouldContain("data-testid=\"completeness\">0 / 7</div>");

        var page = WebUtility.HtmlDecode(await head.GetStringAsync($"/Recap?agencyId={agency}&period=2026-Q1&includeUnverified=true"));
        page.ShouldContain("data-testid=\"provisional-note\"");
        Regex.Matches(page, "data-testid=\"provisional\"").Count.ShouldBe(7);
        var ikm = Regex.Match(page, "<tr data-testid=\"recap-row-IKU-01\">(.+?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Regex.IsMatch(ikm, ">79\\s*<span class=\"text-warning fw-bold\" title=\"sementara\">\\*</span>").ShouldBeTrue(ikm);
        page.ShouldContain("href=\"/Recap?agencyId=" + agency + "&period=2026-Q1&includeUnverified=true&handler=Xlsx\"");
    }

    [Fact]
    public async Task The_early_warning_page_lists_indicators_at_risk_with_the_reason()
    {
        await RecapScenario.EnsurePasrujambeAsync(f);
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var coordinator = await f.SignInPagesAsync("pasrujambe.kasubbag-pk");
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Recap/EarlyWarning?agencyId={agency}&year=2026"));
        page.ShouldContain("Data terverifikasi sampai Triwulan IV 2026");
        var row = Regex.Match(page, "<tr data-testid=\"warning-row-P-01\" class=\"table-danger\">(.+?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        row.ShouldContain("Berisiko tidak tercapai");
        row.ShouldContain("Proyeksi capaian akhir tahun 92,86 %, di bawah 100,00 %: target tahun ini berisiko tidak tercapai.");
        Regex.Match(page, "<tr data-testid=\"warning-row-IKU-03\"[^>]*>(.+?)</tr>", RegexOptions.Singleline).Groups[1].Value.ShouldContain("Diperkirakan tercapai");
        page.ShouldContain("4 berisiko"); // as of Triwulan IV the projection is the year's actual: IKU-01, IKU-02, IKU-04, P-01 are below 100 %

        var outsider = await f.SignInPagesAsync("dkp.kasubag-kp");
        (await outsider.GetAsync($"/Recap/EarlyWarning?agencyId={agency}&year=2026")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_inspectorate_sees_the_regency_side_by_side_a_camat_does_not()
    {
        await RecapScenario.EnsurePasrujambeAsync(f);
        var auditor = await f.SignInPagesAsync("inspektorat.auditor");
        var home = await auditor.GetStringAsync("/");
        var link = Regex.Match(home, "href=\"(/Recap/Government\\?governmentId=[^\"]+)\" data-testid=\"nav-government\"").Groups[1].Value;
        link.ShouldNotBeEmpty();
        var page = WebUtility.HtmlDecode(await auditor.GetStringAsync(link + "&period=2026-Q2"));
        page.ShouldContain("Rekap pemerintah daerah · Triwulan II 2026");
        page.ShouldContain("Kabupaten Lumajang");
        var rows = Regex.Matches(page, "<tr data-testid=\"government-row\">(.+?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldContain("Inspektorat Kabupaten Lumajang");
        rows[0].ShouldContain("belum ada rencana kinerja");
        rows[1].ShouldContain(RecapScenario.Pasrujambe);
        rows[1].ShouldContain("82,85 %");
        rows[1].ShouldContain("<span class=\"badge category-red me-1\" title=\"Meningkatnya akuntabilitas kinerja kecamatan\">S2 50,00 %</span>");

        // The auditor opens each agency's audit trail from its row, and reads it without belonging to the agency.
        var trailLink = Regex.Match(rows[1], "href=\"(/Audit\\?agencyId=[^\"]+)\" data-testid=\"agency-audit\"").Groups[1].Value;
        trailLink.ShouldNotBeEmpty();
        var trail = WebUtility.HtmlDecode(await auditor.GetStringAsync(trailLink));
        trail.ShouldContain("Jejak audit");
        trail.ShouldContain(RecapScenario.Pasrujambe);
        trail.ShouldContain("WorksheetLine");
        trail.ShouldNotContain("/Admin/Agencies/Details/"); // the agency's own pages stay closed to the auditor
        var dkp = await f.AgencyIdAsync("Dinas Kelautan dan Perikanan");
        (await auditor.GetAsync($"/Audit?agencyId={dkp}")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // another regency's agency

        var camat = await f.SignInPagesAsync("pasrujambe.camat");
        (await camat.GetStringAsync("/")).ShouldNotContain("data-testid=\"nav-government\"");
        var denied = await camat.GetAsync(link);
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var stranger = await f.SignInPagesAsync("dkp.kadis");
        (await stranger.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class RecapPagesTestsOnSqlite(SqliteFixture f) : RecapPagesTests(f), IClassFixture<SqliteFixture>;

public sealed class RecapPagesTestsOnPostgres(PostgresFixture f) : RecapPagesTests(f), IClassFixture<PostgresFixture>;
