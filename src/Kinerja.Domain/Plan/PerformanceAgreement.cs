using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;

namespace Kinerja.Domain.Plan;

/// <summary>
/// Perjanjian Kinerja for one year: the head's (UnitId null) with the Bupati/Gubernur, or a unit head's
/// with the head. Its targets are the live indicator targets until it is signed; after signing,
/// every target change is kept as a numbered revision (perubahan) with reason and date.
/// </summary>
public sealed class PerformanceAgreement : IAgencyOwned, IVersioned
{
    private PerformanceAgreement() { }

    public PerformanceAgreement(Guid id, Guid agencyId, int year, Guid? unitId)
    {
        Id = id;
        AgencyId = agencyId;
        Year = year;
        UnitId = unitId;
        ScopeKey = unitId?.ToString() ?? "agency";
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public int Year { get; private set; }

    /// <summary>Null for the head's agreement; the unit for a unit head's.</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>"agency" or the unit id: one agreement per scope and year (a unique key that, unlike a null unit, every database enforces).</summary>
    public string ScopeKey { get; private set; } = "agency";
    public int Version { get; private set; }

    public DateTimeOffset? SignedAt { get; private set; }
    public string? SignedBy { get; private set; }

    /// <summary>SHA-256 of the PDF as signed, when one was generated.</summary>
    public string? SignedDocumentHash { get; private set; }

    /// <summary>0 until the first change after signing; then the number of the latest perubahan.</summary>
    public int Revision { get; private set; }

    /// <summary>The two parties, place and date as printed when signed (JSON), so later staff changes do not alter a signed agreement.</summary>
    public string? SignatureJson { get; private set; }

    public bool IsSigned => SignedAt is not null;

    /// <summary>Records the signing; signing twice is refused (a change after signing is a revision).</summary>
    public void Sign(DateTimeOffset at, string by, string signatureJson, string? documentHash)
    {
        if (IsSigned) throw new DomainException("agreement.signed", new Text("Perjanjian Kinerja {0} sudah ditandatangani.", Year).ToString());
        SignedAt = at;
        SignedBy = by;
        SignatureJson = signatureJson;
        SignedDocumentHash = documentHash;
    }

    /// <summary>Starts the next revision after signing; the caller records what changed and why.</summary>
    public int NextRevision()
    {
        if (!IsSigned) throw new DomainException("agreement.unsigned", "Perjanjian Kinerja belum ditandatangani; targetnya dapat diubah langsung.");
        return ++Revision;
    }
}

/// <summary>One perubahan of a signed agreement: which target changed, from what to what, why, when and by whom.</summary>
public sealed class AgreementRevision : IAgencyOwned
{
    private AgreementRevision() { Reason = By = IndicatorCode = AfterJson = string.Empty; }

    public AgreementRevision(Guid id, Guid agencyId, Guid agreementId, int number, Guid indicatorId, string indicatorCode,
        string reason, DateTimeOffset at, string by, string? beforeJson, string afterJson)
    {
        Id = id;
        AgencyId = agencyId;
        AgreementId = agreementId;
        Number = number;
        IndicatorId = indicatorId;
        IndicatorCode = indicatorCode;
        Reason = reason;
        At = at;
        By = by;
        BeforeJson = beforeJson;
        AfterJson = afterJson;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid AgreementId { get; private set; }
    public int Number { get; private set; }
    public Guid IndicatorId { get; private set; }
    public string IndicatorCode { get; private set; }
    public string Reason { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; }
    public string? BeforeJson { get; private set; }
    public string AfterJson { get; private set; }
}
