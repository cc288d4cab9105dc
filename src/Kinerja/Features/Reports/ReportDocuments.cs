using System.Text.Json;
using Kinerja.Data;
using Kinerja.Documents;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Reports;
using Kinerja.Domain.Rounds;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Reports;

/// <summary>A stored file to send: its hash in the store, the name to download it under and its type.</summary>
public sealed record StoredFile(string Sha256, string FileName, string ContentType);

/// <summary>Where a version's PDF is: <c>status</c> none / queued / running / done / failed, <c>progress</c> 0-100.</summary>
public sealed record PdfProgressDto(int Version, string Status, int Progress, string? Message, string? DownloadUrl);

/// <summary>The report's files: a version's DOCX and PDF, the cover letter, the minutes.</summary>
public sealed class GetReportFile(KinerjaDbContext db, CurrentUser me)
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The DOCX of <paramref name="version"/> (the latest when null).</summary>
    public async Task<StoredFile> HandleAsync(Guid reportId, int? version, CancellationToken ct = default)
    {
        var (report, v) = await VersionAsync(db, me, reportId, version, ct);
        return new StoredFile(v.DocxSha256, FileName(report, v.Number, "docx"), Docx);
    }

    internal static async Task<(Report Report, ReportVersion Version)> VersionAsync(KinerjaDbContext db, CurrentUser me, Guid reportId, int? version, CancellationToken ct)
    {
        var report = await ReportAccess.LoadAsync(db, me, reportId, track: false, ct);
        var number = version ?? report.LatestVersion;
        var v = await db.ReportVersions.AsNoTracking().SingleOrDefaultAsync(x => x.ReportId == reportId && x.Number == number, ct)
                ?? throw AppProblem.NotFound("Versi laporan");
        return (report, v);
    }

    internal static string FileName(Report r, int version, string extension) =>
        $"laporan-kinerja-{r.Period}-v{version}.{extension}";

    /// <summary>The numbered cover letter (after <c>number-cover-letter</c>).</summary>
    public async Task<StoredFile> CoverLetterAsync(Guid reportId, CancellationToken ct = default)
    {
        var report = await ReportAccess.LoadAsync(db, me, reportId, track: false, ct);
        if (report.LetterDocxSha256 is not { } sha) throw AppProblem.NotFound("Surat pengantar");
        return new StoredFile(sha, $"surat-pengantar-{report.Period}.docx", Docx);
    }

    /// <summary>The finalization meeting's minutes, as uploaded.</summary>
    public async Task<StoredFile> MinutesAsync(Guid reportId, CancellationToken ct = default)
    {
        var report = await ReportAccess.LoadAsync(db, me, reportId, track: false, ct);
        if (report.MinutesSha256 is not { } sha) throw AppProblem.NotFound("Notulen rapat finalisasi");
        var name = report.MinutesFileName ?? "notulen";
        return new StoredFile(sha, name, EvidenceRules.ContentTypeOf(name));
    }
}

/// <summary>
/// The PDF of a version. Ready: the file. Not yet: the request queues it (once) for the background converter and answers
/// with its progress; the page polls until it is done. The signed version's PDF was made when it was signed.
/// </summary>
public sealed class RequestReportPdf(KinerjaDbContext db, CurrentUser me, TimeProvider clock, PdfConverter converter)
{
    public async Task<(StoredFile? File, PdfProgressDto Progress)> HandleAsync(Guid reportId, int? version, CancellationToken ct = default)
    {
        var (report, v) = await GetReportFile.VersionAsync(db, me, reportId, version, ct);
        if (v.PdfStatus == PdfJobStatus.Done && v.PdfSha256 is { } sha)
        {
            return (new StoredFile(sha, GetReportFile.FileName(report, v.Number, "pdf"), "application/pdf"), Progress(reportId, v));
        }

        if (!converter.IsAvailable)
        {
            throw new AppProblem(StatusCodes.Status503ServiceUnavailable, new Text("PDF belum dapat dibuat."), PdfConverter.NotInstalled);
        }

        if (v.PdfStatus is PdfJobStatus.None or PdfJobStatus.Failed)
        {
            // Queue it once: a conditional update, so two people asking at once start one conversion.
            var from = v.PdfStatus;
            var now = clock.GetUtcNow();
            await db.ReportVersions.Where(x => x.Id == v.Id && x.PdfStatus == from)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.PdfStatus, PdfJobStatus.Queued).SetProperty(x => x.PdfProgress, 0)
                    .SetProperty(x => x.PdfMessage, (string?)null).SetProperty(x => x.PdfRequestedAt, now), ct);
            PdfJobs.Wake();
            v = await db.ReportVersions.AsNoTracking().SingleAsync(x => x.Id == v.Id, ct);
        }

        return (null, Progress(reportId, v));
    }

    internal static PdfProgressDto Progress(Guid reportId, ReportVersion v) =>
        new(v.Number, v.PdfStatus.ToString().ToLowerInvariant(), v.PdfProgress, v.PdfMessage,
            v.PdfStatus == PdfJobStatus.Done ? $"/api/v1/reports/{reportId}/document.pdf?version={v.Number}" : null);
}

