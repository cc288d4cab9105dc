using Kinerja.Domain.Plan;
using Shouldly;

namespace Kinerja.Domain.Tests.Plan;

public class StrategicPlanChoiceTests
{
    [Theory]
    [InlineData("2021-2025,2026-2030", 2023, "2021-2025")]
    [InlineData("2021-2025,2026-2030", 2025, "2021-2025")]
    [InlineData("2021-2025,2026-2030", 2026, "2026-2030")]
    [InlineData("2026-2030,2021-2025", 2024, "2021-2025")] // order of the rows does not matter
    [InlineData("2021-2025,2026-2030", 2035, "2026-2030")] // none covers the year: the latest
    [InlineData("2021-2025,2026-2030", 2019, "2026-2030")]
    [InlineData("2021-2025,2027-2031", 2026, "2027-2031")] // a gap between plans
    [InlineData("2021-2025", 2030, "2021-2025")]
    [InlineData("", 2025, null)]
    public void The_plan_covering_the_year_else_the_latest(string plans, int year, string? chosen)
    {
        var list = plans.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('-').Select(int.Parse).ToArray())
            .Select(y => new StrategicPlan(Guid.NewGuid(), Guid.Empty, "Renstra", y[0], y[1]))
            .ToList();

        var plan = list.ForYear(year);

        (plan is null ? null : $"{plan.FirstYear}-{plan.LastYear}").ShouldBe(chosen);
    }
}
