using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Features.Organisation;
using Kinerja.Features.Sop;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Sop;

/// <summary>
/// The SOP templates the user can see (built-in first, then their agencies' own) and, for coordinators, secretaries and
/// admins, the form that imports an agency's own template as JSON (typed or uploaded) with every problem listed.
/// </summary>
[RequestSizeLimit(MaxJsonChars * 4 + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxJsonChars * 4 + 64 * 1024, ValueLengthLimit = MaxJsonChars * 4)]
public sealed class IndexModel(ListSopTemplates list, ImportSopTemplate import, ListAgencies agencies, CurrentUser me) : KinerjaPage
{
    public const int MaxJsonChars = 200_000;

    public IReadOnlyList<SopTemplateDto> Templates { get; private set; } = [];

    /// <summary>The agencies whose templates the user may import (coordinator, secretary or admin there).</summary>
    public IReadOnlyList<AgencyDto> ImportAgencies { get; private set; } = [];

    [BindProperty] public ImportInput Import { get; set; } = new();

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await OnReloadAsync();
        return Page();
    });

    protected override async Task OnReloadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Templates = await list.HandleAsync(ct);
        ImportAgencies = (await agencies.HandleAsync(ct)).Where(a => me.HasAgencyRole(a.Id, Role.Coordinator, Role.Secretary, Role.Admin)).ToList();
    }

    public Task<IActionResult> OnPostImportAsync(IFormFile? upload, CancellationToken ct) => RunAsync(async () =>
    {
        if (upload is { Length: > 0 })
        {
            if (upload.Length > MaxJsonChars * 4) throw Big();
            using var reader = new StreamReader(upload.OpenReadStream());
            Import.Json = await reader.ReadToEndAsync(ct);
        }

        if (string.IsNullOrWhiteSpace(Import.Json)) throw AppProblem.Invalid("template", new Text("Tempel JSON templat SOP atau pilih berkasnya."));
        if (Import.Json.Length > MaxJsonChars) throw Big();
        var dto = await import.HandleAsync(Import.AgencyId, Import.Json, ct);
        return Redirect($"/Sop/Details/{dto.Id}");
    }, nameof(Import));

    private static AppProblem Big() => AppProblem.Invalid("template", new Text("Templat SOP paling besar 200.000 karakter."));

    public sealed class ImportInput
    {
        public Guid? AgencyId { get; set; }
        public string? Json { get; set; }
    }
}
