using System.Globalization;
using System.Threading.RateLimiting;
using Kinerja.Domain.Common;
using Kinerja.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace Kinerja.Features.Recap;

/// <summary>
/// The queue that government-wide recaps (<see cref="GetGovernmentRecap"/>: the API and the page) take turns in. Each
/// holds a whole government's raw material while it computes (about 30 MB for a province of 40 agencies x 750 indicators),
/// so a few people opening the province recap at once would multiply the server's memory (docs/performance.md). At most
/// <see cref="GovernmentRecapLimits.AtOnce"/> are computed at once per process; the others wait their turn in order of
/// arrival, and one whose client gives up leaves the queue. With more than <see cref="GovernmentRecapLimits.Queue"/>
/// waiting, the next gets 503 with Retry-After. Like <see cref="WorksheetWrites"/>, a concurrency limiter; it is taken by
/// the handler, after the access check, so a refused or unknown government never waits.
/// </summary>
public sealed class GovernmentRecapTurns(KinerjaSettings settings) : IDisposable
{
    /// <summary>What a 503 asks the client to wait: about what a full queue takes to drain on a small server.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = settings.GovernmentRecaps.AtOnce,
        QueueLimit = settings.GovernmentRecaps.Queue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>
    /// Waits for a turn (dispose it when the recap is computed); cancelled, and out of the queue, when <paramref name="ct"/> is.
    /// A full queue: the 503 problem, with Retry-After.
    /// </summary>
    public async Task<IDisposable> WaitAsync(CancellationToken ct)
    {
        var lease = await _limiter.AcquireAsync(1, ct);
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        throw new AppProblem(StatusCodes.Status503ServiceUnavailable, new Text("Server sedang sibuk menghitung rekap pemerintah daerah."),
            new Text("Terlalu banyak permintaan rekap seluruh perangkat daerah sedang menunggu giliran. Coba lagi dalam {0} detik.", (int)RetryAfter.TotalSeconds))
        {
            Headers = new Dictionary<string, string> { [HeaderNames.RetryAfter] = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture) },
        };
    }

    /// <summary>Turns in use and requests waiting (for tests and diagnostics).</summary>
    public (long Computing, long Waiting) Now()
    {
        var s = _limiter.GetStatistics()!;
        return (settings.GovernmentRecaps.AtOnce - s.CurrentAvailablePermits, s.CurrentQueuedCount);
    }

    public void Dispose() => _limiter.Dispose();
}
