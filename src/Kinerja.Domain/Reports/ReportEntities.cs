using Kinerja.Domain.Organisation;

namespace Kinerja.Domain.Reports;

/// <summary>
/// A performance report of an agency for a period (Laporan Kinerja Triwulan / Semester, LKjIP) on its way from the
/// first draft to the archive (SOP steps 7-11). One per agency, kind and period.
/// </summary>
public sealed class Report : IAgencyOwned, IVersioned
{
    private Report() { Period = CreatedBy = string.Empty; }

    public Report(Guid id, Guid agencyId, ReportKind kind, string period, string createdBy, DateTimeOffset createdAt)
    {
        Id = id;
        AgencyId = agencyId;
        Kind = kind;
        Period = period;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public ReportKind Kind { get; private set; }

    /// <summary>The API form: 2026-Q2, 2026-S1, 2026.</summary>
    public string Period { get; private set; }
    public ReportStatus Status { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The number of the newest generated version (1 after creation).</summary>
    public int LatestVersion { get; private set; }

    public DateOnly? MeetingDate { get; private set; }

    /// <summary>Who attended the finalization meeting, one per line.</summary>
    public string? MeetingAttendees { get; private set; }
    public string? MeetingDecisions { get; private set; }
    public string? MinutesSha256 { get; private set; }
    public string? MinutesFileName { get; private set; }

    /// <summary>The cover letter's number from the agency's letter register, e.g. <c>800/0012/427.96/2026</c>.</summary>
    public string? LetterNumber { get; private set; }
    public DateOnly? LetterDate { get; private set; }
    public string? LetterDocxSha256 { get; private set; }
    public int? Copies { get; private set; }

    /// <summary>The signed version's files, kept when the report is archived (content-addressed: never overwritten).</summary>
    public string? FinalDocxSha256 { get; private set; }
    public string? FinalPdfSha256 { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Narrative sections and comments may change and versions may be generated only before finalization.</summary>
    public bool IsEditable => Status is ReportStatus.Draft or ReportStatus.Circulated or ReportStatus.Revised;

    public void MoveTo(ReportStatus status) => Status = status;

    public int NextVersion() => ++LatestVersion;

    public void RecordMeeting(FinalizationMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        MeetingDate = meeting.Date;
        MeetingAttendees = string.Join('\n', meeting.Attendees.Select(a => a.Trim()).Where(a => a.Length > 0));
        MeetingDecisions = meeting.Decisions;
    }

    /// <summary>The minutes (notulen) of the finalization meeting, stored by content hash.</summary>
    public void AttachMinutes(string sha256, string fileName)
    {
        MinutesSha256 = sha256;
        MinutesFileName = fileName;
    }

    public void Signed(string docxSha256, string pdfSha256)
    {
        FinalDocxSha256 = docxSha256;
        FinalPdfSha256 = pdfSha256;
    }

    public void Numbered(string letterNumber, DateOnly date, string docxSha256)
    {
        LetterNumber = letterNumber;
        LetterDate = date;
        LetterDocxSha256 = docxSha256;
    }

    public void RecordCopies(int copies) => Copies = copies;

    public void Archive(DateTimeOffset at) => ArchivedAt = at;
}

/// <summary>
/// One generation of a report's document: the DOCX and the content it was made from (JSON, for comparing two
/// versions). The PDF is made later by a background job; <see cref="PdfStatus"/> says how far it is.
/// </summary>
public sealed class ReportVersion : IAgencyOwned
{
    private ReportVersion() { CreatedBy = DocxSha256 = ContentJson = string.Empty; }

    public ReportVersion(Guid id, Guid agencyId, Guid reportId, int number, string createdBy, DateTimeOffset createdAt, string? reason,
        string docxSha256, string contentJson, bool isSigned)
    {
        Id = id;
        AgencyId = agencyId;
        ReportId = reportId;
        Number = number;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        Reason = reason;
        DocxSha256 = docxSha256;
        ContentJson = contentJson;
        IsSigned = isSigned;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid ReportId { get; private set; }
    public int Number { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? Reason { get; private set; }
    public string DocxSha256 { get; private set; }
    public string ContentJson { get; private set; }

    /// <summary>The signed rendition (with the verification code): immutable once saved.</summary>
    public bool IsSigned { get; private set; }

    public PdfJobStatus PdfStatus { get; private set; }

    /// <summary>0-100 while the PDF is being made.</summary>
    public int PdfProgress { get; private set; }
    public string? PdfMessage { get; private set; }
    public string? PdfSha256 { get; private set; }
    public DateTimeOffset? PdfRequestedAt { get; private set; }

    public void RequestPdf(DateTimeOffset at)
    {
        PdfStatus = PdfJobStatus.Queued;
        PdfProgress = 0;
        PdfMessage = null;
        PdfRequestedAt = at;
    }

    public void PdfDone(string sha256)
    {
        PdfStatus = PdfJobStatus.Done;
        PdfProgress = 100;
        PdfSha256 = sha256;
        PdfMessage = null;
    }

    public void PdfFailed(string message)
    {
        PdfStatus = PdfJobStatus.Failed;
        PdfMessage = message;
    }
}

public enum PdfJobStatus
{
    /// <summary>Nobody asked for a PDF of this version yet.</summary>
    None,
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>The narrative of one section (a <c>ReportSections</c> key) written by a person; it survives regeneration.</summary>
public sealed class ReportNarrative : IAgencyOwned, IVersioned
{
    private ReportNarrative() { Key = Text = UpdatedBy = string.Empty; }

    public ReportNarrative(Guid id, Guid agencyId, Guid reportId, string key)
    {
        Id = id;
        AgencyId = agencyId;
        ReportId = reportId;
        Key = key;
        Text = UpdatedBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid ReportId { get; private set; }
    public string Key { get; private set; }
    public string Text { get; private set; }
    public string UpdatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public void Write(string text, string by, DateTimeOffset at)
    {
        Text = text;
        UpdatedBy = by;
        UpdatedAt = at;
    }
}

/// <summary>An official's comment on a section during circulation (sosialisasi).</summary>
public sealed class ReportComment : IAgencyOwned
{
    private ReportComment() { SectionKey = Text = Author = string.Empty; }

    public ReportComment(Guid id, Guid agencyId, Guid reportId, int versionNumber, string sectionKey, string text, string author, string? authorPosition, DateTimeOffset at)
    {
        Id = id;
        AgencyId = agencyId;
        ReportId = reportId;
        VersionNumber = versionNumber;
        SectionKey = sectionKey;
        Text = text;
        Author = author;
        AuthorPosition = authorPosition;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid ReportId { get; private set; }

    /// <summary>The version the comment was made on.</summary>
    public int VersionNumber { get; private set; }
    public string SectionKey { get; private set; }
    public string Text { get; private set; }
    public string Author { get; private set; }
    public string? AuthorPosition { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>One step of the report's path: who did what, as which position, when, from which status to which.</summary>
public sealed class ReportStep : IAgencyOwned
{
    private ReportStep() { Actor = string.Empty; }

    public ReportStep(Guid id, Guid agencyId, Guid reportId, ReportAction action, ReportStatus from, ReportStatus to,
        string actor, string? actorName, string? position, DateTimeOffset at, string? note)
    {
        Id = id;
        AgencyId = agencyId;
        ReportId = reportId;
        Action = action;
        From = from;
        To = to;
        Actor = actor;
        ActorName = actorName;
        Position = position;
        At = at;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid ReportId { get; private set; }
    public ReportAction Action { get; private set; }
    public ReportStatus From { get; private set; }
    public ReportStatus To { get; private set; }

    /// <summary>The user name.</summary>
    public string Actor { get; private set; }
    public string? ActorName { get; private set; }
    public string? Position { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The reason of a return, the initialer, the recipient of a dispatch and the like.</summary>
    public string? Note { get; private set; }
}

/// <summary>
/// The head's signature on a report: who, as which position, when, the SHA-256 of the signed DOCX and PDF, and the
/// code printed on the document that <c>GET /api/v1/verify/{code}</c> checks.
/// </summary>
public sealed class ReportSignature : IAgencyOwned
{
    private ReportSignature() { Code = SignerName = Position = DocxSha256 = PdfSha256 = Signer = string.Empty; }

    public ReportSignature(Guid id, Guid agencyId, Guid reportId, int versionNumber, string code, string signer, string signerName, string position,
        string? rank, string? nip, DateTimeOffset signedAt, string docxSha256, string pdfSha256)
    {
        Id = id;
        AgencyId = agencyId;
        ReportId = reportId;
        VersionNumber = versionNumber;
        Code = code;
        Signer = signer;
        SignerName = signerName;
        Position = position;
        Rank = rank;
        Nip = nip;
        SignedAt = signedAt;
        DocxSha256 = docxSha256;
        PdfSha256 = pdfSha256;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid ReportId { get; private set; }
    public int VersionNumber { get; private set; }

    /// <summary>The verification code without its dashes (see <see cref="VerificationCode"/>).</summary>
    public string Code { get; private set; }
    public string Signer { get; private set; }
    public string SignerName { get; private set; }
    public string Position { get; private set; }
    public string? Rank { get; private set; }
    public string? Nip { get; private set; }
    public DateTimeOffset SignedAt { get; private set; }
    public string DocxSha256 { get; private set; }
    public string PdfSha256 { get; private set; }
}

/// <summary>The agency's outgoing-letter register for a year: the last sequence number given. A number is never reused or skipped.</summary>
public sealed class LetterRegister
{
    private LetterRegister() { }

    public LetterRegister(Guid agencyId, int year)
    {
        AgencyId = agencyId;
        Year = year;
    }

    public Guid AgencyId { get; private set; }
    public int Year { get; private set; }
    public int LastSequence { get; private set; }
}

/// <summary>A numbered outgoing letter (here: a report's cover letter).</summary>
public sealed class Letter : IAgencyOwned
{
    private Letter() { Number = Subject = IssuedBy = string.Empty; }

    public Letter(Guid id, Guid agencyId, int year, int sequence, string number, string subject, Guid? reportId, string issuedBy, DateTimeOffset issuedAt)
    {
        Id = id;
        AgencyId = agencyId;
        Year = year;
        Sequence = sequence;
        Number = number;
        Subject = subject;
        ReportId = reportId;
        IssuedBy = issuedBy;
        IssuedAt = issuedAt;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public int Year { get; private set; }
    public int Sequence { get; private set; }
    public string Number { get; private set; }
    public string Subject { get; private set; }
    public Guid? ReportId { get; private set; }
    public string IssuedBy { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
}

/// <summary>The report sent to one recipient: when, how, recorded by whom.</summary>
public sealed class ReportDispatch : IAgencyOwned
{
    private ReportDispatch() { Recipient = Method = RecordedBy = string.Empty; }

    public ReportDispatch(Guid id, Guid agencyId, Guid reportId, string recipient, string method, DateOnly date, string? note, string recordedBy, DateTimeOffset recordedAt)
    {
        Id = id;
        AgencyId = agencyId;
        ReportId = reportId;
        Recipient = recipient;
        Method = method;
        Date = date;
        Note = note;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid ReportId { get; private set; }

    /// <summary>A <see cref="ReportRecipients"/> key or a free name.</summary>
    public string Recipient { get; private set; }

    /// <summary>How it went: <c>hand</c>, <c>post</c>, <c>email</c>, <c>application</c> (e.g. e-SAKIP upload).</summary>
    public string Method { get; private set; }
    public DateOnly Date { get; private set; }
    public string? Note { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>Limits and fixed lists of report inputs.</summary>
public static class ReportTexts
{
    public const int MaxNarrative = 20000;
    public const int MaxComment = 4000;

    /// <summary>How a report can be dispatched (API values).</summary>
    public static readonly IReadOnlyList<string> DispatchMethods = ["hand", "post", "email", "application"];

    public static string MethodLabel(string method) => method switch
    {
        "hand" => "Diantar langsung",
        "post" => "Pos",
        "email" => "Surel",
        "application" => "Aplikasi (mis. e-SAKIP)",
        _ => method,
    };
}
