using System.Text.Json;
using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Rounds;
using Kinerja.Features.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Rounds;

public sealed record EvidenceDto(
    Guid Id, string Kind, string? FileName, string? ContentType, long? Size, string? Sha256, string? Url, string? Note, string AddedBy,
    DateTimeOffset AddedAt, string? DownloadUrl);

public sealed record CommentDto(Guid Id, string Author, string AuthorName, string Text, DateTimeOffset At);

/// <summary>What a worksheet's lines carry besides their values: evidence, comments, and the last submitted state.</summary>
public sealed record LineExtras(
    IReadOnlyDictionary<Guid, IReadOnlyList<EvidenceDto>> Evidence,
    IReadOnlyDictionary<Guid, IReadOnlyList<CommentDto>> Comments,
    IReadOnlyDictionary<Guid, SubmittedLine> LastSubmitted)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Loads them for a worksheet (or one line). The comparison point is the submission before the
    /// current one while the worksheet is with the coordinator (so a resubmission shows what changed since
    /// the last review), and the latest submission while the unit is editing.
    /// </summary>
    public static async Task<LineExtras> LoadAsync(KinerjaDbContext db, Worksheet sheet, CancellationToken ct, Guid? lineId = null)
    {
        var evidence = lineId is { } one
            ? await EvidenceOfLine.For(db)(db, sheet.Id, one).ToListAsync(ct)
            : await db.LineEvidence.AsNoTracking().Where(e => e.WorksheetId == sheet.Id).ToListAsync(ct);
        var comments = lineId is { } line
            ? await CommentsOfLine.For(db)(db, sheet.Id, line).ToListAsync(ct)
            : await db.LineComments.AsNoTracking().Where(c => c.WorksheetId == sheet.Id).ToListAsync(ct);
        var compareWith = sheet.Status is WorksheetStatus.Submitted or WorksheetStatus.Verified ? sheet.Submissions - 1 : sheet.Submissions;
        var snapshot = compareWith < 1 ? null : await SubmittedLines.For(db)(db, sheet.Id, compareWith, ct);
        var before = snapshot is null ? [] : JsonSerializer.Deserialize<List<SubmittedLine>>(snapshot, Json) ?? [];
        return new LineExtras(
            evidence.OrderBy(e => e.AddedAt).GroupBy(e => e.LineId).ToDictionary(g => g.Key, g => (IReadOnlyList<EvidenceDto>)g.Select(e => ToDto(e)).ToList()),
            comments.OrderBy(c => c.At).GroupBy(c => c.LineId).ToDictionary(g => g.Key,
                g => (IReadOnlyList<CommentDto>)g.Select(c => new CommentDto(c.Id, c.Author, c.AuthorName, c.Body, c.At)).ToList()),
            before.ToDictionary(l => l.LineId));
    }

    // Compiled: saving a cell answers with its line, so these run on every save.
    private static readonly PerProvider<Func<KinerjaDbContext, Guid, Guid, IAsyncEnumerable<LineEvidence>>> EvidenceOfLine = new(() =>
        EF.CompileAsyncQuery((KinerjaDbContext db, Guid sheetId, Guid lineId) =>
            db.LineEvidence.AsNoTracking().Where(e => e.WorksheetId == sheetId && e.LineId == lineId)));

    private static readonly PerProvider<Func<KinerjaDbContext, Guid, Guid, IAsyncEnumerable<LineComment>>> CommentsOfLine = new(() =>
        EF.CompileAsyncQuery((KinerjaDbContext db, Guid sheetId, Guid lineId) =>
            db.LineComments.AsNoTracking().Where(c => c.WorksheetId == sheetId && c.LineId == lineId)));

    private static readonly PerProvider<Func<KinerjaDbContext, Guid, int, CancellationToken, Task<string?>>> SubmittedLines = new(() =>
        EF.CompileAsyncQuery((KinerjaDbContext db, Guid sheetId, int number, CancellationToken _) =>
            db.WorksheetSubmissions.AsNoTracking().Where(s => s.WorksheetId == sheetId && s.Number == number).Select(s => s.LinesJson).SingleOrDefault()));

    public static EvidenceDto ToDto(LineEvidence e) => new(e.Id, PlanAccess.ApiName(e.Kind), e.FileName, e.ContentType, e.Size, e.Sha256, e.Url, e.Note,
        e.AddedBy, e.AddedAt, e.Kind == EvidenceKind.File ? $"/api/v1/worksheets/{e.WorksheetId}/lines/{e.LineId}/evidence/{e.Id}" : null);

    /// <summary>What identifies each piece of evidence when comparing submissions.</summary>
    public static IReadOnlyList<string> Keys(IEnumerable<EvidenceDto> evidence) =>
        evidence.Select(e => e.Sha256 is not null ? "sha256:" + e.Sha256 : e.Url is not null ? "url:" + e.Url : "note:" + e.Note).ToList();
}

