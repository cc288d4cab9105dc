using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Kinerja.Features.Recap;

namespace Kinerja.Benchmarks;

/// <summary>
/// The application's recap (the API's handlers: <see cref="GetRecap"/> for one agency, <see cref="GetGovernmentRecap"/>
/// for every agency of the government) against one hand-written SQL query computing the same achievements (the baseline
/// of each category, so Ratio is application / SQL). The databases are prepared and checked once by Program before any
/// timing; the benchmarks run in this process.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
public class RecapBenchmarks
{
    public const string AgencyQuarter = "Agency, quarter";
    public const string AgencyYear = "Agency, year";
    public const string GovernmentQuarter = "Government, quarter";
    public const string GovernmentYear = "Government, year";

    /// <summary>The prepared databases by kind (sqlite, postgres), filled by Program.</summary>
    public static Dictionary<string, BenchDatabase> Prepared { get; } = [];

    public static IEnumerable<string> Databases => Prepared.Keys;

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = BenchDatabase.Sqlite;

    private BenchDatabase _db = null!;
    private Guid _agency;
    private Guid _government;
    private int _year;
    private string _agencySql = "";
    private string _governmentSql = "";

    [GlobalSetup]
    public void Setup()
    {
        _db = Prepared[Database];
        _agency = _db.Data.AgencyIds[_db.Data.AgencyIds.Count / 2];
        _government = _db.Data.GovernmentId;
        _year = _db.Data.Shape.LastYear;
        _agencySql = HandSql.Text(Database, government: false, perIndicator: false);
        _governmentSql = HandSql.Text(Database, government: true, perIndicator: false);
    }

    // The baselines compute every period the application's answer carries, each with the hand-written query: one agency's
    // recap shows the period, the previous one and the same period a year before (GetRecap.PeriodsOf), the government's the
    // period and the same period a year before (SamePeriodLastYearAchievement). The "period only" rows are the query for the
    // period alone, the baseline used until 2026-11-30, kept for comparison.
    [Benchmark, BenchmarkCategory(AgencyQuarter)]
    public Task<RecapDto> AgencyQuarterApp() => AppRecap.AgencyAsync(_db, _agency, $"{_year}-Q2");

    [Benchmark(Baseline = true), BenchmarkCategory(AgencyQuarter)]
    public Task<List<(Guid, decimal?)>> AgencyQuarterSql() => SqlAsync(_agencySql, _agency, (_year, 2), (_year, 1), (_year - 1, 2));

    [Benchmark, BenchmarkCategory(AgencyQuarter)]
    public Task<List<(Guid, decimal?)>> AgencyQuarterSqlPeriodOnly() => HandSql.RunAsync(_db, _agencySql, _agency, _year, 2);

    [Benchmark, BenchmarkCategory(AgencyYear)]
    public Task<RecapDto> AgencyYearApp() => AppRecap.AgencyAsync(_db, _agency, $"{_year}");

    [Benchmark(Baseline = true), BenchmarkCategory(AgencyYear)]
    public Task<List<(Guid, decimal?)>> AgencyYearSql() => SqlAsync(_agencySql, _agency, (_year, 4), (_year - 1, 4));

    [Benchmark, BenchmarkCategory(AgencyYear)]
    public Task<List<(Guid, decimal?)>> AgencyYearSqlPeriodOnly() => HandSql.RunAsync(_db, _agencySql, _agency, _year, 4);

    [Benchmark, BenchmarkCategory(GovernmentQuarter)]
    public Task<GovernmentRecapDto> GovernmentQuarterApp() => AppRecap.GovernmentAsync(_db, _government, $"{_year}-Q2");

    [Benchmark(Baseline = true), BenchmarkCategory(GovernmentQuarter)]
    public Task<List<(Guid, decimal?)>> GovernmentQuarterSql() => SqlAsync(_governmentSql, _government, (_year, 2), (_year - 1, 2));

    [Benchmark, BenchmarkCategory(GovernmentQuarter)]
    public Task<List<(Guid, decimal?)>> GovernmentQuarterSqlPeriodOnly() => HandSql.RunAsync(_db, _governmentSql, _government, _year, 2);

    [Benchmark, BenchmarkCategory(GovernmentYear)]
    public Task<GovernmentRecapDto> GovernmentYearApp() => AppRecap.GovernmentAsync(_db, _government, $"{_year}");

    [Benchmark(Baseline = true), BenchmarkCategory(GovernmentYear)]
    public Task<List<(Guid, decimal?)>> GovernmentYearSql() => SqlAsync(_governmentSql, _government, (_year, 4), (_year - 1, 4));

    [Benchmark, BenchmarkCategory(GovernmentYear)]
    public Task<List<(Guid, decimal?)>> GovernmentYearSqlPeriodOnly() => HandSql.RunAsync(_db, _governmentSql, _government, _year, 4);

    /// <summary>The hand-written query once for each period (year, quarter n), one after the other, as the figures of one answer.</summary>
    private async Task<List<(Guid, decimal?)>> SqlAsync(string sql, Guid scope, params (int Year, int N)[] periods)
    {
        var rows = new List<(Guid, decimal?)>();
        foreach (var (year, n) in periods) rows.AddRange(await HandSql.RunAsync(_db, sql, scope, year, n));
        return rows;
    }
}
