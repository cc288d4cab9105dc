using Kinerja.Domain.Common;
using Kinerja.Domain.Reports;
using Shouldly;

namespace Kinerja.Domain.Tests.Reports;

public class VerificationCodeTests
{
    [Theory]
    [InlineData(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8 }, "2345-6789-AB")]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0 }, "2222-2222-22")]
    [InlineData(new byte[] { 255, 255, 255, 255, 255, 255, 255, 255, 255 }, "ZZZZ-ZZZZ-ZX")]
    [InlineData(new byte[] { 49, 5, 150, 13, 7, 29, 83, 25, 224 }, "K7QF-9XMT-2A")]
    [InlineData(new byte[] { 100, 101, 102, 103, 104, 105, 106, 107, 108, 99, 98 }, "6789-ABCD-EX")]
    public void A_code_from_random_bytes(byte[] random, string expected)
    {
        var code = VerificationCode.FromRandom(random);
        code.ToString().ShouldBe(expected);
        code.Value.ShouldBe(expected.Replace("-", ""));
        VerificationCode.Parse(expected).ShouldBe(code);
    }

    [Fact]
    public void Too_few_random_bytes_is_a_programming_error() =>
        Should.Throw<ArgumentException>(() => VerificationCode.FromRandom(new byte[8]));

    [Theory]
    [InlineData("K7QF-9XMT-2A")]
    [InlineData("k7qf9xmt2a")]
    [InlineData(" K7QF 9XMT 2A ")]
    [InlineData("K7-QF9-XMT2-A")]
    [InlineData("k7qf-9xmt-2a\n")]
    public void Case_dashes_and_spaces_do_not_matter(string typed) =>
        VerificationCode.Parse(typed).ToString().ShouldBe("K7QF-9XMT-2A");

    [Theory]
    [InlineData(null, "Kode verifikasi kosong.")]
    [InlineData(" - ", "Kode verifikasi kosong.")]
    [InlineData("K7QF-9XMT", "Kode verifikasi terdiri atas 10 karakter, yang diisi 8.")]
    [InlineData("K7QF-9XMT-2AA", "Kode verifikasi terdiri atas 10 karakter, yang diisi 11.")]
    [InlineData("K7QF-9XMT-2R", "Kode verifikasi salah: periksa kembali setiap karakternya.")]
    [InlineData("K7FQ-9XMT-2A", "Kode verifikasi salah: periksa kembali setiap karakternya.")]
    [InlineData("K7QF-9XMO-2A", "Kode verifikasi memuat \"O\", yang tidak dipakai dalam kode (kode hanya berisi huruf dan angka 2-9, tanpa O dan I).")]
    [InlineData("K7QF-0XMT-2A", "Kode verifikasi memuat \"0\", yang tidak dipakai dalam kode (kode hanya berisi huruf dan angka 2-9, tanpa O dan I).")]
    [InlineData("K7QF-9XMT-1A", "Kode verifikasi memuat \"1\", yang tidak dipakai dalam kode (kode hanya berisi huruf dan angka 2-9, tanpa O dan I).")]
    [InlineData("i7QF-9XMT-2A", "Kode verifikasi memuat \"i\", yang tidak dipakai dalam kode (kode hanya berisi huruf dan angka 2-9, tanpa O dan I).")]
    [InlineData("K7QF_9XMT_2A", "Kode verifikasi memuat \"_\", yang tidak dipakai dalam kode (kode hanya berisi huruf dan angka 2-9, tanpa O dan I).")]
    public void Mistyped_codes(string? typed, string message)
    {
        VerificationCode.TryParse(typed, out _, out var error).ShouldBeFalse();
        error!.ToString().ShouldBe(message);
        Should.Throw<DomainException>(() => VerificationCode.Parse(typed)).Code.ShouldBe("verificationCode.invalid");
    }

    [Fact]
    public void Every_single_typo_and_every_swap_of_neighbours_is_caught()
    {
        var random = new Random(20260210);
        var bytes = new byte[9];
        for (var n = 0; n < 200; n++)
        {
            random.NextBytes(bytes);
            var value = VerificationCode.FromRandom(bytes).Value;
            VerificationCode.TryParse(value, out _, out _).ShouldBeTrue();
            for (var i = 0; i < VerificationCode.Length; i++)
            {
                foreach (var c in VerificationCode.Alphabet)
                {
                    if (c == value[i]) continue;
                    var typo = value[..i] + c + value[(i + 1)..];
                    VerificationCode.TryParse(typo, out _, out _).ShouldBeFalse(typo);
                }

                if (i + 1 < VerificationCode.Length && value[i] != value[i + 1])
                {
                    var swapped = value[..i] + value[i + 1] + value[i] + value[(i + 2)..];
                    VerificationCode.TryParse(swapped, out _, out _).ShouldBeFalse(swapped);
                }
            }
        }
    }

    [Fact]
    public void The_alphabet_has_32_unambiguous_symbols()
    {
        VerificationCode.Alphabet.Distinct().Count().ShouldBe(32);
        VerificationCode.Alphabet.ShouldNotContain('0');
        VerificationCode.Alphabet.ShouldNotContain('O');
        VerificationCode.Alphabet.ShouldNotContain('1');
        VerificationCode.Alphabet.ShouldNotContain('I');
    }
}
