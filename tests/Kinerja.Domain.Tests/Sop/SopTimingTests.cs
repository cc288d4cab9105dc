using System.Globalization;
using Kinerja.Domain.Common;
using Kinerja.Domain.Sop;
using Shouldly;

namespace Kinerja.Domain.Tests.Sop;

/// <summary>
/// Step timing over the real 2026 calendar (office 07:30-16:00, 510 minutes a day). Landmarks: Mon 6 Apr 2026; Good Friday
/// Fri 3 Apr. A four-step SOP: order (15 minutes), distribute (2 hours), fill (3 days), check (2 days).
/// </summary>
public class SopTimingTests
{
    private static readonly WorkingCalendar Calendar = new(IndonesianHolidays.Dates(2025, 2027));

    private static DateTime T(string s) => DateTime.ParseExact(s, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static SopStep Step(int n, SopTime? time) =>
        new(n, $"Langkah {n}", ["a"], n == 1 ? SopStepKind.Start : n == 4 ? SopStepKind.End : SopStepKind.Process, SopAction.None, null, time, null, null, []);

    private static readonly SopStep[] Steps =
    [
        Step(1, new SopTime(15, TimeUnit.Minutes)),
        Step(2, new SopTime(2, TimeUnit.Hours)),
        Step(3, new SopTime(3, TimeUnit.Days)),
        Step(4, new SopTime(2, TimeUnit.Days)),
    ];

    [Theory]
    [InlineData(15, TimeUnit.Minutes, 15)]
    [InlineData(2, TimeUnit.Hours, 120)]
    [InlineData(1.5, TimeUnit.Hours, 90)]
    [InlineData(3, TimeUnit.Days, 1530)]
    [InlineData(0.5, TimeUnit.Days, 255)]
    [InlineData(2.5, TimeUnit.Minutes, 3)]
    public void Standard_time_in_office_minutes(double amount, TimeUnit unit, int minutes) =>
        SopTiming.StandardMinutes(new SopTime((decimal)amount, unit), Calendar).ShouldBe(minutes);

    [Fact]
    public void No_standard_time_means_no_due_time() =>
        (SopTiming.StandardMinutes(null, Calendar), SopTiming.Due(null, T("2026-04-06 08:00"), Calendar)).ShouldBe((null, null));

    public static TheoryData<string, string[], string, int, string?, string?, int?, bool?, bool> Cases() => new()
    {
        // step, completions (step=time), now, which step to check, expected start, expected completion, actual minutes, on time, late
        { "order on time", ["1=2026-04-06 08:10"], "2026-04-06 09:00", 1, "2026-04-06 08:00", "2026-04-06 08:10", 10, true, false },
        { "order late", ["1=2026-04-06 08:20"], "2026-04-06 09:00", 1, "2026-04-06 08:00", "2026-04-06 08:20", 20, false, false },
        { "order open and overdue", [], "2026-04-06 08:16", 1, "2026-04-06 08:00", null, null, null, true },
        { "order open within time", [], "2026-04-06 08:14", 1, "2026-04-06 08:00", null, null, null, false },
        { "distribute starts when the order is done", ["1=2026-04-06 08:10", "2=2026-04-06 10:00"], "2026-04-06 11:00", 2, "2026-04-06 08:10", "2026-04-06 10:00", 110, true, false },
        { "distribute over closing time counts office minutes", ["1=2026-04-06 15:30", "2=2026-04-07 09:00"], "2026-04-07 10:00", 2, "2026-04-06 15:30", "2026-04-07 09:00", 120, true, false },
        { "distribute from Thursday over Good Friday and the weekend", ["1=2026-04-02 15:00", "2=2026-04-06 08:45"], "2026-04-06 10:00", 2, "2026-04-02 15:00", "2026-04-06 08:45", 135, false, false },
        { "a step not started while the one before is open", [], "2026-04-06 09:00", 2, null, null, null, null, false },
        { "fill within 3 working days", ["1=2026-04-06 08:10", "2=2026-04-06 10:00", "3=2026-04-09 15:59"], "2026-04-10 09:00", 3, "2026-04-06 10:00", "2026-04-09 15:59", 1889, true, false },
        { "fill on the fourth day is late", ["1=2026-04-06 08:10", "2=2026-04-06 10:00", "3=2026-04-10 08:00"], "2026-04-10 09:00", 3, "2026-04-06 10:00", "2026-04-10 08:00", 1920, false, false },
        { "fill overdue after the third day closes", ["1=2026-04-06 08:10", "2=2026-04-06 10:00"], "2026-04-09 16:01", 3, "2026-04-06 10:00", null, null, null, true },
        { "fill not yet overdue on the third day", ["1=2026-04-06 08:10", "2=2026-04-06 10:00"], "2026-04-09 15:59", 3, "2026-04-06 10:00", null, null, null, false },
        { "done before the step before it: starts at the latest earlier completion", ["1=2026-04-06 08:10", "4=2026-04-08 09:00"], "2026-04-08 10:00", 4, "2026-04-06 08:10", "2026-04-08 09:00", 1070, true, false },
        { "a start never after its own end", ["1=2026-04-06 10:00", "2=2026-04-06 09:00"], "2026-04-06 11:00", 2, "2026-04-06 09:00", "2026-04-06 09:00", 0, true, false },
        { "the check waits for every earlier step", ["1=2026-04-06 08:10", "3=2026-04-07 09:00"], "2026-04-20 09:00", 4, null, null, null, null, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Steps_start_when_the_ones_before_are_done_and_are_measured_against_their_standard(
        string name, string[] completions, string now, int step, string? start, string? done, int? minutes, bool? onTime, bool late)
    {
        var completed = completions.Select(c => c.Split('=')).ToDictionary(p => int.Parse(p[0], CultureInfo.InvariantCulture), p => T(p[1]));
        var timing = SopTiming.Evaluate(Steps, T("2026-04-06 08:00"), completed, T(now), Calendar).Single(s => s.Number == step);
        timing.StartedAt.ShouldBe(start is null ? null : T(start), name);
        timing.CompletedAt.ShouldBe(done is null ? null : T(done), name);
        timing.ActualMinutes.ShouldBe(minutes, name);
        timing.OnTime.ShouldBe(onTime, name);
        timing.Late.ShouldBe(late, name);
    }

    [Fact]
    public void Days_are_counted_too()
    {
        var completed = new Dictionary<int, DateTime> { [1] = T("2026-04-06 08:10"), [2] = T("2026-04-06 10:00"), [3] = T("2026-04-08 11:00") };
        var fill = SopTiming.Evaluate(Steps, T("2026-04-06 08:00"), completed, T("2026-04-08 12:00"), Calendar)[2];
        fill.ActualWorkingDays.ShouldBe(2);
        fill.StandardMinutes.ShouldBe(1530);
        fill.Due.ShouldBe(T("2026-04-09 16:00"));
    }

    [Theory]
    [InlineData(new int[0], null)]
    [InlineData(new[] { 5 }, 5)]
    [InlineData(new[] { 9, 1, 5 }, 5)]
    [InlineData(new[] { 1, 2, 3, 10 }, 3)]
    [InlineData(new[] { 1, 2 }, 2)]
    public void Median_of_actual_times(int[] actuals, int? median) => SopTiming.Median(actuals).ShouldBe(median);
}
