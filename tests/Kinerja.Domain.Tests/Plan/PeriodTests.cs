using Kinerja.Domain.Plan;
using Shouldly;

namespace Kinerja.Domain.Tests.Plan;

public class PeriodTests
{
    [Theory]
    [InlineData("2025", PeriodKind.Year, 1, "2025-01-01", "2025-12-31", "Tahun 2025", "1,2,3,4")]
    [InlineData("2025-S1", PeriodKind.Semester, 1, "2025-01-01", "2025-06-30", "Semester I 2025", "1,2")]
    [InlineData("2025-S2", PeriodKind.Semester, 2, "2025-07-01", "2025-12-31", "Semester II 2025", "3,4")]
    [InlineData("2025-Q1", PeriodKind.Quarter, 1, "2025-01-01", "2025-03-31", "Triwulan I 2025", "1")]
    [InlineData("2025-Q4", PeriodKind.Quarter, 4, "2025-10-01", "2025-12-31", "Triwulan IV 2025", "4")]
    [InlineData("2024-M02", PeriodKind.Month, 2, "2024-02-01", "2024-02-29", "Februari 2024", "")]
    [InlineData("2025-m12", PeriodKind.Month, 12, "2025-12-01", "2025-12-31", "Desember 2025", "")]
    [InlineData(" 2026-q2 ", PeriodKind.Quarter, 2, "2026-04-01", "2026-06-30", "Triwulan II 2026", "2")]
    public void Parses_and_describes(string text, PeriodKind kind, int number, string start, string end, string display, string quarters)
    {
        Period.TryParse(text, out var p, out var error).ShouldBeTrue(error?.ToString());
        p.Kind.ShouldBe(kind);
        p.Number.ShouldBe(number);
        p.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(start);
        p.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(end);
        p.DisplayName.ShouldBe(display);
        string.Join(",", p.Quarters).ShouldBe(quarters);
        Period.Parse(p.ToString()).ShouldBe(p);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("25")]
    [InlineData("2025-Q5")]
    [InlineData("2025-Q0")]
    [InlineData("2025-S3")]
    [InlineData("2025-M13")]
    [InlineData("2025-M3")]
    [InlineData("2025-X1")]
    [InlineData("2025-Q1-extra")]
    [InlineData("1999")]
    [InlineData("2101-Q1")]
    [InlineData("２０２５")]
    public void Refuses_with_a_reason(string? text)
    {
        Period.TryParse(text, out _, out var error).ShouldBeFalse();
        error!.ToString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Sorts_by_start_then_longest_first()
    {
        var sorted = new[] { "2025-Q2", "2025-S1", "2025", "2025-Q1", "2024-Q4", "2025-M01" }.Select(Period.Parse).Order().Select(p => p.ToString());
        sorted.ShouldBe(["2024-Q4", "2025", "2025-S1", "2025-Q1", "2025-M01", "2025-Q2"]);
    }

    [Theory]
    [InlineData("2025-Q2", "2025-Q1", "2024-Q2")]
    [InlineData("2025-Q1", "2024-Q4", "2024-Q1")]
    [InlineData("2025-S2", "2025-S1", "2024-S2")]
    [InlineData("2025-S1", "2024-S2", "2024-S1")]
    [InlineData("2025", "2024", "2024")]
    [InlineData("2025-M01", "2024-M12", "2024-M01")]
    [InlineData("2025-M07", "2025-M06", "2024-M07")]
    [InlineData("2000-Q1", null, null)]
    [InlineData("2000-Q2", "2000-Q1", null)]
    public void The_previous_period_and_the_same_period_a_year_before(string period, string? previous, string? yearBefore)
    {
        var p = Period.Parse(period);
        (p.Previous?.ToString()).ShouldBe(previous);
        (p.Year > Period.MinYear ? p.InYear(p.Year - 1).ToString() : null).ShouldBe(yearBefore);
    }
}
