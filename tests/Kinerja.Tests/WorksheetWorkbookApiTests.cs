using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Kinerja.Documents;
using static Kinerja.Tests.Documents.WorksheetFile;

namespace Kinerja.Tests;

/// <summary>A unit's worksheet through Excel: download, fill offline, dry run, apply; stale lines and hostile files refused.</summary>
public abstract class WorksheetWorkbookApiTests(KinerjaFixture f)
{
    private const string Pasrujambe = "Kecamatan Pasrujambe";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Opens a round of <paramref name="period"/> in Pasrujambe; returns the Seksi Pemerintahan worksheet's id as its head sees it.</summary>
    private async Task<(HttpClient Kasi, string SheetId)> OpenRoundAsync(string period)
    {
        var agency = await f.AgencyIdAsync(Pasrujambe);
        var coordinator = await f.SignedInAsync("pasrujambe.kasubbag-pk");
        var round = await coordinator.PostJson($"/api/v1/agencies/{agency}/rounds",
            new { period, disposition = new { text = $"Kumpulkan data kinerja {period}." }, deadline = "2026-04-10" }, HttpStatusCode.Created);
        var kasi = await f.SignedInAsync("pasrujambe.kasi-pem");
        var mine = await kasi.GetJson($"/api/v1/rounds/{round.GetProperty("id").GetString()}/worksheets");
        return (kasi, mine[0].GetProperty("id").GetString()!);
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string sheetId)
    {
        var response = await client.GetAsync($"/api/v1/worksheets/{sheetId}/xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static JsonElement Line(JsonElement sheet, string code) =>
        sheet.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == code);

    [Fact]
    public async Task The_download_opens_validates_and_carries_every_line_with_its_id_and_version()
    {
        var (kasi, sheetId) = await OpenRoundAsync("2026-Q1");
        var sheet = await kasi.GetJson($"/api/v1/worksheets/{sheetId}");
        var response = await kasi.GetAsync($"/api/v1/worksheets/{sheetId}/xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("kertas-kerja-seksi-pemerintahan-2026-Q1.xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using (var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            new OpenXmlValidator(FileFormatVersions.Office2010).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
            var wb = doc.WorkbookPart!;
            var ws = Part(wb, DataSheet).Worksheet;
            string At(string reference) => Text(wb, ws.Descendants<Cell>().Single(c => c.CellReference == reference)) ?? "";
            At("B2").ShouldBe(Pasrujambe);
            At("B3").ShouldBe("Seksi Pemerintahan");
            At("B4").ShouldBe("Triwulan I 2026 (2026-Q1)");
            At("B5").ShouldBe("10 April 2026");
            var iku = RowOf(wb, ws, "IKU-02");
            Text(wb, CellOf(iku, "E")).ShouldBe("96");
            Text(wb, CellOf(iku, "C")).ShouldBe(Line(sheet, "IKU-02").GetProperty("measure").GetString());
            ws.Descendants<CellFormula>().ShouldBeEmpty();
        }

        var read = WorksheetWorkbook.Read(new MemoryStream(bytes));
        read.Problems.ShouldBeEmpty();
        read.WorksheetId.ShouldBe(Guid.Parse(sheetId));
        var lines = sheet.GetProperty("lines").EnumerateArray().ToList();
        read.Rows.Select(r => (r.LineId, r.Version, r.Code)).ShouldBe(
            lines.Select(l => (l.GetProperty("lineId").GetGuid(), l.GetProperty("version").GetInt32(), l.GetProperty("code").GetString())).ToList());
        read.Rows.ShouldAllBe(r => !r.Realization.Given && !r.Explanation.Given);

        // Everyone who sees the worksheet downloads it; the unit next door and other agencies do not see it.
        (await DownloadAsync(await f.SignedInAsync("pasrujambe.camat"), sheetId)).Length.ShouldBeGreaterThan(0);
        (await (await f.SignedInAsync("pasrujambe.kasi-kesos")).GetAsync($"/api/v1/worksheets/{sheetId}/xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await f.SignedInAsync("dkp.kasubag-kp")).GetAsync($"/api/v1/worksheets/{sheetId}/xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await f.CreateClient().GetAsync($"/api/v1/worksheets/{sheetId}/xlsx")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class WorksheetWorkbookApiTestsOnSqlite(SqliteFixture f) : WorksheetWorkbookApiTests(f), IClassFixture<SqliteFixture>;

public sealed class WorksheetWorkbookApiTestsOnPostgres(PostgresFixture f) : WorksheetWorkbookApiTests(f), IClassFixture<PostgresFixture>;
