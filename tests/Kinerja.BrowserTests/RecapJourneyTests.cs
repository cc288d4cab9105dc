using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kinerja.Tests;
using Microsoft.Playwright;

namespace Kinerja.BrowserTests;

/// <summary>A unit's staff member reads the recap with its charts (Chart.js served by the application, allowed by the policy).</summary>
public sealed class RecapJourneyTests(BrowserFixture f) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_recap_page_draws_its_charts_without_script_errors()
    {
        await RecapScenario.SeedPasrujambeAsync(await ApiAsync("pasrujambe.kasubbag-pk"), await ApiAsync("pasrujambe.sekcam"), await f.AgencyIdAsync(RecapScenario.Pasrujambe));
        var page = await f.SignInAsync("pasrujambe.staf-pem");
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        var missing = new List<string>();
        page.Response += (_, r) => { if (r.Status >= 400 && !r.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) missing.Add(r.Url); };

        await page.GetByTestId("nav-recap").ClickAsync();
        await page.GetByLabel("Periode", new() { Exact = true }).SelectOptionAsync("2026-Q2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("agency-achievement")).ToHaveTextAsync("82,85 %");
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.getElementById('objective-chart')) && Chart.getChart(document.getElementById('indicator-chart'))");
        (await page.EvaluateAsync<int>("() => Chart.getChart(document.getElementById('objective-chart')).data.datasets.length")).ShouldBe(4); // S1-S3 and the agency
        await page.GetByLabel("Indikator", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "P-01 · Jumlah kegiatan fasilitasi pemerintahan desa" });
        (await page.EvaluateAsync<string>("() => JSON.stringify(Chart.getChart(document.getElementById('indicator-chart')).data.datasets[0].data)")).ShouldBe("[6,8,7,5]");
        await Charts.DrawnAsync(page, "objective-chart");
        await Charts.DrawnAsync(page, "indicator-chart");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "recap.png"), FullPage = true });
        (await page.EvaluateAsync<string>("() => JSON.stringify(Chart.getChart(document.getElementById('objective-chart')).data.datasets[3].data)"))
            .ShouldBe("[97.66,82.85,99.19,94.9]"); // the agency to date at the end of each quarter
        missing.ShouldBeEmpty();
        // Failed loads are checked by address above (Chromium asks for /favicon.ico on its own); any other error fails.
        errors.Where(e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal)).ShouldBeEmpty();
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
