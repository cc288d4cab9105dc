using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Kinerja.Data;
using Kinerja.Domain.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Tests;

/// <summary>Lockout and two-step verification (authenticator codes, recovery codes) through the pages and the token API.</summary>
public abstract partial class SignInSecurityTests(KinerjaFixture f)
{
    [GeneratedRegex("data-testid=\"two-factor-key\">([^<]+)<")]
    private static partial Regex KeyRegex();

    [GeneratedRegex("<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>")]
    private static partial Regex RecoveryCodeRegex();

    private HttpClient Browser() => f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Posts the form of <paramref name="html"/> (its antiforgery token) with <paramref name="fields"/>.</summary>
    private static Task<HttpResponseMessage> Submit(HttpClient client, string url, string html, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Http.FormToken(html);
        return client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpResponseMessage> PasswordStep(HttpClient client, string userName, string password = KinerjaFixture.DemoPassword) =>
        await Submit(client, "/Account/Login", await client.GetStringAsync("/Account/Login"),
            new() { ["UserName"] = userName, ["Password"] = password });

    /// <summary>
    /// Turns two-step verification on for <paramref name="userName"/> through the page with the current code; returns the
    /// key, the recovery codes and the signed-in browser.
    /// </summary>
    private async Task<(string Key, string[] RecoveryCodes, HttpClient Browser)> EnableAsync(string userName)
    {
        var browser = await f.SignInPagesAsync(userName);
        var page = await browser.GetStringAsync("/Account/TwoFactor");
        page.ShouldContain("data-testid=\"two-factor-off\"");
        var key = KeyRegex().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        key.Length.ShouldBeGreaterThanOrEqualTo(16);
        var enabled = await (await Submit(browser, "/Account/TwoFactor?handler=Enable", page, new() { ["Code"] = Totp.Code(key) })).Content.ReadAsStringAsync();
        enabled.ShouldContain("data-testid=\"two-factor-on\"");
        var codes = RecoveryCodeRegex().Matches(enabled).Select(m => m.Groups[1].Value).ToArray();
        codes.Length.ShouldBe(10);
        return (key, codes, browser);
    }

    [Fact]
    public async Task Five_wrong_passwords_on_the_page_lock_the_account_for_the_page_and_the_API()
    {
        var admin = await f.SignedInAsync("tanjunganom.admin");
        var agency = await f.AgencyIdAsync("Kecamatan Tanjunganom");
        var unit = await f.UnitIdAsync("Kecamatan Tanjunganom", "Seksi Pemerintahan");
        await admin.PostJson($"/api/v1/agencies/{agency}/users",
            new { username = "tanjunganom.gembok", password = "Rahasia#2026x", fullName = "Uji Gembok", unitId = unit, role = "staff" },
            HttpStatusCode.Created);

        var browser = Browser();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await PasswordStep(browser, "tanjunganom.gembok", "Salah#2026x");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var page = await (await PasswordStep(browser, "tanjunganom.gembok", "Rahasia#2026x")).Content.ReadAsStringAsync();
        page.ShouldContain("Terlalu banyak percobaan gagal. Coba lagi setelah 15 menit");
        var problem = await (await Browser().PostAsJsonAsync("/api/v1/auth/token", new { username = "tanjunganom.gembok", password = "Rahasia#2026x" }))
            .Problem(HttpStatusCode.Unauthorized);
        problem.GetProperty("title").GetString().ShouldBe("Akun dikunci sementara.");
    }

    [Fact]
    public async Task A_head_turns_on_two_step_verification_and_then_signs_in_with_a_code_or_a_recovery_code_once()
    {
        // Invited on the home page, as a head (kepala dinas).
        var first = await f.SignInPagesAsync("dkp.kadis");
        (await first.GetStringAsync("/")).ShouldContain("data-testid=\"two-factor-invite\"");

        var page = await first.GetStringAsync("/Account/TwoFactor");
        page.ShouldContain("data-testid=\"two-factor-qr\"");
        page.ShouldContain("src=\"data:image/png;base64,");
        var key = KeyRegex().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        // A wrong code does not turn it on.
        var refused = await (await Submit(first, "/Account/TwoFactor?handler=Enable", page, new() { ["Code"] = Totp.Wrong(key) })).Content.ReadAsStringAsync();
        refused.ShouldContain("Kode tidak cocok.");
        refused.ShouldContain("data-testid=\"two-factor-off\"");

        var enabled = await (await Submit(first, "/Account/TwoFactor?handler=Enable", page, new() { ["Code"] = Totp.Code(key) })).Content.ReadAsStringAsync();
        enabled.ShouldContain("data-testid=\"recovery-codes\"");
        var codes = RecoveryCodeRegex().Matches(enabled).Select(m => m.Groups[1].Value).ToArray();
        codes.Length.ShouldBe(10);
        (await first.GetStringAsync("/")).ShouldNotContain("two-factor-invite");

        // The audit trail has the switch, never the key or the codes.
        await using (var db = f.NewDbContext())
        {
            var records = await db.AuditRecords.AsNoTracking().ToListAsync();
            records.ShouldContain(r => r.EntityType == nameof(AppUser) && r.After != null && r.After.Contains("\"TwoFactorEnabled\":true"));
            foreach (var secret in codes.Append(key))
            {
                records.ShouldNotContain(r => (r.Before ?? "").Contains(secret) || (r.After ?? "").Contains(secret), secret);
            }
        }

        // The password alone now leads to the code step, in a strict, HttpOnly cookie that says who passed the first step.
        var browser = Browser();
        var step = await PasswordStep(browser, "dkp.kadis");
        step.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stepPage = await step.Content.ReadAsStringAsync();
        stepPage.ShouldContain("data-testid=\"code-form\"");
        var cookie = step.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kinerja.2fa=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=strict");
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect); // not signed in yet

        var wrong = await Submit(browser, "/Account/Login?handler=Code", stepPage, new() { ["Code"] = Totp.Wrong(key) });
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        wrongPage.ShouldContain("Periksa kode 6 digit");
        wrongPage.ShouldContain("data-testid=\"code-form\"");
        // Each code is accepted once (see the tests of replays): the next code of the app, not the one that turned it on.
        var signedIn = await Submit(browser, "/Account/Login?handler=Code", wrongPage, new() { ["Code"] = Totp.Ahead(key, 1) });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A recovery code works once.
        var other = Browser();
        var otherStep = await (await PasswordStep(other, "dkp.kadis")).Content.ReadAsStringAsync();
        (await Submit(other, "/Account/Login?handler=Code", otherStep, new() { ["Code"] = codes[0].ToLowerInvariant() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = Browser();
        var againStep = await (await PasswordStep(again, "dkp.kadis")).Content.ReadAsStringAsync();
        var reused = await Submit(again, "/Account/Login?handler=Code", againStep, new() { ["Code"] = codes[0] });
        reused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reused.Content.ReadAsStringAsync()).ShouldContain("Periksa kode 6 digit");

        // Turning it off needs a current code; then the password is enough again.
        var settings = await browser.GetStringAsync("/Account/TwoFactor");
        settings.ShouldContain("Sisa kode pemulihan: 9.");
        (await (await Submit(browser, "/Account/TwoFactor?handler=Disable", settings, new() { ["Code"] = Totp.Wrong(key) })).Content.ReadAsStringAsync())
            .ShouldContain("data-testid=\"two-factor-on\"");
        (await (await Submit(browser, "/Account/TwoFactor?handler=Disable", settings, new() { ["Code"] = Totp.Ahead(key, 2) })).Content.ReadAsStringAsync())
            .ShouldContain("data-testid=\"two-factor-off\"");
        (await PasswordStep(Browser(), "dkp.kadis")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var db = f.NewDbContext())
        {
            (await db.AuditRecords.AsNoTracking().Where(r => r.EntityType == nameof(AppUser)).ToListAsync())
                .ShouldContain(r => r.After != null && r.After.Contains("\"TwoFactorEnabled\":false"));
            // Turning it off forgets the last step used (the next key starts afresh): the one audited write of that token.
            var id = (await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "dkp.kadis")).Id;
            (await db.UserTokens.AsNoTracking().AnyAsync(t => t.UserId == id && t.Name == "LastTotpStep")).ShouldBeFalse();
            (await db.AuditRecords.AsNoTracking().Where(r => r.EntityId == $"{id},Kinerja,LastTotpStep").Select(r => r.Action).ToListAsync())
                .ShouldBe(["delete"]);
        }
    }

    [Fact]
    public async Task The_token_API_asks_for_the_code_when_two_step_verification_is_on_and_counts_wrong_codes_towards_lockout()
    {
        var (key, codes, _) = await EnableAsync("paringin.camat");
        var client = Browser();
        Task<HttpResponseMessage> Token(string? otp, string? language = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
            {
                Content = JsonContent.Create(new { username = "paringin.camat", password = KinerjaFixture.DemoPassword, otp }),
            };
            if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
            return client.SendAsync(request);
        }

        (await (await Token(null)).Problem(HttpStatusCode.Unauthorized)).GetProperty("title").GetString().ShouldBe("Kode verifikasi diperlukan.");
        var english = await (await Token(null, "en")).Problem(HttpStatusCode.Unauthorized);
        english.GetProperty("title").GetString().ShouldBe("A verification code is needed.");
        english.GetProperty("detail").GetString()!.ShouldContain("otp");
        (await (await Token(Totp.Wrong(key))).Problem(HttpStatusCode.Unauthorized)).GetProperty("title").GetString().ShouldBe("Kode verifikasi salah.");

        var token = await (await Token(Totp.Ahead(key, 1))).Json(HttpStatusCode.OK);
        var signedIn = Browser();
        signedIn.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("token").GetString());
        (await signedIn.GetJson("/api/v1/me")).GetProperty("userName").GetString().ShouldBe("paringin.camat");

        (await Token(codes[3])).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await Token(codes[3])).Problem(HttpStatusCode.Unauthorized)).GetProperty("title").GetString().ShouldBe("Kode verifikasi salah.");

        // That was one failure since the last success; four more lock the account, and then even the right code is refused.
        for (var i = 0; i < 3; i++) (await Token(Totp.Wrong(key))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await Token(Totp.Wrong(key))).Problem(HttpStatusCode.Unauthorized)).GetProperty("title").GetString().ShouldBe("Akun dikunci sementara.");
        (await (await Token(Totp.Code(key))).Problem(HttpStatusCode.Unauthorized)).GetProperty("title").GetString().ShouldBe("Akun dikunci sementara.");
    }

    private Task<HttpResponseMessage> TokenAsync(string userName, string? otp, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { username = userName, password = KinerjaFixture.DemoPassword, otp }),
        };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return Browser().SendAsync(request);
    }

    /// <summary>A browser at the code step of the sign-in page, with that page.</summary>
    private async Task<(HttpClient Browser, string Page)> CodeStepAsync(string userName)
    {
        var browser = Browser();
        var page = await (await PasswordStep(browser, userName)).Content.ReadAsStringAsync();
        page.ShouldContain("data-testid=\"code-form\"");
        return (browser, page);
    }

    [Fact]
    public async Task An_authenticator_code_is_accepted_once_on_the_page_and_the_API_and_the_next_code_works()
    {
        var (key, _, _) = await EnableAsync("tanjunganom.camat");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var first = TotpSteps.Code(TotpSteps.Base32(key), now + 1);
        var second = TotpSteps.Code(TotpSteps.Base32(key), now + 2);

        // The page: the code signs in once; the same code in another browser is refused with the hint to wait.
        var (browser, page) = await CodeStepAsync("tanjunganom.camat");
        (await Submit(browser, "/Account/Login?handler=Code", page, new() { ["Code"] = first })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (again, againPage) = await CodeStepAsync("tanjunganom.camat");
        var replayed = await Submit(again, "/Account/Login?handler=Code", againPage, new() { ["Code"] = first });
        replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var replayedPage = await replayed.Content.ReadAsStringAsync();
        replayedPage.ShouldContain("Kode ini sudah dipakai dan tidak berlaku lagi. Tunggu kode berikutnya");
        replayedPage.ShouldContain("data-testid=\"code-form\"");
        (await again.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect); // not signed in

        // The API shares the record: the code used on the page is refused there too, in both languages.
        var problem = await (await TokenAsync("tanjunganom.camat", first)).Problem(HttpStatusCode.Unauthorized);
        problem.GetProperty("title").GetString().ShouldBe("Kode verifikasi sudah dipakai.");
        problem.GetProperty("detail").GetString()!.ShouldContain("Tunggu kode berikutnya");
        var english = await (await TokenAsync("tanjunganom.camat", first, "en")).Problem(HttpStatusCode.Unauthorized);
        english.GetProperty("title").GetString().ShouldBe("The verification code has already been used.");
        english.GetProperty("detail").GetString()!.ShouldContain("Wait for the next code");

        // The next code works once on the API, and is then refused on the API and on the page.
        (await TokenAsync("tanjunganom.camat", second)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await TokenAsync("tanjunganom.camat", second)).Problem(HttpStatusCode.Unauthorized)).GetProperty("title").GetString()
            .ShouldBe("Kode verifikasi sudah dipakai.");
        var (third, thirdPage) = await CodeStepAsync("tanjunganom.camat");
        (await (await Submit(third, "/Account/Login?handler=Code", thirdPage, new() { ["Code"] = second })).Content.ReadAsStringAsync())
            .ShouldContain("Kode ini sudah dipakai");

        // An older code than the last one used is refused as well, though Identity alone would accept it.
        (await (await TokenAsync("tanjunganom.camat", Totp.Ahead(key, 0))).Problem(HttpStatusCode.Unauthorized)).GetProperty("title").GetString()
            .ShouldBe("Kode verifikasi sudah dipakai.");

        // The step is kept as a user token, not in the audit trail.
        await using var db = f.NewDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "tanjunganom.camat");
        (await db.UserTokens.AsNoTracking().SingleAsync(t => t.UserId == user.Id && t.LoginProvider == "Kinerja" && t.Name == "LastTotpStep")).Value
            .ShouldBe((now + 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await db.AuditRecords.AsNoTracking().Where(r => r.EntityId == $"{user.Id},Kinerja,LastTotpStep").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Simultaneous_sign_ins_with_one_code_on_the_page_and_the_API_give_exactly_one_success()
    {
        var (key, _, _) = await EnableAsync("tanjunganom.sekcam");
        var pages = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => CodeStepAsync("tanjunganom.sekcam")));
        var code = Totp.Ahead(key, 1);

        // Four attempts at once (under the lockout limit of five, so the losers' failures do not lock the account).
        using var start = new SemaphoreSlim(0);
        var attempts = pages.Select(async p =>
            {
                await start.WaitAsync();
                var response = await Submit(p.Browser, "/Account/Login?handler=Code", p.Page, new() { ["Code"] = code });
                return (Success: response.StatusCode == HttpStatusCode.Redirect, Text: await response.Content.ReadAsStringAsync());
            })
            .Concat(Enumerable.Range(0, 2).Select(async _ =>
            {
                await start.WaitAsync();
                var response = await TokenAsync("tanjunganom.sekcam", code);
                return (Success: response.StatusCode == HttpStatusCode.OK, Text: await response.Content.ReadAsStringAsync());
            }))
            .ToList();
        start.Release(attempts.Count);
        var results = await Task.WhenAll(attempts);

        results.Count(r => r.Success).ShouldBe(1);
        foreach (var refused in results.Where(r => !r.Success)) refused.Text.ShouldContain("sudah dipakai");
        (await TokenAsync("tanjunganom.sekcam", Totp.Ahead(key, 2))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task New_recovery_codes_need_a_current_code_replace_the_old_ones_and_are_audited_without_their_values()
    {
        var (key, old, browser) = await EnableAsync("dkp.sekdis");
        var settings = await browser.GetStringAsync("/Account/TwoFactor");
        settings.ShouldContain("data-testid=\"recovery-codes-form\"");
        settings.ShouldNotContain("data-testid=\"recovery-codes\"");

        // A wrong code or a recovery code does not make new ones.
        var wrong = await (await Submit(browser, "/Account/TwoFactor?handler=RecoveryCodes", settings, new() { ["Code"] = Totp.Wrong(key) })).Content.ReadAsStringAsync();
        wrong.ShouldContain("Kode tidak cocok.");
        wrong.ShouldNotContain("data-testid=\"recovery-codes\"");
        (await (await Submit(browser, "/Account/TwoFactor?handler=RecoveryCodes", settings, new() { ["Code"] = old[0] })).Content.ReadAsStringAsync())
            .ShouldNotContain("data-testid=\"recovery-codes\"");

        var code = Totp.Ahead(key, 1);
        var made = await (await Submit(browser, "/Account/TwoFactor?handler=RecoveryCodes", settings, new() { ["Code"] = code })).Content.ReadAsStringAsync();
        made.ShouldContain("Kode pemulihan baru sudah dibuat.");
        made.ShouldContain("Sisa kode pemulihan: 10.");
        var codes = RecoveryCodeRegex().Matches(made).Select(m => m.Groups[1].Value).ToArray();
        codes.Length.ShouldBe(10);
        codes.Intersect(old).ShouldBeEmpty();

        // The same code again is refused; the new codes are not shown again.
        var replayed = await (await Submit(browser, "/Account/TwoFactor?handler=RecoveryCodes", settings, new() { ["Code"] = code })).Content.ReadAsStringAsync();
        replayed.ShouldContain("Kode ini sudah dipakai");
        replayed.ShouldNotContain("data-testid=\"recovery-codes\"");
        (await browser.GetStringAsync("/Account/TwoFactor")).ShouldNotContain(codes[0]);

        // Old codes no longer sign in, on the page or the API; a new one does, once.
        var (oldBrowser, oldPage) = await CodeStepAsync("dkp.sekdis");
        var refused = await Submit(oldBrowser, "/Account/Login?handler=Code", oldPage, new() { ["Code"] = old[1] });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Periksa kode 6 digit");
        (await (await TokenAsync("dkp.sekdis", old[2])).Problem(HttpStatusCode.Unauthorized)).GetProperty("title").GetString().ShouldBe("Kode verifikasi salah.");
        var (newBrowser, newPage) = await CodeStepAsync("dkp.sekdis");
        (await Submit(newBrowser, "/Account/Login?handler=Code", newPage, new() { ["Code"] = codes[0] })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TokenAsync("dkp.sekdis", codes[1])).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TokenAsync("dkp.sekdis", codes[1])).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The audit trail has the replaced codes token, never a code.
        await using var db = f.NewDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "dkp.sekdis");
        var records = await db.AuditRecords.AsNoTracking().ToListAsync();
        records.Count(r => r.Action == "update" && r.EntityId == $"{user.Id},[AspNetUserStore],RecoveryCodes" && r.UserName == "dkp.sekdis")
            .ShouldBeGreaterThanOrEqualTo(1);
        foreach (var secret in codes.Concat(old).Append(key))
        {
            records.ShouldNotContain(r => (r.Before ?? "").Contains(secret) || (r.After ?? "").Contains(secret), secret);
        }
    }

    [Fact]
    public async Task Heads_and_admins_are_invited_to_turn_it_on_and_others_get_a_link()
    {
        (await (await f.SignInPagesAsync("setwan.admin")).GetStringAsync("/")).ShouldContain("data-testid=\"two-factor-invite\"");
        (await (await f.SignInPagesAsync("setwan.sekwan")).GetStringAsync("/")).ShouldContain("data-testid=\"two-factor-invite\"");
        var staff = await (await f.SignInPagesAsync("setwan.analis")).GetStringAsync("/");
        staff.ShouldNotContain("two-factor-invite");
        staff.ShouldContain("data-testid=\"two-factor-link\"");
    }
}

