using System.Globalization;
using Kinerja.Domain.Common;

namespace Kinerja.Domain.Organisation;

/// <summary>
/// Nomor Induk Pegawai: 18 digits = birth date (yyyyMMdd), appointment month (yyyyMM),
/// sex (1 male, 2 female) and a 3-digit sequence. Written in groups: <c>19771023 200501 1 009</c>.
/// Input may carry spaces, dots or dashes between the groups; anything else is refused.
/// </summary>
public readonly record struct Nip
{
    public string Digits { get; }

    private Nip(string digits) => Digits = digits;

    public static bool TryParse(string? text, out Nip nip, out Text? error)
    {
        nip = default;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new("NIP kosong.");
            return false;
        }

        var digits = new char[text.Length];
        var count = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                if (count == digits.Length) break;
                digits[count++] = c;
            }
            else if (c is not (' ' or '.' or '-'))
            {
                error = new("NIP hanya boleh berisi angka (spasi di antara kelompok angka boleh).");
                return false;
            }
        }

        if (count != 18)
        {
            error = new("NIP harus 18 digit, yang diisi {0} digit.", count);
            return false;
        }

        var s = new string(digits, 0, count);
        if (!DateOnly.TryParseExact(s[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
            || born.Year < 1930)
        {
            error = new("8 digit pertama NIP harus tanggal lahir yang sah (ttttbbhh).");
            return false;
        }

        var appointedYear = int.Parse(s.AsSpan(8, 4), CultureInfo.InvariantCulture);
        var appointedMonth = int.Parse(s.AsSpan(12, 2), CultureInfo.InvariantCulture);
        if (appointedMonth is < 1 or > 12 || appointedYear < born.Year + 15)
        {
            error = new("Digit 9-14 NIP harus tahun dan bulan pengangkatan yang sah (paling cepat 15 tahun setelah lahir).");
            return false;
        }

        if (s[14] is not ('1' or '2'))
        {
            error = new("Digit ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan).");
            return false;
        }

        nip = new Nip(s);
        return true;
    }

    public static Nip Parse(string text) =>
        TryParse(text, out var nip, out var error) ? nip : throw new DomainException("nip.invalid", error!.ToString());

    /// <summary>The grouped form used on documents: <c>19771023 200501 1 009</c>.</summary>
    public override string ToString() =>
        Digits is null ? string.Empty : $"{Digits[..8]} {Digits[8..14]} {Digits[14]} {Digits[15..]}";
}
