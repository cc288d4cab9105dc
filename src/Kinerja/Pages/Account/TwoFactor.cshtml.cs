using System.Globalization;
using System.Text;
using Kinerja.Data;
using Kinerja.Documents;
using Kinerja.Features.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Account;

/// <summary>
/// Two-step verification of the signed-in user (RFC 6238 codes from an authenticator app): shows the key and its QR code,
/// turns it on after one right code and shows one-time recovery codes once; makes a new set of recovery codes and turns
/// it off with a current code (each code of the app is accepted once, see <see cref="CheckSecondFactor"/>). The audit
/// trail records the change of TwoFactorEnabled; the key and recovery codes are stored as user tokens, whose values it masks.
/// </summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, CheckSecondFactor secondFactor, SignInThrottle throttle)
    : KinerjaPage
{
    public const int RecoveryCodeCount = 10;

    [BindProperty] public string? Code { get; set; }

    public bool Enabled { get; private set; }

    /// <summary>The key in groups of four, for typing into the app.</summary>
    public string? SharedKey { get; private set; }

    /// <summary>otpauth:// URI of the key, and the same as a QR code (PNG data URI).</summary>
    public string? AuthenticatorUri { get; private set; }

    public string? QrCode { get; private set; }

    /// <summary>Shown once, right after turning two-step verification on.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public int RecoveryCodesLeft { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!user.TwoFactorEnabled)
        {
            // Only a code of the app proves the key was stored; a recovery code does not exist yet.
            if (!await CodeAcceptedAsync(user, allowRecoveryCode: false,
                    M["Kode tidak cocok. Pastikan kunci sudah disimpan di aplikasi dan jam ponsel tepat, lalu masukkan kode yang sedang tampil."]))
            {
                await LoadAsync(user);
                return Page();
            }

            await users.SetTwoFactorEnabledAsync(user, true);
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
            await signIn.RefreshSignInAsync(user); // the security stamp changed
            Done = M["Verifikasi dua langkah aktif. Mulai sekarang Kinerja meminta kode setiap kali Anda masuk."];
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (user.TwoFactorEnabled)
        {
            if (!await CodeAcceptedAsync(user, allowRecoveryCode: true,
                    M["Kode tidak cocok. Masukkan kode yang sedang tampil di aplikasi autentikator atau salah satu kode pemulihan."]))
            {
                await LoadAsync(user);
                return Page();
            }

            await users.SetTwoFactorEnabledAsync(user, false);
            // A new key next time, and the recovery codes of this one are void.
            await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
            await users.RemoveAuthenticationTokenAsync(user, CheckSecondFactor.TokenProvider, CheckSecondFactor.LastStepToken); // steps of the old key
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            Done = M["Verifikasi dua langkah dimatikan."];
        }

        await LoadAsync(user);
        return Page();
    }

    /// <summary>
    /// A new set of recovery codes (after using some, or when the printed ones may have been seen), for a current code of
    /// the app; the old ones stop working and the new ones are shown once. The audit trail records the change of the
    /// recovery codes token, with its value masked.
    /// </summary>
    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (user.TwoFactorEnabled
            && await CodeAcceptedAsync(user, allowRecoveryCode: false, M["Kode tidak cocok. Masukkan kode yang sedang tampil di aplikasi autentikator."]))
        {
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
            Done = M["Kode pemulihan baru sudah dibuat. Kode pemulihan yang lama tidak berlaku lagi."];
        }

        await LoadAsync(user);
        return Page();
    }

    /// <summary>
    /// Checks <see cref="Code"/>; when it is not accepted, says why next to the field. Checks are limited per user like sign-in
    /// attempts per user name (<see cref="SignInThrottle.RefuseCodeCheck"/>): over the limit the page answers 429 with Retry-After
    /// and says when to try again, and the code is not checked (nor counted towards lockout).
    /// </summary>
    private async Task<bool> CodeAcceptedAsync(AppUser user, bool allowRecoveryCode, string wrong)
    {
        if (throttle.RefuseCodeCheck(user.Id) is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = SignInThrottle.Seconds(wait).ToString(CultureInfo.InvariantCulture);
            ModelState.AddModelError(nameof(Code), M[SignInThrottle.CodeChecksTitle] + " " + M[SignInThrottle.Detail(wait)]);
            return false;
        }

        var result = await secondFactor.HandleAsync(user, Code, allowRecoveryCode);
        if (result == SecondFactor.Valid) return true;
        ModelState.AddModelError(nameof(Code), result switch
        {
            SecondFactor.Used => M[CheckSecondFactor.UsedCodeDetail],
            SecondFactor.LockedOut => M[CheckSecondFactor.LockedOutDetail],
            _ => wrong,
        });
        return false;
    }

    /// <summary>The page again after a refused post (see <see cref="KinerjaPage.OnPageHandlerExecutionAsync"/>).</summary>
    protected override async Task OnReloadAsync()
    {
        if (await users.GetUserAsync(User) is { } user) await LoadAsync(user);
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        SharedKey = Grouped(key);
        AuthenticatorUri = AuthenticatorUriOf(user.UserName ?? string.Empty, key);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(QrCodePng.Create(AuthenticatorUri, pixelsPerModule: 5));
    }

    public static string AuthenticatorUriOf(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("Kinerja:" + userName)}?secret={key}&issuer=Kinerja&digits=6&period=30";

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
