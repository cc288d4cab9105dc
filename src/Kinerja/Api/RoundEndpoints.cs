using Kinerja.Domain.Common;
using Kinerja.Features.Rounds;
using Kinerja.Infrastructure;

namespace Kinerja.Api;

/// <summary>Collection rounds and worksheets (see ../shared/docs/api.md).</summary>
public static class RoundEndpoints
{
    public static RouteGroupBuilder MapRoundApi(this RouteGroupBuilder api)
    {
        api.MapGet("/sop-templates", (ListSopTemplates h, CancellationToken ct) => h.HandleAsync(ct)).WithTags("SOP");
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
        }).WithSummary("Simpan realisasi dan penjelasan satu baris (If-Match: versi baris)");
        sheets.MapPost("/submit", (Guid worksheetId, SubmitWorksheet h, CancellationToken ct) => h.HandleAsync(worksheetId, ct));
        sheets.MapPost("/lines/{lineId:guid}/review", (Guid worksheetId, Guid lineId, ReviewLineRequest r, ReviewLine h, CancellationToken ct) =>
            h.HandleAsync(worksheetId, lineId, r, ct)).WithSummary("Terima atau kembalikan satu baris (alasan wajib untuk return)");
        sheets.MapGet("/xlsx", async (Guid worksheetId, DownloadWorksheetWorkbook h, CancellationToken ct) =>
        {
            var f = await h.HandleAsync(worksheetId, ct);
            return TypedResults.File(f.Content, f.ContentType, f.FileName);
        }).WithSummary("Kertas kerja sebagai Excel untuk diisi di luar aplikasi (realisasi dan penjelasan)");
        sheets.MapPost("/xlsx", async Task<IResult> (Guid worksheetId, bool? dryRun, HttpRequest request, UploadWorksheetWorkbook h, Messages m, CancellationToken ct) =>
        {
            using var file = await Uploads.ReadWorkbookAsync(request,
                new Text("Berkas paling besar {0} MB. Unggah kertas kerja yang diunduh dari Kinerja, tanpa gambar atau lembar tambahan.", Uploads.MaxWorkbookBytes / 1024 / 1024), ct);
            var report = await h.HandleAsync(worksheetId, file, dryRun ?? false, ct);
            if (report.Problems.Count == 0 || report.DryRun) return TypedResults.Ok(report);
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: m["Isian belum benar."],
                detail: m["Berkas memuat {0} masalah; tidak ada yang disimpan. Perbaiki sel yang disebut lalu unggah lagi.", report.Problems.Count],
                extensions: new Dictionary<string, object?> { ["problems"] = report.Problems, ["conflicts"] = report.Conflicts, ["changes"] = report.Changes });
        }).WithSummary("Unggah kertas kerja Excel yang sudah diisi; ?dryRun=true hanya menunjukkan perubahan dan masalah")
          .Accepts<IFormFile>("multipart/form-data");
        return api;
    }
}
