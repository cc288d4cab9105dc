using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kinerja.Features.Auth;

/// <param name="Otp">With two-step verification on: the 6-digit code of the authenticator app, or a recovery code.</param>
public sealed record TokenRequest(string? Username, string? Password, string? Otp = null);

public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Exchanges a user name and password (and, with two-step verification on, a code) for a bearer token (opaque, protected
/// by the shared data-protection keys). Attempts are limited per client address and per user name (<see cref="SignInThrottle"/>);
/// failed passwords and codes count towards lockout exactly as in the sign-in page.
/// </summary>
public sealed class IssueToken(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    CheckSecondFactor secondFactor,
    SignInThrottle throttle,
    IHttpContextAccessor http,
    IOptionsMonitor<BearerTokenOptions> bearerOptions,
    TimeProvider clock)
{
    public async Task<TokenResponse> HandleAsync(TokenRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (http.HttpContext is { } context && throttle.Refuse(context, request.Username) is { } wait) throw SignInThrottle.TooMany(wait);

        var user = string.IsNullOrWhiteSpace(request.Username) ? null : await users.FindByNameAsync(request.Username.Trim());
        if (string.IsNullOrEmpty(request.Password)) throw Unauthorized();
        if (user is null)
        {
            UnknownUser.SpendPasswordCheck(users.PasswordHasher, request.Password);
            throw Unauthorized();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut) throw CheckSecondFactor.LockedOut();
        if (!result.Succeeded) throw Unauthorized();

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrWhiteSpace(request.Otp))
            {
                throw new AppProblem(StatusCodes.Status401Unauthorized, CheckSecondFactor.CodeNeededTitle, CheckSecondFactor.CodeNeededDetail);
            }

            switch (await secondFactor.HandleAsync(user, request.Otp))
            {
                case SecondFactor.LockedOut: throw CheckSecondFactor.LockedOut();
                case SecondFactor.Used: throw CheckSecondFactor.Used();
                case SecondFactor.Wrong: throw new AppProblem(StatusCodes.Status401Unauthorized, CheckSecondFactor.WrongCodeTitle, CheckSecondFactor.WrongCodeDetail);
            }
        }

        return await TokenForAsync(user);
    }

    /// <summary>
    /// The bearer token of a user whose sign-in has been checked. Also used by the load tools (bench/Kinerja.Surge), which
    /// give a thousand generated people their tokens without a thousand password hashes.
    /// </summary>
    public async Task<TokenResponse> TokenForAsync(AppUser user)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var options = bearerOptions.Get(IdentityConstants.BearerScheme);
        var now = clock.GetUtcNow();
        var expires = now + options.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, IdentityConstants.BearerScheme)),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expires },
            IdentityConstants.BearerScheme);
        return new TokenResponse(options.BearerTokenProtector.Protect(ticket), expires);
    }

    private static AppProblem Unauthorized() =>
        new(StatusCodes.Status401Unauthorized, new Text("Nama pengguna atau kata sandi salah."),
            new Text("Periksa nama pengguna dan kata sandi. Akun dikunci sementara setelah {0} kali gagal.", SignInRules.MaxFailedAttempts));
}

/// <summary>
/// A sign-in with a user name that does not exist still takes the time of a password check, so the answer's timing
/// does not tell which user names exist.
/// </summary>
public static class UnknownUser
{
    private static readonly Lazy<string> Hash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), "Kinerja#" + Guid.NewGuid()));

    public static void SpendPasswordCheck(IPasswordHasher<AppUser> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        hasher.VerifyHashedPassword(new AppUser(), Hash.Value, password);
    }
}

public static class SignInRules
{
    public const int MaxFailedAttempts = 5;
    public const int LockoutMinutes = 15;
}
