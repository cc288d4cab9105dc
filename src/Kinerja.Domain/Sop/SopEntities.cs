using Kinerja.Domain.Organisation;

namespace Kinerja.Domain.Sop;

/// <summary>An SOP template an agency imported or copied and edited (the built-in ones live in code). Stored as its JSON.</summary>
public sealed class AgencySopTemplate : IAgencyOwned, IVersioned
{
    private AgencySopTemplate() { Id = Json = ImportedBy = string.Empty; }

    public AgencySopTemplate(string id, Guid agencyId, string json, string importedBy, DateTimeOffset importedAt)
    {
        Id = id;
        AgencyId = agencyId;
        Json = json;
        ImportedBy = importedBy;
        ImportedAt = importedAt;
    }

    public string Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public string Json { get; private set; }
    public string ImportedBy { get; private set; }
    public DateTimeOffset ImportedAt { get; private set; }
    public int Version { get; private set; }

    public void Replace(string json, string by, DateTimeOffset at)
    {
        Json = json;
        ImportedBy = by;
        ImportedAt = at;
    }
}

/// <summary>
/// One SOP step of one round: when it was done (by its system action, or by hand with a note and an optional file), how
/// often a decision sent the work back through it, and the reminders sent when it ran late.
/// </summary>
public sealed class RoundStep : IAgencyOwned, IVersioned
{
    private RoundStep() { }

    public RoundStep(Guid id, Guid agencyId, Guid roundId, int number)
    {
        Id = id;
        AgencyId = agencyId;
        RoundId = roundId;
        Number = number;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid RoundId { get; private set; }
    public int Number { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? CompletedBy { get; private set; }
    public string? Note { get; private set; }
    public string? FileSha256 { get; private set; }
    public string? FileName { get; private set; }

    /// <summary>How many times a decision sent the work back to this step (seed 004's confirmation loop).</summary>
    public int Repeats { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Records the step as done; the first completion counts, later ones are ignored (the step was done then).</summary>
    public bool Complete(DateTimeOffset at, string by, string? note)
    {
        if (CompletedAt is not null) return false;
        CompletedAt = at;
        CompletedBy = by;
        Note = note;
        return true;
    }

    public void Attach(string sha256, string fileName)
    {
        FileSha256 = sha256;
        FileName = fileName;
    }

    public void Repeated() => Repeats++;

    public void Reminded(DateTimeOffset at) => RemindedAt = at;

    public void Escalated(DateTimeOffset at) => EscalatedAt = at;
}
