using System.Diagnostics;
using Kinerja.Documents;

namespace Kinerja.Tests.Documents;

/// <summary>
/// A class fixture of documents converted to PDF once for the class, on first use (so the tests of the .docx alone run without
/// LibreOffice), into a temporary folder deleted afterwards — or, with KINERJA_DOCUMENT_OUTPUT set, into that folder, kept for a look.
/// </summary>
public abstract class PdfFixture<TConverted> : IDisposable
{
    private readonly Lazy<Task<TConverted>> _converted;
    private readonly string? _keep = Environment.GetEnvironmentVariable("KINERJA_DOCUMENT_OUTPUT");

    /// <param name="prefix">The name of the temporary folder starts with this.</param>
    protected PdfFixture(string prefix)
    {
        Folder = string.IsNullOrEmpty(_keep) ? Directory.CreateTempSubdirectory(prefix).FullName : Directory.CreateDirectory(_keep).FullName;
        _converted = new(() => ConvertAsync(new PdfConverter()));
    }

    /// <summary>Where the files go.</summary>
    protected string Folder { get; }

    /// <summary>Whether the files are kept (KINERJA_DOCUMENT_OUTPUT).</summary>
    protected bool Keep => !string.IsNullOrEmpty(_keep);

    /// <summary>
    /// Skip the calling test when LibreOffice is not installed; false where its absence fails the test instead (the fixture's
    /// conversion asserts it).
    /// </summary>
    protected virtual bool SkipWithoutLibreOffice => true;

    /// <summary>The conversions, made on the first call.</summary>
    public Task<TConverted> GetAsync()
    {
        if (SkipWithoutLibreOffice) Assert.SkipUnless(new PdfConverter().IsAvailable, "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)");
        return _converted.Value;
    }

    protected abstract Task<TConverted> ConvertAsync(PdfConverter converter);

    /// <summary>Writes <paramref name="name"/>.docx and <paramref name="name"/>.pdf into <see cref="Folder"/>; returns the PDF's path.</summary>
    protected async Task<string> WriteAsync(string name, byte[] docx, byte[] pdf)
    {
        var path = Path.Combine(Folder, name + ".pdf");
        await File.WriteAllBytesAsync(Path.Combine(Folder, name + ".docx"), docx);
        await File.WriteAllBytesAsync(path, pdf);
        return path;
    }

    /// <summary>Notes how long the conversions took, next to the kept files.</summary>
    protected async Task NoteElapsedAsync(string what, TimeSpan elapsed)
    {
        if (Keep) await File.WriteAllTextAsync(Path.Combine(Folder, "elapsed.txt"), $"{what}: {elapsed.TotalSeconds:0.0} s\n");
    }

    /// <summary>Runs a command-line tool (pdftotext, pdftoppm, pdfinfo) and returns what it printed; fails the test when it fails.</summary>
    public static async Task<string> Tool(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{program} failed: {await error}");
        return await output;
    }

    public void Dispose()
    {
        if (!Keep) Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
