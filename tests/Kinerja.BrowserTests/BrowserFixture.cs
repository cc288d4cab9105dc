using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kinerja.BrowserTests;

/// <summary>
/// The real server on a free localhost port (Kestrel, SQLite, demo data) and Debian's Chromium driven
/// headless by Playwright. Screenshots of each journey go to TestResults/screenshots.
/// </summary>
public sealed class BrowserFixture : Kinerja.Tests.SqliteFixture
{
    public const string ChromiumPath = "/usr/lib/chromium/chromium";

    private IPlaywright? _playwright;

    public BrowserFixture() => UseKestrel(0);

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotDir { get; } =
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        File.Exists(ChromiumPath).ShouldBeTrue("Install Debian's chromium (the test script does).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A fresh browser context (its own cookies) signed in through the login form.</summary>
    public async Task<IPage> SignInAsync(string userName, string? password = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "id-ID" });
        // A CI box running other suites can be slow: wait longer rather than fail on time (the checks stay the same).
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Nama pengguna").FillAsync(userName);
        await page.GetByLabel("Kata sandi").FillAsync(password ?? DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(BaseUrl + "/");
        }
        catch (TimeoutException e)
        {
            // Seen once on a loaded CI box, cause unknown: say where the browser was and what it showed, with a screenshot.
            var shot = Path.Combine(ScreenshotDir, $"sign-in-{userName}-{DateTime.UtcNow:HHmmss}.png");
            await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"{userName} was not signed in: the browser is at {page.Url}, showing: {text[..Math.Min(text.Length, 600)]} (screenshot {shot})", e);
        }

        return page;
    }
}
