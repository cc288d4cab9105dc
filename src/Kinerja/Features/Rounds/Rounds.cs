using FluentValidation;
using Kinerja.Data;
using Kinerja.Domain.Achievement;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Rounds;
using Kinerja.Features.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Rounds;

public sealed record DispositionInput(string? Text);

public sealed record OpenRoundRequest(string? Period, string? SopTemplateId, DispositionInput? Disposition, DateOnly? Deadline = null);

public sealed record RoundDto(
    Guid Id, string Period, string PeriodName, string SopTemplateId, string Disposition, string OrderedBy, DateTimeOffset OrderedAt,
    string Status, DateTimeOffset? Deadline, IReadOnlyDictionary<string, int> Completeness, int Worksheets);

public sealed class OpenRoundValidator : AbstractValidator<OpenRoundRequest>
{
    public OpenRoundValidator()
    {
        RuleFor(r => r.Period).Must(p => Period.TryParse(p, out _, out _))
            .WithState(r => Period.TryParse(r.Period, out _, out var e) ? null : e);
        RuleFor(r => r.Disposition).Must(d => !string.IsNullOrWhiteSpace(d?.Text) && d.Text.Trim().Length <= 4000)
            .WithState(_ => new Text("Isi disposisi wajib diisi (paling panjang 4.000 karakter)."));
    }
}

