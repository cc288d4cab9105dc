using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kinerja.Tests;

/// <summary>The round and worksheet pages over HTTP: who sees what, the cell save, evidence through the page.</summary>
public abstract class RoundPagesTests(KinerjaFixture f)
{
    private const string Dkp = "Dinas Kelautan dan Perikanan";

    private async Task<(string SheetId, JsonElement Sheet)> OpenRoundAsync(string period)
    {
        var agency = await f.AgencyIdAsync(Dkp);
        var coordinator = await f.SignedInAsync("dkp.kasubag-kp");
        var round = await coordinator.PostJson($"/api/v1/agencies/{agency}/rounds", new { period, disposition = new { text = "Kumpulkan data." } }, HttpStatusCode.Created);
        var sheets = await coordinator.GetJson($"/api/v1/rounds/{round.GetProperty("id").GetString()}/worksheets");
        var id = sheets[0].GetProperty("id").GetString()!;
        return (id, await coordinator.GetJson($"/api/v1/worksheets/{id}"));
    }

    [Fact]
    public async Task The_worksheet_page_is_only_for_the_agency_and_edits_only_for_those_who_fill_it()
    {
        var (sheetId, sheet) = await OpenRoundAsync("2026-Q1");
        var line = sheet.GetProperty("lines")[0];
        var lineId = line.GetProperty("lineId").GetString();

        var coordinator = await f.SignInPagesAsync("dkp.kasubag-kp");
        var page = await coordinator.GetStringAsync($"/Worksheets/{sheetId}");
        page.ShouldContain("data-testid=\"realization\"");
        page.ShouldContain(line.GetProperty("code").GetString()!);
        (await coordinator.GetStringAsync("/Rounds?agencyId=" + await f.AgencyIdAsync(Dkp))).ShouldContain("Triwulan I 2026");

        var outsider = await f.SignInPagesAsync("pasrujambe.kasubbag-pk");
        (await outsider.GetAsync($"/Worksheets/{sheetId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/Rounds/Details/{sheet.GetProperty("roundId").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var head = await f.SignInPagesAsync("dkp.kadis");
        var readOnly = await head.GetStringAsync($"/Worksheets/{sheetId}");
        readOnly.ShouldNotContain("data-testid=\"realization\"");
        readOnly.ShouldNotContain("data-testid=\"submit\"");

        // The cell save needs the antiforgery token, parses Indonesian numbers and answers the state cell.
        var noToken = await coordinator.PostAsync($"/Worksheets/{sheetId}?handler=Save&lineId={lineId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["realization"] = "5" }));
        noToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var save = new HttpRequestMessage(HttpMethod.Post, $"/Worksheets/{sheetId}?handler=Save&lineId={lineId}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["realization"] = "1.234,5", ["explanation"] = "", ["baseRealization"] = "", ["baseExplanation"] = "",
                ["__RequestVerificationToken"] = Http.FormToken(page),
            }),
        };
        save.Headers.Add("HX-Request", "true");
        var saved = await coordinator.SendAsync(save);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cell = await saved.Content.ReadAsStringAsync();
        cell.ShouldContain("data-testid=\"saved\"");
        cell.ShouldContain("value=\"1.234,5\"");
        var api = await f.SignedInAsync("dkp.kasubag-kp");
        (await api.GetJson($"/api/v1/worksheets/{sheetId}")).GetProperty("lines")[0].GetProperty("realization").GetDecimal().ShouldBe(1234.5m);
        (await head.PostAsync($"/Worksheets/{sheetId}?handler=Save&lineId={lineId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["realization"] = "9", ["__RequestVerificationToken"] = Http.FormToken(readOnly),
        }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Evidence_through_the_page_is_checked_and_downloads_as_an_attachment()
    {
        var (sheetId, sheet) = await OpenRoundAsync("2026-Q2");
        var lineId = sheet.GetProperty("lines")[0].GetProperty("lineId").GetString();
        var client = await f.SignInPagesAsync("dkp.kasubag-kp");
        var page = await client.GetStringAsync($"/Worksheets/{sheetId}");

        MultipartFormDataContent Upload(byte[] bytes, string name)
        {
            var form = new MultipartFormDataContent { { new StringContent(Http.FormToken(page)), "__RequestVerificationToken" } };
            form.Add(new ByteArrayContent(bytes), "file", name);
            return form;
        }

        var refused = await client.PostAsync($"/Worksheets/{sheetId}?handler=Evidence&lineId={lineId}", Upload([0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0], "laporan.pdf"));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Isi berkas tidak sesuai dengan ekstensinya (.pdf). Unggah berkas aslinya.");

        var pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();
        var ok = await client.PostAsync($"/Worksheets/{sheetId}?handler=Evidence&lineId={lineId}", Upload(pdf, "C:\\data\\Notulen rapat.pdf"));
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await client.GetStringAsync($"/Worksheets/{sheetId}");
        after.ShouldContain("Notulen rapat.pdf");
        var link = System.Text.RegularExpressions.Regex.Match(after, "href=\"(/Worksheets/[^\"]+handler=Evidence[^\"]+)\"").Groups[1].Value.Replace("&amp;", "&");
        var download = await client.GetAsync(link);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
    }

    [Fact]
    public async Task The_holiday_page_lists_the_decree_and_takes_the_agencys_own_days()
    {
        var agency = await f.AgencyIdAsync(Dkp);
        var admin = await f.SignInPagesAsync("dkp.admin");
        var page = await admin.GetStringAsync($"/Admin/Holidays?agencyId={agency}&year=2026");
        page.ShouldContain("Senin, 17 Agustus 2026");
        page.ShouldContain("Cuti bersama (SKB)");
        var added = await admin.PostAsync($"/Admin/Holidays?handler=Add&agencyId={agency}&year=2026", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Add.Date"] = "2026-09-21", ["Add.Name"] = "Hari Jadi Kabupaten Lombok Timur", ["__RequestVerificationToken"] = Http.FormToken(page),
        }));
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync($"/Admin/Holidays?agencyId={agency}&year=2026")).ShouldContain("Hari Jadi Kabupaten Lombok Timur");
        var again = await admin.PostAsync($"/Admin/Holidays?handler=Add&agencyId={agency}&year=2026", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Add.Date"] = "2026-09-21", ["Add.Name"] = "Dobel", ["__RequestVerificationToken"] = Http.FormToken(page),
        }));
        (await again.Content.ReadAsStringAsync()).ShouldContain("21 September 2026 sudah tercatat sebagai hari libur.");
        var staff = await f.SignInPagesAsync("dkp.staf-evaluasi");
        (await staff.GetStringAsync($"/Admin/Holidays?agencyId={agency}&year=2026")).ShouldNotContain("data-testid=\"add-holiday\"");
    }
}

public sealed class RoundPagesTestsOnSqlite(SqliteFixture f) : RoundPagesTests(f), IClassFixture<SqliteFixture>;

public sealed class RoundPagesTestsOnPostgres(PostgresFixture f) : RoundPagesTests(f), IClassFixture<PostgresFixture>;
