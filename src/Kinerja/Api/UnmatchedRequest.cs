using Kinerja.Domain.Common;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Routing.Template;

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
        var methods = MethodsAt(http);
        if (methods.Count == 0) return AppProblem.NotFound("Alamat API");
        if (!methods.Contains(http.Request.Method))
        {
            var allow = string.Join(", ", methods);
            // Added when the response starts: the exception handler clears headers set before it runs (as SignInThrottle.TooMany).
            http.Response.OnStarting(() =>
            {
                if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed) http.Response.Headers.Allow = allow;
                return Task.CompletedTask;
            });
            return new AppProblem(StatusCodes.Status405MethodNotAllowed, new Text("Metode {0} tidak dipakai di alamat ini.", http.Request.Method),
                new Text("Alamat ini menerima: {0}.", allow));
        }

        return new AppProblem(StatusCodes.Status415UnsupportedMediaType, new Text("Jenis isi permintaan tidak diterima."),
            new Text("Kirim isi sebagai JSON dengan header Content-Type: application/json (berkas sebagai multipart/form-data). Yang dikirim: {0}.",
                string.IsNullOrWhiteSpace(http.Request.ContentType) ? "tanpa Content-Type" : http.Request.ContentType));
    }

    /// <summary>Each endpoint's route matcher, built once (a matcher keeps no state between matches).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RouteEndpoint, TemplateMatcher> Matchers = [];

    /// <summary>The methods of the endpoints whose route matches the request's path (only on this error path: it walks them all).</summary>
    private static SortedSet<string> MethodsAt(HttpContext http)
    {
        var constraints = http.RequestServices.GetRequiredService<IInlineConstraintResolver>();
        var methods = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is not { Count: > 0 } those) continue; // the fallback itself
            var pattern = endpoint.RoutePattern;
            var values = new RouteValueDictionary();
            if (!Matchers.GetValue(endpoint, e => new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary(e.RoutePattern.Defaults)))
                    .TryMatch(http.Request.Path, values)) continue;
            var holds = pattern.ParameterPolicies.All(p => p.Value.All(policy =>
                policy.Content is null
                || constraints.ResolveConstraint(policy.Content) is not { } constraint
                || constraint.Match(http, null, p.Key, values, RouteDirection.IncomingRequest)));
            if (holds) methods.UnionWith(those);
        }

        return methods;
    }
}
