using System.Security.Cryptography;
using Kinerja.Data;
using Kinerja.Documents;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Reports;
using Kinerja.Domain.Rounds;
using Kinerja.Features.Organisation;
using Kinerja.Features.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Reports;

/// <summary>Generates versions of a report: the DOCX goes to the content-addressed file store, the row records it.</summary>
public sealed class ReportVersions(KinerjaDbContext db, CurrentUser me, TimeProvider clock, ReportContent content, EvidenceStore store)
{
    /// <summary>A new draft version from the data and narratives as they are now (added to the unit of work, not saved).</summary>
    public async Task<ReportVersion> GenerateAsync(Report report, string? reason, CancellationToken ct)
    {
        var number = report.NextVersion();
        var rendered = await content.RenderAsync(report, number, null, ct);
        var sha = await StoreAsync(rendered.Docx, ct);
        var version = new ReportVersion(Guid.CreateVersion7(), report.AgencyId, report.Id, number, me.UserName!, clock.GetUtcNow(), reason, sha,
            rendered.ContentJson, isSigned: false);
        db.ReportVersions.Add(version);
        return version;
    }

    public async Task<string> StoreAsync(byte[] file, CancellationToken ct)
    {
        using var stream = new MemoryStream(file, writable: false);
        return (await store.SaveAsync(stream, long.MaxValue, ct)).Sha256;
    }
}

public sealed record MeetingRequest(DateOnly? Date, IReadOnlyList<string>? Attendees, string? Decisions);

/// <summary>
/// What an action needs: <c>reason</c> (return; optional note elsewhere), <c>comment</c> and <c>section</c> (comment),
/// <c>initialBy</c> ("coordinator" or "secretary"), <c>meeting</c> (finalize), <c>copies</c> (record-copies),
/// <c>recipient</c>, <c>method</c> and <c>date</c> (dispatch).
/// </summary>
public sealed record ReportActionRequest(
    string? Reason = null, string? Comment = null, string? Section = null, string? InitialBy = null, MeetingRequest? Meeting = null,
    int? Copies = null, string? Recipient = null, string? Method = null, DateOnly? Date = null, string? Note = null);

