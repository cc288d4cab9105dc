using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Reports;
using Kinerja.Features.Recap;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Reports;

public sealed record ReportSummaryDto(
    Guid Id, Guid AgencyId, string Kind, string Period, string PeriodName, string Title, string Status, string StatusLabel,
    int LatestVersion, DateTimeOffset CreatedAt, string? LetterNumber);

public sealed record ReportVersionDto(
    int Number, DateTimeOffset CreatedAt, string CreatedBy, string? Reason, string DocxSha256, bool IsSigned,
    string PdfStatus, int PdfProgress, string? PdfMessage, string? PdfSha256);

public sealed record ReportSectionDto(string Key, string Title, int Order, bool Narrative, string? Text, string? UpdatedBy, DateTimeOffset? UpdatedAt, int? Version);

public sealed record ReportCommentDto(Guid Id, int Version, string Section, string Text, string Author, string? Position, DateTimeOffset At);

public sealed record ReportStepDto(string Action, string ActionLabel, string From, string To, string Actor, string? ActorName, string? Position, DateTimeOffset At, string? Note);

public sealed record ReportMeetingDto(DateOnly Date, IReadOnlyList<string> Attendees, string? Decisions, string? MinutesFileName);

public sealed record ReportSignatureDto(string Code, string SignerName, string Position, string? Rank, string? Nip, DateTimeOffset SignedAt, int Version,
    string DocxSha256, string PdfSha256);

public sealed record ReportLetterDto(string Number, DateOnly Date);

public sealed record ReportDispatchDto(string Recipient, string RecipientLabel, string Method, string MethodLabel, DateOnly Date, string? Note,
    string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// A report with everything about its path: <c>allowedActions</c> are what its status allows, <c>myActions</c> those the
/// current user may take; versions (each generation), sections with their narratives, comments, steps (who, as which
/// position, when), the finalization meeting, signatures, the cover letter, copies and dispatches.
/// </summary>
public sealed record ReportDto(
    Guid Id, Guid AgencyId, string Agency, string Kind, string Period, string PeriodName, string Title, string Status, string StatusLabel,
    IReadOnlyList<string> AllowedActions, IReadOnlyList<string> MyActions, bool IsEditable, int LatestVersion,
    IReadOnlyList<ReportVersionDto> Versions, IReadOnlyList<ReportSectionDto> Sections, IReadOnlyList<ReportCommentDto> Comments,
    IReadOnlyList<ReportStepDto> Steps, ReportMeetingDto? Meeting, IReadOnlyList<ReportSignatureDto> Signatures, ReportLetterDto? Letter,
    int? Copies, IReadOnlyList<ReportDispatchDto> Dispatches, IReadOnlyList<string> OutstandingRecipients, DateTimeOffset? ArchivedAt, int Version);

public sealed record CreateReportRequest(string? Kind, string? Period);

/// <summary>Who may do what with reports, and loading a report the user may see.</summary>
internal static class ReportAccess
{
    /// <summary>Loads the report; 404 when it does not exist or belongs to an agency the user is not in.</summary>
    public static async Task<Report> LoadAsync(KinerjaDbContext db, CurrentUser me, Guid reportId, bool track, CancellationToken ct)
    {
        await me.LoadAsync(ct);
        var query = track ? db.Reports : db.Reports.AsNoTracking();
        var report = await query.SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !me.BelongsTo(report.AgencyId)) throw AppProblem.NotFound("Laporan");
        return report;
    }

    /// <summary>
    /// The coordinator (Kasubbag Perencanaan) and the secretary run the report; every official comments during circulation;
    /// the coordinator and the secretary initial, each their own paraf; only the head approves and signs; the head, the
    /// secretary and the coordinator can send it a step back. Viewers and administrators read.
    /// </summary>
    public static bool May(CurrentUser me, Guid agencyId, ReportAction action, ReportInitialer? initialBy = null) => action switch
    {
        ReportAction.Comment => me.HasAgencyRole(agencyId, Role.Head, Role.Secretary, Role.Coordinator, Role.UnitHead, Role.Staff),
        ReportAction.Initial => initialBy switch
        {
            ReportInitialer.Coordinator => me.HasAgencyRole(agencyId, Role.Coordinator),
            ReportInitialer.Secretary => me.HasAgencyRole(agencyId, Role.Secretary),
            _ => me.HasAgencyRole(agencyId, Role.Coordinator, Role.Secretary),
        },
        ReportAction.Approve or ReportAction.Sign => me.HasAgencyRole(agencyId, Role.Head),
        ReportAction.Return => me.HasAgencyRole(agencyId, Role.Head, Role.Secretary, Role.Coordinator),
        _ => me.HasAgencyRole(agencyId, Role.Secretary, Role.Coordinator),
    };

    /// <summary>409 for something the report's status does not allow now, listing the actions it does.</summary>
    public static AppProblem NotNow(Report r, Text detail) =>
        AppProblem.NotNow(detail, ReportWorkflow.Allowed(r.Status).Select(ReportWorkflow.ApiName).ToArray());

    /// <summary>May create reports, edit narratives and generate versions.</summary>
    public static bool MayDraft(CurrentUser me, Guid agencyId) => me.HasAgencyRole(agencyId, Role.Secretary, Role.Coordinator);

    /// <summary>The user's position title in the agency for the role the action needs (printed in the steps).</summary>
    public static string? PositionOf(CurrentUser me, Guid agencyId, params Role[] roles) =>
        me.Grants.Where(g => g.AgencyId == agencyId).OrderBy(g => roles.Contains(g.Role) ? 0 : 1).Select(g => g.PositionTitle).FirstOrDefault();

    public static Role[] RolesFor(ReportAction action, ReportInitialer? by) => action switch
    {
        ReportAction.Approve or ReportAction.Sign => [Role.Head],
        ReportAction.Initial => by == ReportInitialer.Secretary ? [Role.Secretary] : [Role.Coordinator],
        _ => [Role.Coordinator, Role.Secretary, Role.Head],
    };
}

