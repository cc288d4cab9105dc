using Kinerja.Domain.Common;
using Kinerja.Features.Rounds;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Worksheets;

/// <summary>
/// Fill a worksheet offline: download it as Excel, upload it filled, see per line what will change and
/// every problem, then apply. Between the two steps the file waits in the data folder under a random
/// token tied to the user and the worksheet, and is deleted once applied.
/// </summary>
[RequestSizeLimit(Uploads.MaxWorkbookBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = Uploads.MaxWorkbookBytes + 64 * 1024)]
public sealed class ExcelModel(GetWorksheet get, DownloadWorksheetWorkbook download, UploadWorksheetWorkbook upload, CurrentUser me, CheckedUploads checkedUploads)
    : KinerjaPage
{
    [FromRoute] public Guid Id { get; set; }

    public WorksheetDto Sheet { get; private set; } = null!;
    public WorksheetUploadReport? Report { get; private set; }
    public string? Token { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await OnReloadAsync();
        return Page();
    });

    protected override async Task OnReloadAsync() => Sheet = await get.HandleAsync(Id, HttpContext.RequestAborted);

    public Task<IActionResult> OnGetDownloadAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var f = await download.HandleAsync(Id, ct);
        return File(f.Content, f.ContentType, f.FileName);
    });

    public Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct) => RunAsync(async () =>
    {
        await OnReloadAsync();
        if (file is null || file.Length == 0) throw AppProblem.Invalid("file", new Text("Pilih berkas Excel (.xlsx) untuk diunggah."));
        if (file.Length > Uploads.MaxWorkbookBytes) throw Uploads.TooLarge();
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        Report = await upload.HandleAsync(Id, buffer, dryRun: true, ct);
        if (Report.Problems.Count == 0 && Report.Conflicts.Count == 0 && Report.Changes.Count > 0)
        {
            Token = await checkedUploads.KeepAsync(Owner, buffer.ToArray(), ct);
        }

        return Page();
    }, "File");

    public Task<IActionResult> OnPostApplyAsync(string? token, CancellationToken ct) => RunAsync(async () =>
    {
        await OnReloadAsync();
        await using (var stored = checkedUploads.Open(Owner, token))
        {
            Report = await upload.HandleAsync(Id, stored, dryRun: false, ct);
        }

        if (Report.Applied) checkedUploads.Remove(Owner, token!);
        await OnReloadAsync();
        return Page();
    }, "File");

    /// <summary>Per user and worksheet, so nobody can apply another person's upload.</summary>
    private string Owner => $"{me.Id:N}-{Id:N}";
}
