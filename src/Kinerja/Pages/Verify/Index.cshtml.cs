using Kinerja.Features.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kinerja.Pages.Verify;

/// <summary>
/// The public page the QR on a signed report points to (<c>/verify/{code}</c>): anyone, signed in or not, sees what was
/// signed, by whom and when, and the SHA-256 of the signed PDF to compare with the file in hand. A code can also be typed.
/// </summary>
public sealed class IndexModel(VerifyDocument verify) : PageModel
{
    [FromRoute] public string? Code { get; set; }

    [FromQuery(Name = "code")] public string? Typed { get; set; }

    public VerificationDto? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(Code) ? Typed : Code;
        if (!string.IsNullOrWhiteSpace(code)) Result = await verify.HandleAsync(code, ct);
        // Search engines have no business indexing who signed what.
        Response.Headers["X-Robots-Tag"] = "noindex";
    }
}
