using System.Security.Claims;

namespace Kinerja.Data;

/// <summary>
/// Who is making the changes of the current scope: the signed-in user of the request (read when the
/// change is saved, after the endpoint's own authentication scheme has run), or a name set explicitly
/// by the command line and the demo seeder.
/// </summary>
public sealed class AuditActor(IHttpContextAccessor? http = null)
{
    private string? _userName;
    private string? _userId;

    public string? UserId
    {
        get => _userId ?? User?.FindFirstValue(ClaimTypes.NameIdentifier);
        set => _userId = value;
    }

    public string UserName
    {
        get => _userName ?? User?.Identity?.Name ?? "system";
        set => _userName = value;
    }

    private ClaimsPrincipal? User => http?.HttpContext?.User is { Identity.IsAuthenticated: true } u ? u : null;
}
