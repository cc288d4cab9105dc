using System.Net;
using System.Net.Http.Json;

namespace Kinerja.Tests;

/// <summary>Editing what people share: ETag/If-Match so nobody silently overwrites anybody; password resets; ending holdings.</summary>
public abstract class EditingTests(KinerjaFixture f)
{
    private const string Tanjunganom = "Kecamatan Tanjunganom";

    private static HttpRequestMessage Put(string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    [Fact]
    public async Task Two_admins_editing_one_agency_never_overwrite_each_other()
    {
        var agency = await f.AgencyIdAsync(Tanjunganom);
        var alice = await f.SignedInAsync("tanjunganom.admin");
        var bob = await f.SignedInAsync("admin");

        var seenByAlice = await alice.GetAsync($"/api/v1/agencies/{agency}");
        var etag = seenByAlice.Headers.ETag!.Tag;
        var seenByBob = (await bob.GetAsync($"/api/v1/agencies/{agency}")).Headers.ETag!.Tag;
        seenByBob.ShouldBe(etag);

        var body = new { name = Tanjunganom, kind = "kecamatan", address = "Jl. Raya Tanjunganom No. 1", letterNumberPattern = "030/{seq}/411.620/{year}" };
        var first = await alice.SendAsync(Put($"/api/v1/agencies/{agency}", body, etag));
        (await first.Json(HttpStatusCode.OK)).GetProperty("address").GetString().ShouldBe("Jl. Raya Tanjunganom No. 1");
        first.Headers.ETag!.Tag.ShouldNotBe(etag);

        var stale = await bob.SendAsync(Put($"/api/v1/agencies/{agency}", body with { address = "Alamat Bob" }, seenByBob));
        (await stale.Problem(HttpStatusCode.PreconditionFailed)).GetProperty("title").GetString().ShouldBe("Data ini sudah diubah orang lain.");
        var missing = await bob.SendAsync(Put($"/api/v1/agencies/{agency}", body with { address = "Alamat Bob" }, null));
        await missing.Problem(HttpStatusCode.PreconditionRequired);
        (await bob.GetJson($"/api/v1/agencies/{agency}")).GetProperty("address").GetString().ShouldBe("Jl. Raya Tanjunganom No. 1");

        var staff = await f.SignedInAsync("tanjunganom.staf");
        (await staff.SendAsync(Put($"/api/v1/agencies/{agency}", body, first.Headers.ETag!.Tag))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_unit_is_renamed_and_moved_but_never_under_itself()
    {
        var agency = await f.AgencyIdAsync(Tanjunganom);
        var admin = await f.SignedInAsync("tanjunganom.admin");
        var root = await f.UnitIdAsync(Tanjunganom, Tanjunganom);
        var sekretariat = await f.UnitIdAsync(Tanjunganom, "Sekretariat Kecamatan");
        var subbag = await f.UnitIdAsync(Tanjunganom, "Subbagian Program, Evaluasi dan Keuangan");

        var get = await admin.GetAsync($"/api/v1/agencies/{agency}/units/{sekretariat}");
        var etag = get.Headers.ETag!.Tag;
        var cycle = await admin.SendAsync(Put($"/api/v1/agencies/{agency}/units/{sekretariat}", new { name = "Sekretariat Kecamatan", parentId = subbag }, etag));
        (await cycle.Problem(HttpStatusCode.BadRequest)).Errors("parentId").ShouldBe(["Unit tidak dapat dipindah ke bawah dirinya sendiri atau subunitnya."]);

        var renamed = await admin.SendAsync(Put($"/api/v1/agencies/{agency}/units/{sekretariat}", new { name = "Sekretariat", parentId = root }, etag));
        (await renamed.Json(HttpStatusCode.OK)).GetProperty("name").GetString().ShouldBe("Sekretariat");
        (await admin.SendAsync(Put($"/api/v1/agencies/{agency}/units/{sekretariat}", new { name = "Lagi", parentId = root }, etag)))
            .StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await admin.SendAsync(Put($"/api/v1/agencies/{agency}/units/{sekretariat}", new { name = "Lagi", parentId = root }, "\"bukan-angka\"")))
            .StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var tree = await admin.GetJson($"/api/v1/agencies/{agency}/units");
        tree.EnumerateArray().Single(u => u.GetProperty("id").GetString() == subbag.ToString()).GetProperty("depth").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task An_admin_resets_a_locked_out_password_and_ends_a_holding()
    {
        var agency = await f.AgencyIdAsync(Tanjunganom);
        var admin = await f.SignedInAsync("tanjunganom.admin");
        var users = await admin.GetJson($"/api/v1/agencies/{agency}/users");
        var kasi = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "tanjunganom.kasi-trantib");
        var kasiId = kasi.GetProperty("id").GetString();

        var client = f.CreateClient();
        for (var i = 0; i < 5; i++) await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "tanjunganom.kasi-trantib", password = "keliru" });
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "tanjunganom.kasi-trantib", password = KinerjaFixture.DemoPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetJson($"/api/v1/agencies/{agency}/users")).EnumerateArray()
            .Single(u => u.GetProperty("id").GetString() == kasiId).GetProperty("lockedOut").GetBoolean().ShouldBeTrue();

        var weak = await admin.PostAsJsonAsync($"/api/v1/agencies/{agency}/users/{kasiId}/password", new { password = "pendek" });
        (await weak.Problem(HttpStatusCode.BadRequest)).Errors("password").ShouldContain("Kata sandi paling sedikit 10 karakter.");
        (await admin.PostAsJsonAsync($"/api/v1/agencies/{agency}/users/{kasiId}/password", new { password = "Trantib#Baru2026" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var kasiClient = await f.SignedInAsync("tanjunganom.kasi-trantib", "Trantib#Baru2026");
        (await kasiClient.GetJson("/api/v1/me")).GetProperty("grants").GetArrayLength().ShouldBe(1);

        var positions = await admin.GetJson($"/api/v1/agencies/{agency}/positions");
        var position = positions.EnumerateArray().Single(p => p.GetProperty("title").GetString() == "Kasi Ketenteraman dan Ketertiban Umum");
        var holder = position.GetProperty("holders")[0].GetProperty("id").GetString();
        var yesterday = DateOnly.FromDateTime(DateTime.Now).AddDays(-1).ToString("yyyy-MM-dd");
        (await admin.PostAsJsonAsync($"/api/v1/agencies/{agency}/positions/{position.GetProperty("id").GetString()}/holders/{holder}/end", new { lastDay = yesterday }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await kasiClient.GetJson("/api/v1/me")).GetProperty("grants").GetArrayLength().ShouldBe(0);
    }
}

public sealed class EditingTestsOnSqlite(SqliteFixture f) : EditingTests(f), IClassFixture<SqliteFixture>;

public sealed class EditingTestsOnPostgres(PostgresFixture f) : EditingTests(f), IClassFixture<PostgresFixture>;
