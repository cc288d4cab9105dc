using Kinerja.Features.Audit;
using Kinerja.Features.Auth;
using Kinerja.Features.Organisation;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Api;

public static class OrganisationEndpoints
{
    public static RouteGroupBuilder MapKinerjaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiAuth.Policy)
            .WithTags("Kinerja")
            .DisableAntiforgery(); // bearer tokens only: no ambient credentials to forge

        api.MapPost("/auth/token", (TokenRequest r, IssueToken h, CancellationToken ct) => h.HandleAsync(r, ct))
            .AllowAnonymous().WithTags("Auth").WithSummary("Tukar nama pengguna dan kata sandi dengan token bearer");

        api.MapGet("/me", async (CurrentUser me, CancellationToken ct) =>
        {
            await me.LoadAsync(ct);
            return new
            {
                id = me.Id, userName = me.UserName, fullName = me.FullName, isSystemAdmin = me.IsSystemAdmin,
                grants = me.Grants.Select(g => new { g.AgencyId, g.UnitId, role = Domain.Organisation.RoleRules.ToApiName(g.Role), g.PositionId, g.PositionTitle, kind = g.Kind.ToString() }),
            };
        }).WithTags("Auth");

        var org = api.MapGroup("/agencies").WithTags("Organisation");
        org.MapGet("/", (ListAgencies h, CancellationToken ct) => h.HandleAsync(ct));
        org.MapPost("/", async (CreateAgencyRequest r, CreateAgency h, CancellationToken ct) =>
        {
            var a = await h.HandleAsync(r, ct);
            return TypedResults.Created($"/api/v1/agencies/{a.Id}", a);
        });
        org.MapGet("/{agencyId:guid}", async (Guid agencyId, GetAgency h, HttpContext http, CancellationToken ct) =>
        {
            var a = await h.HandleAsync(agencyId, ct);
            http.Response.Headers.ETag = Concurrency.ETag(a.Version);
            return a;
        });
        org.MapPut("/{agencyId:guid}", async (Guid agencyId, UpdateAgencyRequest r, UpdateAgency h, HttpContext http, CancellationToken ct) =>
        {
            var a = await h.HandleAsync(agencyId, r, Concurrency.FromIfMatch(http.Request.Headers.IfMatch), ct);
            http.Response.Headers.ETag = Concurrency.ETag(a.Version);
            return a;
        }).WithSummary("Ubah instansi (wajib If-Match)");
        org.MapGet("/{agencyId:guid}/achievement-rules", async (Guid agencyId, GetAchievementRules h, HttpContext http, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(agencyId, ct);
            http.Response.Headers.ETag = Concurrency.ETag(r.Version);
            return r;
        }).WithSummary("Batas atas capaian dan skala kategori instansi");
        org.MapPut("/{agencyId:guid}/achievement-rules", async (Guid agencyId, UpdateAchievementRulesRequest r, UpdateAchievementRules h, HttpContext http, CancellationToken ct) =>
        {
            var a = await h.HandleAsync(agencyId, r, Concurrency.FromIfMatch(http.Request.Headers.IfMatch), ct);
            http.Response.Headers.ETag = Concurrency.ETag(a.Version);
            return a;
        }).WithSummary("Ubah batas atas capaian dan skala kategori (wajib If-Match)");
        org.MapGet("/{agencyId:guid}/holidays", (Guid agencyId, int year, ListHolidays h, CancellationToken ct) => h.HandleAsync(agencyId, year, ct));
        org.MapPost("/{agencyId:guid}/holidays", async (Guid agencyId, AddHolidayRequest r, AddHoliday h, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/agencies/{agencyId}/holidays", await h.HandleAsync(agencyId, r, ct)));
        org.MapDelete("/{agencyId:guid}/holidays/{holidayId:guid}", async (Guid agencyId, Guid holidayId, RemoveHoliday h, CancellationToken ct) =>
        {
            await h.HandleAsync(agencyId, holidayId, ct);
            return TypedResults.NoContent();
        });
        org.MapGet("/{agencyId:guid}/units", (Guid agencyId, ListUnits h, CancellationToken ct) => h.HandleAsync(agencyId, ct));
        org.MapPost("/{agencyId:guid}/units", async (Guid agencyId, CreateUnitRequest r, CreateUnit h, CancellationToken ct) =>
        {
            var u = await h.HandleAsync(agencyId, r, ct);
            return TypedResults.Created($"/api/v1/agencies/{agencyId}/units/{u.Id}", u);
        });
        org.MapGet("/{agencyId:guid}/units/{unitId:guid}", async (Guid agencyId, Guid unitId, GetUnit h, HttpContext http, CancellationToken ct) =>
        {
            var u = await h.HandleAsync(unitId, ct);
            if (u.AgencyId != agencyId) throw AppProblem.NotFound("Unit");
            http.Response.Headers.ETag = Concurrency.ETag(u.Version);
            return u;
        });
        org.MapPut("/{agencyId:guid}/units/{unitId:guid}", async (Guid agencyId, Guid unitId, UpdateUnitRequest r, UpdateUnit h, HttpContext http, CancellationToken ct) =>
        {
            var u = await h.HandleAsync(agencyId, unitId, r, Concurrency.FromIfMatch(http.Request.Headers.IfMatch), ct);
            http.Response.Headers.ETag = Concurrency.ETag(u.Version);
            return u;
        }).WithSummary("Ubah nama atau induk unit (wajib If-Match)");
        org.MapGet("/{agencyId:guid}/users", (Guid agencyId, Guid? unitId, ListUsers h, CancellationToken ct) => h.HandleAsync(agencyId, unitId, ct));
        org.MapPost("/{agencyId:guid}/users", async (Guid agencyId, CreateUserRequest r, CreateUser h, CancellationToken ct) =>
        {
            var u = await h.HandleAsync(agencyId, r, ct);
            return TypedResults.Created($"/api/v1/agencies/{agencyId}/users/{u.Id}", u);
        });
        org.MapPost("/{agencyId:guid}/users/{userId:guid}/password", async (Guid agencyId, Guid userId, ResetPasswordRequest r, ResetPassword h, CancellationToken ct) =>
        {
            await h.HandleAsync(agencyId, userId, r, ct);
            return TypedResults.NoContent();
        }).WithSummary("Ganti kata sandi pengguna dan buka kunci akun");
        org.MapGet("/{agencyId:guid}/positions", (Guid agencyId, Guid? unitId, ListPositions h, CancellationToken ct) => h.HandleAsync(agencyId, unitId, ct));
        org.MapPost("/{agencyId:guid}/positions", async (Guid agencyId, CreatePositionRequest r, CreatePosition h, CancellationToken ct) =>
        {
            var p = await h.HandleAsync(agencyId, r, ct);
            return TypedResults.Created($"/api/v1/agencies/{agencyId}/positions/{p.Id}", p);
        });
        org.MapPost("/{agencyId:guid}/positions/{positionId:guid}/holders",
            async (Guid agencyId, Guid positionId, AssignHolderRequest r, AssignHolder h, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/agencies/{agencyId}/positions/{positionId}", await h.HandleAsync(agencyId, positionId, r, ct)));
        org.MapPost("/{agencyId:guid}/positions/{positionId:guid}/holders/{holderId:guid}/end",
            async (Guid agencyId, Guid holderId, EndHoldingRequest r, EndHolding h, CancellationToken ct) =>
            {
                await h.HandleAsync(agencyId, holderId, r, ct);
                return TypedResults.NoContent();
            }).WithSummary("Akhiri pemegang jabatan pada tanggal tertentu");
        org.MapGet("/{agencyId:guid}/audit",
            (Guid agencyId, DateTimeOffset? from, DateTimeOffset? to, string? entity, int? limit, ListAudit h, CancellationToken ct) =>
                h.HandleAsync(agencyId, from, to, entity, limit ?? 200, ct)).WithTags("Audit");

        api.MapGet("/audit/verify", async Task<Results<Ok<object>, ProblemHttpResult>> (CurrentUser me, VerifyAudit h, Messages m, CancellationToken ct) =>
        {
            await me.LoadAsync(ct);
            if (!AuditAccess.MayVerify(me)) throw CurrentUser.Denied("pemeriksaan jejak audit");
            var v = await h.HandleAsync(ct);
            return TypedResults.Ok<object>(new { v.Intact, v.RecordsChecked, v.BrokenAt, reason = v.Reason is null ? null : m[v.Reason] });
        }).WithTags("Audit");

        // A request no endpoint takes: a problem saying why (UnmatchedRequest), not a redirect to the sign-in page, for anyone
        // (the addresses are public in the OpenAPI document).
        api.MapFallback("{**path}", (HttpContext http) => Task.FromException(UnmatchedRequest.Problem(http)))
            .WithMetadata(new UnmatchedRequest.FallbackMarker()).AllowAnonymous().ExcludeFromDescription();
        api.MapPlanApi();
        api.MapRoundApi();
        api.MapRecapApi();
        api.MapReportApi();
        api.MapSopApi();
        return api;
    }
}

public static class ApiAuth
{
    public const string Policy = "api";
}
