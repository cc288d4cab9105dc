using Kinerja.Features.Plan;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Plan;

public sealed class BudgetModel(GetBudget get) : KinerjaPage
{
    [BindProperty(SupportsGet = true)] public Guid AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public int Year { get; set; }

    public BudgetDto Budget { get; private set; } = null!;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        Budget = await get.HandleAsync(AgencyId, Year, ct);
        return Page();
    });
}
