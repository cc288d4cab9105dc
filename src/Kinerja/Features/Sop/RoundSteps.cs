using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Rounds;
using Kinerja.Domain.Sop;
using Kinerja.Features.Organisation;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Sop;

/// <summary>
/// Records SOP steps as their system actions happen: the handlers that open rounds, take submissions and reviews, export
/// the recap and move reports call it inside their own unit of work, so a step is done exactly when its action is saved.
/// A step is done once (its first completion counts).
/// </summary>
public sealed class RoundStepRecorder(KinerjaDbContext db)
{
    /// <summary>The template a round follows: the copy taken when it opened, or (older rounds) the catalog's.</summary>
    public static SopTemplate TemplateOf(Round round) =>
        round.SopJson is { } json && SopTemplateJson.TryParse(json, out var t, out _)
            ? t
            : SopCatalog.BuiltIn.FirstOrDefault(b => b.Id == round.SopTemplateId) ?? GenericSop.Template;

    /// <summary>A new round: its copy of the template, a row per step, and the order and distribution done now.</summary>
    public void Opened(Round round, SopTemplate template, DateTimeOffset at, string by)
    {
        round.Follows(SopTemplateJson.Serialize(template));
        foreach (var step in template.Steps)
        {
            var row = new RoundStep(Guid.CreateVersion7(), round.AgencyId, round.Id, step.Number);
            if (step.Action is SopAction.OpenRound or SopAction.Distribute) row.Complete(at, by, null);
            db.RoundSteps.Add(row);
        }
    }

    /// <summary>Marks the steps of <paramref name="round"/> bound to <paramref name="action"/> as done.</summary>
    public async Task RecordAsync(Round round, SopAction action, DateTimeOffset at, string by, CancellationToken ct)
    {
        var numbers = TemplateOf(round).Steps.Where(s => s.Action == action).Select(s => s.Number).ToList();
        if (numbers.Count == 0) return;
        foreach (var row in await RowsAsync(round, numbers, ct)) row.Complete(at, by, null);
    }

    /// <summary>A decision sent the work back (a worksheet returned): counted on the decision step.</summary>
    public async Task RepeatedAsync(Round round, SopAction action, CancellationToken ct)
    {
        var numbers = TemplateOf(round).Steps.Where(s => s.Action == action).Select(s => s.Number).ToList();
        foreach (var row in await RowsAsync(round, numbers, ct)) row.Repeated();
    }

    /// <summary>
    /// Report actions and the recap belong to the rounds of their period: the agency's rounds of exactly that period, or
    /// else the latest round inside it (a semester report of a quarterly round).
    /// </summary>
    public async Task RecordForPeriodAsync(Guid agencyId, Period period, SopAction action, DateTimeOffset at, string by, CancellationToken ct)
    {
        var year = period.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rounds = await db.Rounds.Where(r => r.AgencyId == agencyId && r.Period.StartsWith(year)).ToListAsync(ct);
        var exact = rounds.Where(r => r.Period == period.ToString()).ToList();
        var chosen = exact.Count > 0
            ? exact
            : rounds.Where(r => Period.Parse(r.Period) is var p && p.Months.First >= period.Months.First && p.Months.Last <= period.Months.Last)
                .OrderByDescending(r => Period.Parse(r.Period).Months.Last).ThenByDescending(r => r.OrderedAt).Take(1).ToList();
        foreach (var round in chosen) await RecordAsync(round, action, at, by, ct);
    }

