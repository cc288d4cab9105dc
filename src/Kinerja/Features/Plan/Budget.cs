using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Plan;

public sealed record BudgetLineDto(Guid BudgetItemId, string Code, string Name, string Level, string? ParentCode, decimal Pagu, IReadOnlyList<decimal?> Quarters);

public sealed record BudgetDto(int Year, decimal TotalPagu, IReadOnlyList<BudgetLineDto> Lines);

/// <summary>The year's DPA: every program, activity and sub-activity with its pagu and quarterly cash plan.</summary>
public sealed class GetBudget(KinerjaDbContext db, CurrentUser me)
{
    public async Task<BudgetDto> HandleAsync(Guid agencyId, int year, CancellationToken ct = default)
    {
        await me.EnsureCanReadAsync(agencyId, ct);
        if (year is < Period.MinYear or > Period.MaxYear) throw AppProblem.Invalid("year", new Text("Tahun {0} di luar rentang {1}-{2}.", year, Period.MinYear, Period.MaxYear));
        var lines = await (from l in db.BudgetLines.AsNoTracking()
                           join i in db.BudgetItems.AsNoTracking() on l.BudgetItemId equals i.Id
                           join p in db.BudgetItems.AsNoTracking() on i.ParentId equals p.Id into ps
                           from p in ps.DefaultIfEmpty()
                           where l.AgencyId == agencyId && l.Year == year
                           select new { i.Id, i.Code, i.Name, i.Level, ParentCode = p == null ? null : p.Code, l.Pagu, l.Q1, l.Q2, l.Q3, l.Q4 })
            .ToListAsync(ct);
        var dto = lines.OrderBy(l => l.Code, StringComparer.Ordinal)
            .Select(l => new BudgetLineDto(l.Id, l.Code, l.Name, PlanAccess.ApiName(l.Level), l.ParentCode, l.Pagu, [l.Q1, l.Q2, l.Q3, l.Q4]))
            .ToList();
        // Pagu is counted once, at the program level (activities and sub-activities break it down).
        var total = dto.Where(l => l.Level == "program").Sum(l => l.Pagu);
        return new BudgetDto(year, total, dto);
    }
}

public sealed record BudgetLineInput(string? Code, string? Name, string? Level, string? ParentCode, decimal? Pagu, IReadOnlyList<decimal?>? Quarters);

public sealed record PutBudgetRequest(IReadOnlyList<BudgetLineInput>? Lines);

/// <summary>
/// Replaces the year's DPA. Budget items are matched by code (created when new); lines of the year
/// that are not sent are removed. Every problem is reported by line (lines[3].pagu) and nothing is
/// saved until all lines are right.
/// </summary>
public sealed class PutBudget(KinerjaDbContext db, CurrentUser me, GetBudget get)
{
    public const int MaxLines = 5000;

