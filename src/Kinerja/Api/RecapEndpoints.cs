using Kinerja.Features.Recap;

namespace Kinerja.Api;

/// <summary>Recap (rekapitulasi), early warning and the government's consolidated view (see ../shared/docs/api.md).</summary>
public static class RecapEndpoints
{
    public static RouteGroupBuilder MapRecapApi(this RouteGroupBuilder api)
    {
        var agency = api.MapGroup("/agencies/{agencyId:guid}").WithTags("Recap");
        agency.MapGet("/recap", (Guid agencyId, string? period, bool? includeUnverified, GetRecap h, CancellationToken ct) =>
                h.HandleAsync(agencyId, period, includeUnverified ?? false, ct))
            .WithSummary("Rekap capaian kinerja satu periode (s.d. periode dan periode itu sendiri); includeUnverified=true menyertakan nilai sementara")
            .RequireRateLimiting(Infrastructure.RecapReads.Policy);
        agency.MapGet("/recap.xlsx", async (Guid agencyId, string? period, bool? includeUnverified, ExportRecap h, CancellationToken ct) =>
        {
            var f = await h.HandleAsync(agencyId, period, includeUnverified ?? false, ct);
            return TypedResults.File(f.Content, f.ContentType, f.FileName);
        }).WithSummary("Rekap capaian sebagai Excel: ringkasan dan satu lembar per sasaran").RequireRateLimiting(Infrastructure.RecapReads.Policy);
        agency.MapGet("/early-warning", (Guid agencyId, int? year, GetEarlyWarning h, CancellationToken ct) => h.HandleAsync(agencyId, year, ct))
            .WithSummary("Peringatan dini: indikator yang berisiko tidak mencapai target tahun ini, dengan alasannya");
        api.MapGet("/governments/{governmentId:guid}/recap", (Guid governmentId, string? period, bool? includeUnverified, GetGovernmentRecap h, CancellationToken ct) =>
                h.HandleAsync(governmentId, period, includeUnverified ?? false, ct))
            .WithTags("Recap").WithSummary("Capaian seluruh perangkat daerah satu pemerintah daerah berdampingan (Inspektorat, Bappeda, administrator sistem)");
        return api;
    }
}
