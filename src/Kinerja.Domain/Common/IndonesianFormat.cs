using System.Globalization;

namespace Kinerja.Domain.Common;

/// <summary>
/// How users expect numbers, money and dates to read: <c>1.250.000,5</c>, <c>Rp 1.250.000,00</c>,
/// <c>30 Desember 2020</c>, <c>95,25 %</c>. Independent of the machine's locale.
/// </summary>
public static class IndonesianFormat
{
    public static readonly CultureInfo Culture = Text.Indonesian;

    /// <summary>A number with thousands dots and up to <paramref name="maxDecimals"/> decimals, trailing zeros dropped: 1.250,5.</summary>
    public static string Number(decimal value, int maxDecimals = 2) =>
        Math.Round(value, maxDecimals, MidpointRounding.AwayFromZero).ToString("#,##0." + new string('#', maxDecimals), Culture);

    /// <summary>Money with two decimals: Rp 1.250.000,00.</summary>
    public static string Money(decimal value) => "Rp " + value.ToString("#,##0.00", Culture);

    /// <summary>A percentage with two decimals: 95,25 %.</summary>
    public static string Percent(decimal value) => value.ToString("#,##0.00", Culture) + " %";

    /// <summary>30 Desember 2020.</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>Parses a number typed in Indonesian (1.250,5) or plain invariant form (1250.5 with no thousands dots).</summary>
    public static bool TryParseNumber(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (t.EndsWith('%')) t = t[..^1];
        // "1250.5" (one dot, no comma) is invariant; everything else is read as Indonesian.
        if (!t.Contains(',', StringComparison.Ordinal) && t.Count(c => c == '.') == 1 && t.Split('.')[1].Length != 3)
        {
            return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }

        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, Culture, out value);
    }
}
