using Kinerja.Domain.Common;
using Kinerja.Domain.Rounds;
using Kinerja.Features.Reports;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Api;

/// <summary>Performance reports from draft to dispatch, the letter register and the public verification (see ../shared/docs/api.md).</summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportApi(this RouteGroupBuilder api)
    {
        var agency = api.MapGroup("/agencies/{agencyId:guid}").WithTags("Reports");
        agency.MapGet("/reports", (Guid agencyId, ListReports h, CancellationToken ct) => h.HandleAsync(agencyId, ct));
        agency.MapPost("/reports", async (Guid agencyId, CreateReportRequest r, CreateReport h, HttpContext http, CancellationToken ct) =>
        {
            var dto = await h.HandleAsync(agencyId, r, ct);
            http.Response.Headers.ETag = Concurrency.ETag(dto.Version);
            return TypedResults.Created($"/api/v1/reports/{dto.Id}", dto);
        }).WithSummary("Susun laporan kinerja (quarterly, semester, annual) untuk satu periode dari data terverifikasi");
        agency.MapGet("/letters", (Guid agencyId, int year, ListLetters h, CancellationToken ct) => h.HandleAsync(agencyId, year, ct))
            .WithSummary("Buku agenda surat keluar satu tahun");
        agency.MapPost("/letters", async (Guid agencyId, LetterRequest r, NumberLetter h, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/agencies/{agencyId}/letters", await h.HandleAsync(agencyId, r, ct)))
            .WithSummary("Beri nomor surat keluar berikutnya (urutan yang sama dengan surat pengantar laporan)");

        var report = api.MapGroup("/reports/{reportId:guid}").WithTags("Reports");
        report.MapGet("/", async (Guid reportId, GetReport h, HttpContext http, CancellationToken ct) =>
        {
            var dto = await h.HandleAsync(reportId, ct);
            http.Response.Headers.ETag = Concurrency.ETag(dto.Version);
            return dto;
        });
        report.MapPost("/actions/{action}", async (Guid reportId, string action, [FromBody] ReportActionRequest? r, RunReportAction h, HttpContext http, CancellationToken ct) =>
        {
            var dto = await h.HandleAsync(reportId, action, r, Concurrency.FromIfMatch(http.Request.Headers.IfMatch), ct);
            http.Response.Headers.ETag = Concurrency.ETag(dto.Version);
            return dto;
        }).WithSummary("Langkah laporan: circulate, comment, revise, finalize, submit-for-approval, initial, approve, sign, number-cover-letter, record-copies, dispatch, archive, return");
        report.MapPost("/versions", async (Guid reportId, [FromBody] RegenerateRequest? r, RegenerateReport h, CancellationToken ct) =>
                await h.HandleAsync(reportId, r?.Reason, ct))
            .WithSummary("Buat ulang laporan dari data terbaru (versi baru; narasi tetap)");
        report.MapGet("/versions/compare", (Guid reportId, int from, int to, CompareReportVersions h, CancellationToken ct) => h.HandleAsync(reportId, from, to, ct))
            .WithSummary("Bandingkan isi dua versi");
        report.MapPut("/sections/{key}", async (Guid reportId, string key, SectionRequest r, PutReportSection h, HttpContext http, CancellationToken ct) =>
        {
            var dto = await h.HandleAsync(reportId, key, r, Concurrency.FromIfMatch(http.Request.Headers.IfMatch), ct);
            if (dto.Version is { } v) http.Response.Headers.ETag = Concurrency.ETag(v);
            return dto;
        }).WithSummary("Tulis narasi satu bagian laporan (If-Match setelah bagian itu pernah diisi)");
        report.MapGet("/document.docx", async (Guid reportId, int? version, GetReportFile h, EvidenceStore store, CancellationToken ct) =>
            Send(store, await h.HandleAsync(reportId, version, ct)));
        report.MapGet("/document.pdf", async Task<IResult> (Guid reportId, int? version, RequestReportPdf h, EvidenceStore store, HttpContext http, CancellationToken ct) =>
        {
            var (file, progress) = await h.HandleAsync(reportId, version, ct);
            if (file is not null) return Send(store, file);
            http.Response.Headers.RetryAfter = "3";
            return TypedResults.Json(progress, statusCode: StatusCodes.Status202Accepted);
        }).WithSummary("PDF versi laporan; bila belum ada, 202 dengan kemajuan pembuatannya (dibuat di latar belakang)");
        report.MapGet("/cover-letter.docx", async (Guid reportId, GetReportFile h, EvidenceStore store, CancellationToken ct) =>
            Send(store, await h.CoverLetterAsync(reportId, ct)));
        report.MapPost("/minutes", async (Guid reportId, HttpRequest request, AttachReportMinutes h, CancellationToken ct) =>
        {
            await h.EnsureAllowedAsync(reportId, ct); // refused before the upload is read
            if (!request.HasFormContentType || (await request.ReadFormAsync(ct)).Files.GetFile("file") is not { } file)
            {
                throw AppProblem.Invalid("file", new Text("Lampirkan berkas notulen (multipart, kolom \"file\")."));
            }

            await using var stream = file.OpenReadStream();
            return await h.HandleAsync(reportId, file.FileName, stream, file.Length, ct);
        }).WithSummary("Lampirkan notulen rapat finalisasi").WithMetadata(new RequestSizeLimitAttribute(EvidenceRules.MaxFileBytes + 64 * 1024));
        report.MapGet("/minutes", async (Guid reportId, GetReportFile h, EvidenceStore store, HttpContext http, CancellationToken ct) =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "sandbox";
            return Send(store, await h.MinutesAsync(reportId, ct));
        });

        api.MapGet("/verify/{code}", (string code, VerifyDocument h, CancellationToken ct) => h.HandleAsync(code, ct))
            .AllowAnonymous().WithTags("Reports").WithSummary("Periksa keaslian dokumen bertanda tangan dari kodenya (tanpa masuk)");
        return api;
    }

    private static IResult Send(EvidenceStore store, StoredFile f) => TypedResults.File(store.Open(f.Sha256), f.ContentType, f.FileName);
}

public sealed record RegenerateRequest(string? Reason);
