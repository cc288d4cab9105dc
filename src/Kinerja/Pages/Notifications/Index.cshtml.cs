using Kinerja.Features.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Pages.Notifications;

/// <summary>The signed-in person's notifications; opening one marks it read and goes where it points.</summary>
public sealed class IndexModel(ListNotifications list, MarkNotificationRead mark) : KinerjaPage
{
    public NotificationListDto List { get; private set; } = new(0, []);

    public async Task OnGetAsync(CancellationToken ct) => List = await list.HandleAsync(100, ct);

    public Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) => RunAsync(async () => Redirect(await mark.HandleAsync(id, ct) ?? "/"));

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await mark.HandleAsync(null, ct);
        return Redirect("/Notifications");
    }
}
