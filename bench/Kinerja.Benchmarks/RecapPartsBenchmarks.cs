using BenchmarkDotNet.Attributes;
using Kinerja.Data;
using Kinerja.Domain.Plan;
using Kinerja.Features.Recap;
using Kinerja.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Benchmarks;

/// <summary>
/// Where the application's recap spends its time, for the quarter: loading as the handlers load
/// (<see cref="RecapData.LoadAsync"/>: the seven queries and their materialization) and building the response from loaded
/// data (<see cref="GetRecap.Build"/>, <see cref="GetGovernmentRecap.Build"/>: the domain's arithmetic and the DTOs), for
/// one agency and for the whole government.
/// </summary>
[MemoryDiagnoser]
public class RecapPartsBenchmarks
{
    public static IEnumerable<string> Databases => RecapBenchmarks.Databases;

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = BenchDatabase.Sqlite;

    private BenchDatabase _db = null!;
    private AsyncServiceScope _scope;
    private Messages _messages = null!;
    private Guid _agency;
    private Period _period;
    private RecapData _agencyData = null!;
    private RecapData _governmentData = null!;
    private List<GovernmentAgencyRow> _agencies = [];

    [GlobalSetup]
    public void Setup()
    {
        _db = RecapBenchmarks.Prepared[Database];
        _agency = _db.Data.AgencyIds[_db.Data.AgencyIds.Count / 2];
        _period = Period.Quarter(_db.Data.Shape.LastYear, 2);
        _scope = _db.App.Services.CreateAsyncScope();
        _messages = _scope.ServiceProvider.GetRequiredService<Messages>();
        _agencies = _scope.ServiceProvider.GetRequiredService<KinerjaDbContext>().Agencies.AsNoTracking()
            .Where(a => a.GovernmentId == _db.Data.GovernmentId).Select(a => new GovernmentAgencyRow(a.Id, a.Name, a.Kind)).ToList();
        _agencyData = LoadAsync([_agency], GetRecap.PeriodsOf(_period)).GetAwaiter().GetResult();
        _governmentData = LoadAsync(_db.Data.AgencyIds, [_period, _period.InYear(_period.Year - 1)]).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _scope.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Loads as the handler does: the data of the periods it computes (see <see cref="GetRecap.PeriodsOf"/>).</summary>
    private async Task<RecapData> LoadAsync(IReadOnlyCollection<Guid> agencies, IReadOnlyCollection<Period> periods)
    {
        await using var scope = _db.App.Services.CreateAsyncScope();
        return await RecapData.LoadAsync(scope.ServiceProvider.GetRequiredService<KinerjaDbContext>(), agencies, _period.Year, false, default, periods);
    }

    [Benchmark]
    public async Task<int> AgencyLoad() => (await LoadAsync([_agency], GetRecap.PeriodsOf(_period))).Indicators.Count;

    [Benchmark]
    public RecapDto AgencyBuild() => GetRecap.Build(_agencyData, _agency, "Perangkat Daerah", _period, _messages);

    [Benchmark]
    public async Task<int> GovernmentLoad() => (await LoadAsync(_db.Data.AgencyIds, [_period, _period.InYear(_period.Year - 1)])).Indicators.Count;

    [Benchmark]
    public GovernmentRecapDto GovernmentBuild() => GetGovernmentRecap.Build(_governmentData, _db.Data.GovernmentId, "Provinsi", _agencies, _period);
}
