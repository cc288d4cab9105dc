using Kinerja.Features.Organisation;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Admin.Agencies;

public sealed class IndexModel(ListAgencies list, CreateAgency create, CurrentUser me) : KinerjaPage
{
    public IReadOnlyList<AgencyDto> Agencies { get; private set; } = [];
    public bool IsSystemAdmin => me.IsSystemAdmin;

    [BindProperty] public AgencyInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await OnReloadAsync();

    protected override async Task OnReloadAsync() => Agencies = await list.HandleAsync(HttpContext.RequestAborted);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var a = await create.HandleAsync(new CreateAgencyRequest(Input.Name, Input.Kind, Input.Government, Input.Address, Input.LetterNumberPattern), ct);
        return Redirect($"/Admin/Agencies/Details/{a.Id}");
    });

    public sealed class AgencyInput
    {
        public string? Name { get; set; }
        public string? Kind { get; set; } = "dinas";
        public string? Government { get; set; }
        public string? Address { get; set; }
        public string? LetterNumberPattern { get; set; }
    }
}
