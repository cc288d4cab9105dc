using Kinerja.Domain.Organisation;
using Shouldly;

namespace Kinerja.Domain.Tests.Organisation;

public class NipTests
{
    [Theory]
    [InlineData("19771023 200501 1 009", "19771023 200501 1 009")]
    [InlineData("197710232005011009", "19771023 200501 1 009")]
    [InlineData("19771023.200501.1.009", "19771023 200501 1 009")]
    [InlineData("19880619-200701-2-002", "19880619 200701 2 002")]
    [InlineData(" 19760701 200901 1 005 ", "19760701 200901 1 005")]
    public void Accepts_and_groups(string input, string grouped)
    {
        Nip.TryParse(input, out var nip, out var error).ShouldBeTrue(error?.ToString());
        nip.ToString().ShouldBe(grouped);
        nip.Digits.Length.ShouldBe(18);
    }

    [Theory]
    [InlineData(null, "NIP kosong.")]
    [InlineData("", "NIP kosong.")]
    [InlineData("   ", "NIP kosong.")]
    [InlineData("1977102320050110", "NIP harus 18 digit, yang diisi 16 digit.")]
    [InlineData("19771023200501100999", "NIP harus 18 digit, yang diisi 20 digit.")]
    [InlineData("19771023A00501 1 009", "NIP hanya boleh berisi angka (spasi di antara kelompok angka boleh).")]
    [InlineData("19771323 200501 1 009", "8 digit pertama NIP harus tanggal lahir yang sah (ttttbbhh).")]
    [InlineData("19770230 200501 1 009", "8 digit pertama NIP harus tanggal lahir yang sah (ttttbbhh).")]
    [InlineData("18991023 200501 1 009", "8 digit pertama NIP harus tanggal lahir yang sah (ttttbbhh).")]
    [InlineData("19771023 200513 1 009", "Digit 9-14 NIP harus tahun dan bulan pengangkatan yang sah (paling cepat 15 tahun setelah lahir).")]
    [InlineData("19771023 198501 1 009", "Digit 9-14 NIP harus tahun dan bulan pengangkatan yang sah (paling cepat 15 tahun setelah lahir).")]
    [InlineData("19771023 200501 3 009", "Digit ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan).")]
    [InlineData("19771023 200501 0 009", "Digit ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan).")]
    public void Refuses_with_a_reason(string? input, string reason)
    {
        Nip.TryParse(input, out _, out var error).ShouldBeFalse();
        error!.ToString().ShouldBe(reason);
    }

    [Fact]
    public void Parse_throws_the_same_reason()
    {
        var ex = Should.Throw<Kinerja.Domain.Common.DomainException>(() => Nip.Parse("123"));
        ex.Message.ShouldBe("NIP harus 18 digit, yang diisi 3 digit.");
        ex.Code.ShouldBe("nip.invalid");
    }
}
