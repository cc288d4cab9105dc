using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Kinerja.Features.Auth;

public enum SecondFactor
{
    Valid,
    Wrong,
    LockedOut,
}

/// <summary>
/// Checks the second step of a sign-in (or of turning two-step verification off): a 6-digit code from the user's
/// authenticator app (RFC 6238, Identity's authenticator token provider) or one of their one-time recovery codes, which is
/// used up. A wrong code counts towards lockout like a wrong password; a right one resets the count.
/// </summary>
public sealed class CheckSecondFactor(UserManager<AppUser> users)
{
    public async Task<SecondFactor> HandleAsync(AppUser user, string? code, bool allowRecoveryCode = true)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await users.IsLockedOutAsync(user)) return SecondFactor.LockedOut;
        var typed = (code ?? string.Empty).Trim();
        var digits = typed.Replace(" ", string.Empty, StringComparison.Ordinal);
        var valid = digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits)
            : allowRecoveryCode && typed.Length > 0 && (await users.RedeemTwoFactorRecoveryCodeAsync(user, typed.ToUpperInvariant())).Succeeded;
        if (valid)
        {
            await users.ResetAccessFailedCountAsync(user);
            return SecondFactor.Valid;
        }

        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? SecondFactor.LockedOut : SecondFactor.Wrong;
    }

    public static Text CodeNeededTitle { get; } = new Text("Kode verifikasi diperlukan.");

    public static Text CodeNeededDetail { get; } =
        new Text("Akun ini memakai verifikasi dua langkah. Kirim juga kode 6 digit dari aplikasi autentikator (kolom otp) atau salah satu kode pemulihan.");

    public static Text WrongCodeTitle { get; } = new Text("Kode verifikasi salah.");

    public static Text WrongCodeDetail { get; } =
        new Text("Periksa kode 6 digit di aplikasi autentikator (jam ponsel harus tepat) atau pakai kode pemulihan. Akun dikunci sementara setelah {0} kali gagal.", SignInRules.MaxFailedAttempts);

    public static Text LockedOutTitle { get; } = new Text("Akun dikunci sementara.");

    public static Text LockedOutDetail { get; } =
        new Text("Terlalu banyak percobaan gagal. Coba lagi setelah {0} menit atau hubungi administrator.", SignInRules.LockoutMinutes);

    public static AppProblem LockedOut() => new(StatusCodes.Status401Unauthorized, LockedOutTitle, LockedOutDetail);
}
