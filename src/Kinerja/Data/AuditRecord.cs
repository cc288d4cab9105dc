namespace Kinerja.Data;

/// <summary>One append-only audit record; a link of the hash chain (see Kinerja.Domain.Audit.AuditChain).</summary>
public sealed class AuditRecord
{
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? AgencyId { get; set; }
    public string Action { get; set; } = string.Empty;
    public string EntityType { get; set; } = string.Empty;
    public string EntityId { get; set; } = string.Empty;
    public string? Before { get; set; }
    public string? After { get; set; }
    public string PreviousHash { get; set; } = string.Empty;
    public string Hash { get; set; } = string.Empty;
}

/// <summary>The single row that holds the chain's last sequence and hash. Writers lock it, so the chain never forks.</summary>
public sealed class AuditHead
{
    public int Id { get; set; }
    public long Sequence { get; set; }
    public string Hash { get; set; } = string.Empty;
}
