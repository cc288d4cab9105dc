using Microsoft.Playwright;

namespace Kinerja.BrowserTests;

/// <summary>
/// The SOP journey in Chromium: the Camat's coordinator opens a round that follows the agency's own seed SOP (offered
/// first), sees its steps timed on the round page, marks a step without a system action done with a note, and reads
/// the template with its source facts.
/// </summary>
public sealed class SopJourneyTests(BrowserFixture f) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_round_follows_the_agencys_seed_SOP_and_a_paper_step_is_marked_done()
    {
        var page = await f.SignInAsync("pasrujambe.kasubbag-pk");
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GetByTestId("nav-rounds").ClickAsync();
        var template = page.GetByLabel("Templat SOP");
        await Assertions.Expect(template).ToHaveValueAsync("seed-000-pasrujambe"); // the SOP this agency wrote is offered first
        await page.GetByLabel("Periode", new() { Exact = true }).SelectOptionAsync("2026-Q4");
        await page.GetByLabel("Isi disposisi").FillAsync("Harap kumpulkan data kinerja Triwulan IV.");
        await page.GetByTestId("open-round-submit").ClickAsync();

        var steps = page.GetByTestId("sop-steps");
        await Assertions.Expect(page.GetByTestId("sop-name")).ToHaveTextAsync("SOP PENGUMPULAN DATA KINERJA");
        await Assertions.Expect(steps.GetByTestId("step-row")).ToHaveCountAsync(13);
        await Assertions.Expect(page.GetByTestId("sop-facts")).ToContainTextAsync("Merit");
        var first = steps.Locator("[data-testid=step-row][data-number='1']");
        await Assertions.Expect(first.GetByTestId("step-status")).ToHaveTextAsync("Selesai tepat waktu");
        await Assertions.Expect(steps.Locator("[data-testid=step-row][data-number='3']").GetByTestId("step-status")).ToHaveTextAsync("Berjalan");

        // Row 10 repeats the signing row of the source and has no system action: it is marked done by hand.
        var complete = page.GetByTestId("complete-step-10");
        await complete.GetByLabel("Catatan penyelesaian (tidak wajib)").FillAsync("Paraf basah Camat pada lembar kedua.");
        await complete.GetByRole(AriaRole.Button, new() { Name = "Tandai selesai" }).ClickAsync();
        var ten = page.GetByTestId("sop-steps").Locator("[data-testid=step-row][data-number='10']");
        await Assertions.Expect(ten.GetByTestId("step-note")).ToContainTextAsync("Paraf basah Camat pada lembar kedua.");
        await Assertions.Expect(page.GetByTestId("complete-step-10")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "round-sop-steps.png"), FullPage = true });

        await page.GotoAsync($"{f.BaseUrl}/Sop/Details/seed-000-pasrujambe");
        await Assertions.Expect(page.GetByTestId("download-docx")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Waktu (Merit)", new() { Exact = false }).First).ToBeVisibleAsync();
        errors.ShouldBeEmpty();
    }
}
