using System.Text.RegularExpressions;
using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Sop;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Sop;

/// <summary>
/// A template in a list. <paramref name="AgencyId"/> is null for the built-in ones; <paramref name="FillWorkingDays"/> is the
/// standard time of the step that fills and submits worksheets, which sets a round's default deadline.
/// </summary>
public sealed record SopTemplateDto(string Id, string Name, string Agency, string Source, bool BuiltIn, Guid? AgencyId, int Steps, int FillWorkingDays,
    IReadOnlyList<string> Facts);

/// <summary>The SOP templates a user can see: the built-in ones (the five seeds, then the generic one) and their agencies' own.</summary>
public sealed class SopCatalog(KinerjaDbContext db)
{
    public static IReadOnlyList<SopTemplate> BuiltIn { get; } = [.. BuiltInSops.All, GenericSop.Template];

    /// <summary>A built-in template, or <paramref name="agencyId"/>'s own (null when there is no such template for it).</summary>
    public async Task<SopTemplate?> FindAsync(string? id, Guid? agencyId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        if (BuiltIn.FirstOrDefault(t => t.Id == id) is { } builtIn) return builtIn;
        if (agencyId is null) return null;
        var json = await db.AgencySopTemplates.AsNoTracking().Where(t => t.Id == id && t.AgencyId == agencyId).Select(t => t.Json).SingleOrDefaultAsync(ct);
        return json is not null && SopTemplateJson.TryParse(json, out var t, out _) ? t : null;
    }

    public static SopTemplateDto ToDto(SopTemplate t, Guid? agencyId) =>
        new(t.Id, t.Identity.Name, t.Agency, t.Source, agencyId is null, agencyId, t.Steps.Count, FillWorkingDays(t), t.Facts);

    /// <summary>Working days the fill-and-submit step allows (5 when the template has no such step or no time for it).</summary>
    public static int FillWorkingDays(SopTemplate t)
    {
        var time = t.Steps.FirstOrDefault(s => s.Action == SopAction.FillAndSubmit)?.Time;
        return time switch
        {
            null => 5,
            { Unit: TimeUnit.Days } => Math.Max(1, (int)Math.Ceiling(time.Amount)),
            { Unit: TimeUnit.Hours } => Math.Max(1, (int)Math.Ceiling(time.Amount / 8.5m)),
            _ => 1,
        };
    }

    /// <summary>The roles held in the agency today: who can act for a template's actors.</summary>
    public async Task<IReadOnlySet<Role>> AgencyRolesAsync(Guid agencyId, CancellationToken ct) =>
        (await db.Positions.AsNoTracking().Where(p => p.AgencyId == agencyId).Select(p => p.Role).Distinct().ToListAsync(ct)).ToHashSet();
}

/// <summary>Every template the user may pick: the built-in ones first, then those of the user's agencies.</summary>
public sealed class ListSopTemplates(KinerjaDbContext db, CurrentUser me)
{
    public async Task<IReadOnlyList<SopTemplateDto>> HandleAsync(CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        var agencies = me.Grants.Select(g => g.AgencyId).Distinct().ToList();
        var own = await db.AgencySopTemplates.AsNoTracking().Where(t => me.IsSystemAdmin || agencies.Contains(t.AgencyId)).OrderBy(t => t.Id).ToListAsync(ct);
        return
        [
            .. SopCatalog.BuiltIn.Select(t => SopCatalog.ToDto(t, null)),
            .. own.Select(t => SopTemplateJson.TryParse(t.Json, out var parsed, out _) ? SopCatalog.ToDto(parsed, t.AgencyId) : null).OfType<SopTemplateDto>(),
        ];
    }
}

/// <summary>One template, whole (the shape <see cref="ImportSopTemplate"/> accepts).</summary>
public sealed class GetSopTemplate(KinerjaDbContext db, CurrentUser me, SopCatalog catalog)
{
    public async Task<SopTemplate> HandleAsync(string id, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        if (SopCatalog.BuiltIn.FirstOrDefault(t => t.Id == id) is { } builtIn) return builtIn;
        var owner = await db.AgencySopTemplates.AsNoTracking().Where(t => t.Id == id).Select(t => (Guid?)t.AgencyId).SingleOrDefaultAsync(ct);
        if (owner is not { } agency || !me.BelongsTo(agency)) throw AppProblem.NotFound("Templat SOP");
        return await catalog.FindAsync(id, agency, ct) ?? throw AppProblem.NotFound("Templat SOP");
    }
}

