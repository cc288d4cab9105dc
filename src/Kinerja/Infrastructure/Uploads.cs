using Kinerja.Domain.Common;

namespace Kinerja.Infrastructure;

/// <summary>Reads an uploaded file into memory with a hard size limit, so a huge upload is refused before it is parsed.</summary>
public static class Uploads
{
    public const long MaxWorkbookBytes = 10 * 1024 * 1024;

    /// <summary>The xlsx in the request: a multipart field named "file", or the raw body.</summary>
    public static Task<MemoryStream> ReadWorkbookAsync(HttpRequest request, CancellationToken ct) => ReadWorkbookAsync(request, PlanTooLarge, ct);

    /// <summary>The xlsx in the request; <paramref name="tooLarge"/> says what to do when it is over the limit (413).</summary>
    public static async Task<MemoryStream> ReadWorkbookAsync(HttpRequest request, Text tooLarge, CancellationToken ct)
    {
        AppProblem TooLarge() => Uploads.TooLarge(tooLarge);
        if (request.ContentLength > MaxWorkbookBytes) throw TooLarge();
        Stream source;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
                       ?? throw AppProblem.Invalid("file", new Text("Pilih berkas Excel (.xlsx) untuk diunggah."));
            if (file.Length > MaxWorkbookBytes) throw TooLarge();
            source = file.OpenReadStream();
        }
        else
        {
            source = request.Body;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await source.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > MaxWorkbookBytes) throw TooLarge();
            buffer.Write(chunk, 0, n);
        }

        if (buffer.Length == 0) throw AppProblem.Invalid("file", new Text("Berkas kosong. Pilih berkas Excel (.xlsx) yang sudah diisi."));
        buffer.Position = 0;
        return buffer;
    }

    private static Text PlanTooLarge => new("Berkas paling besar {0} MB. Bagi rencana menjadi beberapa unggahan.", MaxWorkbookBytes / 1024 / 1024);

    public static AppProblem TooLarge() => TooLarge(PlanTooLarge);

    public static AppProblem TooLarge(Text detail) => new(StatusCodes.Status413PayloadTooLarge, new Text("Berkas atau permintaan terlalu besar."), detail);
}
