using Kinerja.Domain.Common;

namespace Kinerja.Domain.Plan;

/// <summary>A year's target figures of one indicator, as entered. Quarters and months are each period's own target.</summary>
public sealed record TargetValues(
    decimal? Annual,
    IReadOnlyList<decimal?> Quarters,
    IReadOnlyList<decimal?>? Months,
    decimal? RangeLow,
    decimal? RangeHigh,
    decimal? StrategicEndTarget,
    decimal? NationalStandard,
    decimal? Baseline)
{
    /// <summary>The largest magnitude accepted for any figure (guards against typos and overflow).</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000_000m;

    /// <summary>
    /// Problems that make the figures unusable, by field (camelCase), for an indicator of the given
    /// polarity and aggregation. Empty when the figures are consistent.
    /// </summary>
    public IReadOnlyDictionary<string, Text[]> Problems(Polarity polarity, Aggregation aggregation)
    {
        var errors = new Dictionary<string, List<Text>>();
        void Add(string field, Text t)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(t);
        }

        if (Quarters.Count is not (0 or 4)) Add("quarters", new Text("Target triwulan harus 4 angka (Triwulan I-IV) atau dikosongkan."));
        if (Months is { Count: not 12 }) Add("months", new Text("Target bulanan harus 12 angka (Januari-Desember) atau dikosongkan."));
        foreach (var (field, value) in Figures())
        {
            if (value is { } v && Math.Abs(v) > MaxMagnitude) Add(field, new Text("Angka terlalu besar."));
        }

        if (polarity == Polarity.Range)
        {
            if (RangeLow is null || RangeHigh is null)
            {
                Add("rangeLow", new Text("Indikator rentang perlu batas bawah dan batas atas."));
            }
            else if (RangeLow > RangeHigh)
            {
                Add("rangeLow", new Text("Batas bawah rentang ({0}) lebih besar dari batas atas ({1}).",
                    IndonesianFormat.Number(RangeLow.Value), IndonesianFormat.Number(RangeHigh.Value)));
            }
        }
        else if (Annual is null)
        {
            Add("annual", new Text("Target tahunan wajib diisi."));
        }

        if (errors.Count == 0 && Annual is { } annual && Quarters.Count == 4 && Quarters.All(q => q is not null))
        {
            var q = Quarters.Select(x => x!.Value).ToArray();
            var implied = aggregation switch
            {
                Aggregation.Sum => q.Sum(),
                Aggregation.Last => q[3],
                Aggregation.Average => q.Average(),
            };
            if (Math.Round(implied, 4) != Math.Round(annual, 4))
            {
                var (i, a) = (IndonesianFormat.Number(implied, 4), IndonesianFormat.Number(annual, 4));
                Add("quarters", aggregation switch
                {
                    Aggregation.Sum => new Text("Jumlah target triwulan ({0}) harus sama dengan target tahunan ({1}) untuk indikator kumulatif.", i, a),
                    Aggregation.Last => new Text("Target Triwulan IV ({0}) harus sama dengan target tahunan ({1}) untuk indikator nilai akhir.", i, a),
                    Aggregation.Average => new Text("Rata-rata target triwulan ({0}) harus sama dengan target tahunan ({1}) untuk indikator rata-rata.", i, a),
                });
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private IEnumerable<(string Field, decimal? Value)> Figures()
    {
        yield return ("annual", Annual);
        foreach (var q in Quarters) yield return ("quarters", q);
        foreach (var m in Months ?? []) yield return ("months", m);
        yield return ("rangeLow", RangeLow);
        yield return ("rangeHigh", RangeHigh);
        yield return ("strategicEndTarget", StrategicEndTarget);
        yield return ("nationalStandard", NationalStandard);
        yield return ("baseline", Baseline);
    }
}
