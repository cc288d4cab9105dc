using Kinerja.Domain.Plan;
using Shouldly;

namespace Kinerja.Domain.Tests.Plan;

public class TargetValuesTests
{
    private static TargetValues T(decimal? annual, decimal?[]? q = null, decimal? low = null, decimal? high = null, decimal?[]? months = null) =>
        new(annual, q ?? [], months, low, high, null, null, null);

    public static TheoryData<string, TargetValues, Polarity, Aggregation, string?, string?> Cases => new()
    {
        { "sum adds up", T(100, [20, 30, 30, 20]), Polarity.Higher, Aggregation.Sum, null, null },
        { "sum off", T(100, [20, 20, 20, 20]), Polarity.Higher, Aggregation.Sum, "quarters", "Jumlah target triwulan (80) harus sama dengan target tahunan (100) untuk indikator kumulatif." },
        { "last is Q4", T(82, [80, 81, 81.5m, 82]), Polarity.Higher, Aggregation.Last, null, null },
        { "last off", T(82, [80, 81, 82, 81.5m]), Polarity.Higher, Aggregation.Last, "quarters", "Target Triwulan IV (81,5) harus sama dengan target tahunan (82) untuk indikator nilai akhir." },
        { "average", T(95, [94, 95, 95, 96]), Polarity.Higher, Aggregation.Average, null, null },
        { "average off", T(95, [90, 90, 90, 90]), Polarity.Lower, Aggregation.Average, "quarters", "Rata-rata target triwulan (90) harus sama dengan target tahunan (95) untuk indikator rata-rata." },
        { "gaps skip the check", T(65, [null, null, null, 65]), Polarity.Higher, Aggregation.Last, null, null },
        { "annual only", T(4), Polarity.Lower, Aggregation.Sum, null, null },
        { "annual missing", T(null, [1, 1, 1, 1]), Polarity.Higher, Aggregation.Sum, "annual", "Target tahunan wajib diisi." },
        { "three quarters", T(3, [1, 1, 1]), Polarity.Higher, Aggregation.Sum, "quarters", "Target triwulan harus 4 angka (Triwulan I-IV) atau dikosongkan." },
        { "eleven months", T(12, months: Enumerable.Repeat<decimal?>(1, 11).ToArray()), Polarity.Higher, Aggregation.Sum, "months", "Target bulanan harus 12 angka (Januari-Desember) atau dikosongkan." },
        { "range ok", T(null, low: 80, high: 90), Polarity.Range, Aggregation.Last, null, null },
        { "range equal bounds", T(null, low: 85, high: 85), Polarity.Range, Aggregation.Last, null, null },
        { "range missing high", T(85, low: 80), Polarity.Range, Aggregation.Last, "rangeLow", "Indikator rentang perlu batas bawah dan batas atas." },
        { "range inverted", T(null, low: 90.5m, high: 80), Polarity.Range, Aggregation.Last, "rangeLow", "Batas bawah rentang (90,5) lebih besar dari batas atas (80)." },
        { "too large", T(2_000_000_000_000_000m), Polarity.Higher, Aggregation.Sum, "annual", "Angka terlalu besar." },
        { "negative allowed (e.g. growth)", T(-2.5m, [-1, -0.5m, -0.5m, -0.5m]), Polarity.Higher, Aggregation.Sum, null, null },
        { "zero target", T(0, [0, 0, 0, 0]), Polarity.Lower, Aggregation.Sum, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Problems(string name, TargetValues values, Polarity polarity, Aggregation aggregation, string? field, string? message)
    {
        var problems = values.Problems(polarity, aggregation);
        if (field is null)
        {
            problems.ShouldBeEmpty(name);
        }
        else
        {
            problems.Keys.ShouldContain(field, name);
            problems[field].Select(t => t.ToString()).ShouldContain(message, name);
        }
    }
}
