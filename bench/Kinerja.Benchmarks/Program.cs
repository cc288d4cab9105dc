using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Kinerja.Benchmarks;

// The recap against hand-written SQL (docs/performance.md). Own options, before BenchmarkDotNet's:
//   --agencies N    size of the government (default 40 agencies x 60 indicators x 4 quarters x 5 years)
//   --national      499 more governments of the same size with the last year only: 4.8 million worksheet values in that year
//   --only KIND     only one database: sqlite or postgres
//   --documents     only the annual report's DOCX against LibreOffice's PDF of it (DocumentBenchmarks; no database)
//   --verify-only   generate, load and check that the application and the SQL agree; no timing
//   --dump FOLDER   also write the JSON of every agency's and the government's recap for several periods, with and
//                   without unverified values, into FOLDER (to compare two builds of the recap byte for byte)
// PostgreSQL runs too when KINERJA_BENCH_POSTGRES (or KINERJA_TEST_POSTGRES) names a server that may create databases;
// KINERJA_BENCH_KEEP=1 keeps the loaded database, KINERJA_BENCH_REUSE=name times a kept one again without loading it.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("id-ID");
var rest = args.ToList();
var agencies = 40;
var at = rest.IndexOf("--agencies");
if (at >= 0)
{
    agencies = int.Parse(rest[at + 1], CultureInfo.InvariantCulture);
    rest.RemoveRange(at, 2);
}

var only = rest.IndexOf("--only") is var o and >= 0 ? rest[o + 1] : null;
if (only is not null) rest.RemoveRange(rest.IndexOf("--only"), 2);
var national = rest.Remove("--national");
var verifyOnly = rest.Remove("--verify-only");
var dump = rest.IndexOf("--dump") is var d and >= 0 ? rest[d + 1] : null;
if (dump is not null) rest.RemoveRange(rest.IndexOf("--dump"), 2);
if (!rest.Contains("--filter")) rest.AddRange(["--filter", "*"]);

if (rest.Remove("--documents"))
{
    var documents = BenchmarkSwitcher.FromTypes([typeof(DocumentBenchmarks)]).Run([.. rest], Config());
    return documents.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

var clock = Stopwatch.StartNew();
var data = DataSet.Generate(new DataShape(Agencies: agencies, OtherGovernments: national ? DataShape.NationalOthers : 0));
Console.WriteLine(FormattableString.Invariant($"Data set: {data.Shape}; generated in {clock.Elapsed.TotalSeconds:F1} s."));
var kinds = (BenchDatabase.PostgresServer is null ? new[] { BenchDatabase.Sqlite } : [BenchDatabase.Sqlite, BenchDatabase.Postgres])
    .Where(k => only is null || k == only).ToArray();
if (kinds.Length == 0) throw new InvalidOperationException($"No database to run: --only {only} (PostgreSQL needs KINERJA_BENCH_POSTGRES).");
try
{
    foreach (var kind in kinds)
    {
        var db = await BenchDatabase.CreateAsync(kind, data, Console.Out);
        RecapBenchmarks.Prepared[kind] = db;
        await Agreement.CheckAsync(db, Console.Out);
        if (dump is not null) await AppRecap.DumpAsync(db, Path.Combine(dump, kind), Console.Out);
    }

    if (verifyOnly) return 0;

    var summaries = BenchmarkSwitcher.FromTypes([typeof(RecapBenchmarks), typeof(RecapPartsBenchmarks)]).Run([.. rest], Config());
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}
catch (Agreement.DisagreementException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
finally
{
    foreach (var db in RecapBenchmarks.Prepared.Values) await db.DisposeAsync();
}

// In-process (no generated project to build), a short job for a 2-core machine: 3 warm-up and 3 measured iterations.
static IConfig Config() => ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default);
