using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Kinerja.Data;
using Kinerja.Features.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Account;

/// <summary>
/// Sign-in: user name and password, then, for a user with two-step verification on, a second step asking for the
/// authenticator code or a recovery code. Attempts are limited per client address and user name (429 over the limit).
/// </summary>
public sealed class LoginModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, CheckSecondFactor secondFactor, SignInThrottle throttle) : KinerjaPage
{
    [BindProperty] public string? UserName { get; set; }

    [BindProperty, DataType(DataType.Password)] public string? Password { get; set; }

    /// <summary>The second step: a 6-digit authenticator code or a recovery code.</summary>
    [BindProperty] public string? Code { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>The page asks for the code (the password was right, two-step verification is on).</summary>
    public bool AskCode { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (TooMany(UserName) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(string.Empty, M["Nama pengguna dan kata sandi wajib diisi."]);
            return Page();
        }

        var user = await users.FindByNameAsync(UserName.Trim());
        if (user is null)
        {
            UnknownUser.SpendPasswordCheck(users.PasswordHasher, Password);
            ModelState.AddModelError(string.Empty, M["Nama pengguna atau kata sandi salah."]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return Done();
        if (result.RequiresTwoFactor)
        {
            AskCode = true; // Identity keeps who passed the first step in its short-lived two-factor cookie
            return Page();
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? M[CheckSecondFactor.LockedOutDetail]
            : M["Nama pengguna atau kata sandi salah."]);
        return Page();
    }

    public async Task<IActionResult> OnPostCodeAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            ModelState.AddModelError(string.Empty, M["Waktu untuk memasukkan kode sudah habis. Masuk lagi dengan kata sandi."]);
            return Page();
        }

        UserName = user.UserName;
        AskCode = true;
        if (TooMany(user.UserName) is { } refused) return refused;
        switch (await secondFactor.HandleAsync(user, Code))
        {
            case SecondFactor.Valid:
                await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "mfa");
                return Done();
            case SecondFactor.LockedOut:
                await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                AskCode = false;
                ModelState.AddModelError(string.Empty, M[CheckSecondFactor.LockedOutDetail]);
                return Page();
            case SecondFactor.Used:
                ModelState.AddModelError(nameof(Code), M[CheckSecondFactor.UsedCodeDetail]);
                return Page();
            default:
                ModelState.AddModelError(nameof(Code), M[CheckSecondFactor.WrongCodeDetail]);
                return Page();
        }
    }

    private IActionResult Done() => LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");

    /// <summary>Over the sign-in limit: 429 with Retry-After and the page saying how long to wait.</summary>
    private IActionResult? TooMany(string? userName)
    {
        if (throttle.Refuse(HttpContext, userName) is not { } wait) return null;
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = SignInThrottle.Seconds(wait).ToString(CultureInfo.InvariantCulture);
        ModelState.AddModelError(string.Empty, M[SignInThrottle.Title] + " " + M[SignInThrottle.Detail(wait)]);
        return Page();
    }
}
