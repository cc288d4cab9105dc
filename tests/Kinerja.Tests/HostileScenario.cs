using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Tests;

/// <summary>
/// What both hostile-input corpora (the API's, <see cref="HostileInputTests"/>, and the page forms', <see cref="HostilePageFormTests"/>)
/// send their bad values at: Pasrujambe with a fresh round of a period under the sixth agency's SOP (it has a step a person
/// completes by hand, a meeting), the Kasi's draft worksheet and its first line, and a circulating quarterly report of 2026-Q1.
/// </summary>
internal sealed record HostileScenario(
    Guid Agency, Guid Unit, Guid Round, Guid Sheet, Guid Line, Guid? BudgetLine, Guid Indicator, Guid Report, int ManualStep, HttpClient Coordinator)
{
    public const string CoordinatorName = "pasrujambe.kasubbag-pk";
    public const string Kasi = "pasrujambe.kasi-kesos";

    public static async Task<HostileScenario> SetUpAsync(KinerjaFixture f, string period)
    {
        await RecapScenario.EnsurePasrujambeAsync(f);
        var agency = await f.AgencyIdAsync(RecapScenario.Pasrujambe);
        var coordinator = await f.SignedInAsync(CoordinatorName);
        var sop = await coordinator.PostAsync($"/api/v1/sop-templates?agencyId={agency}", new StringContent(SopApiTests.SixthAgencySop, Encoding.UTF8, "application/json"));
        sop.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);
        var round = (await coordinator.PostJson($"/api/v1/agencies/{agency}/rounds", new
        {
            period, sopTemplateId = "sop-bappelitbangda-2026", disposition = new { text = $"Kumpulkan data kinerja {period}." }, deadline = "2026-12-10",
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var kasi = await f.SignedInAsync(Kasi);
        var sheetId = (await kasi.GetJson($"/api/v1/rounds/{round}/worksheets"))[0].GetProperty("id").GetGuid();
        var sheet = await kasi.GetJson($"/api/v1/worksheets/{sheetId}");
        var line = sheet.GetProperty("lines")[0];
        Guid? budgetLine = sheet.TryGetProperty("budget", out var b) && b.ValueKind == JsonValueKind.Array && b.GetArrayLength() > 0 ? b[0].GetProperty("lineId").GetGuid() : null;
        var created = await coordinator.PostAsJsonAsync($"/api/v1/agencies/{agency}/reports", new { kind = "quarterly", period = "2026-Q1" });
        Guid report;
        if (created.StatusCode == HttpStatusCode.Created)
        {
            report = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await coordinator.FillNarrativesAsync(report);
            (await coordinator.PostAsJsonAsync($"/api/v1/reports/{report}/actions/circulate", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        else
        {
            await using var db = f.NewDbContext();
            report = await db.Reports.Where(r => r.AgencyId == agency && r.Period == "2026-Q1").Select(r => r.Id).SingleAsync();
        }

        var unit = await f.UnitIdAsync(RecapScenario.Pasrujambe, "Seksi Kesejahteraan Sosial");
        var manual = (await coordinator.GetJson($"/api/v1/rounds/{round}/steps")).GetProperty("steps").EnumerateArray()
            .First(s => s.GetProperty("action").GetString() == "none" && s.GetProperty("completedAt").ValueKind == JsonValueKind.Null).GetProperty("number").GetInt32();
        return new HostileScenario(agency, unit, round, sheetId, line.GetProperty("lineId").GetGuid(), budgetLine, line.GetProperty("indicatorId").GetGuid(),
            report, manual, coordinator);
    }
}
