using Kinerja.Domain.Common;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Api;

/// <summary>Turns problems thrown by handlers, and malformed requests, into RFC 9457 problem+json in the user's language.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, Messages messages) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            AppProblem p => p,
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new AppProblem(413,
                new Text("Berkas atau permintaan terlalu besar."), new Text("Kirim berkas yang lebih kecil.")),
            BadHttpRequestException b => new AppProblem(400, new Text("Permintaan tidak dapat dibaca."),
                new Text("Periksa format isian (JSON, angka, tanggal tttt-bb-hh dan id). Rincian: {0}", b.Message)),
            _ when http.Request.Path.StartsWithSegments("/api") => new AppProblem(500,
                new Text("Terjadi kesalahan di server."),
                new Text("Permintaan tidak selesai dan tidak ada data yang berubah. Laporkan kode ini ke administrator: {0}", http.TraceIdentifier)),
            _ => null, // pages: the /Error page
        };
        if (problem is null) return false;

        http.Response.StatusCode = problem.Status;
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
}