/// <summary>
/// Takes a report one step along its path (<see cref="ReportWorkflow"/>). The state machine decides what may follow what
/// (409 with the allowed actions otherwise); roles decide who (<see cref="ReportAccess.May"/>). Every action is recorded
/// as a step with the actor's name, position and time. Signing makes the signed rendition (verification code, QR,
/// signature block), converts it to PDF and records the SHA-256 of both; numbering takes the next number of the agency's
/// letter register in the same transaction, so a number is never skipped or given twice.
/// </summary>
public sealed class RunReportAction(
    KinerjaDbContext db, CurrentUser me, TimeProvider clock, ReportVersions versions, ReportContent content, PdfConverter pdf,
    Notifications.Notifier notify, GetReport get, Sop.RoundStepRecorder steps)
{
    public async Task<ReportDto> HandleAsync(Guid reportId, string? actionName, ReportActionRequest? request, int? expectedVersion, CancellationToken ct = default)
    {
        request ??= new ReportActionRequest();
        var report = await ReportAccess.LoadAsync(db, me, reportId, track: true, ct);
        if (ReportWorkflow.ParseAction(actionName) is not { } action)
        {
            throw AppProblem.Invalid("action", new Text("Tindakan \"{0}\" tidak dikenal. Yang dapat dipakai: {1}.", actionName,
                string.Join(", ", Enum.GetValues<ReportAction>().Select(ReportWorkflow.ApiName))));
        }

        if (expectedVersion is not null) Concurrency.EnsureVersion(expectedVersion, report.Version);
        ReportInitialer? initialBy = request.InitialBy?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "coordinator" => ReportInitialer.Coordinator,
            "secretary" => ReportInitialer.Secretary,
            _ => throw AppProblem.Invalid("initialBy", new Text("Paraf dicatat untuk \"coordinator\" atau \"secretary\".")),
        };
        if (action == ReportAction.Initial && initialBy is null)
        {
            // The person's own role says whose paraf it is when only one fits.
            var coordinator = me.HasAgencyRole(report.AgencyId, Role.Coordinator);
            var secretary = me.HasAgencyRole(report.AgencyId, Role.Secretary);
            initialBy = coordinator && !secretary ? ReportInitialer.Coordinator : secretary && !coordinator ? ReportInitialer.Secretary : null;
        }

        if (!ReportAccess.May(me, report.AgencyId, action, initialBy)) throw CurrentUser.Denied(new Text("tindakan \"{0}\" pada laporan", ReportWorkflow.Label(action)).ToString());

        var dispatched = await db.ReportDispatches.Where(d => d.ReportId == report.Id).Select(d => d.Recipient).ToListAsync(ct);
        var recipient = request.Recipient?.Trim();
        var context = new ReportActionContext
        {
            Reason = request.Reason,
            Comment = request.Comment,
            InitialBy = initialBy,
            Meeting = request.Meeting is { Date: { } date } m ? new FinalizationMeeting(date, m.Attendees ?? [], m.Decisions) : null,
            Copies = request.Copies,
            Recipient = recipient,
            DispatchedTo = dispatched,
            RequiredRecipients = ReportRecipients.Required(report.Kind),
        };
        var from = report.Status;
        ReportStatus to = default;
        Rounds.SaveLine.Workflow(() => to = ReportWorkflow.After(from, action, context));

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        string? note = request.Note?.Trim() is { Length: > 0 } n ? n : null;
        KinerjaDbContext.WriteScope? scope = null;
        try
        {
            switch (action)
            {
                case ReportAction.Comment:
                    var objectiveCodes = await GetReport.ObjectiveCodesAsync(db, report, ct);
                    var section = ReportSections.Find(request.Section, objectiveCodes)
                                  ?? throw AppProblem.Invalid("section", new Text("Bagian laporan \"{0}\" tidak dikenal.", request.Section));
                    var text = request.Comment!.Trim();
                    if (text.Length > ReportTexts.MaxComment) throw AppProblem.Invalid("comment", new Text("Komentar paling panjang {0} karakter.", ReportTexts.MaxComment));
                    db.ReportComments.Add(new ReportComment(Guid.CreateVersion7(), report.AgencyId, report.Id, report.LatestVersion, section.Key, text,
                        me.FullName ?? me.UserName!, ReportAccess.PositionOf(me, report.AgencyId), now));
                    note = section.Title;
                    break;
                case ReportAction.Revise:
                    await versions.GenerateAsync(report, request.Reason?.Trim() is { Length: > 0 } why ? why : new Text("Perbaikan setelah sosialisasi").ToString(), ct);
                    break;
                case ReportAction.Finalize:
                    // Narratives can be written only until finalization: a report is not finalized with a section left empty.
                    var written = await db.ReportNarratives.Where(x => x.ReportId == report.Id && x.Text != "").Select(x => x.Key).ToListAsync(ct);
                    var empty = ReportSections.For(await GetReport.ObjectiveCodesAsync(db, report, ct)).Where(x => x.Narrative && !written.Contains(x.Key)).ToList();
                    if (empty.Count > 0)
                    {
                        throw AppProblem.Invalid("sections", new Text("Narasi bagian berikut belum diisi: {0}. Isi dahulu, lalu finalisasi.",
                            string.Join("; ", empty.Select(x => x.Title))));
                    }

                    var meeting = context.Meeting!;
                    if (meeting.Date > today) throw AppProblem.Invalid("meeting.date", new Text("Tanggal rapat finalisasi tidak boleh setelah hari ini."));
                    if (meeting.Decisions?.Length > 4000) throw AppProblem.Invalid("meeting.decisions", new Text("Keputusan rapat paling panjang 4.000 karakter."));
                    report.RecordMeeting(meeting);
                    break;
                case ReportAction.Initial:
                    note = initialBy == ReportInitialer.Coordinator ? "Paraf koordinator" : "Paraf sekretaris";
                    break;
                case ReportAction.Sign:
                    await SignAsync(report, ct);
                    break;
                case ReportAction.NumberCoverLetter:
                    await LetterRegisters.EnsureAsync(db, report.AgencyId, today.Year, ct);
                    scope = await db.BeginWriteAsync(ct);
                    await NumberAsync(report, today, ct);
                    note = report.LetterNumber;
                    break;
                case ReportAction.RecordCopies:
                    if (request.Copies > 1000) throw AppProblem.Invalid("copies", new Text("Jumlah salinan paling banyak 1.000."));
                    report.RecordCopies(request.Copies!.Value);
                    note = request.Copies.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case ReportAction.Dispatch:
                    var method = request.Method?.Trim().ToLowerInvariant() ?? "";
                    if (!ReportTexts.DispatchMethods.Contains(method))
                    {
                        throw AppProblem.Invalid("method", new Text("Cara pengiriman harus salah satu dari: {0}.", string.Join(", ", ReportTexts.DispatchMethods)));
                    }

                    if (recipient!.Length > 200) throw AppProblem.Invalid("recipient", new Text("Nama penerima paling panjang 200 karakter."));
                    var sentOn = request.Date ?? today;
                    if (sentOn > today) throw AppProblem.Invalid("date", new Text("Tanggal pengiriman tidak boleh setelah hari ini."));
                    db.ReportDispatches.Add(new ReportDispatch(Guid.CreateVersion7(), report.AgencyId, report.Id, recipient.ToLowerInvariant() is var key
                        && ReportRecipients.Required(ReportKind.Annual).Contains(key) ? key : recipient, method, sentOn, note, me.UserName!, now));
                    note = ReportRecipients.Label(recipient) + " · " + ReportTexts.MethodLabel(method) + (note is null ? "" : " · " + note);
                    break;
                case ReportAction.Archive:
                    report.Archive(now);
                    break;
                case ReportAction.Return:
                    note = request.Reason!.Trim();
                    break;
            }

            report.MoveTo(to);
            db.ReportSteps.Add(new ReportStep(Guid.CreateVersion7(), report.AgencyId, report.Id, action, from, to, me.UserName!, me.FullName,
                ReportAccess.PositionOf(me, report.AgencyId, ReportAccess.RolesFor(action, initialBy)), now, note));
            await NotifyAsync(report, action, to, ct);
            if (SopActionOf(action, to) is { } sopAction)
            {
                await steps.RecordForPeriodAsync(report.AgencyId, Period.Parse(report.Period), sopAction, now, me.UserName!, ct);
            }

            await Concurrency.SaveAsync(db, ct);
            if (scope is not null) await scope.CommitAsync(ct);
        }
        finally
        {
            if (scope is not null) await scope.DisposeAsync();
        }

        return await get.HandleAsync(report.Id, ct);
    }

    /// <summary>The SOP step a report action completes: the paraf step when both initials are in, dispatch when every recipient has it.</summary>
    private static Domain.Sop.SopAction? SopActionOf(ReportAction action, ReportStatus to) => action switch
    {
        ReportAction.Circulate => Domain.Sop.SopAction.Circulate,
        ReportAction.Revise => Domain.Sop.SopAction.Revise,
        ReportAction.Finalize => Domain.Sop.SopAction.FinalizationMeeting,
        ReportAction.SubmitForApproval => Domain.Sop.SopAction.SubmitForApproval,
        ReportAction.Initial when to == ReportStatus.Initialled => Domain.Sop.SopAction.Initial,
        ReportAction.Approve => Domain.Sop.SopAction.Approve,
        ReportAction.Sign => Domain.Sop.SopAction.Sign,
        ReportAction.NumberCoverLetter => Domain.Sop.SopAction.NumberCoverLetter,
        ReportAction.RecordCopies => Domain.Sop.SopAction.Copies,
        ReportAction.Dispatch when to == ReportStatus.Dispatched => Domain.Sop.SopAction.Dispatch,
        ReportAction.Archive => Domain.Sop.SopAction.Archive,
        _ => null,
    };

    /// <summary>Tells whoever acts next: officials when the draft circulates, the secretary after the coordinator's paraf, the head when it waits for approval.</summary>
    private Task NotifyAsync(Report report, ReportAction action, ReportStatus to, CancellationToken ct)
    {
        var link = $"/Reports/Details/{report.Id}";
        var title = PerformanceReportDocument.TitleOf(report.Kind, Period.Parse(report.Period));
        return (action, to) switch
        {
            (ReportAction.Circulate, _) => notify.ToRolesAsync(report.AgencyId, [Role.Head, Role.Secretary, Role.UnitHead], link,
                new Text("Draf {0} diedarkan untuk dikomentari.", title), ct),
            (ReportAction.SubmitForApproval, _) => notify.ToRolesAsync(report.AgencyId, [Role.Coordinator, Role.Secretary], link,
                new Text("{0} menunggu paraf.", title), ct),
            (ReportAction.Initial, ReportStatus.Initialled) => notify.ToRolesAsync(report.AgencyId, [Role.Head], link,
                new Text("{0} menunggu persetujuan dan tanda tangan Anda.", title), ct),
            (ReportAction.Return, _) => notify.ToRolesAsync(report.AgencyId, [Role.Coordinator], link,
                new Text("{0} dikembalikan satu tahap.", title), ct),
            (ReportAction.Sign, _) => notify.ToRolesAsync(report.AgencyId, [Role.Coordinator], link,
                new Text("{0} sudah ditandatangani: beri nomor surat pengantar.", title), ct),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>
    /// The signed rendition: a fresh version with the signer's block, a new verification code and its QR, converted to PDF
    /// here (the signature must name the PDF's hash). Only a holder of the head position today signs; the code is random
    /// and unique (the database refuses a repeat).
    /// </summary>
    private async Task SignAsync(Report report, CancellationToken ct)
    {
        var signer = await Holders.FindAsync(db, clock, report.AgencyId, null, Role.Head, ct, me.Id)
                     ?? throw AppProblem.Forbidden(new Text("Hanya pemegang jabatan kepala (definitif, Plt atau Plh) yang dapat menandatangani laporan."));
        var code = VerificationCode.FromRandom(RandomNumberGenerator.GetBytes(16));
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var number = report.NextVersion();
        var rendered = await content.RenderAsync(report, number, new ReportContent.SignedBy(signer, today, code.ToString()), ct);
        var pdfBytes = await pdf.ConvertAsync(rendered.Docx, new Text("Laporan belum dapat ditandatangani."), ct);
        var docxSha = await versions.StoreAsync(rendered.Docx, ct);
        var pdfSha = await versions.StoreAsync(pdfBytes, ct);
        var version = new ReportVersion(Guid.CreateVersion7(), report.AgencyId, report.Id, number, me.UserName!, clock.GetUtcNow(),
            new Text("Ditandatangani").ToString(), docxSha, rendered.ContentJson, isSigned: true);
        version.PdfDone(pdfSha);
        db.ReportVersions.Add(version);
        db.ReportSignatures.Add(new ReportSignature(Guid.CreateVersion7(), report.AgencyId, report.Id, number, code.Value, me.UserName!, signer.Name,
            signer.Position, signer.Rank, signer.Nip, clock.GetUtcNow(), docxSha, pdfSha));
        report.Signed(docxSha, pdfSha);
    }

    /// <summary>The next number of the agency's register for the year, written into the cover letter.</summary>
    private async Task NumberAsync(Report report, DateOnly today, CancellationToken ct)
    {
        var parsed = await LetterRegisters.PatternAsync(db, report.AgencyId, ct);
        var title = PerformanceReportDocument.TitleOf(report.Kind, Period.Parse(report.Period));
        var letter = await LetterRegisters.NextAsync(db, report.AgencyId, today, parsed, CoverLetterDocument.DefaultSubject(title), report.Id,
            me.UserName!, clock.GetUtcNow(), ct);
        var code = await db.ReportSignatures.Where(s => s.ReportId == report.Id).OrderByDescending(s => s.SignedAt).Select(s => s.Code).FirstOrDefaultAsync(ct);
        var docx = await content.CoverLetterAsync(report, letter.Number, today, code is null ? null : VerificationCode.Parse(code).ToString(), ct);
        report.Numbered(letter.Number, today, await versions.StoreAsync(docx, ct));
    }
}

/// <summary>
/// The agency's outgoing-letter register. The next sequence of a year is taken with one conditional UPDATE of the register
/// row inside the caller's transaction (PostgreSQL holds the row lock until commit; SQLite writes one at a time), so
/// concurrent numbering gets consecutive, distinct numbers, and a rolled-back numbering gives its number back.
/// </summary>
internal static class LetterRegisters
{
    /// <summary>The agency's letter number pattern; 400 saying what to do when it has none or it does not parse.</summary>
    public static async Task<LetterNumberPattern> PatternAsync(KinerjaDbContext db, Guid agencyId, CancellationToken ct)
    {
        var pattern = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.LetterNumberPattern).SingleAsync(ct);
        return LetterNumberPattern.TryParse(pattern, out var parsed, out var error)
            ? parsed!
            : throw AppProblem.Invalid("letterNumberPattern", pattern is null
                ? new Text("Instansi belum punya pola nomor surat. Administrator mengisinya di halaman instansi, mis. 800/{seq}/427.96/{year}.")
                : error!);
    }

    /// <summary>Creates the year's register row (sequence 0) when it is missing, in its own short save; a concurrent creator wins harmlessly.</summary>
    public static async Task EnsureAsync(KinerjaDbContext db, Guid agencyId, int year, CancellationToken ct)
    {
        if (await db.LetterRegisters.AnyAsync(r => r.AgencyId == agencyId && r.Year == year, ct)) return;
        var register = new LetterRegister(agencyId, year);
        db.LetterRegisters.Add(register);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else created it at the same moment.
        }
        finally
        {
            db.Entry(register).State = EntityState.Detached;
        }
    }

    /// <summary>The next letter of the year; call inside <see cref="KinerjaDbContext.BeginWriteAsync"/> after <see cref="EnsureAsync"/>.</summary>
    public static async Task<Letter> NextAsync(KinerjaDbContext db, Guid agencyId, DateOnly date, LetterNumberPattern pattern, string subject, Guid? reportId,
        string by, DateTimeOffset at, CancellationToken ct)
    {
        var year = date.Year;
        await db.LetterRegisters.Where(r => r.AgencyId == agencyId && r.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastSequence, r => r.LastSequence + 1), ct);
        var sequence = await db.LetterRegisters.AsNoTracking().Where(r => r.AgencyId == agencyId && r.Year == year).Select(r => r.LastSequence).SingleAsync(ct);
        var letter = new Letter(Guid.CreateVersion7(), agencyId, year, sequence, pattern.Format(sequence, date), subject, reportId, by, at);
        db.Letters.Add(letter);
        return letter;
    }
}
