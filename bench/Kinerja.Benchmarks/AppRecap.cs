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
    public static async Task<RecapDto> AgencyAsync(BenchDatabase db, Guid agencyId, string period)
    {
        await using var scope = db.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("bench");
        return await scope.ServiceProvider.GetRequiredService<GetRecap>().HandleAsync(agencyId, period);
    }

    public static async Task<GovernmentRecapDto> GovernmentAsync(BenchDatabase db, Guid governmentId, string period)
    {
        await using var scope = db.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("bench");
        return await scope.ServiceProvider.GetRequiredService<GetGovernmentRecap>().HandleAsync(governmentId, period);
    }

    /// <summary>Every indicator's achievement to date in the recap (key indicators under their objectives, then the others).</summary>
    public static IEnumerable<(Guid Id, decimal? Achievement)> Indicators(RecapDto r) =>
        r.Objectives.SelectMany(o => o.Indicators).Concat(r.OtherIndicators).Select(i => (i.IndicatorId, i.Achievement));
}
