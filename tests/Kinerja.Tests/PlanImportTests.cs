using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Documents;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Tests;

/// <summary>The plan through Excel: export, a dry run that lists every change and problem, then apply in one transaction.</summary>
public abstract class PlanImportTests(KinerjaFixture f)
{
    private const string Dkp = "Dinas Kelautan dan Perikanan";

    private static MultipartFormDataContent Upload(byte[] xlsx)
    {
        var content = new ByteArrayContent(xlsx);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { content, "file", "rencana.xlsx" } };
    }

    private async Task<(HttpClient Client, Guid Agency, byte[] Exported)> ExportAsync(string agencyName, string user)
    {
        var client = await f.SignedInAsync(user);
        var agency = await f.AgencyIdAsync(agencyName);
        var response = await client.GetAsync($"/api/v1/agencies/{agency}/plan.xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return (client, agency, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<int> CountAsync(Guid agency)
    {
        await using var db = f.NewDbContext();
        return await db.Indicators.CountAsync(i => i.AgencyId == agency) + await db.IndicatorTargets.CountAsync(t => t.AgencyId == agency)
               + await db.BudgetLines.CountAsync(l => l.AgencyId == agency) + await db.Objectives.CountAsync(o => o.AgencyId == agency);
    }

    [Fact]
    public async Task An_exported_plan_imports_back_without_a_single_change()
    {
        var (client, agency, xlsx) = await ExportAsync("Kecamatan Paringin Selatan", "paringin.kasubbag");
        var read = PlanWorkbook.Read(new MemoryStream(xlsx));
        read.Problems.ShouldBeEmpty();
        read.Data!.Indicators.Count.ShouldBe(7);
        read.Data.Targets.Count.ShouldBe(14);
        read.Data.Budget.Count.ShouldBe(16);
        read.Data.Indicators.Single(i => i.Code == "P-01").SupportsCode.ShouldBe("IKU-02"); // cascading travels too

        var report = await (await client.PostAsync($"/api/v1/agencies/{agency}/plan/import?dryRun=true", Upload(xlsx))).Json(HttpStatusCode.OK);
        report.GetProperty("problems").GetArrayLength().ShouldBe(0);
        report.GetProperty("created").GetInt32().ShouldBe(0);
        report.GetProperty("updated").GetInt32().ShouldBe(0);
        report.GetProperty("unchanged").GetInt32().ShouldBeGreaterThan(40);

        var template = await client.GetAsync($"/api/v1/agencies/{agency}/plan/template.xlsx");
        var empty = PlanWorkbook.Read(new MemoryStream(await template.Content.ReadAsByteArrayAsync()));
        empty.Problems.ShouldBeEmpty();
        empty.Data!.AgencyName.ShouldBe("Kecamatan Paringin Selatan");
        empty.Data.Indicators.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_dry_run_lists_changes_and_applying_saves_them_all_at_once()
    {
        var (client, agency, xlsx) = await ExportAsync(Dkp, "dkp.kasubag-kp");
        var data = PlanWorkbook.Read(new MemoryStream(xlsx)).Data!;
        var before = await CountAsync(agency);
        var changed = data with
        {
            Indicators = [.. data.Indicators.Select(i => i.Code == "K-01" ? i with { SupportsCode = "IKU-01" } : i), new IndicatorRow("IKU-07", "Persentase pelaku usaha perikanan bersertifikat CPIB", "iku", "S1", null,
                "Bidang Perikanan Budidaya", "%", "higher", "last", 1m, null, "Data sertifikasi")],
            Targets = [.. data.Targets.Select(t => t.IndicatorCode == "IKU-02" && t.Year == 2025 ? t with { Annual = 65_500m, Q4 = 17_000m } : t),
                new TargetRow("IKU-07", 2026, 40m, 10m, 20m, 30m, 40m, null, null, 60m, null, 25m)],
        };
        var bytes = PlanWorkbook.Write(changed);

        var dry = await (await client.PostAsync($"/api/v1/agencies/{agency}/plan/import?dryRun=true", Upload(bytes))).Json(HttpStatusCode.OK);
        dry.GetProperty("problems").GetArrayLength().ShouldBe(0);
        dry.GetProperty("applied").GetBoolean().ShouldBeFalse();
        var changes = dry.GetProperty("changes").EnumerateArray().ToList();
        changes.ShouldContain(c => c.GetProperty("key").GetString() == "IKU-07" && c.GetProperty("action").GetString() == "create");
        var update = changes.Single(c => c.GetProperty("key").GetString() == "IKU-02 (2025)");
        update.GetProperty("action").GetString().ShouldBe("update");
        update.GetProperty("details").EnumerateArray().Select(d => d.GetString()).ShouldBe(["Target: 64.000 → 65.500", "TW 4: 15.500 → 17.000"]);
        changes.Single(c => c.GetProperty("key").GetString() == "K-01").GetProperty("details").EnumerateArray().Select(d => d.GetString())
            .ShouldBe(["Mendukung indikator: IKU-02 → IKU-01"]);
        (await CountAsync(agency)).ShouldBe(before); // a dry run changes nothing

        var applied = await (await client.PostAsync($"/api/v1/agencies/{agency}/plan/import", Upload(bytes))).Json(HttpStatusCode.OK);
        applied.GetProperty("applied").GetBoolean().ShouldBeTrue();
        (await CountAsync(agency)).ShouldBe(before + 2);
        (await client.GetJson($"/api/v1/agencies/{agency}/indicators")).EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "K-01").GetProperty("supportsIndicatorId").GetString().ShouldNotBeNull();

        var again = PlanWorkbook.Read(new MemoryStream(await (await client.GetAsync($"/api/v1/agencies/{agency}/plan.xlsx")).Content.ReadAsByteArrayAsync())).Data!;
        again.Targets.Single(t => t.IndicatorCode == "IKU-02" && t.Year == 2025).Annual.ShouldBe(65_500m);
        again.Indicators.Single(i => i.Code == "IKU-07").Unit.ShouldBe("Bidang Perikanan Budidaya");
    }

    [Fact]
    public async Task Bad_workbooks_are_refused_with_the_cell_to_fix_and_nothing_changes()
    {
        var (client, agency, xlsx) = await ExportAsync("Kecamatan Tanjunganom", "tanjunganom.kasubag-pek");
        var before = await CountAsync(agency);

        // Not a workbook at all
        var notZip = await client.PostAsync($"/api/v1/agencies/{agency}/plan/import", Upload("bukan excel"u8.ToArray()));
        var problem = await notZip.Problem(HttpStatusCode.BadRequest);
        problem.GetProperty("problems")[0].GetProperty("message").GetString()!.ShouldStartWith("Berkas ini bukan berkas Excel (.xlsx).");

        // A formula and text in a number cell
        var hostile = Edit(xlsx, "Target", sheet =>
        {
            var cells = sheet.Descendants<Cell>().ToList();
            var annual = cells.First(c => c.CellReference == "C2");
            annual.CellFormula = new CellFormula("SUM(D2:G2)");
            var q1 = cells.First(c => c.CellReference == "D3");
            q1.DataType = CellValues.InlineString;
            q1.CellValue = null;
            q1.InlineString = new InlineString(new Text("abc"));
        });
        var refused = await (await client.PostAsync($"/api/v1/agencies/{agency}/plan/import", Upload(hostile))).Problem(HttpStatusCode.BadRequest);
        var messages = refused.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()).ToList();
        messages.ShouldContain("Sel Target!C2 berisi rumus; isikan nilainya saja.");
        messages.ShouldContain("Sel Target!D3 berisi teks \"abc\", padahal harus angka.");

        // Rows that read fine but do not fit this agency: an unknown unit, inconsistent quarters
        var data = PlanWorkbook.Read(new MemoryStream(xlsx)).Data!;
        var wrong = data with
        {
            Indicators = data.Indicators.Select(i => i.Code == "IKU-02" ? i with { Unit = "Seksi Yang Tidak Ada" } : i).ToList(),
            Targets = data.Targets.Select(t => t.IndicatorCode == "P-01" && t.Year == 2026 ? t with { Annual = 100m } : t).ToList(),
        };
        var dry = await (await client.PostAsync($"/api/v1/agencies/{agency}/plan/import?dryRun=true", Upload(PlanWorkbook.Write(wrong)))).Json(HttpStatusCode.OK);
        var problems = dry.GetProperty("problems").EnumerateArray().ToList();
        var unit = problems.Single(p => p.GetProperty("sheet").GetString() == "Indikator");
        unit.GetProperty("column").GetString().ShouldBe("Unit Penanggung Jawab");
        unit.GetProperty("row").GetInt32().ShouldBe(3);
        unit.GetProperty("message").GetString()!.ShouldStartWith("Unit \"Seksi Yang Tidak Ada\" tidak ada di instansi ini.");
        var sum = problems.Single(p => p.GetProperty("sheet").GetString() == "Target");
        sum.GetProperty("message").GetString().ShouldBe("Jumlah target triwulan (28) harus sama dengan target tahunan (100) untuk indikator kumulatif.");
        sum.GetProperty("row").GetInt32().ShouldBeGreaterThan(1);
        (await client.PostAsync($"/api/v1/agencies/{agency}/plan/import", Upload(PlanWorkbook.Write(wrong)))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Another agency's workbook
        var other = data with { AgencyName = "Kecamatan Pasrujambe" };
        var mismatch = await (await client.PostAsync($"/api/v1/agencies/{agency}/plan/import?dryRun=true", Upload(PlanWorkbook.Write(other)))).Json(HttpStatusCode.OK);
        mismatch.GetProperty("problems")[0].GetProperty("message").GetString()!.ShouldStartWith("Buku kerja ini untuk \"Kecamatan Pasrujambe\"");

        // Too large
        var huge = new byte[11 * 1024 * 1024];
        (await client.PostAsync($"/api/v1/agencies/{agency}/plan/import", Upload(huge))).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        // Only planners import
        var staff = await f.SignedInAsync("tanjunganom.staf");
        (await staff.PostAsync($"/api/v1/agencies/{agency}/plan/import", Upload(xlsx))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CountAsync(agency)).ShouldBe(before);
    }

    private static byte[] Edit(byte[] xlsx, string sheetName, Action<Worksheet> change)
    {
        var ms = new MemoryStream();
        ms.Write(xlsx);
        using (var doc = SpreadsheetDocument.Open(ms, true))
        {
            var wb = doc.WorkbookPart!;
            var sheet = wb.Workbook.Descendants<Sheet>().Single(s => s.Name == sheetName);
            var part = (WorksheetPart)wb.GetPartById(sheet.Id!);
            change(part.Worksheet);
            part.Worksheet.Save();
        }

        return ms.ToArray();
    }
}

public sealed class PlanImportTestsOnSqlite(SqliteFixture f) : PlanImportTests(f), IClassFixture<SqliteFixture>;

public sealed class PlanImportTestsOnPostgres(PostgresFixture f) : PlanImportTests(f), IClassFixture<PostgresFixture>;
