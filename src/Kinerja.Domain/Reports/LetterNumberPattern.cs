using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kinerja.Domain.Common;

namespace Kinerja.Domain.Reports;

/// <summary>
/// An agency's pattern of outgoing letter numbers (nomor surat), e.g. <c>800/{seq}/427.96/{year}</c>
/// giving <c>800/2101/427.96/2020</c>: classification / sequence from the register / agency code / year.
/// Placeholders (names are case-insensitive; everything else is copied as written):
/// <list type="bullet">
/// <item><c>{seq}</c> the register's sequence number, required exactly once; <c>{seq:3}</c> pads it with zeros to 3 digits (1-6).</item>
/// <item><c>{year}</c> the letter's year, four digits.</item>
/// <item><c>{month}</c> the letter's month in Roman numerals (I-XII), as Indonesian letters write it.</item>
/// <item><c>{mm}</c> the letter's month in two digits (01-12).</item>
/// </list>
/// The register's sequence restarts every year, so a pattern without <c>{year}</c> repeats numbers across years.
/// </summary>
public sealed partial class LetterNumberPattern
{
    public const int MaxLength = 100;
    public const int MaxWidth = 6;

    /// <summary>The placeholders one may use, for messages and help texts.</summary>
    public const string Placeholders = "{seq}, {seq:3}, {year}, {month}, {mm}";

    private static readonly string[] RomanMonths = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    private enum Kind { Literal, Sequence, Year, RomanMonth, Month }

    private sealed record Part(Kind Kind, string Literal = "", int Width = 0);

    private readonly IReadOnlyList<Part> parts;

    private LetterNumberPattern(string pattern, IReadOnlyList<Part> parts)
    {
        Pattern = pattern;
        this.parts = parts;
    }

    /// <summary>The pattern as the agency wrote it (trimmed).</summary>
    public string Pattern { get; }

    public bool HasYear => parts.Any(p => p.Kind == Kind.Year);

    public static bool TryParse(string? text, out LetterNumberPattern? pattern, out Text? error)
    {
        pattern = null;
        error = null;
        var s = text?.Trim() ?? string.Empty;
        if (s.Length == 0)
        {
            error = new Text("Pola nomor surat kosong.");
            return false;
        }

        if (s.Length > MaxLength)
        {
            error = new Text("Pola nomor surat paling panjang {0} karakter.", MaxLength);
            return false;
        }

        var parts = new List<Part>();
        var literal = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsControl(c))
            {
                error = new Text("Pola nomor surat memuat karakter yang tidak dapat dicetak (karakter ke-{0}).", i + 1);
                return false;
            }

            if (c == '}')
            {
                error = new Text("Kurung kurawal pada pola nomor surat tidak berpasangan (karakter ke-{0}).", i + 1);
                return false;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = s.IndexOfAny(['{', '}'], i + 1);
            if (close < 0 || s[close] != '}')
            {
                error = new Text("Kurung kurawal pada pola nomor surat tidak berpasangan (karakter ke-{0}).", i + 1);
                return false;
            }

            var placeholder = s[i..(close + 1)];
            var part = Placeholder(placeholder, out error);
            if (part is null) return false;
            if (literal.Length > 0) parts.Add(new Part(Kind.Literal, literal.ToString()));
            literal.Clear();
            parts.Add(part);
            i = close;
        }

        if (literal.Length > 0) parts.Add(new Part(Kind.Literal, literal.ToString()));
        var sequences = parts.Count(p => p.Kind == Kind.Sequence);
        if (sequences == 0)
        {
            error = new Text("Pola nomor surat harus memuat {0} sebagai tempat nomor urut, mis. {1}.", "{seq}", "800/{seq}/427.96/{year}");
            return false;
        }

        if (sequences > 1)
        {
            error = new Text("Pola nomor surat hanya boleh memuat satu {0}.", "{seq}");
            return false;
        }

        pattern = new LetterNumberPattern(s, parts);
        return true;
    }

    private static Part? Placeholder(string placeholder, out Text? error)
    {
        error = null;
        var name = placeholder[1..^1].Trim().ToLowerInvariant();
        switch (name)
        {
            case "seq": return new Part(Kind.Sequence);
            case "year": return new Part(Kind.Year);
            case "month": return new Part(Kind.RomanMonth);
            case "mm": return new Part(Kind.Month);
        }

        if (name.StartsWith("seq:", StringComparison.Ordinal))
        {
            if (int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width is >= 1 and <= MaxWidth)
                return new Part(Kind.Sequence, Width: width);
            error = new Text("Lebar nomor urut pada {0} harus 1 sampai {1} digit.", placeholder, MaxWidth);
            return null;
        }

        error = new Text("Pola nomor surat memuat {0} yang tidak dikenal. Yang dapat dipakai: {1}.", placeholder, Placeholders);
        return null;
    }

    public static LetterNumberPattern Parse(string? text) =>
        TryParse(text, out var pattern, out var error) ? pattern! : throw new DomainException("letterNumber.pattern", error!.ToString());

    /// <summary>The number of the letter with register sequence <paramref name="sequence"/> (1 or more) dated <paramref name="date"/>.</summary>
    public string Format(int sequence, DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var sb = new StringBuilder();
        foreach (var p in parts)
        {
            sb.Append(p.Kind switch
            {
                Kind.Literal => p.Literal,
                Kind.Sequence => sequence.ToString(new string('0', Math.Max(p.Width, 1)), CultureInfo.InvariantCulture),
                Kind.Year => date.Year.ToString("0000", CultureInfo.InvariantCulture),
                Kind.RomanMonth => RomanMonth(date.Month),
                Kind.Month => date.Month.ToString("00", CultureInfo.InvariantCulture),
            });
        }

        return sb.ToString();
    }

    /// <summary>
    /// Reads a number written by this pattern back (e.g. the last number of a paper register, to continue
    /// from it). Spaces are ignored, letters compared case-insensitively.
    /// </summary>
    public bool TryMatch(string? number, out int sequence, out int? year)
    {
        sequence = 0;
        year = null;
        if (string.IsNullOrWhiteSpace(number)) return false;
        var regex = new StringBuilder("^");
        foreach (var p in parts)
        {
            regex.Append(p.Kind switch
            {
                Kind.Literal => Regex.Escape(Whitespace().Replace(p.Literal, "")),
                Kind.Sequence => p.Width > 1 ? $"(?<seq>[0-9]{{{p.Width},}})" : "(?<seq>[0-9]+)",
                Kind.Year => "(?<year>[0-9]{4})",
                Kind.RomanMonth => "(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)",
                Kind.Month => "(?:0[1-9]|1[0-2])",
            });
        }

        var m = Regex.Match(Whitespace().Replace(number, ""), regex.Append('$').ToString(),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!m.Success || !int.TryParse(m.Groups["seq"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out sequence) || sequence < 1)
        {
            sequence = 0;
            return false;
        }

        if (m.Groups["year"].Success) year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>A month (1-12) in Roman numerals: 12 is <c>XII</c>.</summary>
    public static string RomanMonth(int month) => RomanMonths[month - 1];

    public override string ToString() => Pattern;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
