using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

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
        var told = await kasi.GetJson("/api/v1/me/notifications");
        var unreadBefore = told.GetProperty("unread").GetInt32();
        var note = told.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("link").GetString() == $"/Worksheets/{sheetId}");
        note.GetProperty("text").GetString().ShouldBe("Kertas kerja Seksi Pemerintahan untuk Triwulan I 2026 sudah dibagikan. Batas waktu: 10 April 2026.");
        note.GetProperty("read").GetBoolean().ShouldBeFalse();
        (await (await f.SignedInAsync("pasrujambe.kasi-kesos")).GetJson("/api/v1/me/notifications")).GetProperty("items").EnumerateArray()
            .ShouldAllBe(n => !n.GetProperty("text").GetString()!.Contains("Seksi Pemerintahan"));
        (await kasi.PostAsync($"/api/v1/me/notifications/{note.GetProperty("id").GetString()}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await kasi.GetJson("/api/v1/me/notifications")).GetProperty("unread").GetInt32().ShouldBe(unreadBefore - 1);
        var sheet = await kasi.GetJson($"/api/v1/worksheets/{sheetId}");
        sheet.GetProperty("status").GetString().ShouldBe("notStarted");
        Line(sheet, "IKU-02").GetProperty("target").GetDecimal().ShouldBe(96m);
        Line(sheet, "P-01").GetProperty("target").GetDecimal().ShouldBe(7m);

        // The unit's budget line behind P-01, with the quarter's cash plan; the unit reports what it spent.
        var budget = sheet.GetProperty("budget");
        budget.GetArrayLength().ShouldBe(1);
        budget[0].GetProperty("code").GetString().ShouldBe("7.01.02");
        var planned = budget[0].GetProperty("plannedPeriod").GetDecimal();
        budget[0].GetProperty("plannedToDate").GetDecimal().ShouldBe(planned);
        var budgetUrl = $"/api/v1/worksheets/{sheetId}/budget/{budget[0].GetProperty("lineId").GetString()}";
        (await (await kasi.SendAsync(Put(budgetUrl, new { realization = -5 }))).Problem(HttpStatusCode.BadRequest))
            .Errors("realization")[0].ShouldBe("Realisasi anggaran tidak boleh negatif.");
        var spent = await (await kasi.SendAsync(Put(budgetUrl, new { realization = planned / 2 }))).Json(HttpStatusCode.OK);
        spent.GetProperty("absorption").GetDecimal().ShouldBe(50m);
        (await (await f.SignedInAsync("pasrujambe.kasi-kesos")).SendAsync(Put(budgetUrl, new { realization = 1 }))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Fill: one value far below target asks for an explanation before submitting.
        var iku = Line(sheet, "IKU-02").GetProperty("lineId").GetString();
        var p01 = Line(sheet, "P-01").GetProperty("lineId").GetString();
        var saved = await kasi.SendAsync(Put($"/api/v1/worksheets/{sheetId}/lines/{iku}", new { realization = 95.5 }));
        (await saved.Json(HttpStatusCode.OK)).GetProperty("achievement").GetDecimal().ShouldBe(99.48m);
        var low = await (await kasi.SendAsync(Put($"/api/v1/worksheets/{sheetId}/lines/{p01}", new { realization = 3 }))).Json(HttpStatusCode.OK);
        low.GetProperty("needsExplanation").GetBoolean().ShouldBeTrue();
        var stale = await kasi.SendAsync(Put($"/api/v1/worksheets/{sheetId}/lines/{p01}", new { realization = 4 }, "\"0\""));
        (await stale.Problem(HttpStatusCode.PreconditionFailed)).GetProperty("title").GetString().ShouldBe("Data ini sudah diubah orang lain.");
        // Drafts are not for other units to read through the recap: unverified values are for agency-wide roles.
        (await kasi.GetAsync($"/api/v1/agencies/{agency}/recap?period=2026-Q1&includeUnverified=true")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await kasi.GetAsync($"/api/v1/agencies/{agency}/recap?period=2026-Q1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.GetAsync($"/api/v1/agencies/{agency}/recap?period=2026-Q1&includeUnverified=true")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var incomplete = await (await kasi.PostAsync($"/api/v1/worksheets/{sheetId}/submit", null)).Problem(HttpStatusCode.BadRequest);
        incomplete.GetRawText().ShouldContain("isi penjelasan");

        (await kasi.SendAsync(Put($"/api/v1/worksheets/{sheetId}/lines/{p01}", new { realization = 3, explanation = "Dua desa menunda jadwal fasilitasi karena banjir." }))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var submitted = await (await kasi.PostAsync($"/api/v1/worksheets/{sheetId}/submit", null)).Json(HttpStatusCode.OK);
        submitted.GetProperty("status").GetString().ShouldBe("submitted");
        (await coordinator.GetJson("/api/v1/me/notifications")).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("text").GetString())
            .ShouldContain("Kertas kerja Seksi Pemerintahan untuk Triwulan I 2026 dikirim dan menunggu pemeriksaan.");
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
        (await kasi.GetJson("/api/v1/me/notifications")).GetProperty("items")[0].GetProperty("text").GetString()
            .ShouldBe("Kertas kerja Seksi Pemerintahan untuk Triwulan I 2026 dikembalikan: ada baris yang perlu dikonfirmasi.");
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

    private static MultipartFormDataContent FileForm(byte[] content, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return form;
    }

    private static MultipartFormDataContent Fields(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (n, v) in fields) form.Add(new StringContent(v), n);
        return form;
    }

    [Fact]
    public async Task Evidence_comments_what_changed_since_the_last_review_and_reopening()
    {
        var agency = await f.AgencyIdAsync(Pasrujambe);
        var coordinator = await f.SignedInAsync("pasrujambe.kasubbag-pk");
        var round = await coordinator.PostJson($"/api/v1/agencies/{agency}/rounds",
            new { period = "2026-Q2", disposition = new { text = "Pengumpulan data Triwulan II." } }, HttpStatusCode.Created);
        var kasi = await f.SignedInAsync("pasrujambe.kasi-pem");
        var sheetId = (await kasi.GetJson($"/api/v1/rounds/{round.GetProperty("id").GetString()}/worksheets"))[0].GetProperty("id").GetString();
        var sheet = await kasi.GetJson($"/api/v1/worksheets/{sheetId}");
        var iku = Line(sheet, "IKU-02").GetProperty("lineId").GetString();
        var p01 = Line(sheet, "P-01").GetProperty("lineId").GetString();
        var evidenceUrl = $"/api/v1/worksheets/{sheetId}/lines/{iku}/evidence";

        // A real PDF, named with a path: stored under its SHA-256, offered under a safe name.
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        var added = await (await kasi.PostAsync(evidenceUrl, FileForm(pdf, "../../etc/Daftar Hadir.pdf"))).Json(HttpStatusCode.Created);
        added.GetProperty("fileName").GetString().ShouldBe("Daftar Hadir.pdf");
        added.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        var download = await kasi.GetAsync(added.GetProperty("downloadUrl").GetString());
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        var again = await (await kasi.PostAsync(evidenceUrl, FileForm(pdf, "salinan.pdf"))).Json(HttpStatusCode.Created);
        again.GetProperty("sha256").GetString().ShouldBe(added.GetProperty("sha256").GetString());
        File.Exists(Path.Combine(f.DataDirectory, "evidence", added.GetProperty("sha256").GetString()![..2], added.GetProperty("sha256").GetString()!)).ShouldBeTrue();
        (await kasi.PostAsync(evidenceUrl, Fields(("url", "https://pasrujambe.lumajangkab.go.id/data/q2.pdf"), ("note", "Rekap desa")))).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Hostile uploads: each refused with a message, nothing stored.
        byte[] exe = [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0];
        (await (await kasi.PostAsync(evidenceUrl, FileForm(exe, "laporan.pdf"))).Problem(HttpStatusCode.BadRequest))
            .Errors("file")[0].ShouldBe("Isi berkas tidak sesuai dengan ekstensinya (.pdf). Unggah berkas aslinya.");
        (await (await kasi.PostAsync(evidenceUrl, FileForm(exe, "setup.exe"))).Problem(HttpStatusCode.BadRequest))
            .Errors("file")[0].ShouldStartWith("Jenis berkas .exe tidak diterima.");
        var huge = new byte[Domain.Rounds.EvidenceRules.MaxFileBytes + 1];
        pdf.CopyTo(huge, 0);
        (await kasi.PostAsync(evidenceUrl, FileForm(huge, "besar.pdf"))).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await (await kasi.PostAsync(evidenceUrl, Fields(("url", "javascript:alert(1)")))).Problem(HttpStatusCode.BadRequest))
            .Errors("url")[0].ShouldStartWith("Tautan harus berupa alamat lengkap");
        (await kasi.PostAsJsonAsync(evidenceUrl, new { note = "bukan multipart" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Line(await kasi.GetJson($"/api/v1/worksheets/{sheetId}"), "IKU-02").GetProperty("evidence").GetArrayLength().ShouldBe(3);
        var outsider = await f.SignedInAsync("dkp.kasubag-kp");
        (await outsider.PostAsync(evidenceUrl, FileForm(pdf, "a.pdf"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync(added.GetProperty("downloadUrl").GetString())).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A thread per line between the unit and the coordinator.
        await kasi.PostJson($"/api/v1/worksheets/{sheetId}/lines/{iku}/comments", new { text = "Data dari register desa, mohon arahan." }, HttpStatusCode.Created);
        await coordinator.PostJson($"/api/v1/worksheets/{sheetId}/lines/{iku}/comments", new { text = "Lampirkan rekap per desa." }, HttpStatusCode.Created);
        (await (await kasi.PostAsJsonAsync($"/api/v1/worksheets/{sheetId}/lines/{iku}/comments", new { text = " " })).Problem(HttpStatusCode.BadRequest))
            .Errors("text")[0].ShouldBe("Isi komentar wajib diisi.");
        Line(await coordinator.GetJson($"/api/v1/worksheets/{sheetId}"), "IKU-02").GetProperty("comments").EnumerateArray()
            .Select(c => c.GetProperty("text").GetString()).ShouldBe(["Data dari register desa, mohon arahan.", "Lampirkan rekap per desa."]);

        // Submit, get one line returned, fix it: the coordinator sees exactly what changed.
        await kasi.SendAsync(Put($"/api/v1/worksheets/{sheetId}/lines/{iku}", new { realization = 96 }));
        await kasi.SendAsync(Put($"/api/v1/worksheets/{sheetId}/lines/{p01}", new { realization = 7, explanation = "Jadwal fasilitasi kembali normal." }));
        (await kasi.PostJson($"/api/v1/worksheets/{sheetId}/submit", new { }, HttpStatusCode.OK)).GetProperty("submissions").GetInt32().ShouldBe(1);
        await coordinator.PostJson($"/api/v1/worksheets/{sheetId}/lines/{iku}/review", new { decision = "return", reason = "Angka beda dengan register." }, HttpStatusCode.OK);
        await coordinator.PostJson($"/api/v1/worksheets/{sheetId}/lines/{p01}/review", new { decision = "accept" }, HttpStatusCode.OK);
        var returned = await kasi.GetJson($"/api/v1/worksheets/{sheetId}");
        Line(returned, "IKU-02").GetProperty("changedSinceLastSubmission").GetArrayLength().ShouldBe(0);
        var evidenceId = Line(returned, "IKU-02").GetProperty("evidence")[1].GetProperty("id").GetString();
        (await kasi.DeleteAsync($"{evidenceUrl}/{evidenceId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await kasi.SendAsync(Put($"/api/v1/worksheets/{sheetId}/lines/{iku}", new { realization = 95, explanation = "Sesuai register desa." }));
        await kasi.PostJson($"/api/v1/worksheets/{sheetId}/submit", new { }, HttpStatusCode.OK);
        var resubmitted = await coordinator.GetJson($"/api/v1/worksheets/{sheetId}");
        resubmitted.GetProperty("submissions").GetInt32().ShouldBe(2);
        Line(resubmitted, "IKU-02").GetProperty("changedSinceLastSubmission").EnumerateArray().Select(c => c.GetString()).ShouldBe(["realization", "explanation", "evidence"]);
        Line(resubmitted, "IKU-02").GetProperty("lastSubmitted").GetProperty("realization").GetDecimal().ShouldBe(96m);
        Line(resubmitted, "P-01").GetProperty("changedSinceLastSubmission").GetArrayLength().ShouldBe(0);
        Line(resubmitted, "P-01").GetProperty("reviewStatus").GetString().ShouldBe("accepted");

        var verified = await coordinator.PostJson($"/api/v1/worksheets/{sheetId}/lines/{iku}/review", new { decision = "accept" }, HttpStatusCode.OK);
        verified.GetProperty("status").GetString().ShouldBe("verified");
        (await kasi.PostAsync(evidenceUrl, FileForm(pdf, "telat.pdf"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Reopening needs the coordinator and a reason; the reason is kept and audited.
        (await kasi.PostAsJsonAsync($"/api/v1/worksheets/{sheetId}/reopen", new { reason = "Salah ketik" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await coordinator.PostAsJsonAsync($"/api/v1/worksheets/{sheetId}/reopen", new { reason = "" })).Problem(HttpStatusCode.BadRequest))
            .GetRawText().ShouldContain("Alasan membuka kembali kertas kerja wajib diisi.");
        var reopened = await coordinator.PostJson($"/api/v1/worksheets/{sheetId}/reopen", new { reason = "Register desa direvisi Camat." }, HttpStatusCode.OK);
        reopened.GetProperty("status").GetString().ShouldBe("draft");
        reopened.GetProperty("reopenReason").GetString().ShouldBe("Register desa direvisi Camat.");
        var audit = await coordinator.GetJson($"/api/v1/agencies/{agency}/audit?entity=Worksheet");
        var reopenRecord = audit.EnumerateArray().First(r => (r.GetProperty("after").GetString() ?? "").Contains("Register desa direvisi Camat."));
        reopenRecord.GetProperty("before").GetString()!.ShouldContain("\"Status\":\"verified\"");

        // Frozen submissions cannot be rewritten through the application.
        await using var db = f.NewDbContext();
        var first = await db.WorksheetSubmissions.Where(s => s.WorksheetId == Guid.Parse(sheetId!)).OrderBy(s => s.Number).FirstAsync();
        first.LinesJson.ShouldContain("\"realization\":96");
        db.Entry(first).Property(s => s.LinesJson).CurrentValue = "[]";
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Whoever_typed_a_value_cannot_verify_it_even_when_someone_else_submitted()
    {
        var agency = await f.AgencyIdAsync("Kecamatan Tanjunganom");
        var coordinator = await f.SignedInAsync("tanjunganom.kasubag-pek");
        var round = await coordinator.PostJson($"/api/v1/agencies/{agency}/rounds", new { period = "2026-Q1", disposition = new { text = "Data Triwulan I." } }, HttpStatusCode.Created);
        var kasi = await f.SignedInAsync("tanjunganom.kasi-pem");
        var sheetId = (await kasi.GetJson($"/api/v1/rounds/{round.GetProperty("id").GetString()}/worksheets"))[0].GetProperty("id").GetString();
        var lines = (await kasi.GetJson($"/api/v1/worksheets/{sheetId}")).GetProperty("lines").EnumerateArray().ToList();
        var typedByCoordinator = lines[0].GetProperty("lineId").GetString();
        (await coordinator.SendAsync(Put($"/api/v1/worksheets/{sheetId}/lines/{typedByCoordinator}", new { realization = 50, explanation = "Diisi koordinator." })))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var l in lines.Skip(1))
            await kasi.SendAsync(Put($"/api/v1/worksheets/{sheetId}/lines/{l.GetProperty("lineId").GetString()}", new { realization = 50, explanation = "Sesuai data seksi." }));
        await kasi.PostJson($"/api/v1/worksheets/{sheetId}/submit", new { }, HttpStatusCode.OK);

        var refused = await (await coordinator.PostAsJsonAsync($"/api/v1/worksheets/{sheetId}/lines/{typedByCoordinator}/review", new { decision = "accept" })).Problem(HttpStatusCode.BadRequest);
        refused.GetRawText().ShouldContain("Yang mengisi nilai tidak boleh memverifikasinya sendiri.");
        var secretary = await f.SignedInAsync("tanjunganom.sekcam");
        (await secretary.PostJson($"/api/v1/worksheets/{sheetId}/lines/{typedByCoordinator}/review", new { decision = "accept" }, HttpStatusCode.OK))
            .GetProperty("lines")[0].GetProperty("reviewStatus").GetString().ShouldBe("accepted");
        if (lines.Count > 1)
            await coordinator.PostJson($"/api/v1/worksheets/{sheetId}/lines/{lines[1].GetProperty("lineId").GetString()}/review", new { decision = "accept" }, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deadlines_fall_on_working_days()
    {
        var agency = await f.AgencyIdAsync("Sekretariat DPRD Provinsi Jambi");
        var coordinator = await f.SignedInAsync("setwan.kasubbag-pep");
        var holiday = await (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/rounds",
            new { period = "2026-Q2", disposition = new { text = "Data Triwulan II." }, deadline = "2026-08-17" })).Problem(HttpStatusCode.BadRequest);
        holiday.Errors("deadline")[0].ShouldBe("Batas waktu 17 Agustus 2026 jatuh pada akhir pekan atau hari libur. Pilih hari kerja, misalnya 18 Agustus 2026.");
        var weekend = await (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/rounds",
            new { period = "2026-Q2", disposition = new { text = "Data Triwulan II." }, deadline = "2026-07-11" })).Problem(HttpStatusCode.BadRequest);
        weekend.Errors("deadline")[0].ShouldEndWith("Pilih hari kerja, misalnya 13 Juli 2026.");

        // The agency's own day off counts like a national one.
        (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/holidays", new { date = "2026-07-13", name = "Hari Jadi Provinsi (contoh)" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/holidays", new { date = "2026-08-17", name = "Lagi" })).Problem(HttpStatusCode.BadRequest))
            .Errors("date")[0].ShouldBe("17 Agustus 2026 sudah tercatat sebagai hari libur.");
        var regional = await (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/rounds",
            new { period = "2026-Q2", disposition = new { text = "Data Triwulan II." }, deadline = "2026-07-13" })).Problem(HttpStatusCode.BadRequest);
        regional.Errors("deadline")[0].ShouldEndWith("Pilih hari kerja, misalnya 14 Juli 2026.");
        var year = await coordinator.GetJson($"/api/v1/agencies/{agency}/holidays?year=2026");
        year.EnumerateArray().Count(h => h.GetProperty("national").GetBoolean()).ShouldBeGreaterThan(15);
        year.EnumerateArray().Single(h => !h.GetProperty("national").GetBoolean()).GetProperty("name").GetString().ShouldBe("Hari Jadi Provinsi (contoh)");
        (await (await f.SignedInAsync("setwan.analis")).PostAsJsonAsync($"/api/v1/agencies/{agency}/holidays", new { date = "2026-07-14", name = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await f.SignedInAsync("dkp.admin")).GetAsync($"/api/v1/agencies/{agency}/holidays?year=2026")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/api/v1/agencies/{agency}/holidays?year=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Without a date, the template's standard time (5 working days) from now, at the close of the office day.
        var round = await coordinator.PostJson($"/api/v1/agencies/{agency}/rounds", new { period = "2026-Q2", disposition = new { text = "Data Triwulan II." } }, HttpStatusCode.Created);
        var deadline = round.GetProperty("deadline").GetDateTimeOffset();
        var calendar = new Domain.Common.WorkingCalendar(Domain.Common.IndonesianHolidays.Dates(2025, 2028));
        calendar.IsWorkingDay(DateOnly.FromDateTime(deadline.DateTime)).ShouldBeTrue();
        TimeOnly.FromDateTime(deadline.DateTime).ShouldBe(new TimeOnly(16, 0));
        calendar.WorkingDaysBetween(DateOnly.FromDateTime(DateTime.Now), DateOnly.FromDateTime(deadline.DateTime)).ShouldBeInRange(4, 5);
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