public sealed record SectionRequest(string? Text);

/// <summary>
/// Writes a section's narrative. Only while the report is a draft (draft, circulated, revised); the coordinator or the
/// secretary; needs the section's version last seen once it exists (If-Match). The next generated version prints it.
/// </summary>
public sealed class PutReportSection(KinerjaDbContext db, CurrentUser me, TimeProvider clock, GetReport get)
{
    public async Task<ReportSectionDto> HandleAsync(Guid reportId, string key, SectionRequest request, int? expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var report = await ReportAccess.LoadAsync(db, me, reportId, track: false, ct);
        if (!ReportAccess.MayDraft(me, report.AgencyId)) throw CurrentUser.Denied("penulisan narasi laporan");
        if (!report.IsEditable)
        {
            throw ReportAccess.NotNow(report, new Text("Laporan berstatus {0}: narasi hanya dapat diubah sebelum finalisasi. Kembalikan laporan bila perlu diperbaiki.", ReportWorkflow.Label(report.Status)));
        }

        var codes = await GetReport.ObjectiveCodesAsync(db, report, ct);
        var section = ReportSections.Find(key, codes) ?? throw AppProblem.NotFound("Bagian laporan");
        if (!section.Narrative) throw AppProblem.Invalid("key", new Text("Bagian \"{0}\" dibuat dari data dan tidak punya narasi.", section.Title));
        var text = (request.Text ?? "").Replace("\r\n", "\n").Trim();
        if (text.Length > ReportTexts.MaxNarrative)
        {
            throw AppProblem.Invalid("text", new Text("Narasi paling panjang {0} karakter; yang diisi {1}.", IndonesianFormat.Number(ReportTexts.MaxNarrative),
                IndonesianFormat.Number(text.Length)));
        }

        var narrative = await db.ReportNarratives.SingleOrDefaultAsync(n => n.ReportId == reportId && n.Key == section.Key, ct);
        if (narrative is null)
        {
            narrative = new ReportNarrative(Guid.CreateVersion7(), report.AgencyId, reportId, section.Key);
            db.ReportNarratives.Add(narrative);
        }
        else
        {
            Concurrency.EnsureVersion(expectedVersion, narrative.Version);
        }

        narrative.Write(text, me.UserName!, clock.GetUtcNow());
        await Concurrency.SaveAsync(db, ct);
        return (await get.HandleAsync(reportId, ct)).Sections.Single(s => s.Key == section.Key);
    }
}

