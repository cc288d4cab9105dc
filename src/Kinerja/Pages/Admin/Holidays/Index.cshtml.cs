using Kinerja.Domain.Organisation;
using Kinerja.Features.Organisation;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Admin.Holidays;

/// <summary>The agency's days off for a year: the decreed national ones, and its own that it can add or remove.</summary>
public sealed class IndexModel(ListHolidays list, AddHoliday add, RemoveHoliday remove, CurrentUser me, TimeProvider clock) : KinerjaPage
{
    [BindProperty(SupportsGet = true)] public Guid AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public int Year { get; set; }

    public IReadOnlyList<HolidayDto> Holidays { get; private set; } = [];
    public bool CanEdit { get; private set; }

    [BindProperty] public AddInput Add { get; set; } = new();

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await OnReloadAsync();
        return Page();
    });

    protected override async Task OnReloadAsync()
    {
        if (Year == 0) Year = clock.GetLocalNow().Year;
        Holidays = await list.HandleAsync(AgencyId, Year, HttpContext.RequestAborted);
        CanEdit = me.HasAgencyRole(AgencyId, Role.Admin, Role.Head, Role.Secretary, Role.Coordinator);
    }

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var h = await add.HandleAsync(AgencyId, new AddHolidayRequest(Add.Date, Add.Name), ct);
        return Redirect($"/Admin/Holidays?agencyId={AgencyId}&year={h.Date.Year}");
    }, nameof(Add));

    public Task<IActionResult> OnPostRemoveAsync(Guid holidayId, CancellationToken ct) => RunAsync(async () =>
    {
        await remove.HandleAsync(AgencyId, holidayId, ct);
        return Redirect($"/Admin/Holidays?agencyId={AgencyId}&year={Year}");
    });

    public sealed class AddInput
    {
        public DateOnly? Date { get; set; }
        public string? Name { get; set; }
    }
}
