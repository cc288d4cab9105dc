using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Rounds;

namespace Kinerja.Domain.Reports;

/// <summary>Laporan Kinerja Triwulan / Semester / Tahunan (LKjIP).</summary>
public enum ReportKind
{
    Quarterly,
    Semester,
    Annual,
}

/// <summary>Where a performance report stands on its way from draft to archive (SOP steps 7-11).</summary>
public enum ReportStatus
{
    /// <summary>Generated from verified data; narrative being written.</summary>
    Draft,

    /// <summary>Sent to officials for comments (sosialisasi).</summary>
    Circulated,

    /// <summary>Comments worked in.</summary>
    Revised,

    /// <summary>The finalization meeting (rapat finalisasi) settled the text.</summary>
    Finalized,

    /// <summary>Handed to the head for approval; waiting for the initials (paraf).</summary>
    SubmittedForApproval,

    /// <summary>The coordinator initialled; the secretary's initial is next.</summary>
    CoordinatorInitialled,

    /// <summary>Coordinator and secretary both initialled.</summary>
    Initialled,

    /// <summary>The head approved the text.</summary>
    Approved,

    /// <summary>The head signed the final document (its hash and verification code are recorded).</summary>
    Signed,

    /// <summary>The cover letter (surat pengantar) has its number from the register.</summary>
    Numbered,

    /// <summary>Copies made (penggandaan) and counted.</summary>
    CopiesRecorded,

    /// <summary>Sent to some, not yet all, required recipients.</summary>
    PartlyDispatched,

    /// <summary>Every required recipient has it.</summary>
    Dispatched,

    /// <summary>Final DOCX and PDF kept, immutable.</summary>
    Archived,
}

/// <summary>What a person can do to a report (the API's <c>actions/{action}</c>).</summary>
public enum ReportAction
{
    Circulate,
    Comment,
    Revise,
    Finalize,
    SubmitForApproval,
    Initial,
    Approve,
    Sign,
    NumberCoverLetter,
    RecordCopies,
    Dispatch,
    Archive,

    /// <summary>Back one stage, with a reason.</summary>
    Return,
}

/// <summary>Who initials (paraf) a report before the head approves it, in this order.</summary>
public enum ReportInitialer
{
    Coordinator,
    Secretary,
}

/// <summary>The finalization meeting (rapat finalisasi): when, who attended, what was decided.</summary>
public sealed record FinalizationMeeting(DateOnly Date, IReadOnlyList<string> Attendees, string? Decisions);

/// <summary>
/// What an action carries (the API body) plus the facts the transition depends on. Only the fields of
/// the action at hand are read.
/// </summary>
public sealed record ReportActionContext
{
    public static readonly ReportActionContext None = new();

    /// <summary><c>return</c>: why it goes back.</summary>
    public string? Reason { get; init; }

    /// <summary><c>comment</c>: the comment text.</summary>
    public string? Comment { get; init; }

    /// <summary><c>initial</c>: whose initial this is.</summary>
    public ReportInitialer? InitialBy { get; init; }

    /// <summary><c>finalize</c>: the meeting that settled the text.</summary>
    public FinalizationMeeting? Meeting { get; init; }

    /// <summary><c>record-copies</c>: how many copies were made.</summary>
    public int? Copies { get; init; }

    /// <summary><c>dispatch</c>: the recipient key (see <see cref="ReportRecipients"/>) or name of this dispatch.</summary>
    public string? Recipient { get; init; }

    /// <summary><c>dispatch</c>: recipients it was already sent to.</summary>
    public IReadOnlyCollection<string> DispatchedTo { get; init; } = [];

    /// <summary><c>dispatch</c>: who must receive it before it can be archived, e.g. <see cref="ReportRecipients.Required"/>.</summary>
    public IReadOnlyCollection<string> RequiredRecipients { get; init; } = [];
}