/// <summary>
/// Opens a round for a period with the disposition that orders it, and distributes one worksheet to
/// every unit responsible for indicators: each indicator's target to date and for the period alone
/// (from the action plan, by the indicator's aggregation) and the last verified realization.
/// Head, secretary or coordinator.
/// </summary>
public sealed class OpenRound(
    KinerjaDbContext db, CurrentUser me, IValidator<OpenRoundRequest> validator, TimeProvider clock, GetRound get, Notifications.Notifier notify,
    Sop.SopCatalog catalog, Sop.RoundStepRecorder steps)
{
    public async Task<RoundDto> HandleAsync(Guid agencyId, OpenRoundRequest r, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        if (!me.HasAgencyRole(agencyId, Role.Head, Role.Secretary, Role.Coordinator)) throw CurrentUser.Denied("pembukaan putaran pengumpulan data");
        await validator.EnsureValidAsync(r, ct);
        var period = Period.Parse(r.Period!);
        if (await db.Rounds.AnyAsync(x => x.AgencyId == agencyId && x.Period == period.ToString() && x.Status == RoundStatus.Open, ct))
            throw AppProblem.Conflict(new Text("Putaran {0} sudah dibuka dan belum ditutup.", period.DisplayName));

        // The SOP the round follows: a built-in one or the agency's own, whose actors the agency must have.
        var template = await catalog.FindAsync(r.SopTemplateId ?? Domain.Sop.GenericSop.Id, agencyId, ct)
                       ?? throw AppProblem.Invalid("sopTemplateId", new Text("Templat SOP \"{0}\" tidak dikenal di instansi ini.", r.SopTemplateId));
        var sopProblems = Domain.Sop.SopTemplateRules.Problems(template, await catalog.AgencyRolesAsync(agencyId, ct));
        if (sopProblems.Count > 0) throw AppProblem.Invalid(new Dictionary<string, Text[]> { ["sopTemplateId"] = sopProblems.ToArray() });

        var indicators = await db.Indicators.AsNoTracking().Where(i => i.AgencyId == agencyId).OrderBy(i => i.Code).ToListAsync(ct);
        if (indicators.Count == 0) throw AppProblem.Conflict(new Text("Instansi ini belum punya indikator. Susun rencana kinerja dahulu."));
        var ids = indicators.Select(i => i.Id).ToList();
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => ids.Contains(t.IndicatorId) && t.Year == period.Year).ToDictionaryAsync(t => t.IndicatorId, ct);
        var previous = await (from l in db.WorksheetLines.AsNoTracking()
                              join w in db.Worksheets.AsNoTracking() on l.WorksheetId equals w.Id
                              join rd in db.Rounds.AsNoTracking() on w.RoundId equals rd.Id
                              where w.AgencyId == agencyId && w.Status == WorksheetStatus.Verified && l.Realization != null
                              select new { l.IndicatorId, l.Realization, rd.OrderedAt }).ToListAsync(ct);
        var lastVerified = previous.GroupBy(p => p.IndicatorId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.OrderedAt)!.Realization);

        var now = clock.GetUtcNow();
        var round = new Round(Guid.CreateVersion7(), agencyId, period.ToString(), template.Id,
            r.Disposition!.Text!.Trim(), me.UserName ?? "?", now);
        db.Rounds.Add(round);
        steps.Opened(round, template, now, me.UserName ?? "?");
        var year = clock.GetLocalNow().Year;
        var calendar = await Organisation.AgencyCalendar.LoadAsync(db, agencyId, year - 1, year + 1, ct);
        var deadline = Deadline(r.Deadline, Sop.SopCatalog.FillWorkingDays(template), calendar);
        var unitNames = await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var deadlineText = IndonesianFormat.Date(DateOnly.FromDateTime(deadline.DateTime));
        foreach (var unit in indicators.GroupBy(i => i.UnitId))
        {
            var sheet = new Worksheet(Guid.CreateVersion7(), agencyId, round.Id, unit.Key, deadline);
            db.Worksheets.Add(sheet);
            await notify.ToUnitAsync(agencyId, unit.Key, $"/Worksheets/{sheet.Id}",
                new Text("Kertas kerja {0} untuk {1} sudah dibagikan. Batas waktu: {2}.", unitNames.GetValueOrDefault(unit.Key) ?? "", period.DisplayName, deadlineText), ct);
            var order = 0;
            foreach (var i in unit)
            {
                var t = targets.GetValueOrDefault(i.Id)?.Values ?? new TargetValues(null, [], null, null, null, null, null, null);
                var recap = PeriodAggregation.Recap(new IndicatorYear(i.Polarity, i.Aggregation, t, [null, null, null, null]), QuarterlyOrYear(period));
                db.WorksheetLines.Add(new WorksheetLine(Guid.CreateVersion7(), agencyId, sheet.Id, i.Id, ++order, recap.ToDate.Target,
                    recap.Alone.Target, recap.Alone.RangeLow ?? t.RangeLow, recap.Alone.RangeHigh ?? t.RangeHigh, lastVerified.GetValueOrDefault(i.Id)));
            }
        }

        await DistributeBudgetAsync(agencyId, period, indicators, ct);
        await db.SaveChangesAsync(ct);
        return await get.HandleAsync(round.Id, ct);
    }

    /// <summary>
    /// Each worksheet also gets the budget lines behind its unit's indicators: the year's ceiling (pagu) and the
    /// cash plan for the period and to date (a month uses its quarter's plan).
    /// </summary>
    private async Task DistributeBudgetAsync(Guid agencyId, Period period, IReadOnlyList<Indicator> indicators, CancellationToken ct)
    {
        var itemIds = indicators.Where(i => i.BudgetItemId != null).Select(i => i.BudgetItemId!.Value).Distinct().ToList();
        if (itemIds.Count == 0) return;
        var lines = await db.BudgetLines.AsNoTracking().Where(b => itemIds.Contains(b.BudgetItemId) && b.Year == period.Year).ToDictionaryAsync(b => b.BudgetItemId, ct);
        var codes = await db.BudgetItems.AsNoTracking().Where(b => itemIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Code, ct);
        var quarters = QuarterlyOrYear(period).Quarters;
        var sheets = db.ChangeTracker.Entries<Worksheet>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToDictionary(w => w.UnitId);
        foreach (var unit in indicators.Where(i => i.BudgetItemId != null).GroupBy(i => i.UnitId))
        {
            var order = 0;
            foreach (var itemId in unit.Select(i => i.BudgetItemId!.Value).Distinct().OrderBy(id => codes.GetValueOrDefault(id), StringComparer.Ordinal))
            {
                if (!lines.TryGetValue(itemId, out var b)) continue;
                decimal?[] cash = [b.Q1, b.Q2, b.Q3, b.Q4];
                decimal? Sum(IEnumerable<int> qs) => qs.Select(q => cash[q - 1]).Aggregate((decimal?)0m, (a, v) => a is null || v is null ? null : a + v);
                db.WorksheetBudgetLines.Add(new WorksheetBudgetLine(Guid.CreateVersion7(), agencyId, sheets[unit.Key].Id, itemId, ++order, b.Pagu,
                    Sum(Enumerable.Range(1, quarters.Max())), Sum(quarters)));
            }
        }
    }

    /// <summary>
    /// The deadline the order gives, which must be a working day (its end, 23:59 local), or else the template's
    /// standard time for filling counted in working days from now, ending at the close of the last day.
    /// Working days skip weekends, the national holidays and joint leave (cuti bersama) of the decree, and the agency's own days off.
    /// </summary>
    private DateTimeOffset Deadline(DateOnly? given, int fillWorkingDays, WorkingCalendar calendar)
    {
        var now = clock.GetLocalNow();
        if (given is { } d)
        {
            if (!calendar.IsWorkingDay(d))
                throw AppProblem.Invalid("deadline", new Text("Batas waktu {0} jatuh pada akhir pekan atau hari libur. Pilih hari kerja, misalnya {1}.",
                    IndonesianFormat.Date(d), IndonesianFormat.Date(calendar.AddWorkingDays(d, 1))));
            return new DateTimeOffset(d.ToDateTime(new TimeOnly(23, 59)), now.Offset);
        }

        return new DateTimeOffset(calendar.Deadline(now.DateTime, fillWorkingDays, TimeUnit.Days), now.Offset);
    }

    /// <summary>Quarterly action plans: a monthly round is measured against its quarter.</summary>
    private static Period QuarterlyOrYear(Period p) => p.Kind == PeriodKind.Month ? Period.Quarter(p.Year, (p.Number + 2) / 3) : p;
}

