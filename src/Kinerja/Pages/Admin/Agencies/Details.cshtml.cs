using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Infrastructure;
using Kinerja.Features.Organisation;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Admin.Agencies;

public sealed class DetailsModel(
    GetAgency get, ListUnits units, CreateUnit create, UpdateAgency update, GetAchievementRules getRules, UpdateAchievementRules updateRules,
    CurrentUser me, KinerjaDbContext db) : KinerjaPage
{
    [FromRoute] public Guid Id { get; set; }

    public AgencyDto Agency { get; private set; } = null!;
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];
    public HashSet<Guid> VisibleUnits { get; private set; } = [];
    public bool Administers { get; private set; }
    public bool SeesWholeAgency { get; private set; }

    [BindProperty] public UnitInput Input { get; set; } = new();
    [BindProperty] public AgencyEdit Edit { get; set; } = new();
    [BindProperty] public RulesInput Rules { get; set; } = new();

    public AchievementRulesDto CurrentRules { get; private set; } = null!;
    public bool MayEditRules { get; private set; }

    /// <summary>Rows offered in the category form: the current bands and room for a few more.</summary>
    public const int CategoryRows = 7;


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

    /// <summary>Saves the cap and the category scale; empty rows are dropped, "default" goes back to Permendagri 86/2017.</summary>
    public Task<IActionResult> OnPostRulesAsync(string? reset, CancellationToken ct) => RunAsync(async () =>
    {
        var errors = new Dictionary<string, Text[]>();
        decimal? Parse(string? s, string field) => ParseNumber(s, field, errors);

        var cap = Parse(Rules.Cap, "cap");
        var bands = reset is null
            ? Rules.Categories.Where(c => !string.IsNullOrWhiteSpace(c.Label) || !string.IsNullOrWhiteSpace(c.Above))
                .Select(c => new CategoryBandDto(Parse(c.Above, "categories"), c.Label, c.Colour)).ToList()
            : null;
        if (errors.Count > 0) throw AppProblem.Invalid(errors);
        await updateRules.HandleAsync(Id, new UpdateAchievementRulesRequest(cap, bands), Rules.Version, ct);
        return Redirect($"/Admin/Agencies/Details/{Id}#rules");
    }, nameof(Rules));

    protected override async Task OnReloadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Agency = await get.HandleAsync(Id, ct);
        CurrentRules = await getRules.HandleAsync(Id, ct);
        MayEditRules = me.HasAgencyRole(Id, Role.Admin, Role.Head, Role.Coordinator);
        if (Rules.Version is null)
        {
            Rules = new RulesInput
            {
                Version = CurrentRules.Version,
                Cap = CurrentRules.Cap is { } c ? IndonesianFormat.Number(c, 2) : null,
                Categories = CurrentRules.Categories
                    .Select(b => new CategoryInput { Above = b.Above is { } a ? IndonesianFormat.Number(a, 2) : null, Label = b.Label, Colour = b.Colour })
                    .ToList(),
            };
        }

        while (Rules.Categories.Count < CategoryRows) Rules.Categories.Add(new CategoryInput());
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

    public sealed class RulesInput
    {
        public string? Cap { get; set; }
        public List<CategoryInput> Categories { get; set; } = [];
        public int? Version { get; set; }
    }

    public sealed class CategoryInput
    {
        public string? Above { get; set; }
        public string? Label { get; set; }
        public string? Colour { get; set; }
    }

    public sealed class UnitInput
    {
        public string? Name { get; set; }
        public Guid? ParentId { get; set; }
    }
}