/// <summary>A file, a link or a note for one line, as the endpoint received it.</summary>
public sealed record EvidenceInput(string? FileName, Stream? Content, long? Length, string? Url, string? Note);

/// <summary>
/// Attaches evidence to a line while the worksheet can be edited: a file (checked by content and
/// extension, stored by SHA-256), a link, or a note. The coordinator may attach the source document for
/// data from outside the agency.
/// </summary>
public sealed class AddEvidence(KinerjaDbContext db, WorksheetAccess access, CurrentUser me, EvidenceStore store, TimeProvider clock)
{
    public async Task<EvidenceDto> HandleAsync(Guid worksheetId, Guid lineId, EvidenceInput input, CancellationToken ct = default)
    {
        var (sheet, _) = await access.LoadAsync(worksheetId, ct);
        await access.EnsureCanFillAsync(sheet, ct);
        var line = await db.WorksheetLines.SingleOrDefaultAsync(l => l.Id == lineId && l.WorksheetId == worksheetId, ct) ?? throw AppProblem.NotFound("Baris");
        SaveLine.Workflow(() => sheet.Edited());
        var now = clock.GetUtcNow();
        var by = me.UserName ?? "?";
        LineEvidence evidence;
        if (input.Content is not null)
        {
            var (stored, check) = await store.SaveCheckedAsync(input.FileName, input.Content, input.Length, ct);
            evidence = LineEvidence.ForFile(Guid.CreateVersion7(), sheet.AgencyId, sheet.Id, line.Id, check, stored.Size, stored.Sha256, by, now);
        }
        else if (!string.IsNullOrWhiteSpace(input.Url))
        {
            if (EvidenceRules.LinkProblem(input.Url) is { } p) throw AppProblem.Invalid("url", p);
            if (input.Note?.Length > EvidenceRules.MaxNoteLength) throw AppProblem.Invalid("note", EvidenceRules.NoteProblem(input.Note)!);
            evidence = LineEvidence.ForLink(Guid.CreateVersion7(), sheet.AgencyId, sheet.Id, line.Id, input.Url, input.Note, by, now);
        }
        else
        {
            if (EvidenceRules.NoteProblem(input.Note) is { } p)
                throw AppProblem.Invalid("file", new Text("Pilih berkas, isi tautan, atau tulis catatan sebagai bukti dukung. {0}", p));
            evidence = LineEvidence.ForNote(Guid.CreateVersion7(), sheet.AgencyId, sheet.Id, line.Id, input.Note!, by, now);
        }

        db.LineEvidence.Add(evidence);
        line.EvidenceChanged(by);
        await Concurrency.SaveAsync(db, ct);
        return LineExtras.ToDto(evidence);
    }
}

/// <summary>Removes evidence from a line while the worksheet can be edited. The stored file stays (earlier submissions may point at it).</summary>
public sealed class RemoveEvidence(KinerjaDbContext db, WorksheetAccess access, CurrentUser me)
{
    public async Task HandleAsync(Guid worksheetId, Guid lineId, Guid evidenceId, CancellationToken ct = default)
    {
        var (sheet, _) = await access.LoadAsync(worksheetId, ct);
        await access.EnsureCanFillAsync(sheet, ct);
        var evidence = await db.LineEvidence.SingleOrDefaultAsync(e => e.Id == evidenceId && e.LineId == lineId && e.WorksheetId == worksheetId, ct)
                       ?? throw AppProblem.NotFound("Bukti dukung");
        var line = await db.WorksheetLines.SingleAsync(l => l.Id == lineId, ct);
        SaveLine.Workflow(() => sheet.Edited());
        db.LineEvidence.Remove(evidence);
        line.EvidenceChanged(me.UserName ?? "?");
        await Concurrency.SaveAsync(db, ct);
    }
}

