using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kinerja.Pages;

/// <summary>Switches the interface language. Numbers, dates and money stay in Indonesian format either way.</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost(string? lang, string? returnUrl)
    {
        var ui = lang == "en" ? "en" : "id-ID";
        Response.Cookies.Append(LanguageCookie.Name,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("id-ID", ui)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
