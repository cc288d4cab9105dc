using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Features.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Plan;

/// <summary>
/// Upload a plan workbook, see exactly what it would do, then apply it. Between the two steps the file
/// waits in the data folder under a random token tied to the user, and is deleted once applied.
/// </summary>
[RequestSizeLimit(Uploads.MaxWorkbookBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = Uploads.MaxWorkbookBytes + 64 * 1024)]
public sealed class ImportModel(ImportPlan import, ExportPlan export, PlanTemplate template, CurrentUser me, CheckedUploads checkedUploads) : KinerjaPage
{
    [BindProperty(SupportsGet = true)] public Guid AgencyId { get; set; }

    public bool CanImport { get; private set; }
    public ImportReport? Report { get; private set; }
    public string? Token { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await me.LoadAsync(ct);
        if (!me.BelongsTo(AgencyId)) return NotFound();
        CanImport = me.HasAgencyRole(AgencyId, Role.Coordinator, Role.Secretary, Role.Admin);
        return Page();
    }

    protected override async Task OnReloadAsync()
    {
        await me.LoadAsync(HttpContext.RequestAborted);
        CanImport = me.HasAgencyRole(AgencyId, Role.Coordinator, Role.Secretary, Role.Admin);
    }

    public Task<IActionResult> OnGetDownloadAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var f = await export.HandleAsync(AgencyId, ct);
        return File(f.Content, f.ContentType, f.FileName);
    });

    public Task<IActionResult> OnGetTemplateAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var f = await template.HandleAsync(AgencyId, ct);
        return File(f.Content, f.ContentType, f.FileName);
    });

    public Task<IActionResult> OnPostPreviewAsync(IFormFile? upload, CancellationToken ct) => RunAsync(async () =>
    {
        await me.LoadAsync(ct);
        CanImport = me.HasAgencyRole(AgencyId, Role.Coordinator, Role.Secretary, Role.Admin);
        if (upload is null || upload.Length == 0) throw AppProblem.Invalid("upload", new Text("Pilih berkas Excel (.xlsx) untuk diunggah."));
        if (upload.Length > Uploads.MaxWorkbookBytes) throw Uploads.TooLarge();
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        Report = await import.HandleAsync(AgencyId, buffer, dryRun: true, ct);
        if (Report.Problems.Count == 0 && Report.Changes.Count > 0)
        {
            Token = await checkedUploads.KeepAsync(Owner, buffer.ToArray(), ct);
        }

        return Page();
    }, "Upload");

    public Task<IActionResult> OnPostApplyAsync(string? token, CancellationToken ct) => RunAsync(async () =>
    {
        await me.LoadAsync(ct);
        CanImport = me.HasAgencyRole(AgencyId, Role.Coordinator, Role.Secretary, Role.Admin);
        await using (var file = checkedUploads.Open(Owner, token))
        {
            Report = await import.HandleAsync(AgencyId, file, dryRun: false, ct);
        }

        if (Report.Applied) checkedUploads.Remove(Owner, token!);
        return Page();
    }, "Upload");

    /// <summary>Per user and agency, so nobody can apply another person's upload.</summary>
    private string Owner => $"{me.Id:N}-{AgencyId:N}";
}
