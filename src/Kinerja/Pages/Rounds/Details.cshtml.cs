using Kinerja.Domain.Organisation;
using Kinerja.Features.Rounds;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Rounds;

/// <summary>One round at a glance: the disposition, how complete it is, every worksheet the user may see.</summary>
public sealed class DetailsModel(GetRound getRound, ListWorksheets worksheets, CurrentUser me) : KinerjaPage
{
    [FromRoute] public Guid Id { get; set; }

    public RoundDto Round { get; private set; } = null!;
    public Guid AgencyId { get; private set; }
    public IReadOnlyList<WorksheetSummaryDto> Worksheets { get; private set; } = [];
    public bool Reviews { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        Round = await getRound.HandleAsync(Id, ct);
        Worksheets = await worksheets.HandleAsync(Id, ct);
        AgencyId = me.Grants.FirstOrDefault()?.AgencyId ?? Guid.Empty;
        Reviews = me.Grants.Any(g => g.Role is Role.Coordinator or Role.Secretary);
        return Page();
    });
}