/// <summary>
/// The report state machine: which actions each status allows and where they lead. Who may act is the
/// application's business (roles); the order of things is decided here. A refused action throws a
/// <see cref="WorkflowException"/>: with the allowed actions when the state is wrong (the API answers 409),
/// without them when the input is missing (400).
/// </summary>
public static class ReportWorkflow
{
    public static IReadOnlyList<ReportAction> Allowed(ReportStatus status) => status switch
    {
        ReportStatus.Draft => [ReportAction.Circulate],
        ReportStatus.Circulated => [ReportAction.Comment, ReportAction.Revise, ReportAction.Return],
        ReportStatus.Revised => [ReportAction.Circulate, ReportAction.Finalize, ReportAction.Return],
        ReportStatus.Finalized => [ReportAction.SubmitForApproval, ReportAction.Return],
        ReportStatus.SubmittedForApproval => [ReportAction.Initial, ReportAction.Return],
        ReportStatus.CoordinatorInitialled => [ReportAction.Initial, ReportAction.Return],
        ReportStatus.Initialled => [ReportAction.Approve, ReportAction.Return],
        ReportStatus.Approved => [ReportAction.Sign, ReportAction.Return],
        ReportStatus.Signed => [ReportAction.NumberCoverLetter],
        ReportStatus.Numbered => [ReportAction.RecordCopies],
        ReportStatus.CopiesRecorded => [ReportAction.Dispatch],
        ReportStatus.PartlyDispatched => [ReportAction.Dispatch],
        ReportStatus.Dispatched => [ReportAction.Dispatch, ReportAction.Archive],
        ReportStatus.Archived => [],
    };

    public static bool IsAllowed(ReportStatus status, ReportAction action) => Allowed(status).Contains(action);

    /// <summary>Throws a <see cref="WorkflowException"/> naming the allowed actions when <paramref name="action"/> is not one of them.</summary>
    public static void Ensure(ReportStatus status, ReportAction action)
    {
        if (!IsAllowed(status, action)) throw Refused(new Text("Laporan berstatus {0} tidak dapat di-{1}.", Label(status), Label(action)), status);
    }

