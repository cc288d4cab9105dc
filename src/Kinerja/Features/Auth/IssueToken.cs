using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kinerja.Features.Auth;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Exchanges a user name and password for a bearer token (opaque, protected by the shared
/// data-protection keys). Failures count towards lockout exactly as in the sign-in page.
/// </summary>
public sealed class IssueToken(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IOptionsMonitor<BearerTokenOptions> bearerOptions,
    TimeProvider clock)
{
    public async Task<TokenResponse> HandleAsync(TokenRequest request, CancellationToken ct = default)
    {
        var user = string.IsNullOrWhiteSpace(request.Username) ? null : await users.FindByNameAsync(request.Username.Trim());
        if (user is null || string.IsNullOrEmpty(request.Password)) throw Unauthorized();

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            throw new AppProblem(StatusCodes.Status401Unauthorized, new Text("Akun dikunci sementara."),
                new Text("Terlalu banyak percobaan gagal. Coba lagi setelah {0} menit atau hubungi administrator.", SignInRules.LockoutMinutes));
        }

        if (!result.Succeeded) throw Unauthorized();

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

public static class SignInRules
{
    public const int MaxFailedAttempts = 5;
    public const int LockoutMinutes = 15;
}