/// <summary>Reports of an agency, newest period first.</summary>
public sealed class ListReports(KinerjaDbContext db, CurrentUser me)
{
    public async Task<IReadOnlyList<ReportSummaryDto>> HandleAsync(Guid agencyId, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        var reports = await db.Reports.AsNoTracking().Where(r => r.AgencyId == agencyId).ToListAsync(ct);
        return reports.OrderByDescending(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.Kind).Select(Summary).ToList();
    }

    internal static ReportSummaryDto Summary(Report r)
    {
        var p = Period.Parse(r.Period);
        return new ReportSummaryDto(r.Id, r.AgencyId, ReportWorkflow.ApiName(r.Kind), r.Period, p.DisplayName,
            Documents.PerformanceReportDocument.TitleOf(r.Kind, p), ReportWorkflow.ApiName(r.Status), ReportWorkflow.Label(r.Status),
            r.LatestVersion, r.CreatedAt, r.LetterNumber);
    }
}

/// <summary>
/// Starts a report for a period from verified data: version 1 is generated at once. One report per agency, kind and
/// period (409 pointing at the existing one). The coordinator or the secretary.
/// </summary>
public sealed class CreateReport(KinerjaDbContext db, CurrentUser me, TimeProvider clock, ReportVersions versions, GetReport get, Sop.RoundStepRecorder steps)
{
    public async Task<ReportDto> HandleAsync(Guid agencyId, CreateReportRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        if (!ReportAccess.MayDraft(me, agencyId)) throw CurrentUser.Denied("penyusunan laporan kinerja");
        if (ReportWorkflow.ParseKind(request.Kind) is not { } kind)
        {
            throw AppProblem.Invalid("kind", new Text("Jenis laporan harus salah satu dari: quarterly, semester, annual."));
        }

        var period = RecapCalculator.ParsePeriod(request.Period);
        if (ReportWorkflow.PeriodProblem(kind, period) is { } problem) throw AppProblem.Invalid("period", problem);
        var text = period.ToString();
        if (await db.Reports.AnyAsync(r => r.AgencyId == agencyId && r.Kind == kind && r.Period == text, ct))
        {
            throw AppProblem.Conflict(new Text("{0} untuk {1} sudah ada. Buka laporan itu di daftar laporan.", ReportWorkflow.Label(kind), period.DisplayName));
        }

        var report = new Report(Guid.CreateVersion7(), agencyId, kind, text, me.UserName!, clock.GetUtcNow());
        db.Reports.Add(report);
        await versions.GenerateAsync(report, new Text("Draf pertama").ToString(), ct);
        // Drafting reads the recap: both SOP steps are done for the period's round.
        await steps.RecordForPeriodAsync(agencyId, period, Domain.Sop.SopAction.Recap, report.CreatedAt, me.UserName!, ct);
        await steps.RecordForPeriodAsync(agencyId, period, Domain.Sop.SopAction.DraftReport, report.CreatedAt, me.UserName!, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone created the same report at the same moment (the unique index refused the second).
            throw AppProblem.Conflict(new Text("{0} untuk {1} sudah ada. Buka laporan itu di daftar laporan.", ReportWorkflow.Label(kind), period.DisplayName));
        }

        return await get.HandleAsync(report.Id, ct);
    }
}

