using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Organisation;

public sealed record HolidayDto(Guid? Id, DateOnly Date, string Name, bool National, bool JointLeave);

/// <summary>The working calendar of an agency: weekends, the decreed national holidays and joint leave, and the agency's own days off.</summary>
public static class AgencyCalendar
{
    public static async Task<WorkingCalendar> LoadAsync(KinerjaDbContext db, Guid agencyId, int fromYear, int toYear, CancellationToken ct)
    {
        var first = new DateOnly(fromYear, 1, 1);
        var last = new DateOnly(toYear, 12, 31);
        var own = await db.AgencyHolidays.AsNoTracking().Where(h => h.AgencyId == agencyId && h.Date >= first && h.Date <= last).Select(h => h.Date).ToListAsync(ct);
        return new WorkingCalendar(IndonesianHolidays.Dates(fromYear, toYear).Concat(own));
    }
}

/// <summary>A year's days off for an agency: national (from the decree) and its own.</summary>
public sealed class ListHolidays(KinerjaDbContext db, CurrentUser me)
{
    public async Task<IReadOnlyList<HolidayDto>> HandleAsync(Guid agencyId, int year, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        if (year is < Domain.Plan.Period.MinYear or > Domain.Plan.Period.MaxYear)
            throw AppProblem.Invalid("year", new Text("Tahun {0} di luar rentang {1}-{2}.", year, Domain.Plan.Period.MinYear, Domain.Plan.Period.MaxYear));
        var own = await db.AgencyHolidays.AsNoTracking().Where(h => h.AgencyId == agencyId && h.Date >= new DateOnly(year, 1, 1) && h.Date <= new DateOnly(year, 12, 31))
            .ToListAsync(ct);
        return IndonesianHolidays.For(year).Select(h => new HolidayDto(null, h.Date, h.Name, true, h.JointLeave))
            .Concat(own.Select(h => new HolidayDto(h.Id, h.Date, h.Name, false, false)))
            .OrderBy(h => h.Date).ToList();
    }
}

public sealed record AddHolidayRequest(DateOnly? Date, string? Name);

/// <summary>Adds a day off for the agency (its administrator, head, secretary or coordinator).</summary>
public sealed class AddHoliday(KinerjaDbContext db, CurrentUser me)
{
    public async Task<HolidayDto> HandleAsync(Guid agencyId, AddHolidayRequest r, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        if (!me.HasAgencyRole(agencyId, Role.Admin, Role.Head, Role.Secretary, Role.Coordinator)) throw CurrentUser.Denied("pengaturan hari libur");
        var errors = new Dictionary<string, Text[]>();
        if (r.Date is null) errors["date"] = [new Text("Tanggal wajib diisi.")];
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > 200) errors["name"] = [new Text("Nama hari libur wajib diisi (paling panjang 200 karakter).")];
        else if (r.Name.Any(char.IsControl)) errors["name"] = [new Text("{0} tidak boleh berisi karakter kendali.", "Nama hari libur")];
        if (errors.Count > 0) throw AppProblem.Invalid(errors);
        var date = r.Date!.Value;
        if (IndonesianHolidays.For(date.Year).Any(h => h.Date == date) || await db.AgencyHolidays.AnyAsync(h => h.AgencyId == agencyId && h.Date == date, ct))
            throw AppProblem.Invalid("date", new Text("{0} sudah tercatat sebagai hari libur.", IndonesianFormat.Date(date)));
        var holiday = new AgencyHoliday(Guid.CreateVersion7(), agencyId, date, r.Name!.Trim());
        db.AgencyHolidays.Add(holiday);
        await db.SaveChangesAsync(ct);
        return new HolidayDto(holiday.Id, holiday.Date, holiday.Name, false, false);
    }
}

/// <summary>Removes one of the agency's own days off (national ones cannot be removed).</summary>
public sealed class RemoveHoliday(KinerjaDbContext db, CurrentUser me)
{
    public async Task HandleAsync(Guid agencyId, Guid holidayId, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        if (!me.HasAgencyRole(agencyId, Role.Admin, Role.Head, Role.Secretary, Role.Coordinator)) throw CurrentUser.Denied("pengaturan hari libur");
        var holiday = await db.AgencyHolidays.SingleOrDefaultAsync(h => h.Id == holidayId && h.AgencyId == agencyId, ct) ?? throw AppProblem.NotFound("Hari libur");
        db.AgencyHolidays.Remove(holiday);
        await db.SaveChangesAsync(ct);
    }
}
