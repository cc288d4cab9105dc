using FluentValidation;
using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Plan;

public sealed record GoalDto(Guid Id, string Code, string Name);

public sealed record ObjectiveDto(Guid Id, string Code, string Name, Guid? GoalId, string? GoalCode, string? Goal);

public static class CodeRules
{
    public const int MaxLength = 30;

    public static IRuleBuilderOptions<T, string?> PlanCode<T>(this IRuleBuilderInitial<T, string?> rule, string label) =>
        rule.RequiredName(label, MaxLength)
            .Must(c => c!.Trim().All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' or '_' or '/'))
            .WithState(_ => new Text("{0} hanya boleh huruf, angka, titik, garis miring, garis bawah dan tanda hubung.", label));
}

public sealed class ListGoals(KinerjaDbContext db, CurrentUser me)
{
    public async Task<IReadOnlyList<GoalDto>> HandleAsync(Guid agencyId, CancellationToken ct = default)
    {
        await me.EnsureCanReadAsync(agencyId, ct);
        var plan = await db.CurrentPlanAsync(agencyId, null, ct);
        return await db.Goals.AsNoTracking().Where(g => g.PlanId == plan.Id).OrderBy(g => g.Code)
            .Select(g => new GoalDto(g.Id, g.Code, g.Name)).ToListAsync(ct);
    }
}

public sealed record CreateGoalRequest(string? Code, string? Name);

public sealed class CreateGoalValidator : AbstractValidator<CreateGoalRequest>
{
    public CreateGoalValidator()
    {
        RuleFor(r => r.Code).PlanCode("Kode tujuan");
        RuleFor(r => r.Name).RequiredName("Tujuan", 1000);
    }
}

public sealed class CreateGoal(KinerjaDbContext db, CurrentUser me, IValidator<CreateGoalRequest> validator)
{
    public async Task<GoalDto> HandleAsync(Guid agencyId, CreateGoalRequest r, CancellationToken ct = default)
    {
        await me.EnsureCanEditPlanAsync(agencyId, ct);
        await validator.EnsureValidAsync(r, ct);
        var plan = await db.CurrentPlanAsync(agencyId, null, ct);
        var code = r.Code!.Trim();
        if (await db.Goals.AnyAsync(g => g.PlanId == plan.Id && g.Code == code, ct))
            throw AppProblem.Invalid("code", new Text("Kode \"{0}\" sudah dipakai.", code));
        var goal = new Goal(Guid.CreateVersion7(), agencyId, plan.Id, code, r.Name!.Trim());
        db.Goals.Add(goal);
        await db.SaveChangesAsync(ct);
        return new GoalDto(goal.Id, goal.Code, goal.Name);
    }
}

public sealed class ListObjectives(KinerjaDbContext db, CurrentUser me)
{
    public async Task<IReadOnlyList<ObjectiveDto>> HandleAsync(Guid agencyId, CancellationToken ct = default)
    {
        await me.EnsureCanReadAsync(agencyId, ct);
        var plan = await db.CurrentPlanAsync(agencyId, null, ct);
        return await (from o in db.Objectives.AsNoTracking()
                      where o.PlanId == plan.Id
                      join g in db.Goals.AsNoTracking() on o.GoalId equals g.Id into gs
                      from g in gs.DefaultIfEmpty()
                      orderby o.Code
                      select new ObjectiveDto(o.Id, o.Code, o.Name, o.GoalId, g == null ? null : g.Code, g == null ? null : g.Name))
            .ToListAsync(ct);
    }
}

/// <param name="Goal">The code of an existing goal (tujuan) of the Renstra, or none.</param>
public sealed record CreateObjectiveRequest(string? Code, string? Name, string? Goal);

public sealed class CreateObjectiveValidator : AbstractValidator<CreateObjectiveRequest>
{
    public CreateObjectiveValidator()
    {
        RuleFor(r => r.Code).PlanCode("Kode sasaran");
        RuleFor(r => r.Name).RequiredName("Sasaran", 1000);
    }
}

public sealed class CreateObjective(KinerjaDbContext db, CurrentUser me, IValidator<CreateObjectiveRequest> validator)
{
    public async Task<ObjectiveDto> HandleAsync(Guid agencyId, CreateObjectiveRequest r, CancellationToken ct = default)
    {
        await me.EnsureCanEditPlanAsync(agencyId, ct);
        await validator.EnsureValidAsync(r, ct);
        var plan = await db.CurrentPlanAsync(agencyId, null, ct);
        var code = r.Code!.Trim();
        Goal? goal = null;
        if (!string.IsNullOrWhiteSpace(r.Goal))
        {
            goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.PlanId == plan.Id && g.Code == r.Goal.Trim(), ct)
                   ?? throw AppProblem.Invalid("goal", new Text("Tujuan dengan kode \"{0}\" belum ada di Renstra.", r.Goal.Trim()));
        }

        if (await db.Objectives.AnyAsync(o => o.PlanId == plan.Id && o.Code == code, ct))
            throw AppProblem.Invalid("code", new Text("Kode \"{0}\" sudah dipakai.", code));
        var objective = new Objective(Guid.CreateVersion7(), agencyId, plan.Id, goal?.Id, code, r.Name!.Trim());
        db.Objectives.Add(objective);
        await db.SaveChangesAsync(ct);
        return new ObjectiveDto(objective.Id, code, objective.Name, goal?.Id, goal?.Code, goal?.Name);
    }
}
