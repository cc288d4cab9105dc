using System.Globalization;
using Kinerja.Domain.Common;
using Shouldly;

namespace Kinerja.Domain.Tests.Common;

public class IndonesianHolidaysTests
{
    private static Holiday? On(string date)
    {
        var d = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return IndonesianHolidays.For(d.Year).SingleOrDefault(h => h.Date == d);
    }

    [Theory]
    [InlineData(2025, 17, 11)] // SKB 1017/2/2 of 2024: 17 + 10, and 18 August added by SKB 933/1/3 of 2025
    [InlineData(2026, 17, 8)] // SKB 1497/2/5 of 2025
    public void Counts_as_decreed(int year, int holidays, int jointLeave)
    {
        var list = IndonesianHolidays.For(year);
        list.Count(h => !h.JointLeave).ShouldBe(holidays);
        list.Count(h => h.JointLeave).ShouldBe(jointLeave);
        list.Select(h => h.Date).ShouldBeUnique();
        list.ShouldAllBe(h => h.Date.Year == year);
        list.Select(h => h.Date).ShouldBeInOrder();
    }

    // The weekday each date was published with: catches a mistyped date.
    [Theory]
    [InlineData("2026-01-01", DayOfWeek.Thursday, false)]
    [InlineData("2026-01-16", DayOfWeek.Friday, false)]
    [InlineData("2026-02-16", DayOfWeek.Monday, true)]
    [InlineData("2026-02-17", DayOfWeek.Tuesday, false)]
    [InlineData("2026-03-18", DayOfWeek.Wednesday, true)]
    [InlineData("2026-03-19", DayOfWeek.Thursday, false)]
    [InlineData("2026-03-20", DayOfWeek.Friday, true)]
    [InlineData("2026-03-21", DayOfWeek.Saturday, false)]
    [InlineData("2026-03-22", DayOfWeek.Sunday, false)]
    [InlineData("2026-03-23", DayOfWeek.Monday, true)]
    [InlineData("2026-03-24", DayOfWeek.Tuesday, true)]
    [InlineData("2026-04-03", DayOfWeek.Friday, false)]
    [InlineData("2026-04-05", DayOfWeek.Sunday, false)]
    [InlineData("2026-05-01", DayOfWeek.Friday, false)]
    [InlineData("2026-05-14", DayOfWeek.Thursday, false)]
    [InlineData("2026-05-15", DayOfWeek.Friday, true)]
    [InlineData("2026-05-27", DayOfWeek.Wednesday, false)]
    [InlineData("2026-05-28", DayOfWeek.Thursday, true)]
    [InlineData("2026-05-31", DayOfWeek.Sunday, false)]
    [InlineData("2026-06-01", DayOfWeek.Monday, false)]
    [InlineData("2026-06-16", DayOfWeek.Tuesday, false)]
    [InlineData("2026-08-17", DayOfWeek.Monday, false)]
    [InlineData("2026-08-25", DayOfWeek.Tuesday, false)]
    [InlineData("2026-12-24", DayOfWeek.Thursday, true)]
    [InlineData("2026-12-25", DayOfWeek.Friday, false)]
    [InlineData("2025-01-28", DayOfWeek.Tuesday, true)]
    [InlineData("2025-03-28", DayOfWeek.Friday, true)]
    [InlineData("2025-04-02", DayOfWeek.Wednesday, true)]
    [InlineData("2025-04-07", DayOfWeek.Monday, true)]
    [InlineData("2025-05-13", DayOfWeek.Tuesday, true)]
    [InlineData("2025-05-30", DayOfWeek.Friday, true)]
    [InlineData("2025-06-09", DayOfWeek.Monday, true)]
    [InlineData("2025-08-18", DayOfWeek.Monday, true)]
    [InlineData("2025-12-26", DayOfWeek.Friday, true)]
    [InlineData("2025-03-31", DayOfWeek.Monday, false)]
    [InlineData("2025-04-01", DayOfWeek.Tuesday, false)]
    public void Dates_as_published(string date, DayOfWeek weekday, bool jointLeave)
    {
        var h = On(date).ShouldNotBeNull();
        h.Date.DayOfWeek.ShouldBe(weekday);
        h.JointLeave.ShouldBe(jointLeave);
    }

    [Theory]
    [InlineData("2026-08-18")] // no extra day after Independence Day in 2026
    [InlineData("2026-04-06")]
    [InlineData("2025-08-19")]
    [InlineData("2026-12-31")]
    public void Not_holidays(string date) => On(date).ShouldBeNull();

    [Fact]
    public void Other_years_have_only_the_fixed_dates()
    {
        IndonesianHolidays.For(2030).Select(h => h.Date.ToString("MM-dd", CultureInfo.InvariantCulture))
            .ShouldBe(["01-01", "05-01", "06-01", "08-17", "12-25"]);
        IndonesianHolidays.For(2028).ShouldAllBe(h => !h.JointLeave);
        IndonesianHolidays.Dates(2026, 2027).Count().ShouldBe(25 + 5);
        IndonesianHolidays.Dates(2027, 2026).ShouldBeEmpty();
    }
}
