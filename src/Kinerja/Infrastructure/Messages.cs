using System.Globalization;
using Kinerja.Domain.Common;
using Microsoft.Extensions.Localization;

[assembly: RootNamespace("Kinerja")]

namespace Kinerja.Infrastructure;

/// <summary>Turns <see cref="Text"/> into the request's language (Indonesian unless the user chose English).</summary>
public sealed class Messages(IStringLocalizer<SharedResource> localizer)
{
    public string this[Text text] => text.Render(localizer[text.Template].Value, CultureInfo.CurrentCulture);

    public string this[string indonesian] => localizer[indonesian].Value;

    public string this[string indonesian, params object?[] args] => this[new Text(indonesian, args)];
}
