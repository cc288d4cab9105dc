using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kinerja.Tests;

/// <summary>A collection round through the API: order, distribute, fill, submit, return, fix, verify.</summary>
public abstract class RoundApiTests(KinerjaFixture f)
{
    private const string Pasrujambe = "Kecamatan Pasrujambe";

    private static HttpRequestMessage Put(string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static JsonElement Line(JsonElement sheet, string code) =>
        sheet.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == code);

    [Fact]
    public async Task A_quarter_round_from_disposition_to_verified_data()
    {
        var agency = await f.AgencyIdAsync(Pasrujambe);
        var coordinator = await f.SignedInAsync("pasrujambe.kasubbag-pk");
        (await coordinator.GetJson("/api/v1/sop-templates")).GetArrayLength().ShouldBeGreaterThan(0);

        var bad = await (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/rounds", new { period = "2026-Q5", disposition = new { text = "" } }))
            .Problem(HttpStatusCode.BadRequest);
        bad.Errors("period")[0].ShouldStartWith("Periode \"2026-Q5\" tidak dikenal.");
        bad.Errors("disposition")[0].ShouldStartWith("Isi disposisi wajib diisi");
        var staffClient = await f.SignedInAsync("pasrujambe.staf-pem");
        (await staffClient.PostAsJsonAsync($"/api/v1/agencies/{agency}/rounds", new { period = "2026-Q1", disposition = new { text = "x" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var round = await coordinator.PostJson($"/api/v1/agencies/{agency}/rounds",
            new { period = "2026-Q1", sopTemplateId = "builtin-generic", disposition = new { text = "Harap kumpulkan data kinerja Triwulan I paling lambat 10 April 2026." }, deadline = "2026-04-10" },
            HttpStatusCode.Created);
        round.GetProperty("periodName").GetString().ShouldBe("Triwulan I 2026");
        var roundId = round.GetProperty("id").GetString();
        round.GetProperty("completeness").GetProperty("notStarted").GetInt32().ShouldBe(round.GetProperty("worksheets").GetInt32());
        (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/rounds", new { period = "2026-Q1", disposition = new { text = "Lagi" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The unit sees only its own worksheet, pre-filled from the plan.
        var kasi = await f.SignedInAsync("pasrujambe.kasi-pem");
        var mine = await kasi.GetJson($"/api/v1/rounds/{roundId}/worksheets");
        mine.GetArrayLength().ShouldBe(1);
        mine[0].GetProperty("unit").GetString().ShouldBe("Seksi Pemerintahan");
        var sheetId = mine[0].GetProperty("id").GetString();
        var sheet = await kasi.GetJson($"/api/v1/worksheets/{sheetId}");
        sheet.GetProperty("status").GetString().ShouldBe("notStarted");
        Line(sheet, "IKU-02").GetProperty("target").GetDecimal().ShouldBe(96m);
        Line(sheet, "P-01").GetProperty("target").GetDecimal().ShouldBe(7m);

        // Fill: one value far below target asks for an explanation before submitting.
        var iku = Line(sheet, "IKU-02").GetProperty("lineId").GetString();
        var p01 = Line(sheet, "P-01").GetProperty("lineId").GetString();
        var saved = await kasi.SendAsync(Put($"/api/v1/worksheets/{sheetId}/lines/{iku}", new { realization = 95.5 }));
        (await saved.Json(HttpStatusCode.OK)).GetProperty("achievement").GetDecimal().ShouldBe(99.48m);
        var low = await (await kasi.SendAsync(Put($"/api/v1/worksheets/{sheetId}/lines/{p01}", new { realization = 3 }))).Json(HttpStatusCode.OK);
        low.GetProperty("needsExplanation").GetBoolean().ShouldBeTrue();
        var stale = await kasi.SendAsync(Put($"/api/v1/worksheets/{sheetId}/lines/{p01}", new { realization = 4 }, "\"0\""));
        (await stale.Problem(HttpStatusCode.PreconditionFailed)).GetProperty("title").GetString().ShouldBe("Data ini sudah diubah orang lain.");
        var incomplete = await (await kasi.PostAsync($"/api/v1/worksheets/{sheetId}/submit", null)).Problem(HttpStatusCode.BadRequest);
        incomplete.GetRawText().ShouldContain("isi penjelasan");

        (await kasi.SendAsync(Put($"/api/v1/worksheets/{sheetId}/lines/{p01}", new { realization = 3, explanation = "Dua desa menunda jadwal fasilitasi karena banjir." }))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var submitted = await (await kasi.PostAsync($"/api/v1/worksheets/{sheetId}/submit", null)).Json(HttpStatusCode.OK);
        submitted.GetProperty("status").GetString().ShouldBe("submitted");
        submitted.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ShouldBe(["accept", "return"]);

        // Submitted values are frozen; the unit cannot review its own.
        var frozen = await (await kasi.SendAsync(Put($"/api/v1/worksheets/{sheetId}/lines/{iku}", new { realization = 90 }))).Problem(HttpStatusCode.Conflict);
        frozen.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ShouldBe(["accept", "return"]);
        (await kasi.PostAsJsonAsync($"/api/v1/worksheets/{sheetId}/lines/{iku}/review", new { decision = "accept" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The coordinator returns one line with a reason, accepts the other: the worksheet goes back.
        (await (await coordinator.PostAsJsonAsync($"/api/v1/worksheets/{sheetId}/lines/{p01}/review", new { decision = "return" })).Problem(HttpStatusCode.BadRequest))
            .GetProperty("errors").GetRawText().ShouldContain("Alasan pengembalian wajib diisi");
        await coordinator.PostJson($"/api/v1/worksheets/{sheetId}/lines/{p01}/review", new { decision = "return", reason = "Lampirkan daftar hadir fasilitasi." }, HttpStatusCode.OK);
        var back = await coordinator.PostJson($"/api/v1/worksheets/{sheetId}/lines/{iku}/review", new { decision = "accept" }, HttpStatusCode.OK);
        back.GetProperty("status").GetString().ShouldBe("returned");
        var seen = await kasi.GetJson($"/api/v1/worksheets/{sheetId}");
        Line(seen, "P-01").GetProperty("reviewStatus").GetString().ShouldBe("returned");
        Line(seen, "P-01").GetProperty("reviewReason").GetString().ShouldBe("Lampirkan daftar hadir fasilitasi.");
        Line(seen, "IKU-02").GetProperty("reviewStatus").GetString().ShouldBe("accepted");

        // The unit confirms, resubmits; the coordinator accepts: verified and locked.
        await kasi.SendAsync(Put($"/api/v1/worksheets/{sheetId}/lines/{p01}", new { realization = 4, explanation = "Dikoreksi: 4 kegiatan, daftar hadir terlampir." }));
        await kasi.PostJson($"/api/v1/worksheets/{sheetId}/submit", new { }, HttpStatusCode.OK);
        var verified = await coordinator.PostJson($"/api/v1/worksheets/{sheetId}/lines/{p01}/review", new { decision = "accept" }, HttpStatusCode.OK);
        verified.GetProperty("status").GetString().ShouldBe("verified");
        var locked = await (await kasi.SendAsync(Put($"/api/v1/worksheets/{sheetId}/lines/{p01}", new { realization = 5 }))).Problem(HttpStatusCode.Conflict);
        locked.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ShouldBe(["reopen"]);

        var status = await coordinator.GetJson($"/api/v1/rounds/{roundId}");
        status.GetProperty("completeness").GetProperty("verified").GetInt32().ShouldBe(1);
        var outsider = await f.SignedInAsync("dkp.kasubag-kp");
        (await outsider.GetAsync($"/api/v1/worksheets/{sheetId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/api/v1/rounds/{roundId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_coordinator_fills_outside_data_but_cannot_verify_what_they_submitted()
    {
        var agency = await f.AgencyIdAsync("Kecamatan Paringin Selatan");
        var coordinator = await f.SignedInAsync("paringin.kasubbag");
        var round = await coordinator.PostJson($"/api/v1/agencies/{agency}/rounds", new { period = "2026-S1", disposition = new { text = "Pengumpulan data semester I." } }, HttpStatusCode.Created);
        var sheets = await coordinator.GetJson($"/api/v1/rounds/{round.GetProperty("id").GetString()}/worksheets");
        var sheet = sheets.EnumerateArray().First(s => s.GetProperty("lines").GetInt32() == 1);
        var id = sheet.GetProperty("id").GetString();
        var detail = await coordinator.GetJson($"/api/v1/worksheets/{id}");
        var line = detail.GetProperty("lines")[0];
        var lineId = line.GetProperty("lineId").GetString();

        var review = await (await coordinator.PostAsJsonAsync($"/api/v1/worksheets/{id}/lines/{lineId}/review", new { decision = "accept" })).Problem(HttpStatusCode.Conflict);
        review.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ShouldBe(["edit", "submit"]);

        var value = line.GetProperty("target").ValueKind == JsonValueKind.Number ? line.GetProperty("target").GetDecimal() : 85m;
        (await coordinator.SendAsync(Put($"/api/v1/worksheets/{id}/lines/{lineId}", new { realization = value, explanation = "Data dari BPS Kabupaten Balangan." }))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await coordinator.PostJson($"/api/v1/worksheets/{id}/submit", new { }, HttpStatusCode.OK);
        var own = await (await coordinator.PostAsJsonAsync($"/api/v1/worksheets/{id}/lines/{lineId}/review", new { decision = "accept" })).Problem(HttpStatusCode.BadRequest);
        own.GetRawText().ShouldContain("Yang mengirim nilai tidak boleh memverifikasinya sendiri.");
        var secretary = await f.SignedInAsync("paringin.sekcam");
        (await secretary.PostJson($"/api/v1/worksheets/{id}/lines/{lineId}/review", new { decision = "accept" }, HttpStatusCode.OK))
            .GetProperty("status").GetString().ShouldBe("verified");
    }
}

public sealed class RoundApiTestsOnSqlite(SqliteFixture f) : RoundApiTests(f), IClassFixture<SqliteFixture>;

public sealed class RoundApiTestsOnPostgres(PostgresFixture f) : RoundApiTests(f), IClassFixture<PostgresFixture>;
