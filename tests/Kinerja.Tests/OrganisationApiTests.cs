using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Tests;

/// <summary>The Organisation part of the API, as a client uses it. Runs on SQLite and PostgreSQL.</summary>
public abstract class OrganisationApiTests(KinerjaFixture f)
{
    private const string Pasrujambe = "Kecamatan Pasrujambe";
    private const string Dkp = "Dinas Kelautan dan Perikanan";

    [Fact]
    public async Task Health_and_the_OpenAPI_document_are_public()
    {
        var client = f.CreateClient();
        (await client.GetStringAsync("/health")).ShouldBe("Healthy");
        var doc = await client.GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var p in new[] { "/api/v1/auth/token", "/api/v1/agencies", "/api/v1/agencies/{agencyId}", "/api/v1/agencies/{agencyId}/units", "/api/v1/agencies/{agencyId}/users", "/api/v1/audit/verify" })
        {
            paths.TryGetProperty(p, out _).ShouldBeTrue($"OpenAPI lacks {p}");
        }

        (await client.GetAsync("/api/docs/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_api_needs_a_token_and_says_how_to_get_one_in_the_users_language()
    {
        var client = f.CreateClient();
        var none = await client.GetAsync("/api/v1/agencies");
        none.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        var problem = await none.Problem(HttpStatusCode.Unauthorized);
        problem.GetProperty("title").GetString().ShouldBe("Belum masuk, atau token sudah tidak berlaku.");
        problem.GetProperty("detail").GetString()!.ShouldContain("POST /api/v1/auth/token");

        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        problem = await (await client.GetAsync("/api/v1/agencies")).Problem(HttpStatusCode.Unauthorized);
        problem.GetProperty("title").GetString().ShouldBe("Not signed in, or the token is no longer valid.");
        problem.GetProperty("detail").GetString()!.ShouldContain("Authorization: Bearer <token>");
    }

    [Fact]
    public async Task A_request_no_endpoint_takes_says_why_415_for_a_body_that_is_not_JSON_405_for_a_method_404_for_an_address()
    {
        var anonymous = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // curl -d without -H 'Content-Type: application/json' sends a form: the token endpoint is not chosen for it.
        var form = await (await anonymous.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = "pasrujambe.camat", ["password"] = KinerjaFixture.DemoPassword,
            }))).Problem(HttpStatusCode.UnsupportedMediaType);
        form.GetProperty("detail").GetString()!.ShouldContain("Content-Type: application/json");
        form.GetProperty("detail").GetString()!.ShouldContain("application/x-www-form-urlencoded");

        var coordinator = await f.SignedInAsync("pasrujambe.kasubbag-pk");
        var agency = await f.AgencyIdAsync("Kecamatan Pasrujambe");
        var text = await (await coordinator.PostAsync($"/api/v1/agencies/{agency}/rounds",
            new StringContent("""{"period":"2026-Q3","disposition":{"text":"x"}}"""))).Problem(HttpStatusCode.UnsupportedMediaType);
        text.GetProperty("detail").GetString()!.ShouldContain("text/plain");

