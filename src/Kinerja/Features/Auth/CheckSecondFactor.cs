using System.Globalization;
using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Auth;

public enum SecondFactor
{
    Valid,
    Wrong,
    LockedOut,

    /// <summary>A right authenticator code, but of a time step not later than the last one accepted (used already).</summary>
    Used,
}

/// <summary>
/// Checks the second step of a sign-in (or of a change of two-step verification): a 6-digit code from the user's
/// authenticator app (RFC 6238, Identity's authenticator token provider) or one of their one-time recovery codes, which is
/// used up. A wrong code counts towards lockout like a wrong password; a right one resets the count.
/// An authenticator code is accepted once: its time step (<see cref="TotpSteps"/>) must be later than the last one accepted,
/// kept per user in AspNetUserTokens (Kinerja / LastTotpStep). A code used again, also by a simultaneous request, is
/// refused as <see cref="SecondFactor.Used"/> and counts as a failure.
/// </summary>
public sealed class CheckSecondFactor(UserManager<AppUser> users, KinerjaDbContext db)
{
    public const string TokenProvider = "Kinerja";
    public const string LastStepToken = "LastTotpStep";

    public async Task<SecondFactor> HandleAsync(AppUser user, string? code, bool allowRecoveryCode = true)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await users.IsLockedOutAsync(user)) return SecondFactor.LockedOut;
        var typed = (code ?? string.Empty).Trim();
        var digits = typed.Replace(" ", string.Empty, StringComparison.Ordinal);
        var result = SecondFactor.Wrong;
        if (digits.Length == 6 && digits.All(char.IsAsciiDigit))
        {
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
            {
                // Identity does not say which step matched: find it from the key the same way, on the clock Identity reads
                // (the system clock, not an injected TimeProvider). This runs an instant later, so a code at the very edge
                // of the window may be gone; it then counts as wrong, and the next one works.
                var key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
                if (TotpSteps.MatchingStep(key, digits, DateTimeOffset.UtcNow) is { } step)
                {
                    result = await ClaimStepAsync(user.Id, step) ? SecondFactor.Valid : SecondFactor.Used;
                }
            }
        }
        else if (allowRecoveryCode && typed.Length > 0 && (await users.RedeemTwoFactorRecoveryCodeAsync(user, typed.ToUpperInvariant())).Succeeded)
        {
            result = SecondFactor.Valid;
        }

        if (result == SecondFactor.Valid)
        {
            await users.ResetAccessFailedCountAsync(user);
            return SecondFactor.Valid;
        }

        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? SecondFactor.LockedOut : result;
    }

    /// <summary>
    /// Records <paramref name="step"/> as the user's last accepted step if it is later than the one recorded; false if not.
    /// Race-safe through single conditional statements instead of read-then-save: the first step is inserted with
    /// ON CONFLICT DO NOTHING (the primary key lets only one of two simultaneous inserts through); a later one replaces the
    /// value only WHERE it is still the value read (compare-and-swap: PostgreSQL re-checks the condition after waiting for a
    /// concurrent update's row lock; SQLite has one writer at a time). A request that changed no row lost the race and
    /// compares again with the winner's step. The statements bypass the audit trail on purpose: the step is bookkeeping of
    /// sign-ins, not a change of the user's settings (and its value would be masked there).
    /// </summary>
    private async Task<bool> ClaimStepAsync(Guid userId, long step)
    {
        var value = step.ToString(CultureInfo.InvariantCulture);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var last = await db.UserTokens.AsNoTracking()
                .Where(t => t.UserId == userId && t.LoginProvider == TokenProvider && t.Name == LastStepToken)
                .Select(t => t.Value).FirstOrDefaultAsync();
            if (last is null)
            {
                var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO "AspNetUserTokens" ("UserId", "LoginProvider", "Name", "Value")
                    VALUES ({userId}, {TokenProvider}, {LastStepToken}, {value}) ON CONFLICT DO NOTHING
                    """);
                if (inserted == 1) return true;
                continue;
            }

            if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep) return false;
            var updated = await db.UserTokens
                .Where(t => t.UserId == userId && t.LoginProvider == TokenProvider && t.Name == LastStepToken && t.Value == last)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value));
            if (updated == 1) return true;
        }

        return false;
    }

    public static Text CodeNeededTitle { get; } = new Text("Kode verifikasi diperlukan.");

    public static Text CodeNeededDetail { get; } =
        new Text("Akun ini memakai verifikasi dua langkah. Kirim juga kode 6 digit dari aplikasi autentikator (kolom otp) atau salah satu kode pemulihan.");

    public static Text WrongCodeTitle { get; } = new Text("Kode verifikasi salah.");

    public static Text WrongCodeDetail { get; } =
        new Text("Periksa kode 6 digit di aplikasi autentikator (jam ponsel harus tepat) atau pakai kode pemulihan. Akun dikunci sementara setelah {0} kali gagal.", SignInRules.MaxFailedAttempts);

    public static Text UsedCodeTitle { get; } = new Text("Kode verifikasi sudah dipakai.");

    public static Text UsedCodeDetail { get; } =
        new Text("Kode ini sudah dipakai dan tidak berlaku lagi. Tunggu kode berikutnya di aplikasi autentikator (berganti setiap 30 detik), lalu masukkan kode itu.");

    public static Text LockedOutTitle { get; } = new Text("Akun dikunci sementara.");

    public static Text LockedOutDetail { get; } =
        new Text("Terlalu banyak percobaan gagal. Coba lagi setelah {0} menit atau hubungi administrator.", SignInRules.LockoutMinutes);

    public static AppProblem LockedOut() => new(StatusCodes.Status401Unauthorized, LockedOutTitle, LockedOutDetail);

    public static AppProblem Used() => new(StatusCodes.Status401Unauthorized, UsedCodeTitle, UsedCodeDetail);
}