/// <summary>Regenerates the report from the data as it is now (a new version), keeping the narratives. Drafts only.</summary>
public sealed class RegenerateReport(KinerjaDbContext db, CurrentUser me, ReportVersions versions, GetReport get)
{
    public async Task<ReportDto> HandleAsync(Guid reportId, string? reason, CancellationToken ct = default)
    {
        var report = await ReportAccess.LoadAsync(db, me, reportId, track: true, ct);
        if (!ReportAccess.MayDraft(me, report.AgencyId)) throw CurrentUser.Denied("penyusunan laporan kinerja");
        if (!report.IsEditable)
        {
            throw ReportAccess.NotNow(report, new Text("Laporan berstatus {0}: versi baru hanya dibuat sebelum finalisasi.", ReportWorkflow.Label(report.Status)));
        }

        if (reason?.Length > 1000) throw AppProblem.Invalid("reason", new Text("Alasan paling panjang 1.000 karakter."));
        await versions.GenerateAsync(report, string.IsNullOrWhiteSpace(reason) ? new Text("Dibuat ulang dari data terbaru").ToString() : reason.Trim(), ct);
        await Concurrency.SaveAsync(db, ct);
        return await get.HandleAsync(reportId, ct);
    }
}

/// <summary>One difference between two versions: the place in the document (e.g. <c>objectives[0].indicators[1].toDate.realization</c>) and both values.</summary>
public sealed record VersionChangeDto(string Path, string? Before, string? After);

public sealed record VersionComparisonDto(int From, int To, IReadOnlyList<VersionChangeDto> Changes);

/// <summary>Compares what two versions print (figures, narratives, signature), value by value.</summary>
public sealed class CompareReportVersions(KinerjaDbContext db, CurrentUser me)
{
    public async Task<VersionComparisonDto> HandleAsync(Guid reportId, int from, int to, CancellationToken ct = default)
    {
        var (_, a) = await GetReportFile.VersionAsync(db, me, reportId, from, ct);
        var (_, b) = await GetReportFile.VersionAsync(db, me, reportId, to, ct);
        var before = Flatten(a.ContentJson);
        var after = Flatten(b.ContentJson);
        var changes = before.Keys.Union(after.Keys)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k) && !k.EndsWith(".date", StringComparison.Ordinal) && k != "date" && k != "version")
            .Select(k => new VersionChangeDto(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .ToList();
        return new VersionComparisonDto(from, to, changes);
    }

    internal static Dictionary<string, string?> Flatten(string json)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(json);
        void Walk(JsonElement e, string path)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject()) Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}");
                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in e.EnumerateArray()) Walk(item, $"{path}[{i++}]");
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    result[path] = e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText();
                    break;
            }
        }

        Walk(doc.RootElement, "");
        return result;
    }
}

/// <summary>
/// Attaches the finalization meeting's minutes (notulen): a PDF, image or office file of at most 10 MB, recognised by
/// content. Before the report is finalized.
/// </summary>
public sealed class AttachReportMinutes(KinerjaDbContext db, CurrentUser me, EvidenceStore store, GetReport get)
{
    /// <summary>404 outside the agency, 403 for a role that does not run reports: checked before an upload is read.</summary>
    public async Task EnsureAllowedAsync(Guid reportId, CancellationToken ct)
    {
        var report = await ReportAccess.LoadAsync(db, me, reportId, track: false, ct);
        if (!ReportAccess.MayDraft(me, report.AgencyId)) throw CurrentUser.Denied("pencatatan rapat finalisasi");
    }

    public async Task<ReportDto> HandleAsync(Guid reportId, string? fileName, Stream content, long length, CancellationToken ct = default)
    {
        var report = await ReportAccess.LoadAsync(db, me, reportId, track: true, ct);
        if (!ReportAccess.MayDraft(me, report.AgencyId)) throw CurrentUser.Denied("pencatatan rapat finalisasi");
        if (report.Status is not (ReportStatus.Circulated or ReportStatus.Revised or ReportStatus.Finalized))
        {
            throw ReportAccess.NotNow(report, new Text("Notulen dilampirkan setelah draf diedarkan dan sebelum laporan diajukan untuk persetujuan."));
        }

        var (stored, check) = await store.SaveCheckedAsync(fileName, content, length, ct);
        report.AttachMinutes(stored.Sha256, check.SafeName);
        await Concurrency.SaveAsync(db, ct);
        return await get.HandleAsync(reportId, ct);
    }
}

