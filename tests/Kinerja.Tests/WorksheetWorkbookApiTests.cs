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

    private static MultipartFormDataContent Upload(byte[] xlsx, string name = "kertas-kerja.xlsx")
    {
        var content = new ByteArrayContent(xlsx);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Xlsx);
        return new MultipartFormDataContent { { content, "file", name } };
    }

    /// <summary>What the database holds for the worksheet's lines: code -> (realization, explanation, version).</summary>
    private async Task<Dictionary<string, (decimal? Realization, string? Explanation, int Version)>> StateAsync(HttpClient client, string sheetId)
    {
        var sheet = await client.GetJson($"/api/v1/worksheets/{sheetId}");
        return sheet.GetProperty("lines").EnumerateArray().ToDictionary(
            l => l.GetProperty("code").GetString()!,
            l => (l.GetProperty("realization").ValueKind == JsonValueKind.Number ? l.GetProperty("realization").GetDecimal() : (decimal?)null,
                l.GetProperty("explanation").GetString(), l.GetProperty("version").GetInt32()));
    }

    private static HttpRequestMessage PutLine(string sheetId, string lineId, object body) =>
        new(HttpMethod.Put, $"/api/v1/worksheets/{sheetId}/lines/{lineId}") { Content = JsonContent.Create(body) };

    private const string Link = "=HYPERLINK(\"http://contoh.invalid/bukti\",\"Daftar hadir\")";

    [Fact]
    public async Task Two_lines_filled_in_the_file_a_dry_run_shows_exactly_them_and_applying_saves_them_at_once()
    {
        var (kasi, sheetId) = await OpenRoundAsync("2026-Q2");
        var before = await StateAsync(kasi, sheetId);
        var file = Fill(Fill(await DownloadAsync(kasi, sheetId), "IKU-02", 95.5m), "P-01", "3", Link);

        var dry = await (await kasi.PostAsync($"/api/v1/worksheets/{sheetId}/xlsx?dryRun=true", Upload(file))).Json(HttpStatusCode.OK);
        dry.GetProperty("problems").GetArrayLength().ShouldBe(0);
        dry.GetProperty("applied").GetBoolean().ShouldBeFalse();
        dry.GetProperty("changed").GetInt32().ShouldBe(2);
        dry.GetProperty("unchanged").GetInt32().ShouldBe(before.Count - 2);
        var changes = dry.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        changes.Keys.Order().ShouldBe(["IKU-02", "P-01"]);
        changes["IKU-02"].GetProperty("oldRealization").ValueKind.ShouldBe(JsonValueKind.Null);
        changes["IKU-02"].GetProperty("newRealization").GetDecimal().ShouldBe(95.5m);
        changes["IKU-02"].GetProperty("details").EnumerateArray().Select(d => d.GetString()).ShouldBe(["Realisasi: - → 95,5"]);
        changes["P-01"].GetProperty("newRealization").GetDecimal().ShouldBe(3m);
        changes["P-01"].GetProperty("newExplanation").GetString().ShouldBe(Link);
        changes["P-01"].GetProperty("needsExplanation").GetBoolean().ShouldBeTrue(); // 3 of 7
        changes["P-01"].GetProperty("row").GetInt32().ShouldBeGreaterThan(9);
        (await StateAsync(kasi, sheetId)).ShouldBe(before); // a dry run saves nothing

        var applied = await (await kasi.PostAsync($"/api/v1/worksheets/{sheetId}/xlsx", Upload(file))).Json(HttpStatusCode.OK);
        applied.GetProperty("applied").GetBoolean().ShouldBeTrue();
        applied.GetProperty("changed").GetInt32().ShouldBe(2);
        var after = await StateAsync(kasi, sheetId);
        after["IKU-02"].ShouldBe((95.5m, null, before["IKU-02"].Version + 1));
        after["P-01"].ShouldBe((3m, Link, before["P-01"].Version + 1));
        var sheet = await kasi.GetJson($"/api/v1/worksheets/{sheetId}");
        sheet.GetProperty("status").GetString().ShouldBe("draft");
        applied.GetProperty("version").GetInt32().ShouldBe(sheet.GetProperty("version").GetInt32());
        Line(sheet, "IKU-02").GetProperty("achievement").GetDecimal().ShouldBe(99.48m);

        // The formula-looking explanation goes out again as text, never as a formula, and the same file changes nothing now.
        var again = await DownloadAsync(kasi, sheetId);
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(again), false))
        {
            var wb = doc.WorkbookPart!;
            var ws = Part(wb, DataSheet).Worksheet;
            ws.Descendants<CellFormula>().ShouldBeEmpty();
            var cell = CellOf(RowOf(wb, ws, "P-01"), "I");
            cell.DataType!.Value.ShouldBe(CellValues.SharedString);
            Text(wb, cell).ShouldBe(Link);
        }

        var same = await (await kasi.PostAsync($"/api/v1/worksheets/{sheetId}/xlsx", Upload(again))).Json(HttpStatusCode.OK);
        same.GetProperty("changed").GetInt32().ShouldBe(0);
        (await StateAsync(kasi, sheetId)).ShouldBe(after);

        // "-" clears a value, an empty cell leaves it.
        var cleared = Fill(Fill(again, "P-01", "-", "-"), "IKU-02", null, "Sesuai target.");
        await (await kasi.PostAsync($"/api/v1/worksheets/{sheetId}/xlsx", Upload(cleared))).Json(HttpStatusCode.OK);
        var final = await StateAsync(kasi, sheetId);
        final["P-01"].ShouldBe((null, null, after["P-01"].Version + 1));
        final["IKU-02"].ShouldBe((95.5m, "Sesuai target.", after["IKU-02"].Version + 1));

        // Once submitted the values are frozen: an upload is refused like any edit, with what is allowed.
        var filled = Fill(await DownloadAsync(kasi, sheetId), "P-01", 7m);
        await (await kasi.PostAsync($"/api/v1/worksheets/{sheetId}/xlsx", Upload(filled))).Json(HttpStatusCode.OK);
        await kasi.PostJson($"/api/v1/worksheets/{sheetId}/submit", new { }, HttpStatusCode.OK);
        var frozen = await (await kasi.PostAsync($"/api/v1/worksheets/{sheetId}/xlsx?dryRun=true", Upload(filled))).Problem(HttpStatusCode.Conflict);
        frozen.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ShouldBe(["accept", "return"]);
    }

    [Fact]
    public async Task A_line_changed_in_the_app_after_the_download_is_a_conflict_and_nothing_is_saved()
    {
        var (kasi, sheetId) = await OpenRoundAsync("2026-Q3");
        var file = await DownloadAsync(kasi, sheetId);
        var p01 = Line(await kasi.GetJson($"/api/v1/worksheets/{sheetId}"), "P-01").GetProperty("lineId").GetString()!;
        (await kasi.SendAsync(PutLine(sheetId, p01, new { realization = 5, explanation = "Diisi di aplikasi." }))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await StateAsync(kasi, sheetId);

        var stale = Fill(Fill(file, "P-01", 4m), "IKU-02", 90m);
        var dry = await (await kasi.PostAsync($"/api/v1/worksheets/{sheetId}/xlsx?dryRun=true", Upload(stale))).Json(HttpStatusCode.OK);
        var conflict = dry.GetProperty("conflicts").EnumerateArray().Single();
        conflict.GetProperty("code").GetString().ShouldBe("P-01");
        conflict.GetProperty("fileVersion").GetInt32().ShouldBe(0);
        conflict.GetProperty("currentVersion").GetInt32().ShouldBe(before["P-01"].Version);
        conflict.GetProperty("currentRealization").GetDecimal().ShouldBe(5m);
        var problem = dry.GetProperty("problems").EnumerateArray().Single();
        problem.GetProperty("column").GetString().ShouldBe("Versi");
        problem.GetProperty("message").GetString()!.ShouldContain("sudah diubah di aplikasi setelah berkas diunduh");
        dry.GetProperty("changes").EnumerateArray().Single().GetProperty("code").GetString().ShouldBe("IKU-02");

        var refused = await (await kasi.PostAsync($"/api/v1/worksheets/{sheetId}/xlsx", Upload(stale))).Problem(HttpStatusCode.BadRequest);
        refused.GetProperty("detail").GetString()!.ShouldContain("tidak ada yang disimpan");
        refused.GetProperty("conflicts").GetArrayLength().ShouldBe(1);
        (await StateAsync(kasi, sheetId)).ShouldBe(before); // all or nothing: IKU-02 is not saved either

        // A stale line the file leaves as the app has it is no conflict: the rest applies.
        var untouched = Fill(file, "IKU-02", 90m);
        var ok = await (await kasi.PostAsync($"/api/v1/worksheets/{sheetId}/xlsx", Upload(untouched))).Json(HttpStatusCode.OK);
        ok.GetProperty("conflicts").GetArrayLength().ShouldBe(0);
        (await StateAsync(kasi, sheetId))["IKU-02"].Realization.ShouldBe(90m);
    }

    [Fact]
    public async Task Hostile_uploads_are_refused_with_a_message_and_change_nothing()
    {
        var (kasi, sheetId) = await OpenRoundAsync("2026-M01");
        var file = await DownloadAsync(kasi, sheetId);
        var before = await StateAsync(kasi, sheetId);
        var url = $"/api/v1/worksheets/{sheetId}/xlsx";

        async Task<List<string>> Refused(byte[] bytes, string name = "kertas-kerja.xlsx")
        {
            var problem = await (await kasi.PostAsync(url, Upload(bytes, name))).Problem(HttpStatusCode.BadRequest);
            var messages = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()!).ToList();
            messages.ShouldNotBeEmpty();
            return messages;
        }

        const string NotXlsx = "Berkas ini bukan berkas Excel (.xlsx). Simpan sebagai \"Excel Workbook (.xlsx)\" lalu unggah lagi.";
        (await Refused("bukan excel"u8.ToArray())).ShouldBe([NotXlsx]);
        (await Refused([.. "MZ"u8.ToArray(), 0x90, 0, 3, 0, .. new byte[4096]], "program.exe.xlsx")).ShouldBe([NotXlsx]);

        // Zip bomb: a 40 MB sheet of spaces compressed to a few kilobytes
        var bomb = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(bomb, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var s = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (var i = 0; i < 40; i++) s.Write(chunk);
        }

        bomb.Length.ShouldBeLessThan(200_000);
        (await Refused(bomb.ToArray())).Single().ShouldContain("melebihi batas 20.971.520 byte; berkas ditolak.");

        // Formulas, NaN and 1e30 in cells
        var cells = Edit(file, (wb, ws) =>
        {
            CellOf(RowOf(wb, ws, "IKU-02"), "H").CellFormula = new CellFormula("1/0");
            Set(CellOf(RowOf(wb, ws, "P-01"), "H"), 1e30);
            CellOf(RowOf(wb, ws, "P-01"), "I").CellFormula = new CellFormula("HYPERLINK(\"http://contoh.invalid\")");
        });
        var messages = await Refused(cells);
        messages.Count.ShouldBe(3);
        messages.ShouldContain(x => x.EndsWith("berisi rumus; isikan nilainya saja.", StringComparison.Ordinal) && x.Contains("!H"));
        messages.ShouldContain(x => x.StartsWith("Angka 1E+30 di sel Kertas Kerja!H", StringComparison.Ordinal));
        (await Refused(Fill(file, "P-01", double.NaN))).Single().ShouldContain("bukan angka biasa (tak hingga atau NaN)");

        // A sheet renamed to a path
        var renamed = Edit(file, (wb, _) =>
        {
            wb.Workbook.Descendants<Sheet>().Single(x => x.Name == DataSheet).Name = "../../../etc/passwd";
            wb.Workbook.Save();
        }, "Petunjuk");
        (await Refused(renamed)).Single().ShouldBe(
            "Lembar \"Kertas Kerja\" tidak ada di berkas (lembar yang ada: \"Petunjuk\", \"../../../etc/passwd\"). Unggah kertas kerja yang diunduh dari Kinerja tanpa mengganti nama lembarnya.");

        // Another unit's worksheet, and one line id of it pasted into this file
        var coordinator = await f.SignedInAsync("pasrujambe.kasubbag-pk");
        var roundId = (await kasi.GetJson($"/api/v1/worksheets/{sheetId}")).GetProperty("roundId").GetString();
        var otherId = (await coordinator.GetJson($"/api/v1/rounds/{roundId}/worksheets")).EnumerateArray()
            .First(w => w.GetProperty("id").GetString() != sheetId).GetProperty("id").GetString()!;
        var otherFile = Fill(await DownloadAsync(coordinator, otherId), (await coordinator.GetJson($"/api/v1/worksheets/{otherId}")).GetProperty("lines")[0].GetProperty("code").GetString()!, 1m);
        (await Refused(otherFile)).Single().ShouldStartWith("Berkas ini diunduh dari kertas kerja lain, bukan dari kertas kerja Seksi Pemerintahan periode");
        var foreignLine = (await coordinator.GetJson($"/api/v1/worksheets/{otherId}")).GetProperty("lines")[0].GetProperty("lineId").GetString()!;
        var pasted = Edit(Fill(file, "P-01", 2m), (wb, ws) => Set(CellOf(RowOf(wb, ws, "P-01"), "J"), foreignLine));
        (await Refused(pasted)).Single().ShouldContain("(P-01) bukan baris kertas kerja ini (ID baris tidak dikenal)");

        // Over the upload limit: 413 before anything is read
        var huge = await kasi.PostAsync(url, Upload(new byte[11 * 1024 * 1024]));
        (await huge.Problem(HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString()!.ShouldContain("kertas kerja");

        // A dry run of a hostile file answers 200 with the problem, as the plan import does
        var dry = await (await kasi.PostAsync(url + "?dryRun=true", Upload("bukan excel"u8.ToArray()))).Json(HttpStatusCode.OK);
        dry.GetProperty("problems")[0].GetProperty("message").GetString().ShouldBe(NotXlsx);

        (await StateAsync(kasi, sheetId)).ShouldBe(before);
        (await f.CreateClient().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_those_who_fill_the_worksheet_upload_it()
    {
        var (kasi, sheetId) = await OpenRoundAsync("2026-S1");
        var file = Fill(await DownloadAsync(kasi, sheetId), "P-01", 2m);
        var before = await StateAsync(kasi, sheetId);
        var url = $"/api/v1/worksheets/{sheetId}/xlsx";

        var neighbour = await f.SignedInAsync("pasrujambe.kasi-kesos");
        (await neighbour.PostAsync(url, Upload(file))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await f.SignedInAsync("dkp.kasubag-kp")).PostAsync(url, Upload(file))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var admin = await f.SignedInAsync("pasrujambe.admin");
        var agency = await f.AgencyIdAsync(Pasrujambe);
        var unit = await f.UnitIdAsync(Pasrujambe, "Seksi Pemerintahan");
        await admin.PostJson($"/api/v1/agencies/{agency}/users",
            new { username = "pasrujambe.pemantau", password = "Pantau#2026x", fullName = "Pemantau Kinerja", unitId = unit, role = "viewer" }, HttpStatusCode.Created);
        var viewer = await f.SignedInAsync("pasrujambe.pemantau", "Pantau#2026x");
        (await DownloadAsync(viewer, sheetId)).Length.ShouldBeGreaterThan(0);
        (await (await viewer.PostAsync(url + "?dryRun=true", Upload(file))).Problem(HttpStatusCode.Forbidden))
            .GetProperty("detail").GetString()!.ShouldContain("pengisian kertas kerja unit ini");
        (await (await f.SignedInAsync("pasrujambe.camat")).PostAsync(url, Upload(file))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await StateAsync(kasi, sheetId)).ShouldBe(before);
        var staff = await f.SignedInAsync("pasrujambe.staf-pem");
        (await (await staff.PostAsync(url, Upload(file))).Json(HttpStatusCode.OK)).GetProperty("applied").GetBoolean().ShouldBeTrue();
        (await StateAsync(kasi, sheetId))["P-01"].Realization.ShouldBe(2m);
    }
}

public sealed class WorksheetWorkbookApiTestsOnSqlite(SqliteFixture f) : WorksheetWorkbookApiTests(f), IClassFixture<SqliteFixture>;

public sealed class WorksheetWorkbookApiTestsOnPostgres(PostgresFixture f) : WorksheetWorkbookApiTests(f), IClassFixture<PostgresFixture>;
