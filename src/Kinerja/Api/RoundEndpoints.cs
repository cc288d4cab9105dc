using Microsoft.AspNetCore.Mvc;
using Kinerja.Domain.Common;
using Kinerja.Features.Rounds;
using Kinerja.Infrastructure;

namespace Kinerja.Api;

/// <summary>Collection rounds and worksheets (see ../shared/docs/api.md).</summary>
public static class RoundEndpoints
{
    public static RouteGroupBuilder MapRoundApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me/notifications", (Kinerja.Features.Notifications.ListNotifications h, CancellationToken ct) => h.HandleAsync(50, ct)).WithTags("Notifications");
        api.MapPost("/me/notifications/{id:guid}/read", async (Guid id, Kinerja.Features.Notifications.MarkNotificationRead h, CancellationToken ct) =>
        {
            await h.HandleAsync(id, ct);
            return TypedResults.NoContent();
        }).WithTags("Notifications");
        api.MapPost("/me/notifications/read", async (Kinerja.Features.Notifications.MarkNotificationRead h, CancellationToken ct) =>
        {
            await h.HandleAsync(null, ct);
            return TypedResults.NoContent();
        }).WithTags("Notifications").WithSummary("Tandai semua pemberitahuan sudah dibaca");
        api.MapGet("/agencies/{agencyId:guid}/rounds", (Guid agencyId, ListRounds h, CancellationToken ct) => h.HandleAsync(agencyId, ct)).WithTags("Rounds");
        api.MapPost("/agencies/{agencyId:guid}/rounds", async (Guid agencyId, OpenRoundRequest r, OpenRound h, CancellationToken ct) =>
        {
            var round = await h.HandleAsync(agencyId, r, ct);
            return TypedResults.Created($"/api/v1/rounds/{round.Id}", round);
        }).WithTags("Rounds").WithSummary("Buka putaran untuk satu periode dengan disposisi; kertas kerja dibagikan ke unit");

        var rounds = api.MapGroup("/rounds/{roundId:guid}").WithTags("Rounds");
        rounds.MapGet("/", (Guid roundId, GetRound h, CancellationToken ct) => h.HandleAsync(roundId, ct));
        rounds.MapGet("/worksheets", (Guid roundId, ListWorksheets h, CancellationToken ct) => h.HandleAsync(roundId, ct));

