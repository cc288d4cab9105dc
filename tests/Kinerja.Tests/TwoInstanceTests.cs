using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kinerja.Features.Sop;
using Kinerja.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kinerja.Tests;

/// <summary>
/// Two server processes on one PostgreSQL database and one data folder (shared file store and data-protection keys), as
/// behind a load balancer. Both start at once on the empty database (migrations and demo seeding race); a sign-in on
/// one works on the other (bearer token, page cookie and antiforgery token); letters numbered through both at once get
/// unique consecutive numbers; a report PDF asked of both is converted once; late SOP steps are reminded once when both
/// look for them at the same moment.
/// </summary>
public sealed class TwoInstanceTests
{
    private const string Pasrujambe = "Kecamatan Pasrujambe";
    private const string Coordinator = "pasrujambe.kasubbag-pk";
    private const string Secretary = "pasrujambe.sekcam";

    [Fact]
    public async Task Two_servers_on_one_database_start_together_share_sign_ins_number_letters_once_and_run_each_job_once()
    {
        var log = TestContext.Current.TestOutputHelper;
        await using var db = await ScratchDatabase.CreateAsync(postgres: true);
        var a = ServerProcess.Start(db);
        var b = ServerProcess.Start(db);
        try
        {
            var started = await Task.WhenAll(a.WaitHealthyAsync(), b.WaitHealthyAsync());
            log?.WriteLine($"both started on the empty database: {started[0].TotalSeconds:F1} s and {started[1].TotalSeconds:F1} s");
            Guid agency;
            await using (var ctx = db.NewDbContext())
            {
                (await ctx.Agencies.CountAsync()).ShouldBe(6, "the demo agencies are seeded once");
                (await ctx.Users.CountAsync(u => u.UserName == "admin")).ShouldBe(1);
                agency = await ctx.Agencies.Where(x => x.Name == Pasrujambe).Select(x => x.Id).SingleAsync();
            }

            Directory.GetFiles(Path.Combine(db.DataDirectory, "keys"), "key-*.xml").Length.ShouldBe(1, "one data-protection key for both");

            // A bearer token issued by A is accepted by B.
            var token = await a.TokenAsync(Coordinator);
            using var onB = b.Client();
            onB.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            (await onB.GetJson("/api/v1/me")).GetProperty("userName").GetString().ShouldBe(Coordinator);

            // A page sign-in on A (cookie) is valid on B, and so is a form's antiforgery token from A.
            var cookies = new CookieContainer();
            using var pagesA = a.Client(cookies);
            using var pagesB = b.Client(cookies);
            var login = await pagesA.GetStringAsync("/Account/Login");
            (await pagesA.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = Coordinator, ["Password"] = KinerjaFixture.DemoPassword, ["__RequestVerificationToken"] = Http.FormToken(login),
            }))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await pagesB.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "B reads A's sign-in cookie");
            var formFromA = Http.FormToken(await pagesA.GetStringAsync("/"));
            (await pagesB.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "x" + formFromA })))
                .StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a forged token is refused");
            var logout = await pagesB.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = formFromA }));
            logout.StatusCode.ShouldBe(HttpStatusCode.Redirect, "B accepts A's antiforgery token");
            logout.Headers.Location!.ToString().ShouldContain("/Account/Login");

            // Letters numbered at the same moment through both servers: unique and consecutive.
            HttpClient[] coordinators = [await a.SignedInAsync(Coordinator), await b.SignedInAsync(Coordinator)];
            HttpClient[] secretaries = [await a.SignedInAsync(Secretary), await b.SignedInAsync(Secretary)];
            const int count = 20;
            var responses = await Task.WhenAll(Enumerable.Range(0, count).Select(n =>
                (n % 4 < 2 ? coordinators : secretaries)[n % 2].PostAsJsonAsync($"/api/v1/agencies/{agency}/letters", new { subject = $"Undangan rapat {n}" })));
            var sequences = new List<int>();
            foreach (var r in responses) sequences.Add((await r.Json(HttpStatusCode.Created)).GetProperty("sequence").GetInt32());
            sequences.Order().ShouldBe(Enumerable.Range(1, count), "every number from 1, once");

            // A report PDF asked of both servers at once is converted once, by one of them.
            var report = await coordinators[0].PostJson($"/api/v1/agencies/{agency}/reports", new { kind = "quarterly", period = "2026-Q3" }, HttpStatusCode.Created);
            var reportId = report.GetProperty("id").GetGuid();
            var asked = await Task.WhenAll(coordinators.Select(c => c.GetAsync($"/api/v1/reports/{reportId}/document.pdf")));
            asked.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Accepted);
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while ((await coordinators[1].GetAsync($"/api/v1/reports/{reportId}/document.pdf")).StatusCode == HttpStatusCode.Accepted)
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, "the PDF job did not finish");
                await Task.Delay(500);
            }

            (await coordinators[0].GetAsync($"/api/v1/reports/{reportId}/document.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var conversions = Count(a.Output + b.Output, "PDF of report version");
            conversions.ShouldBe(1, $"one conversion (each one logs a line):\nA:\n{a.Output}\nB:\n{b.Output}");

            // Late SOP steps: a round ordered 40 days ago; both servers restarted at once look for late steps as they start.
            var round = await coordinators[0].PostJson($"/api/v1/agencies/{agency}/rounds",
                new { period = "2026-Q1", sopTemplateId = "builtin-generic", disposition = new { text = "Harap kumpulkan data kinerja." }, deadline = "2026-04-10" },
                HttpStatusCode.Created);
            var roundId = round.GetProperty("id").GetGuid();
            await using (var ctx = db.NewDbContext())
            {
                await ctx.Rounds.Where(r => r.Id == roundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.OrderedAt, r => r.OrderedAt.AddDays(-40)));
                await ctx.RoundSteps.Where(r => r.RoundId == roundId && r.CompletedAt != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.CompletedAt, r => r.CompletedAt!.Value.AddDays(-40)));
            }

            a.Kill();
            b.Kill();
            a.Dispose();
            b.Dispose();
            a = ServerProcess.Start(db, a.Port);
            b = ServerProcess.Start(db, b.Port);
            started = await Task.WhenAll(a.WaitHealthyAsync(), b.WaitHealthyAsync());
            log?.WriteLine($"both restarted: {started[0].TotalSeconds:F1} s and {started[1].TotalSeconds:F1} s");
            var link = $"/Rounds/Details/{roundId}";
            await using (var ctx = db.NewDbContext())
            {
                // The reminder pass runs in the background right after start: wait for it, then give the other server's pass time too.
                deadline = DateTime.UtcNow.AddSeconds(30);
                int reminded;
                while ((reminded = await ctx.RoundSteps.AsNoTracking().CountAsync(s => s.RoundId == roundId && s.RemindedAt != null)) == 0)
                {
                    DateTime.UtcNow.ShouldBeLessThan(deadline, "the late steps were not reminded");
                    await Task.Delay(200);
                }

                await Task.Delay(TimeSpan.FromSeconds(3));
                var reminders = await ctx.Notifications.AsNoTracking().Where(n => n.Link == link && n.Template.Contains("terlambat"))
                    .Select(n => new { n.UserId, n.Template, n.ArgsJson }).ToListAsync();
                reminders.ShouldNotBeEmpty();
                reminders.GroupBy(n => n).ShouldAllBe(g => g.Count() == 1, "each person is reminded of each late step once");
                log?.WriteLine($"{reminded} late steps, {reminders.Count} reminders");
            }

            // The servers' passes above may have run one after the other. The claim itself, raced: four reminder passes at
            // the same moment, each with its own database session, a month later (the late step is escalated to superiors).
            await using (var app = KinerjaApp.CreateBuilder([$"--KINERJA_DATA_DIR={db.DataDirectory}", "--KINERJA_DATABASE=postgres",
                             $"--ConnectionStrings:Kinerja={db.ConnectionString}"]).Build())
            {
                // The key ring is made under the start-up lock only if StartupTasks starts before data protection's own start-up service.
                var hosted = app.Services.GetServices<IHostedService>().Select(h => h.GetType().Name).ToList();
                var keyRingWarmUp = hosted.FindIndex(n => n.Contains("DataProtection", StringComparison.Ordinal));
                keyRingWarmUp.ShouldBeGreaterThanOrEqualTo(0, string.Join(", ", hosted));
                hosted.IndexOf(nameof(StartupTasks)).ShouldBeLessThan(keyRingWarmUp, string.Join(", ", hosted));

                var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
                var racers = Enumerable.Range(0, 4).Select(_ => new StepReminders(scopes, new Shifted(TimeSpan.FromDays(30)), app.Configuration,
                    NullLogger<StepReminders>.Instance)).ToList();
                var sent = await Task.WhenAll(racers.Select(r => Task.Run(() => r.RunOnceAsync(CancellationToken.None))));
                await using var ctx = db.NewDbContext();
                var escalations = await ctx.Notifications.AsNoTracking().Where(n => n.Link == link && n.Template.Contains("masih terlambat"))
                    .Select(n => new { n.UserId, n.ArgsJson }).ToListAsync();
                sent.Sum().ShouldBeGreaterThan(0, "the late step is escalated");
                sent.Sum().ShouldBe(await ctx.RoundSteps.CountAsync(r => r.RoundId == roundId && r.EscalatedAt != null), "each late step escalated by one pass");
                escalations.ShouldNotBeEmpty();
                escalations.GroupBy(n => n).ShouldAllBe(g => g.Count() == 1, "each superior is told once");
                log?.WriteLine($"raced reminder passes sent {string.Join(", ", sent)}; {escalations.Count} escalation notices");
            }
        }
        finally
        {
            a.Dispose();
            b.Dispose();
        }
    }

    private sealed class Shifted(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;

        public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;
    }

    private static int Count(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
