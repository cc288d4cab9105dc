using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kinerja.BrowserTests;

/// <summary>Main user journeys in headless Chromium against the real server.</summary>
public sealed class JourneyTests(BrowserFixture f) : IClassFixture<BrowserFixture>
{
    private static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".png"), FullPage = true });

    [Fact]
    public async Task A_coordinator_signs_in_and_reaches_the_home_page()
    {
        var page = await f.SignInAsync("pasrujambe.kasubbag-pk");
        await Assertions.Expect(page.GetByTestId("home-title")).ToContainTextAsync("Selamat datang, Siti Rahmawati, S.E.");
        await Assertions.Expect(page.GetByTestId("home-role-coordinator")).ToContainTextAsync("Kasubbag Perencanaan dan Keuangan");
        await Assertions.Expect(page.GetByTestId("home-role-coordinator")).ToContainTextAsync("Kecamatan Pasrujambe");
        await Shot(page, "home-coordinator");

        // The CSS and scripts come from this server: nothing from a CDN.
        var external = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith(f.BaseUrl, StringComparison.Ordinal)) external.Add(r.Url); };
        await page.ReloadAsync();
        external.ShouldBeEmpty();
        (await page.EvaluateAsync<bool>("() => typeof htmx !== 'undefined' && typeof bootstrap !== 'undefined'")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_Kasi_cannot_open_another_units_administration_page()
    {
        var page = await f.SignInAsync("pasrujambe.kasi-pem");
        await page.GetByRole(AriaRole.Link, new() { Name = "Unit saya", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("Seksi Pemerintahan");

        var other = await f.UnitIdAsync("Kecamatan Pasrujambe", "Seksi Kesejahteraan Sosial");
        var response = await page.GotoAsync($"/Admin/Units/Details/{other}");
        response!.Status.ShouldBe(403);
        await Assertions.Expect(page.GetByTestId("access-denied")).ToHaveTextAsync("Akses ditolak");
        await Assertions.Expect(page.GetByText("Kasi Kesejahteraan Sosial")).ToHaveCountAsync(0);
        await Shot(page, "unit-access-denied");
    }

    [Fact]
    public async Task An_admin_adds_a_unit_after_being_told_what_was_wrong()
    {
        var page = await f.SignInAsync("paringin.admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kelola struktur dan pengguna" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("agency-name")).ToHaveTextAsync("Kecamatan Paringin Selatan");

        await page.GetByLabel("Nama unit").FillAsync("   ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-errors")).ToContainTextAsync("Nama unit wajib diisi.");
        await Assertions.Expect(page.GetByLabel("Nama instansi")).ToHaveValueAsync("Kecamatan Paringin Selatan"); // the other form is intact
        await Shot(page, "unit-form-error");

        await page.GetByLabel("Nama unit").FillAsync("Seksi Ketenteraman dan Ketertiban Umum");
        await page.GetByLabel("Di bawah unit").SelectOptionAsync(new SelectOptionValue { Label = "Kecamatan Paringin Selatan" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-tree")).ToContainTextAsync("Seksi Ketenteraman dan Ketertiban Umum");
    }

    [Fact]
    public async Task The_audit_chain_is_checked_from_the_page_and_English_is_one_click_away()
    {
        var page = await f.SignInAsync("dkp.admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Jejak audit" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-list")).ToContainTextAsync("buat");
        await page.GetByTestId("verify-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("verify-ok")).ToContainTextAsync(new Regex(@"Rantai utuh: [\d\.]+ catatan diperiksa\."));
        await Shot(page, "audit-verified");

        await page.GetByTestId("language-switch").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit trail" })).ToBeVisibleAsync();
        await page.GetByTestId("language-switch").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jejak audit" })).ToBeVisibleAsync();
    }
}
