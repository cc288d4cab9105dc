using Kinerja.Domain.Common;

namespace Kinerja.Infrastructure;

/// <summary>
/// Workbooks that passed a dry run and wait for the person to apply them: kept in <c>data/imports</c> under a random
/// token and an owner key (the user and what the file is for), so nobody can apply another person's upload. Removed
/// once applied; those never applied are swept at start-up after a day.
/// </summary>
public sealed class CheckedUploads(KinerjaSettings settings)
{
    private string Folder => Path.Combine(settings.DataDirectory, "imports");

    /// <summary>Keeps <paramref name="content"/> for <paramref name="owner"/>; answers the token the page sends back.</summary>
    public async Task<string> KeepAsync(string owner, byte[] content, CancellationToken ct)
    {
        var token = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(PathOf(owner, token), content, ct);
        return token;
    }

    /// <summary>The kept file of <paramref name="owner"/>, or a 400 saying to upload again.</summary>
    public Stream Open(string owner, string? token) =>
        token is not null && Guid.TryParseExact(token, "N", out _) && File.Exists(PathOf(owner, token))
            ? File.OpenRead(PathOf(owner, token))
            : throw AppProblem.Invalid("token", new Text("Berkas yang diperiksa tidak ditemukan lagi. Unggah ulang berkasnya."));

    public void Remove(string owner, string token) => File.Delete(PathOf(owner, token));

    /// <summary>Removes files checked but never applied, older than a day (run at start-up).</summary>
    public void SweepAbandoned()
    {
        var folder = new DirectoryInfo(Folder);
        if (!folder.Exists) return;
        foreach (var file in folder.EnumerateFiles("*.xlsx").Where(f => f.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1)))
        {
            try { file.Delete(); } catch (IOException) { } // in use: next start
        }
    }

    private string PathOf(string owner, string token) => Path.Combine(Folder, $"{owner}-{token}.xlsx");
}
