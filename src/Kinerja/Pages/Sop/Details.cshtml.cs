using Kinerja.Domain.Sop;
using Kinerja.Features.Sop;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Sop;

/// <summary>
/// One SOP template whole: its identity block, actors, steps (with the system action each is bound to) and the facts kept
/// about its source; its JSON to download (to edit and import as the agency's own), and how long each step really took
/// over the agency's rounds that followed it.
/// </summary>
public sealed class DetailsModel(GetSopTemplate get, ListSopTemplates list, GetSopTimingReport timing, CurrentUser me) : KinerjaPage
{
    [FromRoute] public string Id { get; set; } = "";

    /// <summary>The agency whose rounds the timing report covers: the template's owner, else the user's first agency.</summary>
    [BindProperty(SupportsGet = true)] public Guid? AgencyId { get; set; }

    public SopTemplate Template { get; private set; } = null!;
    public SopTemplateDto? Summary { get; private set; }
    public SopTimingReportDto? Timing { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        Template = await get.HandleAsync(Id, ct);
        Summary = (await list.HandleAsync(ct)).FirstOrDefault(t => t.Id == Id);
        AgencyId ??= Summary?.AgencyId ?? me.Grants.FirstOrDefault()?.AgencyId;
        if (AgencyId is { } agency && me.BelongsTo(agency))
        {
            try
            {
                Timing = await timing.HandleAsync(Id, agency, ct);
            }
            catch (AppProblem p) when (p.Status == StatusCodes.Status404NotFound)
            {
                Timing = null; // an imported template no round has followed yet
            }
        }

        return Page();
    });

    /// <summary>The template as JSON, the shape the import accepts.</summary>
    public Task<IActionResult> OnGetJsonAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var t = await get.HandleAsync(Id, ct);
        return File(System.Text.Encoding.UTF8.GetBytes(SopTemplateJson.Serialize(t)), "application/json", $"{t.Id}.json");
    });

    /// <summary>The SOP AP document with its flowchart, as DOCX or (pdf=true) PDF.</summary>
    public Task<IActionResult> OnGetDocumentAsync(bool pdf, [FromServices] RenderSopDocument render, CancellationToken ct) => RunAsync(async () =>
    {
        var f = await render.HandleAsync(Id, pdf, ct);
        return File(f.Content, f.ContentType, f.FileName);
    });

    /// <summary>An actor's column heading by its key (the key itself when the template does not list it).</summary>
    public string Actor(string key) =>
        Template.Actors.FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase))?.Title ?? key;
}
