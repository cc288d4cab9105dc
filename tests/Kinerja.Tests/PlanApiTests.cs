using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kinerja.Tests;

/// <summary>The performance plan through the API: Renstra, objectives, indicators, targets, budget and the Perjanjian Kinerja.</summary>
public abstract class PlanApiTests(KinerjaFixture f)
{
    private const string Dkp = "Dinas Kelautan dan Perikanan";
    private const string Setwan = "Sekretariat DPRD Provinsi Jambi";

    private static HttpRequestMessage Put(string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static JsonElement ByCode(JsonElement list, string code) =>
        list.EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    [Fact]
    public async Task Every_demo_agency_has_a_plan_with_every_polarity_and_aggregation()
    {
        var admin = await f.SignedInAsync("admin");
        foreach (var agency in new[] { "Kecamatan Pasrujambe", "Kecamatan Paringin Selatan", "Kecamatan Tanjunganom", Dkp, Setwan })
        {
            var id = await f.AgencyIdAsync(agency);
            var plan = await admin.GetJson($"/api/v1/agencies/{id}/strategic-plan");
            plan.GetProperty("firstYear").GetInt32().ShouldBe(2025);
            plan.GetProperty("lastYear").GetInt32().ShouldBe(2029);
            var objectives = (await admin.GetJson($"/api/v1/agencies/{id}/objectives")).EnumerateArray().Select(o => o.GetProperty("code").GetString()).ToList();
            foreach (var code in new[] { "S1", "S2", "S3" }) objectives.ShouldContain(code);
            var indicators = (await admin.GetJson($"/api/v1/agencies/{id}/indicators")).EnumerateArray().ToList();
            indicators.Select(i => i.GetProperty("polarity").GetString()).Distinct().ShouldBe(["higher", "lower", "range"], ignoreOrder: true);
            indicators.Select(i => i.GetProperty("aggregation").GetString()).Distinct().ShouldBe(["sum", "last", "average"], ignoreOrder: true);
            foreach (var year in new[] { 2025, 2026 })
            {
                var budget = await admin.GetJson($"/api/v1/agencies/{id}/budget/{year}");
                budget.GetProperty("totalPagu").GetDecimal().ShouldBeGreaterThan(0);
            }
        }

        var dkp = await f.AgencyIdAsync(Dkp);
        var list = await admin.GetJson($"/api/v1/agencies/{dkp}/indicators");
        var details = await admin.GetJson($"/api/v1/indicators/{ByCode(list, "IKU-03").GetProperty("id").GetString()}");
        details.GetProperty("history").GetArrayLength().ShouldBe(2);
        // 2025: another test of this class revises 2026.
        var t2025 = details.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("year").GetInt32() == 2025);
        t2025.GetProperty("annual").GetDecimal().ShouldBe(105.5m);
        t2025.GetProperty("quarters").EnumerateArray().Select(q => q.GetDecimal()).ShouldBe([104m, 104.5m, 105m, 105.5m]);
        t2025.GetProperty("nationalStandard").GetDecimal().ShouldBe(100m);
    }

