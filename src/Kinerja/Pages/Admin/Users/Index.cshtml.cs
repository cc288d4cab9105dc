using Kinerja.Features.Organisation;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Admin.Users;

public sealed class IndexModel(GetAgency getAgency, ListUsers list, ListUnits units, CreateUser create, ResetPassword reset, CurrentUser me)
    : KinerjaPage
{
    [BindProperty(SupportsGet = true)] public Guid AgencyId { get; set; }

    public AgencyDto Agency { get; private set; } = null!;
    public IReadOnlyList<UserDto> Users { get; private set; } = [];
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];
    public bool Administers { get; private set; }
    public string? Saved { get; private set; }

    [BindProperty] public CreateUserInput Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync() => RunAsync(async () =>
    {
        await OnReloadAsync();
        return Page();
    });

    protected override async Task OnReloadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Agency = await getAgency.HandleAsync(AgencyId, ct);
        Users = await list.HandleAsync(AgencyId, null, ct);
        Units = await units.HandleAsync(AgencyId, ct);
        Administers = me.AdministersAgency(AgencyId);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await create.HandleAsync(AgencyId, new CreateUserRequest(Input.Username, Input.Password, Input.FullName, Input.Nip,
            Input.UnitId, Input.Role, Input.PositionTitle, Input.Rank), ct);
        return Redirect($"/Admin/Users?agencyId={AgencyId}");
    });

    public Task<IActionResult> OnPostPasswordAsync(Guid userId, string? newPassword, CancellationToken ct) => RunAsync(async () =>
    {
        await reset.HandleAsync(AgencyId, userId, new ResetPasswordRequest(newPassword), ct);
        ModelState.Clear();
        await OnReloadAsync();
        Saved = "Kata sandi diganti dan akun dibuka.";
        return Page();
    }, "NewPassword");

    public sealed class CreateUserInput
    {
        public string? Username { get; set; }
        public string? Password { get; set; }
        public string? FullName { get; set; }
        public string? Nip { get; set; }
        public string? Rank { get; set; }
        public Guid? UnitId { get; set; }
        public string? Role { get; set; } = "staff";
        public string? PositionTitle { get; set; }
    }
}
