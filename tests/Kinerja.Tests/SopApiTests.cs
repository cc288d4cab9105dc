using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Features.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kinerja.Tests;

/// <summary>
/// SOP templates and step timing through the API: a round follows its SOP, each step is recorded when its system action
/// happens (or by hand for steps without one), and is measured against its standard time. A sixth agency's own SOP,
/// written here as JSON, runs end to end with no code change.
/// </summary>
public abstract class SopApiTests(KinerjaFixture f)
{
    private const string Coordinator = "pasrujambe.kasubbag-pk";
    private const string Secretary = "pasrujambe.sekcam";

    private static JsonElement Step(JsonElement steps, int number) =>
        steps.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("number").GetInt32() == number);

    private static bool Done(JsonElement step) => step.GetProperty("completedAt").ValueKind != JsonValueKind.Null;

    private async Task<string> RoundIdAsync(HttpClient client, Guid agency, string period) =>
        (await client.GetJson($"/api/v1/agencies/{agency}/rounds")).EnumerateArray()
        .Last(r => r.GetProperty("period").GetString() == period).GetProperty("id").GetString()!;

    /// <summary>A hand-written SOP of a sixth agency (not one of the seeds): a decision loop, a meeting without a system action, the report draft.</summary>
    internal const string SixthAgencySop = """
        {
          "id": "sop-bappelitbangda-2026",
          "agency": "Bappelitbangda Kabupaten Contoh",
          "government": "Kabupaten Contoh",
          "source": "impor",
          "identity": {
            "number": "050/12/427.55/2026", "madeOn": "2 Januari 2026", "revisedOn": null, "effectiveOn": "5 Januari 2026",
            "approvedByName": "Kepala Badan", "approvedByPosition": "Kepala Bappelitbangda", "approvedByRank": "Pembina Utama Muda (IV/c)", "approvedByNip": "197001011995031001",
            "name": "SOP Pengumpulan Data Kinerja Triwulanan",
            "legalBasis": ["Peraturan Presiden Nomor 29 Tahun 2014"], "qualifications": ["Memahami SAKIP"], "related": ["SOP Penyusunan LKjIP"],
            "equipment": ["Komputer"], "warnings": ["Pelaporan terhambat bila data terlambat"], "recording": ["Dicatat di aplikasi Kinerja"]
          },
          "actors": [
            { "key": "kaban", "title": "Kepala Badan", "role": "head" },
            { "key": "pep", "title": "Kasubbag PEP", "role": "coordinator" },
            { "key": "kabid", "title": "Kepala Bidang", "role": "unitHead" }
          ],
          "steps": [
            { "number": 1, "activity": "Memerintahkan pengumpulan data kinerja triwulan", "actors": ["kaban"], "kind": "start", "action": "openRound", "inputs": "Nota dinas", "time": { "amount": 10, "unit": "minutes" }, "output": "Disposisi", "periodKinds": [] },
            { "number": 2, "activity": "Mengirim kertas kerja ke setiap bidang", "actors": ["pep"], "kind": "process", "action": "distribute", "inputs": "Disposisi", "time": { "amount": 1, "unit": "hours" }, "output": "Kertas kerja", "periodKinds": [] },
            { "number": 3, "activity": "Mengisi dan mengirim kertas kerja", "actors": ["kabid"], "kind": "process", "action": "fillAndSubmit", "inputs": "Kertas kerja", "time": { "amount": 3, "unit": "days" }, "output": "Data kinerja", "periodKinds": [] },
            { "number": 4, "activity": "Memeriksa data; bila perlu konfirmasi dikembalikan ke bidang", "actors": ["pep"], "kind": "decision", "action": "verifyOrReturn", "inputs": "Data kinerja", "time": { "amount": 1, "unit": "days" }, "output": "Data valid", "periodKinds": [], "yesGoesTo": 5, "noGoesTo": 3 },
            { "number": 5, "activity": "Rapat pembahasan data kinerja", "actors": ["pep", "kabid"], "kind": "process", "action": "none", "inputs": "Data valid", "time": { "amount": 2, "unit": "hours" }, "output": "Notulen", "periodKinds": [] },
            { "number": 6, "activity": "Merekapitulasi data kinerja", "actors": ["pep"], "kind": "process", "action": "recap", "inputs": "Data valid", "time": { "amount": 1, "unit": "days" }, "output": "Rekapitulasi", "periodKinds": [] },
            { "number": 7, "activity": "Menyusun draf laporan kinerja triwulan", "actors": ["pep"], "kind": "end", "action": "draftReport", "inputs": "Rekapitulasi", "time": { "amount": 2, "unit": "days" }, "output": "Draf laporan", "periodKinds": ["quarter"] }
          ],
          "facts": []
        }
        """;

    [Fact]
    public async Task A_round_follows_the_generic_SOP_and_each_step_is_recorded_when_its_action_happens()
    {
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var coordinator = await f.SignedInAsync(Coordinator);
        var secretary = await f.SignedInAsync(Secretary);
        await RecapScenario.RunAsync(coordinator, secretary, agency, "2026-Q1", code => RecapScenario.Quarters2026[code][0], RoundStage.Verified);
        var roundId = await RoundIdAsync(coordinator, agency, "2026-Q1");

        var steps = await coordinator.GetJson($"/api/v1/rounds/{roundId}/steps");
        steps.GetProperty("sopTemplateId").GetString().ShouldBe("builtin-generic");
        steps.GetProperty("steps").GetArrayLength().ShouldBe(5);
        foreach (var n in new[] { 1, 2, 3, 4 })
        {
            var s = Step(steps, n);
            Done(s).ShouldBeTrue($"step {n}");
            s.GetProperty("completedBy").GetString().ShouldBe(n == 4 ? Secretary : Coordinator, $"step {n}");
            s.GetProperty("actualMinutes").ValueKind.ShouldBe(JsonValueKind.Number, $"step {n}");
            s.GetProperty("onTime").GetBoolean().ShouldBeTrue($"step {n}: done within seconds");
        }

        Step(steps, 3).GetProperty("actors").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Kepala Unit"]);
        Step(steps, 3).GetProperty("standardUnit").GetString().ShouldBe("days");
        Step(steps, 4).GetProperty("kind").GetString().ShouldBe("decision");
        Done(Step(steps, 5)).ShouldBeFalse("nobody produced the recap yet");
        Step(steps, 5).GetProperty("startedAt").ValueKind.ShouldBe(JsonValueKind.String);
        Step(steps, 5).GetProperty("late").GetBoolean().ShouldBeFalse();

        (await coordinator.GetAsync($"/api/v1/agencies/{agency}/recap.xlsx?period=2026-Q1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await coordinator.GetJson($"/api/v1/rounds/{roundId}/steps");
        Done(Step(after, 5)).ShouldBeTrue("the verified recap produced as a file is the recap step");
        (await (await coordinator.PostAsJsonAsync($"/api/v1/rounds/{roundId}/steps/3/complete", new { note = "manual" })).Problem(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("selesai dengan sendirinya");
        (await (await f.SignedInAsync("dkp.kasubag-kp")).GetAsync($"/api/v1/rounds/{roundId}/steps")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_sixth_agencys_own_SOP_imported_as_JSON_runs_end_to_end()
    {
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var coordinator = await f.SignedInAsync(Coordinator);
        var secretary = await f.SignedInAsync(Secretary);

        // A broken copy is refused with every problem; nothing is stored.
        var broken = SixthAgencySop.Replace("\"yesGoesTo\": 5, \"noGoesTo\": 3", "\"yesGoesTo\": 5").Replace("\"actors\": [\"kabid\"], \"kind\": \"process\", \"action\": \"fillAndSubmit\"",
            "\"actors\": [\"bendahara\"], \"kind\": \"process\", \"action\": \"fillAndSubmit\"");
        var refused = await (await coordinator.PostAsync($"/api/v1/sop-templates?agencyId={agency}", new StringContent(broken, System.Text.Encoding.UTF8, "application/json")))
            .Problem(HttpStatusCode.BadRequest);
        refused.Errors("template").ShouldContain("Langkah 4: keputusan perlu tujuan untuk jawaban \"tidak\".");
        refused.Errors("template").ShouldContain("Langkah 3: pelaksana \"bendahara\" tidak ada dalam daftar pelaksana SOP.");
        (await (await f.SignedInAsync("pasrujambe.kasi-kesos")).PostAsync($"/api/v1/sop-templates?agencyId={agency}",
            new StringContent(SixthAgencySop, System.Text.Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var imported = await (await coordinator.PostAsync($"/api/v1/sop-templates?agencyId={agency}", new StringContent(SixthAgencySop, System.Text.Encoding.UTF8, "application/json")))
            .Json(HttpStatusCode.Created);
        imported.GetProperty("id").GetString().ShouldBe("sop-bappelitbangda-2026");
        imported.GetProperty("fillWorkingDays").GetInt32().ShouldBe(3);
        var unused = await coordinator.GetJson($"/api/v1/sop-templates/sop-bappelitbangda-2026/timing?agencyId={agency}");
        (unused.GetProperty("rounds").GetInt32(), unused.GetProperty("steps").GetArrayLength()).ShouldBe((0, 7), "a template no round used yet has an empty report");
        (await coordinator.GetJson("/api/v1/sop-templates")).EnumerateArray().Select(t => t.GetProperty("id").GetString()).ShouldContain("sop-bappelitbangda-2026");
        var back = await coordinator.GetJson("/api/v1/sop-templates/sop-bappelitbangda-2026");
        back.GetProperty("steps").GetArrayLength().ShouldBe(7);
        (await (await f.SignedInAsync("dkp.kasubag-kp")).GetAsync("/api/v1/sop-templates/sop-bappelitbangda-2026")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await RecapScenario.RunAsync(coordinator, secretary, agency, "2026-Q2", code => RecapScenario.Quarters2026[code][1], RoundStage.Verified, "sop-bappelitbangda-2026");
        var roundId = await RoundIdAsync(coordinator, agency, "2026-Q2");
        var steps = await coordinator.GetJson($"/api/v1/rounds/{roundId}/steps");
        steps.GetProperty("sopTemplateId").GetString().ShouldBe("sop-bappelitbangda-2026");
        foreach (var n in new[] { 1, 2, 3, 4 }) Done(Step(steps, n)).ShouldBeTrue($"step {n}");
        Done(Step(steps, 5)).ShouldBeFalse();
        Step(steps, 5).GetProperty("canComplete").GetBoolean().ShouldBeTrue();

        // The meeting has no system action: an actor completes it in the page or the API, once.
        (await (await f.SignedInAsync("pasrujambe.staf-pk")).PostAsJsonAsync($"/api/v1/rounds/{roundId}/steps/5/complete", new { note = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent("Rapat 3 April, 6 peserta; data disepakati."), "note");
            form.Add(new ByteArrayContent("%PDF-1.4\n%notulen\n"u8.ToArray()), "file", "notulen.pdf");
            var done = await (await coordinator.PostAsync($"/api/v1/rounds/{roundId}/steps/5/complete", form)).Json(HttpStatusCode.OK);
            Step(done, 5).GetProperty("completionNote").GetString().ShouldBe("Rapat 3 April, 6 peserta; data disepakati.");
            Step(done, 5).GetProperty("fileName").GetString().ShouldBe("notulen.pdf");
        }

        (await coordinator.PostAsJsonAsync($"/api/v1/rounds/{roundId}/steps/5/complete", new { note = "lagi" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Drafting the quarter's report reads the recap: steps 6 and 7 are done, and the SOP is complete.
        (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/reports", new { kind = "quarterly", period = "2026-Q2" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var all = await coordinator.GetJson($"/api/v1/rounds/{roundId}/steps");
        foreach (var s in all.GetProperty("steps").EnumerateArray())
        {
            Done(s).ShouldBeTrue($"step {s.GetProperty("number").GetInt32()}");
            s.GetProperty("actors").GetArrayLength().ShouldBeGreaterThan(0);
            s.GetProperty("completedBy").GetString().ShouldNotBeNullOrEmpty();
            s.GetProperty("actualMinutes").ValueKind.ShouldBe(JsonValueKind.Number);
        }

        var timing = await coordinator.GetJson($"/api/v1/sop-templates/sop-bappelitbangda-2026/timing?agencyId={agency}");
        timing.GetProperty("rounds").GetInt32().ShouldBe(1);
        timing.GetProperty("steps").EnumerateArray().ShouldAllBe(s => s.GetProperty("rounds").GetInt32() == 1 && s.GetProperty("medianMinutes").ValueKind == JsonValueKind.Number);
    }

    /// <summary>The report actions in the order the path takes them, with the SOP action each completes.</summary>
    private static readonly (string Action, string Sop)[] ReportPath =
    [
        ("circulate", "circulate"), ("revise", "revise"), ("finalize", "finalization-meeting"), ("submit-for-approval", "submit-for-approval"),
        ("initial", "initial"), ("approve", "approve"), ("sign", "sign"), ("number-cover-letter", "number-cover-letter"),
        ("record-copies", "copies"), ("dispatch", "dispatch"), ("archive", "archive"),
    ];

    [Theory]
    [InlineData("seed-000-pasrujambe", "Kecamatan Pasrujambe", "2026", "pasrujambe.kasubbag-pk", "pasrujambe.sekcam", "pasrujambe.camat")]
    [InlineData("seed-001-paring-selatan", "Kecamatan Paringin Selatan", "2026-Q2", "paringin.kasubbag", "paringin.sekcam", "paringin.camat")]
    [InlineData("seed-002-tanjunganom", "Kecamatan Tanjunganom", "2026-Q2", "tanjunganom.kasubag-pek", "tanjunganom.sekcam", "tanjunganom.camat")]
    [InlineData("seed-003-dkp-lombok-timur", "Dinas Kelautan dan Perikanan", "2026-Q2", "dkp.kasubag-kp", "dkp.sekdis", "dkp.kadis")]
    [InlineData("seed-004-setwan-jambi", "Sekretariat DPRD Provinsi Jambi", "2026-Q2", "setwan.kasubbag-pep", "setwan.kabag-umum", "setwan.sekwan")]
    public async Task Each_seed_SOP_runs_as_written_for_its_demo_agency(string templateId, string agencyName, string period, string coordinatorName,
        string secretaryName, string headName)
    {
        var agency = await f.AgencyIdAsync(agencyName);
        var coordinator = await f.SignedInAsync(coordinatorName);
        var secretary = await f.SignedInAsync(secretaryName);
        var head = await f.SignedInAsync(headName);
        var template = await coordinator.GetJson($"/api/v1/sop-templates/{templateId}");
        var bound = template.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()!).ToHashSet();

        // Steps 1-4 of domain.md: order, distribute, fill and submit, check; then the recap as a file.
        var sheets = await RecapScenario.RunAsync(coordinator, secretary, agency, period, _ => 80m, RoundStage.Verified, templateId);
        var roundId = await RoundIdAsync(coordinator, agency, period);
        (await coordinator.GetAsync($"/api/v1/agencies/{agency}/recap.xlsx?period={period}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The report as far as the SOP takes it.
        JsonElement? report = null;
        var last = ReportPath.Select((p, i) => (p, i)).Where(x => bound.Contains(x.p.Sop)).Select(x => x.i).DefaultIfEmpty(-1).Max();
        if (last >= 0 || bound.Contains("draftReport"))
        {
            var kind = period.Contains('Q') ? "quarterly" : "annual";
            report = await (await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/reports", new { kind, period })).Json(HttpStatusCode.Created);
            var id = report.Value.GetProperty("id").GetGuid();
            for (var i = 0; i <= last; i++)
            {
                var (action, _) = ReportPath[i];
                if (action == "finalize") await coordinator.FillNarrativesAsync(id);
                async Task<JsonElement> Act(HttpClient who, object body) =>
                    await (await who.PostAsJsonAsync($"/api/v1/reports/{id}/actions/{action}", body)).Json(HttpStatusCode.OK);
                report = action switch
                {
                    "finalize" => await Act(coordinator, new { meeting = new { date = DateOnly.FromDateTime(DateTime.Today).ToString("yyyy-MM-dd"), attendees = new[] { "Kepala", "Sekretaris" } } }),
                    "initial" => await InitialBothAsync(coordinator, secretary, id),
                    "approve" or "sign" => await Act(head, new { }),
                    "record-copies" => await Act(coordinator, new { copies = 3 }),
                    "dispatch" => await DispatchAllAsync(coordinator, id),
                    _ => await Act(coordinator, new { }),
                };
            }
        }

        // Steps without a system action are completed by hand with a note.
        var steps = await coordinator.GetJson($"/api/v1/rounds/{roundId}/steps");
        foreach (var s in steps.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("applies").GetBoolean() && s.GetProperty("action").GetString() == "none"))
        {
            (await coordinator.PostAsJsonAsync($"/api/v1/rounds/{roundId}/steps/{s.GetProperty("number").GetInt32()}/complete", new { note = "Dilaksanakan sesuai SOP." }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var final = await coordinator.GetJson($"/api/v1/rounds/{roundId}/steps");
        final.GetProperty("sopTemplateId").GetString().ShouldBe(templateId);
        var applicable = final.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("applies").GetBoolean()).ToList();
        applicable.ShouldNotBeEmpty();
        foreach (var s in applicable)
        {
            var n = s.GetProperty("number").GetInt32();
            Done(s).ShouldBeTrue($"{templateId} step {n} ({s.GetProperty("action").GetString()})");
            s.GetProperty("actors").GetArrayLength().ShouldBeGreaterThan(0, $"step {n}");
            s.GetProperty("completedBy").GetString().ShouldNotBeNullOrEmpty($"step {n}");
            s.GetProperty("actualMinutes").ValueKind.ShouldBe(JsonValueKind.Number, $"step {n}");
        }

        // Every output the SOP names exists.
        var actions = applicable.Select(s => s.GetProperty("action").GetString()!).ToHashSet();
        if (actions.Contains("distribute")) sheets.Count.ShouldBeGreaterThan(0);
        if (actions.Contains("verify-or-return"))
        {
            foreach (var sheet in sheets) (await coordinator.GetJson($"/api/v1/worksheets/{sheet}")).GetProperty("status").GetString().ShouldBe("verified");
        }

        if (actions.Contains("draft-report")) (await coordinator.GetAsync($"/api/v1/reports/{report!.Value.GetProperty("id").GetGuid()}/document.docx")).StatusCode.ShouldBe(HttpStatusCode.OK);
        if (actions.Contains("sign")) report!.Value.GetProperty("signatures").GetArrayLength().ShouldBe(1);
        if (actions.Contains("number-cover-letter")) report!.Value.GetProperty("letter").GetProperty("number").GetString().ShouldNotBeNullOrEmpty();
        if (actions.Contains("copies")) report!.Value.GetProperty("copies").GetInt32().ShouldBe(3);
        if (actions.Contains("dispatch")) report!.Value.GetProperty("outstandingRecipients").GetArrayLength().ShouldBe(0);
        foreach (var s in applicable.Where(s => s.GetProperty("action").GetString() == "none"))
        {
            s.GetProperty("completionNote").GetString().ShouldBe("Dilaksanakan sesuai SOP.");
        }
    }

    private static async Task<JsonElement> InitialBothAsync(HttpClient coordinator, HttpClient secretary, Guid id)
    {
        await (await coordinator.PostAsJsonAsync($"/api/v1/reports/{id}/actions/initial", new { initialBy = "coordinator" })).Json(HttpStatusCode.OK);
        return await (await secretary.PostAsJsonAsync($"/api/v1/reports/{id}/actions/initial", new { initialBy = "secretary" })).Json(HttpStatusCode.OK);
    }

    private static async Task<JsonElement> DispatchAllAsync(HttpClient coordinator, Guid id)
    {
        var r = await coordinator.GetJson($"/api/v1/reports/{id}");
        foreach (var recipient in r.GetProperty("outstandingRecipients").EnumerateArray().Select(x => x.GetString()).ToList())
        {
            r = await (await coordinator.PostAsJsonAsync($"/api/v1/reports/{id}/actions/dispatch", new { recipient, method = "hand" })).Json(HttpStatusCode.OK);
        }

        return r;
    }

    [Fact]
    public async Task The_SOP_document_holds_every_identity_field_and_step_and_its_PDF_renders()
    {
        var coordinator = await f.SignedInAsync(Coordinator);
        var template = await coordinator.GetJson("/api/v1/sop-templates/seed-004-setwan-jambi");
        var docx = await (await coordinator.GetAsync("/api/v1/sop-templates/seed-004-setwan-jambi/document.docx")).Content.ReadAsByteArrayAsync();
        var text = Documents.PerformanceReportDocumentTests.DocxText(docx);
        text.ShouldContain(template.GetProperty("identity").GetProperty("name").GetString()!);
        foreach (var list in new[] { "legalBasis", "qualifications", "related", "equipment", "warnings", "recording" })
        {
            foreach (var item in template.GetProperty("identity").GetProperty(list).EnumerateArray()) text.ShouldContain(item.GetString()!, Case.Sensitive, list);
        }

        foreach (var step in template.GetProperty("steps").EnumerateArray()) text.ShouldContain(step.GetProperty("activity").GetString()!);
        foreach (var actor in template.GetProperty("actors").EnumerateArray()) text.ShouldContain(actor.GetProperty("title").GetString()!);

        var pdf = await coordinator.GetAsync("/api/v1/sop-templates/seed-004-setwan-jambi/document.pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        var path = Path.Combine(Path.GetTempPath(), $"sop-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            var pdfText = await Documents.PerformanceAgreementPdfs.Tool("pdftotext", path, "-");
            pdfText.ShouldContain("Merekapitulasi data kinerja");
            (await Documents.PerformanceAgreementPdfs.Tool("pdfinfo", path)).ShouldContain("Pages:");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Late_steps_remind_their_actors_once_then_their_superiors()
    {
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var coordinator = await f.SignedInAsync(Coordinator);
        var secretary = await f.SignedInAsync(Secretary);
        await RecapScenario.RunAsync(coordinator, secretary, agency, "2026-Q3", code => RecapScenario.Quarters2026[code][2], RoundStage.Draft);
        var roundId = Guid.Parse(await RoundIdAsync(coordinator, agency, "2026-Q3"));

        int Reminders(string text) { using var db = f.NewDbContext(); return db.Notifications.AsNoTracking().ToList().Count(n => n.Link == $"/Rounds/Details/{roundId}" && n.Template.Contains(text)); }
        var scopes = f.Services.GetRequiredService<IServiceScopeFactory>();
        var config = f.Services.GetRequiredService<IConfiguration>();
        var inTenDays = new StepReminders(scopes, new Shifted(TimeSpan.FromDays(10)), config, NullLogger<StepReminders>.Instance);
        (await inTenDays.RunOnceAsync(CancellationToken.None)).ShouldBeGreaterThan(0);
        Reminders("terlambat").ShouldBeGreaterThan(0, "the units are told their fill step is late");
        (await inTenDays.RunOnceAsync(CancellationToken.None)).ShouldBe(0, "a reminder is sent once");

        var inThirtyDays = new StepReminders(scopes, new Shifted(TimeSpan.FromDays(30)), config, NullLogger<StepReminders>.Instance);
        (await inThirtyDays.RunOnceAsync(CancellationToken.None)).ShouldBeGreaterThan(0);
        Reminders("masih terlambat setelah diingatkan").ShouldBeGreaterThan(0, "then the unit heads' superior is told");
        (await inThirtyDays.RunOnceAsync(CancellationToken.None)).ShouldBe(0);
        await using var check = f.NewDbContext();
        var fill = await check.RoundSteps.AsNoTracking().SingleAsync(s => s.RoundId == roundId && s.Number == 3);
        (fill.RemindedAt, fill.EscalatedAt).ShouldSatisfyAllConditions(x => x.RemindedAt.ShouldNotBeNull(), x => x.EscalatedAt.ShouldNotBeNull());
    }

    private sealed class Shifted(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;

        public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;
    }
}

public sealed class SopApiTestsOnSqlite(SqliteFixture f) : SopApiTests(f), IClassFixture<SqliteFixture>;

public sealed class SopApiTestsOnPostgres(PostgresFixture f) : SopApiTests(f), IClassFixture<PostgresFixture>;