    /// <summary>
    /// The status after <paramref name="action"/>. Signed, numbered and later reports cannot be returned:
    /// their signature and letter number are out in the world; a correction is a new report.
    /// </summary>
    public static ReportStatus After(ReportStatus status, ReportAction action, ReportActionContext context)
    {
        Ensure(status, action);
        switch (action)
        {
            case ReportAction.Circulate: return ReportStatus.Circulated;
            case ReportAction.Comment:
                if (string.IsNullOrWhiteSpace(context.Comment)) throw Invalid(new Text("Isi komentar wajib diisi."));
                return status;
            case ReportAction.Revise: return ReportStatus.Revised;
            case ReportAction.Finalize:
                if (context.Meeting is not { } m) throw Invalid(new Text("Catat rapat finalisasi: tanggal, peserta, dan keputusannya."));
                if (!m.Attendees.Any(a => !string.IsNullOrWhiteSpace(a))) throw Invalid(new Text("Catat siapa saja yang hadir dalam rapat finalisasi."));
                return ReportStatus.Finalized;
            case ReportAction.SubmitForApproval: return ReportStatus.SubmittedForApproval;
            case ReportAction.Initial:
                return (status, context.InitialBy) switch
                {
                    (_, null) => throw Invalid(new Text("Sebutkan paraf siapa yang dicatat: koordinator atau sekretaris.")),
                    (ReportStatus.SubmittedForApproval, ReportInitialer.Coordinator) => ReportStatus.CoordinatorInitialled,
                    (ReportStatus.SubmittedForApproval, ReportInitialer.Secretary) =>
                        throw Refused(new Text("Sekretaris memaraf setelah koordinator; paraf koordinator belum ada."), status),
                    (ReportStatus.CoordinatorInitialled, ReportInitialer.Secretary) => ReportStatus.Initialled,
                    _ => throw Refused(new Text("Koordinator sudah memaraf laporan ini."), status),
                };
            case ReportAction.Approve: return ReportStatus.Approved;
            case ReportAction.Sign: return ReportStatus.Signed;
            case ReportAction.NumberCoverLetter: return ReportStatus.Numbered;
            case ReportAction.RecordCopies:
                if (context.Copies is not > 0) throw Invalid(new Text("Jumlah salinan harus lebih dari nol."));
                return ReportStatus.CopiesRecorded;
            case ReportAction.Dispatch:
                return AfterDispatch(status, context);
            case ReportAction.Archive: return ReportStatus.Archived;
            case ReportAction.Return:
                if (string.IsNullOrWhiteSpace(context.Reason)) throw Invalid(new Text("Alasan pengembalian laporan wajib diisi."));
                return Previous(status);
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    /// <summary>One stage back, where <c>return</c> leads.</summary>
    private static ReportStatus Previous(ReportStatus status) => status switch
    {
        ReportStatus.Circulated => ReportStatus.Draft,
        ReportStatus.Revised => ReportStatus.Circulated,
        ReportStatus.Finalized => ReportStatus.Revised,
        ReportStatus.SubmittedForApproval => ReportStatus.Finalized,
        ReportStatus.CoordinatorInitialled => ReportStatus.SubmittedForApproval,
        ReportStatus.Initialled => ReportStatus.CoordinatorInitialled,
        ReportStatus.Approved => ReportStatus.Initialled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not returnable."),
    };

    private static ReportStatus AfterDispatch(ReportStatus status, ReportActionContext context)
    {
        if (context.RequiredRecipients.Count == 0)
            throw new ArgumentException("A dispatch needs the required recipients (ReportRecipients.Required).", nameof(context));
        if (string.IsNullOrWhiteSpace(context.Recipient)) throw Invalid(new Text("Sebutkan penerima laporan."));
        var sent = new HashSet<string>(context.DispatchedTo, StringComparer.OrdinalIgnoreCase);
        if (!sent.Add(context.Recipient.Trim()))
            throw Refused(new Text("Pengiriman kepada {0} sudah dicatat.", ReportRecipients.Label(context.Recipient.Trim())), status);
        return context.RequiredRecipients.All(sent.Contains) ? ReportStatus.Dispatched : ReportStatus.PartlyDispatched;
    }

    /// <summary>The required recipients that have not received the report yet (what the page lists as outstanding).</summary>
    public static IReadOnlyList<string> Outstanding(IReadOnlyCollection<string> required, IReadOnlyCollection<string> dispatchedTo) =>
        required.Where(r => !dispatchedTo.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();

    private static WorkflowException Refused(Text message, ReportStatus status) => new(message, Allowed(status).Select(ApiName).ToArray(), stateConflict: true);

    private static WorkflowException Invalid(Text message) => new(message, []);

    /// <summary>The period kind a report of this kind covers.</summary>
    public static PeriodKind PeriodKindOf(ReportKind kind) => kind switch
    {
        ReportKind.Quarterly => PeriodKind.Quarter,
        ReportKind.Semester => PeriodKind.Semester,
        ReportKind.Annual => PeriodKind.Year,
    };

    /// <summary>Null when the period fits the kind, else what to tell the person.</summary>
    public static Text? PeriodProblem(ReportKind kind, Period period) =>
        period.Kind == PeriodKindOf(kind) ? null : kind switch
        {
            ReportKind.Quarterly => new Text("Laporan triwulan disusun untuk satu triwulan, mis. {0}-Q2.", period.Year),
            ReportKind.Semester => new Text("Laporan semester disusun untuk satu semester, mis. {0}-S1.", period.Year),
            ReportKind.Annual => new Text("Laporan tahunan (LKjIP) disusun untuk satu tahun, mis. {0}.", period.Year),
        };

    /// <summary>The reports one builds on: a semester on its two quarters, the year on its two semesters (SOP step 8).</summary>
    public static IReadOnlyList<Period> Sources(Period period) => period.Kind switch
    {
        PeriodKind.Semester => [Period.Quarter(period.Year, period.Number * 2 - 1), Period.Quarter(period.Year, period.Number * 2)],
        PeriodKind.Year => [Period.Semester(period.Year, 1), Period.Semester(period.Year, 2)],
        _ => [],
    };

    public static string ApiName(ReportKind k) => k switch
    {
        ReportKind.Quarterly => "quarterly",
        ReportKind.Semester => "semester",
        ReportKind.Annual => "annual",
    };

    public static ReportKind? ParseKind(string? apiName)
    {
        foreach (var k in Enum.GetValues<ReportKind>())
            if (string.Equals(ApiName(k), apiName?.Trim(), StringComparison.OrdinalIgnoreCase)) return k;
        return null;
    }

    public static string ApiName(ReportAction a) => a switch
    {
        ReportAction.Circulate => "circulate",
        ReportAction.Comment => "comment",
        ReportAction.Revise => "revise",
        ReportAction.Finalize => "finalize",
        ReportAction.SubmitForApproval => "submit-for-approval",
        ReportAction.Initial => "initial",
        ReportAction.Approve => "approve",
        ReportAction.Sign => "sign",
        ReportAction.NumberCoverLetter => "number-cover-letter",
        ReportAction.RecordCopies => "record-copies",
        ReportAction.Dispatch => "dispatch",
        ReportAction.Archive => "archive",
        ReportAction.Return => "return",
    };

    /// <summary>The action named in the URL, or null for an unknown name (the API answers 404 or 400).</summary>
    public static ReportAction? ParseAction(string? apiName)
    {
        foreach (var a in Enum.GetValues<ReportAction>())
            if (string.Equals(ApiName(a), apiName?.Trim(), StringComparison.OrdinalIgnoreCase)) return a;
        return null;
    }

    public static string ApiName(ReportStatus s) => s switch
    {
        ReportStatus.Draft => "draft",
        ReportStatus.Circulated => "circulated",
        ReportStatus.Revised => "revised",
        ReportStatus.Finalized => "finalized",
        ReportStatus.SubmittedForApproval => "submittedForApproval",
        ReportStatus.CoordinatorInitialled => "coordinatorInitialled",
        ReportStatus.Initialled => "initialled",
        ReportStatus.Approved => "approved",
        ReportStatus.Signed => "signed",
        ReportStatus.Numbered => "numbered",
        ReportStatus.CopiesRecorded => "copiesRecorded",
        ReportStatus.PartlyDispatched => "partlyDispatched",
        ReportStatus.Dispatched => "dispatched",
        ReportStatus.Archived => "archived",
    };

    public static string Label(ReportKind k) => k switch
    {
        ReportKind.Quarterly => "Laporan Kinerja Triwulan",
        ReportKind.Semester => "Laporan Kinerja Semester",
        ReportKind.Annual => "Laporan Kinerja Tahunan (LKjIP)",
    };

    public static string Label(ReportStatus s) => s switch
    {
        ReportStatus.Draft => "draf",
        ReportStatus.Circulated => "disosialisasikan",
        ReportStatus.Revised => "direvisi",
        ReportStatus.Finalized => "difinalisasi",
        ReportStatus.SubmittedForApproval => "diajukan untuk persetujuan",
        ReportStatus.CoordinatorInitialled => "diparaf koordinator",
        ReportStatus.Initialled => "diparaf koordinator dan sekretaris",
        ReportStatus.Approved => "disetujui",
        ReportStatus.Signed => "ditandatangani",
        ReportStatus.Numbered => "bernomor",
        ReportStatus.CopiesRecorded => "digandakan",
        ReportStatus.PartlyDispatched => "dikirim sebagian",
        ReportStatus.Dispatched => "dikirim",
        ReportStatus.Archived => "diarsipkan",
    };

    public static string Label(ReportAction a) => a switch
    {
        ReportAction.Circulate => "sosialisasikan",
        ReportAction.Comment => "komentari",
        ReportAction.Revise => "revisi",
        ReportAction.Finalize => "finalisasi",
        ReportAction.SubmitForApproval => "ajukan untuk persetujuan",
        ReportAction.Initial => "paraf",
        ReportAction.Approve => "setujui",
        ReportAction.Sign => "tandatangani",
        ReportAction.NumberCoverLetter => "beri nomor surat pengantar",
        ReportAction.RecordCopies => "catat penggandaan",
        ReportAction.Dispatch => "kirim",
        ReportAction.Archive => "arsipkan",
        ReportAction.Return => "kembalikan",
    };
}

/// <summary>
/// Who receives a report (domain.md: the Bupati/Walikota through Bagian Organisasi, Bappeda, Inspektorat,
/// KemenPAN-RB). Keys are stable API values; a dispatch to anyone else carries a free name.
/// </summary>
public static class ReportRecipients
{
    public const string HeadOfRegion = "head-of-region";
    public const string Bappeda = "bappeda";
    public const string Inspectorate = "inspectorate";
    public const string KemenPanRb = "kemenpan-rb";

    /// <summary>
    /// Default required recipients: every report goes to the head of the region (through Bagian Organisasi),
    /// Bappeda and the Inspektorat; the annual LKjIP also to KemenPAN-RB. An agency may require others.
    /// </summary>
    public static IReadOnlyList<string> Required(ReportKind kind) => kind == ReportKind.Annual
        ? [HeadOfRegion, Bappeda, Inspectorate, KemenPanRb]
        : [HeadOfRegion, Bappeda, Inspectorate];

    /// <summary>How a recipient is written on the page and the cover letter; a free name as it is.</summary>
    public static string Label(string recipient) => recipient.ToLowerInvariant() switch
    {
        HeadOfRegion => "Bupati/Walikota melalui Bagian Organisasi",
        Bappeda => "Bappeda",
        Inspectorate => "Inspektorat",
        KemenPanRb => "Kementerian PAN-RB",
        _ => recipient,
    };
}
