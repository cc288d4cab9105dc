using System.Globalization;
using Kinerja.Domain.Common;
using Shouldly;

namespace Kinerja.Domain.Tests.Common;

/// <summary>
/// Working time over the real 2026 calendar (SKB holidays and cuti bersama; 2027 and 2028 with the fixed-date
/// holidays only). Landmarks: Mon 6 Apr 2026; Good Friday Fri 3 Apr; Ascension Thu 14 May + cuti Fri 15 May;
/// cuti Thu 24 Dec + Christmas Fri 25 Dec; New Year Fri 1 Jan 2027; leap day Tue 29 Feb 2028.
/// </summary>
public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new(IndonesianHolidays.Dates(2025, 2028));

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime T(string s) => DateTime.ParseExact(s, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-04-06", true)] // Monday
    [InlineData("2026-04-10", true)] // Friday
    [InlineData("2026-04-11", false)] // Saturday
    [InlineData("2026-04-12", false)] // Sunday
    [InlineData("2026-04-03", false)] // Good Friday
    [InlineData("2026-05-15", false)] // cuti bersama after Ascension
    [InlineData("2026-08-17", false)] // Independence Day, a Monday
    [InlineData("2026-08-18", true)] // no cuti bersama in 2026
    [InlineData("2025-08-18", false)] // cuti bersama added by the 2025 amendment
    [InlineData("2028-02-29", true)] // leap day, a Tuesday
    public void Working_days(string date, bool working) => Calendar.IsWorkingDay(D(date)).ShouldBe(working);

    [Theory]
    [InlineData("2026-04-06", 0, "2026-04-06")] // working day: itself
    [InlineData("2026-04-11", 0, "2026-04-13")] // Saturday: the next working day
    [InlineData("2026-04-06", 1, "2026-04-07")]
    [InlineData("2026-04-10", 1, "2026-04-13")] // over the weekend
    [InlineData("2026-04-11", 1, "2026-04-13")] // from a Saturday, day 1 is Monday
    [InlineData("2026-04-02", 1, "2026-04-06")] // over Good Friday and the weekend
    [InlineData("2026-05-13", 1, "2026-05-18")] // Ascension Thursday + cuti bersama Friday
    [InlineData("2026-05-13", 3, "2026-05-20")]
    [InlineData("2026-03-12", 5, "2026-03-26")] // Nyepi and Idul Fitri: 18-24 March closed
    [InlineData("2026-08-16", 1, "2026-08-18")] // Sunday, then 17 August
    [InlineData("2026-12-23", 1, "2026-12-28")] // cuti 24 Dec, Christmas 25 Dec
    [InlineData("2026-12-31", 1, "2027-01-04")] // year end, New Year on Friday
    [InlineData("2028-02-25", 2, "2028-02-29")] // leap day
    public void Adding_working_days(string start, int days, string expected) =>
        Calendar.AddWorkingDays(D(start), days).ShouldBe(D(expected));

    [Theory]
    [InlineData("2026-04-06 09:00", 2, TimeUnit.Hours, "2026-04-06 11:00")]
    [InlineData("2026-04-06 09:00", 0, TimeUnit.Minutes, "2026-04-06 09:00")]
    [InlineData("2026-04-06 06:00", 30, TimeUnit.Minutes, "2026-04-06 08:00")] // before opening
    [InlineData("2026-04-06 17:00", 1, TimeUnit.Hours, "2026-04-07 08:30")] // after closing
    [InlineData("2026-04-06 16:00", 1, TimeUnit.Hours, "2026-04-07 08:30")] // at closing
    [InlineData("2026-04-06 15:00", 60, TimeUnit.Minutes, "2026-04-06 16:00")] // uses the day exactly: its closing
    [InlineData("2026-04-06 15:00", 2, TimeUnit.Hours, "2026-04-07 08:30")] // 60 min today, 60 tomorrow
    [InlineData("2026-04-06 09:00", 17, TimeUnit.Hours, "2026-04-08 09:00")] // 1020 min = two office days
    [InlineData("2026-04-11 10:00", 1, TimeUnit.Hours, "2026-04-13 08:30")] // Saturday
    [InlineData("2026-04-02 15:30", 1, TimeUnit.Hours, "2026-04-06 08:00")] // over Good Friday
    [InlineData("2026-04-03 09:00", 30, TimeUnit.Minutes, "2026-04-06 08:00")] // starts on a holiday
    [InlineData("2026-08-17 08:00", 1, TimeUnit.Hours, "2026-08-18 08:30")] // starts on 17 August
    [InlineData("2026-12-31 14:00", 4, TimeUnit.Hours, "2027-01-04 09:30")] // year end
    [InlineData("2028-02-28 15:00", 2, TimeUnit.Hours, "2028-02-29 08:30")] // leap day
    [InlineData("2026-04-06 10:00", 3, TimeUnit.Days, "2026-04-09 16:00")]
    [InlineData("2026-04-06 10:00", 0, TimeUnit.Days, "2026-04-06 16:00")]
    [InlineData("2026-04-10 10:00", 1, TimeUnit.Days, "2026-04-13 16:00")] // over the weekend
    [InlineData("2026-04-11 10:00", 0, TimeUnit.Days, "2026-04-13 16:00")] // Saturday
    [InlineData("2026-05-13 20:00", 2, TimeUnit.Days, "2026-05-19 16:00")] // evening, then Ascension + cuti
    [InlineData("2026-12-23 10:00", 2, TimeUnit.Days, "2026-12-29 16:00")] // Christmas
    public void Deadlines(string start, int amount, TimeUnit unit, string expected) =>
        Calendar.Deadline(T(start), amount, unit).ShouldBe(T(expected));

    [Theory]
    [InlineData("2026-04-06 09:00", "2026-04-06 11:00", 120)]
    [InlineData("2026-04-06 06:00", "2026-04-06 18:00", 510)] // a whole office day
    [InlineData("2026-04-10 15:00", "2026-04-13 08:30", 120)] // Friday afternoon to Monday morning
    [InlineData("2026-04-02 15:00", "2026-04-06 08:00", 90)] // over Good Friday
    [InlineData("2026-04-11 10:00", "2026-04-12 15:00", 0)] // weekend only
    [InlineData("2026-04-06 07:30", "2026-04-13 07:30", 2550)] // one week = 5 x 510
    [InlineData("2026-12-23 08:30", "2026-12-28 08:30", 510)] // Christmas
    [InlineData("2028-02-28 12:00", "2028-03-01 12:00", 1020)] // over the leap day
    [InlineData("2026-04-06 11:00", "2026-04-06 09:00", 0)] // negative span
    [InlineData("2026-04-06 11:00", "2026-04-06 11:00", 0)] // empty span
    public void Working_minutes(string from, string to, int minutes) =>
        Calendar.WorkingMinutesBetween(T(from), T(to)).ShouldBe(minutes);

    [Theory]
    [InlineData("2026-04-06", "2026-04-08", 2)]
    [InlineData("2026-04-06", "2026-04-06", 0)] // same day
    [InlineData("2026-04-08", "2026-04-06", 0)] // negative span
    [InlineData("2026-04-10", "2026-04-13", 1)] // over the weekend
    [InlineData("2026-04-10", "2026-04-12", 0)] // into the weekend
    [InlineData("2026-04-02", "2026-04-07", 2)] // over Good Friday
    [InlineData("2026-12-23", "2026-12-29", 2)] // Christmas
    [InlineData("2028-02-25", "2028-03-01", 3)] // 28 Feb, 29 Feb, 1 Mar
    public void Working_days_between(string from, string to, int days) =>
        Calendar.WorkingDaysBetween(D(from), D(to)).ShouldBe(days);

    [Fact]
    public void Measuring_a_deadline_gives_back_its_amount()
    {
        var start = T("2026-03-12 10:15"); // before the long Nyepi and Idul Fitri closure
        foreach (var minutes in new[] { 1, 59, 345, 510, 511, 2000, 7777 })
        {
            Calendar.WorkingMinutesBetween(start, Calendar.Deadline(start, minutes, TimeUnit.Minutes)).ShouldBe(minutes);
        }

        for (var days = 0; days <= 40; days++)
        {
            var from = D("2026-12-01");
            Calendar.WorkingDaysBetween(from, Calendar.AddWorkingDays(from, days)).ShouldBe(days);
        }
    }

    [Fact]
    public void Office_hours_can_be_set()
    {
        var ramadan = new WorkingCalendar(opens: new TimeOnly(8, 0), closes: new TimeOnly(15, 0));
        ramadan.MinutesPerDay.ShouldBe(420);
        ramadan.Deadline(T("2026-03-02 07:00"), 8, TimeUnit.Hours).ShouldBe(T("2026-03-03 09:00"));
        ramadan.Deadline(T("2026-03-02 07:00"), 1, TimeUnit.Days).ShouldBe(T("2026-03-03 15:00"));
        ramadan.WorkingMinutesBetween(T("2026-03-02 07:00"), T("2026-03-02 16:00")).ShouldBe(420);
        new WorkingCalendar().MinutesPerDay.ShouldBe(510);
        new WorkingCalendar().IsWorkingDay(D("2026-08-17")).ShouldBeTrue(); // no holidays given
    }

    [Fact]
    public void Refuses_nonsense()
    {
        Should.Throw<ArgumentException>(() => new WorkingCalendar(opens: new TimeOnly(16, 0), closes: new TimeOnly(7, 30)));
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("2026-04-06"), -1));
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.Deadline(T("2026-04-06 09:00"), -5, TimeUnit.Hours));
    }

    [Fact]
    public void Keeps_the_kind_of_the_start_time()
    {
        var start = DateTime.SpecifyKind(T("2026-04-06 09:00"), DateTimeKind.Local);
        Calendar.Deadline(start, 1, TimeUnit.Days).Kind.ShouldBe(DateTimeKind.Local);
        Calendar.Deadline(start, 1, TimeUnit.Hours).Kind.ShouldBe(DateTimeKind.Local);
    }
}
