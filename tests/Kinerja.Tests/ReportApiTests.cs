using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kinerja.Domain.Common;
using Kinerja.Tests.Documents;

namespace Kinerja.Tests;

/// <summary>
/// Reports through the API as the agency's people take them from draft to archive (SOP steps 7-11), on the verified
/// rounds of <see cref="RecapScenario"/> (Kecamatan Pasrujambe, 2026): the coordinator drafts and runs it, officials
/// comment, the secretary and the coordinator initial, the camat approves and signs, the coordinator numbers the
/// cover letter, records copies and dispatches. Documents are read back (docx text, pdftotext).
/// </summary>
public abstract partial class ReportApiTests(KinerjaFixture f)
{
    private const string Coordinator = "pasrujambe.kasubbag-pk";
    private const string Secretary = "pasrujambe.sekcam";
    private const string Head = "pasrujambe.camat";
    private const string UnitHead = "pasrujambe.kasi-kesos";

    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, Guid report, string action, object? body = null) =>
        await client.PostAsJsonAsync($"/api/v1/reports/{report}/actions/{action}", body ?? new { });

    private static async Task<JsonElement> ActOkAsync(HttpClient client, Guid report, string action, object? body = null) =>
        await (await ActAsync(client, report, action, body)).Json(HttpStatusCode.OK);

    private static string[] Strings(JsonElement e, string property) =>
        e.GetProperty(property).EnumerateArray().Select(x => x.GetString()!).ToArray();

    private static async Task<byte[]> BytesAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kinerja-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            return await PerformanceAgreementPdfs.Tool("pdftotext", path, "-");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("quarterly", "2026-Q2", "Laporan Kinerja Triwulan II Tahun 2026")]
    [InlineData("semester", "2026-S1", "Laporan Kinerja Semester I Tahun 2026")]
    [InlineData("annual", "2026", "Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2026")]
    public async Task A_report_goes_from_draft_to_archive_with_who_and_when_recorded(string kind, string period, string title)
    {
        await RecapScenario.EnsurePasrujambeAsync(f);
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var coordinator = await f.SignedInAsync(Coordinator);
        var secretary = await f.SignedInAsync(Secretary);
        var head = await f.SignedInAsync(Head);
        var unitHead = await f.SignedInAsync(UnitHead);

        (await unitHead.PostAsJsonAsync($"/api/v1/agencies/{agency}/reports", new { kind, period })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var created = await (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/reports", new { kind, period })).Json(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        created.GetProperty("status").GetString().ShouldBe("draft");
        created.GetProperty("title").GetString().ShouldBe(title);
        created.GetProperty("latestVersion").GetInt32().ShouldBe(1);
        Strings(created, "allowedActions").ShouldBe(["circulate"]);
        Strings(created, "myActions").ShouldBe(["circulate"]);
        (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/reports", new { kind, period })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Version 1 prints every objective and indicator of the verified recap, with its figures.
        var recap = await coordinator.GetJson($"/api/v1/agencies/{agency}/recap?period={period}");
        var docx = PerformanceReportDocumentTests.DocxText(await BytesAsync(coordinator, $"/api/v1/reports/{id}/document.docx"));
        docx.ShouldContain(title);
        docx.ShouldContain("DRAF");
        docx.ShouldContain("2023", Case.Sensitive, "realizations of earlier years (the demo plan records 2023 and 2024) are compared");
        foreach (var o in recap.GetProperty("objectives").EnumerateArray())
        {
            docx.ShouldContain(o.GetProperty("name").GetString()!);
            if (o.GetProperty("achievement").ValueKind == JsonValueKind.Number)
                docx.ShouldContain(IndonesianFormat.Percent(o.GetProperty("achievement").GetDecimal()), Case.Sensitive, o.GetProperty("code").GetString());
            foreach (var i in o.GetProperty("indicators").EnumerateArray())
            {
                docx.ShouldContain(i.GetProperty("name").GetString()!);
                if (i.GetProperty("achievement").ValueKind == JsonValueKind.Number)
                    docx.ShouldContain(IndonesianFormat.Percent(i.GetProperty("achievement").GetDecimal()), Case.Sensitive, i.GetProperty("code").GetString());
            }
        }

        // A wrong step is refused with what is allowed; someone without the role is refused.
        var wrong = await (await ActAsync(head, id, "sign")).Problem(HttpStatusCode.Conflict);
        wrong.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ShouldBe(["circulate"]);
        (await ActAsync(unitHead, id, "circulate")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The narrative a person writes survives regeneration.
        var section = await (await coordinator.PutAsJsonAsync($"/api/v1/reports/{id}/sections/executive-summary",
            new { text = "Capaian kinerja semester ini baik berkat dukungan seluruh seksi." })).Json(HttpStatusCode.OK);
        section.GetProperty("version").GetInt32().ShouldBe(0);
        var objectiveKey = "objective:" + recap.GetProperty("objectives")[0].GetProperty("code").GetString();

        // Sosialisasi: circulated, officials comment per section, returned once with a reason, revised.
        await ActOkAsync(coordinator, id, "circulate");
        await ActOkAsync(unitHead, id, "comment", new { section = objectiveKey, comment = "Mohon tambahkan penyebab capaian IKU-02." });
        (await ActAsync(unitHead, id, "comment", new { section = "bab-9", comment = "?" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ActAsync(secretary, id, "return", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ActOkAsync(secretary, id, "return", new { reason = "Data belanja belum lengkap" })).GetProperty("status").GetString().ShouldBe("draft");
        await ActOkAsync(coordinator, id, "circulate");
        var revised = await ActOkAsync(coordinator, id, "revise", new { reason = "Masukan sosialisasi" });
        revised.GetProperty("latestVersion").GetInt32().ShouldBe(2);
        PerformanceReportDocumentTests.DocxText(await BytesAsync(coordinator, $"/api/v1/reports/{id}/document.docx?version=2"))
            .ShouldContain("Capaian kinerja semester ini baik berkat dukungan seluruh seksi.");
        var compare = await coordinator.GetJson($"/api/v1/reports/{id}/versions/compare?from=1&to=2");
        compare.GetProperty("changes").EnumerateArray().ShouldContain(c => c.GetProperty("path").GetString() == "narratives.executive-summary"
                                                                             && c.GetProperty("after").GetString()!.StartsWith("Capaian kinerja"));

        // Finalization meeting with its minutes, then approval: paraf coordinator then secretary, the camat approves and signs.
        (await ActAsync(coordinator, id, "finalize", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var unwritten = await (await ActAsync(coordinator, id, "finalize", new { meeting = new { date = "2026-11-27", attendees = new[] { "Camat" } } }))
            .Problem(HttpStatusCode.BadRequest);
        unwritten.Errors("sections")[0].ShouldStartWith("Narasi bagian berikut belum diisi: ");
        unwritten.Errors("sections")[0].ShouldNotContain("Ikhtisar Eksekutif", Case.Sensitive, "that one was written");
        await coordinator.FillNarrativesAsync(id);
        await ActOkAsync(coordinator, id, "finalize", new { meeting = new { date = "2026-11-27", attendees = new[] { "Camat", "Sekcam", "Kasi Kesos" }, decisions = "Disetujui dengan perbaikan kecil." } });
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent("%PDF-1.4\n%notulen\n"u8.ToArray()), "file", "notulen rapat.pdf");
            (await coordinator.PostAsync($"/api/v1/reports/{id}/minutes", form)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await ActOkAsync(coordinator, id, "submit-for-approval");
        (await ActAsync(secretary, id, "initial", new { initialBy = "secretary" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ActAsync(secretary, id, "initial", new { initialBy = "coordinator" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await ActOkAsync(coordinator, id, "initial");
        await ActOkAsync(secretary, id, "initial");
        (await ActAsync(coordinator, id, "approve")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await ActOkAsync(head, id, "approve");
        var signed = await ActOkAsync(head, id, "sign");
        signed.GetProperty("status").GetString().ShouldBe("signed");
        var signature = signed.GetProperty("signatures")[0];
        var code = signature.GetProperty("code").GetString()!;
        code.ShouldMatch("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$");
        signature.GetProperty("signerName").GetString().ShouldBe("Dian Nurwisjdah K.H.P., S.Psi., M.M.");
        signature.GetProperty("position").GetString().ShouldBe("Camat");
        (await ActAsync(secretary, id, "return", new { reason = "terlambat" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The signed PDF is the one whose SHA-256 the signature records; it prints the code and the signer.
        var pdf = await BytesAsync(coordinator, $"/api/v1/reports/{id}/document.pdf");
        Convert.ToHexStringLower(SHA256.HashData(pdf)).ShouldBe(signature.GetProperty("pdfSha256").GetString());
        var pdfText = await PdfTextAsync(pdf);
        pdfText.ShouldContain(code);
        pdfText.ShouldContain("Dian Nurwisjdah");
        pdfText.ShouldNotContain("DRAF");

        // Anyone can check the code without signing in.
        var anonymous = f.CreateClient();
        var verified = await anonymous.GetJson($"/api/v1/verify/{code}");
        verified.GetProperty("valid").GetBoolean().ShouldBeTrue();
        verified.GetProperty("title").GetString().ShouldBe(title);
        verified.GetProperty("pdfSha256").GetString().ShouldBe(signature.GetProperty("pdfSha256").GetString());
        var lowercase = await anonymous.GetJson($"/api/v1/verify/{code.ToLowerInvariant().Replace("-", " ")}");
        lowercase.GetProperty("valid").GetBoolean().ShouldBeTrue("a code typed in lower case with spaces still reads");

        var page = System.Net.WebUtility.HtmlDecode(await (await anonymous.GetAsync($"/verify/{code}")).Content.ReadAsStringAsync());
        page.ShouldContain($"Kode {code} sah.");
        page.ShouldContain(signature.GetProperty("pdfSha256").GetString()!);
        var forged = System.Net.WebUtility.HtmlDecode(await anonymous.GetStringAsync("/verify?code=2345-6789-AB"));
        forged.ShouldContain("data-testid=\"verify-invalid\"");

        // Cover letter numbered from the register, copies, dispatch to every required recipient, archive.
        var numbered = await ActOkAsync(coordinator, id, "number-cover-letter");
        var letter = numbered.GetProperty("letter").GetProperty("number").GetString()!;
        letter.ShouldMatch(@"^800/\d+/427\.96/2026$");
        PerformanceReportDocumentTests.DocxText(await BytesAsync(coordinator, $"/api/v1/reports/{id}/cover-letter.docx")).ShouldContain(letter);
        (await ActAsync(coordinator, id, "record-copies", new { copies = 0 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ActOkAsync(coordinator, id, "record-copies", new { copies = 4 });
        var partly = await ActOkAsync(coordinator, id, "dispatch", new { recipient = "head-of-region", method = "hand" });
        partly.GetProperty("status").GetString().ShouldBe("partlyDispatched");
        (await ActAsync(coordinator, id, "dispatch", new { recipient = "head-of-region", method = "hand" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ActAsync(coordinator, id, "dispatch", new { recipient = "bappeda", method = "pigeon" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonElement last = partly;
        foreach (var recipient in Strings(partly, "outstandingRecipients"))
        {
            last = await ActOkAsync(coordinator, id, "dispatch", new { recipient, method = "email", note = "via surel dinas" });
        }

        last.GetProperty("status").GetString().ShouldBe("dispatched");
        Strings(last, "outstandingRecipients").ShouldBeEmpty();
        var archived = await ActOkAsync(coordinator, id, "archive");
        archived.GetProperty("status").GetString().ShouldBe("archived");
        Strings(archived, "allowedActions").ShouldBeEmpty();
        (await ActAsync(coordinator, id, "dispatch", new { recipient = "dprd", method = "hand" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await coordinator.PutAsJsonAsync($"/api/v1/reports/{id}/sections/closing", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Who did what, as which position, and when.
        var steps = archived.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.GetProperty("action").GetString()).ShouldBe(
        [
            "circulate", "comment", "return", "circulate", "revise", "finalize", "submit-for-approval", "initial", "initial", "approve", "sign",
            "number-cover-letter", "record-copies", .. Enumerable.Repeat("dispatch", Strings(partly, "outstandingRecipients").Length + 1), "archive",
        ]);
        steps.Single(s => s.GetProperty("action").GetString() == "sign").GetProperty("position").GetString().ShouldBe("Camat");
        steps.Single(s => s.GetProperty("action").GetString() == "return").GetProperty("note").GetString().ShouldBe("Data belanja belum lengkap");
        archived.GetProperty("comments")[0].GetProperty("section").GetString().ShouldBe(objectiveKey);
        archived.GetProperty("meeting").GetProperty("attendees").GetArrayLength().ShouldBe(3);
        archived.GetProperty("meeting").GetProperty("minutesFileName").GetString().ShouldBe("notulen rapat.pdf");
    }

    [Fact]
    public async Task A_drafts_PDF_is_made_in_the_background_and_its_progress_shown()
    {
        await RecapScenario.EnsurePasrujambeAsync(f);
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var coordinator = await f.SignedInAsync(Coordinator);
        var created = await (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/reports", new { kind = "quarterly", period = "2026-Q3" }))
            .Json(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var first = await coordinator.GetAsync($"/api/v1/reports/{id}/document.pdf");
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var progress = await first.Content.ReadFromJsonAsync<JsonElement>();
        progress.GetProperty("status").GetString().ShouldBeOneOf("queued", "running", "done");
        var deadline = DateTime.UtcNow.AddSeconds(120);
        HttpResponseMessage response;
        while ((response = await coordinator.GetAsync($"/api/v1/reports/{id}/document.pdf")).StatusCode == HttpStatusCode.Accepted)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the PDF job did not finish");
            await Task.Delay(500);
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        pdf.AsSpan(0, 5).ToArray().ShouldBe("%PDF-"u8.ToArray());
        var text = await PdfTextAsync(pdf);
        text.ShouldContain("Triwulan III");
        text.ShouldContain("DRAF");
        var report = await coordinator.GetJson($"/api/v1/reports/{id}");
        report.GetProperty("versions")[0].GetProperty("pdfStatus").GetString().ShouldBe("done");
        report.GetProperty("versions")[0].GetProperty("pdfProgress").GetInt32().ShouldBe(100);
    }

    [Fact]
    public async Task Letters_numbered_at_the_same_moment_get_distinct_consecutive_numbers()
    {
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var coordinator = await f.SignedInAsync(Coordinator);
        var secretary = await f.SignedInAsync(Secretary);
        const int count = 24;
        var responses = await Task.WhenAll(Enumerable.Range(0, count).Select(n =>
            (n % 2 == 0 ? coordinator : secretary).PostAsJsonAsync($"/api/v1/agencies/{agency}/letters", new { subject = $"Undangan rapat {n}" })));
        var letters = new List<JsonElement>();
        foreach (var r in responses) letters.Add(await r.Json(HttpStatusCode.Created));
        var sequences = letters.Select(l => l.GetProperty("sequence").GetInt32()).Order().ToList();
        sequences.Distinct().Count().ShouldBe(count);
        (sequences[^1] - sequences[0]).ShouldBe(count - 1, "no number is skipped");
        foreach (var l in letters)
        {
            l.GetProperty("number").GetString().ShouldBe($"800/{l.GetProperty("sequence").GetInt32()}/427.96/2026");
        }

        var register = await coordinator.GetJson($"/api/v1/agencies/{agency}/letters?year=2026");
        var all = register.EnumerateArray().Select(l => l.GetProperty("sequence").GetInt32()).ToList();
        all.ShouldBe(Enumerable.Range(1, all.Count).ToList(), "the register has every number from 1, once");

        (await (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/letters", new { subject = " " })).Problem(HttpStatusCode.BadRequest))
            .Errors("subject")[0].ShouldBe("Perihal surat wajib diisi.");
        (await (await f.SignedInAsync(UnitHead)).PostAsJsonAsync($"/api/v1/agencies/{agency}/letters", new { subject = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reports_are_read_within_the_agency_only_and_bad_requests_are_explained()
    {
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var coordinator = await f.SignedInAsync(Coordinator);
        var bad = await (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/reports", new { kind = "quarterly", period = "2026-S1" }))
            .Problem(HttpStatusCode.BadRequest);
        bad.Errors("period")[0].ShouldBe("Laporan triwulan disusun untuk satu triwulan, mis. 2026-Q2.");
        (await (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/reports", new { kind = "weekly", period = "2026" }))
            .Problem(HttpStatusCode.BadRequest)).Errors("kind")[0].ShouldStartWith("Jenis laporan harus salah satu dari");

        var created = await (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/reports", new { kind = "quarterly", period = "2026-Q4" }))
            .Json(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        (await ActAsync(coordinator, id, "fly")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var outsider = await f.SignedInAsync("dkp.kasubag-kp");
        (await outsider.GetAsync($"/api/v1/reports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/api/v1/reports/{id}/document.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ActAsync(outsider, id, "circulate")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await f.SignedInAsync(UnitHead)).GetAsync($"/api/v1/reports/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await f.CreateClient().GetAsync($"/api/v1/reports/{id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var unknown = await f.CreateClient().GetJson("/api/v1/verify/2345-6789-AB");
        unknown.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var garbled = await f.CreateClient().GetJson("/api/v1/verify/OOOO");
        garbled.GetProperty("valid").GetBoolean().ShouldBeFalse();
        garbled.GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
    }
}

public sealed class ReportApiTestsOnSqlite(SqliteFixture f) : ReportApiTests(f), IClassFixture<SqliteFixture>;

public sealed class ReportApiTestsOnPostgres(PostgresFixture f) : ReportApiTests(f), IClassFixture<PostgresFixture>;
