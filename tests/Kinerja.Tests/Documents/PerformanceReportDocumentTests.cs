using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Kinerja.Documents;
using Kinerja.Domain.Achievement;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Reports;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Kinerja.Tests.Documents;

/// <summary>
/// The LKjIP 2026 of Kecamatan Pasrujambe (signed, with its QR), the same agency's quarterly report for Triwulan II as
/// a draft, and the cover letter that sends the LKjIP: valid Open XML with every objective, indicator and figure in the
/// Indonesian forms, a written-out table of contents, native charts with cached values; LibreOffice makes PDFs whose
/// contents page carries the real page numbers and whose QR decodes to the verification address.
/// </summary>
public sealed partial class PerformanceReportDocumentTests(PerformanceReportPdfs pdfs) : IClassFixture<PerformanceReportPdfs>
{
    private static readonly CategoryScale Scale = CategoryScale.Permendagri86;

    public static readonly string Code = VerificationCode.FromRandom([3, 14, 15, 92, 65, 35, 89, 79, 32]).ToString();
    public static readonly string Url = "https://kinerja.lumajangkab.go.id/verify/" + Code;

    private static readonly Letterhead Kop = new("PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN PASRUJAMBE",
        "Jalan Raya Pasrujambe Nomor 1, Pasrujambe, Lumajang 67361, Telepon (0334) 571234");

    private static readonly Signatory Camat = new("Dian Nurwisjdah K.H.P., S.Psi., M.M.", "Camat Pasrujambe", "Pembina (IV/a)", "197710232005011009");

    /// <summary>An indicator whose figures the engine computes; the period alone is the same as to date unless given.</summary>
    private static ReportIndicator Indicator(
        string code, string name, string measure, Polarity polarity, decimal? target, decimal? realization,
        decimal? low = null, decimal? high = null, decimal? endTarget = null, decimal? standard = null,
        (int Year, decimal? Value)[]? earlier = null, (decimal? Target, decimal? Realization)? periodAlone = null)
    {
        ReportFigures Figures(decimal? t, decimal? r) =>
            new(t, low, high, r, ReportAchievement.From(AchievementCalculator.Compute(polarity, t, r, low, high), Scale));
        var toDate = Figures(target, realization);
        var alone = periodAlone is { } p ? Figures(p.Target, p.Realization) : toDate;
        var against = polarity == Polarity.Range ? Polarity.Higher : polarity;
        ReportAchievement Versus(decimal? reference) =>
            reference is { } v ? ReportAchievement.From(AchievementCalculator.Compute(against, v, realization), Scale) : ReportAchievement.None;
        return new ReportIndicator(code, name, measure, polarity, toDate, alone,
            (earlier ?? []).Select(e => new YearRealization(e.Year, e.Value)).ToList(),
            endTarget, Versus(endTarget), standard, Versus(standard));
    }

    private static ReportObjective Objective(string code, string name, IReadOnlyList<ReportIndicator> indicators,
        IReadOnlyList<UnitExplanation> explanations, IReadOnlyList<ReportProgram> programs)
    {
        var mean = AchievementMean.OfIndicators(indicators.Select(i => Recompute(i.ToDate, i.Polarity)));
        var periodMean = AchievementMean.OfIndicators(indicators.Select(i => Recompute(i.PeriodAlone, i.Polarity)));
        var absorption = BudgetPerformance.Absorption(
            programs.Sum(p => p.Realization), programs.Count == 0 ? null : programs.Sum(p => p.Pagu));
        return new ReportObjective(code, name, ReportAchievement.From(mean, Scale), ReportAchievement.From(periodMean, Scale),
            indicators, explanations, new ReportEfficiency(absorption, BudgetPerformance.Efficiency(mean, absorption)), programs);
    }

    private static AchievementResult Recompute(ReportFigures f, Polarity polarity) =>
        AchievementCalculator.Compute(polarity, f.Target, f.Realization, f.RangeLow, f.RangeHigh);

