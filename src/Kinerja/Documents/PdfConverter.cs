using System.Diagnostics;
using System.Globalization;
using Kinerja.Domain.Common;

namespace Kinerja.Documents;

/// <summary>LibreOffice is not installed where the application runs, so no PDF can be made.</summary>
public sealed class PdfUnavailableException(Text reason) : Exception(reason.ToString())
{
    public Text Reason { get; } = reason;
}

/// <summary>LibreOffice ran but did not produce a PDF (a broken document, a crash or the time limit).</summary>
public sealed class PdfConversionException(Text reason, string? output) : Exception(reason.ToString() + (string.IsNullOrWhiteSpace(output) ? "" : "\n" + output))
{
    public Text Reason { get; } = reason;
}

/// <summary>
/// Converts .docx to .pdf with LibreOffice headless (<c>soffice --headless --convert-to pdf</c>). Every call
/// works in its own temporary folder with its own LibreOffice user profile, so calls may run in parallel;
/// the process is wrapped in <c>timeout -k 5 {limit}</c> because a stuck <c>oosplash</c> ignores a plain
/// TERM. The folder is deleted afterwards.
/// </summary>
public sealed class PdfConverter
{
    /// <summary>Where Debian's libreoffice-writer(-nogui) puts the program.</summary>
    public static readonly IReadOnlyList<string> KnownLocations = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"];

    private readonly string? _soffice;
    private readonly int _timeLimitSeconds;

    /// <summary>Uses soffice from <see cref="KnownLocations"/>.</summary>
    public PdfConverter() : this(KnownLocations.FirstOrDefault(File.Exists)) { }

    /// <param name="sofficePath">The soffice program; null or a missing file makes every conversion throw <see cref="PdfUnavailableException"/>.</param>
    /// <param name="timeLimitSeconds">How long one conversion may take before it is killed.</param>
    public PdfConverter(string? sofficePath, int timeLimitSeconds = 60)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeLimitSeconds, 1);
        _soffice = sofficePath;
        _timeLimitSeconds = timeLimitSeconds;
    }

    /// <summary>What people are told when LibreOffice is not installed, with the command that installs it.</summary>
    public static Text NotInstalled => new Text("PDF tidak dapat dibuat: LibreOffice belum terpasang di server. Administrator dapat memasangnya dengan: apt-get install libreoffice-writer-nogui");

    /// <summary>Whether soffice is there; conversions can still fail for other reasons.</summary>
    public bool IsAvailable => _soffice is not null && File.Exists(_soffice);

    /// <summary>The PDF of <paramref name="docx"/>.</summary>
    /// <exception cref="PdfUnavailableException">LibreOffice is not installed.</exception>
    /// <exception cref="PdfConversionException">LibreOffice produced no PDF.</exception>
    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(docx);
        if (!IsAvailable)
        {
            throw new PdfUnavailableException(NotInstalled);
        }

        var work = Directory.CreateTempSubdirectory("kinerja-pdf-").FullName;
        try
        {
            var input = Path.Combine(work, "document.docx");
            var outDir = Path.Combine(work, "out");
            var profile = Path.Combine(work, "profile");
            Directory.CreateDirectory(outDir);
            await File.WriteAllBytesAsync(input, docx, ct).ConfigureAwait(false);

            var start = new ProcessStartInfo("timeout")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = work,
            };
            foreach (var arg in new[]
                     {
                         "-k", "5", _timeLimitSeconds.ToString(CultureInfo.InvariantCulture), _soffice!,
                         "-env:UserInstallation=" + new Uri(profile).AbsoluteUri,
                         "--headless", "--norestore", "--nolockcheck",
                         "--convert-to", "pdf", "--outdir", outDir, input,
                     })
            {
                start.ArgumentList.Add(arg);
            }

            // LibreOffice writes into HOME when the profile is not enough; keep that inside the folder too.
            start.Environment["HOME"] = work;

            using var process = Process.Start(start)
                ?? throw new PdfConversionException(new Text("PDF tidak dapat dibuat: LibreOffice tidak dapat dijalankan."), null);
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            try
            {
                await process.WaitForExitAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // already gone
                }

                throw;
            }

            var output = (await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false)).Trim();
            var pdf = Path.Combine(outDir, "document.pdf");
            if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
            {
                // timeout exits 124 when it stopped LibreOffice, 137 when it had to kill it.
                throw process.ExitCode is 124 or 137
                    ? new PdfConversionException(new Text("PDF tidak dapat dibuat: LibreOffice tidak selesai dalam {0} detik.", _timeLimitSeconds), output)
                    : new PdfConversionException(new Text("PDF tidak dapat dibuat: LibreOffice tidak menghasilkan berkas PDF (kode keluar {0}).", process.ExitCode), output);
            }

            return await File.ReadAllBytesAsync(pdf, ct).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // a process still holding a file; the system's temp cleaning removes it later
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
