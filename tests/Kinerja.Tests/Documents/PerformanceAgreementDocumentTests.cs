using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Kinerja.Documents;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Kinerja.Tests.Documents;

/// <summary>
/// The Perjanjian Kinerja of Kecamatan Pasrujambe (Kabupaten Lumajang): the .docx is valid Open XML and
/// holds every name, indicator, target and budget in the Indonesian forms; LibreOffice turns it into a PDF
/// that still holds them, with page numbers in the footer.
/// </summary>
public sealed partial class PerformanceAgreementDocumentTests(PerformanceAgreementPdfs pdfs) : IClassFixture<PerformanceAgreementPdfs>
{
    /// <summary>The first change of the 2025 agreement, with a verification code.</summary>
    public static readonly PerformanceAgreementDocument Pasrujambe = new(
        new Letterhead("PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN PASRUJAMBE",
            "Jalan Raya Pasrujambe Nomor 1, Pasrujambe, Lumajang 67361, Telepon (0334) 571234"),
        2025,
        FirstParty: new Signatory("Dian Nurwisjdah K.H.P., S.Psi., M.M.", "Camat Pasrujambe", "Pembina (IV/a)", "197710232005011009"),
        SecondParty: new Signatory("Ir. Bambang Wicaksono, M.Si.", "Bupati Lumajang", null, null),
        Place: "Lumajang",
        Date: new DateOnly(2025, 12, 30),
        Targets:
        [
            new("S1", "Meningkatnya kualitas pelayanan publik di kecamatan",
                "Persentase layanan PATEN yang selesai tepat waktu", 95.25m, null, null, "%"),
            new("S1", "Meningkatnya kualitas pelayanan publik di kecamatan",
                "Rata-rata waktu penyelesaian layanan administrasi kependudukan", 3m, null, null, "Hari"), // lower is better
            new("S1", "Meningkatnya kualitas pelayanan publik di kecamatan",
                "Persentase desa dengan tata kelola pemerintahan desa baik", null, 80m, 90m, "%"), // a range
            new("S2", "Meningkatnya akuntabilitas kinerja perangkat daerah",
                "Dokumen perencanaan dan pelaporan kinerja yang tersusun tepat waktu", 12m, null, null, "Dokumen"),
            new("S2", "Meningkatnya akuntabilitas kinerja perangkat daerah",
                "Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti", null, null, null, "%"), // no target yet
            new("S3", "Meningkatnya ketenteraman dan ketertiban umum",
                "Jumlah pelanggaran ketertiban umum", 15m, null, null, "Kasus"), // lower is better
        ],
        Programs:
        [
            new("7.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 1_250_000_000.50m),
            new("7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", 345_750_000m),
            new("7.01.03", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", 187_500_000.25m),
        ],
        RevisionNumber: 1,
        RevisionReason: "Penyesuaian target dan anggaran dengan Perubahan APBD Tahun 2025",
        VerificationCode: "PK-2025-PSJ-7F3K9Q");

    /// <summary>The original agreement: no revision, no verification code.</summary>
    public static readonly PerformanceAgreementDocument Original =
        Pasrujambe with { RevisionNumber = 0, RevisionReason = null, VerificationCode = null, Date = new DateOnly(2025, 1, 2) };

    /// <summary>Thirty indicators in ten objectives: the attachment table runs over more than one page.</summary>
    public static readonly PerformanceAgreementDocument Long = Pasrujambe with
    {
        Targets = Enumerable.Range(0, 30)
            .Select(i => Pasrujambe.Targets[i % 6] with { ObjectiveCode = "L" + (i / 3), Objective = "Sasaran panjang nomor " + (i / 3 + 1) })
            .ToList(),
    };

    /// <summary>Texts both the .docx and the PDF must show.</summary>
    public static readonly string[] KeyTexts =
    [
        "PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN PASRUJAMBE",
        "PERJANJIAN KINERJA TAHUN 2025", "PERUBAHAN KE-1", "Penyesuaian target dan anggaran dengan Perubahan APBD Tahun 2025",
        "Dian Nurwisjdah K.H.P., S.Psi., M.M.", "Camat Pasrujambe", "CAMAT PASRUJAMBE,", "Pembina (IV/a)", "NIP. 19771023 200501 1 009",
        "Ir. Bambang Wicaksono, M.Si.", "Bupati Lumajang", "BUPATI LUMAJANG,",
        "Pihak Pertama,", "Pihak Kedua,", "selanjutnya disebut pihak pertama", "selaku atasan langsung pihak pertama",
        "Lumajang, 30 Desember 2025",
        "LAMPIRAN PERJANJIAN KINERJA TAHUN 2025",
        "95,25 %", "3 Hari", "80 - 90 %", "12 Dokumen", "15 Kasus",
        "Rp 1.250.000.000,50", "Rp 345.750.000,00", "Rp 187.500.000,25", "Rp 1.783.250.000,75", "Jumlah",
        "Kode verifikasi: PK-2025-PSJ-7F3K9Q",
    ];

    /// <summary>Long texts that wrap inside their table cell.</summary>
    public static readonly string[] CellTexts =
    [
        .. Pasrujambe.Targets.Select(t => t.Indicator),
        .. Pasrujambe.Targets.Select(t => t.Objective).Distinct(),
        .. Pasrujambe.Programs.Select(p => p.Code + " " + p.Program),
    ];

    [Theory]
    [InlineData("95.25", null, null, "%", "95,25 %")]
    [InlineData("12", null, null, "Dokumen", "12 Dokumen")]
    [InlineData("1250.5", null, null, "Orang", "1.250,5 Orang")]
    [InlineData(null, "80", "90", "%", "80 - 90 %")]
    [InlineData("75", "80.5", "90", "%", "80,5 - 90 %")] // a range wins over a single target
    [InlineData(null, "80", null, "%", "≥ 80 %")]
    [InlineData(null, null, "5", "Hari", "≤ 5 Hari")]
    [InlineData(null, null, null, "%", "-")]
    [InlineData("7", null, null, "", "7")]
    public void Targets_are_written_the_Indonesian_way(string? target, string? low, string? high, string measure, string expected) =>
        PerformanceAgreementDocx.FormatTarget(new("S1", "Sasaran", "Indikator", Dec(target), Dec(low), Dec(high), measure))
            .ShouldBe(expected);

    private static decimal? Dec(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_docx_is_valid_open_xml()
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(PerformanceAgreementDocx.Render(Pasrujambe)), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(package).ToList();
        errors.ShouldBeEmpty(string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));

        foreach (var other in new[] { Original, Long })
        {
            using var otherPackage = WordprocessingDocument.Open(new MemoryStream(PerformanceAgreementDocx.Render(other)), false);
            new OpenXmlValidator(FileFormatVersions.Office2019).Validate(otherPackage).ShouldBeEmpty();
        }
    }

    [Fact]
    public void The_docx_holds_both_parties_every_target_and_every_budget()
    {
        var text = DocxText(PerformanceAgreementDocx.Render(Pasrujambe));
        foreach (var expected in KeyTexts.Concat(CellTexts)) text.ShouldContain(expected, Case.Sensitive);
        text.ShouldContain("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:", Case.Sensitive);
        text.ShouldContain("Nama\t:\tDian Nurwisjdah K.H.P., S.Psi., M.M.", Case.Sensitive);
        text.ShouldContain("Jabatan\t:\tBupati Lumajang", Case.Sensitive);
        text.ShouldContain("Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.", Case.Sensitive);
        text.ShouldContain("dalam rangka pemberian penghargaan dan sanksi.", Case.Sensitive);

        // The statement and the attachment each carry the signatures; the Bupati has no NIP line.
        Regex.Count(text, Regex.Escape("NIP. ")).ShouldBe(2);
        Regex.Count(text, Regex.Escape("Pihak Pertama,")).ShouldBe(2);
        // The target left empty prints as a dash in its own cell.
        text.ShouldContain("Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti\n-\n", Case.Sensitive);
    }

    [Fact]
    public void The_original_agreement_has_no_revision_heading_and_no_verification_code()
    {
        var text = DocxText(PerformanceAgreementDocx.Render(Original));
        text.ShouldContain("PERJANJIAN KINERJA TAHUN 2025", Case.Sensitive);
        text.ShouldContain("Lumajang, 2 Januari 2025", Case.Sensitive);
        text.ShouldNotContain("PERUBAHAN", Case.Sensitive);
        text.ShouldNotContain("Alasan perubahan", Case.Sensitive);
        text.ShouldNotContain("Kode verifikasi", Case.Sensitive);
        text.ShouldContain("Halaman ", Case.Sensitive);
    }

    [Fact]
    public void The_layout_is_A4_with_a_footer_of_page_numbers_a_page_break_and_tables_that_repeat_their_header()
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(PerformanceAgreementDocx.Render(Pasrujambe)), false);
        var main = package.MainDocumentPart!;
        var body = main.Document.Body!;
        var section = body.Elements<SectionProperties>().Single();
        section.GetFirstChild<PageSize>()!.Width!.Value.ShouldBe(11906u);
        section.GetFirstChild<PageSize>()!.Height!.Value.ShouldBe(16838u);
        main.StyleDefinitionsPart!.Styles!.Descendants<RunFonts>().First().Ascii!.Value.ShouldBe("Arial");

