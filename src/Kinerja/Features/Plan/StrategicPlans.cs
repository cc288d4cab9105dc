using FluentValidation;
using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Plan;

public sealed record StrategicPlanDto(Guid Id, string Name, int FirstYear, int LastYear, int Version);

public sealed class GetStrategicPlan(KinerjaDbContext db, CurrentUser me)
{
    public async Task<StrategicPlanDto> HandleAsync(Guid agencyId, int? year, CancellationToken ct = default)
    {
        await me.EnsureCanReadAsync(agencyId, ct);
        if (year is < Period.MinYear or > Period.MaxYear) throw AppProblem.Invalid("year", new Text("Tahun {0} di luar rentang {1}-{2}.", year, Period.MinYear, Period.MaxYear));
        var p = await db.CurrentPlanAsync(agencyId, year, ct);
        return new StrategicPlanDto(p.Id, p.Name, p.FirstYear, p.LastYear, p.Version);
    }
}

public sealed record SaveStrategicPlanRequest(string? Name, int? FirstYear, int? LastYear);

public sealed class SaveStrategicPlanValidator : AbstractValidator<SaveStrategicPlanRequest>
{
    public SaveStrategicPlanValidator()
    {
        RuleFor(r => r.Name).RequiredName("Nama Renstra", 300);
        RuleFor(r => r.FirstYear).NotNull().InclusiveBetween(Period.MinYear, Period.MaxYear)
            .WithState(_ => new Text("Tahun awal harus antara {0} dan {1}.", Period.MinYear, Period.MaxYear));
        RuleFor(r => r.LastYear).NotNull().Must((r, last) => last >= r.FirstYear && last - r.FirstYear <= 9)
            .WithState(_ => new Text("Tahun akhir harus sama dengan atau setelah tahun awal, paling lama 10 tahun."));
    }
}

/// <summary>Creates the agency's Renstra, or changes the one that starts in the same year (If-Match when it exists).</summary>
public sealed class SaveStrategicPlan(KinerjaDbContext db, CurrentUser me, IValidator<SaveStrategicPlanRequest> validator)
{
    public async Task<StrategicPlanDto> HandleAsync(Guid agencyId, SaveStrategicPlanRequest r, int? expectedVersion, CancellationToken ct = default)
    {
        await me.EnsureCanEditPlanAsync(agencyId, ct);
        await validator.EnsureValidAsync(r, ct);
        var plan = await db.StrategicPlans.SingleOrDefaultAsync(p => p.AgencyId == agencyId && p.FirstYear == r.FirstYear, ct);
        if (plan is null)
        {
            if (await db.StrategicPlans.AnyAsync(p => p.AgencyId == agencyId && p.FirstYear <= r.LastYear && p.LastYear >= r.FirstYear, ct))
                throw AppProblem.Invalid("firstYear", new Text("Tahun Renstra ini bertumpang tindih dengan Renstra yang sudah ada."));
            plan = new StrategicPlan(Guid.CreateVersion7(), agencyId, r.Name!.Trim(), r.FirstYear!.Value, r.LastYear!.Value);
            db.StrategicPlans.Add(plan);
        }
        else
        {
            Concurrency.EnsureVersion(expectedVersion, plan.Version);
            plan.Update(r.Name!.Trim(), r.FirstYear!.Value, r.LastYear!.Value);
        }

        await Concurrency.SaveAsync(db, ct);
        return new StrategicPlanDto(plan.Id, plan.Name, plan.FirstYear, plan.LastYear, plan.Version);
    }
}
