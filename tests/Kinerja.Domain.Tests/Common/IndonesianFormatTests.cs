using Kinerja.Domain.Common;
using Shouldly;

namespace Kinerja.Domain.Tests.Common;

public class IndonesianFormatTests
{
    [Theory]
    [InlineData("1250000", "1.250.000")]
    [InlineData("1250000.5", "1.250.000,5")]
    [InlineData("95.25", "95,25")]
    [InlineData("95.255", "95,26")]
    [InlineData("0.005", "0,01")]
    [InlineData("-3.5", "-3,5")]
    [InlineData("0", "0")]
    public void Numbers(string value, string expected) =>
        IndonesianFormat.Number(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Theory]
    [InlineData("1250000", "Rp 1.250.000,00")]
    [InlineData("1250000000.5", "Rp 1.250.000.000,50")]
    [InlineData("0", "Rp 0,00")]
    public void Money(string value, string expected) =>
        IndonesianFormat.Money(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void Percent_and_date()
    {
        IndonesianFormat.Percent(95.25m).ShouldBe("95,25 %");
        IndonesianFormat.Percent(107.142857m).ShouldBe("107,14 %");
        IndonesianFormat.Date(new DateOnly(2020, 12, 30)).ShouldBe("30 Desember 2020");
    }

    [Theory]
    [InlineData("1.250,5", "1250.5")]
    [InlineData("1.250.000", "1250000")]
    [InlineData("1250.5", "1250.5")]
    [InlineData("95,25", "95.25")]
    [InlineData("95,25 %", "95.25")]
    [InlineData(" -3,5 ", "-3.5")]
    [InlineData("12", "12")]
    public void Reads_numbers_people_type(string text, string expected)
    {
        IndonesianFormat.TryParseNumber(text, out var v).ShouldBeTrue();
        v.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,2,3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Refuses_what_is_not_a_number(string? text) => IndonesianFormat.TryParseNumber(text, out _).ShouldBeFalse();
}