        var unknown = await (await anonymous.GetAsync("/api/v1/no-such-thing")).Problem(HttpStatusCode.NotFound);
        unknown.GetProperty("detail").GetString().ShouldBe("Alamat API tidak ditemukan atau Anda tidak berhak melihatnya.");
        (await coordinator.GetAsync($"/api/v1/agencies/{agency}/rounds/not-an-id")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.PostAsync($"/api/v1/agencies/{agency}/no-such-thing", JsonContent.Create(new { a = 1 }))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.GetAsync("/api/v1/agencies/not-a-guid")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // the id must be a GUID

        var delete = await coordinator.DeleteAsync($"/api/v1/agencies/{agency}");
        delete.Content.Headers.Allow.ShouldBe(["GET", "PUT"], ignoreOrder: true);
        var method = await delete.Problem(HttpStatusCode.MethodNotAllowed);
        method.GetProperty("title").GetString().ShouldBe("Metode DELETE tidak dipakai di alamat ini.");
        method.GetProperty("detail").GetString().ShouldBe("Alamat ini menerima: GET, PUT.");
        // Pages sign in with a cookie, not a token: an anonymous page request still goes to the sign-in page.
        (await anonymous.GetAsync("/Worksheets")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_wrong_password_gets_a_readable_problem_in_Indonesian_or_English()
    {
        var client = f.CreateClient();
        var problem = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "pasrujambe.camat", password = "salah" }))
            .Problem(HttpStatusCode.Unauthorized);
        problem.GetProperty("title").GetString().ShouldBe("Nama pengguna atau kata sandi salah.");

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { username = "nobody", password = "x" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        problem = await (await client.SendAsync(request)).Problem(HttpStatusCode.Unauthorized);
        problem.GetProperty("title").GetString().ShouldBe("Wrong user name or password.");
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account()
    {
        var admin = await f.SignedInAsync("tanjunganom.admin");
        var agency = await f.AgencyIdAsync("Kecamatan Tanjunganom");
        var unit = await f.UnitIdAsync("Kecamatan Tanjunganom", "Seksi Pemerintahan");
        await admin.PostJson($"/api/v1/agencies/{agency}/users",
            new { username = "tanjunganom.kunci", password = "Rahasia#2026x", fullName = "Uji Kunci", unitId = unit, role = "staff" },
            HttpStatusCode.Created);

        var client = f.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "tanjunganom.kunci", password = "Salah#2026x" }))
                .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var locked = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "tanjunganom.kunci", password = "Rahasia#2026x" }))
            .Problem(HttpStatusCode.Unauthorized);
        locked.GetProperty("title").GetString().ShouldBe("Akun dikunci sementara.");
    }

    [Fact]
    public async Task The_five_seed_agencies_are_there_with_the_positions_their_SOPs_name()
    {
        var admin = await f.SignedInAsync("admin");
        var agencies = (await admin.GetJson("/api/v1/agencies")).EnumerateArray()
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => a);
        foreach (var name in new[] { "Kecamatan Pasrujambe", "Kecamatan Paringin Selatan", "Kecamatan Tanjunganom", Dkp, "Sekretariat DPRD Provinsi Jambi" })
        {
            agencies.Keys.ShouldContain(name);
        }

        agencies[Pasrujambe].GetProperty("government").GetString().ShouldBe("Kabupaten Lumajang");
        agencies["Sekretariat DPRD Provinsi Jambi"].GetProperty("government").GetString().ShouldBe("Provinsi Jambi");
        agencies[Dkp].GetProperty("government").GetString().ShouldBe("Kabupaten Lombok Timur");

        async Task<string[]> Positions(string agency) =>
            (await admin.GetJson($"/api/v1/agencies/{agencies[agency].GetProperty("id").GetString()}/positions")).EnumerateArray()
            .Select(p => p.GetProperty("title").GetString()!).ToArray();

        (await Positions(Pasrujambe)).ShouldContain("Camat");
        (await Positions(Pasrujambe)).ShouldContain("Sekretaris Kecamatan");
        (await Positions("Kecamatan Paringin Selatan")).ShouldContain("JF Perencana");
        (await Positions("Kecamatan Tanjunganom")).ShouldContain("Kasubag Program Evaluasi dan Keuangan");
        (await Positions(Dkp)).ShouldContain("Staf Penyusun Evaluasi Kinerja");
        (await Positions(Dkp)).ShouldContain("Kasubag Keuangan dan Pelaporan");
        (await Positions("Sekretariat DPRD Provinsi Jambi")).ShouldContain("Kasubbag Perencanaan, Evaluasi dan Pelaporan");
        (await Positions("Sekretariat DPRD Provinsi Jambi")).ShouldContain("Analis Kinerja");

        // Every position of the demo is held by one demo user who can sign in.
        var users = await admin.GetJson($"/api/v1/agencies/{agencies[Dkp].GetProperty("id").GetString()}/users");
        var head = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "dkp.kadis");
        head.GetProperty("nip").GetString().ShouldBe("197607012009011005");
        head.GetProperty("positions")[0].GetProperty("role").GetString().ShouldBe("head");
        await f.SignedInAsync("setwan.analis");
    }

    [Fact]
    public async Task A_user_of_one_agency_never_sees_another_agency()
    {
        var coordinator = await f.SignedInAsync("pasrujambe.kasubbag-pk");
        var agencies = await coordinator.GetJson("/api/v1/agencies");
        agencies.GetArrayLength().ShouldBe(1);
        agencies[0].GetProperty("name").GetString().ShouldBe(Pasrujambe);

        var other = await f.AgencyIdAsync(Dkp);
        var otherUnit = await f.UnitIdAsync(Dkp, "Sekretariat");
        (await coordinator.GetAsync($"/api/v1/agencies/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/api/v1/agencies/{other}/units")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/api/v1/agencies/{other}/users")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/api/v1/agencies/{other}/audit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{other}/units", new { name = "Sisipan" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Even an agency admin is limited to their own agency.
        var admin = await f.SignedInAsync("pasrujambe.admin");
        (await admin.PostAsJsonAsync($"/api/v1/agencies/{other}/users",
                new { username = "penyusup", password = "Rahasia#2026x", fullName = "Penyusup", unitId = otherUnit, role = "admin" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = f.NewDbContext();
        (await db.Users.AnyAsync(u => u.UserName == "penyusup")).ShouldBeFalse();
    }

    [Fact]
    public async Task Only_the_system_administrator_registers_agencies()
    {
        var admin = await f.SignedInAsync("admin");
        var created = await admin.PostJson("/api/v1/agencies",
            new { name = "Badan Perencanaan Pembangunan Daerah", kind = "badan", government = "Kabupaten Lumajang", address = "Jl. Alun-alun Timur", letterNumberPattern = "050/{seq}/427.55/{year}" },
            HttpStatusCode.Created);
        created.GetProperty("government").GetString().ShouldBe("Kabupaten Lumajang");
        var id = created.GetProperty("id").GetString();
        (await admin.GetJson($"/api/v1/agencies/{id}")).GetProperty("name").GetString().ShouldBe("Badan Perencanaan Pembangunan Daerah");

        var duplicate = await (await admin.PostAsJsonAsync("/api/v1/agencies",
            new { name = "Badan Perencanaan Pembangunan Daerah", kind = "badan", government = "Kabupaten Lumajang" })).Problem(HttpStatusCode.BadRequest);
        duplicate.Errors("name")[0].ShouldContain("sudah terdaftar");

        var head = await f.SignedInAsync("pasrujambe.camat");
        (await head.PostAsJsonAsync("/api/v1/agencies", new { name = "Dinas Baru", kind = "dinas", government = "Kabupaten Lumajang" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_agency_input_is_refused_field_by_field_and_nothing_is_saved()
    {
        var admin = await f.SignedInAsync("admin");
        await using var db = f.NewDbContext();
        var before = await db.Agencies.CountAsync();
        var problem = await (await admin.PostAsJsonAsync("/api/v1/agencies",
            new { name = "   ", kind = "kerajaan", government = new string('x', 201), address = new string('y', 301), letterNumberPattern = "800/{nomor}/427.96" })).Problem(HttpStatusCode.BadRequest);
        problem.Errors("name").ShouldBe(["Nama instansi wajib diisi."]);
        problem.Errors("letterNumberPattern").ShouldBe(["Pola nomor surat memuat {nomor} yang tidak dikenal. Yang dapat dipakai: {seq}, {seq:3}, {year}, {month}, {mm}."]);
        problem.Errors("kind")[0].ShouldStartWith("Jenis instansi harus salah satu dari:");
        problem.Errors("government").ShouldBe(["Pemerintah daerah paling panjang 200 karakter."]);
        problem.Errors("address").ShouldBe(["Alamat paling panjang 300 karakter."]);
        (await db.Agencies.CountAsync()).ShouldBe(before);

        // Not JSON at all
        var raw = await admin.PostAsync("/api/v1/agencies", new StringContent("{name: oops", System.Text.Encoding.UTF8, "application/json"));
        (await raw.Problem(HttpStatusCode.BadRequest)).GetProperty("title").GetString().ShouldBe("Permintaan tidak dapat dibaca.");
    }

    [Fact]
    public async Task Units_are_added_by_the_agency_admin_and_refused_with_reasons()
    {
        var agency = await f.AgencyIdAsync("Kecamatan Paringin Selatan");
        var parent = await f.UnitIdAsync("Kecamatan Paringin Selatan", "Kecamatan Paringin Selatan");
        var admin = await f.SignedInAsync("paringin.admin");
        var unit = await admin.PostJson($"/api/v1/agencies/{agency}/units", new { name = "Seksi Ketenteraman dan Ketertiban Umum", parentId = parent }, HttpStatusCode.Created);
        unit.GetProperty("parentId").GetString().ShouldBe(parent.ToString());
        var tree = await admin.GetJson($"/api/v1/agencies/{agency}/units");
        tree.EnumerateArray().Single(u => u.GetProperty("name").GetString() == "Seksi Ketenteraman dan Ketertiban Umum")
            .GetProperty("depth").GetInt32().ShouldBe(1);

        await using var db = f.NewDbContext();
        var count = await db.Units.CountAsync(u => u.AgencyId == agency);
        var dup = await (await admin.PostAsJsonAsync($"/api/v1/agencies/{agency}/units", new { name = "Seksi Ketenteraman dan Ketertiban Umum", parentId = parent }))
            .Problem(HttpStatusCode.BadRequest);
        dup.Errors("name")[0].ShouldContain("sudah ada");
        (await (await admin.PostAsJsonAsync($"/api/v1/agencies/{agency}/units", new { name = "" })).Problem(HttpStatusCode.BadRequest))
            .Errors("name").ShouldBe(["Nama unit wajib diisi."]);
        (await (await admin.PostAsJsonAsync($"/api/v1/agencies/{agency}/units", new { name = "Unit\u0007" })).Problem(HttpStatusCode.BadRequest))
            .Errors("name").ShouldBe(["Nama unit tidak boleh berisi karakter kendali."]);
        (await (await admin.PostAsJsonAsync($"/api/v1/agencies/{agency}/units", new { name = "Anak yatim", parentId = Guid.NewGuid() })).Problem(HttpStatusCode.BadRequest))
            .Errors("parentId").ShouldBe(["Unit induk tidak ada di instansi ini."]);

        var staff = await f.SignedInAsync("paringin.jf");
        (await staff.PostAsJsonAsync($"/api/v1/agencies/{agency}/units", new { name = "Unit liar", parentId = parent }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await db.Units.CountAsync(u => u.AgencyId == agency)).ShouldBe(count);
    }

    [Fact]
    public async Task Users_are_created_with_a_position_and_bad_input_says_what_to_fix()
    {
        var agency = await f.AgencyIdAsync(Dkp);
        var unit = await f.UnitIdAsync(Dkp, "Bidang Perikanan Tangkap");
        var admin = await f.SignedInAsync("dkp.admin");
        var created = await admin.PostJson($"/api/v1/agencies/{agency}/users",
            new { username = "dkp.staf-tangkap", password = "Ikan#Laut2026", fullName = "Baiq Sulastri", nip = "19900101 201501 2 003", unitId = unit, role = "staff", positionTitle = "Pengelola Data Perikanan Tangkap" },
            HttpStatusCode.Created);
        created.GetProperty("nip").GetString().ShouldBe("199001012015012003");
        created.GetProperty("positions")[0].GetProperty("position").GetString().ShouldBe("Pengelola Data Perikanan Tangkap");
        var me = await (await f.SignedInAsync("dkp.staf-tangkap", "Ikan#Laut2026")).GetJson("/api/v1/me");
        me.GetProperty("grants")[0].GetProperty("role").GetString().ShouldBe("staff");

        await using var db = f.NewDbContext();
        var users = await db.Users.CountAsync();
        var problem = await (await admin.PostAsJsonAsync($"/api/v1/agencies/{agency}/users",
            new { username = "dkp.staf-tangkap", password = "pendek", fullName = "", nip = "1990 0101", unitId = unit, role = "raja" })).Problem(HttpStatusCode.BadRequest);
        problem.Errors("fullName").ShouldBe(["Nama lengkap wajib diisi."]);
        problem.Errors("nip").ShouldBe(["NIP harus 18 digit, yang diisi 8 digit."]);
        problem.Errors("role")[0].ShouldStartWith("Peran harus salah satu dari:");

        (await (await admin.PostAsJsonAsync($"/api/v1/agencies/{agency}/users",
                new { username = "dkp.staf-tangkap", password = "Ikan#Laut2026", fullName = "Kembar", unitId = unit, role = "staff" })).Problem(HttpStatusCode.BadRequest))
            .Errors("username").ShouldBe(["Nama pengguna \"dkp.staf-tangkap\" sudah dipakai."]);
        (await (await admin.PostAsJsonAsync($"/api/v1/agencies/{agency}/users",
                new { username = "dkp.lemah", password = "lemahsekali", fullName = "Sandi Lemah", unitId = unit, role = "staff" })).Problem(HttpStatusCode.BadRequest))
            .Errors("password").ShouldBe(["Kata sandi harus memuat angka.", "Kata sandi harus memuat huruf besar."]);
        (await (await admin.PostAsJsonAsync($"/api/v1/agencies/{agency}/users",
                new { username = "dkp.nip", password = "Ikan#Laut2026", fullName = "NIP Salah", nip = "19901301 201501 2 003", unitId = unit, role = "staff" })).Problem(HttpStatusCode.BadRequest))
            .Errors("nip").ShouldBe(["8 digit pertama NIP harus tanggal lahir yang sah (ttttbbhh)."]);
        (await (await admin.PostAsJsonAsync($"/api/v1/agencies/{agency}/users",
                new { username = "a b", password = "Ikan#Laut2026", fullName = new string('n', 201), unitId = unit, role = "staff" })).Problem(HttpStatusCode.BadRequest))
            .Errors("fullName").ShouldBe(["Nama lengkap paling panjang 200 karakter."]);
        (await db.Users.CountAsync()).ShouldBe(users);
    }

    [Fact]
    public async Task A_unit_head_adds_staff_to_their_own_unit_only()
    {
        var agency = await f.AgencyIdAsync(Dkp);
        var own = await f.UnitIdAsync(Dkp, "Seksi Sarana dan Prasarana Perikanan Tangkap");
        var other = await f.UnitIdAsync(Dkp, "Seksi Produksi Perikanan Budidaya");
        var kabid = await f.SignedInAsync("dkp.kabid-tangkap"); // head of Bidang Perikanan Tangkap, above the seksi
        await kabid.PostJson($"/api/v1/agencies/{agency}/users",
            new { username = "dkp.staf-sarpras", password = "Kapal#Ikan2026", fullName = "Lalu Ahmad", unitId = own, role = "staff" }, HttpStatusCode.Created);
        (await kabid.PostAsJsonAsync($"/api/v1/agencies/{agency}/users",
            new { username = "dkp.staf-budidaya", password = "Kapal#Ikan2026", fullName = "Bukan Bawahan", unitId = other, role = "staff" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await kabid.PostAsJsonAsync($"/api/v1/agencies/{agency}/users",
            new { username = "dkp.koordinator2", password = "Kapal#Ikan2026", fullName = "Naik Pangkat", unitId = own, role = "coordinator" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Unit roles see the people of their own units only.
        var visible = (await kabid.GetJson($"/api/v1/agencies/{agency}/users")).EnumerateArray().Select(u => u.GetProperty("userName").GetString()).ToList();
        visible.ShouldContain("dkp.kasi-sarpras");
        visible.ShouldNotContain("dkp.kasi-produksi");
    }

    [Fact]
    public async Task Acting_holders_get_the_role_for_their_dates_only()
    {
        var agency = await f.AgencyIdAsync(Pasrujambe);
        var admin = await f.SignedInAsync("pasrujambe.admin");
        var positions = await admin.GetJson($"/api/v1/agencies/{agency}/positions");
        var kasi = positions.EnumerateArray().Single(p => p.GetProperty("title").GetString() == "Kasi Kesejahteraan Sosial").GetProperty("id").GetString();
        var users = await admin.GetJson($"/api/v1/agencies/{agency}/users");
        var staffId = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "pasrujambe.staf-pem").GetProperty("id").GetString();
        var today = DateOnly.FromDateTime(DateTime.Now);

        var missingEnd = await (await admin.PostAsJsonAsync($"/api/v1/agencies/{agency}/positions/{kasi}/holders",
            new { userId = staffId, kind = "Plt", from = today.ToString("yyyy-MM-dd") })).Problem(HttpStatusCode.BadRequest);
        missingEnd.Errors("until").ShouldBe(["Plt/Plh harus punya tanggal akhir."]);

        // An acting holding that ended yesterday gives nothing today.
        await admin.PostJson($"/api/v1/agencies/{agency}/positions/{kasi}/holders",
            new { userId = staffId, kind = "Plh", from = today.AddDays(-10).ToString("yyyy-MM-dd"), until = today.AddDays(-1).ToString("yyyy-MM-dd") }, HttpStatusCode.Created);
        var staff = await f.SignedInAsync("pasrujambe.staf-pem");
        (await staff.GetJson("/api/v1/me")).GetProperty("grants").EnumerateArray().Select(g => g.GetProperty("role").GetString()).ShouldBe(["staff"]);

        await admin.PostJson($"/api/v1/agencies/{agency}/positions/{kasi}/holders",
            new { userId = staffId, kind = "Plt", from = today.ToString("yyyy-MM-dd"), until = today.AddMonths(3).ToString("yyyy-MM-dd") }, HttpStatusCode.Created);
        var grants = (await staff.GetJson("/api/v1/me")).GetProperty("grants").EnumerateArray().ToList();
        grants.Select(g => g.GetProperty("role").GetString()).ShouldBe(["staff", "unitHead"], ignoreOrder: true);
        grants.Single(g => g.GetProperty("role").GetString() == "unitHead").GetProperty("kind").GetString().ShouldBe("Plt");
    }

    [Fact]
    public async Task Every_change_is_audited_with_who_and_what_and_the_chain_verifies()
    {
        var agency = await f.AgencyIdAsync("Sekretariat DPRD Provinsi Jambi");
        var admin = await f.SignedInAsync("setwan.admin");
        var unit = await admin.PostJson($"/api/v1/agencies/{agency}/units", new { name = "Bagian Humas dan Protokol" }, HttpStatusCode.Created);
        var id = unit.GetProperty("id").GetString();

        var coordinator = await f.SignedInAsync("setwan.kasubbag-pep");
        var records = await coordinator.GetJson($"/api/v1/agencies/{agency}/audit?entity=OrgUnit");
        var record = records.EnumerateArray().First(r => r.GetProperty("entityId").GetString() == id);
        record.GetProperty("userName").GetString().ShouldBe("setwan.admin");
        record.GetProperty("action").GetString().ShouldBe("create");
        record.GetProperty("after").GetString()!.ShouldContain("Bagian Humas dan Protokol");

        // Passwords never reach the audit trail.
        var userRecords = await coordinator.GetJson($"/api/v1/agencies/{agency}/audit?entity=AppUser&limit=1000");
        userRecords.GetArrayLength().ShouldBeGreaterThan(0);
        foreach (var r in userRecords.EnumerateArray())
        {
            (r.GetProperty("after").GetString() ?? "").ShouldNotContain("AQAAAA"); // Identity v3 hash prefix
        }

        var verify = await coordinator.GetJson("/api/v1/audit/verify");
        verify.GetProperty("intact").GetBoolean().ShouldBeTrue();
        verify.GetProperty("recordsChecked").GetInt64().ShouldBeGreaterThan(100);

        var staff = await f.SignedInAsync("setwan.analis");
        (await staff.GetAsync($"/api/v1/agencies/{agency}/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class OrganisationApiTestsOnSqlite(SqliteFixture f) : OrganisationApiTests(f), IClassFixture<SqliteFixture>;

public sealed class OrganisationApiTestsOnPostgres(PostgresFixture f) : OrganisationApiTests(f), IClassFixture<PostgresFixture>;
