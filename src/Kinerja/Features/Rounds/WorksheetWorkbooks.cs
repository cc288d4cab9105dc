using System.Globalization;
using System.Text;
using Kinerja.Data;
using Kinerja.Documents;
using Kinerja.Domain.Achievement;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Rounds;
using Kinerja.Features.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
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

/// <summary>One line the upload changes: old and new values, and whether its new value asks for an explanation before submitting (as <see cref="WorksheetLineDto.NeedsExplanation"/>).</summary>
public sealed record WorksheetUploadChangeDto(
    Guid LineId, string Code, int Row, decimal? OldRealization, decimal? NewRealization, string? OldExplanation, string? NewExplanation,
    bool NeedsExplanation, IReadOnlyList<string> Details);

/// <summary>A line changed in the application after the file was downloaded: the file's values for it are not saved.</summary>
public sealed record WorksheetUploadConflictDto(Guid LineId, string Code, int Row, int FileVersion, int CurrentVersion,
    decimal? CurrentRealization, string? CurrentExplanation);

/// <summary>
/// What an upload does (dry run) or did (applied). <c>Problems</c> include the conflicts, so an upload applies only
/// when both lists are empty. <c>Version</c> is the worksheet's version afterwards.
/// </summary>
public sealed record WorksheetUploadReport(bool DryRun, bool Applied, int Changed, int Unchanged, IReadOnlyList<ImportProblemDto> Problems,
    IReadOnlyList<WorksheetUploadConflictDto> Conflicts, IReadOnlyList<WorksheetUploadChangeDto> Changes, int Version);

/// <summary>
/// Loads a filled worksheet workbook. Same access and workflow as saving a line (the unit or the coordinator, while the
/// worksheet may be edited). A dry run lists every change (old → new) and every problem by sheet, row and column; applying
/// checks the same and saves all changed lines at once through the same domain calls as <see cref="SaveLine"/>, or nothing at all.
/// An empty cell leaves the value as it is; "-" clears it. A line whose version moved since the download is a conflict.
/// </summary>
public sealed class UploadWorksheetWorkbook(KinerjaDbContext db, WorksheetAccess access, Messages m, CurrentUser me)
{
    public async Task<WorksheetUploadReport> HandleAsync(Guid worksheetId, Stream workbook, bool dryRun, CancellationToken ct = default)
    {
        var (sheet, round) = await access.LoadAsync(worksheetId, ct);
        await access.EnsureCanFillAsync(sheet, ct);
        SaveLine.Workflow(() => WorksheetWorkflow.Ensure(sheet.Status, WorksheetAction.Edit));

        var read = WorksheetWorkbook.Read(workbook);
        var problems = read.Problems.Select(p => new ImportProblemDto(p.Sheet, p.Row, p.Column, m[p.Message])).ToList();
        var conflicts = new List<WorksheetUploadConflictDto>();
        var changes = new List<WorksheetUploadChangeDto>();
        var unchanged = 0;
        void Problem(int row, string column, Text message) => problems.Add(new ImportProblemDto(WorksheetWorkbook.Sheet, row, column, m[message]));

        var lines = await db.WorksheetLines.Where(l => l.WorksheetId == worksheetId).ToDictionaryAsync(l => l.Id, ct);
        var indicatorIds = lines.Values.Select(l => l.IndicatorId).ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        if (read.WorksheetId is { } fileSheet && fileSheet != worksheetId)
        {
            var unit = await db.Units.AsNoTracking().Where(u => u.Id == sheet.UnitId).Select(u => u.Name).SingleAsync(ct);
            Problem(read.WorksheetIdRow, WorksheetWorkbook.WorksheetIdLabel, new Text(
                "Berkas ini diunduh dari kertas kerja lain, bukan dari kertas kerja {0} periode {1} ini. Unduh kertas kerja ini, isi, lalu unggah.",
                unit, Period.Parse(round.Period).DisplayName));
        }
        else
        {
            var pending = new List<(WorksheetLine Line, decimal? Realization, string? Explanation)>();
            foreach (var row in read.Rows)
            {
                if (!lines.TryGetValue(row.LineId, out var line))
                {
                    Problem(row.Row, WorksheetWorkbook.LineId, new Text(
                        "Baris {0} ({1}) bukan baris kertas kerja ini (ID baris tidak dikenal). Jangan menyalin baris dari kertas kerja lain; unduh ulang kertas kerja ini.",
                        row.Row, row.Code ?? "-"));
                    continue;
                }

                var code = indicators[line.IndicatorId].Code;
                var realization = row.Realization.Given ? row.Realization.Value : line.Realization;
                var explanation = row.Explanation.Given ? row.Explanation.Value : line.Explanation;
                if (realization == line.Realization && string.Equals(explanation, line.Explanation, StringComparison.Ordinal))
                {
                    unchanged++;
                    continue;
                }

                if (row.Version != line.Version)
                {
                    conflicts.Add(new WorksheetUploadConflictDto(line.Id, code, row.Row, row.Version, line.Version, line.Realization, line.Explanation));
                    Problem(row.Row, WorksheetWorkbook.Version, new Text(
                        "Baris {0} ({1}) sudah diubah di aplikasi setelah berkas diunduh; isian berkas untuk baris ini tidak disimpan agar perubahan itu tidak tertimpa. Unduh ulang kertas kerja, isi lagi baris ini, lalu unggah.",
                        row.Row, code));
                    continue;
                }

                var details = new List<string>();
                if (realization != line.Realization) details.Add($"Realisasi: {Show(line.Realization)} → {Show(realization)}");
                if (!string.Equals(explanation, line.Explanation, StringComparison.Ordinal)) details.Add($"Penjelasan: {Show(line.Explanation)} → {Show(explanation)}");
                var a = AchievementCalculator.Compute(indicators[line.IndicatorId].Polarity, line.PeriodTarget, realization, line.RangeLow, line.RangeHigh);
                var needs = ExplanationRule.Default.Needs(a.IsComputed ? a.Percent : null, realization, line.PreviousRealization);
                changes.Add(new WorksheetUploadChangeDto(line.Id, code, row.Row, line.Realization, realization, line.Explanation, explanation, needs, details));
                pending.Add((line, realization, explanation));
            }

            if (!dryRun && problems.Count == 0 && pending.Count > 0)
            {
                SaveLine.Workflow(() => sheet.Edited());
                foreach (var (line, realization, explanation) in pending) line.Fill(realization, explanation, me.UserName ?? "?");
                await Concurrency.SaveAsync(db, ct);
            }
        }

        var applied = !dryRun && problems.Count == 0;
        return new WorksheetUploadReport(dryRun, applied, changes.Count, unchanged, problems, conflicts, changes, sheet.Version);
    }

    private static string Show(decimal? v) => v is { } d ? IndonesianFormat.Number(d, WorksheetWorkbook.Decimals) : "-";

    private static string Show(string? s) => s is null ? "-" : "\"" + (s.Length <= 60 ? s : string.Concat(s.AsSpan(0, 59), "…")) + "\"";
}
