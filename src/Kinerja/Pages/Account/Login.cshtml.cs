using System.ComponentModel.DataAnnotations;
using Kinerja.Data;
using Kinerja.Features.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn) : KinerjaPage
{
    [BindProperty] public string? UserName { get; set; }

    [BindProperty, DataType(DataType.Password)] public string? Password { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(string.Empty, M["Nama pengguna dan kata sandi wajib diisi."]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? M["Terlalu banyak percobaan gagal. Coba lagi setelah {0} menit atau hubungi administrator.", SignInRules.LockoutMinutes]
            : M["Nama pengguna atau kata sandi salah."]);
        return Page();
    }
}
