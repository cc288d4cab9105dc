using System.Globalization;

namespace Kinerja.Domain.Common;

/// <summary>
/// A message for a person: an Indonesian template with <c>{0}</c>-style holes and its values.
/// The template doubles as the translation key, so the application can show it in English.
/// </summary>
public sealed record Text(string Template, params object?[] Args)
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>The message in another language: its translated template, formatted for that culture.</summary>
    public string Render(string translatedTemplate, IFormatProvider culture) =>
        string.Format(culture, translatedTemplate, Args);

    /// <summary>The message in Indonesian.</summary>
    public override string ToString() => Render(Template, Indonesian);
}
