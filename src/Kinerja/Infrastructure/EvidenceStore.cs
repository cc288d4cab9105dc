using System.Security.Cryptography;
using Kinerja.Domain.Common;
using Kinerja.Domain.Rounds;

namespace Kinerja.Infrastructure;

/// <summary>
/// Evidence files on disk under the data directory, addressed by the SHA-256 of their content
/// (<c>evidence/ab/abcdef...</c>). A file is written once: the same content uploaded twice is stored
/// once, and nothing is ever overwritten or deleted, so frozen submissions keep pointing at what was sent.
/// The stored name is the hash, never the user's file name.
/// </summary>
public sealed class EvidenceStore(KinerjaSettings settings)
{
    private string Root => Path.Combine(settings.DataDirectory, "evidence");

    public sealed record Stored(string Sha256, long Size, byte[] Head);

    /// <summary>Copies the upload to a temporary file while hashing it, refusing more than <paramref name="maxBytes"/>, then files it under its hash.</summary>
    public async Task<Stored> SaveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, $"upload-{Guid.NewGuid():N}.tmp");
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[16];
            var headLength = 0;
            long size = 0;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int n;
                while ((n = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += n;
                    if (size > maxBytes) throw TooLarge();
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(n, head.Length - headLength);
                        Array.Copy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }

                    sha.AppendData(buffer, 0, n);
                    await file.WriteAsync(buffer.AsMemory(0, n), ct);
                }
            }

            var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            var target = PathOf(hash);
            if (!File.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                try
                {
                    File.Move(temp, target);
                }
                catch (IOException) when (File.Exists(target))
                {
                    // The same content arrived at the same moment: the stored copy is identical.
                }
            }

            return new Stored(hash, size, head[..headLength]);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// An uploaded file (evidence, minutes, a step's file) checked and stored: at most <see cref="EvidenceRules.MaxFileBytes"/>, a name
    /// and content of an accepted type (<see cref="EvidenceRules.CheckFile"/>); 413 or 400 on field <c>file</c> otherwise.
    /// </summary>
    public async Task<(Stored Stored, EvidenceFileCheck Check)> SaveCheckedAsync(string? fileName, Stream content, long? length, CancellationToken ct)
    {
        if (length > EvidenceRules.MaxFileBytes) throw TooLarge();
        if (EvidenceRules.NameProblem(fileName) is { } badName) throw AppProblem.Invalid("file", badName);
        var stored = await SaveAsync(content, EvidenceRules.MaxFileBytes, ct);
        var check = EvidenceRules.CheckFile(fileName, stored.Head, stored.Size);
        if (check.Problem is { } problem) throw AppProblem.Invalid("file", problem);
        return (stored, check);
    }

    public Stream Open(string sha256) => new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) throw new ArgumentException("Not a SHA-256 hex digest.", nameof(sha256));
        return Path.Combine(Root, sha256[..2], sha256);
    }

    public static AppProblem TooLarge() => Uploads.TooLarge(new Text("Berkas paling besar {0} MB.", EvidenceRules.MaxFileBytes / 1024 / 1024));
}
