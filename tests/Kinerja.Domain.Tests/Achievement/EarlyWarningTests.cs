using Kinerja.Domain.Achievement;
using Kinerja.Domain.Plan;
using Shouldly;

namespace Kinerja.Domain.Tests.Achievement;

public class EarlyWarningTests
{
    private static TargetValues Targets(decimal? annual, decimal?[]? quarters = null, decimal? low = null, decimal? high = null) =>
        new(annual, quarters ?? [], null, low, high, null, null, null);

    private static readonly Dictionary<string, IndicatorYear> Indicators = new()
    {
        ["sum"] = new(Polarity.Higher, Aggregation.Sum, Targets(100, [20, 30, 30, 20]), [18, 33, 27, 25]),
        ["sum without plan"] = new(Polarity.Higher, Aggregation.Sum, Targets(100), [18, 33, 27, 25]),
        ["sum back-loaded"] = new(Polarity.Higher, Aggregation.Sum, Targets(100, [0, 0, 50, 50]), [0, 5, null, null]),
        ["sum with gap"] = new(Polarity.Higher, Aggregation.Sum, Targets(100, [20, 30, 30, 20]), [null, 33, null, null]),
        ["findings"] = new(Polarity.Lower, Aggregation.Sum, Targets(8, [2, 2, 2, 2]), [3, 3, null, null]),
        ["last"] = new(Polarity.Higher, Aggregation.Last, Targets(75, [70, 72, 74, 75]), [71, 73, null, 76]),
        ["last zero target"] = new(Polarity.Higher, Aggregation.Last, Targets(0), [5, null, null, null]),
        ["average"] = new(Polarity.Lower, Aggregation.Average, Targets(9, [10, 10, 8, 8]), [12, 9, null, 7]),
        ["range"] = new(Polarity.Range, Aggregation.Last, Targets(null, low: 80, high: 90), [78, 85, null, null]),
        ["range sum"] = new(Polarity.Range, Aggregation.Sum, Targets(null, low: 80, high: 90), [20, 25, null, null]),
    };

    private const string EvenPace = "Rencana aksi belum lengkap: proyeksi mengandaikan laju yang sama sampai akhir tahun.";

