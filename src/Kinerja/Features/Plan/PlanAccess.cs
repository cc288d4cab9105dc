using Kinerja.Data;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Plan;

/// <summary>Who maintains the plan: the coordinator (Kasubbag Perencanaan/PEP), the secretary and the agency admin.</summary>
public static class PlanAccess
{
    public static async Task EnsureCanEditPlanAsync(this CurrentUser me, Guid agencyId, CancellationToken ct)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        if (!me.HasAgencyRole(agencyId, Role.Coordinator, Role.Secretary, Role.Admin)) throw CurrentUser.Denied("penyusunan rencana kinerja");
    }

    public static async Task EnsureCanReadAsync(this CurrentUser me, Guid agencyId, CancellationToken ct)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
    }

    /// <summary>The agency's Renstra that covers <paramref name="year"/> (or the latest one); 409 when the agency has none yet.</summary>
    public static async Task<StrategicPlan> CurrentPlanAsync(this KinerjaDbContext db, Guid agencyId, int? year, CancellationToken ct)
    {
        var plans = await db.StrategicPlans.Where(p => p.AgencyId == agencyId).OrderByDescending(p => p.FirstYear).ToListAsync(ct);
        return (year is { } y ? plans.ForYear(y) : plans.FirstOrDefault())
               ?? throw AppProblem.Conflict(new Domain.Common.Text("Instansi ini belum punya Renstra. Isi dahulu Renstra (nama dan tahun awal-akhir)."));
    }

    public static string ApiName<T>(T value) where T : struct, Enum
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }

    public static bool TryParseApiName<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || char.IsDigit(text.Trim()[0])) return false;
        return Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static string Allowed<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(ApiName));
}