    private async Task<List<RoundStep>> RowsAsync(Round round, IReadOnlyCollection<int> numbers, CancellationToken ct)
    {
        if (numbers.Count == 0) return [];
        var tracked = db.ChangeTracker.Entries<RoundStep>().Select(e => e.Entity).Where(r => r.RoundId == round.Id && numbers.Contains(r.Number)).ToList();
        var loaded = await db.RoundSteps.Where(r => r.RoundId == round.Id && numbers.Contains(r.Number)).ToListAsync(ct);
        var rows = tracked.Concat(loaded).DistinctBy(r => r.Id).ToList();
        foreach (var missing in numbers.Where(n => rows.All(r => r.Number != n)))
        {
            // A round opened before SOP steps were recorded: its rows are made on first use.
            var row = new RoundStep(Guid.CreateVersion7(), round.AgencyId, round.Id, missing);
            db.RoundSteps.Add(row);
            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>
/// One SOP step of a round with its timing: standard time, when it started and was done (office local time in the API
/// as offsets), office minutes and working days it took, when it is due, whether it was on time or is late. Steps that
/// do not apply to the round's period kind are listed with <c>applies</c> false and no timing.
/// </summary>
public sealed record RoundStepDto(
    int Number, string Activity, string Kind, string Action, IReadOnlyList<string> Actors, string? Inputs, decimal? StandardAmount, string? StandardUnit,
    int? StandardMinutes, string? Output, string? Note, bool Applies, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? CompletedBy,
    string? CompletionNote, string? FileName, int? ActualMinutes, int? ActualWorkingDays, DateTimeOffset? Due, bool? OnTime, bool Late, int Repeats,
    bool CanComplete);

public sealed record RoundStepsDto(Guid RoundId, string SopTemplateId, string SopName, IReadOnlyList<string> Facts, IReadOnlyList<RoundStepDto> Steps);

/// <summary>The round's SOP steps and their timing; anyone who may see the round.</summary>
public sealed class GetRoundSteps(KinerjaDbContext db, CurrentUser me, TimeProvider clock)
{
    public async Task<RoundStepsDto> HandleAsync(Guid roundId, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || !me.BelongsTo(round.AgencyId)) throw AppProblem.NotFound("Putaran");
        var rows = await db.RoundSteps.AsNoTracking().Where(s => s.RoundId == roundId).ToListAsync(ct);
        return await BuildAsync(db, me, clock, round, rows, ct);
    }

    /// <param name="calendar">The agency's working calendar covering the round's year, when the caller already has it (several rounds).</param>
    internal static async Task<RoundStepsDto> BuildAsync(KinerjaDbContext db, CurrentUser? me, TimeProvider clock, Round round, IReadOnlyList<RoundStep> rows,
        CancellationToken ct, WorkingCalendar? calendar = null)
    {
        var template = RoundStepRecorder.TemplateOf(round);
        var tz = clock.LocalTimeZone;
        DateTime Local(DateTimeOffset d) => TimeZoneInfo.ConvertTime(d, tz).DateTime;
        DateTimeOffset Offset(DateTime d) => new(d, tz.GetUtcOffset(d));
        calendar ??= await AgencyCalendar.LoadAsync(db, round.AgencyId, round.OrderedAt.Year - 1, round.OrderedAt.Year + 1, ct);
        var kind = Period.Parse(round.Period).Kind;
        var applicable = template.Steps.Where(s => s.PeriodKinds.Count == 0 || s.PeriodKinds.Contains(kind)).ToList();
        var byNumber = rows.ToDictionary(r => r.Number);
        var completed = rows.Where(r => r.CompletedAt is not null).ToDictionary(r => r.Number, r => Local(r.CompletedAt!.Value));
        var timing = SopTiming.Evaluate(applicable, Local(round.OrderedAt), completed, Local(clock.GetUtcNow()), calendar).ToDictionary(t => t.Number);
        var actors = template.Actors.ToDictionary(a => a.Key, StringComparer.OrdinalIgnoreCase);
        return new RoundStepsDto(round.Id, template.Id, template.Identity.Name, template.Facts, template.Steps.Select(s =>
        {
            var t = timing.GetValueOrDefault(s.Number);
            var row = byNumber.GetValueOrDefault(s.Number);
            var actorRoles = s.Actors.Select(a => actors.GetValueOrDefault(a)?.Role).OfType<Role>().ToArray();
            return new RoundStepDto(s.Number, s.Activity, s.Kind.ToString().ToLowerInvariant(), SopTemplateRules.ActionApiName(s.Action),
                s.Actors.Select(a => actors.GetValueOrDefault(a)?.Title ?? a).ToList(), s.Inputs, s.Time?.Amount, s.Time?.Unit.ToString().ToLowerInvariant(),
                t?.StandardMinutes ?? SopTiming.StandardMinutes(s.Time, calendar), s.Output, s.Note, t is not null,
                t?.StartedAt is { } st ? Offset(st) : null, row?.CompletedAt, row?.CompletedBy, row?.Note, row?.FileName,
                t?.ActualMinutes, t?.ActualWorkingDays, t?.Due is { } due ? Offset(due) : null, t?.OnTime, t?.Late ?? false, row?.Repeats ?? 0,
                me is not null && t is not null && s.Action == SopAction.None && row?.CompletedAt is null
                && (me.HasAgencyRole(round.AgencyId, actorRoles) || me.HasAgencyRole(round.AgencyId, Role.Coordinator, Role.Secretary)));
        }).ToList());
    }
}

public sealed record CompleteStepRequest(string? Note);

/// <summary>
/// Marks a step that has no system action of its own as done (a meeting held, copies printed), with an optional note and
/// file (e.g. the minutes). Only such steps, only once, by one of the step's actors or the coordinator/secretary.
/// </summary>
public sealed class CompleteRoundStep(KinerjaDbContext db, CurrentUser me, TimeProvider clock, EvidenceStore store)
{
    public async Task<RoundStepsDto> HandleAsync(Guid roundId, int number, CompleteStepRequest request, (string Name, Stream Content, long Length)? file,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await me.LoadAsync(ct);
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || !me.BelongsTo(round.AgencyId)) throw AppProblem.NotFound("Putaran");
        var template = RoundStepRecorder.TemplateOf(round);
        var step = template.Steps.FirstOrDefault(s => s.Number == number) ?? throw AppProblem.NotFound("Langkah SOP");
        var roles = step.Actors.Select(a => template.Actors.FirstOrDefault(x => string.Equals(x.Key, a, StringComparison.OrdinalIgnoreCase))?.Role)
            .OfType<Role>().ToArray();
        if (!me.HasAgencyRole(round.AgencyId, roles) && !me.HasAgencyRole(round.AgencyId, Role.Coordinator, Role.Secretary))
        {
            throw CurrentUser.Denied("penyelesaian langkah SOP ini");
        }

        if (step.Action != SopAction.None)
        {
            throw AppProblem.Conflict(new Text("Langkah {0} selesai dengan sendirinya saat tindakan \"{1}\" dilakukan di aplikasi.", number,
                SopTemplateRules.ActionLabel(step.Action)));
        }

        var note = request.Note?.Trim();
        if (note?.Length > 2000) throw AppProblem.Invalid("note", new Text("Catatan paling panjang 2.000 karakter."));
        if (note is not null && Validation.HasControlCharacter(note)) throw AppProblem.Invalid("note", new Text("{0} tidak boleh berisi karakter kendali.", "Catatan"));
        var row = await db.RoundSteps.SingleOrDefaultAsync(s => s.RoundId == roundId && s.Number == number, ct);
        if (row is null)
        {
            row = new RoundStep(Guid.CreateVersion7(), round.AgencyId, roundId, number);
            db.RoundSteps.Add(row);
        }

        if (!row.Complete(clock.GetUtcNow(), me.UserName!, string.IsNullOrEmpty(note) ? null : note))
        {
            throw AppProblem.Conflict(new Text("Langkah {0} sudah diselesaikan oleh {1}.", number, row.CompletedBy));
        }

        if (file is { } f)
        {
            var (stored, check) = await store.SaveCheckedAsync(f.Name, f.Content, f.Length, ct);
            row.Attach(stored.Sha256, check.SafeName);
        }

        await Concurrency.SaveAsync(db, ct);
        var rows = await db.RoundSteps.AsNoTracking().Where(s => s.RoundId == roundId).ToListAsync(ct);
        return await GetRoundSteps.BuildAsync(db, me, clock, round, rows, ct);
    }
}

/// <summary>Per step of a template, over all the agency's rounds that followed it: how long it really took against the standard.</summary>
public sealed record StepTimingStatsDto(int Number, string Activity, int? StandardMinutes, int Rounds, int? MedianMinutes, int? WorstMinutes, int Late);

public sealed record SopTimingReportDto(string SopTemplateId, Guid AgencyId, int Rounds, IReadOnlyList<StepTimingStatsDto> Steps);

public sealed class GetSopTimingReport(KinerjaDbContext db, CurrentUser me, TimeProvider clock, SopCatalog catalog)
{
    public async Task<SopTimingReportDto> HandleAsync(string templateId, Guid agencyId, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        me.EnsureBelongsTo(agencyId);
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.AgencyId == agencyId && r.SopTemplateId == templateId).ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var rows = (await db.RoundSteps.AsNoTracking().Where(s => ids.Contains(s.RoundId)).ToListAsync(ct)).ToLookup(s => s.RoundId);
        var all = new List<RoundStepsDto>();
        if (rounds.Count > 0)
        {
            // One calendar for every round of the agency, not one load per round.
            var calendar = await AgencyCalendar.LoadAsync(db, agencyId, rounds.Min(r => r.OrderedAt.Year) - 1, rounds.Max(r => r.OrderedAt.Year) + 1, ct);
            foreach (var round in rounds) all.Add(await GetRoundSteps.BuildAsync(db, null, clock, round, rows[round.Id].ToList(), ct, calendar));
        }
        // The latest round's copy when there are rounds; else the template as it is (built-in or the agency's own), with no rounds yet.
        var template = rounds.Count > 0 ? RoundStepRecorder.TemplateOf(rounds.MaxBy(r => r.OrderedAt)!) : await catalog.FindAsync(templateId, agencyId, ct);
        if (template is null) throw AppProblem.NotFound("Templat SOP");
        var steps = template.Steps.Select(s =>
        {
            var measured = all.Select(r => r.Steps.FirstOrDefault(x => x.Number == s.Number)).Where(x => x is { ActualMinutes: not null }).Select(x => x!).ToList();
            var actuals = measured.Select(x => x.ActualMinutes!.Value).ToList();
            return new StepTimingStatsDto(s.Number, s.Activity, measured.FirstOrDefault()?.StandardMinutes, measured.Count, SopTiming.Median(actuals),
                actuals.Count == 0 ? null : actuals.Max(),
                all.Count(r => r.Steps.FirstOrDefault(x => x.Number == s.Number) is { } x && (x.Late || x.OnTime == false)));
        }).ToList();
        return new SopTimingReportDto(templateId, agencyId, rounds.Count, steps);
    }
}
