using Kinerja.Domain.Common;

namespace Kinerja.Domain.Reports;

/// <summary>
/// The code printed on a signed document (and in its QR) that <c>GET /api/v1/verify/{code}</c> checks:
/// 9 random characters and a check character, written in groups <c>K7QF-9XMT-2R</c>.
/// The alphabet has 32 symbols without 0, O, 1 and I, so nothing is read two ways. The check character
/// (Damm's scheme over GF(32)) catches every single mistyped character and every swap of two neighbours.
/// Input may be lower case and carry dashes or spaces anywhere.
/// </summary>
public readonly record struct VerificationCode
{
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int Length = 10;
    private const int DataLength = Length - 1;

    private VerificationCode(string value) => Value = value;

    /// <summary>The 10 characters without dashes, upper case: what to store and compare.</summary>
    public string Value { get; }

    /// <summary>
    /// A code from random bytes the caller drew (e.g. <c>RandomNumberGenerator.GetBytes(9)</c>); one byte per
    /// character, of which the low 5 bits are used, giving 45 random bits. The application checks it is unused.
    /// </summary>
    public static VerificationCode FromRandom(ReadOnlySpan<byte> random)
    {
        if (random.Length < DataLength) throw new ArgumentException($"A verification code needs {DataLength} random bytes.", nameof(random));
        var chars = new char[Length];
        for (var i = 0; i < DataLength; i++) chars[i] = Alphabet[random[i] & 31];
        chars[DataLength] = Alphabet[Check(chars.AsSpan(0, DataLength))];
        return new VerificationCode(new string(chars));
    }

    public static bool TryParse(string? text, out VerificationCode code, out Text? error)
    {
        code = default;
        error = null;
        var chars = new List<char>(Length);
        foreach (var c in text ?? string.Empty)
        {
            if (c == '-' || char.IsWhiteSpace(c)) continue;
            var u = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(u, StringComparison.Ordinal))
            {
                error = new Text("Kode verifikasi memuat \"{0}\", yang tidak dipakai dalam kode (kode hanya berisi huruf dan angka 2-9, tanpa O dan I).", c);
                return false;
            }

            chars.Add(u);
        }

        if (chars.Count == 0)
        {
            error = new Text("Kode verifikasi kosong.");
            return false;
        }

        if (chars.Count != Length)
        {
            error = new Text("Kode verifikasi terdiri atas {0} karakter, yang diisi {1}.", Length, chars.Count);
            return false;
        }

        var s = new string([.. chars]);
        if (Damm(s) != 0)
        {
            error = new Text("Kode verifikasi salah: periksa kembali setiap karakternya.");
            return false;
        }

        code = new VerificationCode(s);
        return true;
    }

    public static VerificationCode Parse(string? text) =>
        TryParse(text, out var code, out var error) ? code : throw new DomainException("verificationCode.invalid", error!.ToString());

    /// <summary>The grouped form printed on documents: <c>K7QF-9XMT-2R</c>.</summary>
    public override string ToString() => Value is null ? string.Empty : $"{Value[..4]}-{Value[4..8]}-{Value[8..]}";

    /// <summary>The check symbol: makes the Damm interim of the whole code zero.</summary>
    private static int Check(ReadOnlySpan<char> data) => Times2(Damm(data));

    /// <summary>Damm's interim over GF(32) with the quasigroup x*y = 2x + y (x^5 + x^2 + 1 as the modulus).</summary>
    private static int Damm(ReadOnlySpan<char> s)
    {
        var interim = 0;
        foreach (var c in s) interim = Times2(interim) ^ Alphabet.IndexOf(c, StringComparison.Ordinal);
        return interim;
    }

    private static int Times2(int x) => ((x << 1) ^ ((x & 16) != 0 ? 0b100101 : 0)) & 31;
}
