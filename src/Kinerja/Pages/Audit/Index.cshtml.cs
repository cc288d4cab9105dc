using Kinerja.Domain.Common;
using Kinerja.Features.Audit;
using Kinerja.Features.Organisation;
using Kinerja.Security;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Audit;

public sealed class IndexModel(ListAudit list, VerifyAudit verify, CurrentUser me, TimeProvider clock) : KinerjaPage
{
    [BindProperty(SupportsGet = true)] public Guid AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }

    public AgencyDto Agency { get; private set; } = null!;

    /// <summary>False for the Inspektorat, which reads the trail but not the agency's own pages.</summary>
    public bool CanOpenAgency { get; private set; }
    public IReadOnlyList<AuditRecordDto> Records { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var offset = clock.GetLocalNow().Offset;
        DateTimeOffset? from = From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), offset) : null;
        DateTimeOffset? to = To is { } t ? new DateTimeOffset(t.ToDateTime(TimeOnly.MaxValue), offset) : null;
        // The trail authorises first (the Inspektorat audits agencies it does not belong to), then the agency is named.
        Records = await list.HandleAsync(AgencyId, from, to, Entity, 500, ct);
        Agency = await list.AgencyAsync(AgencyId, ct);
        CanOpenAgency = me.BelongsTo(AgencyId);
        return Page();
    });

    /// <summary>htmx: checks the chain and returns a small result fragment.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        await me.LoadAsync(ct);
        if (!AuditAccess.MayVerify(me)) return Forbid();
        var v = await verify.HandleAsync(ct);
        var html = v.Intact
            ? $"<div class=\"alert alert-success py-2\" data-testid=\"verify-ok\">{System.Net.WebUtility.HtmlEncode(M["Rantai utuh: {0} catatan diperiksa.", v.RecordsChecked.ToString("N0", Text.Indonesian)])}</div>"
            : $"<div class=\"alert alert-danger py-2\" data-testid=\"verify-broken\">{System.Net.WebUtility.HtmlEncode(M["Rantai rusak di catatan nomor {0}:", v.BrokenAt] + " " + M[v.Reason!])}</div>";
        return Content(html, "text/html");
    }

    public string Local(DateTimeOffset at) => at.ToOffset(clock.GetLocalNow().Offset).ToString("d MMM yyyy HH.mm.ss", Text.Indonesian);

    public static string ActionLabel(string action) => action switch
    {
        "create" => "buat",
        "update" => "ubah",
        "delete" => "hapus",
        _ => action,
    };
}
