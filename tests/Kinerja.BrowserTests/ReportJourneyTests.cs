using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kinerja.Tests;
using Microsoft.Playwright;

namespace Kinerja.BrowserTests;

/// <summary>
/// The report journey in Chromium: the coordinator drafts the quarter's report from verified data, writes the executive
/// summary and has its PDF made (progress shown until the link appears), circulates it; a unit head comments; the steps
/// up to approval go through the API; the camat signs in the page; anyone checks the code on the public page.
/// </summary>
public sealed class ReportJourneyTests(BrowserFixture f) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_quarterly_report_is_drafted_commented_signed_and_verified_in_the_browser()
    {
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        await RecapScenario.SeedPasrujambeAsync(await ApiAsync("pasrujambe.kasubbag-pk"), await ApiAsync("pasrujambe.sekcam"), agency);

        var page = await f.SignInAsync("pasrujambe.kasubbag-pk");
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GetByTestId("nav-reports").ClickAsync();
        await page.GetByLabel("Jenis laporan").SelectOptionAsync("quarterly");
        await page.GetByLabel("Periode", new() { Exact = true }).FillAsync("2026-Q2");
        await page.GetByTestId("create-report-submit").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Laporan Kinerja Triwulan II Tahun 2026");
        var reportUrl = page.Url;

        // The executive summary, saved and shown with who saved it.
        var summary = page.GetByTestId("section").Filter(new() { HasText = "Ikhtisar Eksekutif" });
        await summary.Locator("textarea").FillAsync("Capaian triwulan II baik; dua indikator perlu perhatian.");
        await summary.GetByRole(AriaRole.Button, new() { Name = "Simpan narasi" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("section").Filter(new() { HasText = "Ikhtisar Eksekutif" })).ToContainTextAsync("Terakhir disimpan oleh pasrujambe.kasubbag-pk");

        // The PDF is made in the background: the page shows progress, then the link.
        await page.GetByTestId("pdf-1").GetByTestId("pdf-request").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pdf-1").GetByTestId("pdf-download")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "report-draft.png"), FullPage = true });

        await page.GetByTestId("do-circulate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("disosialisasikan");

        // A unit head comments on a section.
        var kasi = await f.SignInAsync("pasrujambe.kasi-kesos");
        await kasi.GotoAsync(reportUrl);
        await Assertions.Expect(kasi.GetByTestId("do-revise")).ToHaveCountAsync(0); // officials comment; only the coordinator and secretary revise
        var section = kasi.GetByTestId("section").Filter(new() { HasText = "Ikhtisar Eksekutif" });
        await section.GetByLabel("Komentar").FillAsync("Mohon sebutkan indikator yang perlu perhatian.");
        await section.GetByRole(AriaRole.Button, new() { Name = "Kirim komentar" }).ClickAsync();
        await Assertions.Expect(kasi.GetByTestId("comments").First).ToContainTextAsync("Mohon sebutkan indikator yang perlu perhatian.");

        // Revision, finalization, paraf and approval by the API, as the seeds' people would do them.
        var id = reportUrl.Split('/').Last();
        var coordinator = await ApiAsync("pasrujambe.kasubbag-pk");
        var secretary = await ApiAsync("pasrujambe.sekcam");
        var camat = await ApiAsync("pasrujambe.camat");
        async Task Act(HttpClient who, string action, object body) =>
            (await who.PostAsJsonAsync($"/api/v1/reports/{id}/actions/{action}", body)).EnsureSuccessStatusCode();
        await Act(coordinator, "revise", new { reason = "Masukan sosialisasi" });
        await coordinator.FillNarrativesAsync(id);
        await Act(coordinator, "finalize", new { meeting = new { date = DateOnly.FromDateTime(DateTime.Today).ToString("yyyy-MM-dd"), attendees = new[] { "Camat", "Sekcam" } } });
        await Act(coordinator, "submit-for-approval", new { });
        await Act(coordinator, "initial", new { initialBy = "coordinator" });
        await Act(secretary, "initial", new { initialBy = "secretary" });
        await Act(camat, "approve", new { });

        // The camat signs in the page (the PDF is made while the page says so), then anyone checks the code.
        var head = await f.SignInAsync("pasrujambe.camat");
        await head.GotoAsync(reportUrl);
        await head.GetByTestId("do-sign").ClickAsync();
        await Assertions.Expect(head.GetByTestId("status")).ToHaveTextAsync("ditandatangani", new() { Timeout = 90_000 });
        var code = (await head.GetByTestId("signatures").Locator("code").First.InnerTextAsync()).Trim();
        code.ShouldMatch("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$");

        var visitor = await f.Browser.NewPageAsync();
        await visitor.GotoAsync($"{f.BaseUrl}/verify/{code}");
        await Assertions.Expect(visitor.GetByTestId("verify-valid")).ToContainTextAsync(code);
        await Assertions.Expect(visitor.GetByTestId("verify-pdf-sha")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "verify.png"), FullPage = true });
        await visitor.CloseAsync();
        errors.ShouldBeEmpty();
    }

    /// <summary>An API client of the real server (the factory's own clients do not reach Kestrel).</summary>
    private async Task<HttpClient> ApiAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(f.BaseUrl) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = KinerjaFixture.DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
