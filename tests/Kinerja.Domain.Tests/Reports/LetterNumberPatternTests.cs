using Kinerja.Domain.Common;
using Kinerja.Domain.Reports;
using Shouldly;

namespace Kinerja.Domain.Tests.Reports;

public class LetterNumberPatternTests
{
    [Theory]
    // The seed's letter (SOP 000, Kecamatan Pasrujambe) and the demo agencies' patterns.
    [InlineData("800/{seq}/427.96/{year}", 2101, "2020-12-30", "800/2101/427.96/2020")]
    [InlineData("000/{seq}/Kec.PS/{year}", 7, "2026-01-05", "000/7/Kec.PS/2026")]
    [InlineData("030/{seq}/411.620/{year}", 45, "2025-06-30", "030/45/411.620/2025")]
    [InlineData("523/{seq}/Kelkan/{year}", 12, "2026-03-31", "523/12/Kelkan/2026")]
    [InlineData("005/{seq}/Setwan/{year}", 300, "2026-07-01", "005/300/Setwan/2026")]
    [InlineData("700/{seq}/427.40/{year}", 1, "2026-01-02", "700/1/427.40/2026")]
    // Padding, Roman and numeric months, case-insensitive names, spaces around a placeholder name.
    [InlineData("800/{seq:3}/427.96/{month}/{year}", 7, "2020-12-30", "800/007/427.96/XII/2020")]
    [InlineData("800/{seq:3}/427.96/{month}/{year}", 2101, "2020-04-01", "800/2101/427.96/IV/2020")]
    [InlineData("B-{SEQ}/Kec/{mm}.{Year}", 9, "2026-09-15", "B-9/Kec/09.2026")]
    [InlineData("  050/{ seq }  ", 3, "2026-01-01", "050/3")]
    [InlineData("{seq}", 1, "2026-08-17", "1")]
    public void Formatting_a_number(string pattern, int sequence, string date, string expected) =>
        LetterNumberPattern.Parse(pattern).Format(sequence, DateOnly.Parse(date)).ShouldBe(expected);