public sealed class SignInSecurityTestsOnSqlite(SqliteFixture f) : SignInSecurityTests(f), IClassFixture<SqliteFixture>;

public sealed class SignInSecurityTestsOnPostgres(PostgresFixture f) : SignInSecurityTests(f), IClassFixture<PostgresFixture>;

/// <summary>
/// The sign-in limits with their production defaults (the shared fixture raises them), security headers and cookie flags.
/// Each test plays clients at its own addresses (the X-Test-Client-Address header, honoured only by this fixture).
/// </summary>
public sealed class SignInLimitTests(SignInLimitTests.ProductionLimitsFixture f) : IClassFixture<SignInLimitTests.ProductionLimitsFixture>
{
    public sealed class ProductionLimitsFixture : SqliteFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("KINERJA_SIGNIN_PER_ADDRESS", ""); // empty: the production default
            builder.UseSetting("KINERJA_SIGNIN_PER_USER", "");
            builder.UseSetting("KINERJA_BEHIND_PROXY", "true"); // forwarded headers from loopback only: see the proxy test
            builder.ConfigureServices(s => s.AddTransient<IStartupFilter, ClientAddressFilter>());
        }

        private sealed class ClientAddressFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (http, nextMiddleware) =>
                {
                    if (IPAddress.TryParse(http.Request.Headers["X-Test-Client-Address"], out var address)) http.Connection.RemoteIpAddress = address;
                    await nextMiddleware();
                });
                next(app);
            };
        }
    }

    private HttpClient Client(string address, string baseAddress = "http://localhost")
    {
        var client = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });
        client.DefaultRequestHeaders.Add("X-Test-Client-Address", address);
        return client;
    }

    private static Task<HttpResponseMessage> Token(HttpClient client, string userName, string password = "Salah#2026x") =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password });

    private static async Task<HttpResponseMessage> LoginPost(HttpClient client, string userName, string password = "Salah#2026x")
    {
        var page = await client.GetStringAsync("/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = Http.FormToken(page),
        }));
    }

    private static int RetryAfter(HttpResponseMessage response)
    {
        var seconds = (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        seconds.ShouldBeInRange(1, 60);
        return seconds;
    }

    [Fact]
    public async Task Hammering_one_user_name_gets_429_with_Retry_After_from_any_address_on_the_API_and_the_page()
    {
        var client = Client("192.0.2.10");
        for (var i = 0; i < 10; i++) (await Token(client, "tidak.ada")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var refused = await Token(client, "Tidak.Ada ");
        var problem = await refused.Problem(HttpStatusCode.TooManyRequests);
        problem.GetProperty("title").GetString().ShouldBe("Terlalu banyak percobaan masuk.");
        problem.GetProperty("detail").GetString().ShouldBe($"Tunggu {RetryAfter(refused)} detik lalu coba lagi.");
        refused.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { username = "tidak.ada", password = "x" }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await client.SendAsync(request);
        (await english.Problem(HttpStatusCode.TooManyRequests)).GetProperty("title").GetString().ShouldBe("Too many sign-in attempts.");

        // The name is limited from another address too, on the page as well; other names from the first address are not.
        var elsewhere = Client("192.0.2.11");
        (await Token(elsewhere, "tidak.ada")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var page = await LoginPost(elsewhere, "tidak.ada");
        page.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        RetryAfter(page);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Terlalu banyak percobaan masuk.");
        var token = await Token(client, "pasrujambe.camat", KinerjaFixture.DemoPassword);
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        AssertSecurityHeaders(token);
    }

    [Fact]
    public async Task Two_step_code_checks_on_the_settings_page_are_limited_per_user_and_the_page_says_when_to_try_again()
    {
        async Task<(HttpClient Browser, string Page)> SettingsAsync(string userName)
        {
            var browser = Client("192.0.2.40"); // one address for both: the limit is the user's, not the address's
            (await LoginPost(browser, userName, KinerjaFixture.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            return (browser, await browser.GetStringAsync("/Account/TwoFactor"));
        }

        static Task<HttpResponseMessage> Enable(HttpClient browser, string page, string code) =>
            browser.PostAsync("/Account/TwoFactor?handler=Enable", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Code"] = code, ["__RequestVerificationToken"] = Http.FormToken(page),
            }));

        const string Limited = "Terlalu banyak percobaan kode verifikasi.";
        var (browser, page) = await SettingsAsync("tanjunganom.kasi-trantib");
        var key = Regex.Match(page, "data-testid=\"two-factor-key\">([^<]+)<").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        // As many checks per window as sign-in attempts per user name (10 by default): each answered with its own message.
        for (var i = 0; i < 10; i++)
        {
            var wrong = await Enable(browser, page, "000000");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await wrong.Content.ReadAsStringAsync()).ShouldNotContain(Limited);
        }

        // Then even the right code is not checked: 429, Retry-After, and the page again saying when to try again, in Indonesian.
        var refused = await Enable(browser, page, Totp.Code(key));
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain($"{Limited} Tunggu {RetryAfter(refused)} detik lalu coba lagi.");
        html.ShouldContain("data-testid=\"two-factor-off\"");
        html.ShouldNotContain("data-testid=\"recovery-codes\"");
        await using (var db = f.NewDbContext())
        {
            (await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "tanjunganom.kasi-trantib")).TwoFactorEnabled.ShouldBeFalse();
        }

        // Another user's checks are their own.
        var (other, otherPage) = await SettingsAsync("tanjunganom.kasi-pem");
        var checkedCode = await Enable(other, otherPage, "000000");
        checkedCode.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await checkedCode.Content.ReadAsStringAsync()).ShouldContain("Kode tidak cocok.");
    }

    [Fact]
    public async Task A_spray_over_many_names_from_one_address_gets_429_and_other_addresses_still_sign_in()
    {
        var sprayer = Client("192.0.2.20");
        for (var i = 0; i < 40; i++) (await Token(sprayer, $"semprot.{i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        for (var i = 40; i < 60; i++) (await LoginPost(sprayer, $"semprot.{i}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await Token(sprayer, "paringin.camat", KinerjaFixture.DemoPassword);
        await refused.Problem(HttpStatusCode.TooManyRequests);
        RetryAfter(refused);
        (await LoginPost(sprayer, "semprot.baru")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        (await Token(Client("192.0.2.21"), "paringin.camat", KinerjaFixture.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LoginPost(Client("192.0.2.22"), "paringin.camat", KinerjaFixture.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("/Account/Login", HttpStatusCode.OK)] // a page
    [InlineData("/api/v1/me", HttpStatusCode.Unauthorized)] // an API answer (a signed-in one: the tests of the limits)
    [InlineData("/Error", HttpStatusCode.OK)] // the error page
    [InlineData("/css/site.css", HttpStatusCode.OK)] // a static file
    public async Task Every_answer_carries_the_security_headers(string url, HttpStatusCode status)
    {
        var response = await Client("192.0.2.30").GetAsync(url);
        response.StatusCode.ShouldBe(status);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task An_error_written_by_the_exception_handler_keeps_the_security_headers()
    {
        var response = await Client("192.0.2.31").PostAsync("/api/v1/auth/token", new StringContent("{bukan json", System.Text.Encoding.UTF8, "application/json"));
        await response.Problem(HttpStatusCode.BadRequest);
        AssertSecurityHeaders(response);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["same-origin"]);
        response.Headers.GetValues("Permissions-Policy").Single().ShouldContain("camera=()");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("object-src 'none'");
        csp.ShouldNotContain("unsafe-inline");
    }

    [Fact]
    public async Task Over_HTTPS_the_cookies_are_Secure_and_HSTS_is_sent_while_plain_HTTP_keeps_working()
    {
        var secure = Client("192.0.2.40", "https://kinerja.test");
        var page = await secure.GetAsync("/Account/Login");
        page.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=31536000");
        Cookie(page, "kinerja.csrf").ShouldContain("; secure");
        Cookie(page, "kinerja.csrf").ShouldContain("httponly");
        var signedIn = await LoginPost(secure, "pasrujambe.camat", KinerjaFixture.DemoPassword);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var auth = Cookie(signedIn, "kinerja.auth");
        auth.ShouldContain("; secure");
        auth.ShouldContain("httponly");
        auth.ShouldContain("samesite=lax");
        (await secure.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var plain = Client("192.0.2.41");
        var plainPage = await plain.GetAsync("/Account/Login");
        plainPage.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        Cookie(plainPage, "kinerja.csrf").ShouldNotContain("secure");
        var plainSignedIn = await LoginPost(plain, "pasrujambe.camat", KinerjaFixture.DemoPassword);
        plainSignedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Cookie(plainSignedIn, "kinerja.auth").ShouldNotContain("secure");
        Cookie(plainSignedIn, "kinerja.auth").ShouldContain("httponly");
        (await plain.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Behind_a_proxy_on_this_machine_its_forwarded_scheme_counts_and_a_remote_client_cannot_claim_one()
    {
        var proxied = Client("127.0.0.1", "http://kinerja.test"); // HSTS is never sent for localhost
        proxied.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        proxied.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        var page = await proxied.GetAsync("/Account/Login");
        page.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
        Cookie(page, "kinerja.csrf").ShouldContain("; secure");

        var spoofing = Client("192.0.2.60", "http://kinerja.test");
        spoofing.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var spoofed = await spoofing.GetAsync("/Account/Login");
        spoofed.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        Cookie(spoofed, "kinerja.csrf").ShouldNotContain("secure");
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).ToLowerInvariant();
}

/// <summary>Codes as an authenticator app makes them (Kinerja.Domain's RFC 6238 helper, checked there against the RFC's vectors).</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset? at = null) =>
        TotpSteps.Code(TotpSteps.Base32(base32Key), (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / TotpSteps.StepSeconds);

    /// <summary>The code <paramref name="steps"/> time steps after the current one (Identity accepts up to two ahead).</summary>
    public static string Ahead(string base32Key, int steps) => Code(base32Key, DateTimeOffset.UtcNow.AddSeconds(TotpSteps.StepSeconds * steps));

    /// <summary>A 6-digit code that is none of those accepted now (Identity allows two steps either side).</summary>
    public static string Wrong(string base32Key)
    {
        var now = DateTimeOffset.UtcNow;
        var accepted = Enumerable.Range(-3, 7).Select(i => Code(base32Key, now.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => ((int.Parse(Code(base32Key, now), System.Globalization.CultureInfo.InvariantCulture) + 123_457 * (i + 1)) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .First(c => !accepted.Contains(c));
    }
}