        var footerCodes = main.FooterParts.Single().Footer.Descendants<FieldCode>().Select(c => c.Text.Trim()).ToList();
        footerCodes.ShouldBe(["PAGE", "NUMPAGES"]);

        // The letterhead ends with a thick rule; the attachment starts on a new page.
        body.Elements<Paragraph>().Take(3).Count(p => p.ParagraphProperties?.ParagraphBorders?.BottomBorder is not null).ShouldBe(1);
        var attachment = body.Descendants<Paragraph>().Single(p => p.ParagraphProperties?.PageBreakBefore is not null);
        attachment.InnerText.ShouldBe("LAMPIRAN PERJANJIAN KINERJA TAHUN 2025");

        // Four tables: signatures, targets, programs, signatures. Targets and programs repeat their header row.
        var tables = body.Elements<Table>().ToList();
        tables.Count.ShouldBe(4);
        foreach (var table in tables.Skip(1).Take(2))
            table.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull();
        var targetRows = tables[1].Elements<TableRow>().Skip(1).ToList();
        targetRows.Count.ShouldBe(Pasrujambe.Targets.Count);
        // The objective is written once per group; the cells below it are merged into it.
        var objectiveCells = targetRows.Select(r => r.Elements<TableCell>().ElementAt(1)).ToList();
        objectiveCells.Select(c => c.InnerText).ShouldBe([
            "Meningkatnya kualitas pelayanan publik di kecamatan", "", "",
            "Meningkatnya akuntabilitas kinerja perangkat daerah", "",
            "Meningkatnya ketenteraman dan ketertiban umum"]);
        objectiveCells.Select(c => c.TableCellProperties?.VerticalMerge?.Val?.Value).ShouldBe([
            MergedCellValues.Restart, MergedCellValues.Continue, MergedCellValues.Continue,
            MergedCellValues.Restart, MergedCellValues.Continue, null]);
    }

    [Fact]
    public async Task The_pdf_holds_the_same_texts_and_numbers_its_pages()
    {
        var converted = await pdfs.GetAsync();
        var (layout, pages) = (converted.Revised.Layout, converted.Revised.Pages);
        var lines = Collapse(layout);
        foreach (var expected in KeyTexts) lines.ShouldContain(expected, Case.Sensitive);

        pages.ShouldBe(2, "statement page and attachment page");
        for (var page = 1; page <= pages; page++) lines.ShouldContain($"Halaman {page} dari {pages}", Case.Sensitive);
        Regex.Count(layout, "Kode verifikasi: PK-2025-PSJ-7F3K9Q").ShouldBe(pages);
        layout.Split('\f')[0].ShouldNotContain("LAMPIRAN PERJANJIAN", Case.Sensitive);
        layout.Split('\f')[1].ShouldContain("LAMPIRAN PERJANJIAN KINERJA TAHUN 2025", Case.Sensitive);
    }

    /// <summary>Column edges of the attachment tables in twips from the page's left edge (3 cm margin + column widths).</summary>
    private const int Margin = 1701, NoWidth = 567, ObjectiveWidth = 2835, IndicatorWidth = 3969, ProgramWidth = 5953;

    [Fact]
    public async Task Each_text_of_the_attachment_sits_in_its_own_column_of_the_pdf()
    {
        var converted = await pdfs.GetAsync();
        var pdf = converted.Revised;
        var objectives = Collapse(await pdf.ColumnAsync(page: 2, Margin + NoWidth, ObjectiveWidth));
        var indicators = Collapse(await pdf.ColumnAsync(page: 2, Margin + NoWidth + ObjectiveWidth, IndicatorWidth));
        var targets = Collapse(await pdf.ColumnAsync(page: 2, Margin + NoWidth + ObjectiveWidth + IndicatorWidth, 11906 - 1134 - (Margin + NoWidth + ObjectiveWidth + IndicatorWidth)));
        var programs = Collapse(await pdf.ColumnAsync(page: 2, Margin + NoWidth, ProgramWidth));

        foreach (var objective in Pasrujambe.Targets.Select(t => t.Objective).Distinct()) objectives.ShouldContain(objective, Case.Sensitive);
        indicators.ShouldContain(string.Join(" ", Pasrujambe.Targets.Select(t => t.Indicator)), Case.Sensitive);
        targets.ShouldContain("Target 95,25 % 3 Hari 80 - 90 % 12 Dokumen - 15 Kasus", Case.Sensitive);
        programs.ShouldContain(string.Join(" ", Pasrujambe.Programs.Select(p => p.Code + " " + p.Program)), Case.Sensitive);
        programs.ShouldContain("Jumlah", Case.Sensitive);
    }

    [Fact]
    public async Task The_original_agreement_converts_in_parallel_with_the_revised_one()
    {
        var converted = await pdfs.GetAsync();
        var text = Collapse(converted.Original.Layout);
        text.ShouldContain("Lumajang, 2 Januari 2025", Case.Sensitive);
        text.ShouldContain("NIP. 19771023 200501 1 009", Case.Sensitive);
        text.ShouldNotContain("PERUBAHAN", Case.Sensitive);
        text.ShouldNotContain("Kode verifikasi", Case.Sensitive);
        text.ShouldContain($"Halaman 1 dari {converted.Original.Pages}", Case.Sensitive);
        converted.PageImages.ShouldBe(converted.Revised.Pages, "pdftoppm renders every page");
    }

    [Fact]
    public async Task A_long_attachment_repeats_the_table_header_and_keeps_the_programs_with_the_signatures()
    {
        var converted = await pdfs.GetAsync();
        var pages = converted.Long.Layout.Split('\f')[..converted.Long.Pages];

        var targetPages = pages.Where(p => p.Contains("Persentase layanan PATEN", StringComparison.Ordinal)).ToList();
        targetPages.Count.ShouldBeGreaterThanOrEqualTo(2, "thirty indicators do not fit on one page");
        foreach (var page in targetPages) page.ShouldContain("Indikator Kinerja", Case.Sensitive);

        // The statement page has its own signatures; the last page has the programs and the attachment's signatures.
        var last = Collapse(pages[^1]);
        last.ShouldContain("Anggaran (Rp)", Case.Sensitive);
        last.ShouldContain("Rp 1.783.250.000,75", Case.Sensitive);
        last.ShouldContain("Pihak Pertama,", Case.Sensitive);
        last.ShouldContain("NIP. 19771023 200501 1 009", Case.Sensitive);
    }

    [Fact]
    public async Task Without_libreoffice_the_conversion_says_so_in_Indonesian()
    {
        var docx = PerformanceAgreementDocx.Render(Original);
        foreach (var converter in new[] { new PdfConverter("/nonexistent/libreoffice/soffice"), new PdfConverter(null) })
        {
            converter.IsAvailable.ShouldBeFalse();
            var e = await Should.ThrowAsync<PdfUnavailableException>(() => converter.ConvertAsync(docx, TestContext.Current.CancellationToken));
            e.Message.ShouldContain("LibreOffice belum terpasang di server", Case.Sensitive);
            e.Message.ShouldContain("apt-get install libreoffice-writer-nogui", Case.Sensitive);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_program_that_exits_without_a_pdf_or_hangs_is_an_error_not_an_empty_file()
    {
        var dir = Directory.CreateTempSubdirectory("kinerja-fake-soffice-").FullName;
        try
        {
            var silent = Path.Combine(dir, "silent");
            var hanging = Path.Combine(dir, "hanging");
            await File.WriteAllTextAsync(silent, "#!/bin/sh\necho 'Error: source file could not be loaded'\nexit 0\n", TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(hanging, "#!/bin/sh\nexec sleep 30\n", TestContext.Current.CancellationToken);
            File.SetUnixFileMode(silent, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            File.SetUnixFileMode(hanging, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            var docx = PerformanceAgreementDocx.Render(Original);

            var e = await Should.ThrowAsync<PdfConversionException>(() => new PdfConverter(silent).ConvertAsync(docx, TestContext.Current.CancellationToken));
            e.Message.ShouldContain("kode keluar 0", Case.Sensitive);
            e.Message.ShouldContain("source file could not be loaded", Case.Sensitive);

            e = await Should.ThrowAsync<PdfConversionException>(() => new PdfConverter(hanging, timeLimitSeconds: 1).ConvertAsync(docx, TestContext.Current.CancellationToken));
            e.Message.ShouldContain("tidak selesai dalam 1 detik", Case.Sensitive);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    /// <summary>Every paragraph of the body and the footer on its own line, tabs kept.</summary>
    public static string DocxText(byte[] docx)
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = package.MainDocumentPart!;
        var paragraphs = main.Document.Body!.Descendants<Paragraph>()
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

    /// <summary>Runs of spaces and line breaks as one space, so a text that pdftotext spreads out still matches.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ");
}

/// <summary>
/// The two agreements converted once for the class, at the same time (each conversion has its own LibreOffice
/// profile), on first use so the .docx tests run without LibreOffice. Set KINERJA_DOCUMENT_OUTPUT to a folder
/// to keep the .docx, .pdf and page images (pdftoppm, 60 dpi) for a look.
/// </summary>
public sealed class PerformanceAgreementPdfs() : PdfFixture<PerformanceAgreementPdfs.Converted>("kinerja-pk-test-")
{
    public sealed record Pdf(string Path, string Layout, int Pages)
    {
        /// <summary>The text of one page inside a vertical strip (twips from the left edge), in reading order.</summary>
        public Task<string> ColumnAsync(int page, int leftTwips, int widthTwips)
        {
            // pdftotext crops in points at its default 72 dpi; stay 2 pt inside the cell borders.
            static string Points(double twips) => Math.Round(twips / 20).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var p = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Tool("pdftotext", "-layout", "-f", p, "-l", p,
                "-x", Points(leftTwips + 40), "-y", "0", "-W", Points(widthTwips - 80), "-H", "842", Path, "-");
        }
    }

    public sealed record Converted(Pdf Revised, Pdf Original, Pdf Long, int PageImages, TimeSpan Elapsed);

    /// <summary>Without LibreOffice these tests fail (the conversion asserts it) rather than skip.</summary>
    protected override bool SkipWithoutLibreOffice => false;

    protected override async Task<Converted> ConvertAsync(PdfConverter converter)
    {
        converter.IsAvailable.ShouldBeTrue("LibreOffice (apt-get install libreoffice-writer-nogui) is needed to test the PDF");
        var revised = PerformanceAgreementDocx.Render(PerformanceAgreementDocumentTests.Pasrujambe);
        var original = PerformanceAgreementDocx.Render(PerformanceAgreementDocumentTests.Original);
        var clock = Stopwatch.StartNew();
        var pdfs = await Task.WhenAll(converter.ConvertAsync(revised, CancellationToken.None), converter.ConvertAsync(original, CancellationToken.None));
        var elapsed = clock.Elapsed;
        var longDocx = PerformanceAgreementDocx.Render(PerformanceAgreementDocumentTests.Long);
        var longPdf = await converter.ConvertAsync(longDocx, CancellationToken.None);

        var revisedPdf = await ReadAsync("pk-revised", revised, pdfs[0]);
        var originalPdf = await ReadAsync("pk-original", original, pdfs[1]);
        await Tool("pdftoppm", "-png", "-r", "60", revisedPdf.Path, Path.Combine(Folder, "pk-revised"));
        await Tool("pdftoppm", "-png", "-r", "60", originalPdf.Path, Path.Combine(Folder, "pk-original"));
        var images = Directory.GetFiles(Folder, "pk-revised-*.png").Length;
        await NoteElapsedAsync("two conversions in parallel", elapsed);
        return new Converted(revisedPdf, originalPdf, await ReadAsync("pk-long", longDocx, longPdf), images, elapsed);
    }

    private async Task<Pdf> ReadAsync(string name, byte[] docx, byte[] pdf)
    {
        var path = await WriteAsync(name, docx, pdf);
        var layout = await Tool("pdftotext", "-layout", path, "-");
        // pdftotext ends every page with a form feed.
        return new Pdf(path, layout, layout.Count(c => c == '\f'));
    }
}
