using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Tests;

/// <summary>
/// The real server is killed with SIGKILL in the middle of a burst of writes (worksheet cells from several units at once,
/// comments from the coordinator). After a restart on the same data every write it acknowledged is there, the audit
/// chain verifies, SQLite's integrity check passes and the server answers /health. On SQLite this is the claim of
/// WAL with synchronous=NORMAL (SqlitePragmas): a process death loses no committed transaction.
/// bench/durability/kill-under-load.sh runs the same for a person, several times over.
/// </summary>
public abstract class DurabilityTests(bool postgres)
{
    private const string Pasrujambe = "Kecamatan Pasrujambe";
    private static readonly string[] Fillers = ["pasrujambe.kasi-pem", "pasrujambe.staf-pem", "pasrujambe.kasi-kesos", "pasrujambe.kasubbag-umum", "pasrujambe.staf-pk"];

    /// <summary>One line written by one writer, in sequence 1, 2, 3, ...: the last value sent and the last one acknowledged.</summary>
    private sealed class LineWriter(HttpClient client, string sheet, string line)
    {
        public HttpClient Client { get; } = client;
        public string Sheet { get; } = sheet;
        public string Line { get; } = line;
        public int Sent { get; set; }
        public int Acked { get; set; }
    }

    [Fact]
    public async Task Every_acknowledged_write_survives_a_SIGKILL_under_load()
    {
        var log = TestContext.Current.TestOutputHelper;
        await using var db = await ScratchDatabase.CreateAsync(postgres);
        using (var server = ServerProcess.Start(db))
        {
            var firstStart = await server.WaitHealthyAsync();
            log?.WriteLine($"first start (migrations, demo seeding): {firstStart.TotalSeconds:F1} s");
            await using var ctx = db.NewDbContext();
            var agency = await ctx.Agencies.Where(a => a.Name == Pasrujambe).Select(a => a.Id).SingleAsync();
            var coordinator = await server.SignedInAsync("pasrujambe.kasubbag-pk");
            var round = await coordinator.PostJson($"/api/v1/agencies/{agency}/rounds",
                new { period = "2026-Q1", sopTemplateId = "builtin-generic", disposition = new { text = "Uji ketahanan: isi kertas kerja." }, deadline = "2026-04-10" },
                HttpStatusCode.Created);
            var roundId = round.GetProperty("id").GetString();

            // One writer per line, each line of each unit's worksheet written by one of the unit's people.
            var writers = new List<LineWriter>();
            var taken = new HashSet<string>();
            foreach (var user in Fillers)
            {
                var client = await server.SignedInAsync(user);
                foreach (var sheet in (await client.GetJson($"/api/v1/rounds/{roundId}/worksheets")).EnumerateArray())
                {
                    var sheetId = sheet.GetProperty("id").GetString()!;
                    var lines = (await client.GetJson($"/api/v1/worksheets/{sheetId}")).GetProperty("lines").EnumerateArray()
                        .Select(l => l.GetProperty("lineId").GetString()!).Where(taken.Add).Take(3);
                    writers.AddRange(lines.Select(l => new LineWriter(client, sheetId, l)));
                }
            }

            writers.Count.ShouldBeGreaterThanOrEqualTo(5, "enough lines to write concurrently");
            var commentLine = writers[0];
            var ackedComments = new List<string>();
            var refused = new List<string>();
            using var stop = new CancellationTokenSource();

            async Task WriteLineAsync(LineWriter w)
            {
                while (!stop.IsCancellationRequested)
                {
                    var value = w.Sent + 1;
                    w.Sent = value;
                    HttpResponseMessage response;
                    try
                    {
                        response = await w.Client.PutAsJsonAsync($"/api/v1/worksheets/{w.Sheet}/lines/{w.Line}", new { realization = value });
                    }
                    catch (HttpRequestException)
                    {
                        return; // killed while in flight, or refused after: the server is gone
                    }

                    if (response.IsSuccessStatusCode) w.Acked = value;
                    else
                    {
                        var why = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                        lock (refused) refused.Add(why);
                    }
                }
            }

            async Task WriteCommentsAsync(int writer)
            {
                for (var n = 1; !stop.IsCancellationRequested; n++)
                {
                    var text = $"Komentar uji {writer}-{n}";
                    HttpResponseMessage response;
                    try
                    {
                        response = await coordinator.PostAsJsonAsync($"/api/v1/worksheets/{commentLine.Sheet}/lines/{commentLine.Line}/comments", new { text });
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }

                    if (response.IsSuccessStatusCode) lock (ackedComments) ackedComments.Add(text);
                    else
                    {
                        var why = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                        lock (refused) refused.Add(why);
                    }
                }
            }

            var load = writers.Select(WriteLineAsync).Concat([WriteCommentsAsync(1), WriteCommentsAsync(2)]).ToList();
            await Task.Delay(TimeSpan.FromSeconds(3));
            server.Kill(); // SIGKILL in the middle of the load: requests are in flight
            await Task.WhenAll(load).WaitAsync(TimeSpan.FromSeconds(30));

            refused.ShouldBeEmpty("no write was refused under load");
            var ackedCells = writers.Sum(w => w.Acked);
            var inFlight = writers.Count(w => w.Sent > w.Acked);
            log?.WriteLine($"{writers.Count} line writers + 2 comment writers for 3 s: {ackedCells} cell saves and {ackedComments.Count} comments acknowledged, " +
                           $"{inFlight} cell saves in flight at the kill");
            ackedCells.ShouldBeGreaterThan(writers.Count, "the load really ran");

            if (!postgres) (await IntegrityCheckAsync(db)).ShouldBe("ok", "the database as the killed process left it");

            using var restarted = ServerProcess.Start(db);
            var again = await restarted.WaitHealthyAsync();
            log?.WriteLine($"restart after the kill to /health 200: {again.TotalSeconds:F1} s");

            var check = await restarted.SignedInAsync("pasrujambe.kasubbag-pk");
            foreach (var w in writers)
            {
                var sheet = await check.GetJson($"/api/v1/worksheets/{w.Sheet}");
                var line = sheet.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("lineId").GetString() == w.Line);
                var stored = line.GetProperty("realization").ValueKind == JsonValueKind.Null ? 0 : line.GetProperty("realization").GetDecimal();
                // The last acknowledged value, or the one sent after it that was in flight at the kill.
                stored.ShouldBeOneOf([w.Acked, w.Sent], $"line {w.Line}: acknowledged {w.Acked}, sent {w.Sent}");
            }

            var comments = (await check.GetJson($"/api/v1/worksheets/{commentLine.Sheet}")).GetProperty("lines").EnumerateArray()
                .Single(l => l.GetProperty("lineId").GetString() == commentLine.Line).GetProperty("comments").EnumerateArray()
                .Select(c => c.GetProperty("text").GetString()!).ToHashSet();
            ackedComments.ShouldAllBe(c => comments.Contains(c), "every acknowledged comment is stored");

            var (code, output) = await db.RunCliAsync("audit", "verify");
            code.ShouldBe(0, output);
            output.ShouldContain("Jejak audit utuh");
        }

        if (!postgres) (await IntegrityCheckAsync(db)).ShouldBe("ok");
    }

    private static async Task<string> IntegrityCheckAsync(ScratchDatabase db)
    {
        await using var conn = new SqliteConnection($"Data Source={db.SqliteFile};Pooling=False");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check;";
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}

public sealed class DurabilityTestsOnSqlite() : DurabilityTests(postgres: false);

public sealed class DurabilityTestsOnPostgres() : DurabilityTests(postgres: true);
