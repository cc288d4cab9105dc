using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Kinerja.Domain.Common;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Api;

/// <summary>Turns problems thrown by handlers, and malformed requests, into RFC 9457 problem+json in the user's language.</summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, Messages messages, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The middleware has already pointed the request at the error page; the path that failed is in the feature.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "";
        var problem = exception switch
        {
            AppProblem p => p,
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new AppProblem(413,
                new Text("Berkas atau permintaan terlalu besar."), new Text("Kirim berkas yang lebih kecil.")),
            // NUL in a JSON string: refused on the field, as validation would (PostgreSQL cannot store it).
            BadHttpRequestException { InnerException: NulCharacterException n } => AppProblem.Invalid(Field(n.Path),
                new Text("Isian ini berisi karakter NUL yang tidak dapat disimpan. Hapus karakter itu lalu kirim lagi.")),
            BadHttpRequestException b => new AppProblem(400, new Text("Permintaan tidak dapat dibaca."), Unreadable(b)),
            // Anything else is the server's fault, a JsonException of our own (stored data that does not read back) included:
            // only a request body the framework could not read is the caller's (BadHttpRequestException above).
            _ when path.StartsWith("/api/", StringComparison.Ordinal) => new AppProblem(500,
                new Text("Terjadi kesalahan di server."),
                new Text("Permintaan tidak selesai dan tidak ada data yang berubah. Laporkan kode ini ke administrator: {0}", http.TraceIdentifier)),
            _ => null, // pages: the /Error page
        };
        if (problem is null) return false;
        // The server's own failure: the answer asks the user to report the request's code, and the log is where the
        // administrator finds it (since .NET 10 the exception handler middleware no longer logs what a handler handled).
        // A 503 of ours (busy, no LibreOffice) says what to do itself and is not a failure to chase.
        if (exception is not AppProblem && problem.Status >= 500) LogFailure(log, exception, http.Request.Method, path, http.TraceIdentifier);

        http.Response.StatusCode = problem.Status;
        problem.AddHeadersTo(http.Response);
        var details = new ProblemDetails
        {
            Status = problem.Status,
            Title = messages[problem.Title],
            Detail = problem.Detail is null ? null : messages[problem.Detail],
        };
        if (problem.Errors.Count > 0)
        {
            details.Extensions["errors"] = problem.Errors.ToDictionary(e => e.Key, e => e.Value.Select(m => messages[m]).ToArray());
        }

        if (problem.AllowedActions is not null) details.Extensions["allowedActions"] = problem.AllowedActions;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }

    /// <summary>What to fix in a request the framework could not read, said without the framework's own wording.</summary>
    private static Text Unreadable(BadHttpRequestException b)
    {
        switch (b.InnerException)
        {
            case JsonException { Path: { Length: > 2 } p }:
                return new Text("Isian {0} tidak dapat dibaca. Periksa jenis nilainya: angka biasa (bukan NaN, tak hingga atau angka yang terlalu besar), teks, tanggal tttt-bb-hh atau id.", Field(p));
            case JsonException:
                return new Text("Badan permintaan bukan JSON yang utuh atau bukan objek. Kirim objek JSON dengan isian yang disebut di dokumentasi API.");
        }

        return BindFailure().Match(b.Message) is { Success: true } m
            ? new Text("Parameter {0} bernilai \"{1}\" tidak dapat dibaca. Periksa jenisnya (angka, tanggal tttt-bb-hh atau id).", m.Groups[1].Value, Shorten(m.Groups[2].Value))
            : new Text("Periksa format isian (JSON, angka, tanggal tttt-bb-hh dan id) dan parameter di alamat.");
    }

    private static string Field(string? jsonPath) => string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 39), "…");

    [LoggerMessage(LogLevel.Error, "Request {Method} {Path} failed ({TraceIdentifier})")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path, string traceIdentifier);

    [GeneratedRegex("^Failed to bind parameter \"(?:[^\" ]+ )?([^\" ]+)\" from \"(.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex BindFailure();
}

/// <summary>
/// Problems the framework answers by itself, with a status and no text of ours (no token or one that no longer holds, a
/// policy that refuses): a title and a detail a user can read, in their language, as every other problem has.
/// </summary>
public static class FrameworkProblems
{
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        // Only the framework's own bare answers on the API: ours have their texts, and the pages sign in with a cookie.
        if (context.Exception is not null || problem.Detail is not null || problem.Status is not { } status
            || problem.Title != Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)
            || !context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)) return;
        (Text Title, Text Detail)? text = status switch
        {
            StatusCodes.Status401Unauthorized => (new Text("Belum masuk, atau token sudah tidak berlaku."),
                new Text("Minta token dengan POST /api/v1/auth/token (nama pengguna, kata sandi, dan kode verifikasi dua langkah bila aktif), lalu kirim di setiap permintaan sebagai header Authorization: Bearer <token>.")),
            StatusCodes.Status403Forbidden => (new Text("Anda tidak berhak melakukan ini."),
                new Text("Peran Anda tidak mencakup tindakan ini.")),
            _ => null,
        };
        if (text is not { } t) return;
        var messages = context.HttpContext.RequestServices.GetRequiredService<Messages>();
        problem.Title = messages[t.Title];
        problem.Detail = messages[t.Detail];
    }
}

/// <summary>A JSON string held NUL, which no text column keeps: PostgreSQL refuses it outright (SQLite would store it).</summary>
public sealed class NulCharacterException() : JsonException("A JSON string holds NUL.");

/// <summary>
/// Every string read from a JSON request body: NUL is refused (400 on the field) before any handler sees it. Other control
/// characters reach the validators, which say per field what they allow.
/// </summary>
public sealed class NoNulJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("Expected a string.");
        return text is not null && text.Contains('\0', StringComparison.Ordinal) ? throw new NulCharacterException() : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
