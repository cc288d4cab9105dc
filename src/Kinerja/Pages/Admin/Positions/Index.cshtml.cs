using Kinerja.Features.Organisation;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Admin.Positions;

public sealed class IndexModel(
    GetAgency getAgency, ListPositions list, ListUnits units, ListUsers users, CreatePosition create, AssignHolder assign, EndHolding end,
    CurrentUser me)
    : KinerjaPage
{
    [BindProperty(SupportsGet = true)] public Guid AgencyId { get; set; }

    public AgencyDto Agency { get; private set; } = null!;
    public IReadOnlyList<PositionDto> Positions { get; private set; } = [];
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];
    public IReadOnlyList<UserDto> People { get; private set; } = [];
    public bool Administers { get; private set; }

    [BindProperty] public PositionInput Input { get; set; } = new();
    [BindProperty] public AssignInput Assign { get; set; } = new();

    public Task<IActionResult> OnGetAsync() => RunAsync(async () =>
    {
        await OnReloadAsync();
        return Page();
    });

    protected override async Task OnReloadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Agency = await getAgency.HandleAsync(AgencyId, ct);
        Positions = await list.HandleAsync(AgencyId, null, ct);
        Units = await units.HandleAsync(AgencyId, ct);
        Administers = me.AdministersAgency(AgencyId);
        People = Administers ? await users.HandleAsync(AgencyId, null, ct) : [];
    }

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await create.HandleAsync(AgencyId, new CreatePositionRequest(Input.Title, Input.UnitId, Input.Role), ct);
        return Redirect($"/Admin/Positions?agencyId={AgencyId}");
    });

    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await assign.HandleAsync(AgencyId, Assign.PositionId,
            new AssignHolderRequest(Assign.UserId, Assign.Kind, Assign.From, Assign.Until), ct);
        return Redirect($"/Admin/Positions?agencyId={AgencyId}");
    }, nameof(Assign));

    public Task<IActionResult> OnPostEndAsync(Guid holderId, DateOnly? lastDay, CancellationToken ct) => RunAsync(async () =>
    {
        await end.HandleAsync(AgencyId, holderId, new EndHoldingRequest(lastDay), ct);
        return Redirect($"/Admin/Positions?agencyId={AgencyId}");
    }, "LastDay");

    public sealed class PositionInput
    {
        public string? Title { get; set; }
        public Guid? UnitId { get; set; }
        public string? Role { get; set; } = "staff";
    }

    public sealed class AssignInput
    {
        public Guid PositionId { get; set; }
        public Guid? UserId { get; set; }
        public string? Kind { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? Until { get; set; }
    }
}