    private static readonly ReportProgram Support = new("7.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
        1_250_000_000.50m, 1_187_500_000m,
        [
            new("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 85_000_000m, 80_750_000m, []),
            new("7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", 1_165_000_000.50m, 1_106_750_000m, []),
        ]);

    private static readonly ReportProgram Services = new("7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
        345_750_000m, 320_000_000m,
        [
            new("7.01.02.2.01", "Pelayanan Administrasi Terpadu Kecamatan (PATEN)", 210_000_000m, 198_500_000m, []),
            new("7.01.02.2.02", "Koordinasi Ketenteraman dan Ketertiban Umum", 135_750_000m, 121_500_000m, []),
        ]);

    private static readonly ReportProgram Villages = new("7.01.03", "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
        187_500_000.25m, 150_000_000m, []);

    private static readonly ReportObjective S1 = Objective("S1", "Meningkatnya kualitas pelayanan publik di kecamatan",
        [
            Indicator("IKU 1.1", "Persentase layanan PATEN yang selesai tepat waktu", "%", Polarity.Higher, 95m, 97.5m,
                endTarget: 97m, standard: 90m, earlier: [(2024, 91.2m), (2025, 93.75m)], periodAlone: (95m, 96m)),
            Indicator("IKU 1.2", "Rata-rata waktu penyelesaian layanan administrasi kependudukan", "Hari", Polarity.Lower, 3m, 3.5m,
                endTarget: 2.5m, earlier: [(2024, 4.5m), (2025, 4m)], periodAlone: (3m, 3.25m)),
            Indicator("IKU 1.3", "Persentase desa dengan tata kelola pemerintahan desa baik", "%", Polarity.Range, null, 85m,
                low: 80m, high: 90m, earlier: [(2025, 78m)]),
        ],
        [
            new("Seksi Pemerintahan", "IKU 1.2", "Waktu layanan administrasi kependudukan melampaui target karena jaringan SIAK terganggu selama dua minggu pada bulan Agustus; layanan dialihkan sementara ke Dispendukcapil."),
            new("Subbagian Umum dan Kepegawaian", "IKU 1.1", "Penambahan satu petugas loket PATEN sejak Maret mempercepat penyelesaian layanan."),
        ],
        [Services]);

    private static readonly ReportObjective S2 = Objective("S2", "Meningkatnya akuntabilitas kinerja perangkat daerah",
        [
            Indicator("IKU 2.1", "Nilai SAKIP kecamatan", "Nilai", Polarity.Higher, 70m, 68.25m, endTarget: 75m, earlier: [(2024, 62.1m), (2025, 65.4m)]),
            Indicator("IKU 2.2", "Jumlah inovasi pelayanan publik yang baru", "Inovasi", Polarity.Higher, 0m, 2m), // target 0: not computable
            Indicator("IKU 2.3", "Jumlah temuan pemeriksaan yang belum ditindaklanjuti", "Temuan", Polarity.Lower, 8m, 10m, earlier: [(2025, 12m)]),
        ],
        [],
        [Support]);

    private static readonly ReportObjective S3 = Objective("S3", "Meningkatnya ketenteraman dan ketertiban umum",
        [
            Indicator("IKU 3.1", "Jumlah pelanggaran ketertiban umum", "Kasus", Polarity.Lower, 15m, 12m, endTarget: 10m, earlier: [(2023, 25m), (2024, 19m), (2025, 16m)]),
            Indicator("IKU 3.2", "Persentase penegakan Perda yang tuntas", "%", Polarity.Higher, 90m, 40m),
        ],
        [new("Seksi Ketenteraman dan Ketertiban Umum", null, "Penegakan Perda tertunda karena personel Satpol PP kecamatan dialihkan ke pengamanan pemilihan kepala desa.")],
        [Villages]);

    private static readonly IReadOnlyList<ReportObjective> Objectives = [S1, S2, S3];

    private static readonly ReportAchievement Agency = ReportAchievement.From(
        AchievementMean.OfObjectives(Objectives.Select(o => new AchievementMean(o.Achievement.Percent, 1, 0, null))), Scale);

    private static readonly ReportAchievement AgencyQuarter = ReportAchievement.From(
        AchievementMean.OfObjectives(Objectives.Select(o => new AchievementMean(o.PeriodAchievement.Percent, 1, 0, null))), Scale);

    /// <summary>The signed LKjIP 2026, every narrative written.</summary>
    public static readonly PerformanceReportDocument Annual = new(
        ReportKind.Annual, Period.OfYear(2026), Kop, "Kecamatan Pasrujambe", "Pasrujambe", new DateOnly(2027, 2, 15),
        new Dictionary<string, string>
        {
            [ReportSections.ExecutiveSummary] = "Laporan ini menyajikan capaian kinerja Kecamatan Pasrujambe selama tahun 2026.\nSecara umum sasaran strategis tercapai dengan baik.",
            [ReportSections.Introduction] = "Kecamatan Pasrujambe dibentuk dengan Peraturan Daerah Kabupaten Lumajang dan dipimpin oleh seorang Camat.",
            [ReportSections.StrategicIssues] = "Isu strategis kecamatan adalah kualitas pelayanan publik dan ketertiban umum.",
            [ReportSections.Planning] = "Perencanaan kinerja mengacu pada Rencana Strategis 2022-2026.",
            [ReportSections.Achievement] = "Pengukuran kinerja dilakukan atas data yang telah diverifikasi.",
            ["objective:S1"] = "Capaian sasaran pelayanan publik didorong oleh layanan PATEN.",
            ["objective:S2"] = "Nilai SAKIP belum mencapai target karena dokumen evaluasi terlambat.",
            ["objective:S3"] = "Pelanggaran ketertiban umum menurun dibanding tahun lalu.",
            [ReportSections.Budget] = "Realisasi anggaran mencapai lebih dari sembilan puluh persen.",
            [ReportSections.Closing] = "Demikian Laporan Kinerja ini disusun sebagai wujud akuntabilitas.",
            [ReportSections.Attachments] = "Lampiran memuat Perjanjian Kinerja Tahun 2026.",
        },
        Agency, Agency,
        new StrategicPlanSummary(2022, 2026,
        [
            new("S1", "Meningkatnya kualitas pelayanan publik di kecamatan", "Terwujudnya pelayanan publik yang prima",
                [new("IKU 1.1", "Persentase layanan PATEN yang selesai tepat waktu", "%", 97m),
                 new("IKU 1.2", "Rata-rata waktu penyelesaian layanan administrasi kependudukan", "Hari", 2.5m),
                 new("IKU 1.3", "Persentase desa dengan tata kelola pemerintahan desa baik", "%", null, 85m, 95m)]),
            new("S2", "Meningkatnya akuntabilitas kinerja perangkat daerah", null,
                [new("IKU 2.1", "Nilai SAKIP kecamatan", "Nilai", 75m)]),
            new("S3", "Meningkatnya ketenteraman dan ketertiban umum", null,
                [new("IKU 3.1", "Jumlah pelanggaran ketertiban umum", "Kasus", 10m)]),
        ]),
        [
            new("S1", "Meningkatnya kualitas pelayanan publik di kecamatan", "Persentase layanan PATEN yang selesai tepat waktu", 95m, null, null, "%"),
            new("S1", "Meningkatnya kualitas pelayanan publik di kecamatan", "Rata-rata waktu penyelesaian layanan administrasi kependudukan", 3m, null, null, "Hari"),
            new("S1", "Meningkatnya kualitas pelayanan publik di kecamatan", "Persentase desa dengan tata kelola pemerintahan desa baik", null, 80m, 90m, "%"),
            new("S2", "Meningkatnya akuntabilitas kinerja perangkat daerah", "Nilai SAKIP kecamatan", 70m, null, null, "Nilai"),
            new("S3", "Meningkatnya ketenteraman dan ketertiban umum", "Jumlah pelanggaran ketertiban umum", 15m, null, null, "Kasus"),
        ],
        [
            new("7.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 1_250_000_000.50m),
            new("7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", 345_750_000m),
            new("7.01.03", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", 187_500_000.25m),
        ],
        Objectives,
        [Support, Services, Villages],
        Camat, Code, Url, Version: 4);

    /// <summary>The quarterly report for Triwulan II as a draft (version 3): two narratives not written yet.</summary>
    public static readonly PerformanceReportDocument Quarterly = Annual with
    {
        Kind = ReportKind.Quarterly,
        Period = Period.Quarter(2026, 2),
        Date = new DateOnly(2026, 7, 10),
        AgencyPeriodAchievement = AgencyQuarter,
        Narratives = Annual.Narratives.Where(n => n.Key is not (ReportSections.Closing or "objective:S2")).ToDictionary(),
        VerificationCode = null,
        VerificationUrl = null,
        Version = 3,
    };

    public static readonly CoverLetterDocument Letter = new(
        Kop, "Pasrujambe", new DateOnly(2027, 2, 16),
        "800/2101/427.96/2027", "Biasa", "1 (satu) berkas", CoverLetterDocument.DefaultSubject(Annual.Title),
        "Bupati Lumajang", "Kepala Bagian Organisasi Setda Kabupaten Lumajang", "Lumajang",
        CoverLetterDocument.DefaultBody(Annual.Title, Annual.AgencyName),
        Camat,
        ["Yth. Kepala Bappeda Kabupaten Lumajang", "Yth. Inspektur Kabupaten Lumajang", "Arsip"],
        Code, Url);

    /// <summary>What the annual report's docx and PDF must both show: objectives, indicators, figures, signature.</summary>
    public static readonly string[] AnnualTexts =
    [
        "PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN PASRUJAMBE",
        "LAPORAN KINERJA INSTANSI PEMERINTAH", "(LKjIP)", "TAHUN 2026", "DAFTAR ISI",
        "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN", "A. Gambaran Umum Organisasi", "B. Isu Strategis",
        "BAB II PERENCANAAN KINERJA", "A. Rencana Strategis Tahun 2022-2026", "B. Perjanjian Kinerja Tahun 2026",
        "BAB III AKUNTABILITAS KINERJA", "A. Capaian Kinerja Organisasi", "B. Realisasi Anggaran", "BAB IV PENUTUP", "LAMPIRAN",
        "Sasaran 1: Meningkatnya kualitas pelayanan publik di kecamatan",
        "Sasaran 2: Meningkatnya akuntabilitas kinerja perangkat daerah",
        "Sasaran 3: Meningkatnya ketenteraman dan ketertiban umum",
        "1. Perbandingan Target dan Realisasi Tahun 2026", "2. Perbandingan Realisasi dengan Tahun-tahun Sebelumnya",
        "3. Perbandingan Realisasi dengan Target Akhir Renstra", "4. Perbandingan dengan Standar Nasional",
        "5. Analisis Penyebab Keberhasilan/Kegagalan dan Alternatif Solusi", "6. Analisis Efisiensi Penggunaan Sumber Daya",
        "7. Program dan Kegiatan Pendukung",
        // Achievements (engine, rounded for display) and categories.
        "102,63 %", "83,33 %", "100,00 %", "97,50 %", "75,00 %", "120,00 %", "44,44 %",
        "95,32 %", "86,25 %", "82,22 %", "87,93 %", "Sangat Tinggi", "Tinggi", "Sedang", "Sangat Rendah",
        // Targets and realizations, a range, earlier years, end targets, the national standard and the comparison with it.
        "97,5", "3,5", "80 - 90", "68,25", "93,75", "91,2", "62,1", "100,52 %", "60,00 %", "80,00 %", "108,33 %",
        "* IKU 2.2 (Tahun 2026): capaian tidak dihitung.",
        // Budget: pagu, realization, absorption, total; efficiency of S1.
        "1.250.000.000,50", "1.187.500.000,00", "345.750.000,00", "320.000.000,00", "187.500.000,25", "1.783.250.000,75", "1.657.500.000,00",
        "95,00 %", "92,55 %", "92,95 %", "2,91 %", "57,26",
        "Seksi Pemerintahan (IKU 1.2):", "Seksi Ketenteraman dan Ketertiban Umum:", "Belum ada penjelasan dari unit kerja.",
        "Pasrujambe, 15 Februari 2027", "CAMAT PASRUJAMBE,", "Dian Nurwisjdah K.H.P., S.Psi., M.M.", "Pembina (IV/a)", "NIP. 19771023 200501 1 009",
        "Kode verifikasi: " + Code,
    ];

    /// <summary>Indicator codes and names, objective names, programs: long texts that wrap inside cells.</summary>
    public static readonly string[] CellTexts =
    [
        .. Objectives.SelectMany(o => o.Indicators).Select(i => i.Name),
        .. Objectives.Select(o => o.Name),
        .. new[] { Support, Services, Villages }.Select(p => p.Name),
    ];

    // ---- the model --------------------------------------------------------------------------

    [Theory]
    [InlineData(ReportKind.Quarterly, "2026-Q2", "Laporan Kinerja Triwulan II Tahun 2026")]
    [InlineData(ReportKind.Quarterly, "2025-Q4", "Laporan Kinerja Triwulan IV Tahun 2025")]
    [InlineData(ReportKind.Semester, "2026-S1", "Laporan Kinerja Semester I Tahun 2026")]
    [InlineData(ReportKind.Semester, "2026-S2", "Laporan Kinerja Semester II Tahun 2026")]
    [InlineData(ReportKind.Annual, "2026", "Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2026")]
    public void The_title_names_the_kind_and_the_period(ReportKind kind, string period, string title) =>
        PerformanceReportDocument.TitleOf(kind, Period.Parse(period)).ShouldBe(title);

    [Fact]
    public void A_kind_that_does_not_match_its_period_is_refused()
    {
        Should.Throw<ArgumentException>(() => PerformanceReportDocx.Build(Annual with { Kind = ReportKind.Quarterly }));
        Should.Throw<ArgumentException>(() => PerformanceReportDocx.Build(Annual with { Period = Period.Semester(2026, 1) }));
        Should.Throw<ArgumentOutOfRangeException>(() => PerformanceReportDocx.Build(Annual with { Version = 0 }));
    }

    // ---- the docx ---------------------------------------------------------------------------

    [Fact]
    public void Every_document_is_valid_open_xml()
    {
        foreach (var docx in new[]
                 {
                     PerformanceReportDocx.Build(Annual), PerformanceReportDocx.Build(Quarterly),
                     PerformanceReportDocx.Build(Annual with { Kind = ReportKind.Semester, Period = Period.Semester(2026, 2) }),
                     CoverLetterDocx.Build(Letter), CoverLetterDocx.Build(Letter with { VerificationCode = null, VerificationUrl = null, RecipientVia = null, Copies = [] }),
                 })
        {
            using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
            var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(package).ToList();
            errors.ShouldBeEmpty(string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
        }
    }

    [Fact]
    public void The_annual_docx_holds_every_objective_indicator_figure_and_the_signature()
    {
        var text = DocxText(PerformanceReportDocx.Build(Annual));
        foreach (var expected in AnnualTexts.Concat(CellTexts)) text.ShouldContain(expected, Case.Sensitive);
        foreach (var narrative in Annual.Narratives.Values.SelectMany(n => n.Split('\n'))) text.ShouldContain(narrative, Case.Sensitive);
        foreach (var indicator in Objectives.SelectMany(o => o.Indicators)) text.ShouldContain(indicator.Code + " " + indicator.Name, Case.Sensitive);
        text.ShouldNotContain("Belum diisi", Case.Sensitive);
        text.ShouldNotContain("DRAF", Case.Sensitive);
        text.ShouldContain("Target nol", Case.Sensitive); // the reason IKU 2.2 has no achievement
        // Its cell shows a dash pointing to the note, never 0 %.
        text.ShouldContain("IKU 2.2 Jumlah inovasi pelayanan publik yang baru\nInovasi\n0\n2\n-*\n-\n", Case.Sensitive);
        text.ShouldContain("Pindai untuk memeriksa keaslian dokumen", Case.Sensitive);
        text.ShouldContain(Url, Case.Sensitive);
        text.ShouldContain("Halaman ", Case.Sensitive);
    }

    [Fact]
    public void The_quarterly_draft_shows_both_figure_sets_DRAF_and_what_is_missing()
    {
        var docx = PerformanceReportDocx.Build(Quarterly);
        var text = DocxText(docx);
        text.ShouldContain("LAPORAN KINERJA\nTRIWULAN II\nTAHUN 2026", Case.Sensitive);
        text.ShouldContain("Capaian Triwulan II Tahun 2026", Case.Sensitive);
        text.ShouldContain("s.d. Triwulan II Tahun 2026", Case.Sensitive);
        text.ShouldContain("1. Perbandingan Target dan Realisasi Triwulan II Tahun 2026", Case.Sensitive);
        // IKU 1.1: the quarter alone (95 -> 96: 101,05 %) and to date (95 -> 97,5: 102,63 %) in one row.
        text.ShouldContain("IKU 1.1 Persentase layanan PATEN yang selesai tepat waktu\n%\n95\n96\n101,05 %\n95\n97,5\n102,63 %\nSangat Tinggi\n", Case.Sensitive);
        text.ShouldContain("Realisasi tahun-tahun sebelumnya untuk kurun yang sama (s.d. Triwulan II).", Case.Sensitive);
        // The agency and S1 for the quarter alone next to to date.
        text.ShouldContain("Capaian Triwulan II Tahun 2026 saja adalah 88,68 % (kategori Tinggi).", Case.Sensitive);
        text.ShouldContain("S1 Meningkatnya kualitas pelayanan publik di kecamatan\n97,57 %\n95,32 %\nSangat Tinggi\n", Case.Sensitive);
        text.ShouldContain("[Belum diisi: Bab IV Penutup]", Case.Sensitive);
        text.ShouldContain("[Belum diisi: Bab III A. Analisis Capaian Sasaran S2]", Case.Sensitive);
        text.ShouldContain("DRAF Versi 3 - belum ditandatangani", Case.Sensitive);
        text.ShouldNotContain("Kode verifikasi", Case.Sensitive);

        using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = package.MainDocumentPart!;
        main.HeaderParts.Select(h => h.Header.InnerText).ShouldContain(t => t.Contains("DRAF Versi 3", StringComparison.Ordinal) && t.Contains("Laporan Kinerja Triwulan II Tahun 2026", StringComparison.Ordinal));
        main.ImageParts.ShouldBeEmpty("a draft has no QR");
        // The quarterly charts have two series: the quarter alone and to date.
        main.ChartParts.ShouldAllBe(c => c.ChartSpace.Descendants<C.BarChartSeries>().Count() == 2);
    }

    [Fact]
    public void The_contents_are_written_out_with_page_references_to_bookmarked_headings()
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(PerformanceReportDocx.Build(Annual)), false);
        var body = package.MainDocumentPart!.Document.Body!;
        var entries = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("TOC", StringComparison.Ordinal) == true).ToList();
        var headings = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .ToDictionary(p => p.GetFirstChild<BookmarkStart>()!.Name!.Value!, p => p);

        entries.Select(EntryText).ShouldBe(
        [
            "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN", "A. Gambaran Umum Organisasi", "B. Isu Strategis",
            "BAB II PERENCANAAN KINERJA", "A. Rencana Strategis Tahun 2022-2026", "B. Perjanjian Kinerja Tahun 2026",
            "BAB III AKUNTABILITAS KINERJA", "A. Capaian Kinerja Organisasi",
            "Sasaran 1: Meningkatnya kualitas pelayanan publik di kecamatan",
            "Sasaran 2: Meningkatnya akuntabilitas kinerja perangkat daerah",
            "Sasaran 3: Meningkatnya ketenteraman dan ketertiban umum",
            "B. Realisasi Anggaran", "BAB IV PENUTUP", "LAMPIRAN", "Lampiran 1. Perjanjian Kinerja Tahun 2026",
        ]);
        entries.Select(e => e.ParagraphProperties!.ParagraphStyleId!.Val!.Value).Distinct().Order().ShouldBe(["TOC1", "TOC2", "TOC3"]);
        foreach (var entry in entries)
        {
            var anchor = entry.GetFirstChild<Hyperlink>()!.Anchor!.Value!;
            headings.ShouldContainKey(anchor);
            headings[anchor].InnerText.ShouldBe(EntryText(entry));
            entry.Descendants<FieldCode>().Single().Text.Trim().ShouldBe($"PAGEREF {anchor} \\h");
        }

        // The seven analyses are headings too, but not in the contents.
        headings.Values.Count(h => h.ParagraphProperties!.ParagraphStyleId!.Val!.Value == "Heading4").ShouldBe(3 * 7);
        package.MainDocumentPart.DocumentSettingsPart!.Settings.GetFirstChild<UpdateFieldsOnOpen>()!.Val!.Value.ShouldBeTrue();
    }

    [Fact]
    public void Native_charts_carry_their_categories_and_values_and_an_embedded_workbook()
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(PerformanceReportDocx.Build(Annual)), false);
        var charts = package.MainDocumentPart!.ChartParts.ToList();
        charts.Count.ShouldBe(4, "one of the objectives, one per objective");

