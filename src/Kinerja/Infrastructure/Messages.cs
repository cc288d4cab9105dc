using System.Globalization;
using Kinerja.Domain.Common;
using Microsoft.Extensions.Localization;

[assembly: RootNamespace("Kinerja")]

namespace Kinerja.Infrastructure;

/// <summary>Turns <see cref="Text"/> into the request's language (Indonesian unless the user chose English).</summary>
public sealed class Messages(IStringLocalizer<SharedResource> localizer)
{
    /// <summary>
    /// The text in the request's language. String arguments are translated too when they are known
    /// texts themselves (field labels such as "Nama unit"); user data passes through unchanged.
    /// </summary>
    public string this[Text text] => new Text(text.Template, text.Args.Select(a => a is string s ? localizer[s].Value : a).ToArray())
        .Render(localizer[text.Template].Value, CultureInfo.CurrentCulture);

    public string this[string indonesian] => localizer[indonesian].Value;

    public string this[string indonesian, params object?[] args] => this[new Text(indonesian, args)];
}