/// <summary>
/// Imports an agency's own SOP (JSON in the shape <c>GET /sop-templates/{id}</c> returns), e.g. a copy of a built-in one
/// edited for the agency. Validated as a whole: its structure, its steps and actions, and that the agency has a position
/// for every actor. An existing id of the same agency is replaced (running rounds keep the copy they started with).
/// The coordinator, the secretary or the agency's admin.
/// </summary>
public sealed partial class ImportSopTemplate(KinerjaDbContext db, CurrentUser me, SopCatalog catalog, TimeProvider clock)
{
    public async Task<SopTemplateDto> HandleAsync(Guid? agencyId, string json, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        if (agencyId is not { } agency) throw AppProblem.Invalid("agencyId", new Text("Sebutkan instansi pemilik templat (agencyId)."));
        me.EnsureBelongsTo(agency);
        if (!me.HasAgencyRole(agency, Role.Coordinator, Role.Secretary, Role.Admin)) throw CurrentUser.Denied("pengelolaan templat SOP");
        if (!SopTemplateJson.TryParse(json, out var template, out var parseProblems))
        {
            throw AppProblem.Invalid(new Dictionary<string, Text[]> { ["template"] = parseProblems.ToArray() });
        }

        var problems = SopTemplateRules.Problems(template, await catalog.AgencyRolesAsync(agency, ct)).ToList();
        if (!IdPattern().IsMatch(template.Id)) problems.Insert(0, new Text("Id templat hanya huruf kecil, angka dan tanda hubung (3-80 karakter), mis. sop-pengumpulan-data-2026."));
        if (SopCatalog.BuiltIn.Any(t => t.Id == template.Id)) problems.Insert(0, new Text("Id \"{0}\" dipakai templat bawaan. Beri id lain untuk salinan instansi.", template.Id));
        if (problems.Count > 0) throw AppProblem.Invalid(new Dictionary<string, Text[]> { ["template"] = problems.ToArray() });

        var existing = await db.AgencySopTemplates.SingleOrDefaultAsync(t => t.Id == template.Id, ct);
        if (existing is not null && existing.AgencyId != agency)
        {
            throw AppProblem.Invalid("template", new Text("Id \"{0}\" sudah dipakai instansi lain. Beri id lain.", template.Id));
        }

        var stored = SopTemplateJson.Serialize(template with { Source = string.IsNullOrWhiteSpace(template.Source) ? "impor" : template.Source });
        if (existing is null) db.AgencySopTemplates.Add(new AgencySopTemplate(template.Id, agency, stored, me.UserName!, clock.GetUtcNow()));
        else existing.Replace(stored, me.UserName!, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return SopCatalog.ToDto(template, agency);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,79}$")]
    private static partial Regex IdPattern();
}

/// <summary>
/// The SOP AP document (PermenPAN-RB 35/2012) of a template as DOCX, or as PDF converted by LibreOffice: identity block,
/// procedure table with the flowchart across the actor columns, source facts. An agency's own template is printed under
/// that agency's letterhead; a built-in one under the agency that wrote it.
/// </summary>
public sealed class RenderSopDocument(KinerjaDbContext db, GetSopTemplate get, Documents.PdfConverter pdf)
{
    public async Task<Plan.GeneratedFile> HandleAsync(string id, bool asPdf, CancellationToken ct = default)
    {
        var template = await get.HandleAsync(id, ct);
        var owner = await db.AgencySopTemplates.AsNoTracking().Where(t => t.Id == id).Select(t => (Guid?)t.AgencyId).SingleOrDefaultAsync(ct);
        Documents.Letterhead? letterhead = null;
        if (owner is { } agencyId && SopCatalog.BuiltIn.All(b => b.Id != id))
        {
            var a = await (from ag in db.Agencies.AsNoTracking()
                           join g in db.Governments.AsNoTracking() on ag.GovernmentId equals g.Id
                           where ag.Id == agencyId
                           select new { ag.Name, ag.Address, Government = g.Name }).SingleAsync(ct);
            letterhead = Documents.Letterhead.Of(a.Government, a.Name, a.Address);
        }

        var docx = Documents.SopDocumentDocx.Build(template, letterhead);
        if (!asPdf) return new Plan.GeneratedFile(docx, Plan.RenderAgreement.Docx, template.Id + ".docx");
        return new Plan.GeneratedFile(await pdf.ConvertAsync(docx, new Text("PDF belum dapat dibuat."), ct), "application/pdf", template.Id + ".pdf");
    }
}
