using Kinerja.Data;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Demo;

/// <summary>
/// A plausible performance plan for each demo agency: a Renstra 2025-2029, goals, objectives, a DPA
/// for the current and previous year, indicators of every polarity and aggregation with their action
/// plans, and realizations of two earlier years. Figures are invented but realistic for the agency's kind.
/// </summary>
public static class DemoPlan
{
    private sealed record IndicatorSpec(
        string Code, string Name, IndicatorKind Kind, string? Objective, string? Budget, string[] UnitHints, string Measure,
        Polarity Polarity, Aggregation Aggregation, decimal?[] Q2025, decimal?[] Q2026, decimal? Range2025Low = null, decimal? Range2025High = null,
        decimal? EndTarget = null, decimal? National = null, decimal? Baseline = null, decimal[]? History = null, string? Supports = null,
        string? Definition = null, string? Source = null);

    private sealed record BudgetSpec(string Code, string Name, BudgetLevel Level, string? Parent, decimal Pagu2025);

    private sealed record PlanSpec(
        (string Code, string Name)[] Goals, (string Code, string Name, string Goal)[] Objectives, BudgetSpec[] Budget, IndicatorSpec[] Indicators);

    public const int FirstYear = 2025;
    public const int LastYear = 2029;

    public static async Task SeedAsync(KinerjaDbContext db, Guid agencyId, AgencyKind kind, CancellationToken ct)
    {
        // The demo inspectorate only reads its government's consolidated recap: no plan of its own.
        if (kind == AgencyKind.Inspektorat || await db.StrategicPlans.AnyAsync(p => p.AgencyId == agencyId, ct)) return;
        var spec = kind switch
        {
            AgencyKind.Dinas => Fisheries,
            AgencyKind.Sekretariat => Parliament,
            _ => District,
        };
        var units = await db.Units.Where(u => u.AgencyId == agencyId).Select(u => new { u.Id, u.Name, u.ParentId }).ToListAsync(ct);
        Guid UnitFor(string[] hints) =>
            hints.Select(h => units.FirstOrDefault(u => u.Name.Contains(h, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(u => u is not null)?.Id
            ?? units.First(u => u.ParentId == null).Id;

        var plan = new StrategicPlan(Guid.CreateVersion7(), agencyId, $"Rencana Strategis {FirstYear}-{LastYear}", FirstYear, LastYear);
        db.StrategicPlans.Add(plan);
        var goals = spec.Goals.ToDictionary(g => g.Code, g => new Goal(Guid.CreateVersion7(), agencyId, plan.Id, g.Code, g.Name));
        db.Goals.AddRange(goals.Values);
        var objectives = spec.Objectives.ToDictionary(o => o.Code, o => new Objective(Guid.CreateVersion7(), agencyId, plan.Id, goals[o.Goal].Id, o.Code, o.Name));
        db.Objectives.AddRange(objectives.Values);

        var items = new Dictionary<string, BudgetItem>();
        foreach (var b in spec.Budget)
        {
            var item = new BudgetItem(Guid.CreateVersion7(), agencyId, b.Code, b.Name, b.Level, b.Parent is null ? null : items[b.Parent].Id);
            items[b.Code] = item;
            db.BudgetItems.Add(item);
            foreach (var (year, factor) in new[] { (2025, 1m), (2026, 1.05m) })
            {
                var pagu = Math.Round(b.Pagu2025 * factor / 1000m, 0) * 1000m;
                var q1 = Math.Round(pagu * 0.2m, 2);
                var q2 = Math.Round(pagu * 0.3m, 2);
                var q3 = Math.Round(pagu * 0.3m, 2);
                var line = new BudgetLine(Guid.CreateVersion7(), agencyId, item.Id, year);
                line.Set(pagu, q1, q2, q3, pagu - q1 - q2 - q3);
                db.BudgetLines.Add(line);
            }
        }

        var indicators = new Dictionary<string, Indicator>();
        foreach (var s in spec.Indicators)
        {
            var indicator = new Indicator(Guid.CreateVersion7(), agencyId, s.Code, s.Name, s.Kind, s.Objective is null ? null : objectives[s.Objective].Id,
                s.Budget is null ? null : items[s.Budget].Id, UnitFor(s.UnitHints), s.Measure, s.Polarity, s.Aggregation, 1m, s.Definition, s.Source);
            indicator.SupportIndicator(s.Supports is null ? null : indicators[s.Supports].Id);
            indicators[s.Code] = indicator;
            db.Indicators.Add(indicator);
            foreach (var (year, q, shift) in new[] { (2025, s.Q2025, 0m), (2026, s.Q2026, 1m) })
            {
                var annual = s.Polarity == Polarity.Range ? (decimal?)null : Annual(s.Aggregation, q);
                var values = new TargetValues(annual, q, null,
                    s.Range2025Low + shift, s.Range2025High + shift, s.EndTarget, s.National, s.Baseline);
                var problems = values.Problems(s.Polarity, s.Aggregation);
                if (problems.Count > 0) throw new InvalidOperationException($"Demo target {s.Code} {year}: {string.Join("; ", problems.SelectMany(p => p.Value))}");
                var target = new IndicatorTarget(Guid.CreateVersion7(), agencyId, indicator.Id, year);
                target.Set(values);
                db.IndicatorTargets.Add(target);
            }

            for (var h = 0; h < (s.History?.Length ?? 0); h++)
            {
                db.IndicatorHistory.Add(new IndicatorHistory(Guid.CreateVersion7(), agencyId, indicator.Id, FirstYear - 2 + h, s.History![h]));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The annual target implied by the quarters (the demo enters consistent figures).</summary>
    private static decimal? Annual(Aggregation a, decimal?[] q) => a switch
    {
        Aggregation.Sum => q.Sum(),
        Aggregation.Last => q[3],
        Aggregation.Average => q.Where(x => x is not null).Average(),
    };

    private static readonly string[] Planning = ["Perencanaan", "Program", "Keuangan dan Pelaporan", "Evaluasi"];
    private static readonly string[] Secretariat = ["Sekretariat", "Umum"];

    private static readonly PlanSpec District = new(
        [("T1", "Meningkatnya kualitas pelayanan publik dan tata kelola pemerintahan kecamatan"),
         ("T2", "Meningkatnya pemberdayaan masyarakat dan ketenteraman wilayah")],
        [("S1", "Meningkatnya kualitas pelayanan administrasi kecamatan", "T1"),
         ("S2", "Meningkatnya akuntabilitas kinerja kecamatan", "T1"),
         ("S3", "Meningkatnya partisipasi masyarakat dalam pembangunan", "T2")],
        [new("7.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", BudgetLevel.Program, null, 1_250_000_000m),
         new("7.01.01.1.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", BudgetLevel.Activity, "7.01.01", 85_000_000m),
         new("7.01.01.1.02", "Administrasi Keuangan Perangkat Daerah", BudgetLevel.Activity, "7.01.01", 1_165_000_000m),
         new("7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", BudgetLevel.Program, null, 320_000_000m),
         new("7.01.02.1.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", BudgetLevel.Activity, "7.01.02", 120_000_000m),
         new("7.01.02.1.02", "Peningkatan Kualitas Pelayanan Publik Kecamatan", BudgetLevel.Activity, "7.01.02", 200_000_000m),
         new("7.01.03", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", BudgetLevel.Program, null, 150_000_000m),
         new("7.01.03.1.01", "Fasilitasi Musyawarah Perencanaan Pembangunan Kecamatan", BudgetLevel.Activity, "7.01.03", 150_000_000m)],
        [new("IKU-01", "Indeks Kepuasan Masyarakat terhadap layanan kecamatan", IndicatorKind.Iku, "S1", null, Secretariat, "Indeks",
             Polarity.Higher, Aggregation.Last, [80m, 81m, 81.5m, 82m], [81m, 82m, 82.5m, 83m], EndTarget: 86m, National: 76.61m, Baseline: 79.1m,
             History: [79.1m, 80.6m], Definition: "Nilai IKM hasil survei kepuasan masyarakat (PermenPAN-RB 14/2017)", Source: "Laporan survei IKM"),
         new("IKU-02", "Persentase layanan administrasi yang selesai tepat waktu", IndicatorKind.Iku, "S1", null, ["Pemerintahan"], "%",
             Polarity.Higher, Aggregation.Average, [95m, 95m, 95m, 95m], [96m, 96m, 96m, 96m], EndTarget: 98m, History: [92.4m, 93.8m],
             Definition: "Layanan selesai sesuai standar waktu / seluruh layanan x 100", Source: "Register layanan PATEN"),
         new("IKU-03", "Nilai hasil evaluasi SAKIP kecamatan", IndicatorKind.Iku, "S2", null, Planning, "Nilai",
             Polarity.Higher, Aggregation.Last, [null, null, null, 65m], [null, null, null, 67m], EndTarget: 70m, History: [61.2m, 63.5m],
             Source: "LHE SAKIP Inspektorat"),
         new("IKU-04", "Jumlah temuan hasil pemeriksaan Inspektorat", IndicatorKind.Iku, "S2", null, Secretariat, "Temuan",
             Polarity.Lower, Aggregation.Sum, [1m, 1m, 1m, 1m], [1m, 1m, 1m, 0m], EndTarget: 1m, History: [7m, 5m], Source: "LHP Inspektorat"),
         new("IKU-05", "Tingkat kehadiran unsur masyarakat dalam Musrenbang kecamatan", IndicatorKind.Iku, "S3", null, ["Pemberdayaan", "Kesejahteraan", "Ketenteraman", "Pemerintahan"], "%",
             Polarity.Range, Aggregation.Last, [], [], Range2025Low: 80m, Range2025High: 90m, History: [76m, 81m], Source: "Daftar hadir Musrenbang"),
         new("P-01", "Jumlah kegiatan fasilitasi pemerintahan desa", IndicatorKind.Program, null, "7.01.02", ["Pemerintahan"], "Kegiatan",
             Polarity.Higher, Aggregation.Sum, [6m, 6m, 6m, 6m], [7m, 7m, 7m, 7m], History: [20m, 22m], Supports: "IKU-02"),
         new("K-01", "Jumlah dokumen perencanaan dan pelaporan kinerja yang tersusun", IndicatorKind.Activity, null, "7.01.01.1.01", Planning, "Dokumen",
             Polarity.Higher, Aggregation.Sum, [2m, 2m, 2m, 2m], [2m, 2m, 2m, 2m], History: [7m, 8m], Supports: "IKU-03")]);

    private static readonly PlanSpec Fisheries = new(
        [("T1", "Meningkatnya kesejahteraan nelayan dan pembudidaya ikan"),
         ("T2", "Meningkatnya tata kelola pemerintahan bidang kelautan dan perikanan")],
        [("S1", "Meningkatnya produksi perikanan", "T1"),
         ("S2", "Meningkatnya kesejahteraan pelaku usaha perikanan", "T1"),
         ("S3", "Meningkatnya akuntabilitas kinerja dinas", "T2")],
        [new("3.25.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", BudgetLevel.Program, null, 4_200_000_000m),
         new("3.25.01.1.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", BudgetLevel.Activity, "3.25.01", 150_000_000m),
         new("3.25.01.1.02", "Administrasi Keuangan Perangkat Daerah", BudgetLevel.Activity, "3.25.01", 4_050_000_000m),
         new("3.25.03", "Program Pengelolaan Perikanan Tangkap", BudgetLevel.Program, null, 2_750_000_000m),
         new("3.25.03.1.01", "Pengelolaan Penangkapan Ikan di Wilayah Laut Kewenangan Kabupaten", BudgetLevel.Activity, "3.25.03", 1_500_000_000m),
         new("3.25.03.1.02", "Pemberdayaan Nelayan Kecil", BudgetLevel.Activity, "3.25.03", 1_250_000_000m),
         new("3.25.04", "Program Pengelolaan Perikanan Budidaya", BudgetLevel.Program, null, 1_980_500_000m),
         new("3.25.04.1.01", "Pemberdayaan Pembudi Daya Ikan Kecil", BudgetLevel.Activity, "3.25.04", 1_980_500_000m)],
        [new("IKU-01", "Produksi perikanan tangkap", IndicatorKind.Iku, "S1", null, ["Perikanan Tangkap"], "Ton",
             Polarity.Higher, Aggregation.Sum, [9_500m, 11_200m, 12_800m, 10_500m], [9_900m, 11_600m, 13_300m, 11_000m], EndTarget: 48_000m,
             History: [41_250.5m, 42_870m], Source: "Statistik perikanan tangkap"),
         new("IKU-02", "Produksi perikanan budidaya", IndicatorKind.Iku, "S1", null, ["Budidaya"], "Ton",
             Polarity.Higher, Aggregation.Sum, [14_000m, 16_500m, 18_000m, 15_500m], [14_700m, 17_300m, 18_900m, 16_300m], EndTarget: 72_000m,
             History: [58_300m, 61_040.25m], Source: "Statistik perikanan budidaya"),
         new("IKU-03", "Nilai Tukar Nelayan (NTN)", IndicatorKind.Iku, "S2", null, ["Perikanan Tangkap"], "Indeks",
             Polarity.Higher, Aggregation.Last, [104m, 104.5m, 105m, 105.5m], [105.5m, 106m, 106.5m, 107m], EndTarget: 110m, National: 100m,
             History: [102.35m, 103.8m], Source: "BPS Provinsi NTB"),
         new("IKU-04", "Angka konsumsi ikan", IndicatorKind.Iku, "S2", null, ["Budidaya", "Sekretariat"], "Kg/kapita/tahun",
             Polarity.Higher, Aggregation.Last, [null, 35m, null, 36.5m], [null, 37m, null, 38.5m], EndTarget: 42m, National: 56.48m,
             History: [33.2m, 34.9m], Source: "Survei konsumsi ikan"),
         new("IKU-05", "Persentase kapal perikanan yang laik operasi", IndicatorKind.Iku, "S1", null, ["Sarana dan Prasarana"], "%",
             Polarity.Range, Aggregation.Average, [], [], Range2025Low: 85m, Range2025High: 95m, History: [81m, 84m], Source: "Data kelaikan kapal"),
         new("IKU-06", "Jumlah temuan hasil pemeriksaan BPK dan Inspektorat", IndicatorKind.Iku, "S3", null, ["Keuangan dan Pelaporan"], "Temuan",
             Polarity.Lower, Aggregation.Sum, [0m, 1m, 1m, 1m], [0m, 1m, 1m, 0m], EndTarget: 1m, History: [6m, 4m], Source: "LHP BPK, LHP Inspektorat"),
         new("P-01", "Jumlah nelayan kecil yang menerima bantuan sarana penangkapan", IndicatorKind.Program, null, "3.25.03", ["Sarana dan Prasarana"], "Orang",
             Polarity.Higher, Aggregation.Sum, [0m, 150m, 200m, 50m], [0m, 170m, 210m, 60m], History: [340m, 380m], Supports: "IKU-01"),
         new("K-01", "Jumlah kelompok pembudidaya ikan yang dibina", IndicatorKind.Activity, null, "3.25.04.1.01", ["Produksi Perikanan Budidaya"], "Kelompok",
             Polarity.Higher, Aggregation.Sum, [10m, 15m, 15m, 10m], [12m, 16m, 16m, 11m], History: [42m, 47m], Supports: "IKU-02")]);

    private static readonly PlanSpec Parliament = new(
        [("T1", "Meningkatnya kualitas dukungan terhadap pelaksanaan fungsi DPRD"),
         ("T2", "Meningkatnya tata kelola Sekretariat DPRD")],
        [("S1", "Meningkatnya kualitas fasilitasi fungsi legislasi, anggaran dan pengawasan DPRD", "T1"),
         ("S2", "Meningkatnya kepuasan anggota DPRD terhadap layanan Sekretariat", "T1"),
         ("S3", "Meningkatnya akuntabilitas kinerja dan keuangan Sekretariat DPRD", "T2")],
        [new("4.02.01", "Program Penunjang Urusan Pemerintahan Daerah Provinsi", BudgetLevel.Program, null, 38_500_000_000m),
         new("4.02.01.1.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", BudgetLevel.Activity, "4.02.01", 420_000_000m),
         new("4.02.01.1.02", "Administrasi Keuangan Perangkat Daerah", BudgetLevel.Activity, "4.02.01", 38_080_000_000m),
         new("4.02.02", "Program Dukungan Pelaksanaan Tugas dan Fungsi DPRD", BudgetLevel.Program, null, 52_750_000_000m),
         new("4.02.02.1.01", "Pembentukan Peraturan Daerah dan Peraturan DPRD", BudgetLevel.Activity, "4.02.02", 6_250_000_000m),
         new("4.02.02.1.02", "Penyelenggaraan Rapat-Rapat DPRD", BudgetLevel.Activity, "4.02.02", 46_500_000_000m)],
        [new("IKU-01", "Persentase Rancangan Peraturan Daerah yang ditetapkan tepat waktu", IndicatorKind.Iku, "S1", null, ["Persidangan"], "%",
             Polarity.Higher, Aggregation.Average, [80m, 85m, 85m, 90m], [85m, 85m, 90m, 90m], EndTarget: 95m, History: [72m, 78.5m], Source: "Propemperda dan Perda yang ditetapkan"),
         new("IKU-02", "Jumlah rapat paripurna dan rapat alat kelengkapan yang difasilitasi", IndicatorKind.Iku, "S1", null, ["Risalah", "Persidangan"], "Rapat",
             Polarity.Higher, Aggregation.Sum, [40m, 55m, 60m, 45m], [42m, 56m, 62m, 45m], History: [188m, 196m], Source: "Risalah rapat"),
         new("IKU-03", "Indeks kepuasan anggota DPRD terhadap layanan Sekretariat", IndicatorKind.Iku, "S2", null, ["Umum"], "Indeks",
             Polarity.Higher, Aggregation.Last, [null, 3.2m, null, 3.3m], [null, 3.35m, null, 3.4m], EndTarget: 3.6m, History: [3.05m, 3.18m],
             Definition: "Skala 1-4, survei semesteran kepada anggota DPRD", Source: "Survei kepuasan"),
         new("IKU-04", "Persentase serapan anggaran Sekretariat DPRD", IndicatorKind.Iku, "S3", null, ["Perencanaan"], "%",
             Polarity.Range, Aggregation.Last, [], [], Range2025Low: 90m, Range2025High: 98m, History: [88.4m, 91.2m], Source: "Laporan realisasi anggaran"),
         new("IKU-05", "Jumlah temuan hasil pemeriksaan BPK", IndicatorKind.Iku, "S3", null, ["Perencanaan"], "Temuan",
             Polarity.Lower, Aggregation.Sum, [0m, 2m, 0m, 1m], [0m, 1m, 0m, 1m], EndTarget: 1m, History: [5m, 4m], Source: "LHP BPK"),
         new("P-01", "Jumlah Peraturan Daerah yang difasilitasi pembahasannya", IndicatorKind.Program, null, "4.02.02", ["Persidangan"], "Perda",
             Polarity.Higher, Aggregation.Sum, [2m, 4m, 4m, 4m], [3m, 4m, 4m, 4m], History: [12m, 13m], Supports: "IKU-01")]);
}
