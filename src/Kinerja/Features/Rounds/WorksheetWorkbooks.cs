using System.Globalization;
using System.Text;
using Kinerja.Data;
using Kinerja.Documents;
using Kinerja.Domain.Plan;
using Kinerja.Features.Plan;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Rounds;

/// <summary>
/// The worksheet as an Excel file to fill offline: instructions, the lines with their targets (locked) and
/// the realization and explanation to fill (unlocked), each line's id and version hidden. Anyone who sees the worksheet may download it.
/// </summary>
public sealed class DownloadWorksheetWorkbook(KinerjaDbContext db, WorksheetAccess access, TimeProvider clock)
{
    public async Task<GeneratedFile> HandleAsync(Guid worksheetId, CancellationToken ct = default)
    {
        var (sheet, round) = await access.LoadAsync(worksheetId, ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == sheet.UnitId).Select(u => u.Name).SingleAsync(ct);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == sheet.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var lines = await (from l in db.WorksheetLines.AsNoTracking()
                           join i in db.Indicators.AsNoTracking() on l.IndicatorId equals i.Id
                           where l.WorksheetId == worksheetId
                           orderby l.Order
                           select new { l, i }).ToListAsync(ct);
        var deadline = sheet.Deadline is { } d ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(d, clock.LocalTimeZone).DateTime) : (DateOnly?)null;
        var data = new WorksheetWorkbookData(sheet.Id, agency, unit, round.Period, Period.Parse(round.Period).DisplayName, deadline,
            TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clock.LocalTimeZone),
            lines.Select(x => new WorksheetWorkbookLine(x.l.Id, x.l.Version, x.i.Code, x.i.Name, x.i.Measure, PlanAccess.ApiName(x.i.Polarity),
                x.l.PeriodTarget, x.l.TargetToDate, x.l.RangeLow, x.l.RangeHigh, x.l.PreviousRealization, x.l.Realization, x.l.Explanation)).ToList());
        return new GeneratedFile(WorksheetWorkbook.Write(data), ExportPlan.Xlsx, FileName(unit, round.Period));
    }

    /// <summary>kertas-kerja-seksi-pemerintahan-2026-Q1.xlsx: the unit's name in lower-case ASCII letters and digits, runs of anything else as one dash.</summary>
    public static string FileName(string unit, string period)
    {
        var slug = new StringBuilder();
        foreach (var c in unit.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }

        var name = slug.ToString().Trim('-');
        if (name.Length > 60) name = name[..60].TrimEnd('-');
        return $"kertas-kerja-{(name.Length == 0 ? "unit" : name)}-{period}.xlsx";
    }
}
