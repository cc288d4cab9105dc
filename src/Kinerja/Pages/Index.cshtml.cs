using Kinerja.Data;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Pages;

/// <summary>Home: one card per position the user holds today, with what that role does here.</summary>
public sealed class IndexModel(CurrentUser me, KinerjaDbContext db, TimeProvider clock) : KinerjaPage
{
    public CurrentUser Me => me;
    public Dictionary<Guid, string> AgencyNames { get; private set; } = [];
    public Dictionary<Guid, string> UnitNames { get; private set; } = [];
    public string Today { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await me.LoadAsync(ct);
        Today = clock.GetLocalNow().ToString("dddd, d MMMM yyyy", Text.Indonesian);
        var agencies = me.Grants.Select(g => g.AgencyId).Distinct().ToList();
        var units = me.Grants.Select(g => g.UnitId).Distinct().ToList();
        AgencyNames = await db.Agencies.AsNoTracking().Where(a => agencies.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        UnitNames = await db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    public static string RoleDescription(Role role) => role switch
    {
        Role.Head => "Sebagai kepala: memerintahkan pengumpulan data, menyetujui dan menandatangani laporan.",
        Role.Secretary => "Sebagai sekretaris: meneruskan disposisi, memeriksa dan memaraf laporan.",
        Role.Coordinator => "Sebagai koordinator: membuka putaran pengumpulan data, memeriksa kertas kerja, menyusun rekap dan laporan.",
        Role.UnitHead => "Sebagai kepala unit: memastikan kertas kerja unit diisi dan dikirim tepat waktu.",
        Role.Staff => "Sebagai staf: mengisi realisasi, penjelasan dan data dukung kertas kerja unit.",
        Role.Admin => "Sebagai administrator instansi: mengelola unit, jabatan dan pengguna.",
        Role.Viewer => "Sebagai pemantau: membaca data, rekap dan jejak audit.",
    };
}
