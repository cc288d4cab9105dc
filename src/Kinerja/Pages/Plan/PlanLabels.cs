using Kinerja.Domain.Common;
using Kinerja.Features.Plan;

namespace Kinerja.Pages.Plan;

public static class PlanLabels
{
    public static string Polarity(string p) => p switch
    {
        "higher" => "Makin tinggi makin baik",
        "lower" => "Makin rendah makin baik",
        "range" => "Rentang",
        _ => p,
    };

    public static string Aggregation(string a) => a switch
    {
        "sum" => "Kumulatif",
        "last" => "Nilai akhir",
        "average" => "Rata-rata",
        _ => a,
    };

    public static string Kind(string k) => k switch
    {
        "iku" => "IKU",
        "program" => "Indikator program",
        "activity" => "Indikator kegiatan",
        "subActivity" => "Indikator sub kegiatan",
        "individual" => "Indikator individu",
        _ => k,
    };

    /// <summary>The target as documents print it: 82, 80 - 90, or a dash.</summary>
    public static string Target(TargetDto? t) =>
        t is null ? "-"
        : t.RangeLow is { } low && t.RangeHigh is { } high ? $"{IndonesianFormat.Number(low)} - {IndonesianFormat.Number(high)}"
        : t.Annual is { } a ? IndonesianFormat.Number(a) : "-";
}