    [Fact]
    public async Task A_coordinator_builds_a_plan_and_every_mistake_is_named()
    {
        var agency = await f.AgencyIdAsync(Setwan);
        var pep = await f.SignedInAsync("setwan.kasubbag-pep");
        await pep.PostJson($"/api/v1/agencies/{agency}/goals", new { code = "T9", name = "Meningkatnya keterbukaan informasi DPRD" }, HttpStatusCode.Created);
        var objective = await pep.PostJson($"/api/v1/agencies/{agency}/objectives", new { code = "S9", name = "Meningkatnya akses publik terhadap informasi DPRD", goal = "T9" }, HttpStatusCode.Created);
        objective.GetProperty("goalCode").GetString().ShouldBe("T9");
        var unknownGoal = await (await pep.PostAsJsonAsync($"/api/v1/agencies/{agency}/objectives", new { code = "S10", name = "Sasaran", goal = "T404" })).Problem(HttpStatusCode.BadRequest);
        unknownGoal.Errors("goal").ShouldBe(["Tujuan dengan kode \"T404\" belum ada di Renstra."]);

        var unit = await f.UnitIdAsync(Setwan, "Bagian Umum dan Keuangan");
        var indicator = await pep.PostJson($"/api/v1/agencies/{agency}/indicators", new
        {
            code = "IKU-09", name = "Jumlah publikasi kegiatan DPRD", objectiveId = objective.GetProperty("id").GetString(), unitId = unit,
            measure = "Publikasi", polarity = "higher", aggregation = "sum", definition = "Berita dan siaran pers yang terbit", dataSource = "Arsip humas",
        }, HttpStatusCode.Created);
        indicator.GetProperty("kind").GetString().ShouldBe("iku");
        var id = indicator.GetProperty("id").GetString();

        var bad = await (await pep.PostAsJsonAsync($"/api/v1/agencies/{agency}/indicators", new
        {
            code = "IKU-09", name = "", unitId = Guid.NewGuid(), measure = "", polarity = "naik", aggregation = "median", weight = -1,
        })).Problem(HttpStatusCode.BadRequest);
        bad.Errors("name").ShouldBe(["Nama indikator wajib diisi."]);
        bad.Errors("measure").ShouldBe(["Satuan wajib diisi."]);
        bad.Errors("polarity").ShouldBe(["Polaritas harus salah satu dari: higher, lower, range."]);
        bad.Errors("aggregation").ShouldBe(["Cara agregasi harus salah satu dari: sum, last, average."]);
        bad.Errors("weight").ShouldBe(["Bobot harus lebih dari 0 dan paling besar 1.000."]);
        bad.Errors("objectiveId")[0].ShouldStartWith("Pilih sasaran");

        // Targets: quarters of a cumulative indicator must add up to the year.
        var wrongSum = await (await pep.SendAsync(Put($"/api/v1/indicators/{id}/targets/2026", new { annual = 100, quarters = new[] { 20, 20, 20, 20 } }))).Problem(HttpStatusCode.BadRequest);
        wrongSum.Errors("quarters").ShouldBe(["Jumlah target triwulan (80) harus sama dengan target tahunan (100) untuk indikator kumulatif."]);
        (await (await pep.SendAsync(Put($"/api/v1/indicators/{id}/targets/2031", new { annual = 100 }))).Problem(HttpStatusCode.BadRequest))
            .Errors("year").ShouldBe(["Tahun 2031 di luar Renstra 2025-2029."]);
        var created = await pep.SendAsync(Put($"/api/v1/indicators/{id}/targets/2026", new { annual = 100, quarters = new[] { 20, 30, 30, 20 }, strategicEndTarget = 500 }));
        (await created.Json(HttpStatusCode.OK)).GetProperty("target").GetProperty("quarters")[1].GetDecimal().ShouldBe(30m);
        var etag = created.Headers.ETag!.Tag;

        // Changing an existing target needs the version last seen.
        (await pep.SendAsync(Put($"/api/v1/indicators/{id}/targets/2026", new { annual = 120 }))).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await pep.SendAsync(Put($"/api/v1/indicators/{id}/targets/2026", new { annual = 120 }, etag))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await pep.SendAsync(Put($"/api/v1/indicators/{id}/targets/2026", new { annual = 130 }, etag))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var read = await pep.GetAsync($"/api/v1/indicators/{id}/targets/2026");
        (await read.Json(HttpStatusCode.OK)).GetProperty("annual").GetDecimal().ShouldBe(120m);

        await pep.SendAsync(Put($"/api/v1/indicators/{id}/history/2024", new { realization = 88.5 }));
        (await pep.GetJson($"/api/v1/indicators/{id}")).GetProperty("history")[0].GetProperty("realization").GetDecimal().ShouldBe(88.5m);
    }