public sealed record VerificationDto(
    bool Valid, string Code, string? Message, string? Agency, string? Title, string? Period, string? SignerName, string? Position,
    DateTimeOffset? SignedAt, int? Version, string? DocxSha256, string? PdfSha256, string? LetterNumber);

/// <summary>
/// Public check of a signed report's code (no sign-in): what was signed, by whom, when, and the SHA-256 of the signed PDF
/// to compare with the file in hand. A malformed code says what is wrong with it; an unknown one says it is not ours.
/// </summary>
public sealed class VerifyDocument(KinerjaDbContext db)
{
    public async Task<VerificationDto> HandleAsync(string? code, CancellationToken ct = default)
    {
        if (!VerificationCode.TryParse(code, out var parsed, out var error)) return new VerificationDto(false, code ?? "", error!.ToString(), null, null, null, null, null, null, null, null, null, null);
        var found = await (from s in db.ReportSignatures.AsNoTracking()
                           join r in db.Reports.AsNoTracking() on s.ReportId equals r.Id
                           join a in db.Agencies.AsNoTracking() on r.AgencyId equals a.Id
                           where s.Code == parsed.Value
                           select new { s, r, Agency = a.Name }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return new VerificationDto(false, parsed.ToString(), "Kode ini tidak terdaftar: dokumen tidak ditandatangani melalui Kinerja atau kodenya salah baca.",
                null, null, null, null, null, null, null, null, null, null);
        }

        var p = Period.Parse(found.r.Period);
        return new VerificationDto(true, parsed.ToString(), null, found.Agency, PerformanceReportDocument.TitleOf(found.r.Kind, p), p.DisplayName,
            found.s.SignerName, found.s.Position, found.s.SignedAt, found.s.VersionNumber, found.s.DocxSha256, found.s.PdfSha256, found.r.LetterNumber);
    }
}

public sealed record LetterRequest(string? Subject);

public sealed record LetterDto(Guid Id, int Year, int Sequence, string Number, string Subject, Guid? ReportId, string IssuedBy, DateTimeOffset IssuedAt);

/// <summary>
/// The agency's outgoing-letter register: letters numbered so far in a year, and a number for any other letter (the same
/// sequence the cover letters take). The coordinator or the secretary numbers; everyone in the agency reads.
/// </summary>
public sealed class ListLetters(KinerjaDbContext db, CurrentUser me)
{
    public async Task<IReadOnlyList<LetterDto>> HandleAsync(Guid agencyId, int year, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        if (year is < Period.MinYear or > Period.MaxYear) throw AppProblem.Invalid("year", new Text("Tahun {0} di luar rentang {1}-{2}.", year, Period.MinYear, Period.MaxYear));
        var letters = await db.Letters.AsNoTracking().Where(l => l.AgencyId == agencyId && l.Year == year).ToListAsync(ct);
        return letters.OrderBy(l => l.Sequence).Select(ToDto).ToList();
    }

    internal static LetterDto ToDto(Letter l) => new(l.Id, l.Year, l.Sequence, l.Number, l.Subject, l.ReportId, l.IssuedBy, l.IssuedAt);
}

public sealed class NumberLetter(KinerjaDbContext db, CurrentUser me, TimeProvider clock)
{
    public async Task<LetterDto> HandleAsync(Guid agencyId, LetterRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        if (!ReportAccess.MayDraft(me, agencyId)) throw CurrentUser.Denied("penomoran surat");
        var subject = request.Subject?.Trim();
        if (string.IsNullOrEmpty(subject)) throw AppProblem.Invalid("subject", new Text("Perihal surat wajib diisi."));
        if (subject.Length > 500) throw AppProblem.Invalid("subject", new Text("Perihal surat paling panjang 500 karakter."));
        var parsed = await LetterRegisters.PatternAsync(db, agencyId, ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        await LetterRegisters.EnsureAsync(db, agencyId, today.Year, ct);
        await using var scope = await db.BeginWriteAsync(ct);
        var letter = await LetterRegisters.NextAsync(db, agencyId, today, parsed, subject, null, me.UserName!, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        await scope.CommitAsync(ct);
        return ListLetters.ToDto(letter);
    }
}
