using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Kinerja.Documents;

namespace Kinerja.Tests;

/// <summary>
/// The recap through the API, after rounds taken to verified through the API (<see cref="RecapScenario"/>). Every
/// expected figure is computed by hand from the demo plan's targets and the scenario's realizations.
/// </summary>
public abstract class RecapApiTests(KinerjaFixture f)
{
    [Fact]
    public void Reading_an_agencys_recap_takes_turns_from_the_request_to_the_last_byte_of_the_answer()
    {
        // The concurrency limit covers writing the answer: 256 readers at once took the server to 800 MB without it, 380 MB with it.
        var endpoints = f.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().ToList();
        string? Policy(string pattern) => endpoints.Single(e => e.RoutePattern.RawText == pattern)
            .Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName;
        Policy("/api/v1/agencies/{agencyId:guid}/recap").ShouldBe(Kinerja.Infrastructure.RecapReads.Policy);
        Policy("/api/v1/agencies/{agencyId:guid}/recap.xlsx").ShouldBe(Kinerja.Infrastructure.RecapReads.Policy);
        Policy("Recap").ShouldBe(Kinerja.Infrastructure.RecapReads.Policy);
    }

    private static JsonElement Indicator(JsonElement recap, string code) =>
        recap.GetProperty("objectives").EnumerateArray().SelectMany(o => o.GetProperty("indicators").EnumerateArray())
            .Concat(recap.GetProperty("otherIndicators").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == code);

    private static JsonElement Objective(JsonElement recap, string code) =>
        recap.GetProperty("objectives").EnumerateArray().Single(o => o.GetProperty("code").GetString() == code);

    private static decimal? Number(JsonElement e, string property) =>
        e.GetProperty(property).ValueKind == JsonValueKind.Null ? null : e.GetProperty(property).GetDecimal();

    /// <summary>target, realization, achievement (to date) then periodTarget, periodRealization, periodAchievement.</summary>
    private static void Figures(JsonElement recap, string code, decimal? t, decimal? r, decimal? a, decimal? pt, decimal? pr, decimal? pa)
    {
        var i = Indicator(recap, code);
        (Number(i, "target"), Number(i, "realization"), Number(i, "achievement")).ShouldBe((t, r, a), $"{code} to date");
        (Number(i, "periodTarget"), Number(i, "periodRealization"), Number(i, "periodAchievement")).ShouldBe((pt, pr, pa), $"{code} period alone");
    }

    private async Task<JsonElement> RecapAsync(HttpClient client, string period, bool includeUnverified = false)
    {
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        return await client.GetJson($"/api/v1/agencies/{agency}/recap?period={period}" + (includeUnverified ? "&includeUnverified=true" : ""));
    }

