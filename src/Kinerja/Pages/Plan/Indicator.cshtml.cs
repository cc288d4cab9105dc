using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Features.Plan;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Plan;

public sealed class IndicatorModel(GetIndicator get, PutTarget put, CurrentUser me) : KinerjaPage
{
    [FromRoute] public Guid Id { get; set; }

    public IndicatorDetailsDto Details { get; private set; } = null!;
    public Guid AgencyId { get; private set; }
    public bool CanEdit { get; private set; }

    [BindProperty] public TargetInput Edit { get; set; } = new();

    public Task<IActionResult> OnGetAsync() => RunAsync(async () =>
    {
        await OnReloadAsync();
        return Page();
    });

    protected override async Task OnReloadAsync()
    {
        Details = await get.HandleAsync(Id, HttpContext.RequestAborted);
        AgencyId = Details.AgencyId;
        CanEdit = me.HasAgencyRole(AgencyId, Role.Coordinator, Role.Secretary, Role.Admin);
        if (Edit.Year is null)
        {
            var year = Math.Clamp(DateTime.Today.Year, Details.Targets.FirstOrDefault()?.Year ?? DateTime.Today.Year, Details.Targets.LastOrDefault()?.Year ?? DateTime.Today.Year);
            var t = Details.Targets.FirstOrDefault(t => t.Year == year);
            Edit = new TargetInput
            {
                Year = year, Version = t?.Version, Annual = Num(t?.Annual), RangeLow = Num(t?.RangeLow), RangeHigh = Num(t?.RangeHigh),
                Quarters = (t?.Quarters ?? []).Select(Num).ToList(),
            };
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var current = (await get.HandleAsync(Id, ct)).Targets.FirstOrDefault(t => t.Year == Edit.Year);
        var errors = new Dictionary<string, Text[]>();
        decimal? Parse(string? s, string field) => ParseNumber(s, field, errors);

        var quarters = Edit.Quarters.Select((q, n) => Parse(q, $"quarters[{n}]")).ToList();
        var request = new PutTargetRequest(Parse(Edit.Annual, "annual"), quarters.All(q => q is null) ? [] : quarters, null,
            Parse(Edit.RangeLow, "rangeLow"), Parse(Edit.RangeHigh, "rangeHigh"), current?.StrategicEndTarget, current?.NationalStandard, current?.Baseline, Edit.Reason);
        if (Edit.Year is null) errors["year"] = [new Text("Tahun wajib diisi.")];
        if (errors.Count > 0) throw AppProblem.Invalid(errors);
        // A target that does not exist yet is created; an existing one needs the version this form showed.
        await put.HandleAsync(Id, Edit.Year!.Value, request, current is null ? null : Edit.Version ?? -1, ct);
        return Redirect($"/Plan/Indicator/{Id}");
    }, nameof(Edit));

    private static string? Num(decimal? v) => v is { } d ? IndonesianFormat.Number(d, 6) : null;

    public sealed class TargetInput
    {
        public int? Year { get; set; }
        public int? Version { get; set; }
        public string? Annual { get; set; }
        public string? RangeLow { get; set; }
        public string? RangeHigh { get; set; }
        public List<string?> Quarters { get; set; } = [];
        public string? Reason { get; set; }
    }
}
