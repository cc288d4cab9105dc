using Kinerja.Domain.Common;

namespace Kinerja.Domain.Sop;

/// <summary>
/// One step of a running SOP against its standard time. Times are the office's local time.
/// <see cref="ActualMinutes"/> counts office minutes only (<see cref="WorkingCalendar.WorkingMinutesBetween"/>);
/// <see cref="ActualWorkingDays"/> counts working days after the start day. <see cref="Due"/> is when the standard time
/// runs out (<see cref="WorkingCalendar.Deadline"/>); null when the step has no standard time or has not started.
/// </summary>
public sealed record StepTiming(
    int Number, DateTime? StartedAt, DateTime? CompletedAt, int? ActualMinutes, int? ActualWorkingDays, int? StandardMinutes,
    DateTime? Due, bool? OnTime, bool Late);

/// <summary>
/// Step timing of a round (SOP step timing against each SOP's standard times). A step starts when the steps before it are done:
/// at the latest completion among the earlier steps, or when the round was opened for the first step. A step completed
/// before an earlier one (the system action happened while a paper step was not yet ticked off) starts at the latest
/// completion before it, never after its own end. A step is late when it has started, is not done, and its standard time has
/// run out; a done step is on time when it was done by its due time.
/// </summary>
public static class SopTiming
{
    /// <summary>The standard time in office minutes (a working day is the office's opening hours).</summary>
    public static int? StandardMinutes(SopTime? time, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return time switch
        {
            null => null,
            { Unit: TimeUnit.Minutes } => (int)Math.Ceiling(time.Amount),
            { Unit: TimeUnit.Hours } => (int)Math.Ceiling(time.Amount * 60),
            _ => (int)Math.Ceiling(time.Amount * calendar.MinutesPerDay),
        };
    }

    /// <summary>When a step started at <paramref name="start"/> is due.</summary>
    public static DateTime? Due(SopTime? time, DateTime start, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return time switch
        {
            null => null,
            { Unit: TimeUnit.Days } => calendar.Deadline(start, (int)Math.Ceiling(time.Amount), TimeUnit.Days),
            _ => calendar.Deadline(start, StandardMinutes(time, calendar)!.Value, TimeUnit.Minutes),
        };
    }

    /// <param name="steps">The template's steps in order.</param>
    /// <param name="openedAt">When the round was opened (the order that starts the SOP).</param>
    /// <param name="completed">When each step (by number) was done; missing when not yet.</param>
    /// <param name="now">The present, for lateness.</param>
    public static IReadOnlyList<StepTiming> Evaluate(IReadOnlyList<SopStep> steps, DateTime openedAt, IReadOnlyDictionary<int, DateTime> completed,
        DateTime now, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(completed);
        ArgumentNullException.ThrowIfNull(calendar);
        var result = new List<StepTiming>(steps.Count);
        var allBeforeDone = true;
        DateTime? latestBefore = null;
        foreach (var step in steps)
        {
            completed.TryGetValue(step.Number, out var doneAt);
            DateTime? done = completed.ContainsKey(step.Number) ? doneAt : null;
            DateTime? started = null;
            if (result.Count == 0)
            {
                started = openedAt;
            }
            else if (allBeforeDone || done is not null)
            {
                started = latestBefore ?? openedAt;
            }

            if (started is { } s && done is { } d && s > d) started = d;
            var standard = StandardMinutes(step.Time, calendar);
            var due = started is { } st ? Due(step.Time, st, calendar) : null;
            int? actual = started is { } a && done is { } e ? calendar.WorkingMinutesBetween(a, e) : null;
            int? days = started is { } a2 && done is { } e2 ? calendar.WorkingDaysBetween(DateOnly.FromDateTime(a2), DateOnly.FromDateTime(e2)) : null;
            bool? onTime = done is { } dd && due is { } du ? dd <= du : null;
            var late = done is null && due is { } limit && now > limit;
            result.Add(new StepTiming(step.Number, started, done, actual, days, standard, due, onTime, late));

            if (done is { } c)
            {
                latestBefore = latestBefore is { } l && l > c ? l : c;
            }
            else
            {
                allBeforeDone = false;
            }
        }

        return result;
    }

    /// <summary>The median of actual times (office minutes) of a step over rounds: for an even count the mean of the two middle ones, rounded; null when none.</summary>
    public static int? Median(IReadOnlyCollection<int> actuals)
    {
        ArgumentNullException.ThrowIfNull(actuals);
        if (actuals.Count == 0) return null;
        var sorted = actuals.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (int)Math.Round((sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2m, MidpointRounding.AwayFromZero);
    }
}
