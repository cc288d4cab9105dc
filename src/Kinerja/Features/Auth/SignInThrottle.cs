using System.Globalization;
using System.Threading.RateLimiting;
using Kinerja.Domain.Common;
using Kinerja.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace Kinerja.Features.Auth;

/// <summary>
/// Limits sign-in attempts (the login page's posts and POST /api/v1/auth/token) with .NET's rate limiters: one fixed window
/// per client address, which slows a password spray over many accounts, chained with one per user name, which slows the
/// hammering of one account before and during its lockout. An attempt over either limit gets 429 with Retry-After.
/// Not ASP.NET Core's rate-limiting middleware: its partition is chosen before the body is read, and the user name is in the body.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<Attempt> _limiter;
    private readonly PartitionedRateLimiter<Attempt> _byAddress;
    private readonly PartitionedRateLimiter<Attempt> _byUser;
    private readonly PartitionedRateLimiter<Guid> _codeChecks;
    private readonly TimeSpan _window;

    public SignInThrottle(KinerjaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var limits = settings.SignIn;
        _window = limits.Window;
        FixedWindowRateLimiterOptions Window(int permits) =>
            new() { PermitLimit = permits, Window = limits.Window, QueueLimit = 0, AutoReplenishment = true };
        _byAddress = PartitionedRateLimiter.Create<Attempt, string>(a =>
            RateLimitPartition.GetFixedWindowLimiter(a.Address, _ => Window(limits.PerAddress)));
        _byUser = PartitionedRateLimiter.Create<Attempt, string>(a => a.User.Length == 0
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetFixedWindowLimiter(a.User, _ => Window(limits.PerUser)));
        _limiter = PartitionedRateLimiter.CreateChained(_byAddress, _byUser);
        _codeChecks = PartitionedRateLimiter.Create<Guid, Guid>(user => RateLimitPartition.GetFixedWindowLimiter(user, _ => Window(limits.PerUser)));
    }

    /// <summary>
    /// Counts one check of a two-step code by the signed-in user <paramref name="userId"/> on the two-step settings page
    /// (turning it on or off, new recovery codes): as many per window as sign-in attempts per user name, kept apart from
    /// those. Null when allowed, otherwise how long to wait.
    /// </summary>
    public TimeSpan? RefuseCodeCheck(Guid userId)
    {
        using var lease = _codeChecks.AttemptAcquire(userId);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : _window;
    }

    /// <summary>Counts one attempt from the request's client for <paramref name="userName"/>; null when allowed, otherwise how long to wait.</summary>
    public TimeSpan? Refuse(HttpContext http, string? userName)
    {
        ArgumentNullException.ThrowIfNull(http);
        var attempt = new Attempt(http.Connection.RemoteIpAddress?.ToString() ?? "-", userName?.Trim().ToUpperInvariant() ?? string.Empty);
        using var lease = _limiter.AttemptAcquire(attempt);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : _window;
    }

    /// <summary>Whole seconds to wait, at least one (the Retry-After value).</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static Text Title { get; } = new Text("Terlalu banyak percobaan masuk.");

    public static Text CodeChecksTitle { get; } = new Text("Terlalu banyak percobaan kode verifikasi.");

    public static Text Detail(TimeSpan wait) => new Text("Tunggu {0} detik lalu coba lagi.", Seconds(wait));

    /// <summary>The 429 problem to throw, with Retry-After.</summary>
    public static AppProblem TooMany(TimeSpan wait) =>
        new(StatusCodes.Status429TooManyRequests, Title, Detail(wait))
        {
            Headers = new Dictionary<string, string> { [HeaderNames.RetryAfter] = Seconds(wait).ToString(CultureInfo.InvariantCulture) },
        };

    public void Dispose()
    {
        _limiter.Dispose();
        _byAddress.Dispose();
        _byUser.Dispose();
        _codeChecks.Dispose();
    }

    private readonly record struct Attempt(string Address, string User);
}
