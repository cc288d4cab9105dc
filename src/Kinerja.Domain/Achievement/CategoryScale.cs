using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Kinerja.Domain.Common;

namespace Kinerja.Domain.Achievement;

/// <summary>
/// One category of a scale: achievements strictly above <see cref="Above"/> (percent) fall in it, unless a higher band
/// takes them; the last band of a scale has no <see cref="Above"/> and takes everything else.
/// <see cref="Label"/> is what people see (agency data, not translated); <see cref="Colour"/> is a CSS colour name
/// ("green") or "#rrggbb".
/// </summary>
public sealed record CategoryBand(decimal? Above, string Label, string Colour);

/// <summary>
/// The scale that names an achievement (capaian) level. The default is Permendagri 86/2017:
/// &gt; 90 Sangat Tinggi; &gt; 75 to 90 Tinggi; &gt; 65 to 75 Sedang; &gt; 50 to 65 Rendah; &lt;= 50 Sangat Rendah
/// (above 100 is still Sangat Tinggi). An agency may configure its own bands; thresholds must strictly descend.
/// <para>The value classified is the displayed one, rounded to 2 decimals (midpoint away from zero), so the category
/// never disagrees with the number shown: 90,004 % shows as 90,00 % and is Tinggi; 90,005 % shows as 90,01 % and is
/// Sangat Tinggi.</para>
/// </summary>
public sealed partial class CategoryScale
{
    private CategoryScale(IReadOnlyList<CategoryBand> bands) => Bands = bands;

    /// <summary>The bands from the highest to the lowest; the last one has no lower bound.</summary>
    public IReadOnlyList<CategoryBand> Bands { get; }

    /// <summary>Permendagri 86/2017.</summary>
    public static CategoryScale Permendagri86 { get; } = new(
    [
        new CategoryBand(90, "Sangat Tinggi", "darkgreen"),
        new CategoryBand(75, "Tinggi", "green"),
        new CategoryBand(65, "Sedang", "gold"),
        new CategoryBand(50, "Rendah", "orange"),
        new CategoryBand(null, "Sangat Rendah", "red"),
    ]);

    /// <summary>What is wrong with a configured scale; empty when it is usable.</summary>
    public static IReadOnlyList<Text> Problems(IReadOnlyList<CategoryBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var problems = new List<Text>();
        if (bands.Count < 2)
        {
            problems.Add(new Text("Skala kategori perlu paling sedikit dua kategori."));
            return problems;
        }

        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            var isLast = i == bands.Count - 1;
            if (isLast && band.Above is not null) problems.Add(new Text("Kategori terakhir tidak boleh punya batas: kategori itu menampung semua nilai di bawahnya."));
            if (!isLast && band.Above is null) problems.Add(new Text("Hanya kategori terakhir yang boleh tanpa batas."));
            if (i > 0 && band.Above is { } above && bands[i - 1].Above is { } previous && above >= previous)
            {
                problems.Add(new Text("Batas kategori harus menurun: {0} harus lebih kecil dari {1}.",
                    IndonesianFormat.Number(above), IndonesianFormat.Number(previous)));
            }

            if (string.IsNullOrWhiteSpace(band.Label)) problems.Add(new Text("Nama kategori wajib diisi."));
            if (band.Colour is null || !ColourPattern().IsMatch(band.Colour))
            {
                problems.Add(new Text("Warna kategori \"{0}\" tidak sah: gunakan nama warna (mis. green) atau #rrggbb.", band.Colour));
            }
        }

        foreach (var duplicate in bands.Where(b => !string.IsNullOrWhiteSpace(b.Label))
                     .GroupBy(b => b.Label.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new Text("Nama kategori \"{0}\" dipakai lebih dari sekali.", duplicate.Key));
        }

        return problems;
    }

    public static bool TryCreate(IReadOnlyList<CategoryBand> bands, [NotNullWhen(true)] out CategoryScale? scale, out IReadOnlyList<Text> problems)
    {
        problems = Problems(bands);
        scale = problems.Count == 0 ? new CategoryScale(bands.ToArray()) : null;
        return scale is not null;
    }

    /// <summary>A configured scale; throws <see cref="DomainException"/> (code "achievement.scale") listing the problems.</summary>
    public static CategoryScale Create(IReadOnlyList<CategoryBand> bands) =>
        TryCreate(bands, out var scale, out var problems)
            ? scale
            : throw new DomainException("achievement.scale", string.Join(" ", problems.Select(p => p.ToString())));

    /// <summary>The band of an achievement in percent (rounded to 2 decimals first).</summary>
    public CategoryBand Classify(decimal percent)
    {
        var shown = AchievementCalculator.Round(percent);
        return Bands.First(b => b.Above is not { } above || shown > above);
    }

    /// <summary>The band of a computed achievement (its uncapped value); null when it was not computed.</summary>
    public CategoryBand? Classify(AchievementResult achievement) => achievement.Percent is { } p ? Classify(p) : null;

    /// <summary>The band of an objective's or the agency's mean; null when it was not computed.</summary>
    public CategoryBand? Classify(AchievementMean mean) => mean.Percent is { } p ? Classify(p) : null;

    [GeneratedRegex("^(?:[a-z]{3,20}|#[0-9a-fA-F]{6})$")]
    private static partial Regex ColourPattern();
}