public sealed class GetRound(KinerjaDbContext db, CurrentUser me, TimeProvider clock)
{
    public async Task<RoundDto> HandleAsync(Guid roundId, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || !me.BelongsTo(round.AgencyId)) throw AppProblem.NotFound("Putaran");
        var sheets = await db.Worksheets.AsNoTracking().Where(w => w.RoundId == roundId).Select(w => new SheetState(w.Status, w.Deadline)).ToListAsync(ct);
        return ToDto(round, sheets, clock.GetUtcNow());
    }

    internal sealed record SheetState(WorksheetStatus Status, DateTimeOffset? Deadline);

    /// <summary>A round with the completeness of its worksheets: how many in each status, and how many late.</summary>
    internal static RoundDto ToDto(Round round, IReadOnlyList<SheetState> sheets, DateTimeOffset now)
    {
        var completeness = Enum.GetValues<WorksheetStatus>().ToDictionary(s => PlanAccess.ApiName(s), s => sheets.Count(w => w.Status == s));
        completeness["late"] = sheets.Count(w => WorksheetWorkflow.IsLate(w.Status, w.Deadline, now));
        return new RoundDto(round.Id, round.Period, Period.Parse(round.Period).DisplayName, round.SopTemplateId, round.DispositionText, round.OrderedBy,
            round.OrderedAt, PlanAccess.ApiName(round.Status), sheets.Select(s => s.Deadline).Min(), completeness, sheets.Count);
    }
}

public sealed record WorksheetSummaryDto(Guid Id, Guid UnitId, string Unit, string Status, bool Late, DateTimeOffset? SubmittedAt, int Lines, int Filled, int Version);

/// <summary>The round's worksheets: all of them for agency-wide roles, those of the user's units otherwise.</summary>
public sealed class ListWorksheets(KinerjaDbContext db, CurrentUser me, TimeProvider clock)
{
    public async Task<IReadOnlyList<WorksheetSummaryDto>> HandleAsync(Guid roundId, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || !me.BelongsTo(round.AgencyId)) throw AppProblem.NotFound("Putaran");
        var tree = await db.LoadUnitTreeAsync(round.AgencyId, ct);
        var rows = await (from w in db.Worksheets.AsNoTracking()
                          join u in db.Units.AsNoTracking() on w.UnitId equals u.Id
                          where w.RoundId == roundId
                          select new { w, Unit = u.Name }).ToListAsync(ct);
        var ids = rows.Select(r => r.w.Id).ToList();
        var lines = await db.WorksheetLines.AsNoTracking().Where(l => ids.Contains(l.WorksheetId))
            .GroupBy(l => l.WorksheetId).Select(g => new { g.Key, Count = g.Count(), Filled = g.Count(l => l.Realization != null) }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.Where(r => me.SeesUnit(round.AgencyId, r.w.UnitId, tree))
            .OrderBy(r => r.Unit, StringComparer.Create(Text.Indonesian, true))
            .Select(r =>
            {
                var l = lines.FirstOrDefault(x => x.Key == r.w.Id);
                return new WorksheetSummaryDto(r.w.Id, r.w.UnitId, r.Unit, PlanAccess.ApiName(r.w.Status),
                    WorksheetWorkflow.IsLate(r.w.Status, r.w.Deadline, now), r.w.SubmittedAt, l?.Count ?? 0, l?.Filled ?? 0, r.w.Version);
            }).ToList();
    }
}

/// <summary>The agency's rounds, newest first, for every member of the agency.</summary>
public sealed class ListRounds(KinerjaDbContext db, CurrentUser me, TimeProvider clock)
{
    public async Task<IReadOnlyList<RoundDto>> HandleAsync(Guid agencyId, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.AgencyId == agencyId).OrderByDescending(r => r.OrderedAt).Take(200).ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var sheets = (await db.Worksheets.AsNoTracking().Where(w => ids.Contains(w.RoundId)).Select(w => new { w.RoundId, w.Status, w.Deadline }).ToListAsync(ct))
            .ToLookup(w => w.RoundId, w => new GetRound.SheetState(w.Status, w.Deadline));
        var now = clock.GetUtcNow();
        return rounds.Select(r => GetRound.ToDto(r, sheets[r.Id].ToList(), now)).ToList();
    }
}
