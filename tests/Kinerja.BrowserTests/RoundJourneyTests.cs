using Microsoft.Playwright;

namespace Kinerja.BrowserTests;

/// <summary>
/// SOP steps 1-4 in the browser: the coordinator opens a quarter round with a disposition, the unit fills
/// its worksheet cell by cell, the coordinator returns a line, the unit fixes it, the coordinator verifies.
/// </summary>
public sealed class RoundJourneyTests(BrowserFixture f) : IClassFixture<BrowserFixture>
{
    private static ILocator Line(IPage page, string code) => page.Locator($"tr[data-testid=line][data-code='{code}']");

    /// <summary>The row under a line with its evidence and discussion.</summary>
    private static ILocator Extra(IPage page, string code) => Line(page, code).Locator("xpath=following-sibling::tr[1]");

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDir, name);

    [Fact]
    public async Task A_quarter_round_from_disposition_to_verified_in_the_pages()
    {
        // 1. The coordinator orders the collection.
        var coordinator = await f.SignInAsync("pasrujambe.kasubbag-pk");
        await coordinator.GetByTestId("home-role-coordinator").GetByRole(AriaRole.Link, new() { Name = "Pengumpulan data kinerja" }).ClickAsync();
        await coordinator.GetByLabel("Periode").SelectOptionAsync("2026-Q1");
        await coordinator.GetByLabel("Isi disposisi").FillAsync("Harap kumpulkan data kinerja Triwulan I paling lambat 10 April 2026.");
        await coordinator.GetByLabel("Batas waktu").FillAsync("2026-04-10");
        await coordinator.GetByTestId("open-round-submit").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("disposition")).ToHaveTextAsync("Harap kumpulkan data kinerja Triwulan I paling lambat 10 April 2026.");
        await Assertions.Expect(coordinator.GetByTestId("count-notStarted")).ToContainTextAsync("4");
        var roundUrl = coordinator.Url;
        await coordinator.GetByTestId("print-disposition").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("disposition-sheet")).ToContainTextAsync("Seksi Pemerintahan");
        await Assertions.Expect(coordinator.GetByTestId("disposition-sheet")).ToContainTextAsync("Kecamatan Pasrujambe");
        await coordinator.EmulateMediaAsync(new() { Media = Media.Print });
        await coordinator.ScreenshotAsync(new() { Path = Shot("disposition-print.png"), FullPage = true });
        await coordinator.EmulateMediaAsync(new() { Media = Media.Screen });

        // 2. The unit fills its worksheet; every cell saves as it is typed.
        var unit = await f.SignInAsync("pasrujambe.kasi-pem");
        await Assertions.Expect(unit.GetByTestId("unread")).ToHaveTextAsync("1");
        await unit.GetByTestId("bell").ClickAsync();
        await unit.GetByTestId("notification").Filter(new() { HasText = "Kertas kerja Seksi Pemerintahan untuk Triwulan I 2026 sudah dibagikan. Batas waktu: 10 April 2026." }).ClickAsync();
        await Assertions.Expect(unit.GetByTestId("unread")).ToHaveCountAsync(0);
        var sheetUrl = unit.Url;
        await Line(unit, "IKU-02").GetByTestId("realization").FillAsync("95,5");
        await Assertions.Expect(Line(unit, "IKU-02").GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(Line(unit, "IKU-02").GetByTestId("achievement")).ToHaveTextAsync("99,48 %");
        await Line(unit, "P-01").GetByTestId("realization").FillAsync("tiga");
        await Assertions.Expect(Line(unit, "P-01").GetByTestId("save-error")).ToHaveTextAsync("\"tiga\" bukan angka. Tulis misalnya 82,5.");
        await Line(unit, "P-01").GetByTestId("realization").FillAsync("3");
        await Assertions.Expect(Line(unit, "P-01").GetByTestId("needs-explanation")).ToBeVisibleAsync();

        // Two people on one line: changes to different fields merge; the same field changed twice is a
        // conflict that shows both values and saves nothing until one of them decides.
        var other = await f.SignInAsync("pasrujambe.kasubbag-pk");
        await other.GotoAsync(sheetUrl);
        await Line(unit, "P-01").GetByTestId("explanation").FillAsync("Dua desa menunda jadwal fasilitasi karena banjir.");
        await Assertions.Expect(Line(unit, "P-01").GetByTestId("needs-explanation")).ToHaveCountAsync(0);
        await Line(other, "P-01").GetByTestId("realization").FillAsync("5");
        await Assertions.Expect(Line(other, "P-01").GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(Line(other, "P-01").GetByTestId("explanation")).ToHaveValueAsync("Dua desa menunda jadwal fasilitasi karena banjir.");
        await other.Context.CloseAsync();
        await Line(unit, "P-01").GetByTestId("realization").FillAsync("6");
        await Assertions.Expect(Line(unit, "P-01").GetByTestId("conflict")).ToContainTextAsync("Tersimpan di server: 5");
        await Assertions.Expect(Line(unit, "P-01").GetByTestId("conflict")).ToContainTextAsync("Isian Anda: 6");
        await unit.ScreenshotAsync(new() { Path = Shot("worksheet-conflict.png"), FullPage = true });
        await Line(unit, "P-01").GetByTestId("realization").FillAsync("3");
        await Assertions.Expect(Line(unit, "P-01").GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(Line(unit, "P-01").GetByTestId("achievement")).ToHaveTextAsync("42,86 %");

        foreach (var row in await unit.GetByTestId("line").AllAsync())
        {
            if (await row.GetByTestId("realization").InputValueAsync() == "")
            {
                await row.GetByTestId("realization").FillAsync("1");
                await Assertions.Expect(row.GetByTestId("saved")).ToBeVisibleAsync();
                if (await row.GetByTestId("needs-explanation").CountAsync() > 0)
                {
                    await row.GetByTestId("explanation").FillAsync("Kegiatan baru dimulai Maret.");
                    await Assertions.Expect(row.GetByTestId("needs-explanation")).ToHaveCountAsync(0);
                }
            }
        }

        var budgetRow = unit.Locator("tr[data-testid=budget-line][data-code='7.01.02']");
        await budgetRow.GetByTestId("budget-realization").FillAsync("sejuta");
        await unit.GetByTestId("budget-save").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("errors")).ToContainTextAsync("\"sejuta\" bukan angka.");
        await budgetRow.GetByTestId("budget-realization").FillAsync("1.000.000");
        await unit.GetByTestId("budget-save").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("notice")).ToHaveTextAsync("Realisasi anggaran tersimpan.");
        await Assertions.Expect(budgetRow.GetByTestId("budget-realization")).ToHaveValueAsync("1.000.000");
        await unit.ScreenshotAsync(new() { Path = Shot("worksheet-filled.png"), FullPage = true });
        await unit.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("sheet-status")).ToHaveTextAsync("Terkirim");

        // Another unit fills its worksheet offline in Excel: download, fill, check, apply, submit.
        var kesos = await f.SignInAsync("pasrujambe.kasi-kesos");
        await kesos.GetByTestId("home-role-unitHead").GetByRole(AriaRole.Link, new() { Name = "Kertas kerja unit saya" }).ClickAsync();
        await kesos.GetByRole(AriaRole.Link, new() { Name = "Triwulan I 2026" }).ClickAsync();
        await kesos.GetByTestId("worksheet-row").GetByRole(AriaRole.Link).ClickAsync();
        await kesos.GetByTestId("excel-link").ClickAsync();
        var download = await kesos.RunAndWaitForDownloadAsync(() => kesos.GetByTestId("worksheet-download").ClickAsync());
        download.SuggestedFilename.ShouldBe("kertas-kerja-seksi-kesejahteraan-sosial-2026-Q1.xlsx");
        var xlsx = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var codes = Kinerja.Documents.WorksheetWorkbook.Read(new MemoryStream(xlsx)).Rows.Select(r => r.Code!).ToList();
        codes.ShouldNotBeEmpty();
        foreach (var code in codes) xlsx = Kinerja.Tests.Documents.WorksheetFile.Fill(xlsx, code, 2m, "Diisi di Excel dari register seksi.");
        var filled = Path.Combine(Path.GetTempPath(), $"kesos-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(filled, xlsx);
        await kesos.Locator("#file").SetInputFilesAsync(filled);
        await kesos.GetByRole(AriaRole.Button, new() { Name = "Periksa" }).ClickAsync();
        await Assertions.Expect(kesos.GetByTestId("upload-summary")).ToContainTextAsync($"{codes.Count} baris berubah, 0 tetap, 0 masalah, 0 bentrok.");
        await Assertions.Expect(kesos.GetByTestId("upload-changes")).ToContainTextAsync(codes[0]);
        await kesos.ScreenshotAsync(new() { Path = Shot("worksheet-excel-check.png"), FullPage = true });
        await kesos.GetByTestId("upload-apply").ClickAsync();
        await Assertions.Expect(kesos.GetByRole(AriaRole.Heading, new() { Name = "Kertas kerja sudah diperbarui" })).ToBeVisibleAsync();
        await kesos.GetByRole(AriaRole.Link, new() { Name = "Kembali ke kertas kerja" }).ClickAsync();
        await Assertions.Expect(Line(kesos, codes[0]).GetByTestId("realization")).ToHaveValueAsync("2");
        await kesos.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(kesos.GetByTestId("sheet-status")).ToHaveTextAsync("Terkirim");
        File.Delete(filled);

        // 3. The coordinator returns one line with a reason and accepts the rest.
        await coordinator.GotoAsync(roundUrl);
        await Assertions.Expect(coordinator.GetByTestId("count-submitted")).ToContainTextAsync("2");
        await coordinator.GetByTestId("worksheet-row").Filter(new() { HasText = "Seksi Pemerintahan" }).GetByRole(AriaRole.Link, new() { Name = "Periksa" }).ClickAsync();
        await Line(coordinator, "P-01").GetByTestId("return").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("errors")).ToContainTextAsync("Alasan pengembalian wajib diisi");
        await Line(coordinator, "P-01").GetByTestId("return-reason").FillAsync("Lampirkan daftar hadir fasilitasi.");
        await Line(coordinator, "P-01").GetByTestId("return").ClickAsync();
        while (await coordinator.GetByTestId("accept").CountAsync() > 0)
        {
            await coordinator.GetByTestId("accept").First.ClickAsync();
            await coordinator.WaitForLoadStateAsync();
        }

        await Assertions.Expect(coordinator.GetByTestId("sheet-status")).ToHaveTextAsync("Dikembalikan");

        // 4. The unit sees why, fixes the value, resubmits.
        await unit.GotoAsync(sheetUrl);
        await Assertions.Expect(unit.GetByTestId("returned-notice")).ToBeVisibleAsync();
        await Assertions.Expect(Line(unit, "P-01").GetByTestId("review-reason")).ToHaveTextAsync("Lampirkan daftar hadir fasilitasi.");
        await Line(unit, "P-01").GetByTestId("realization").FillAsync("4");
        await Assertions.Expect(Line(unit, "P-01").GetByTestId("saved")).ToBeVisibleAsync();
        await Extra(unit, "P-01").GetByTestId("comment-text").FillAsync("Daftar hadir sudah diunggah ke arsip kecamatan.");
        await Extra(unit, "P-01").GetByRole(AriaRole.Button, new() { Name = "Kirim komentar" }).ClickAsync();
        await Assertions.Expect(Extra(unit, "P-01").GetByTestId("comments")).ToContainTextAsync("Daftar hadir sudah diunggah ke arsip kecamatan.");
        await unit.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("sheet-status")).ToHaveTextAsync("Terkirim");

        // 5. The coordinator sees what changed since the last review and verifies.
        await coordinator.GotoAsync(sheetUrl);
        await Assertions.Expect(Line(coordinator, "P-01").GetByTestId("changed")).ToContainTextAsync("Sebelumnya: 3");
        await Assertions.Expect(Line(coordinator, "P-01")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("line-changed"));
        await Assertions.Expect(Extra(coordinator, "P-01").GetByTestId("comments")).ToContainTextAsync("Daftar hadir sudah diunggah ke arsip kecamatan.");
        await coordinator.ScreenshotAsync(new() { Path = Shot("worksheet-review.png"), FullPage = true });
        await Line(coordinator, "P-01").GetByTestId("accept").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("sheet-status")).ToHaveTextAsync("Terverifikasi");
        await coordinator.GotoAsync(roundUrl);
        await Assertions.Expect(coordinator.GetByTestId("count-verified")).ToContainTextAsync("1");

        // 6. The recap reads the verified values.
        await coordinator.GetByTestId("nav-recap").ClickAsync();
        await coordinator.GotoAsync(coordinator.Url + "&period=2026-Q1");
        await Assertions.Expect(coordinator.GetByTestId("recap-row-IKU-02")).ToContainTextAsync("95,5");
        await Assertions.Expect(coordinator.GetByTestId("recap-row-IKU-02")).ToContainTextAsync("99,48");
        await Assertions.Expect(coordinator.GetByTestId("recap-row-P-01")).ToContainTextAsync("57,14");
        await Assertions.Expect(coordinator.GetByTestId("recap-row-IKU-02").GetByTestId("provisional")).ToHaveCountAsync(0);
        // Its chart has Triwulan I only: no point for a quarter without data (not Triwulan I carried over).
        (await Charts.DatasetsAsync(coordinator, "objective-chart"))
            .ShouldBe(["S1: [99.48,null,null,null]", "S2: [null,null,null,null]", "S3: [null,null,null,null]", "Instansi: [99.48,null,null,null]"]);
        (await Charts.DrawnValuesAsync(coordinator, "objective-chart"))
            .ShouldBe(["S1: [99.5,null,null,null]", "S2: [null,null,null,null]", "S3: [null,null,null,null]", "Instansi: [99.5,null,null,null]"]);
        await coordinator.ScreenshotAsync(new() { Path = Shot("recap-after-round.png"), FullPage = true });
    }
}
