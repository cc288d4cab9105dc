using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Kinerja.Domain.Common;

/// <summary>
/// RFC 6238 codes of an authenticator app (HMAC-SHA1, 30-second time steps, 6 digits), as ASP.NET Core Identity's
/// authenticator token provider checks them: a code is accepted for <see cref="Window"/> steps either side of now.
/// Identity says only whether a code is right; <see cref="MatchingStep"/> says which time step it belongs to, so a code
/// accepted once can be refused when it comes again.
/// </summary>
public static class TotpSteps
{
    public const int StepSeconds = 30;

    /// <summary>Steps accepted either side of the current one (Identity's AuthenticatorTokenProvider: -2..+2).</summary>
    public const int Window = 2;

    /// <summary>The time step of a moment; Identity rounds the Unix time to whole seconds first.</summary>
    public static long StepAt(DateTimeOffset now) =>
        (long)Math.Round((now - DateTimeOffset.UnixEpoch).TotalSeconds, MidpointRounding.ToEven) / StepSeconds;

    /// <summary>The 6-digit code of <paramref name="key"/> for time step <paramref name="step"/>.</summary>
    public static string Code(byte[] key, long step)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The latest step within the window around <paramref name="now"/> whose code is <paramref name="code"/>, or null.
    /// <paramref name="base32Key"/> is the key as the app got it (RFC 4648 base32, spaces and case ignored).
    /// </summary>
    public static long? MatchingStep(string base32Key, string code, DateTimeOffset now)
    {
        var key = Base32(base32Key);
        if (key.Length == 0 || code is null) return null;
        var current = StepAt(now);
        for (var step = current + Window; step >= current - Window; step--)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(key, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>RFC 4648 base32 to bytes; an empty array for text that is not base32.</summary>
    public static byte[] Base32(string? text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in (text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) return [];
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
            buffer &= (1 << bits) - 1;
        }

        return [.. bytes];
    }
}