        var caches = charts.Select(c =>
        {
            var series = c.ChartSpace.Descendants<C.BarChartSeries>().Single();
            var categories = series.GetFirstChild<C.CategoryAxisData>()!.Descendants<C.StringPoint>().Select(p => p.InnerText).ToList();
            var values = series.GetFirstChild<C.Values>()!.Descendants<C.NumericPoint>()
                .ToDictionary(p => (int)p.Index!.Value, p => p.InnerText);
            var format = series.GetFirstChild<C.Values>()!.Descendants<C.FormatCode>().Single().Text;
            return (categories, values, format, c);
        }).ToList();

        caches.Select(c => string.Join(",", c.categories)).ShouldBe(["S1,S2,S3", "IKU 1.1,IKU 1.2,IKU 1.3", "IKU 2.1,IKU 2.2,IKU 2.3", "IKU 3.1,IKU 3.2"], ignoreOrder: true);
        var objectives = caches.Single(c => c.categories[0] == "S1");
        Numbers(objectives.values).ShouldBe([95.32m, 86.25m, 82.22m]);
        Numbers(caches.Single(c => c.categories[0] == "IKU 1.1").values).ShouldBe([102.63m, 83.33m, 100m]);
        Numbers(caches.Single(c => c.categories[0] == "IKU 3.1").values).ShouldBe([120m, 44.44m]);
        // IKU 2.2 cannot be computed: a gap, not a zero.
        caches.Single(c => c.categories[0] == "IKU 2.1").values.Keys.Order().ShouldBe([0, 2]);
        foreach (var (_, _, format, chart) in caches)
        {
            format.ShouldBe("[$-421]#,##0.00");
            chart.ChartSpace.Descendants<C.DataLabels>().Single().GetFirstChild<C.NumberingFormat>()!.FormatCode!.Value.ShouldBe("[$-421]#,##0.00");
            var embedded = chart.EmbeddedPackagePart.ShouldNotBeNull();
            chart.ChartSpace.GetFirstChild<C.ExternalData>()!.Id!.Value.ShouldBe(chart.GetIdOfPart(embedded));
            using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(embedded.GetStream(), false);
            var cells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
            cells.Count(c => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number).ShouldBe(chart.ChartSpace.Descendants<C.NumericPoint>().Count());
        }
    }

    [Fact]
    public void Tables_repeat_their_header_rows_and_the_page_is_A4_with_page_numbers()
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(PerformanceReportDocx.Build(Quarterly)), false);
        var main = package.MainDocumentPart!;
        var body = main.Document.Body!;
        var section = body.Elements<SectionProperties>().Single();
        section.GetFirstChild<PageSize>()!.Width!.Value.ShouldBe(11906u);
        section.GetFirstChild<PageSize>()!.Height!.Value.ShouldBe(16838u);
        section.GetFirstChild<TitlePage>().ShouldNotBeNull("the cover has no page number");

        var grids = body.Descendants<Table>().Where(t => t.GetFirstChild<TableProperties>()!.TableBorders!.TopBorder!.Val!.Value == BorderValues.Single).ToList();
        grids.Count.ShouldBeGreaterThan(20);
        foreach (var table in grids)
            table.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull();
        // The quarterly target tables have a two-row header: both rows repeat.
        grids.Count(t => t.Elements<TableRow>().Take(2).All(r => r.TableRowProperties!.GetFirstChild<TableHeader>() is not null)).ShouldBe(3);

        main.FooterParts.SelectMany(f => f.Footer.Descendants<FieldCode>()).Select(c => c.Text.Trim()).ShouldBe(["PAGE", "NUMPAGES"]);
    }

    [Fact]
    public void The_cover_letter_docx_holds_its_identity_addressee_body_signature_and_copies()
    {
        var text = DocxText(CoverLetterDocx.Build(Letter));
        foreach (var expected in LetterTexts) text.ShouldContain(expected, Case.Sensitive);
        text.ShouldContain("Nomor\t:\t800/2101/427.96/2027", Case.Sensitive);
        text.ShouldContain("Lampiran\t:\t1 (satu) berkas", Case.Sensitive);
        text.ShouldContain("1.\tYth. Kepala Bappeda Kabupaten Lumajang;\n2.\tYth. Inspektur Kabupaten Lumajang;\n3.\tArsip.\n", Case.Sensitive);

        var unsigned = DocxText(CoverLetterDocx.Build(Letter with { VerificationCode = null, VerificationUrl = null, RecipientVia = null, Copies = [] }));
        unsigned.ShouldNotContain("Kode verifikasi", Case.Sensitive);
        unsigned.ShouldNotContain("c.q.", Case.Sensitive);
        unsigned.ShouldNotContain("Tembusan", Case.Sensitive);
    }

    public static readonly string[] LetterTexts =
    [
        "PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN PASRUJAMBE", "Pasrujambe, 16 Februari 2027",
        "800/2101/427.96/2027", "Biasa", "1 (satu) berkas",
        "Penyampaian Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2026",
        "Kepada", "Yth.", "Bupati Lumajang", "c.q.", "Kepala Bagian Organisasi Setda Kabupaten Lumajang", "di -", "LUMAJANG",
        "bersama ini kami sampaikan Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2026 Kecamatan Pasrujambe sebagaimana terlampir.",
        "CAMAT PASRUJAMBE,", "Dian Nurwisjdah K.H.P., S.Psi., M.M.", "NIP. 19771023 200501 1 009",
        "Tembusan:", "Yth. Inspektur Kabupaten Lumajang", "Kode verifikasi: " + Code,
    ];

    // ---- the PDFs ---------------------------------------------------------------------------

    [Fact]
    public async Task The_annual_pdf_holds_the_figures_and_its_contents_page_the_real_page_numbers()
    {
        var converted = await pdfs.GetAsync();
        var pdf = converted.Annual;
        var all = Collapse(pdf.Plain);
        foreach (var expected in AnnualTexts.Concat(CellTexts)) all.ShouldContain(expected, Case.Sensitive);
        pdf.Pages.ShouldBeGreaterThan(10);
        for (var page = 2; page <= pdf.Pages; page++) all.ShouldContain($"Halaman {page} dari {pdf.Pages}", Case.Sensitive);

        // The contents page: every entry ends in the page its heading is on.
        var pages = pdf.Layout.Split('\f');
        var contents = pages[1];
        contents.ShouldContain("DAFTAR ISI", Case.Sensitive);
        var numbers = new List<int>();
        foreach (var entry in new[]
                 {
                     "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA",
                     "Sasaran 1: Meningkatnya kualitas pelayanan publik di kecamatan", "Sasaran 3: Meningkatnya ketenteraman dan ketertiban umum",
                     "B. Realisasi Anggaran", "BAB IV PENUTUP", "LAMPIRAN",
                 })
        {
            var match = Regex.Match(contents, "^\\s*" + Regex.Escape(entry) + "[ .…]*?(\\d+)\\s*$", RegexOptions.Multiline);
            match.Success.ShouldBeTrue($"no page number for \"{entry}\" in:\n{contents}");
            var page = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            page.ShouldBeGreaterThan(2, entry);
            Collapse(pages[page - 1]).ShouldContain(entry, Case.Sensitive, $"\"{entry}\" is not on page {page}");
            numbers.Add(page);
        }

        numbers.ShouldBe(numbers.Order().ToList());
        numbers.Distinct().Count().ShouldBeGreaterThan(5);

        // The signature closes Bab IV, on the page before the attachments.
        var lampiran = numbers[^1];
        Collapse(pages[lampiran - 2]).ShouldContain("NIP. 19771023 200501 1 009", Case.Sensitive);
    }

    [Fact]
    public async Task The_pdf_pages_render_and_the_QR_next_to_the_signature_decodes_to_the_verification_address()
    {
        var converted = await pdfs.GetAsync();
        converted.AnnualImages.ShouldBe(converted.Annual.Pages);
        converted.SmallestImageBytes.ShouldBeGreaterThan(1000);
        converted.AnnualQr.ShouldBe("QR-Code:" + Url);
        converted.LetterQr.ShouldBe("QR-Code:" + Url);
    }

    [Fact]
    public async Task The_quarterly_draft_pdf_says_DRAF_on_every_page()
    {
        var converted = await pdfs.GetAsync();
        var pdf = converted.Quarterly;
        var pages = pdf.Layout.Split('\f')[..pdf.Pages];
        foreach (var page in pages) page.ShouldContain("DRAF Versi 3", Case.Sensitive);
        var all = Collapse(pdf.Plain);
        all.ShouldContain("LAPORAN KINERJA TRIWULAN II TAHUN 2026", Case.Sensitive);
        all.ShouldContain("101,05 %", Case.Sensitive);
        all.ShouldContain("[Belum diisi: Bab IV Penutup]", Case.Sensitive);
        all.ShouldNotContain("Kode verifikasi", Case.Sensitive);
    }

    [Fact]
    public async Task The_cover_letter_pdf_is_one_page_with_every_part()
    {
        var converted = await pdfs.GetAsync();
        converted.Letter.Pages.ShouldBe(1);
        // Reading order keeps wrapped cells together; the layout keeps "di -", which reading order takes for a hyphenated word.
        var (plain, layout) = (Collapse(converted.Letter.Plain), Collapse(converted.Letter.Layout));
        foreach (var expected in LetterTexts)
            (plain.Contains(expected, StringComparison.Ordinal) || layout.Contains(expected, StringComparison.Ordinal)).ShouldBeTrue(expected);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /// <summary>The heading text of a contents entry: the text before its tab (not the field code, not the page number).</summary>
    private static string EntryText(Paragraph entry) =>
        string.Concat(entry.Descendants<Run>().First().Elements<WordText>().Select(t => t.Text));

    private static decimal[] Numbers(Dictionary<int, string> cache) =>
        [.. cache.OrderBy(p => p.Key).Select(p => decimal.Parse(p.Value, CultureInfo.InvariantCulture))];

    /// <summary>Every paragraph of the headers, body and footers on its own line, tabs kept.</summary>
    public static string DocxText(byte[] docx)
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = package.MainDocumentPart!;
        var paragraphs = main.HeaderParts.SelectMany(h => h.Header.Descendants<Paragraph>())
            .Concat(main.Document.Body!.Descendants<Paragraph>())
            .Concat(main.FooterParts.SelectMany(f => f.Footer.Descendants<Paragraph>()));
        var text = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            foreach (var e in paragraph.Descendants())
            {
                if (e is WordText t) text.Append(t.Text);
                else if (e is TabChar) text.Append('\t');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static string Collapse(string text) => Whitespace().Replace(text, " ");
}

/// <summary>
/// The annual report, the quarterly draft and the cover letter converted once for the class, in parallel, on first use;
/// the annual pages rendered with pdftoppm at 50 dpi, the signature pages at 150 dpi for zbarimg. Set
/// KINERJA_DOCUMENT_OUTPUT to a folder to keep the files for a look.
/// </summary>
public sealed class PerformanceReportPdfs() : PdfFixture<PerformanceReportPdfs.Converted>("kinerja-report-test-")
{
    /// <summary>A converted document: <paramref name="Layout"/> keeps the page's columns (pdftotext -layout), <paramref name="Plain"/> reads cell by cell.</summary>
    public sealed record Pdf(string Path, string Layout, string Plain, int Pages);

    public sealed record Converted(Pdf Annual, Pdf Quarterly, Pdf Letter, int AnnualImages, long SmallestImageBytes, string AnnualQr, string LetterQr, TimeSpan Elapsed);

    protected override async Task<Converted> ConvertAsync(PdfConverter converter)
    {
        var docx = new[]
        {
            PerformanceReportDocx.Build(PerformanceReportDocumentTests.Annual),
            PerformanceReportDocx.Build(PerformanceReportDocumentTests.Quarterly),
            CoverLetterDocx.Build(PerformanceReportDocumentTests.Letter),
        };
        var clock = Stopwatch.StartNew();
        var converted = await Task.WhenAll(docx.Select(d => converter.ConvertAsync(d, CancellationToken.None)));
        var elapsed = clock.Elapsed;

        var annual = await ReadAsync("lkjip-2026", docx[0], converted[0]);
        var quarterly = await ReadAsync("laporan-tw2-2026", docx[1], converted[1]);
        var letter = await ReadAsync("surat-pengantar", docx[2], converted[2]);

        await PerformanceAgreementPdfs.Tool("pdftoppm", "-png", "-r", "50", annual.Path, Path.Combine(Folder, "lkjip-2026"));
        var images = Directory.GetFiles(Folder, "lkjip-2026-*.png");

        // The signature page: the last page of Bab IV, which is the one holding the NIP before the attachments.
        var pages = annual.Layout.Split('\f');
        var signaturePage = Array.FindLastIndex(pages, p => p.Contains("Kode verifikasi: " + PerformanceReportDocumentTests.Code, StringComparison.Ordinal)
            && p.Contains("Pindai untuk memeriksa", StringComparison.Ordinal)) + 1;
        var annualQr = await QrAsync(annual.Path, signaturePage, "lkjip-2026-signature");
        var letterQr = await QrAsync(letter.Path, 1, "surat-pengantar-qr");

        await NoteElapsedAsync("three conversions in parallel", elapsed);
        return new Converted(annual, quarterly, letter, images.Length, images.Min(f => new FileInfo(f).Length), annualQr, letterQr, elapsed);
    }

    /// <summary>What zbarimg reads on one page rendered at 150 dpi; empty when zbarimg is missing (test.sh installs zbar-tools).</summary>
    private async Task<string> QrAsync(string pdf, int page, string name)
    {
        if (page < 1) return "(no signature page with a QR)";
        var p = page.ToString(CultureInfo.InvariantCulture);
        var prefix = Path.Combine(Folder, name);
        await PerformanceAgreementPdfs.Tool("pdftoppm", "-png", "-r", "150", "-f", p, "-l", p, "-singlefile", pdf, prefix);
        var start = new ProcessStartInfo("zbarimg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--quiet", prefix + ".png" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("zbarimg did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }

    private async Task<Pdf> ReadAsync(string name, byte[] docx, byte[] pdf)
    {
        var path = await WriteAsync(name, docx, pdf);
        var layout = await PerformanceAgreementPdfs.Tool("pdftotext", "-layout", path, "-");
        var plain = await PerformanceAgreementPdfs.Tool("pdftotext", path, "-");
        return new Pdf(path, layout, plain, layout.Count(c => c == '\f'));
    }
}
