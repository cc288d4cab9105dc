using System.Net;
using Kinerja.Features.Recap;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Tests;

/// <summary>
/// Government-wide recaps take turns (<see cref="GovernmentRecapTurns"/>): with one turn and one place in the queue (the
/// settings), the test holds the turn itself to see who waits, who is refused and who leaves the queue.
/// </summary>
public abstract class GovernmentRecapTurnsTests(KinerjaFixture f)
{
    /// <summary>The settings the fixtures below start the server with.</summary>
    public static void OneTurnOneWaiting(IWebHostBuilder builder)
    {
        builder.UseSetting("KINERJA_GOVERNMENT_RECAPS_AT_ONCE", "1");
        builder.UseSetting("KINERJA_GOVERNMENT_RECAP_QUEUE", "1");
    }

    private GovernmentRecapTurns Turns => f.Services.GetRequiredService<GovernmentRecapTurns>();

    private async Task<string> UrlAsync()
    {
        await using var db = f.NewDbContext();
        var lumajang = db.Governments.Single(g => g.Name == "Kabupaten Lumajang").Id;
        return $"/api/v1/governments/{lumajang}/recap?period=2026-Q2";
    }

    /// <summary>Waits until <paramref name="waiting"/> requests are in the queue (the server takes them on its own threads).</summary>
    private async Task WaitingAsync(long waiting)
    {
        for (var i = 0; Turns.Now().Waiting != waiting; i++)
        {
            if (i == 200) Turns.Now().Waiting.ShouldBe(waiting, "requests waiting for a turn");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task With_one_turn_two_recaps_asked_at_once_both_answer_the_same()
    {
        var auditor = await f.SignedInAsync("inspektorat.auditor");
        var url = await UrlAsync();
        var answers = await Task.WhenAll(auditor.GetAsync(url), auditor.GetAsync(url));
        answers.Select(a => a.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK]);
        (await answers[0].Content.ReadAsStringAsync()).ShouldBe(await answers[1].Content.ReadAsStringAsync());
        Turns.Now().ShouldBe((0, 0));
    }

    [Fact]
    public async Task A_recap_waits_for_its_turn_and_one_more_than_the_queue_holds_gets_503_with_retry_after()
    {
        var auditor = await f.SignedInAsync("inspektorat.auditor");
        var url = await UrlAsync();
        Task<HttpResponseMessage> waiting;
        using (await Turns.WaitAsync(CancellationToken.None))
        {
            waiting = auditor.GetAsync(url);
            await WaitingAsync(1);

            // The queue is full: the API answers at once, without waiting.
            var refused = await auditor.GetAsync(url);
            refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(10));
            var problem = await refused.Problem(HttpStatusCode.ServiceUnavailable);
            problem.GetProperty("title").GetString().ShouldBe("Server sedang sibuk menghitung rekap pemerintah daerah.");
            problem.GetProperty("detail").GetString().ShouldBe(
                "Terlalu banyak permintaan rekap seluruh perangkat daerah sedang menunggu giliran. Coba lagi dalam 10 detik.");

            // The page: the form with the message.
            var browser = await f.SignInPagesAsync("inspektorat.auditor");
            var page = await browser.GetAsync(url.Replace("/api/v1/governments/", "/Recap/Government?governmentId=", StringComparison.Ordinal)
                .Replace("/recap?", "&", StringComparison.Ordinal));
            page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            page.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(10));
            var html = await page.Content.ReadAsStringAsync();
            html.ShouldContain("Terlalu banyak permintaan rekap seluruh perangkat daerah sedang menunggu giliran. Coba lagi dalam 10 detik.");
            html.ShouldNotContain("data-testid=\"government-table\"");

            // A refused or unknown government does not wait: access is checked before the queue.
            (await auditor.GetAsync($"/api/v1/governments/{Guid.NewGuid()}/recap?period=2026")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            waiting.IsCompleted.ShouldBeFalse();
        }

        var answer = await waiting;
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        Turns.Now().ShouldBe((0, 0));
    }

    [Fact]
    public async Task A_waiting_recap_whose_client_gives_up_leaves_the_queue()
    {
        var auditor = await f.SignedInAsync("inspektorat.auditor");
        var url = await UrlAsync();
        Task<HttpResponseMessage> next;
        using (await Turns.WaitAsync(CancellationToken.None))
        {
            using var giveUp = new CancellationTokenSource();
            var abandoned = auditor.GetAsync(url, giveUp.Token);
            await WaitingAsync(1);
            await giveUp.CancelAsync();
            await Should.ThrowAsync<OperationCanceledException>(abandoned);
            await WaitingAsync(0);

            // Its place is free again: the next one waits instead of being refused.
            next = auditor.GetAsync(url);
            await WaitingAsync(1);
        }

        (await next).StatusCode.ShouldBe(HttpStatusCode.OK);
        Turns.Now().ShouldBe((0, 0));
    }
}

public sealed class GovernmentRecapTurnsTestsOnSqlite(GovernmentRecapTurnsTestsOnSqlite.OneTurnFixture f)
    : GovernmentRecapTurnsTests(f), IClassFixture<GovernmentRecapTurnsTestsOnSqlite.OneTurnFixture>
{
    public sealed class OneTurnFixture : SqliteFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            OneTurnOneWaiting(builder);
        }
    }
}

public sealed class GovernmentRecapTurnsTestsOnPostgres(GovernmentRecapTurnsTestsOnPostgres.OneTurnFixture f)
    : GovernmentRecapTurnsTests(f), IClassFixture<GovernmentRecapTurnsTestsOnPostgres.OneTurnFixture>
{
    public sealed class OneTurnFixture : PostgresFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            OneTurnOneWaiting(builder);
        }
    }
}
