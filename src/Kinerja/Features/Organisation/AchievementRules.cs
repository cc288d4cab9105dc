using Kinerja.Data;
using Kinerja.Domain.Achievement;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Organisation;

/// <summary>One category band: achievements strictly above <paramref name="Above"/> percent (none for the last band).</summary>
public sealed record CategoryBandDto(decimal? Above, string? Label, string? Colour);

/// <summary>
/// How an agency scores achievement: the cap applied when indicators are averaged (null for none) and the category
/// scale, highest band first. <paramref name="IsDefaultScale"/> when the agency uses Permendagri 86/2017.
/// </summary>
public sealed record AchievementRulesDto(Guid AgencyId, decimal? Cap, bool IsDefaultScale, IReadOnlyList<CategoryBandDto> Categories, int Version);

/// <summary>The new rules; <paramref name="Categories"/> null or empty goes back to Permendagri 86/2017.</summary>
public sealed record UpdateAchievementRulesRequest(decimal? Cap, IReadOnlyList<CategoryBandDto>? Categories);

public sealed class GetAchievementRules(KinerjaDbContext db, CurrentUser me)
{
    public async Task<AchievementRulesDto> HandleAsync(Guid agencyId, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw AppProblem.NotFound("Instansi");
        return ToDto(agency);
    }

    internal static AchievementRulesDto ToDto(Agency a) =>
        new(a.Id, a.AchievementCap, a.CategoryBands is null,
            a.CategoryScale.Bands.Select(b => new CategoryBandDto(b.Above, b.Label, b.Colour)).ToList(), a.Version);
}

/// <summary>
/// Changes the cap and the category scale. The agency's admin, head or coordinator (who owns the performance plan);
/// needs the version last seen. Every problem with the scale is reported at once.
/// </summary>
public sealed class UpdateAchievementRules(KinerjaDbContext db, CurrentUser me)
{
    /// <summary>The colours a category may take: those the pages, the recap workbook and the reports can show.</summary>
    public static readonly IReadOnlyList<string> Palette = ["darkgreen", "green", "blue", "gold", "yellow", "orange", "red"];

    public async Task<AchievementRulesDto> HandleAsync(Guid agencyId, UpdateAchievementRulesRequest request, int? expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        if (!me.HasAgencyRole(agencyId, Role.Admin, Role.Head, Role.Coordinator)) throw CurrentUser.Denied("pengaturan skala kategori dan batas atas capaian");
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw AppProblem.NotFound("Instansi");
        Concurrency.EnsureVersion(expectedVersion, agency.Version);

        if (AchievementCalculator.CapProblem(request.Cap) is { } capProblem) throw AppProblem.Invalid("cap", capProblem);
        if (request.Cap is > 1000) throw AppProblem.Invalid("cap", new Text("Batas atas capaian paling tinggi 1.000 %."));
        IReadOnlyList<CategoryBand>? bands = null;
        if (request.Categories is { Count: > 0 } categories)
        {
            if (categories.Count > 10) throw AppProblem.Invalid("categories", new Text("Skala kategori paling banyak 10 kategori."));
            bands = categories.Select(c => new CategoryBand(c.Above, c.Label?.Trim() ?? "", c.Colour?.Trim().ToLowerInvariant() ?? "")).ToList();
            var problems = CategoryScale.Problems(bands).ToList();
            foreach (var colour in bands.Select(b => b.Colour).Where(c => c.Length > 0 && !Palette.Contains(c)).Distinct())
            {
                problems.Add(new Text("Warna \"{0}\" tidak tersedia. Pilih salah satu: {1}.", colour, string.Join(", ", Palette)));
            }

            if (problems.Count > 0) throw AppProblem.Invalid(new Dictionary<string, Text[]> { ["categories"] = problems.ToArray() });
            if (bands.Any(b => b.Label.Length > 40)) throw AppProblem.Invalid("categories", new Text("Nama kategori paling panjang 40 karakter."));
        }

        agency.SetAchievementRules(request.Cap, bands);
        await Concurrency.SaveAsync(db, ct);
        return GetAchievementRules.ToDto(agency);
    }
}
