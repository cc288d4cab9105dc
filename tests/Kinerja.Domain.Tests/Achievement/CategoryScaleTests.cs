using Kinerja.Domain.Achievement;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using Shouldly;

namespace Kinerja.Domain.Tests.Achievement;

public class CategoryScaleTests
{
    // percent, label, colour (Permendagri 86/2017)
    public static TheoryData<decimal, string, string> Default => new()
    {
        { 250m, "Sangat Tinggi", "darkgreen" },
        { 100.01m, "Sangat Tinggi", "darkgreen" },
        { 100m, "Sangat Tinggi", "darkgreen" },
        { 90.01m, "Sangat Tinggi", "darkgreen" },
        { 90.005m, "Sangat Tinggi", "darkgreen" },
        { 90.004m, "Tinggi", "green" },
        { 90m, "Tinggi", "green" },
        { 75.01m, "Tinggi", "green" },
        { 75m, "Sedang", "gold" },
        { 65.01m, "Sedang", "gold" },
        { 65m, "Rendah", "orange" },
        { 64.995m, "Rendah", "orange" },
        { 50.01m, "Rendah", "orange" },
        { 50m, "Sangat Rendah", "red" },
        { 49.999m, "Sangat Rendah", "red" },
        { 0m, "Sangat Rendah", "red" },
    };

    [Theory]
    [MemberData(nameof(Default))]
    public void Permendagri_86_2017(decimal percent, string label, string colour)
    {
        var band = CategoryScale.Permendagri86.Classify(percent);
        band.Label.ShouldBe(label, percent.ToString(System.Globalization.CultureInfo.InvariantCulture));
        band.Colour.ShouldBe(colour);
    }

    [Fact]
    public void Results_are_classified_by_their_uncapped_value_and_missing_ones_not_at_all()
    {
        var scale = CategoryScale.Permendagri86;
        scale.Classify(AchievementCalculator.Compute(Polarity.Lower, 8, 10))!.Label.ShouldBe("Sedang");
        scale.Classify(AchievementCalculator.Compute(Polarity.Higher, 100, 130, cap: 100))!.Label.ShouldBe("Sangat Tinggi");
        scale.Classify(AchievementCalculator.Compute(Polarity.Higher, 100, null)).ShouldBeNull();
        scale.Classify(AchievementMean.OfIndicators([AchievementResult.Of(60)]))!.Label.ShouldBe("Rendah");
    }

    private static CategoryBand B(decimal? above, string label, string colour = "green") => new(above, label, colour);

    // name, bands, expected problem (null = valid)
    public static TheoryData<string, CategoryBand[], string?> Configured => new()
    {
        { "three bands", [B(85, "Baik"), B(70, "Cukup", "#FFCC00"), B(null, "Kurang", "red")], null },
        { "one band", [B(null, "Semua")], "Skala kategori perlu paling sedikit dua kategori." },
        { "equal thresholds", [B(90, "A"), B(90, "B"), B(null, "C")], "Batas kategori harus menurun: 90 harus lebih kecil dari 90." },
        { "ascending thresholds", [B(50, "A"), B(75.5m, "B"), B(null, "C")], "Batas kategori harus menurun: 75,5 harus lebih kecil dari 50." },
        { "last band with a bound", [B(90, "A"), B(50, "B")], "Kategori terakhir tidak boleh punya batas: kategori itu menampung semua nilai di bawahnya." },
        { "middle band without a bound", [B(90, "A"), B(null, "B"), B(null, "C")], "Hanya kategori terakhir yang boleh tanpa batas." },
        { "empty label", [B(90, "A"), B(null, " ")], "Nama kategori wajib diisi." },
        { "duplicate label", [B(90, "Baik"), B(null, "baik")], "Nama kategori \"Baik\" dipakai lebih dari sekali." },
        { "unknown colour", [B(90, "A", "hijau muda"), B(null, "B")], "Warna kategori \"hijau muda\" tidak sah: gunakan nama warna (mis. green) atau #rrggbb." },
    };

    [Theory]
    [MemberData(nameof(Configured))]
    public void Configured_scales_are_validated(string name, CategoryBand[] bands, string? problem)
    {
        var ok = CategoryScale.TryCreate(bands, out var scale, out var problems);
        if (problem is null)
        {
            ok.ShouldBeTrue(name);
            problems.ShouldBeEmpty(name);
            scale!.Bands.Count.ShouldBe(bands.Length);
        }
        else
        {
            ok.ShouldBeFalse(name);
            scale.ShouldBeNull(name);
            problems.Select(p => p.ToString()).ShouldContain(problem, name);
            Should.Throw<DomainException>(() => CategoryScale.Create(bands)).Code.ShouldBe("achievement.scale");
        }
    }

    [Fact]
    public void A_configured_scale_classifies_by_its_own_bounds()
    {
        var scale = CategoryScale.Create([B(85, "Baik"), B(70, "Cukup", "#FFCC00"), B(null, "Kurang", "red")]);
        scale.Classify(85.01m).Label.ShouldBe("Baik");
        scale.Classify(85m).Label.ShouldBe("Cukup");
        scale.Classify(70m).Label.ShouldBe("Kurang");
    }
}
