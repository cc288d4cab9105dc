using Kinerja.Data;
using Kinerja.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Infrastructure;

/// <summary>Optimistic concurrency for things people edit: the version they saw must still be the current one.</summary>
public static class Concurrency
{
    public static AppProblem Stale() => new(StatusCodes.Status412PreconditionFailed,
        new Text("Data ini sudah diubah orang lain."),
        new Text("Muat ulang untuk melihat perubahan terbaru, lalu terapkan lagi perubahan Anda. Tidak ada yang disimpan."));

    /// <summary>Throws 428 when the client did not say which version it edits, 412 when that version is old.</summary>
    public static void EnsureVersion(int? expected, int current)
    {
        if (expected is null)
        {
            throw new AppProblem(StatusCodes.Status428PreconditionRequired, new Text("Versi data wajib disertakan."),
                new Text("Kirim header If-Match berisi ETag dari GET terakhir, agar perubahan orang lain tidak tertimpa."));
        }

        if (expected != current) throw Stale();
    }

    /// <summary>Saves; a concurrent save of the same row between our read and write also answers 412.</summary>
    public static async Task SaveAsync(KinerjaDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale();
        }
    }

    public static string ETag(int version) => $"\"{version}\"";

    /// <summary>The version in an If-Match header (<c>"3"</c> or <c>W/"3"</c>), null when absent; unreadable values count as stale.</summary>
    public static int? FromIfMatch(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch)) return null;
        var v = ifMatch.Trim();
        if (v.StartsWith("W/", StringComparison.Ordinal)) v = v[2..];
        return int.TryParse(v.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
    }
}
