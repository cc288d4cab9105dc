using Kinerja.Data;
using Kinerja.Features.Rounds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Pages.Rounds;

/// <summary>The disposition sheet (lembar disposisi) of a round, laid out for printing on one A4 page.</summary>
public sealed class DispositionModel(GetRound getRound, ListWorksheets worksheets, KinerjaDbContext db) : KinerjaPage
{
    [FromRoute] public Guid Id { get; set; }

    public RoundDto Round { get; private set; } = null!;
    public string Agency { get; private set; } = "";
    public string? Address { get; private set; }
    public IReadOnlyList<WorksheetSummaryDto> Worksheets { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        Round = await getRound.HandleAsync(Id, ct);
        Worksheets = await worksheets.HandleAsync(Id, ct);
        var agency = await (from r in db.Rounds.AsNoTracking()
                            join a in db.Agencies.AsNoTracking() on r.AgencyId equals a.Id
                            where r.Id == Id
                            select new { a.Name, a.Address }).SingleAsync(ct);
        Agency = agency.Name;
        Address = agency.Address;
        return Page();
    });
}