    // indicator, period, threshold, outlook, projected realization, projected achievement (rounded), reason, assumption
    public static TheoryData<string, string, decimal, Outlook, decimal?, decimal?, string, string?> Cases => new()
    {
        { "sum", "2025-Q1", 100m, Outlook.AtRisk, 90m, 90.00m, "Proyeksi capaian akhir tahun 90,00 %, di bawah 100,00 %: target tahun ini berisiko tidak tercapai.", null },
        { "sum", "2025-Q2", 100m, Outlook.OnTrack, 102m, 102.00m, "Proyeksi capaian akhir tahun 102,00 %: target tahun ini diperkirakan tercapai.", null },
        { "sum", "2025-Q2", 105m, Outlook.AtRisk, 102m, 102.00m, "Proyeksi capaian akhir tahun 102,00 %, di bawah 105,00 %: target tahun ini berisiko tidak tercapai.", null },
        { "sum", "2025-S1", 100m, Outlook.OnTrack, 102m, 102.00m, "Proyeksi capaian akhir tahun 102,00 %: target tahun ini diperkirakan tercapai.", null },
        { "sum", "2025-Q3", 100m, Outlook.AtRisk, 97.5m, 97.50m, "Proyeksi capaian akhir tahun 97,50 %, di bawah 100,00 %: target tahun ini berisiko tidak tercapai.", null },
        { "sum", "2025-Q3", 95m, Outlook.OnTrack, 97.5m, 97.50m, "Proyeksi capaian akhir tahun 97,50 %: target tahun ini diperkirakan tercapai.", null },
        { "sum", "2025", 100m, Outlook.OnTrack, 103m, 103.00m, "Proyeksi capaian akhir tahun 103,00 %: target tahun ini diperkirakan tercapai.", null },
        { "sum without plan", "2025-Q1", 100m, Outlook.AtRisk, 72m, 72.00m, "Proyeksi capaian akhir tahun 72,00 %, di bawah 100,00 %: target tahun ini berisiko tidak tercapai.", EvenPace },
        { "sum without plan", "2025-Q2", 100m, Outlook.OnTrack, 102m, 102.00m, "Proyeksi capaian akhir tahun 102,00 %: target tahun ini diperkirakan tercapai.", EvenPace },
        { "sum without plan", "2025-Q4", 100m, Outlook.OnTrack, 103m, 103.00m, "Proyeksi capaian akhir tahun 103,00 %: target tahun ini diperkirakan tercapai.", null },
        { "sum back-loaded", "2025-Q2", 100m, Outlook.NotProjectable, null, null, "Rencana aksi sampai periode ini nol: proyeksi belum dapat dihitung.", null },
        { "sum with gap", "2025-Q2", 100m, Outlook.NotProjectable, null, null, "Realisasi belum lengkap: 1 dari 2 triwulan belum diisi.", null },
        { "findings", "2025-Q2", 100m, Outlook.AtRisk, 12m, 50.00m, "Proyeksi capaian akhir tahun 50,00 %, di bawah 100,00 %: target tahun ini berisiko tidak tercapai.", null },
        { "last", "2025-Q2", 100m, Outlook.AtRisk, 73m, 97.33m, "Proyeksi capaian akhir tahun 97,33 %, di bawah 100,00 %: target tahun ini berisiko tidak tercapai.", null },
        { "last", "2025-Q3", 100m, Outlook.NotProjectable, null, null, "Realisasi Triwulan III 2025 belum diisi (indikator nilai akhir memakai nilai periode terakhir).", null },
        { "last", "2025-Q4", 100m, Outlook.OnTrack, 76m, 101.33m, "Proyeksi capaian akhir tahun 101,33 %: target tahun ini diperkirakan tercapai.", null },
        { "last zero target", "2025-Q1", 100m, Outlook.NotProjectable, 5m, null, "Target nol: capaian tidak dapat dihitung untuk indikator makin tinggi makin baik.", null },
        { "average", "2025-Q2", 100m, Outlook.AtRisk, 10.5m, 83.33m, "Proyeksi capaian akhir tahun 83,33 %, di bawah 100,00 %: target tahun ini berisiko tidak tercapai.", null },
        { "average", "2025-Q4", 90m, Outlook.OnTrack, 28m / 3m, 96.30m, "Proyeksi capaian akhir tahun 96,30 %: target tahun ini diperkirakan tercapai.", null },
        { "range", "2025-Q1", 100m, Outlook.AtRisk, 78m, 97.50m, "Proyeksi capaian akhir tahun 97,50 %, di bawah 100,00 %: target tahun ini berisiko tidak tercapai.", null },
        { "range", "2025-Q2", 100m, Outlook.OnTrack, 85m, 100.00m, "Proyeksi capaian akhir tahun 100,00 %: target tahun ini diperkirakan tercapai.", null },
        { "range sum", "2025-Q2", 100m, Outlook.OnTrack, 90m, 100.00m, "Proyeksi capaian akhir tahun 100,00 %: target tahun ini diperkirakan tercapai.", EvenPace },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Projects_the_year(string indicator, string period, decimal threshold, Outlook outlook, decimal? projected, decimal? percent,
        string reason, string? assumption)
    {
        var name = $"{indicator} {period} >= {threshold}";
        var p = EarlyWarning.Project(Indicators[indicator], Period.Parse(period), threshold);

        p.Outlook.ShouldBe(outlook, name);
        p.IsAtRisk.ShouldBe(outlook == Outlook.AtRisk, name);
        p.ProjectedRealization.ShouldBe(projected, name);
        p.ProjectedAchievement.Rounded.ShouldBe(percent, name);
        p.Reason.ToString().ShouldBe(reason, name);
        (p.Assumption?.ToString()).ShouldBe(assumption, name);
    }

    [Fact]
    public void The_threshold_must_be_positive() =>
        Should.Throw<ArgumentOutOfRangeException>(() => EarlyWarning.Project(Indicators["sum"], Period.Quarter(2025, 1), 0));
}
