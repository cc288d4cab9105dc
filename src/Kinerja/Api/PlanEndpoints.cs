using Kinerja.Features.Plan;
using Kinerja.Security;
using Kinerja.Infrastructure;

namespace Kinerja.Api;

/// <summary>The performance-plan part of the API (see ../shared/docs/api.md).</summary>
public static class PlanEndpoints
{
    public static RouteGroupBuilder MapPlanApi(this RouteGroupBuilder api)
    {
        var plan = api.MapGroup("/agencies/{agencyId:guid}").WithTags("Plan");

        plan.MapGet("/strategic-plan", async (Guid agencyId, int? year, GetStrategicPlan h, HttpContext http, CancellationToken ct) =>
        {
            var p = await h.HandleAsync(agencyId, year, ct);
            http.Response.Headers.ETag = Concurrency.ETag(p.Version);
            return p;
        }).WithSummary("Renstra yang mencakup tahun itu (atau yang terbaru)");
        plan.MapPut("/strategic-plan", async (Guid agencyId, SaveStrategicPlanRequest r, SaveStrategicPlan h, HttpContext http, CancellationToken ct) =>
        {
            var p = await h.HandleAsync(agencyId, r, Concurrency.FromIfMatch(http.Request.Headers.IfMatch), ct);
            http.Response.Headers.ETag = Concurrency.ETag(p.Version);
            return p;
        }).WithSummary("Buat Renstra, atau ubah Renstra dengan tahun awal yang sama (If-Match)");

        plan.MapGet("/goals", (Guid agencyId, ListGoals h, CancellationToken ct) => h.HandleAsync(agencyId, ct));
        plan.MapPost("/goals", async (Guid agencyId, CreateGoalRequest r, CreateGoal h, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/agencies/{agencyId}/goals", await h.HandleAsync(agencyId, r, ct)));
        plan.MapGet("/objectives", (Guid agencyId, ListObjectives h, CancellationToken ct) => h.HandleAsync(agencyId, ct));
        plan.MapPost("/objectives", async (Guid agencyId, CreateObjectiveRequest r, CreateObjective h, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/agencies/{agencyId}/objectives", await h.HandleAsync(agencyId, r, ct)));
        plan.MapGet("/indicators", (Guid agencyId, Guid? unitId, Guid? objectiveId, ListIndicators h, CancellationToken ct) =>
            h.HandleAsync(agencyId, unitId, objectiveId, ct));
        plan.MapPost("/indicators", async (Guid agencyId, CreateIndicatorRequest r, CreateIndicator h, CancellationToken ct) =>
        {
            var i = await h.HandleAsync(agencyId, r, ct);
            return TypedResults.Created($"/api/v1/indicators/{i.Id}", i);
        });
        plan.MapGet("/plan.xlsx", async (Guid agencyId, int? year, ExportPlan h, CancellationToken ct) =>
        {
            var f = await h.HandleAsync(agencyId, ct);
            return TypedResults.File(f.Content, f.ContentType, f.FileName);
        }).WithSummary("Rencana kinerja sebagai Excel (format yang sama dengan impor)");
        plan.MapGet("/plan/template.xlsx", async (Guid agencyId, PlanTemplate h, CancellationToken ct) =>
        {
            var f = await h.HandleAsync(agencyId, ct);
            return TypedResults.File(f.Content, f.ContentType, f.FileName);
        }).WithSummary("Templat rencana kinerja kosong");
        plan.MapPost("/plan/import", async Task<IResult> (Guid agencyId, bool? dryRun, HttpRequest request, ImportPlan h, Messages m, CurrentUser me, CancellationToken ct) =>
        {
            await me.EnsureCanEditPlanAsync(agencyId, ct); // who may not import is told so before the upload is read
            using var file = await Uploads.ReadWorkbookAsync(request, ct);
            var report = await h.HandleAsync(agencyId, file, dryRun ?? false, ct);
            if (report.Problems.Count == 0 || report.DryRun) return TypedResults.Ok(report);
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: m["Isian belum benar."],
                detail: m["Buku kerja memuat {0} masalah; tidak ada yang disimpan. Perbaiki sel yang disebut lalu unggah lagi.", report.Problems.Count],
                extensions: new Dictionary<string, object?> { ["problems"] = report.Problems });
        }).WithSummary("Impor rencana dari Excel (multipart, kolom file); ?dryRun=true hanya menunjukkan perubahan dan masalah");
        plan.MapGet("/budget/{year:int}", (Guid agencyId, int year, GetBudget h, CancellationToken ct) => h.HandleAsync(agencyId, year, ct));
        plan.MapPut("/budget/{year:int}", (Guid agencyId, int year, PutBudgetRequest r, PutBudget h, CancellationToken ct) =>
            h.HandleAsync(agencyId, year, r, ct)).WithSummary("Ganti DPA tahun itu (baris dicocokkan dengan kode)");
        plan.MapGet("/agreements/{year:int}", (Guid agencyId, int year, Guid? unitId, GetAgreement h, CancellationToken ct) =>
            h.HandleAsync(agencyId, year, unitId, ct)).WithSummary("Perjanjian Kinerja kepala (atau kepala unit dengan ?unitId=)");
        plan.MapGet("/agreements/{year:int}/document.docx", async (Guid agencyId, int year, Guid? unitId, RenderAgreement h, CancellationToken ct) =>
        {
            var f = await h.HandleAsync(agencyId, year, unitId, asPdf: false, ct);
            return TypedResults.File(f.Content, f.ContentType, f.FileName);
        }).WithSummary("Perjanjian Kinerja sebagai DOCX");
        plan.MapGet("/agreements/{year:int}/document.pdf", async (Guid agencyId, int year, Guid? unitId, RenderAgreement h, CancellationToken ct) =>
        {
            var f = await h.HandleAsync(agencyId, year, unitId, asPdf: true, ct);
            return TypedResults.File(f.Content, f.ContentType, f.FileName);
        }).WithSummary("Perjanjian Kinerja sebagai PDF (LibreOffice)");
        plan.MapPost("/agreements/{year:int}/sign", (Guid agencyId, int year, Guid? unitId, SignAgreementRequest r, SignAgreement h, CancellationToken ct) =>
            h.HandleAsync(agencyId, year, unitId, r, ct)).WithSummary("Catat penandatanganan; perubahan target sesudahnya menjadi revisi");

        var indicators = api.MapGroup("/indicators/{indicatorId:guid}").WithTags("Plan");
        indicators.MapGet("/", async (Guid indicatorId, GetIndicator h, HttpContext http, CancellationToken ct) =>
        {
            var i = await h.HandleAsync(indicatorId, ct);
            http.Response.Headers.ETag = Concurrency.ETag(i.Indicator.Version);
            return i;
        });
        indicators.MapGet("/targets/{year:int}", async (Guid indicatorId, int year, GetIndicator h, HttpContext http, CancellationToken ct) =>
        {
            var t = (await h.HandleAsync(indicatorId, ct)).Targets.SingleOrDefault(t => t.Year == year)
                    ?? throw AppProblem.NotFound("Target");
            http.Response.Headers.ETag = Concurrency.ETag(t.Version);
            return t;
        });
        indicators.MapPut("/targets/{year:int}", async (Guid indicatorId, int year, PutTargetRequest r, PutTarget h, HttpContext http, CancellationToken ct) =>
        {
            var result = await h.HandleAsync(indicatorId, year, r, Concurrency.FromIfMatch(http.Request.Headers.IfMatch), ct);
            http.Response.Headers.ETag = Concurrency.ETag(result.Target.Version);
            return result;
        }).WithSummary("Target tahunan dan Rencana Aksi; If-Match wajib bila target sudah ada; alasan wajib bila PK sudah ditandatangani");
        indicators.MapPut("/history/{year:int}", (Guid indicatorId, int year, PutHistoryRequest r, PutHistory h, CancellationToken ct) =>
            h.HandleAsync(indicatorId, year, r, ct)).WithSummary("Realisasi tahun-tahun sebelum memakai Kinerja");
        return api;
    }
}
