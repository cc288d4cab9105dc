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
        org.MapGet("/{agencyId:guid}", (Guid agencyId, GetAgency h, CancellationToken ct) => h.HandleAsync(agencyId, ct));
        org.MapGet("/{agencyId:guid}/units", (Guid agencyId, ListUnits h, CancellationToken ct) => h.HandleAsync(agencyId, ct));
        org.MapPost("/{agencyId:guid}/units", async (Guid agencyId, CreateUnitRequest r, CreateUnit h, CancellationToken ct) =>
        {
            var u = await h.HandleAsync(agencyId, r, ct);
            return TypedResults.Created($"/api/v1/agencies/{agencyId}/units/{u.Id}", u);
        });
        org.MapGet("/{agencyId:guid}/users", (Guid agencyId, Guid? unitId, ListUsers h, CancellationToken ct) => h.HandleAsync(agencyId, unitId, ct));
        org.MapPost("/{agencyId:guid}/users", async (Guid agencyId, CreateUserRequest r, CreateUser h, CancellationToken ct) =>
        {
            var u = await h.HandleAsync(agencyId, r, ct);
            return TypedResults.Created($"/api/v1/agencies/{agencyId}/users/{u.Id}", u);
        });
        org.MapGet("/{agencyId:guid}/positions", (Guid agencyId, Guid? unitId, ListPositions h, CancellationToken ct) => h.HandleAsync(agencyId, unitId, ct));
        org.MapPost("/{agencyId:guid}/positions", async (Guid agencyId, CreatePositionRequest r, CreatePosition h, CancellationToken ct) =>
        {
            var p = await h.HandleAsync(agencyId, r, ct);
            return TypedResults.Created($"/api/v1/agencies/{agencyId}/positions/{p.Id}", p);
        });
        org.MapPost("/{agencyId:guid}/positions/{positionId:guid}/holders",
            async (Guid agencyId, Guid positionId, AssignHolderRequest r, AssignHolder h, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/agencies/{agencyId}/positions/{positionId}", await h.HandleAsync(agencyId, positionId, r, ct)));
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

        return api;
    }
}

public static class ApiAuth
{
    public const string Policy = "api";
}