    public async Task<BudgetDto> HandleAsync(Guid agencyId, int year, PutBudgetRequest r, CancellationToken ct = default)
    {
        await me.EnsureCanEditPlanAsync(agencyId, ct);
        if (year is < Period.MinYear or > Period.MaxYear) throw AppProblem.Invalid("year", new Text("Tahun {0} di luar rentang {1}-{2}.", year, Period.MinYear, Period.MaxYear));
        var input = r.Lines ?? throw AppProblem.Invalid("lines", new Text("Kirim baris anggaran tahun itu (lines); daftar kosong menghapus semuanya."));
        if (input.Count > MaxLines) throw AppProblem.Invalid("lines", new Text("Paling banyak {0} baris anggaran.", MaxLines));

        var errors = new Dictionary<string, Text[]>();
        var codes = input.Select(l => l.Code?.Trim()).Where(c => !string.IsNullOrEmpty(c)).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < input.Count; n++)
        {
            var l = input[n];
            var at = $"lines[{n}]";
            var code = l.Code?.Trim();
            if (string.IsNullOrEmpty(code) || code.Length > 60) errors[$"{at}.code"] = [new Text("Kode wajib diisi (paling panjang 60 karakter).")];
            else if (!seen.Add(code)) errors[$"{at}.code"] = [new Text("Kode \"{0}\" muncul lebih dari sekali.", code)];
            if (string.IsNullOrWhiteSpace(l.Name) || l.Name.Trim().Length > 500) errors[$"{at}.name"] = [new Text("Nama wajib diisi (paling panjang 500 karakter).")];
            if (l.Level is not null && !PlanAccess.TryParseApiName<BudgetLevel>(l.Level, out _))
                errors[$"{at}.level"] = [new Text("Tingkat harus salah satu dari: {0}.", PlanAccess.Allowed<BudgetLevel>())];
            if (l.ParentCode is { } parent && (!codes.Contains(parent.Trim()) || parent.Trim() == code))
                errors[$"{at}.parentCode"] = [new Text("Kode induk \"{0}\" tidak ada di daftar ini.", parent)];
            if (l.Pagu is not { } pagu || pagu < 0 || pagu > TargetValues.MaxMagnitude)
                errors[$"{at}.pagu"] = [new Text("Pagu wajib diisi, tidak negatif.")];
            var q = l.Quarters ?? [];
            if (q.Count is not (0 or 4)) errors[$"{at}.quarters"] = [new Text("Rencana triwulan harus 4 angka (Triwulan I-IV) atau dikosongkan.")];
            else if (q.Any(x => x is < 0)) errors[$"{at}.quarters"] = [new Text("Rencana triwulan tidak boleh negatif.")];
            else if (q.Count == 4 && q.All(x => x is not null) && l.Pagu is { } p && q.Sum(x => x!.Value) != p)
                errors[$"{at}.quarters"] = [new Text("Jumlah rencana triwulan ({0}) harus sama dengan pagu ({1}).", IndonesianFormat.Money(q.Sum(x => x!.Value)), IndonesianFormat.Money(p))];
        }

        var parentOf = input.Where(l => l.Code is not null && l.ParentCode is not null)
            .GroupBy(l => l.Code!.Trim()).ToDictionary(g => g.Key, g => g.First().ParentCode!.Trim(), StringComparer.Ordinal);
        for (var n = 0; n < input.Count; n++)
        {
            var steps = 0;
            for (var c = input[n].Code?.Trim(); c is not null && parentOf.TryGetValue(c, out var up); c = up)
            {
                if (++steps > parentOf.Count)
                {
                    errors[$"lines[{n}].parentCode"] = [new Text("Kode induk membentuk lingkaran (program menjadi induk dirinya sendiri).")];
                    break;
                }
            }
        }

        if (errors.Count > 0) throw AppProblem.Invalid(errors);

        var items = await db.BudgetItems.Where(i => i.AgencyId == agencyId).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        foreach (var l in input)
        {
            var level = l.Level is null ? (l.ParentCode is null ? BudgetLevel.Program : BudgetLevel.Activity) : Enum.Parse<BudgetLevel>(l.Level.Trim(), true);
            if (!items.TryGetValue(l.Code!.Trim(), out var item))
            {
                item = new BudgetItem(Guid.CreateVersion7(), agencyId, l.Code.Trim(), l.Name!.Trim(), level, null);
                db.BudgetItems.Add(item);
                items[item.Code] = item;
            }
        }

        foreach (var l in input)
        {
            var item = items[l.Code!.Trim()];
            var level = l.Level is null ? item.Level : Enum.Parse<BudgetLevel>(l.Level.Trim(), true);
            item.Update(l.Name!.Trim(), level, l.ParentCode is null ? null : items[l.ParentCode.Trim()].Id);
        }

        var existing = await db.BudgetLines.Where(b => b.AgencyId == agencyId && b.Year == year).ToDictionaryAsync(b => b.BudgetItemId, ct);
        var keep = new HashSet<Guid>();
        foreach (var l in input)
        {
            var item = items[l.Code!.Trim()];
            keep.Add(item.Id);
            if (!existing.TryGetValue(item.Id, out var line))
            {
                line = new BudgetLine(Guid.CreateVersion7(), agencyId, item.Id, year);
                db.BudgetLines.Add(line);
            }

            var q = l.Quarters ?? [];
            line.Set(l.Pagu!.Value, q.ElementAtOrDefault(0), q.ElementAtOrDefault(1), q.ElementAtOrDefault(2), q.ElementAtOrDefault(3));
        }

        db.BudgetLines.RemoveRange(existing.Values.Where(l => !keep.Contains(l.BudgetItemId)));
        await db.SaveChangesAsync(ct);
        return await get.HandleAsync(agencyId, year, ct);
    }
}
