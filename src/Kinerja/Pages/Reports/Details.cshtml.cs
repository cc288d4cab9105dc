using Kinerja.Domain.Common;
using Kinerja.Domain.Reports;
using Kinerja.Features.Reports;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Reports;

/// <summary>
/// One report with its whole path: versions and their files (the PDF made in the background, polled with htmx), the
/// narratives, comments, the forms of the actions the user may take now, steps, signatures, the letter and dispatches.
/// </summary>
public sealed class DetailsModel(
    GetReport get, RunReportAction run, PutReportSection putSection, AttachReportMinutes minutes, GetReportFile files,
    RequestReportPdf pdf, CompareReportVersions compare, EvidenceStore store, CurrentUser me, TimeProvider clock) : KinerjaPage
{
    [FromRoute] public Guid Id { get; set; }

    public ReportDto Report { get; private set; } = null!;
    public bool MayDraft { get; private set; }
    public VersionComparisonDto? Comparison { get; private set; }

    /// <summary>The allowed actions of a refused step (409), listed next to the message.</summary>
    public IReadOnlyList<string>? Allowed { get; private set; }

    [BindProperty] public ActionInput Act { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await OnReloadAsync();
        if (From is { } from && To is { } to) Comparison = await compare.HandleAsync(Id, from, to, ct);
        return Page();
    }, "Compare");

    protected override async Task OnReloadAsync()
    {
        Report = await get.HandleAsync(Id, HttpContext.RequestAborted);
        MayDraft = ReportAccess.MayDraft(me, Report.AgencyId);
    }

    /// <summary>A step of the path (circulate, comment, return, finalize, sign, dispatch, ...), from its form.</summary>
    public Task<IActionResult> OnPostActionAsync(string step, CancellationToken ct) => RunAsync(() => Explained(async () =>
    {
        var recipient = string.IsNullOrWhiteSpace(Act.RecipientOther) ? Act.Recipient : Act.RecipientOther.Trim();
        var attendees = (Act.Attendees ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var meeting = step == "finalize" ? new MeetingRequest(Act.MeetingDate, attendees, Act.Decisions) : null;
        var request = new ReportActionRequest(Blank(Act.Reason), Blank(Act.Comment), Blank(Act.Section), Blank(Act.InitialBy), meeting,
            Act.Copies, Blank(recipient), Blank(Act.Method), Act.Date, Blank(Act.Note));
        await run.HandleAsync(Id, step, request, Act.Version, ct);
        return Redirect($"/Reports/Details/{Id}");
    }), nameof(Act));

    /// <summary>Saves one section's narrative.</summary>
    public Task<IActionResult> OnPostSectionAsync(string key, string? text, int? version, CancellationToken ct) => RunAsync(() => Explained(async () =>
    {
        await putSection.HandleAsync(Id, key, new SectionRequest(text), version, ct);
        return Redirect($"/Reports/Details/{Id}#section-{key}");
    }), "Section");

    /// <summary>Attaches the finalization meeting's minutes.</summary>
    public Task<IActionResult> OnPostMinutesAsync(IFormFile? file, CancellationToken ct) => RunAsync(() => Explained(async () =>
    {
        if (file is null) throw AppProblem.Invalid("file", new Text("Pilih berkas notulen."));
        await using var stream = file.OpenReadStream();
        await minutes.HandleAsync(Id, file.FileName, stream, file.Length, ct);
        return Redirect($"/Reports/Details/{Id}");
    }), "Minutes");

    public Task<IActionResult> OnGetDocxAsync(int? version, CancellationToken ct) => RunAsync(async () =>
        Send(await files.HandleAsync(Id, version, ct)));

    public Task<IActionResult> OnGetCoverLetterAsync(CancellationToken ct) => RunAsync(async () =>
        Send(await files.CoverLetterAsync(Id, ct)));

    public Task<IActionResult> OnGetMinutesAsync(CancellationToken ct) => RunAsync(async () =>
    {
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentSecurityPolicy = "sandbox";
        return Send(await files.MinutesAsync(Id, ct));
    });

    /// <summary>The version's PDF when it is made; otherwise back to the page (whose button asks for it).</summary>
    public Task<IActionResult> OnGetPdfAsync(int version, CancellationToken ct) => RunAsync(async () =>
    {
        var (file, _) = await pdf.HandleAsync(Id, version, ct);
        return file is null ? Redirect($"/Reports/Details/{Id}") : Send(file);
    });

    /// <summary>htmx: asks for the version's PDF (queued once) and answers the progress fragment, which polls itself.</summary>
    public Task<IActionResult> OnPostPdfAsync(int version, CancellationToken ct) => RunAsync(async () =>
    {
        try
        {
            var (_, progress) = await pdf.HandleAsync(Id, version, ct);
            return Partial("_Pdf", new PdfView(Id, version, progress.Status, progress.Progress, progress.Message));
        }
        catch (AppProblem p) when (p.Status == StatusCodes.Status503ServiceUnavailable)
        {
            return Partial("_Pdf", new PdfView(Id, version, "failed", 0, M[p.Detail ?? p.Title]));
        }
    });

    /// <summary>htmx: the progress fragment as the background job reports it (reading only, so a failure is not retried by polling).</summary>
    public Task<IActionResult> OnGetPdfProgressAsync(int version, CancellationToken ct) => RunAsync(async () =>
    {
        var report = await get.HandleAsync(Id, ct);
        var v = report.Versions.SingleOrDefault(x => x.Number == version) ?? throw AppProblem.NotFound("Versi laporan");
        return Partial("_Pdf", new PdfView(Id, version, v.PdfStatus, v.PdfProgress, v.PdfMessage));
    });

    private FileStreamResult Send(StoredFile f) => File(store.Open(f.Sha256), f.ContentType, f.FileName);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    /// <summary>Shows a refused step with what is allowed now (409), and a signing the server cannot do yet (503) as a message.</summary>
    private async Task<IActionResult> Explained(Func<Task<IActionResult>> action)
    {
        try
        {
            return await action();
        }
        catch (AppProblem p) when (p.Status == StatusCodes.Status409Conflict)
        {
            Allowed = p.AllowedActions ?? [];
            throw;
        }
        catch (AppProblem p) when (p.Status == StatusCodes.Status503ServiceUnavailable)
        {
            ModelState.AddModelError(string.Empty, M[p.Detail ?? p.Title]);
            await OnReloadAsync();
            return Page();
        }
    }

    /// <summary>A moment as the agency reads it: 3 Juni 2026 14.05.</summary>
    public string When(DateTimeOffset at)
    {
        var local = at.ToOffset(clock.GetLocalNow().Offset);
        return IndonesianFormat.Date(DateOnly.FromDateTime(local.DateTime)) + " " + local.ToString("HH.mm", IndonesianFormat.Culture);
    }

    public static string ActionLabel(string apiName) => ReportWorkflow.ParseAction(apiName) is { } a ? ReportWorkflow.Label(a) : apiName;

    public string Today => clock.GetLocalNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public sealed class ActionInput
    {
        public int? Version { get; set; }
        public string? Reason { get; set; }
        public string? Comment { get; set; }
        public string? Section { get; set; }
        public string? InitialBy { get; set; }
        public DateOnly? MeetingDate { get; set; }
        public string? Attendees { get; set; }
        public string? Decisions { get; set; }
        public int? Copies { get; set; }
        public string? Recipient { get; set; }
        public string? RecipientOther { get; set; }
        public string? Method { get; set; }
        public DateOnly? Date { get; set; }
        public string? Note { get; set; }
    }
}

/// <summary>What the PDF cell of a version shows: its stage and progress.</summary>
public sealed record PdfView(Guid ReportId, int Version, string Status, int Progress, string? Message);
