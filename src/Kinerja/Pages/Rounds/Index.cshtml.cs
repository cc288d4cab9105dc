using Kinerja.Domain.Organisation;
using Kinerja.Features.Rounds;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Pages.Rounds;

/// <summary>The agency's collection rounds, and the order that opens a new one (head, secretary, coordinator).</summary>
public sealed class IndexModel(
    ListRounds list, OpenRound open, Features.Sop.ListSopTemplates templates, CurrentUser me, TimeProvider clock, Data.KinerjaDbContext db) : KinerjaPage
{
    [BindProperty(SupportsGet = true)] public Guid AgencyId { get; set; }

    public IReadOnlyList<RoundDto> Rounds { get; private set; } = [];
    public IReadOnlyList<Features.Sop.SopTemplateDto> Templates { get; private set; } = [];
    public bool CanOpen { get; private set; }
    public IReadOnlyList<(string Value, string Label)> Periods { get; private set; } = [];

    [BindProperty] public OpenInput Open { get; set; } = new();

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await OnReloadAsync();
        return Page();
    });

    protected override async Task OnReloadAsync()
    {
        Rounds = await list.HandleAsync(AgencyId, HttpContext.RequestAborted);
        // This agency's own templates and the built-in ones; the one offered first is the agency's own, else the seed it
        // wrote, else the generic one.
        var agencyName = await db.Agencies.Where(a => a.Id == AgencyId).Select(a => a.Name).FirstOrDefaultAsync(HttpContext.RequestAborted);
        var usable = (await templates.HandleAsync(HttpContext.RequestAborted)).Where(t => t.AgencyId is null || t.AgencyId == AgencyId).ToList();
        var preferred = usable.FirstOrDefault(t => t.AgencyId == AgencyId)
                        ?? usable.FirstOrDefault(t => t.BuiltIn && string.Equals(t.Agency, agencyName, StringComparison.OrdinalIgnoreCase))
                        ?? usable.First(t => t.Id == Domain.Sop.GenericSop.Id);
        Templates = [preferred, .. usable.Where(t => t.Id != preferred.Id)];
        Open.SopTemplateId ??= preferred.Id;
        CanOpen = me.HasAgencyRole(AgencyId, Role.Head, Role.Secretary, Role.Coordinator);
        var year = clock.GetLocalNow().Year;
        var periods = new List<(string, string)>();
        foreach (var y in new[] { year, year - 1 })
        {
            for (var q = 1; q <= 4; q++) periods.Add(($"{y}-Q{q}", Domain.Plan.Period.Quarter(y, q).DisplayName));
            for (var s = 1; s <= 2; s++) periods.Add(($"{y}-S{s}", Domain.Plan.Period.Parse($"{y}-S{s}").DisplayName));
            periods.Add(($"{y}", Domain.Plan.Period.Parse($"{y}").DisplayName));
        }

        Periods = periods;
        Open.Period ??= $"{year}-Q{(clock.GetLocalNow().Month + 2) / 3}";
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var round = await open.HandleAsync(AgencyId,
            new OpenRoundRequest(Open.Period, Open.SopTemplateId, new DispositionInput(Open.Disposition), Open.Deadline), ct);
        return Redirect($"/Rounds/Details/{round.Id}");
    }, nameof(Open));

    public sealed class OpenInput
    {
        public string? Period { get; set; }
        public string? SopTemplateId { get; set; }
        public string? Disposition { get; set; }
        public DateOnly? Deadline { get; set; }
    }
}