        var sheets = api.MapGroup("/worksheets/{worksheetId:guid}").WithTags("Worksheets");
        sheets.MapGet("/", async (Guid worksheetId, GetWorksheet h, HttpContext http, CancellationToken ct) =>
        {
            var w = await h.HandleAsync(worksheetId, ct);
            http.Response.Headers.ETag = Concurrency.ETag(w.Version);
            return w;
        });
        sheets.MapPut("/lines/{lineId:guid}", async (Guid worksheetId, Guid lineId, SaveLineRequest r, SaveLine h, HttpContext http, CancellationToken ct) =>
        {
            var line = await h.HandleAsync(worksheetId, lineId, r, Concurrency.FromIfMatch(http.Request.Headers.IfMatch), ct);
            http.Response.Headers.ETag = Concurrency.ETag(line.Version);
            return line;
        }).WithSummary("Simpan realisasi dan penjelasan satu baris (If-Match: versi baris)").RequireRateLimiting(WorksheetWrites.Policy);
        sheets.MapPut("/budget/{lineId:guid}", async (Guid worksheetId, Guid lineId, SaveBudgetLineRequest r, SaveBudgetLine h, HttpContext http, CancellationToken ct) =>
        {
            var line = await h.HandleAsync(worksheetId, lineId, r, Concurrency.FromIfMatch(http.Request.Headers.IfMatch), ct);
            http.Response.Headers.ETag = Concurrency.ETag(line.Version);
            return line;
        }).WithSummary("Simpan realisasi anggaran periode ini untuk satu baris anggaran (If-Match: versi baris)").RequireRateLimiting(WorksheetWrites.Policy);
        sheets.MapPost("/submit", (Guid worksheetId, SubmitWorksheet h, CancellationToken ct) => h.HandleAsync(worksheetId, ct))
            .RequireRateLimiting(WorksheetWrites.Policy);
        sheets.MapPost("/lines/{lineId:guid}/review", (Guid worksheetId, Guid lineId, ReviewLineRequest r, ReviewLine h, CancellationToken ct) =>
            h.HandleAsync(worksheetId, lineId, r, ct)).WithSummary("Terima atau kembalikan satu baris (alasan wajib untuk return)");
        sheets.MapPost("/reopen", (Guid worksheetId, ReopenRequest r, ReopenWorksheet h, CancellationToken ct) => h.HandleAsync(worksheetId, r, ct))
            .WithSummary("Buka kembali kertas kerja terverifikasi (alasan wajib)");
        sheets.MapPost("/lines/{lineId:guid}/comments", async (Guid worksheetId, Guid lineId, AddCommentRequest r, AddComment h, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/worksheets/{worksheetId}", await h.HandleAsync(worksheetId, lineId, r, ct)))
            .WithSummary("Tambah komentar pada satu baris");
        sheets.MapPost("/lines/{lineId:guid}/evidence", async (Guid worksheetId, Guid lineId, HttpRequest request, AddEvidence h, WorksheetAccess access, CancellationToken ct) =>
        {
            var (sheet, _) = await access.LoadAsync(worksheetId, ct); // refused before the upload is read
            await access.EnsureCanFillAsync(sheet, ct);
            var dto = await h.HandleAsync(worksheetId, lineId, await ReadEvidenceAsync(request, ct), ct);
            return TypedResults.Created(dto.DownloadUrl ?? $"/api/v1/worksheets/{worksheetId}", dto);
        }).WithSummary("Lampirkan bukti dukung (multipart: file, atau url/note)")
          .WithMetadata(new RequestSizeLimitAttribute(Domain.Rounds.EvidenceRules.MaxFileBytes + 64 * 1024));
        sheets.MapGet("/lines/{lineId:guid}/evidence/{evidenceId:guid}", async (Guid worksheetId, Guid lineId, Guid evidenceId, DownloadEvidence h, HttpContext http, CancellationToken ct) =>
        {
            var f = await h.HandleAsync(worksheetId, lineId, evidenceId, ct);
            f.Protect(http.Response);
            return TypedResults.File(f.Content, f.ContentType, f.FileName);
        });
        sheets.MapDelete("/lines/{lineId:guid}/evidence/{evidenceId:guid}", async (Guid worksheetId, Guid lineId, Guid evidenceId, RemoveEvidence h, CancellationToken ct) =>
        {
            await h.HandleAsync(worksheetId, lineId, evidenceId, ct);
            return TypedResults.NoContent();
        });
        sheets.MapGet("/xlsx", async (Guid worksheetId, DownloadWorksheetWorkbook h, CancellationToken ct) =>
        {
            var f = await h.HandleAsync(worksheetId, ct);
            return TypedResults.File(f.Content, f.ContentType, f.FileName);
        }).WithSummary("Kertas kerja sebagai Excel untuk diisi di luar aplikasi (realisasi dan penjelasan)");
        sheets.MapPost("/xlsx", async Task<IResult> (Guid worksheetId, bool? dryRun, HttpRequest request, UploadWorksheetWorkbook h, WorksheetAccess access, Messages m,
            CancellationToken ct) =>
        {
            var (sheet, _) = await access.LoadAsync(worksheetId, ct); // who may not fill it is refused before the upload is read
            await access.EnsureCanFillAsync(sheet, ct);
            using var file = await Uploads.ReadWorkbookAsync(request,
                new Text("Berkas paling besar {0} MB. Unggah kertas kerja yang diunduh dari Kinerja, tanpa gambar atau lembar tambahan.", Uploads.MaxWorkbookBytes / 1024 / 1024), ct);
            var report = await h.HandleAsync(worksheetId, file, dryRun ?? false, ct);
            if (report.Problems.Count == 0 || report.DryRun) return TypedResults.Ok(report);
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: m["Isian belum benar."],
                detail: m["Berkas memuat {0} masalah; tidak ada yang disimpan. Perbaiki sel yang disebut lalu unggah lagi.", report.Problems.Count],
                extensions: new Dictionary<string, object?> { ["problems"] = report.Problems, ["conflicts"] = report.Conflicts, ["changes"] = report.Changes });
        }).WithSummary("Unggah kertas kerja Excel yang sudah diisi (multipart, kolom file); ?dryRun=true hanya menunjukkan perubahan dan masalah");
        return api;
    }

    /// <summary>The multipart form of an evidence upload: a "file", or "url" (with an optional "note"), or a "note" alone.</summary>
    internal static async Task<EvidenceInput> ReadEvidenceAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            throw AppProblem.Invalid("file", new Domain.Common.Text("Kirim bukti sebagai formulir multipart: berkas (file), tautan (url) atau catatan (note)."));
        if (request.ContentLength > Domain.Rounds.EvidenceRules.MaxFileBytes + 64 * 1024) throw EvidenceStore.TooLarge();
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        return new EvidenceInput(file?.FileName, file?.OpenReadStream(), file?.Length, form["url"].ToString(), form["note"].ToString() is { Length: > 0 } n ? n : null);
    }
}