public sealed record EvidenceFile(string FileName, string ContentType, Stream Content)
{
    /// <summary>An uploaded file is served as data, never run: no type sniffing, and sandboxed if opened in the browser.</summary>
    public void Protect(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox";
    }
}

/// <summary>Downloads an evidence file for anyone who may see the worksheet.</summary>
public sealed class DownloadEvidence(KinerjaDbContext db, WorksheetAccess access, EvidenceStore store)
{
    public async Task<EvidenceFile> HandleAsync(Guid worksheetId, Guid lineId, Guid evidenceId, CancellationToken ct = default)
    {
        await access.LoadAsync(worksheetId, ct);
        var e = await db.LineEvidence.AsNoTracking()
            .SingleOrDefaultAsync(x => x.Id == evidenceId && x.LineId == lineId && x.WorksheetId == worksheetId && x.Kind == EvidenceKind.File, ct);
        if (e?.Sha256 is null || !store.Exists(e.Sha256)) throw AppProblem.NotFound("Berkas bukti");
        return new EvidenceFile(e.FileName!, e.ContentType!, store.Open(e.Sha256));
    }
}

public sealed record AddCommentRequest(string? Text);

/// <summary>Adds a message to a line's thread: the unit (fillers) and the reviewers talk per line.</summary>
public sealed class AddComment(KinerjaDbContext db, WorksheetAccess access, CurrentUser me, TimeProvider clock)
{
    public async Task<CommentDto> HandleAsync(Guid worksheetId, Guid lineId, AddCommentRequest r, CancellationToken ct = default)
    {
        var (sheet, _) = await access.LoadAsync(worksheetId, ct);
        if (!me.HasAgencyRole(sheet.AgencyId, Role.Coordinator, Role.Secretary, Role.Head)) await access.EnsureCanFillAsync(sheet, ct);
        if (!await db.WorksheetLines.AnyAsync(l => l.Id == lineId && l.WorksheetId == worksheetId, ct)) throw AppProblem.NotFound("Baris");
        if (string.IsNullOrWhiteSpace(r.Text)) throw AppProblem.Invalid("text", new Text("Isi komentar wajib diisi."));
        if (r.Text.Length > LineComment.MaxLength) throw AppProblem.Invalid("text", new Text("{0} paling panjang {1} karakter.", "Komentar", LineComment.MaxLength));
        var c = new LineComment(Guid.CreateVersion7(), sheet.AgencyId, sheet.Id, lineId, me.UserName ?? "?", me.FullName ?? me.UserName ?? "?", r.Text, clock.GetUtcNow());
        db.LineComments.Add(c);
        await db.SaveChangesAsync(ct);
        return new CommentDto(c.Id, c.Author, c.AuthorName, c.Body, c.At);
    }
}

public sealed record ReopenRequest(string? Reason);

/// <summary>Unlocks a verified worksheet for correction, with a reason; the coordinator or secretary, audited like every change.</summary>
public sealed class ReopenWorksheet(KinerjaDbContext db, WorksheetAccess access, GetWorksheet get, Notifications.Notifier notify)
{
    public async Task<WorksheetDto> HandleAsync(Guid worksheetId, ReopenRequest r, CancellationToken ct = default)
    {
        var (sheet, round) = await access.LoadAsync(worksheetId, ct);
        access.EnsureCanReview(sheet);
        if (r.Reason?.Length > 1000) throw AppProblem.Invalid("reason", new Text("{0} paling panjang {1} karakter.", "Alasan", 1000));
        SaveLine.Workflow(() => sheet.Reopen(r.Reason));
        await notify.ToUnitAsync(sheet.AgencyId, sheet.UnitId, $"/Worksheets/{sheet.Id}", new Text("Kertas kerja {0} untuk {1} dibuka kembali: {2}",
            await access.UnitNameAsync(sheet, ct), Domain.Plan.Period.Parse(round.Period).DisplayName, sheet.ReopenReason ?? ""), ct);
        await Concurrency.SaveAsync(db, ct);
        return await get.HandleAsync(worksheetId, ct);
    }
}
