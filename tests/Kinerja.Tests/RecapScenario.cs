using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Kinerja.Tests;

public enum RoundStage
{
    /// <summary>Values typed, not sent.</summary>
    Draft,

    /// <summary>Sent to the coordinator, not reviewed.</summary>
    Submitted,

    /// <summary>Every line accepted.</summary>
    Verified,
}

/// <summary>
/// Collection rounds run through the API as people do: the coordinator opens the round and fills every unit's
/// worksheet (data from outside the agency), submits, and the secretary accepts every line.
/// <see cref="EnsurePasrujambeAsync"/> gives Kecamatan Pasrujambe verified rounds for 2026-Q1..Q4 (quarterly) and for
/// 2025-M01..M03 (monthly), once per fixture; the figures below are what the recap tests compute by hand.
/// </summary>
public static class RecapScenario
{
    public const string Pasrujambe = "Kecamatan Pasrujambe";

    /// <summary>Each quarter's own realization in 2026 (demo plan of a kecamatan: see src/Kinerja/Demo/DemoPlan.cs).</summary>
    public static readonly Dictionary<string, decimal[]> Quarters2026 = new()
    {
        ["IKU-01"] = [79m, 80.5m, 83m, 82m],  // IKM, higher, last; targets 81 / 82 / 82,5 / 83
        ["IKU-02"] = [92m, 98m, 95m, 97m],    // services on time %, higher, average; 96 each quarter
        ["IKU-03"] = [60m, 61m, 63m, 70m],    // SAKIP score, higher, last; only a Q4 target (67)
        ["IKU-04"] = [1m, 2m, 0m, 1m],        // audit findings, lower, sum; 1 / 1 / 1 / 0, year 3
        ["IKU-05"] = [78m, 85m, 93m, 88m],    // Musrenbang attendance %, range 81-91, last
        ["P-01"] = [6m, 8m, 7m, 5m],          // facilitation activities, higher, sum; 7 each, year 28
        ["K-01"] = [2m, 2m, 1m, 3m],          // planning documents, higher, sum; 2 each, year 8
    };

    /// <summary>January to March 2025, monthly rounds: Triwulan I 2025 is formed from them.</summary>
    public static readonly Dictionary<string, decimal[]> Months2025 = new()
    {
        ["IKU-01"] = [78m, 79m, 79.5m],
        ["IKU-02"] = [90m, 93m, 96m],
        ["IKU-03"] = [58m, 59m, 59m],
        ["IKU-04"] = [0m, 1m, 0m],
        ["IKU-05"] = [82m, 84m, 86m],
        ["P-01"] = [1m, 2m, 2m],
        ["K-01"] = [1m, 0m, 1m],
    };

    private static readonly ConditionalWeakTable<KinerjaFixture, Task> Seeded = [];

    public static Task EnsurePasrujambeAsync(KinerjaFixture f)
    {
        lock (Seeded)
        {
            if (!Seeded.TryGetValue(f, out var task))
            {
                task = SeedPasrujambeAsync(f);
                Seeded.Add(f, task);
            }

            return task;
        }
    }

    private static async Task SeedPasrujambeAsync(KinerjaFixture f) =>
        await SeedPasrujambeAsync(await f.SignedInAsync("pasrujambe.kasubbag-pk"), await f.SignedInAsync("pasrujambe.sekcam"), await f.AgencyIdAsync(Pasrujambe));

    /// <summary>The rounds of <see cref="EnsurePasrujambeAsync"/>, with API clients of the coordinator and the secretary.</summary>
    public static async Task SeedPasrujambeAsync(HttpClient coordinator, HttpClient secretary, Guid agency)
    {
        for (var q = 1; q <= 4; q++)
        {
            var quarter = q;
            await RunAsync(coordinator, secretary, agency, $"2026-Q{q}", code => Quarters2026[code][quarter - 1], RoundStage.Verified);
        }

        for (var m = 1; m <= 3; m++)
        {
            var month = m;
            await RunAsync(coordinator, secretary, agency, $"2025-M0{m}", code => Months2025[code][month - 1], RoundStage.Verified);
        }
    }

    /// <summary>Opens a round for <paramref name="period"/> and takes every worksheet to <paramref name="stage"/>. Returns the worksheet ids.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(
        HttpClient coordinator, HttpClient reviewer, Guid agency, string period, Func<string, decimal> value, RoundStage stage, string? sopTemplateId = null)
    {
        var round = await coordinator.PostJson($"/api/v1/agencies/{agency}/rounds",
            new { period, sopTemplateId, disposition = new { text = $"Harap kumpulkan data kinerja {period}." } }, HttpStatusCode.Created);
        var sheets = await coordinator.GetJson($"/api/v1/rounds/{round.GetProperty("id").GetString()}/worksheets");
        var ids = new List<string>();
        foreach (var s in sheets.EnumerateArray())
        {
            var id = s.GetProperty("id").GetString()!;
            ids.Add(id);
            var sheet = await coordinator.GetJson($"/api/v1/worksheets/{id}");
            var lines = sheet.GetProperty("lines").EnumerateArray()
                .Select(l => (Id: l.GetProperty("lineId").GetString(), Code: l.GetProperty("code").GetString()!)).ToList();
            foreach (var (lineId, code) in lines)
            {
                var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/worksheets/{id}/lines/{lineId}")
                {
                    Content = JsonContent.Create(new { realization = value(code), explanation = "Data dari register unit dan instansi terkait." }),
                };
                await (await coordinator.SendAsync(put)).Json(HttpStatusCode.OK);
            }

            if (stage == RoundStage.Draft) continue;
            await coordinator.PostJson($"/api/v1/worksheets/{id}/submit", new { }, HttpStatusCode.OK);
            if (stage == RoundStage.Submitted) continue;
            await AcceptAllAsync(reviewer, id);
        }

        return ids;
    }

    /// <summary>The reviewer accepts every line of a submitted worksheet: it is verified.</summary>
    public static async Task AcceptAllAsync(HttpClient reviewer, string worksheetId)
    {
        var sheet = await reviewer.GetJson($"/api/v1/worksheets/{worksheetId}");
        JsonElement last = default;
        foreach (var l in sheet.GetProperty("lines").EnumerateArray())
        {
            last = await reviewer.PostJson($"/api/v1/worksheets/{worksheetId}/lines/{l.GetProperty("lineId").GetString()}/review",
                new { decision = "accept" }, HttpStatusCode.OK);
        }

        last.GetProperty("status").GetString().ShouldBe("verified");
    }
}
