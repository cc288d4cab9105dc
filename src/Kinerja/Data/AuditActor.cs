namespace Kinerja.Data;

/// <summary>Who is making the changes of the current scope (a request, or a command-line run).</summary>
public sealed class AuditActor
{
    public string? UserId { get; set; }
    public string UserName { get; set; } = "system";
}