    [Fact]
    public void Every_month_in_roman_numerals() =>
        Enumerable.Range(1, 12).Select(LetterNumberPattern.RomanMonth)
            .ShouldBe(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]);

    [Theory]
    [InlineData(null, "Pola nomor surat kosong.")]
    [InlineData("   ", "Pola nomor surat kosong.")]
    [InlineData("800/2101/427.96/2020", "Pola nomor surat harus memuat {seq} sebagai tempat nomor urut, mis. 800/{seq}/427.96/{year}.")]
    [InlineData("800/{year}/427.96", "Pola nomor surat harus memuat {seq} sebagai tempat nomor urut, mis. 800/{seq}/427.96/{year}.")]
    [InlineData("800/{seq}/{seq:3}/{year}", "Pola nomor surat hanya boleh memuat satu {seq}.")]
    [InlineData("800/{nomor}/427.96/{year}", "Pola nomor surat memuat {nomor} yang tidak dikenal. Yang dapat dipakai: {seq}, {seq:3}, {year}, {month}, {mm}.")]
    [InlineData("800/{seq}/427.96/{tahun}", "Pola nomor surat memuat {tahun} yang tidak dikenal. Yang dapat dipakai: {seq}, {seq:3}, {year}, {month}, {mm}.")]
    [InlineData("800/{}/427.96", "Pola nomor surat memuat {} yang tidak dikenal. Yang dapat dipakai: {seq}, {seq:3}, {year}, {month}, {mm}.")]
    [InlineData("800/{seq:0}/427.96", "Lebar nomor urut pada {seq:0} harus 1 sampai 6 digit.")]
    [InlineData("800/{seq:7}/427.96", "Lebar nomor urut pada {seq:7} harus 1 sampai 6 digit.")]
    [InlineData("800/{seq:x}/427.96", "Lebar nomor urut pada {seq:x} harus 1 sampai 6 digit.")]
    [InlineData("800/{seq/427.96", "Kurung kurawal pada pola nomor surat tidak berpasangan (karakter ke-5).")]
    [InlineData("800/{seq/{year}", "Kurung kurawal pada pola nomor surat tidak berpasangan (karakter ke-5).")]
    [InlineData("800/seq}/427.96", "Kurung kurawal pada pola nomor surat tidak berpasangan (karakter ke-8).")]
    [InlineData("800/{seq}\t/427.96", "Pola nomor surat memuat karakter yang tidak dapat dicetak (karakter ke-10).")]
    public void Bad_patterns_are_explained(string? pattern, string message)
    {
        LetterNumberPattern.TryParse(pattern, out var parsed, out var error).ShouldBeFalse();
        parsed.ShouldBeNull();
        error!.ToString().ShouldBe(message);
        Should.Throw<DomainException>(() => LetterNumberPattern.Parse(pattern)).Code.ShouldBe("letterNumber.pattern");
    }

    [Fact]
    public void A_pattern_is_at_most_100_characters()
    {
        var ok = "{seq}/" + new string('A', 94);
        LetterNumberPattern.TryParse(ok, out _, out _).ShouldBeTrue();
        LetterNumberPattern.TryParse(ok + "A", out _, out var error).ShouldBeFalse();
        error!.ToString().ShouldBe("Pola nomor surat paling panjang 100 karakter.");
    }

    [Theory]
    [InlineData("800/{seq}/427.96/{year}", true)]
    [InlineData("800/{seq}/427.96", false)]
    public void Whether_the_year_is_in_the_number(string pattern, bool hasYear) => LetterNumberPattern.Parse(pattern).HasYear.ShouldBe(hasYear);

    [Fact]
    public void A_sequence_starts_at_one() =>
        Should.Throw<ArgumentOutOfRangeException>(() => LetterNumberPattern.Parse("800/{seq}").Format(0, new DateOnly(2026, 1, 1)));

    [Theory]
    // The seed writes its number with spaces: "800/ 2101 /427.96/2020".
    [InlineData("800/{seq}/427.96/{year}", "800/ 2101 /427.96/2020", 2101, 2020)]
    [InlineData("800/{seq}/427.96/{year}", "800/2101/427.96/2020", 2101, 2020)]
    [InlineData("000/{seq}/Kec.PS/{year}", "000/7/kec.ps/2026", 7, 2026)]
    [InlineData("800/{seq:3}/427.96/{month}/{year}", "800/007/427.96/XII/2020", 7, 2020)]
    [InlineData("800/{seq}/427.96", "800/15/427.96", 15, null)]
    [InlineData("B-{seq}/Kec/{mm}.{year}", "B-9/Kec/09.2026", 9, 2026)]
    public void Reading_a_number_back(string pattern, string number, int sequence, int? year)
    {
        LetterNumberPattern.Parse(pattern).TryMatch(number, out var s, out var y).ShouldBeTrue();
        s.ShouldBe(sequence);
        y.ShouldBe(year);
    }

    [Theory]
    [InlineData("800/{seq}/427.96/{year}", "800/2101/427.97/2020")]
    [InlineData("800/{seq}/427.96/{year}", "800/21a/427.96/2020")]
    [InlineData("800/{seq}/427.96/{year}", "800/0/427.96/2020")]
    [InlineData("800/{seq}/427.96/{year}", "800//427.96/2020")]
    [InlineData("800/{seq}/427.96/{year}", "")]
    [InlineData("800/{seq:3}/427.96/{month}/{year}", "800/7/427.96/XII/2020")]
    [InlineData("800/{seq:3}/427.96/{month}/{year}", "800/007/427.96/XIII/2020")]
    [InlineData("800/{seq}.{mm}", "800/7.13")]
    [InlineData("800/{seq}", "800/7/2020")]
    public void Numbers_that_do_not_fit_the_pattern(string pattern, string number) =>
        LetterNumberPattern.Parse(pattern).TryMatch(number, out _, out _).ShouldBeFalse();

    [Fact]
    public void Formatted_numbers_read_back()
    {
        var p = LetterNumberPattern.Parse("800/{seq:4}/427.96/{month}/{year}");
        for (var month = 1; month <= 12; month++)
        {
            var number = p.Format(month * 97, new DateOnly(2026, month, 1));
            p.TryMatch(number, out var s, out var y).ShouldBeTrue(number);
            (s, y).ShouldBe((month * 97, 2026));
        }
    }
}
