using Kinerja.Domain.Organisation;
using Kinerja.Features.Organisation;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Admin.Units;

/// <summary>A unit's administration page. Another unit's staff get 403 (see GetUnit).</summary>
public sealed class DetailsModel(GetUnit get, ListPositions positions, ListUnits units, CreateUser createUser, CreateUnit createUnit, UpdateUnit update)
    : KinerjaPage
{
    [FromRoute] public Guid Id { get; set; }

    public UnitDetailsDto Unit { get; private set; } = null!;
    public IReadOnlyList<PositionDto> Positions { get; private set; } = [];
    public IReadOnlyList<UnitDto> AgencyUnits { get; private set; } = [];

    [BindProperty] public UnitEdit Edit { get; set; } = new();

    [BindProperty] public UserInput NewUser { get; set; } = new();
    [BindProperty] public string? NewUnitName { get; set; }

    public Task<IActionResult> OnGetAsync() => RunAsync(async () =>
    {
        await OnReloadAsync();
        return Page();
    });

    public Task<IActionResult> OnPostEditAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var unit = await get.HandleAsync(Id, ct);
        await update.HandleAsync(unit.AgencyId, Id, new UpdateUnitRequest(Edit.Name, Edit.ParentId), Edit.Version, ct);
        return Redirect($"/Admin/Units/Details/{Id}");
    }, nameof(Edit));

    protected override async Task OnReloadAsync()
    {
        Unit = await get.HandleAsync(Id, HttpContext.RequestAborted);
        Positions = await positions.HandleAsync(Unit.AgencyId, Id, HttpContext.RequestAborted);
        AgencyUnits = Unit.CanRestructure ? await units.HandleAsync(Unit.AgencyId, HttpContext.RequestAborted) : [];
        if (Edit.Version is null) Edit = new UnitEdit { Name = Unit.Name, ParentId = Unit.ParentId, Version = Unit.Version };
    }

    public Task<IActionResult> OnPostUserAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var unit = await get.HandleAsync(Id, ct);
        await createUser.HandleAsync(unit.AgencyId, new CreateUserRequest(NewUser.Username, NewUser.Password, NewUser.FullName,
            NewUser.Nip, Id, RoleRules.ToApiName(Role.Staff), NewUser.PositionTitle), ct);
        return Redirect($"/Admin/Units/Details/{Id}");
    }, nameof(NewUser));

    public Task<IActionResult> OnPostUnitAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var unit = await get.HandleAsync(Id, ct);
        var created = await createUnit.HandleAsync(unit.AgencyId, new CreateUnitRequest(NewUnitName, Id), ct);
        return Redirect($"/Admin/Units/Details/{created.Id}");
    }, nameof(NewUnitName));

    public sealed class UnitEdit
    {
        public string? Name { get; set; }
        public Guid? ParentId { get; set; }
        public int? Version { get; set; }
    }

    public sealed class UserInput
    {
        public string? Username { get; set; }
        public string? Password { get; set; }
        public string? FullName { get; set; }
        public string? Nip { get; set; }
        public string? PositionTitle { get; set; }
    }
}