    [Fact]
    public async Task Range_indicators_need_both_bounds_in_order()
    {
        var agency = await f.AgencyIdAsync(Setwan);
        var pep = await f.SignedInAsync("setwan.kasubbag-pep");
        var indicators = await pep.GetJson($"/api/v1/agencies/{agency}/indicators");
        var range = ByCode(indicators, "IKU-04").GetProperty("id").GetString();
        var target = await pep.GetAsync($"/api/v1/indicators/{range}/targets/2027");
        target.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await pep.SendAsync(Put($"/api/v1/indicators/{range}/targets/2027", new { annual = 95 }))).Problem(HttpStatusCode.BadRequest))
            .Errors("rangeLow").ShouldBe(["Indikator rentang perlu batas bawah dan batas atas."]);
        (await (await pep.SendAsync(Put($"/api/v1/indicators/{range}/targets/2027", new { rangeLow = 98, rangeHigh = 90.5 }))).Problem(HttpStatusCode.BadRequest))
            .Errors("rangeLow").ShouldBe(["Batas bawah rentang (98) lebih besar dari batas atas (90,5)."]);
        (await pep.SendAsync(Put($"/api/v1/indicators/{range}/targets/2027", new { rangeLow = 90, rangeHigh = 98 }))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_budget_is_replaced_by_code_and_bad_lines_are_named()
    {
        var agency = await f.AgencyIdAsync("Kecamatan Paringin Selatan");
        var kasubbag = await f.SignedInAsync("paringin.kasubbag");
        var bad = await (await kasubbag.SendAsync(Put($"/api/v1/agencies/{agency}/budget/2027", new
        {
            lines = new object[]
            {
                new { code = "7.01.01", name = "Program Penunjang", level = "program", pagu = 1000, quarters = new[] { 100, 200, 300, 300 } },
                new { code = "7.01.01", name = "Kembar", pagu = 5 },
                new { code = "X", name = "", level = "bab", parentCode = "Y", pagu = -1 },
                new { code = "A", name = "A", parentCode = "B", pagu = 1 },
                new { code = "B", name = "B", parentCode = "A", pagu = 1 },
            },
        }))).Problem(HttpStatusCode.BadRequest);
        bad.Errors("lines[0].quarters").ShouldBe(["Jumlah rencana triwulan (Rp 900,00) harus sama dengan pagu (Rp 1.000,00)."]);
        bad.Errors("lines[1].code").ShouldBe(["Kode \"7.01.01\" muncul lebih dari sekali."]);
        bad.Errors("lines[2].name").ShouldNotBeEmpty();
        bad.Errors("lines[2].level")[0].ShouldStartWith("Tingkat harus salah satu dari:");
        bad.Errors("lines[2].parentCode").ShouldBe(["Kode induk \"Y\" tidak ada di daftar ini."]);
        bad.Errors("lines[2].pagu").ShouldBe(["Pagu wajib diisi, tidak negatif."]);
        bad.Errors("lines[3].parentCode")[0].ShouldContain("lingkaran");
        (await kasubbag.GetJson($"/api/v1/agencies/{agency}/budget/2027")).GetProperty("lines").GetArrayLength().ShouldBe(0);

        var saved = await kasubbag.SendAsync(Put($"/api/v1/agencies/{agency}/budget/2027", new
        {
            lines = new object[]
            {
                new { code = "7.01.01", name = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", level = "program", pagu = 1_300_000_000.50m, quarters = new[] { 300_000_000m, 400_000_000m, 400_000_000.50m, 200_000_000m } },
                new { code = "7.01.01.1.01", name = "Perencanaan, Penganggaran, dan Evaluasi Kinerja", level = "activity", parentCode = "7.01.01", pagu = 90_000_000 },
            },
        }));
        var budget = await saved.Json(HttpStatusCode.OK);
        budget.GetProperty("totalPagu").GetDecimal().ShouldBe(1_300_000_000.50m);
        ByCode(budget.GetProperty("lines"), "7.01.01.1.01").GetProperty("parentCode").GetString().ShouldBe("7.01.01");

        var staff = await f.SignedInAsync("paringin.jf");
        (await staff.SendAsync(Put($"/api/v1/agencies/{agency}/budget/2027", new { lines = Array.Empty<object>() }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var outsider = await f.SignedInAsync("dkp.kasubag-kp");
        (await outsider.GetAsync($"/api/v1/agencies/{agency}/budget/2027")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task After_signing_the_agreement_a_target_change_is_a_revision_with_a_reason()
    {
        var agency = await f.AgencyIdAsync(Dkp);
        var coordinator = await f.SignedInAsync("dkp.kasubag-kp");
        var draft = await coordinator.GetJson($"/api/v1/agencies/{agency}/agreements/2026");
        draft.GetProperty("status").GetString().ShouldBe("draft");
        draft.GetProperty("firstParty").GetProperty("name").GetString().ShouldBe("M. Zainuddin, S.Pi., M.Si.");
        draft.GetProperty("secondParty").GetProperty("position").GetString().ShouldBe("Bupati Lombok Timur");
        draft.GetProperty("targets").GetArrayLength().ShouldBe(6);
        draft.GetProperty("programs").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ShouldBe(["3.25.01", "3.25.03", "3.25.04"]);

        (await (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/agreements/2026/sign", new { })).Problem(HttpStatusCode.BadRequest))
            .Errors("secondPartyName").ShouldBe(["Nama pihak kedua (kepala daerah) wajib diisi."]);
        var staff = await f.SignedInAsync("dkp.staf-evaluasi");
        (await staff.PostAsJsonAsync($"/api/v1/agencies/{agency}/agreements/2026/sign", new { secondPartyName = "H. Haerul Warisin" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var signed = await coordinator.PostJson($"/api/v1/agencies/{agency}/agreements/2026/sign",
            new { secondPartyName = "H. Haerul Warisin, S.Sos., M.Si.", place = "Selong", date = "2026-01-05" }, HttpStatusCode.OK);
        signed.GetProperty("status").GetString().ShouldBe("signed");
        signed.GetProperty("secondParty").GetProperty("name").GetString().ShouldBe("H. Haerul Warisin, S.Sos., M.Si.");
        signed.GetProperty("date").GetString().ShouldBe("2026-01-05");
        (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/agreements/2026/sign", new { secondPartyName = "Lagi" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var indicators = await coordinator.GetJson($"/api/v1/agencies/{agency}/indicators");
        var ntn = ByCode(indicators, "IKU-03").GetProperty("id").GetString();
        var current = await coordinator.GetAsync($"/api/v1/indicators/{ntn}/targets/2026");
        var etag = current.Headers.ETag!.Tag;
        var change = new { annual = 106, quarters = new[] { 105m, 105.5m, 105.8m, 106m }, strategicEndTarget = 110, nationalStandard = 100 };
        var noReason = await (await coordinator.SendAsync(Put($"/api/v1/indicators/{ntn}/targets/2026", change, etag))).Problem(HttpStatusCode.BadRequest);
        noReason.Errors("reason")[0].ShouldStartWith("Perjanjian Kinerja 2026 sudah ditandatangani");

        var revised = await coordinator.SendAsync(Put($"/api/v1/indicators/{ntn}/targets/2026",
            new { change.annual, change.quarters, change.strategicEndTarget, change.nationalStandard, reason = "Penyesuaian dengan RKPD perubahan 2026" }, etag));
        (await revised.Json(HttpStatusCode.OK)).GetProperty("agreementRevisions").EnumerateArray().Select(r => r.GetInt32()).ShouldBe([1]);

        var after = await coordinator.GetJson($"/api/v1/agencies/{agency}/agreements/2026");
        after.GetProperty("revision").GetInt32().ShouldBe(1);
        var revision = after.GetProperty("revisions")[0];
        revision.GetProperty("reason").GetString().ShouldBe("Penyesuaian dengan RKPD perubahan 2026");
        revision.GetProperty("indicatorCode").GetString().ShouldBe("IKU-03");
        revision.GetProperty("before").GetString()!.ShouldContain("107");
        revision.GetProperty("after").GetString()!.ShouldContain("106");
        after.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("indicatorCode").GetString() == "IKU-03")
            .GetProperty("target").GetDecimal().ShouldBe(106m);
        // The unit agreements are separate and still drafts.
        var unit = await f.UnitIdAsync(Dkp, "Seksi Sarana dan Prasarana Perikanan Tangkap");
        var unitAgreement = await coordinator.GetJson($"/api/v1/agencies/{agency}/agreements/2026?unitId={unit}");
        unitAgreement.GetProperty("status").GetString().ShouldBe("draft");
        unitAgreement.GetProperty("firstParty").GetProperty("name").GetString().ShouldBe("Hairul Anwar, S.Pi.");
        unitAgreement.GetProperty("secondParty").GetProperty("name").GetString().ShouldBe("M. Zainuddin, S.Pi., M.Si.");
        unitAgreement.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("indicatorCode").GetString()).ShouldContain("P-01");
    }

    [Fact]
    public async Task The_agreement_downloads_as_docx_and_pdf_holding_parties_targets_and_budget()
    {
        var agency = await f.AgencyIdAsync("Kecamatan Pasrujambe");
        var camat = await f.SignedInAsync("pasrujambe.camat");
        var docx = await camat.GetAsync($"/api/v1/agencies/{agency}/agreements/2025/document.docx");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        docx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var text = string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
            text.ShouldContain("PERJANJIAN KINERJA TAHUN 2025");
            text.ShouldContain("PEMERINTAH KABUPATEN LUMAJANG");
            text.ShouldContain("Dian Nurwisjdah K.H.P., S.Psi., M.M.");
            text.ShouldContain("19771023 200501 1 009");
            text.ShouldContain("Indeks Kepuasan Masyarakat terhadap layanan kecamatan");
            text.ShouldContain("80 - 90 %");
            text.ShouldContain("Rp 1.250.000.000,00");
        }

        var pdf = await camat.GetAsync($"/api/v1/agencies/{agency}/agreements/2025/document.pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK, await pdf.Content.ReadAsStringAsync());
        var path = Path.Combine(Path.GetTempPath(), $"pk-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, await pdf.Content.ReadAsByteArrayAsync());
        try
        {
            // Reading order (no -layout) keeps each table cell's words together; wrapping becomes single spaces.
            var start = new System.Diagnostics.ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true };
            using var p = System.Diagnostics.Process.Start(start)!;
            var text = System.Text.RegularExpressions.Regex.Replace(await p.StandardOutput.ReadToEndAsync(), @"\s+", " ");
            await p.WaitForExitAsync();
            text.ShouldContain("PERJANJIAN KINERJA TAHUN 2025");
            text.ShouldContain("Dian Nurwisjdah");
            text.ShouldContain("Jumlah temuan hasil pemeriksaan Inspektorat");
            text.ShouldContain("Rp 1.250.000.000,00");
        }
        finally
        {
            File.Delete(path);
        }

        var outsider = await f.SignedInAsync("setwan.analis");
        (await outsider.GetAsync($"/api/v1/agencies/{agency}/agreements/2025/document.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class PlanApiTestsOnSqlite(SqliteFixture f) : PlanApiTests(f), IClassFixture<SqliteFixture>;

public sealed class PlanApiTestsOnPostgres(PostgresFixture f) : PlanApiTests(f), IClassFixture<PostgresFixture>;
