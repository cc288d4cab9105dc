using System.Reflection;
using Kinerja.Domain.Common;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Kinerja.Pages;

/// <summary>
/// What a page form post may not carry into a handler, decided in one place for every page (the page forms' counterpart of the
/// API's <see cref="Api.NoNulJsonConverter"/> and its binding failures): a value that does not read as its field's type, and NUL.
/// </summary>
public static class FormInput
{
    public static Text Nul { get; } = new("Isian ini berisi karakter NUL yang tidak dapat disimpan. Hapus karakter itu lalu kirim lagi.");

    /// <summary>
    /// The post's problems, by field: values that did not bind (in Indonesian, replacing the framework's English) and text holding
    /// NUL (multipart values and the address; a urlencoded body with NUL never gets here, see <see cref="UnreadableFormFilter"/>).
    /// Null when an id the handler acts on, from the address, does not read as an id: it names nothing (404).
    /// </summary>
    public static List<(string Key, Text Message)>? Problems(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problems = new List<(string Key, Text Message)>();
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.ValidationState != ModelValidationState.Invalid) continue;
            var (type, fromHandler) = TypeOf(context, key);
            if (type == typeof(Guid) && fromHandler) return null;
            problems.Add((key, Unreadable(type, entry.AttemptedValue, key)));
        }

        var request = context.HttpContext.Request;
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values = request.Query;
        if (request.HasFormContentType) values = values.Concat(request.Form);
        foreach (var (key, value) in values)
        {
            if (value.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal)) && problems.All(p => p.Key != key)) problems.Add((key, Nul));
        }

        return problems;
    }

    private static Text Unreadable(Type? type, string? typed, string key)
    {
        if (typed is null) return new Text("{0} wajib diisi.", key);
        var shown = typed.Length <= 40 ? typed : string.Concat(typed.AsSpan(0, 39), "…");
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return new Text("\"{0}\" bukan angka. Tulis misalnya 82,5.", shown);
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return new Text("\"{0}\" bukan bilangan bulat. Tulis misalnya 12.", shown);
        if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
            return new Text("\"{0}\" bukan tanggal yang ada. Tulis tanggal sebagai tttt-bb-hh, misalnya 2026-08-17.", shown);
        if (type == typeof(Guid)) return new Text("\"{0}\" bukan pilihan yang ada. Pilih dari daftar.", shown);
        return new Text("\"{0}\" tidak dapat dibaca. Periksa isiannya lalu kirim lagi.", shown);
    }

    /// <summary>
    /// The type a model-state key binds to (Nullable unwrapped), following properties and list items ("Edit.Quarters[0]"), and
    /// whether it is a handler parameter or an address value of the page (an id it acts on) rather than a field of a form model.
    /// </summary>
    private static (Type? Type, bool FromHandler) TypeOf(PageHandlerExecutingContext context, string key)
    {
        var parts = key.Split('.');
        var first = Name(parts[0]);
        Type? type = null;
        var fromHandler = false;
        if (context.HandlerMethod?.Parameters.FirstOrDefault(p => Same(p.BindingInfo?.BinderModelName ?? p.Name, first)) is { } parameter)
        {
            type = parameter.ParameterType;
            fromHandler = true;
        }
        else if (context.ActionDescriptor.BoundProperties.FirstOrDefault(p => Same(p.BindingInfo?.BinderModelName ?? p.Name, first)) is { } property)
        {
            type = property.ParameterType;
            fromHandler = parts.Length == 1; // AgencyId, UnitId of the address; not a field of a form model (Input.ParentId)
        }

        for (var n = 0; type is not null; n++)
        {
            if (parts[n].EndsWith(']') && Item(type) is { } item) type = item;
            if (n + 1 == parts.Length) break;
            type = type.GetProperty(Name(parts[n + 1]), BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
        }

        if (type is not null && type != typeof(string) && Item(type) is { } element) type = element; // a list posted as repeated keys

        return (type is null ? null : Nullable.GetUnderlyingType(type) ?? type, fromHandler);
    }

    private static string Name(string part) => part.IndexOf('[', StringComparison.Ordinal) is var at and >= 0 ? part[..at] : part;

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static Type? Item(Type type) =>
        type.IsArray ? type.GetElementType() : type.IsGenericType && type.GetGenericArguments() is [var t] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? t : null;
}

/// <summary>
/// A form post whose body the framework refuses to read — NUL written as %00 in a urlencoded form (ASP.NET Core's form reader
/// does not decode it), a broken multipart body — is answered here, before the antiforgery check would turn it into a bare 400
/// with no word for the person: 400 with a page that says what to fix, or, for an htmx request, the message in place of its
/// target. Nothing is read or saved. Runs after the request size and form limit filters (order 900) of the page.
/// </summary>
public sealed class UnreadableFormFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        // The form reader says "The form value contains invalid characters." around its URL decoder's "The path contains null characters.".
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType) return;
        Text message;
        var status = StatusCodes.Status400BadRequest;
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
            return;
        }
        catch (InvalidDataException e) when ((e.InnerException?.Message ?? e.Message).Contains("null character", StringComparison.OrdinalIgnoreCase))
        {
            message = FormInput.Nul;
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            (message, status) = (new Text("Berkas atau permintaan terlalu besar."), StatusCodes.Status413PayloadTooLarge);
        }
        catch (InvalidDataException)
        {
            message = new Text("Formulir tidak dapat dibaca. Muat ulang halaman lalu kirim lagi.");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            (message, status) = (new Text("Berkas atau permintaan terlalu besar."), StatusCodes.Status413PayloadTooLarge);
        }

        var text = http.RequestServices.GetRequiredService<Messages>()[message];
        var target = http.Request.Headers["HX-Target"].ToString();
        if (http.Request.Headers.ContainsKey("HX-Request") && target.Length > 0 && target.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            // htmx swaps only a 2xx answer: the message takes the target's place (and keeps its id for the next request).
            context.Result = new ContentResult
            {
                Content = $"<div id=\"{target}\"><div class=\"small text-danger\" role=\"alert\" data-testid=\"form-errors\">{System.Net.WebUtility.HtmlEncode(text)}</div></div>",
                ContentType = "text/html; charset=utf-8",
            };
            return;
        }

        var metadata = http.RequestServices.GetRequiredService<IModelMetadataProvider>();
        context.Result = new ViewResult
        {
            ViewName = "FormRefused",
            StatusCode = status,
            ViewData = new ViewDataDictionary(metadata, context.ModelState) { ["Message"] = text },
        };
    }
}
