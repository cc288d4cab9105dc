using Kinerja.Domain.Common;
using Kinerja.Domain.Rounds;
using Kinerja.Domain.Sop;
using Kinerja.Features.Sop;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Api;

/// <summary>SOP templates and the SOP steps of rounds (see ../shared/docs/api.md).</summary>
public static class SopEndpoints
{
    public static RouteGroupBuilder MapSopApi(this RouteGroupBuilder api)
    {
        var sop = api.MapGroup("/sop-templates").WithTags("SOP");
        sop.MapGet("/", (ListSopTemplates h, CancellationToken ct) => h.HandleAsync(ct)).WithSummary("Templat SOP: lima bawaan dari SOP contoh, yang umum, lalu milik instansi Anda");
        sop.MapGet("/{id}", async (string id, GetSopTemplate h, CancellationToken ct) =>
            TypedResults.Text(SopTemplateJson.Serialize(await h.HandleAsync(id, ct)), "application/json")).WithSummary("Satu templat SOP utuh (bentuk yang sama diterima impor)");
        sop.MapPost("/", async (Guid? agencyId, HttpRequest request, ImportSopTemplate h, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var json = await reader.ReadToEndAsync(ct);
            if (json.Length > 200_000) throw AppProblem.Invalid("template", new Text("Templat SOP paling besar 200.000 karakter."));
            var dto = await h.HandleAsync(agencyId, json, ct);
            return TypedResults.Created($"/api/v1/sop-templates/{dto.Id}", dto);
        }).WithSummary("Impor templat SOP instansi (badan permintaan JSON berbentuk sama dengan GET; ?agencyId=)");
        sop.MapGet("/{id}/document.docx", async (string id, RenderSopDocument h, CancellationToken ct) =>
        {
            var f = await h.HandleAsync(id, asPdf: false, ct);
            return TypedResults.File(f.Content, f.ContentType, f.FileName);
        }).WithSummary("Dokumen SOP AP (PermenPAN-RB 35/2012) dengan diagram alirnya");
        sop.MapGet("/{id}/document.pdf", async (string id, RenderSopDocument h, CancellationToken ct) =>
        {
            var f = await h.HandleAsync(id, asPdf: true, ct);
            return TypedResults.File(f.Content, f.ContentType, f.FileName);
        }).WithSummary("Dokumen SOP AP sebagai PDF (LibreOffice)");
        sop.MapGet("/{id}/timing", (string id, Guid agencyId, GetSopTimingReport h, CancellationToken ct) => h.HandleAsync(id, agencyId, ct))
            .WithSummary("Waktu nyata tiap langkah (median, terlama, terlambat) atas semua putaran instansi yang memakai templat ini");

        var rounds = api.MapGroup("/rounds/{roundId:guid}").WithTags("Rounds");
        rounds.MapGet("/steps", (Guid roundId, GetRoundSteps h, CancellationToken ct) => h.HandleAsync(roundId, ct))
            .WithSummary("Langkah SOP putaran dengan waktu baku, mulai, selesai, waktu nyata dan ketepatan waktu");
        rounds.MapPost("/steps/{number:int}/complete", async (Guid roundId, int number, HttpRequest request, CompleteRoundStep h, CancellationToken ct) =>
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file");
                await using var stream = file?.OpenReadStream();
                return await h.HandleAsync(roundId, number, new CompleteStepRequest(form["note"]), file is null ? null : (file.FileName, stream!, file.Length), ct);
            }

            CompleteStepRequest? body;
            try
            {
                body = request.HasJsonContentType() ? await request.ReadFromJsonAsync<CompleteStepRequest>(ct) : null;
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new BadHttpRequestException("Malformed JSON body.", StatusCodes.Status400BadRequest, e);
            }

            return await h.HandleAsync(roundId, number, body ?? new CompleteStepRequest(null), null, ct);
        }).WithSummary("Selesaikan langkah tanpa tindakan sistem (rapat, penggandaan): {note?} atau multipart dengan berkas")
          .WithMetadata(new RequestSizeLimitAttribute(EvidenceRules.MaxFileBytes + 64 * 1024));
        return api;
    }
}
