using Kinerja.Data;
using Kinerja.Features.Organisation;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Admin.Agencies;

public sealed class DetailsModel(GetAgency get, ListUnits units, CreateUnit create, UpdateAgency update, CurrentUser me, KinerjaDbContext db) : KinerjaPage
{
    [FromRoute] public Guid Id { get; set; }

    public AgencyDto Agency { get; private set; } = null!;
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];
    public HashSet<Guid> VisibleUnits { get; private set; } = [];
    public bool Administers { get; private set; }
    public bool SeesWholeAgency { get; private set; }

    [BindProperty] public UnitInput Input { get; set; } = new();
    [BindProperty] public AgencyEdit Edit { get; set; } = new();

    public Task<IActionResult> OnGetAsync() => RunAsync(async () =>
    {
        await OnReloadAsync();
        return Page();
    });

    /// <summary>On a conflict (412) the form keeps what the user typed, and says someone else changed it first.</summary>
    public Task<IActionResult> OnPostEditAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await update.HandleAsync(Id, new UpdateAgencyRequest(Edit.Name, Edit.Kind, Edit.Address, Edit.LetterNumberPattern), Edit.Version, ct);
        return Redirect($"/Admin/Agencies/Details/{Id}");
    }, nameof(Edit));

    protected override async Task OnReloadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Agency = await get.HandleAsync(Id, ct);
        Units = await units.HandleAsync(Id, ct);
        var tree = await db.LoadUnitTreeAsync(Id, ct);
        VisibleUnits = Units.Where(u => me.SeesUnit(Id, u.Id, tree)).Select(u => u.Id).ToHashSet();
        Administers = me.AdministersAgency(Id);
        SeesWholeAgency = me.SeesWholeAgency(Id);
        if (Edit.Version is null)
        {
            // Not the form being posted: show the current values (a failed edit keeps what was typed).
            Edit = new AgencyEdit
            {
                Name = Agency.Name, Kind = Agency.Kind, Address = Agency.Address, LetterNumberPattern = Agency.LetterNumberPattern, Version = Agency.Version,
            };
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await create.HandleAsync(Id, new CreateUnitRequest(Input.Name, Input.ParentId), ct);
        return Redirect($"/Admin/Agencies/Details/{Id}");
    });

    public sealed class AgencyEdit
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? Address { get; set; }
        public string? LetterNumberPattern { get; set; }
        public int? Version { get; set; }
    }

    public sealed class UnitInput
    {
        public string? Name { get; set; }
        public Guid? ParentId { get; set; }
    }
}