    [Fact]
    public async Task Quarters_semesters_and_the_year_follow_each_indicators_polarity_and_aggregation()
    {
        await RecapScenario.EnsurePasrujambeAsync(f);
        var staff = await f.SignedInAsync("pasrujambe.staf-pem"); // a unit role reads the whole agency's recap

        var q1 = await RecapAsync(staff, "2026-Q1");
        q1.GetProperty("period").GetString().ShouldBe("2026-Q1");
        q1.GetProperty("periodName").GetString().ShouldBe("Triwulan I 2026");
        Figures(q1, "IKU-01", 81, 79, 97.53m, 81, 79, 97.53m);          // higher, last: 79 / 81
        Figures(q1, "IKU-02", 96, 92, 95.83m, 96, 92, 95.83m);          // higher, average
        Figures(q1, "IKU-05", null, 78, 96.30m, null, 78, 96.30m);      // range 81-91, below: 78 / 81
        Figures(q1, "P-01", 7, 6, 85.71m, 7, 6, 85.71m);                // higher, sum
        var iku03 = Indicator(q1, "IKU-03");                              // only a year-end target
        (Number(iku03, "achievement"), iku03.GetProperty("status").GetString()).ShouldBe((null, "noTarget"));
        iku03.GetProperty("reason").GetString().ShouldBe("Target triwulan belum diisi.");
        iku03.GetProperty("realization").GetDecimal().ShouldBe(60m);
        Indicator(q1, "IKU-05").GetProperty("rangeLow").GetDecimal().ShouldBe(81m);
        Indicator(q1, "IKU-05").GetProperty("rangeHigh").GetDecimal().ShouldBe(91m);
        Objective(q1, "S1").GetProperty("achievement").GetDecimal().ShouldBe(96.68m); // (97,53.. + 95,83..) / 2
        Objective(q1, "S2").GetProperty("achievement").GetDecimal().ShouldBe(100m);   // IKU-03 not computable: skipped, not 0
        Objective(q1, "S2").GetProperty("note").GetString().ShouldBe("1 dari 2 indikator dilewati karena capaiannya tidak dapat dihitung.");
        q1.GetProperty("agencyAchievement").GetDecimal().ShouldBe(97.66m);
        q1.GetProperty("category").GetString().ShouldBe("Sangat Tinggi");
        q1.GetProperty("categoryColour").GetString().ShouldBe("darkgreen");

        var q2 = await RecapAsync(staff, "2026-Q2");
        Figures(q2, "IKU-01", 82, 80.5m, 98.17m, 82, 80.5m, 98.17m);   // last: to date is the Q2 value
        Figures(q2, "IKU-02", 96, 95, 98.96m, 96, 98, 102.08m);         // average: (92 + 98) / 2 to date
        Figures(q2, "IKU-04", 2, 3, 50m, 1, 2, 0m);                     // lower, sum: (2x2 - 3) / 2; alone (2 - 2) / 1
        Figures(q2, "P-01", 14, 14, 100m, 7, 8, 114.29m);
        Figures(q2, "IKU-05", null, 85, 100m, null, 85, 100m);          // inside the range
        Objective(q2, "S1").GetProperty("achievement").GetDecimal().ShouldBe(98.56m);
        Objective(q2, "S1").GetProperty("periodAchievement").GetDecimal().ShouldBe(100.13m);
        Objective(q2, "S2").GetProperty("category").GetString().ShouldBe("Sangat Rendah"); // 50 is <= 50
        Objective(q2, "S2").GetProperty("categoryColour").GetString().ShouldBe("red");
        q2.GetProperty("agencyAchievement").GetDecimal().ShouldBe(82.85m);
        q2.GetProperty("category").GetString().ShouldBe("Tinggi");
        q2.GetProperty("agencyPeriodAchievement").GetDecimal().ShouldBe(66.71m);
        q2.GetProperty("periodCategory").GetString().ShouldBe("Sedang");

        var q3 = await RecapAsync(staff, "2026-Q3");
        Figures(q3, "IKU-04", 3, 3, 100m, 1, 0, 200m);                  // no finding in Q3: (2 - 0) / 1
        Figures(q3, "IKU-05", null, 93, 97.80m, null, 93, 97.80m);      // above the range: (2x91 - 93) / 91
        Figures(q3, "K-01", 6, 5, 83.33m, 2, 1, 50m);
        q3.GetProperty("agencyAchievement").GetDecimal().ShouldBe(99.19m);

        var q4 = await RecapAsync(staff, "2026-Q4");
        Figures(q4, "IKU-02", 96, 95.5m, 99.48m, 96, 97, 101.04m);      // to date spans the year: annual target
        Figures(q4, "IKU-03", 67, 70, 104.48m, 67, 70, 104.48m);
        Figures(q4, "IKU-04", 3, 4, 66.67m, 0, 1, 0m);                  // lower with target 0 and a finding: 0 %
        Figures(q4, "P-01", 28, 26, 92.86m, 7, 5, 71.43m);

        var s1 = await RecapAsync(staff, "2026-S1");
        Figures(s1, "IKU-02", 96, 95, 98.96m, 96, 95, 98.96m);          // semester I alone = to date
        Figures(s1, "IKU-04", 2, 3, 50m, 2, 3, 50m);
        s1.GetProperty("agencyAchievement").GetDecimal().ShouldBe(82.85m);

        var s2 = await RecapAsync(staff, "2026-S2");
        Figures(s2, "IKU-01", 83, 82, 98.80m, 83, 82, 98.80m);
        Figures(s2, "IKU-02", 96, 95.5m, 99.48m, 96, 96, 100m);         // alone: (95 + 97) / 2
        Figures(s2, "IKU-04", 3, 4, 66.67m, 1, 1, 100m);
        Figures(s2, "P-01", 28, 26, 92.86m, 14, 12, 85.71m);
        s2.GetProperty("agencyPeriodAchievement").GetDecimal().ShouldBe(100.55m);

        var year = await RecapAsync(staff, "2026");
        Figures(year, "IKU-01", 83, 82, 98.80m, 83, 82, 98.80m);
        Figures(year, "IKU-04", 3, 4, 66.67m, 3, 4, 66.67m);
        Figures(year, "IKU-05", null, 88, 100m, null, 88, 100m);
        Figures(year, "K-01", 8, 8, 100m, 8, 8, 100m);
        Objective(year, "S2").GetProperty("achievement").GetDecimal().ShouldBe(85.57m);
        year.GetProperty("agencyAchievement").GetDecimal().ShouldBe(94.90m);
        year.GetProperty("agencyPeriodAchievement").GetDecimal().ShouldBe(94.90m);

        // Program and activity indicators are listed but not averaged into objectives.
        year.GetProperty("otherIndicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ShouldBe(["K-01", "P-01"]);
        year.GetProperty("objectives").EnumerateArray().Select(o => o.GetProperty("code").GetString()).ShouldBe(["S1", "S2", "S3"]);

        // Per unit, and how complete the data is.
        var unit = year.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unit").GetString() == "Seksi Pemerintahan");
        unit.GetProperty("indicatorCodes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["IKU-02", "P-01"]);
        unit.GetProperty("achievement").GetDecimal().ShouldBe(96.17m); // (99,479.. + 92,857..) / 2
        unit.GetProperty("verified").GetInt32().ShouldBe(2);
        var completeness = year.GetProperty("completeness");
        (completeness.GetProperty("indicators").GetInt32(), completeness.GetProperty("verified").GetInt32(), completeness.GetProperty("missing").GetInt32())
            .ShouldBe((7, 7, 0));
        year.GetProperty("scale").EnumerateArray().Select(b => b.GetProperty("label").GetString())
            .ShouldBe(["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]);

        // Against the Renstra end target (IKU-01: 86) and the national standard.
        var ikm = Indicator(year, "IKU-01");
        ikm.GetProperty("strategicEndTarget").GetDecimal().ShouldBe(86m);
        ikm.GetProperty("endTargetAchievement").GetDecimal().ShouldBe(95.35m); // 82 / 86
        ikm.GetProperty("nationalStandard").GetDecimal().ShouldBe(76.61m);
    }

    [Fact]
    public async Task Each_period_is_compared_with_the_previous_one_and_with_the_same_period_last_year()
    {
        await RecapScenario.EnsurePasrujambeAsync(f);
        var head = await f.SignedInAsync("pasrujambe.camat");

        // Triwulan I 2025 is formed from the monthly rounds of January to March by each aggregation.
        var q1of2025 = await RecapAsync(head, "2025-Q1");
        Figures(q1of2025, "IKU-01", 80, 79.5m, 99.38m, 80, 79.5m, 99.38m); // last: March
        Figures(q1of2025, "IKU-02", 95, 93, 97.89m, 95, 93, 97.89m);       // average of 90, 93, 96
        Figures(q1of2025, "P-01", 6, 5, 83.33m, 6, 5, 83.33m);             // sum of 1, 2, 2
        q1of2025.GetProperty("agencyAchievement").GetDecimal().ShouldBe(99.54m);

        var q1 = await RecapAsync(head, "2026-Q1");
        var lastYear = q1.GetProperty("samePeriodLastYear");
        (lastYear.GetProperty("period").GetString(), Number(lastYear, "achievement")).ShouldBe(("2025-Q1", 99.54m));
        var p01 = Indicator(q1, "P-01");
        (Number(p01.GetProperty("samePeriodLastYear"), "realization"), Number(p01.GetProperty("samePeriodLastYear"), "achievement")).ShouldBe((5m, 83.33m));
        var previous = q1.GetProperty("previousPeriod"); // Triwulan IV 2025: nothing collected
        (previous.GetProperty("period").GetString(), Number(previous, "achievement")).ShouldBe(("2025-Q4", null));
        p01.GetProperty("previousPeriod").GetProperty("status").GetString().ShouldBe("noRealization");

        var q2 = await RecapAsync(head, "2026-Q2");
        (q2.GetProperty("previousPeriod").GetProperty("period").GetString(), Number(q2.GetProperty("previousPeriod"), "achievement")).ShouldBe(("2026-Q1", 97.66m));
        var iku04 = Indicator(q2, "IKU-04").GetProperty("previousPeriod");
        (Number(iku04, "target"), Number(iku04, "realization"), Number(iku04, "achievement")).ShouldBe((1m, 1m, 100m));
        Objective(q2, "S1").GetProperty("previousPeriodAchievement").GetDecimal().ShouldBe(96.68m);

        // Years before the system was used come from the recorded history (IKU-01 in 2024: 80,6; no 2024 target).
        var y2025 = await RecapAsync(head, "2025");
        var history = Indicator(y2025, "IKU-01").GetProperty("samePeriodLastYear");
        (history.GetProperty("period").GetString(), Number(history, "realization"), history.GetProperty("status").GetString())
            .ShouldBe(("2024", 80.6m, "noTarget"));
    }

    [Fact]
    public async Task Unverified_values_are_shown_only_on_request_marked_provisional_and_a_verified_value_wins()
    {
        var agency = await f.AgencyIdAsync("Kecamatan Paringin Selatan");
        var coordinator = await f.SignedInAsync("paringin.kasubbag");
        var secretary = await f.SignedInAsync("paringin.sekcam");
        decimal Q1(string code) => RecapScenario.Quarters2026[code][0];
        decimal Q2(string code) => RecapScenario.Quarters2026[code][1];
        await RecapScenario.RunAsync(coordinator, secretary, agency, "2026-Q1", Q1, RoundStage.Verified);
        var q2Sheets = await RecapScenario.RunAsync(coordinator, secretary, agency, "2026-Q2", Q2, RoundStage.Submitted);
        await RecapScenario.RunAsync(coordinator, secretary, agency, "2026-M01", _ => 1m, RoundStage.Draft);
        var url = $"/api/v1/agencies/{agency}/recap?period=2026-Q2";

        var verifiedOnly = await coordinator.GetJson(url);
        verifiedOnly.GetProperty("includeUnverified").GetBoolean().ShouldBeFalse();
        var ikm = Indicator(verifiedOnly, "IKU-01");
        (Number(ikm, "periodRealization"), ikm.GetProperty("periodStatus").GetString(), ikm.GetProperty("data").GetString())
            .ShouldBe((null, "noRealization", "missing"));
        Indicator(verifiedOnly, "P-01").GetProperty("reason").GetString().ShouldBe("Realisasi belum lengkap: 1 dari 2 triwulan belum diisi.");
        verifiedOnly.GetProperty("completeness").GetProperty("missing").GetInt32().ShouldBe(7);

        var withUnverified = await coordinator.GetJson(url + "&includeUnverified=true");
        withUnverified.GetProperty("includeUnverified").GetBoolean().ShouldBeTrue();
        ikm = Indicator(withUnverified, "IKU-01");
        (Number(ikm, "periodRealization"), ikm.GetProperty("periodProvisional").GetBoolean(), ikm.GetProperty("provisional").GetBoolean(), ikm.GetProperty("data").GetString())
            .ShouldBe((80.5m, true, true, "provisional"));
        var p01 = Indicator(withUnverified, "P-01");
        (Number(p01, "realization"), Number(p01, "achievement"), p01.GetProperty("provisional").GetBoolean()).ShouldBe((14m, 100m, true));
        withUnverified.GetProperty("completeness").GetProperty("provisional").GetInt32().ShouldBe(7);

        // Triwulan I is verified: January's draft (1 everywhere) does not replace it, even when unverified values are asked for.
        var q1 = await coordinator.GetJson($"/api/v1/agencies/{agency}/recap?period=2026-Q1&includeUnverified=true");
        ikm = Indicator(q1, "IKU-01");
        (Number(ikm, "realization"), ikm.GetProperty("provisional").GetBoolean(), ikm.GetProperty("data").GetString()).ShouldBe((79m, false, "verified"));
        // January alone has only the draft.
        var january = await coordinator.GetJson($"/api/v1/agencies/{agency}/recap?period=2026-M01&includeUnverified=true");
        (Number(Indicator(january, "IKU-01"), "periodRealization"), Indicator(january, "IKU-01").GetProperty("periodProvisional").GetBoolean()).ShouldBe((1m, true));
        Indicator(january, "IKU-01").GetProperty("reason").GetString().ShouldBe("Target bulanan belum diisi.");

        // Once verified the values count without asking and are no longer provisional.
        foreach (var id in q2Sheets) await RecapScenario.AcceptAllAsync(secretary, id);
        var verified = await coordinator.GetJson(url);
        ikm = Indicator(verified, "IKU-01");
        (Number(ikm, "periodRealization"), ikm.GetProperty("periodProvisional").GetBoolean(), ikm.GetProperty("data").GetString()).ShouldBe((80.5m, false, "verified"));
        verified.GetProperty("completeness").GetProperty("verified").GetInt32().ShouldBe(7);
    }

    [Fact]
    public async Task The_recap_downloads_as_a_workbook_with_a_summary_and_a_sheet_per_objective()
    {
        await RecapScenario.EnsurePasrujambeAsync(f);
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var viewer = await f.SignedInAsync("pasrujambe.kasi-kesos");
        var response = await viewer.GetAsync($"/api/v1/agencies/{agency}/recap.xlsx?period=2026-Q2");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("Rekap-Capaian-Kinerja-2026-Q2.xlsx");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        new OpenXmlValidator(FileFormatVersions.Office2010).Validate(doc).Select(e => e.Description).ShouldBeEmpty();

        var book = doc.WorkbookPart!;
        book.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ShouldBe(["Ringkasan", "Sasaran S1", "Sasaran S2", "Sasaran S3", "Program dan Kegiatan"]);
        Cell CellOf(string sheet, string reference)
        {
            var id = book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
            return ((WorksheetPart)book.GetPartById(id)).Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        }

        string TextOf(string sheet, string reference) => CellOf(sheet, reference).InlineString!.InnerText;
        decimal NumberOf(string sheet, string reference) => decimal.Parse(CellOf(sheet, reference).CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
        string FormatOf(Cell c) => book.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(n => n.NumberFormatId!.Value == book.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)c.StyleIndex!.Value).NumberFormatId!.Value)
            .FormatCode!.Value!;
        string FillOf(Cell c)
        {
            var styles = book.WorkbookStylesPart!.Stylesheet;
            var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)c.StyleIndex!.Value);
            return styles.Fills!.Elements<Fill>().ElementAt((int)format.FillId!.Value).PatternFill!.ForegroundColor!.Rgb!.Value!;
        }

        TextOf("Ringkasan", "A1").ShouldBe("Rekapitulasi Capaian Kinerja Triwulan II 2026");
        TextOf("Ringkasan", "B3").ShouldBe(RecapScenario.Pasrujambe);
        NumberOf("Ringkasan", "B6").ShouldBe(82.85m);                 // the agency to date
        TextOf("Ringkasan", "C6").ShouldBe("Tinggi");
        FillOf(CellOf("Ringkasan", "C6")).ShouldBe("FF008000");       // green
        FormatOf(CellOf("Ringkasan", "B6")).ShouldBe("[$-421]#,##0.00\" %\"");

        var s2 = "Sasaran S2";
        TextOf(s2, "A1").ShouldStartWith("Sasaran S2: ");
        var header = Enumerable.Range(0, RecapWorkbook.IndicatorHeaders.Count).Select(i => TextOf(s2, (char)('A' + i) + "3"));
        header.ShouldBe(RecapWorkbook.IndicatorHeaders);
        TextOf(s2, "A4").ShouldBe("IKU-03");
        TextOf(s2, "N4").ShouldBe("Target triwulan belum diisi.");
        TextOf(s2, "A5").ShouldBe("IKU-04");
        (NumberOf(s2, "E5"), NumberOf(s2, "F5"), NumberOf(s2, "G5")).ShouldBe((2m, 3m, 50m));
        TextOf(s2, "H5").ShouldBe("Sangat Rendah");
        FillOf(CellOf(s2, "H5")).ShouldBe("FFFF0000");
        (NumberOf(s2, "I5"), NumberOf(s2, "J5"), NumberOf(s2, "K5")).ShouldBe((1m, 2m, 0m));
        FormatOf(CellOf(s2, "E5")).ShouldBe("[$-421]#,##0.##");
        TextOf("Sasaran S3", "E4").ShouldBe("81 - 91");                // a range target
        var pane = ((WorksheetPart)book.GetPartById(book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == s2).Id!.Value!))
            .Worksheet.Descendants<Pane>().Single();
        (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value).ShouldBe((PaneStateValues.Frozen, 3d, "A4"));

        var outsider = await f.SignedInAsync("dkp.kasubag-kp");
        (await outsider.GetAsync($"/api/v1/agencies/{agency}/recap.xlsx?period=2026-Q2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await viewer.GetAsync($"/api/v1/agencies/{agency}/recap.xlsx?period=Q2")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Early_warning_projects_the_year_from_the_quarters_verified_so_far()
    {
        var agency = await f.AgencyIdAsync("Kecamatan Tanjunganom");
        var coordinator = await f.SignedInAsync("tanjunganom.kasubag-pek");
        var secretary = await f.SignedInAsync("tanjunganom.sekcam");
        var values = new Dictionary<string, decimal[]>
        {
            ["IKU-01"] = [79m, 83m], ["IKU-02"] = [92m, 94m], ["IKU-03"] = [60m, 66m], ["IKU-04"] = [1m, 1m],
            ["IKU-05"] = [85m, 95m], ["P-01"] = [3m, 4m], ["K-01"] = [2m, 3m],
        };
        await RecapScenario.RunAsync(coordinator, secretary, agency, "2026-Q1", code => values[code][0], RoundStage.Verified);
        await RecapScenario.RunAsync(coordinator, secretary, agency, "2026-Q2", code => values[code][1], RoundStage.Verified);
        await RecapScenario.RunAsync(coordinator, secretary, agency, "2026-Q3", _ => 0m, RoundStage.Submitted); // not verified: does not count

        var staff = await f.SignedInAsync("tanjunganom.staf");
        var warning = await staff.GetJson($"/api/v1/agencies/{agency}/early-warning?year=2026");
        (warning.GetProperty("asOf").GetString(), warning.GetProperty("asOfName").GetString()).ShouldBe(("2026-Q2", "Triwulan II 2026"));
        (warning.GetProperty("atRisk").GetInt32(), warning.GetProperty("onTrack").GetInt32(), warning.GetProperty("notProjectable").GetInt32()).ShouldBe((4, 3, 0));
        var rows = warning.GetProperty("indicators").EnumerateArray().ToList();
        rows.Select(r => (r.GetProperty("code").GetString(), r.GetProperty("outlook").GetString(), Number(r, "projectedAchievement"))).ShouldBe(
        [
            ("P-01", "atRisk", 50m),       // 7 of 14 planned to date: the same pace gives 14 of 28
            ("IKU-05", "atRisk", 95.60m),  // 95 stays above the 81-91 band
            ("IKU-02", "atRisk", 96.88m),  // mean so far 93 of 96
            ("IKU-03", "atRisk", 98.51m),  // 66 of 67
            ("IKU-01", "onTrack", 100m),
            ("IKU-04", "onTrack", 100m),   // 2 findings of 2 planned: 3 of 3 at year end
            ("K-01", "onTrack", 125m),     // 5 of 4 planned: 10 of 8
        ]);
        var p01 = rows[0];
        (Number(p01, "targetToDate"), Number(p01, "realizationToDate"), Number(p01, "projectedRealization"), Number(p01, "annualTarget")).ShouldBe((14m, 7m, 14m, 28m));
        p01.GetProperty("quarterTargets").EnumerateArray().Select(q => q.GetDecimal()).ShouldBe([7m, 7m, 7m, 7m]);
        p01.GetProperty("reason").GetString().ShouldBe("Proyeksi capaian akhir tahun 50,00 %, di bawah 100,00 %: target tahun ini berisiko tidak tercapai.");
        p01.GetProperty("category").GetString().ShouldBe("Sangat Rendah");

        var empty = await staff.GetJson($"/api/v1/agencies/{agency}/early-warning?year=2025");
        empty.GetProperty("asOf").ValueKind.ShouldBe(JsonValueKind.Null);
        empty.GetProperty("notProjectable").GetInt32().ShouldBe(7);
        empty.GetProperty("indicators")[0].GetProperty("reason").GetString().ShouldBe("Realisasi belum diisi.");

        (await (await staff.GetAsync($"/api/v1/agencies/{agency}/early-warning")).Problem(HttpStatusCode.BadRequest)).Errors("year")[0].ShouldBe("Tahun wajib diisi.");
        (await (await staff.GetAsync($"/api/v1/agencies/{agency}/early-warning?year=1990")).Problem(HttpStatusCode.BadRequest)).Errors("year")[0]
            .ShouldBe("Tahun 1990 di luar rentang 2000-2100.");
        var outsider = await f.SignedInAsync("pasrujambe.camat");
        (await outsider.GetAsync($"/api/v1/agencies/{agency}/early-warning?year=2026")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_inspectorate_reads_every_agency_of_its_regency_side_by_side_others_do_not()
    {
        await RecapScenario.EnsurePasrujambeAsync(f);
        Guid lumajang, jambi;
        await using (var db = f.NewDbContext())
        {
            lumajang = db.Governments.Single(g => g.Name == "Kabupaten Lumajang").Id;
            jambi = db.Governments.Single(g => g.Name == "Provinsi Jambi").Id;
        }

        var auditor = await f.SignedInAsync("inspektorat.auditor");
        var recap = await auditor.GetJson($"/api/v1/governments/{lumajang}/recap?period=2026-Q2");
        (recap.GetProperty("government").GetString(), recap.GetProperty("periodName").GetString()).ShouldBe(("Kabupaten Lumajang", "Triwulan II 2026"));
        var agencies = recap.GetProperty("agencies").EnumerateArray().ToList();
        agencies.Select(a => a.GetProperty("name").GetString()).ShouldBe(["Inspektorat Kabupaten Lumajang", RecapScenario.Pasrujambe]);
        var inspectorate = agencies[0];
        (inspectorate.GetProperty("hasPlan").GetBoolean(), Number(inspectorate, "agencyAchievement")).ShouldBe((false, null));
        var pasrujambe = agencies[1];
        (Number(pasrujambe, "agencyAchievement"), pasrujambe.GetProperty("category").GetString(), Number(pasrujambe, "agencyPeriodAchievement"))
            .ShouldBe((82.85m, "Tinggi", 66.71m));
        // 2025 has Q1 only: to Q2 only the average indicator (IKU-02, 93 of 95) can be computed, the others miss Q2.
        Number(pasrujambe, "samePeriodLastYearAchievement").ShouldBe(97.89m);
        pasrujambe.GetProperty("objectives").EnumerateArray().Select(o => (o.GetProperty("code").GetString(), Number(o, "achievement")))
            .ShouldBe([("S1", 98.56m), ("S2", 50m), ("S3", 100m)]);
        pasrujambe.GetProperty("completeness").GetProperty("verified").GetInt32().ShouldBe(7);
        var q1 = await auditor.GetJson($"/api/v1/governments/{lumajang}/recap?period=2026-Q1");
        Number(q1.GetProperty("agencies")[1], "samePeriodLastYearAchievement").ShouldBe(99.54m);

        // The system administrator reads every government; the auditor reads only their own; a Camat of the same regency may not.
        (await (await f.SignedInAsync("admin")).GetAsync($"/api/v1/governments/{jambi}/recap?period=2026")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await auditor.GetAsync($"/api/v1/governments/{jambi}/recap?period=2026")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await auditor.GetAsync($"/api/v1/governments/{Guid.NewGuid()}/recap?period=2026")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var camat = await f.SignedInAsync("pasrujambe.camat");
        (await (await camat.GetAsync($"/api/v1/governments/{lumajang}/recap?period=2026")).Problem(HttpStatusCode.Forbidden))
            .GetProperty("detail").GetString().ShouldBe("Peran Anda tidak mencakup rekap capaian seluruh perangkat daerah.");
        (await (await auditor.GetAsync($"/api/v1/governments/{lumajang}/recap?period=2026-S3")).Problem(HttpStatusCode.BadRequest))
            .Errors("period")[0].ShouldStartWith("Periode \"2026-S3\" tidak dikenal.");
        // The auditor has no business in the agencies' own recaps.
        (await auditor.GetAsync($"/api/v1/agencies/{await f.AgencyIdAsync(RecapScenario.Pasrujambe)}/recap?period=2026-Q2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<HttpResponseMessage> PutRulesAsync(HttpClient client, Guid agency, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/agencies/{agency}/achievement-rules") { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task An_agency_names_achievement_with_its_own_scale_and_caps_what_it_averages()
    {
        await RecapScenario.EnsurePasrujambeAsync(f);
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var coordinator = await f.SignedInAsync("pasrujambe.kasubbag-pk");
        var rulesUrl = $"/api/v1/agencies/{agency}/achievement-rules";
        var before = await RecapAsync(coordinator, "2026");

        var response = await coordinator.GetAsync(rulesUrl);
        var rules = await response.Json(HttpStatusCode.OK);
        rules.GetProperty("isDefaultScale").GetBoolean().ShouldBeTrue();
        rules.GetProperty("cap").ValueKind.ShouldBe(JsonValueKind.Null);
        rules.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("label").GetString())
            .ShouldBe(["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]);
        var etag = response.Headers.ETag!.ToString();

        var custom = new
        {
            cap = 100m,
            categories = new object[]
            {
                new { above = 100m, label = "Melampaui", colour = "blue" },
                new { above = 80m, label = "Tercapai", colour = "green" },
                new { above = (decimal?)null, label = "Belum tercapai", colour = "red" },
            },
        };
        try
        {
            var saved = await (await PutRulesAsync(coordinator, agency, custom, etag)).Json(HttpStatusCode.OK);
            saved.GetProperty("isDefaultScale").GetBoolean().ShouldBeFalse();
            saved.GetProperty("cap").GetDecimal().ShouldBe(100m);
            (await PutRulesAsync(coordinator, agency, custom, etag)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

            var after = await RecapAsync(coordinator, "2026");
            after.GetProperty("scale").EnumerateArray().Select(c => c.GetProperty("label").GetString()).ShouldBe(["Melampaui", "Tercapai", "Belum tercapai"]);
            var capped = 0;
            foreach (var o in after.GetProperty("objectives").EnumerateArray())
            {
                var indicators = o.GetProperty("indicators").EnumerateArray().ToList();
                var computed = indicators.Where(i => Number(i, "achievement") is not null).ToList();
                foreach (var i in indicators)
                {
                    var code = i.GetProperty("code").GetString()!;
                    // The achievement shown stays uncapped; only its name follows the agency's scale.
                    Number(i, "achievement").ShouldBe(Number(Indicator(before, code), "achievement"), code);
                    var expected = Number(i, "achievement") switch { null => null, > 100 => "Melampaui", > 80 => "Tercapai", _ => "Belum tercapai" };
                    (i.GetProperty("category").GetString() ?? null).ShouldBe(expected, code);
                    if (Number(i, "achievement") > 100) capped++;
                }

                // The objective averages its indicators with each capped at 100 %.
                var weights = computed.Sum(i => i.GetProperty("weight").GetDecimal());
                var mean = computed.Sum(i => Math.Min(Number(i, "achievement")!.Value, 100m) * i.GetProperty("weight").GetDecimal()) / weights;
                Math.Abs(Number(o, "achievement")!.Value - mean).ShouldBeLessThanOrEqualTo(0.01m, o.GetProperty("code").GetString());
            }

            capped.ShouldBeGreaterThan(0, "the scenario has indicators above 100 %, so the cap changes a mean");
            Number(after, "agencyAchievement")!.Value.ShouldBeLessThan(Number(before, "agencyAchievement")!.Value);
        }
        finally
        {
            var current = (await coordinator.GetAsync(rulesUrl)).Headers.ETag!.ToString();
            (await PutRulesAsync(coordinator, agency, new { cap = (decimal?)null, categories = (object?)null }, current)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var restored = await RecapAsync(coordinator, "2026");
        Number(restored, "agencyAchievement").ShouldBe(Number(before, "agencyAchievement"));
        restored.GetProperty("category").GetString().ShouldBe(before.GetProperty("category").GetString());
    }

    [Fact]
    public async Task Bad_achievement_rules_are_explained_and_only_the_plans_owners_change_them()
    {
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var coordinator = await f.SignedInAsync("pasrujambe.kasubbag-pk");
        var rulesUrl = $"/api/v1/agencies/{agency}/achievement-rules";
        var etag = (await coordinator.GetAsync(rulesUrl)).Headers.ETag!.ToString();

        var lowCap = await (await PutRulesAsync(coordinator, agency, new { cap = 90m }, etag)).Problem(HttpStatusCode.BadRequest);
        lowCap.Errors("cap")[0].ShouldBe("Batas atas capaian harus paling sedikit 100 %.");
        var bad = await (await PutRulesAsync(coordinator, agency, new
        {
            categories = new object[]
            {
                new { above = 70m, label = "Baik", colour = "green" },
                new { above = 80m, label = "Cukup", colour = "purple" },
                new { above = 10m, label = "Kurang", colour = "red" },
            },
        }, etag)).Problem(HttpStatusCode.BadRequest);
        var problems = bad.Errors("categories");
        problems.ShouldContain("Batas kategori harus menurun: 80 harus lebih kecil dari 70.");
        problems.ShouldContain("Kategori terakhir tidak boleh punya batas: kategori itu menampung semua nilai di bawahnya.");
        problems.ShouldContain(p => p.StartsWith("Warna \"purple\" tidak tersedia."));
        (await (await coordinator.GetAsync(rulesUrl)).Json(HttpStatusCode.OK)).GetProperty("isDefaultScale").GetBoolean().ShouldBeTrue("nothing was saved");

        var unitHead = await f.SignedInAsync("pasrujambe.kasi-kesos");
        (await unitHead.GetAsync(rulesUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PutRulesAsync(unitHead, agency, new { cap = 120m }, etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var outsider = await f.SignedInAsync("dkp.kasubag-kp");
        (await outsider.GetAsync(rulesUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PutRulesAsync(outsider, agency, new { cap = 120m }, etag)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Everyone_in_the_agency_reads_the_recap_others_get_404_and_a_bad_period_is_explained()
    {
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        foreach (var user in new[] { "pasrujambe.camat", "pasrujambe.kasi-kesos", "pasrujambe.staf-pk", "pasrujambe.admin", "admin" })
        {
            var client = await f.SignedInAsync(user);
            (await client.GetAsync($"/api/v1/agencies/{agency}/recap?period=2026-Q1")).StatusCode.ShouldBe(HttpStatusCode.OK, user);
        }

        var outsider = await f.SignedInAsync("dkp.kasubag-kp");
        (await outsider.GetAsync($"/api/v1/agencies/{agency}/recap?period=2026-Q1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var coordinator = await f.SignedInAsync("pasrujambe.kasubbag-pk");
        var bad = await (await coordinator.GetAsync($"/api/v1/agencies/{agency}/recap?period=2026-Q5")).Problem(HttpStatusCode.BadRequest);
        bad.Errors("period")[0].ShouldBe("Periode \"2026-Q5\" tidak dikenal. Contoh: 2025, 2025-S1, 2025-Q2, 2025-M03.");
        var missing = await (await coordinator.GetAsync($"/api/v1/agencies/{agency}/recap")).Problem(HttpStatusCode.BadRequest);
        missing.Errors("period")[0].ShouldStartWith("Periode wajib diisi.");
        var english = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/agencies/{agency}/recap?period=1999");
        english.Headers.AcceptLanguage.ParseAdd("en");
        (await (await coordinator.SendAsync(english)).Problem(HttpStatusCode.BadRequest)).Errors("period")[0].ShouldBe("Year 1999 is outside the range 2000-2100.");
    }
}

public sealed class RecapApiTestsOnSqlite(SqliteFixture f) : RecapApiTests(f), IClassFixture<SqliteFixture>;

public sealed class RecapApiTestsOnPostgres(PostgresFixture f) : RecapApiTests(f), IClassFixture<PostgresFixture>;
