using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Tests;

/// <summary>The pages over HTTP, with the cookie and antiforgery token a browser would carry.</summary>
public abstract class PagesTests(KinerjaFixture f)
{
    private const string Dkp = "Dinas Kelautan dan Perikanan";

    private static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
        new(fields.Select(x => new KeyValuePair<string, string>(x.Key, x.Value))
            .Append(new("__RequestVerificationToken", Http.FormToken(page))));

    [Fact]
    public async Task Pages_need_a_sign_in_and_speak_Indonesian_by_default_or_English_on_request()
    {
        var client = f.CreateClient(new() { AllowAutoRedirect = false });
        var home = await client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().ShouldContain("/Account/Login");

        var login = await client.GetStringAsync("/Account/Login");
        login.ShouldContain("Masuk ke Kinerja");
        login.ShouldContain("lang=\"id\"");
        (await client.PostAsync("/Language", Form(login, ("lang", "en"), ("returnUrl", "/Account/Login")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var english = await client.GetStringAsync("/Account/Login");
        english.ShouldContain("Sign in to Kinerja");
        english.ShouldContain("lang=\"en\"");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var client = await f.SignInPagesAsync("dkp.admin");
        var agency = await f.AgencyIdAsync(Dkp);
        var response = await client.PostAsync($"/Admin/Agencies/Details/{agency}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "Unit Tanpa Token" }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = f.NewDbContext();
        (await db.Units.AnyAsync(u => u.Name == "Unit Tanpa Token")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_wrong_password_shows_a_message_on_the_form()
    {
        var client = f.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", Form(page, ("UserName", "dkp.kadis"), ("Password", "keliru")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Nama pengguna atau kata sandi salah.");
    }

    [Fact]
    public async Task The_home_page_shows_what_each_role_does()
    {
        var coordinator = await f.SignInPagesAsync("dkp.kasubag-kp");
        var home = await coordinator.GetStringAsync("/");
        home.ShouldContain("Baiq Nurul Aini, S.E.");
        home.ShouldContain("data-testid=\"home-role-coordinator\"");
        home.ShouldContain("membuka putaran pengumpulan data");

        var staff = await f.SignInPagesAsync("dkp.staf-evaluasi");
        (await staff.GetStringAsync("/")).ShouldContain("data-testid=\"home-role-staff\"");
    }

    [Fact]
    public async Task A_Kasi_opens_their_own_unit_page_but_not_another_units_or_agencys()
    {
        var kasi = await f.SignInPagesAsync("dkp.kasi-sarpras");
        var own = await f.UnitIdAsync(Dkp, "Seksi Sarana dan Prasarana Perikanan Tangkap");
        var sibling = await f.UnitIdAsync(Dkp, "Seksi Produksi Perikanan Budidaya");
        var otherAgency = await f.UnitIdAsync("Kecamatan Pasrujambe", "Seksi Pemerintahan");

        var page = await kasi.GetAsync($"/Admin/Units/Details/{own}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Hairul Anwar, S.Pi.");

        var denied = await kasi.GetAsync($"/Admin/Units/Details/{sibling}");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await kasi.GetAsync($"/Admin/Units/Details/{otherAgency}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await kasi.GetAsync($"/Admin/Agencies/Details/{await f.AgencyIdAsync("Kecamatan Pasrujambe")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_coordinator_sets_the_agencys_category_scale_and_cap_in_the_agency_page()
    {
        var agency = await f.AgencyIdAsync(Dkp);
        var url = $"/Admin/Agencies/Details/{agency}";
        var coordinator = await f.SignInPagesAsync("dkp.kasubag-kp");
        var page = await coordinator.GetStringAsync(url);
        page.ShouldContain("data-testid=\"rules-edit\"");
        page.ShouldContain("Permendagri 86/2017 (bawaan)");
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Rules.Version\" value=\"(\\d+)\"").Groups[1].Value;

        var bad = await coordinator.PostAsync(url + "?handler=Rules", Form(page, ("Rules.Version", version), ("Rules.Cap", "seratus"),
            ("Rules.Categories[0].Label", "Baik"), ("Rules.Categories[0].Above", "80"), ("Rules.Categories[0].Colour", "green")));
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        badHtml.ShouldContain("\"seratus\" bukan angka. Tulis misalnya 82,5.");
        badHtml.ShouldContain("value=\"seratus\"", Case.Sensitive, "what was typed stays in the form");

        var saved = await coordinator.PostAsync(url + "?handler=Rules", Form(page, ("Rules.Version", version), ("Rules.Cap", "110,5"),
            ("Rules.Categories[0].Label", "Melampaui"), ("Rules.Categories[0].Above", "100"), ("Rules.Categories[0].Colour", "blue"),
            ("Rules.Categories[1].Label", "Tercapai"), ("Rules.Categories[1].Above", "85,5"), ("Rules.Categories[1].Colour", "green"),
            ("Rules.Categories[2].Label", "Belum tercapai"), ("Rules.Categories[2].Colour", "red")));
        saved.StatusCode.ShouldBe(HttpStatusCode.Found);
        saved.Headers.Location!.ToString().ShouldBe(url + "#rules");
        var html = WebUtility.HtmlDecode(await coordinator.GetStringAsync(url));
        html.ShouldContain("110,50 %");
        html.ShouldContain("Skala instansi sendiri");
        html.ShouldContain("> 85,5 %");
        await using (var db = f.NewDbContext())
        {
            var stored = await db.Agencies.SingleAsync(a => a.Id == agency);
            stored.AchievementCap.ShouldBe(110.5m);
            stored.CategoryBands!.Select(b => (b.Above, b.Label, b.Colour)).ShouldBe([(100m, "Melampaui", "blue"), (85.5m, "Tercapai", "green"), ((decimal?)null, "Belum tercapai", "red")]);
        }

        var staff = await f.SignInPagesAsync("dkp.staf-evaluasi");
        var readOnly = WebUtility.HtmlDecode(await staff.GetStringAsync(url));
        readOnly.ShouldContain("Skala instansi sendiri", Case.Sensitive, "everyone in the agency sees the rules");
        readOnly.ShouldNotContain("data-testid=\"rules-edit\"");

        page = await coordinator.GetStringAsync(url);
        version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Rules.Version\" value=\"(\\d+)\"").Groups[1].Value;
        (await coordinator.PostAsync(url + "?handler=Rules", Form(page, ("Rules.Version", version), ("reset", "default")))).StatusCode.ShouldBe(HttpStatusCode.Found);
        WebUtility.HtmlDecode(await coordinator.GetStringAsync(url)).ShouldContain("Permendagri 86/2017 (bawaan)");
    }

    [Fact]
    public async Task Bad_input_in_a_page_is_explained_next_to_the_form_and_nothing_is_saved()
    {
        var admin = await f.SignInPagesAsync("dkp.admin");
        var agency = await f.AgencyIdAsync(Dkp);
        await using var db = f.NewDbContext();
        var users = await db.Users.CountAsync();

        var page = await admin.GetStringAsync($"/Admin/Users?agencyId={agency}");
        var unit = await f.UnitIdAsync(Dkp, "Sekretariat");
        var response = await admin.PostAsync($"/Admin/Users?agencyId={agency}", Form(page,
            ("Input.FullName", "Nama Yang Cukup"), ("Input.Nip", "1976070120090110"), ("Input.Username", "dkp.kadis"),
            ("Input.Password", "Kuat#Sandi2026"), ("Input.UnitId", unit.ToString()), ("Input.Role", "staff")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("NIP harus 18 digit, yang diisi 16 digit.");
        html.ShouldContain("Nama pengguna \"dkp.kadis\" sudah dipakai.");
        html.ShouldContain("value=\"Nama Yang Cukup\""); // what was typed is kept
        (await db.Users.CountAsync()).ShouldBe(users);

        var details = await admin.GetStringAsync($"/Admin/Agencies/Details/{agency}");
        response = await admin.PostAsync($"/Admin/Agencies/Details/{agency}", Form(details, ("Input.Name", "  ")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Nama unit wajib diisi.");
    }

    [Fact]
    public async Task Two_people_editing_an_agency_page_do_not_overwrite_each_other()
    {
        var agency = await f.AgencyIdAsync("Kecamatan Paringin Selatan");
        var alice = await f.SignInPagesAsync("paringin.admin");
        var bob = await f.SignInPagesAsync("admin", KinerjaFixture.AdminPassword);
        var alicePage = await alice.GetStringAsync($"/Admin/Agencies/Details/{agency}");
        var bobPage = await bob.GetStringAsync($"/Admin/Agencies/Details/{agency}");
        var version = System.Text.RegularExpressions.Regex.Match(alicePage, "name=\"Edit.Version\" value=\"(\\d+)\"").Groups[1].Value;
        version.ShouldNotBeEmpty();

        (string, string)[] Fields(string address) =>
        [
            ("Edit.Name", "Kecamatan Paringin Selatan"), ("Edit.Kind", "kecamatan"), ("Edit.Address", address),
            ("Edit.LetterNumberPattern", "000/{seq}/Kec.PS/{year}"), ("Edit.Version", version),
        ];

        (await alice.PostAsync($"/Admin/Agencies/Details/{agency}?handler=Edit", Form(alicePage, Fields("Jl. Alice 1")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var conflict = await bob.PostAsync($"/Admin/Agencies/Details/{agency}?handler=Edit", Form(bobPage, Fields("Jl. Bob 2")));
        conflict.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync());
        html.ShouldContain("Muat ulang untuk melihat perubahan terbaru");
        html.ShouldContain("value=\"Jl. Bob 2\""); // Bob's typing is still on the form
        (await bob.GetStringAsync($"/Admin/Agencies/Details/{agency}")).ShouldContain("Jl. Alice 1");
    }

    [Fact]
    public async Task Everyone_in_the_agency_reads_the_plan_but_only_planners_edit_it()
    {
        var agency = await f.AgencyIdAsync("Kecamatan Pasrujambe");
        var staff = await f.SignInPagesAsync("pasrujambe.staf-pem");
        var plan = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Plan?agencyId={agency}&year=2025"));
        plan.ShouldContain("Indeks Kepuasan Masyarakat terhadap layanan kecamatan");
        plan.ShouldContain("80 - 90"); // the range target of 2025
        plan.ShouldContain("Makin rendah makin baik");
        var budget = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Plan/Budget?agencyId={agency}&year=2025"));
        budget.ShouldContain("Rp 1.250.000.000,00");
        budget.ShouldContain("Rp 1.720.000.000,00"); // programs' total

        var indicatorLink = System.Text.RegularExpressions.Regex.Match(plan, "href=\"(/Plan/Indicator/[^\"]+)\"").Groups[1].Value;
        var indicator = await staff.GetStringAsync(indicatorLink);
        indicator.ShouldNotContain("data-testid=\"target-form\"");
        var coordinator = await f.SignInPagesAsync("pasrujambe.kasubbag-pk");
        (await coordinator.GetStringAsync(indicatorLink)).ShouldContain("data-testid=\"target-form\"");

        var agreement = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Plan/Agreement?agencyId={agency}&year=2025"));
        agreement.ShouldContain("Dian Nurwisjdah K.H.P., S.Psi., M.M.");
        agreement.ShouldContain("Bupati Lumajang");
        agreement.ShouldContain("data-testid=\"sign-form\"");

        var outsider = await f.SignInPagesAsync("dkp.kasubag-kp");
        (await outsider.GetAsync($"/Plan?agencyId={agency}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync(indicatorLink)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_planner_adds_an_indicator_in_the_page_after_fixing_what_was_missing()
    {
        var agency = await f.AgencyIdAsync("Kecamatan Tanjunganom");
        var unit = await f.UnitIdAsync("Kecamatan Tanjunganom", "Seksi Pemerintahan");
        var coordinator = await f.SignInPagesAsync("tanjunganom.kasubag-pek");
        var page = await coordinator.GetStringAsync($"/Plan?agencyId={agency}&year=2026");
        page.ShouldContain("data-testid=\"indicator-form\"");
        var objective = System.Text.RegularExpressions.Regex.Match(page, "<option value=\"([0-9a-f-]{36})\">S1 ").Groups[1].Value;

        (string, string)[] Fields(string measure) =>
        [
            ("agencyId", agency.ToString()), ("year", "2026"), ("NewIndicator.Code", "IKU-08"), ("NewIndicator.Name", "Persentase sengketa batas desa yang terselesaikan"),
            ("NewIndicator.Kind", "iku"), ("NewIndicator.ObjectiveId", objective), ("NewIndicator.UnitId", unit.ToString()), ("NewIndicator.Measure", measure),
            ("NewIndicator.Polarity", "higher"), ("NewIndicator.Aggregation", "last"),
        ];

        var missing = await coordinator.PostAsync($"/Plan?handler=Indicator&agencyId={agency}", Form(page, Fields("")));
        missing.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        html.ShouldContain("Satuan wajib diisi.");
        html.ShouldContain("value=\"Persentase sengketa batas desa yang terselesaikan\"");

        var created = await coordinator.PostAsync($"/Plan?handler=Indicator&agencyId={agency}", Form(page, Fields("%")));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var indicator = WebUtility.HtmlDecode(await coordinator.GetStringAsync(created.Headers.Location!.ToString()));
        indicator.ShouldContain("IKU-08 · Persentase sengketa batas desa yang terselesaikan");
        indicator.ShouldContain("data-testid=\"target-form\"");

        var staff = await f.SignInPagesAsync("tanjunganom.staf");
        var staffPage = await staff.GetStringAsync($"/Plan?agencyId={agency}&year=2026");
        staffPage.ShouldNotContain("data-testid=\"indicator-form\"");
        var denied = await staff.PostAsync($"/Plan?handler=Indicator&agencyId={agency}", Form(staffPage, Fields("%")));
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }
}

public sealed class PagesTestsOnSqlite(SqliteFixture f) : PagesTests(f), IClassFixture<SqliteFixture>;

public sealed class PagesTestsOnPostgres(PostgresFixture f) : PagesTests(f), IClassFixture<PostgresFixture>;
