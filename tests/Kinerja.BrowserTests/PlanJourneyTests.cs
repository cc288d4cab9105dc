using Microsoft.Playwright;

namespace Kinerja.BrowserTests;

/// <summary>A coordinator keeps the plan: changes a target, records the signed agreement, then revises a target with a reason.</summary>
public sealed class PlanJourneyTests(BrowserFixture f) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_coordinator_changes_a_target_signs_the_agreement_and_revises_with_a_reason()
    {
        var page = await f.SignInAsync("tanjunganom.kasubag-pek");
        await page.GetByTestId("home-role-coordinator").GetByRole(AriaRole.Link, new() { Name = "Rencana kinerja" }).ClickAsync();
        await page.GetByLabel("Tahun", new() { Exact = true }).SelectOptionAsync("2026");
        await Assertions.Expect(page.GetByTestId("indicator-table").First).ToContainTextAsync("Indeks Kepuasan Masyarakat");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "plan.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Indeks Kepuasan Masyarakat terhadap layanan kecamatan" }).ClickAsync();
        var indicatorUrl = page.Url;
        await page.GetByLabel("Tahun", new() { Exact = true }).FillAsync("2026");
        await page.GetByLabel("Target tahunan").FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-errors")).ToContainTextAsync("\"abc\" bukan angka. Tulis misalnya 82,5.");

        await page.GetByLabel("Target tahunan").FillAsync("83,5");
        await page.GetByLabel("TW 4").FillAsync("83,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("target-table")).ToContainTextAsync("83,5");

        await page.GotoAsync($"/Plan/Agreement?agencyId={await f.AgencyIdAsync("Kecamatan Tanjunganom")}&year=2026");
        await Assertions.Expect(page.GetByTestId("agreement-status")).ToHaveTextAsync("Draf");
        await page.GetByLabel("Nama pihak kedua").FillAsync("Dr. H. Marhaen Djumadi, S.E., S.H., M.M., M.Si.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Catat", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("agreement-status")).ToHaveTextAsync("Ditandatangani");
        await Assertions.Expect(page.GetByTestId("agreement-targets")).ToContainTextAsync("83,5");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "agreement-signed.png"), FullPage = true });

        await page.GotoAsync(indicatorUrl);
        await page.GetByLabel("Tahun", new() { Exact = true }).FillAsync("2026");
        await page.GetByLabel("Target tahunan").FillAsync("84");
        await page.GetByLabel("TW 4").FillAsync("84");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-errors")).ToContainTextAsync("wajib disertai alasan");
        await page.GetByLabel("Alasan perubahan (wajib bila PK sudah ditandatangani)").FillAsync("Penyesuaian target IKM dengan hasil survei 2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("target-table")).ToContainTextAsync("84");
    }

    [Fact]
    public async Task A_coordinator_uploads_a_filled_workbook_checks_it_and_applies_it()
    {
        var page = await f.SignInAsync("setwan.kasubbag-pep");
        var agency = await f.AgencyIdAsync("Sekretariat DPRD Provinsi Jambi");
        await page.GotoAsync($"/Plan/Import?agencyId={agency}");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Unduh rencana sekarang (Excel)" }).ClickAsync());
        var path = await download.PathAsync();
        var data = Kinerja.Documents.PlanWorkbook.Read(File.OpenRead(path)).Data!;
        var edited = data with
        {
            Goals = data.Goals.Select(g => g.Code == "T2" ? g with { Name = g.Name + " dan transparan" } : g).ToList(),
        };
        var upload = Path.Combine(Path.GetTempPath(), $"rencana-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(upload, Kinerja.Documents.PlanWorkbook.Write(edited));

        await page.GetByLabel("Berkas Excel (.xlsx), paling besar 10 MB").SetInputFilesAsync(upload);
        await page.GetByRole(AriaRole.Button, new() { Name = "Periksa" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-summary")).ToContainTextAsync("0 baru, 1 berubah");
        await Assertions.Expect(page.GetByTestId("import-changes")).ToContainTextAsync("dan transparan");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "plan-import-check.png"), FullPage = true });
        await page.GetByTestId("import-apply").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rencana sudah diterapkan" })).ToBeVisibleAsync();
        await page.GotoAsync($"/Plan?agencyId={agency}");
        await Assertions.Expect(page.GetByText("Meningkatnya tata kelola Sekretariat DPRD dan transparan")).ToBeVisibleAsync();
        File.Delete(upload);
    }
}
