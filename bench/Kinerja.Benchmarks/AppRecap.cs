using System.Text.Json;
using Kinerja.Features.Recap;
using Kinerja.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Benchmarks;

/// <summary>
/// The application's recap as the API runs it, without HTTP and sign-in: a request scope, the current user acting with
/// full rights (as the command-line verbs do), and the endpoint's handler.
/// </summary>
public static class AppRecap
{
    public static async Task<RecapDto> AgencyAsync(BenchDatabase db, Guid agencyId, string period, bool includeUnverified = false)
    {
        await using var scope = db.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("bench");
        return await scope.ServiceProvider.GetRequiredService<GetRecap>().HandleAsync(agencyId, period, includeUnverified);
    }

    public static async Task<GovernmentRecapDto> GovernmentAsync(BenchDatabase db, Guid governmentId, string period, bool includeUnverified = false)
    {
        await using var scope = db.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("bench");
        return await scope.ServiceProvider.GetRequiredService<GetGovernmentRecap>().HandleAsync(governmentId, period, includeUnverified);
    }

    /// <summary>
    /// Writes the JSON of every agency's recap and the government's for several periods of the last two years, with and
    /// without unverified values: two builds of the recap give the same files exactly when they return the same recaps.
    /// </summary>
    public static async Task DumpAsync(BenchDatabase db, string folder, TextWriter log)
    {
        Directory.CreateDirectory(folder);
        var y = db.Data.Shape.LastYear;
        var first = db.Data.Shape.FirstYear;
        string[] periods = [$"{y}", $"{y}-S1", $"{y}-S2", $"{y}-Q1", $"{y}-Q2", $"{y}-Q3", $"{y}-Q4", $"{y}-M03", $"{y - 1}-Q4", $"{y - 1}", $"{first}-Q1", $"{first}"];
        var options = new JsonSerializerOptions { WriteIndented = true };
        var files = 0;
        foreach (var period in periods)
        {
            foreach (var unverified in new[] { false, true })
            {
                var suffix = unverified ? "-unverified" : "";
                await File.WriteAllTextAsync(Path.Combine(folder, $"government-{period}{suffix}.json"),
                    JsonSerializer.Serialize(await GovernmentAsync(db, db.Data.GovernmentId, period, unverified), options));
                for (var a = 0; a < db.Data.AgencyIds.Count; a++)
                {
                    await File.WriteAllTextAsync(Path.Combine(folder, $"agency{a:D3}-{period}{suffix}.json"),
                        JsonSerializer.Serialize(await AgencyAsync(db, db.Data.AgencyIds[a], period, unverified), options));
                }

                files += db.Data.AgencyIds.Count + 1;
            }
        }

        log.WriteLine($"[{db.Kind}] {files} recaps written to {folder}.");
    }

    /// <summary>Every indicator's achievement to date in the recap (key indicators under their objectives, then the others).</summary>
    public static IEnumerable<(Guid Id, decimal? Achievement)> Indicators(RecapDto r) =>
        r.Objectives.SelectMany(o => o.Indicators).Concat(r.OtherIndicators).Select(i => (i.IndicatorId, i.Achievement));
}
