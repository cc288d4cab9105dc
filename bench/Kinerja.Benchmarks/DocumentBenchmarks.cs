using BenchmarkDotNet.Attributes;
using Kinerja.Documents;
using Kinerja.Domain.Achievement;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Reports;

namespace Kinerja.Benchmarks;

/// <summary>
/// Generating an annual performance report (LKjIP) as DOCX (<see cref="PerformanceReportDocx.Build"/>) against LibreOffice
/// converting that same DOCX to PDF (<see cref="PdfConverter.ConvertAsync"/>, the baseline: Ratio = DOCX / PDF). The
/// document is <see cref="SampleReport.Annual"/>: 6 objectives with 10 indicators each, every narrative written, the
/// objectives' charts. No database: the content is built in memory, as <c>ReportContent</c> hands it to the generator.
/// </summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private readonly PdfConverter _pdf = new();
    private PerformanceReportDocument _document = null!;
    private byte[] _docx = [];

    [GlobalSetup]
    public void Setup()
    {
        if (!_pdf.IsAvailable) throw new InvalidOperationException("LibreOffice (soffice) is not installed: " + PdfConverter.NotInstalled);
        _document = SampleReport.Annual(indicators: 60);
        _docx = PerformanceReportDocx.Build(_document);
    }

    [Benchmark]
    public byte[] AnnualReportDocx() => PerformanceReportDocx.Build(_document);

    [Benchmark(Baseline = true)]
    public Task<byte[]> AnnualReportPdfFromDocx() => _pdf.ConvertAsync(_docx, CancellationToken.None);
}

/// <summary>A realistic annual report's content, deterministic: figures computed by the domain rules from generated targets and realizations.</summary>
public static class SampleReport
{
    public static PerformanceReportDocument Annual(int indicators, int objectives = 6, int year = 2025)
    {
        var random = new Random(20261130);
        var scale = CategoryScale.Permendagri86;
        decimal Between(double low, double high) => Math.Round((decimal)(low + (random.NextDouble() * (high - low))), 2);
        string Paragraphs(string subject, int count) => string.Join("\n", Enumerable.Range(1, count).Select(n =>
            $"{subject}, paragraf {n}: capaian kinerja dibandingkan dengan target dan tahun sebelumnya, faktor pendukung dan penghambat, "
            + "serta langkah perbaikan yang direncanakan untuk tahun berikutnya oleh unit kerja yang bertanggung jawab."));

        var programs = Enumerable.Range(1, objectives).Select(p => new ReportProgram($"1.01.{p:D2}", $"Program Penunjang Urusan {p}",
            Between(500_000_000, 5_000_000_000), Between(400_000_000, 4_800_000_000),
            Enumerable.Range(1, 3).Select(a => new ReportProgram($"1.01.{p:D2}.{a}", $"Kegiatan {a} program {p}",
                Between(100_000_000, 1_000_000_000), Between(90_000_000, 950_000_000), [])).ToList())).ToList();

        var reportObjectives = new List<ReportObjective>();
        var strategic = new List<StrategicObjective>();
        var agreement = new List<AgreementTargetRow>();
        var means = new List<AchievementMean>();
        var perObjective = indicators / objectives;
        for (var o = 1; o <= objectives; o++)
        {
            var rows = new List<ReportIndicator>();
            var achievements = new List<AchievementResult>();
            var code = $"S{o}";
            var name = $"Meningkatnya kualitas layanan urusan {o} kepada masyarakat";
            for (var n = 1; n <= perObjective; n++)
            {
                var polarity = n % 7 == 0 ? Polarity.Lower : n % 9 == 0 ? Polarity.Range : Polarity.Higher;
                var target = Between(50, 1000);
                var (low, high) = polarity == Polarity.Range ? (target * 0.9m, target * 1.1m) : ((decimal?)null, (decimal?)null);
                var realization = Math.Round(target * Between(0.6, 1.2), 2);
                var achievement = AchievementCalculator.Compute(polarity, polarity == Polarity.Range ? null : target, realization, low, high);
                achievements.Add(achievement);
                var figures = new ReportFigures(polarity == Polarity.Range ? null : target, low, high, realization, ReportAchievement.From(achievement, scale));
                var end = Math.Round(target * 1.3m, 2);
                var national = n % 5 == 0 ? Math.Round(target * 1.1m, 2) : (decimal?)null;
                rows.Add(new ReportIndicator($"IKU-{o}.{n}", $"Persentase capaian layanan {n} pada sasaran {o}", n % 3 == 0 ? "%" : "Dokumen", polarity,
                    figures, figures,
                    [new YearRealization(year - 1, Math.Round(realization * 0.95m, 2)), new YearRealization(year - 2, Math.Round(realization * 0.9m, 2))],
                    end, ReportAchievement.From(AchievementCalculator.Compute(polarity == Polarity.Range ? Polarity.Higher : polarity, end, realization), scale),
                    national, national is { } s ? ReportAchievement.From(AchievementCalculator.Compute(Polarity.Higher, s, realization), scale) : ReportAchievement.None));
                agreement.Add(new AgreementTargetRow(code, name, rows[^1].Name, polarity == Polarity.Range ? null : target, low, high, rows[^1].Measure));
            }

            var mean = AchievementMean.OfIndicators(achievements);
            means.Add(mean);
            var behind = programs[o - 1];
            var absorption = BudgetPerformance.Absorption(behind.Realization, behind.Pagu);
            reportObjectives.Add(new ReportObjective(code, name, ReportAchievement.From(mean, scale), ReportAchievement.From(mean, scale), rows,
                rows.Take(4).Select((r, k) => new UnitExplanation($"Bidang {k + 1}", r.Code, Paragraphs("Penjelasan " + r.Code, 1))).ToList(),
                new ReportEfficiency(absorption, BudgetPerformance.Efficiency(mean, absorption)), [behind]));
            strategic.Add(new StrategicObjective(code, name, $"Tujuan {o}", rows.Select(r => new StrategicIndicator(r.Code, r.Name, r.Measure, r.EndTarget)).ToList()));
        }

        var agencyAchievement = ReportAchievement.From(AchievementMean.OfObjectives(means), scale);
        var narratives = ReportSections.For(reportObjectives.Select(o => o.Code))
            .ToDictionary(s => s.Key, s => Paragraphs(s.Title, 4));
        return new PerformanceReportDocument(ReportKind.Annual, Period.OfYear(year),
            Letterhead.Of("Kabupaten Uji Beban", "Dinas Uji Kinerja", "Jalan Uji No. 1, Telepon (0334) 123456, pos-el dinas@uji.go.id"),
            "Dinas Uji Kinerja", "Uji Beban, 15 Januari " + (year + 1), new DateOnly(year + 1, 1, 15), narratives,
            agencyAchievement, agencyAchievement, new StrategicPlanSummary(year - 4, year + 1, strategic), agreement,
            programs.Select(p => new AgreementProgramRow(p.Code, p.Name, p.Pagu ?? 0)).ToList(), reportObjectives, programs,
            new Signatory("Dr. Uji Beban, S.Sos., M.Si.", "Kepala Dinas Uji Kinerja", "Pembina Utama Muda (IV/c)", "197710232005011009"),
            null, null, 1);
    }
}
