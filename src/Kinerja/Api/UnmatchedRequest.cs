using Kinerja.Domain.Common;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Net.Http.Headers;

namespace Kinerja.Api;

/// <summary>
/// Why no API endpoint took a request. The router only says "none"; the fallback endpoint asks which endpoints the path
/// itself matches (their route template and its constraints, an id that must be a GUID included):
/// none is 404; none with the request's method is 405 with <c>Allow</c>; otherwise the body's content type was not one the
/// endpoint reads (a JSON endpoint is not chosen for a form or plain text): 415, saying what to send.
/// </summary>
public static class UnmatchedRequest
{
    public static AppProblem Problem(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (matched, methods) = MethodsAt(http);
        if (!matched) return AppProblem.NotFound("Alamat API");
        if (methods is not null && !methods.Contains(http.Request.Method))
        {
            var allow = string.Join(", ", methods);
            return new AppProblem(StatusCodes.Status405MethodNotAllowed, new Text("Metode {0} tidak dipakai di alamat ini.", http.Request.Method),
                new Text("Alamat ini menerima: {0}.", allow))
            {
                Headers = new Dictionary<string, string> { [HeaderNames.Allow] = allow },
            };
        }

        return new AppProblem(StatusCodes.Status415UnsupportedMediaType, new Text("Jenis isi permintaan tidak diterima."),
            new Text("Kirim isi sebagai JSON dengan header Content-Type: application/json (berkas sebagai multipart/form-data). Yang dikirim: {0}.",
                string.IsNullOrWhiteSpace(http.Request.ContentType) ? "tanpa Content-Type" : http.Request.ContentType));
    }

    /// <summary>On the fallback endpoint that answers with <see cref="Problem"/>, so the walk leaves it out.</summary>
    public sealed class FallbackMarker;

    /// <summary>Each endpoint's route matcher, built once (a matcher keeps no state between matches).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RouteEndpoint, TemplateMatcher> Matchers = [];

    /// <summary>
    /// Whether any endpoint's route takes the request's path (its template, and its constraints as the router builds them),
    /// and the methods those endpoints take: null when one of them takes any method. Only on this error path: it walks them all.
    /// </summary>
    private static (bool Matched, SortedSet<string>? Methods) MethodsAt(HttpContext http)
    {
        var policies = http.RequestServices.GetRequiredService<ParameterPolicyFactory>();
        var matched = false;
        var methods = new SortedSet<string>(StringComparer.Ordinal);
        var anyMethod = false;
        foreach (var endpoint in http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<FallbackMarker>() is not null) continue;
            var pattern = endpoint.RoutePattern;
            var values = new RouteValueDictionary();
            if (!Matchers.GetValue(endpoint, e => new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary(e.RoutePattern.Defaults)))
                    .TryMatch(http.Request.Path, values)) continue;
            var holds = pattern.Parameters.All(parameter => parameter.ParameterPolicies.All(reference =>
                policies.Create(parameter, reference) is not IRouteConstraint constraint
                || constraint.Match(http, null, parameter.Name, values, RouteDirection.IncomingRequest)));
            if (!holds) continue;
            matched = true;
            if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } those) methods.UnionWith(those);
            else anyMethod = true;
        }

        return (matched, anyMethod ? null : methods);
    }
}