/// <summary>A report with its whole path; anyone in the agency reads it.</summary>
public sealed class GetReport(KinerjaDbContext db, CurrentUser me)
{
    public async Task<ReportDto> HandleAsync(Guid reportId, CancellationToken ct = default)
    {
        var r = await ReportAccess.LoadAsync(db, me, reportId, track: false, ct);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == r.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var versions = await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == r.Id).OrderBy(v => v.Number).ToListAsync(ct);
        var narratives = await db.ReportNarratives.AsNoTracking().Where(n => n.ReportId == r.Id).ToDictionaryAsync(n => n.Key, ct);
        var comments = await db.ReportComments.AsNoTracking().Where(c => c.ReportId == r.Id).OrderBy(c => c.At).ToListAsync(ct);
        var steps = await db.ReportSteps.AsNoTracking().Where(s => s.ReportId == r.Id).OrderBy(s => s.At).ToListAsync(ct);
        var signatures = await db.ReportSignatures.AsNoTracking().Where(s => s.ReportId == r.Id).OrderBy(s => s.SignedAt).ToListAsync(ct);
        var dispatches = await db.ReportDispatches.AsNoTracking().Where(d => d.ReportId == r.Id).OrderBy(d => d.RecordedAt).ToListAsync(ct);
        var objectiveCodes = await ObjectiveCodesAsync(db, r, ct);

        var allowed = ReportWorkflow.Allowed(r.Status);
        var mine = allowed.Where(a => ReportAccess.May(me, r.AgencyId, a)).Select(ReportWorkflow.ApiName).ToList();
        var sections = ReportSections.For(objectiveCodes).Select(s => narratives.TryGetValue(s.Key, out var n)
            ? new ReportSectionDto(s.Key, s.Title, s.Order, s.Narrative, n.Text, n.UpdatedBy, n.UpdatedAt, n.Version)
            : new ReportSectionDto(s.Key, s.Title, s.Order, s.Narrative, null, null, null, null)).ToList();
        var summary = ListReports.Summary(r);
        return new ReportDto(r.Id, r.AgencyId, agency, summary.Kind, r.Period, summary.PeriodName, summary.Title, summary.Status, summary.StatusLabel,
            allowed.Select(ReportWorkflow.ApiName).ToList(), mine, r.IsEditable, r.LatestVersion,
            versions.Select(v => new ReportVersionDto(v.Number, v.CreatedAt, v.CreatedBy, v.Reason, v.DocxSha256, v.IsSigned,
                v.PdfStatus.ToString().ToLowerInvariant(), v.PdfProgress, v.PdfMessage, v.PdfSha256)).ToList(),
            sections,
            comments.Select(c => new ReportCommentDto(c.Id, c.VersionNumber, c.SectionKey, c.Text, c.Author, c.AuthorPosition, c.At)).ToList(),
            steps.Select(s => new ReportStepDto(ReportWorkflow.ApiName(s.Action), ReportWorkflow.Label(s.Action), ReportWorkflow.ApiName(s.From),
                ReportWorkflow.ApiName(s.To), s.Actor, s.ActorName, s.Position, s.At, s.Note)).ToList(),
            r.MeetingDate is { } md ? new ReportMeetingDto(md, (r.MeetingAttendees ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries), r.MeetingDecisions, r.MinutesFileName) : null,
            signatures.Select(s => new ReportSignatureDto(VerificationCode.Parse(s.Code).ToString(), s.SignerName, s.Position, s.Rank, s.Nip, s.SignedAt,
                s.VersionNumber, s.DocxSha256, s.PdfSha256)).ToList(),
            r.LetterNumber is { } ln ? new ReportLetterDto(ln, r.LetterDate!.Value) : null,
            r.Copies,
            dispatches.Select(d => new ReportDispatchDto(d.Recipient, ReportRecipients.Label(d.Recipient), d.Method, ReportTexts.MethodLabel(d.Method),
                d.Date, d.Note, d.RecordedBy, d.RecordedAt)).ToList(),
            ReportWorkflow.Outstanding(ReportRecipients.Required(r.Kind), dispatches.Select(d => d.Recipient).ToList()),
            r.ArchivedAt, r.Version);
    }

    /// <summary>The codes of the objectives of the Renstra covering the report's year (one narrative section each).</summary>
    internal static async Task<IReadOnlyList<string>> ObjectiveCodesAsync(KinerjaDbContext db, Report r, CancellationToken ct)
    {
        var year = Period.Parse(r.Period).Year;
        var plan = (await db.StrategicPlans.AsNoTracking().Where(p => p.AgencyId == r.AgencyId).ToListAsync(ct)).ForYear(year);
        if (plan is null) return [];
        var codes = await db.Objectives.AsNoTracking().Where(o => o.PlanId == plan.Id).Select(o => o.Code).ToListAsync(ct);
        return codes.Order(StringComparer.Ordinal).ToList();
    }
}
