using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Kinerja.Documents;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Sop;
using A = DocumentFormat.OpenXml.Drawing;

namespace Kinerja.Tests.Documents;

/// <summary>
/// The SOP AP document of a data-collection procedure written for a sixth agency (six actors, eight steps, a decision
/// that sends incomplete worksheets back, times in minutes, hours and days, a step done by two actors): the identity
/// block and every step read back from the .docx, the flowchart's symbols in their actors' columns, valid Open XML;
/// LibreOffice's PDF holds every field and step on the pages the generator planned, and its pages render.
/// </summary>
public sealed partial class SopDocumentTests(SopDocumentPdfs pdfs) : IClassFixture<SopDocumentPdfs>
{
    public static readonly Letterhead Kop = new("PEMERINTAH PROVINSI JAMBI", "DINAS KOMUNIKASI DAN INFORMATIKA",
        "Jalan Jenderal Ahmad Yani Nomor 4, Telanaipura, Jambi 36122");

    private static SopStep Step(int number, string activity, string[] actors, SopStepKind kind, SopAction action, string inputs,
        SopTime? time, string output, string? note = null, PeriodKind[]? periods = null, int? no = null) =>
        new(number, activity, actors, kind, action, inputs, time, output, note, periods ?? [], NoGoesTo: no);

    public static readonly SopTemplate Template = new(
        "dinas-kominfo-jambi-data-kinerja", "Dinas Komunikasi dan Informatika", "Provinsi Jambi", "impor",
        new SopIdentity(
            "800/125/DISKOMINFO/2025", "2 Januari 2025", null, "6 Januari 2025",
            "Dr. Ariansyah Putra, S.T., M.Si.", "Kepala Dinas Komunikasi dan Informatika", "Pembina Utama Muda (IV/c)", "197505122000031004",
            "SOP PENGUMPULAN DATA KINERJA TRIWULANAN",
            [
                "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah",
                "Peraturan Menteri PAN dan RB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu",
                "Peraturan Gubernur Jambi Nomor 33 Tahun 2016 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi",
            ],
            ["Memahami perencanaan pembangunan daerah", "Memahami pengelolaan keuangan daerah", "Mampu mengolah data sederhana"],
            ["SOP Penyusunan Laporan Realisasi Fisik dan Keuangan", "SOP Pengukuran Kinerja"],
            ["ATK", "Komputer/Laptop", "Printer"],
            ["Pengukuran kinerja terkendala jika data tidak dikumpulkan tepat waktu"],
            ["Indikator kinerja, target, realisasi dan persentase capaian"]),
        [
            new("kadis", "Kepala Dinas", Role.Head),
            new("sekdis", "Sekretaris", Role.Secretary),
            new("kabid", "Seluruh Kabid/ Kasubbag", Role.UnitHead),
            new("kasubbag", "Kasubbag Program", Role.Coordinator),
            new("analis", "Analis Kinerja", Role.Staff),
            new("pengadm", "Pengadministrasi Umum", Role.Staff),
        ],
        [
            Step(1, "Kepala Dinas menugaskan Sekretaris mengoordinasikan pengumpulan data kinerja triwulan", ["kadis"],
                SopStepKind.Start, SopAction.OpenRound, "Surat Sekda", new(15, TimeUnit.Minutes), "Disposisi"),
            Step(2, "Menyiapkan kertas kerja laporan kinerja dan mengirimkannya ke setiap bidang untuk diisi", ["sekdis", "kasubbag"],
                SopStepKind.Process, SopAction.Distribute, "Disposisi", new(2, TimeUnit.Hours), "Kertas kerja terdistribusi", "SOP Alur Surat Masuk dan Keluar"),
            Step(3, "Menerima kertas kerja, mengukur dan mengisi data capaian kinerja, lalu menyerahkannya ke Kasubbag Program", ["kabid"],
                SopStepKind.Process, SopAction.FillAndSubmit, "Form kertas kerja", new(3, TimeUnit.Days), "Data kinerja"),
            Step(4, "Memeriksa kertas kerja yang telah terisi data kinerja dan bukti dukungnya", ["analis"],
                SopStepKind.Process, SopAction.VerifyOrReturn, "Data kinerja", new(1.5m, TimeUnit.Days), "Hasil pemeriksaan"),
            Step(5, "Apakah data kinerja lengkap dan valid?", ["kasubbag"],
                SopStepKind.Decision, SopAction.None, "Hasil pemeriksaan", new(30, TimeUnit.Minutes), "Data kinerja yang valid",
                "Jika tidak, kertas kerja dikembalikan ke bidang", no: 3),
            Step(6, "Merekapitulasi data kinerja seluruh bidang", ["analis"],
                SopStepKind.Process, SopAction.Recap, "Data kinerja yang valid", new(2, TimeUnit.Days), "Rekapitulasi data kinerja",
                periods: [PeriodKind.Quarter, PeriodKind.Semester]),
            Step(7, "Menggandakan rekapitulasi dan mengarsipkan kertas kerja", ["pengadm"],
                SopStepKind.Process, SopAction.Copies, "Rekapitulasi data kinerja", new(1, TimeUnit.Hours), "Arsip kertas kerja"),
            Step(8, "Menerima rekapitulasi data kinerja sebagai bahan laporan kinerja", ["kadis"],
                SopStepKind.End, SopAction.None, "Rekapitulasi data kinerja", new(1, TimeUnit.Days), "Bahan laporan kinerja"),
        ],
        [
            "Kolom waktu pada dokumen sumber bertajuk \"Merit\"; dibaca sebagai Waktu.",
            "Baris 4 dan 5 pada dokumen sumber tertulis dalam satu sel.",
        ]);

    /// <summary>Identity values as they must read back (the NIP in groups); the revision date is empty in the template.</summary>
    public static readonly string[] IdentityTexts =
    [
        "PEMERINTAH PROVINSI JAMBI", "DINAS KOMUNIKASI DAN INFORMATIKA", "Nomor SOP", "800/125/DISKOMINFO/2025",
        "Tanggal Pembuatan", "2 Januari 2025", "Tanggal Revisi", "Tanggal Efektif/Pengesahan", "6 Januari 2025", "Disahkan oleh",
        "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA", "Dr. Ariansyah Putra, S.T., M.Si.", "Pembina Utama Muda (IV/c)",
        "NIP. 19750512 200003 1 004", "Nama SOP", "SOP PENGUMPULAN DATA KINERJA TRIWULANAN",
        "Dasar Hukum:", "Kualifikasi Pelaksana:", "Keterkaitan:", "Peralatan/Perlengkapan:", "Peringatan:", "Pencatatan dan Pendataan:",
    ];

    public static IEnumerable<string> ListItems(SopIdentity id) =>
        id.LegalBasis.Concat(id.Qualifications).Concat(id.Related).Concat(id.Equipment).Concat(id.Warnings).Concat(id.Recording);

    public static readonly string[] Times = ["15 menit", "2 jam", "3 hari", "1,5 hari", "30 menit", "2 hari", "1 jam", "1 hari"];

    [Fact]
    public void The_test_template_is_a_valid_sop() => SopTemplateRules.Problems(Template).ShouldBeEmpty();

    [Fact]
    public void Standard_times_print_with_their_unit()
    {
        Template.Steps.Select(s => SopDocumentDocx.Time(s.Time)).ShouldBe(Times);
        SopDocumentDocx.Time(null).ShouldBe("");
    }

    [Fact]
    public void The_docx_is_valid_open_xml_in_a4_landscape()
    {
        foreach (var docx in new[] { SopDocumentDocx.Build(Template, Kop), SopDocumentDocx.Build(Template, null), SopDocumentDocx.Build(Long, null) })
        {
            using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
            var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(package).ToList();
            errors.ShouldBeEmpty(string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
            var size = package.MainDocumentPart!.Document.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
            ((int)size.Width!.Value).ShouldBe(16838);
            ((int)size.Height!.Value).ShouldBe(11906);
            size.Orient!.Value.ShouldBe(PageOrientationValues.Landscape);
        }
    }

    [Fact]
    public void The_identity_block_holds_every_field_and_prints_empty_ones_empty()
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(SopDocumentDocx.Build(Template, Kop)), false);
        var identity = package.MainDocumentPart!.Document.Body!.Elements<Table>().First();
        var paragraphs = identity.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        foreach (var expected in IdentityTexts) paragraphs.ShouldContain(expected);
        foreach (var (item, i) in Template.Identity.LegalBasis.Select((x, i) => (x, i))) paragraphs.ShouldContain((i + 1) + "." + item);
        foreach (var item in ListItems(Template.Identity)) paragraphs.ShouldContain(p => p.EndsWith("." + item, StringComparison.Ordinal));
        paragraphs.ShouldContain("Jalan Jenderal Ahmad Yani Nomor 4, Telanaipura, Jambi 36122");

        // Label and value sit side by side; the revision date stays empty rather than invented.
        var rows = identity.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        rows.Single(r => r[1] == "Tanggal Revisi")[2].ShouldBe("");
        rows.Single(r => r[1] == "Nomor SOP")[2].ShouldBe("800/125/DISKOMINFO/2025");
        rows.Single(r => r[1] == "Tanggal Efektif/Pengesahan")[2].ShouldBe("6 Januari 2025");

        // Without a letterhead, the template's own government and agency head the kop.
        var plain = DocxParagraphs(SopDocumentDocx.Build(Template, null));
        plain.ShouldContain("PROVINSI JAMBI");
        plain.ShouldContain("DINAS KOMUNIKASI DAN INFORMATIKA");
        plain.ShouldNotContain("PEMERINTAH PROVINSI JAMBI");
    }

    [Fact]
    public void The_procedure_table_holds_every_step_under_its_actor_headings()
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(SopDocumentDocx.Build(Template, Kop)), false);
        var tables = ProcedureTables(package);
        tables.Count.ShouldBeGreaterThan(0);
        foreach (var table in tables)
        {
            var headers = table.Elements<TableRow>().Where(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null).ToList();
            headers.Count.ShouldBe(2, "both header rows repeat on every page");
            headers[0].Elements<TableCell>().Select(c => c.InnerText).ShouldBe(["No", "Kegiatan", "Pelaksana", "Mutu Baku", "Keterangan"]);
            headers[1].Elements<TableCell>().Select(c => c.InnerText).ShouldBe(
                ["", "", .. Template.Actors.Select(a => a.Title), "Kelengkapan", "Waktu", "Output", ""]);
        }

        var steps = StepRows(tables);
        steps.Keys.ShouldBe(Template.Steps.Select(s => s.Number));
        foreach (var s in Template.Steps)
        {
            var cells = steps[s.Number].Elements<TableCell>().ToList();
            cells.Count.ShouldBe(2 + Template.Actors.Count + 4);
            cells[1].InnerText.ShouldBe(s.Activity);
            cells[^4].InnerText.ShouldBe(s.Inputs);
            cells[^3].InnerText.ShouldBe(SopDocumentDocx.Time(s.Time));
            cells[^2].InnerText.ShouldBe(s.Output);
        }

        CellText(steps[2], 2 + 6 + 3).ShouldBe("SOP Alur Surat Masuk dan Keluar");
        CellText(steps[5], 2 + 6 + 3).ShouldBe("Jika tidak, kertas kerja dikembalikan ke bidang");
        CellText(steps[6], 2 + 6 + 3).ShouldBe("Periode triwulanan, semesteran");

        var paragraphs = DocxParagraphs(SopDocumentDocx.Build(Template, Kop));
        paragraphs.ShouldContain("Catatan sumber");
        paragraphs.ShouldContain("1.Kolom waktu pada dokumen sumber bertajuk \"Merit\"; dibaca sebagai Waktu.");
        paragraphs.ShouldContain("2.Baris 4 dan 5 pada dokumen sumber tertulis dalam satu sel.");
    }

    [Fact]
    public void The_flowchart_puts_each_symbol_in_its_actors_columns_joined_by_arrows()
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(SopDocumentDocx.Build(Template, Kop)), false);
        var tables = ProcedureTables(package);
        var body = package.MainDocumentPart!.Document.Body!;
        var symbols = Shapes(body).Where(s => s.Preset != A.ShapeTypeValues.StraightConnector1 && s.Preset != A.ShapeTypeValues.Rectangle).ToList();
        symbols.Count(s => s.Preset == A.ShapeTypeValues.FlowChartTerminator).ShouldBe(2);
        symbols.Count(s => s.Preset == A.ShapeTypeValues.FlowChartDecision).ShouldBe(1);
        symbols.Count(s => s.Preset == A.ShapeTypeValues.FlowChartProcess).ShouldBe(6, "steps 2 (in two columns), 3, 4, 6, 7");

        // Every break between procedure pages has a pair of off-page connectors with the number of the step that follows.
        var connectors = symbols.Where(s => s.Preset == A.ShapeTypeValues.FlowChartOffpageConnector).Select(s => s.Text).ToList();
        connectors.Count.ShouldBe(2 * (tables.Count - 1));
        for (var p = 1; p < tables.Count; p++)
        {
            var first = StepRows([tables[p]]).Keys.First().ToString();
            connectors.Count(c => c == first).ShouldBe(2);
        }

        // Symbols sit in the columns of the step's actors: step 2 in Sekretaris and Kasubbag Program, the decision in Kasubbag Program.
        var steps = StepRows(tables);
        foreach (var s in Template.Steps)
        {
            var columns = steps[s.Number].Elements<TableCell>().Skip(2).Take(Template.Actors.Count)
                .Select((c, i) => (i, Symbols: Shapes(c).Count(x => x.Preset != A.ShapeTypeValues.StraightConnector1 && x.Preset != A.ShapeTypeValues.Rectangle)))
                .Where(x => x.Symbols > 0).Select(x => Template.Actors[x.i].Key).ToList();
            columns.ShouldBe(Template.Actors.Select(a => a.Key).Where(k => s.Actors.Contains(k)), $"step {s.Number}");
        }

        // Arrows: one into every step but the first, plus the decision's way back to step 3, labelled "Tidak" and "Ya".
        var arrows = Shapes(body).Count(s => s.Preset == A.ShapeTypeValues.StraightConnector1 && s.Arrow);
        arrows.ShouldBe(Template.Steps.Count - 1 + 1 + (tables.Count - 1));
        var labels = Shapes(steps[5]).Where(s => s.Preset == A.ShapeTypeValues.Rectangle).Select(s => s.Text).ToList();
        labels.ShouldBe(["Ya", "Tidak"], ignoreOrder: true);
        Shapes(steps[5]).Count(s => s.Preset == A.ShapeTypeValues.StraightConnector1 && s.Dashed).ShouldBe(0);
        Shapes(steps[2]).Count(s => s.Preset == A.ShapeTypeValues.StraightConnector1 && s.Dashed).ShouldBe(3, "the two copies of step 2 are joined by a dashed line, one piece per cell it crosses");
    }

    /// <summary>Twelve steps: the decision at step 11 sends the flow back to step 2, too far to draw, so it names the step in a connector.</summary>
    public static readonly SopTemplate Long = Template with
    {
        Steps =
        [
            .. Template.Steps.Take(4),
            Step(5, "Menerima dan memeriksa kertas kerja yang telah terisi data kinerja. Jika memerlukan konfirmasi langsung menghubungi "
                + "Seksi/Subbag bersangkutan melalui telepon atau surat elektronik, lalu mencatat hasil konfirmasi pada lembar kendali "
                + "pemeriksaan beserta nama petugas yang dihubungi, tanggal dan jam konfirmasi", ["analis", "kasubbag"], SopStepKind.Process, SopAction.None,
                "Persyaratan/Kelengkapan: kertas kerja terisi, bukti dukung capaian, lembar kendali pemeriksaan, daftar kontak Seksi/Subbag",
                new(2, TimeUnit.Days), "Data kinerja yang valid beserta lembar kendali pemeriksaan yang telah diparaf",
                "Konfirmasi dilakukan paling lambat dua hari kerja setelah kertas kerja diterima (PermenPAN-RB 35/2012)"),
            .. Enumerable.Range(6, 5).Select(n => Step(n, "Menelaah data kinerja bidang ke-" + (n - 5), ["analis"], SopStepKind.Process, SopAction.None,
                "Data kinerja", new(1, TimeUnit.Hours), "Catatan telaah")),
            Step(11, "Apakah seluruh data telah valid?", ["pengadm"], SopStepKind.Decision, SopAction.None, "Catatan telaah",
                new(15, TimeUnit.Minutes), "Data valid", no: 2),
            Step(12, "Selesai", ["kadis"], SopStepKind.End, SopAction.None, "Data valid", null, "Rekapitulasi"),
        ],
    };

    [Fact]
    public void A_far_loop_back_ends_in_a_connector_with_the_target_step()
    {
        SopTemplateRules.Problems(Long).ShouldBeEmpty();
        using var package = WordprocessingDocument.Open(new MemoryStream(SopDocumentDocx.Build(Long, null)), false);
        var tables = ProcedureTables(package);
        var decision = StepRows(tables)[11];
        var shapes = Shapes(decision);
        shapes.Where(s => s.Preset == A.ShapeTypeValues.FlowChartOffpageConnector).Select(s => s.Text).ShouldBe(["2"]);
        shapes.Where(s => s.Preset == A.ShapeTypeValues.Rectangle).Select(s => s.Text).ShouldBe(["Ya", "Tidak"], ignoreOrder: true);
        // The decision is in the last column, so the branch leaves to the left, into the column before it.
        var cells = decision.Elements<TableCell>().Skip(2).Take(Long.Actors.Count).ToList();
        Shapes(cells[4]).Select(s => s.Preset).ShouldContain(A.ShapeTypeValues.FlowChartOffpageConnector);
        StepRows(tables)[12].Elements<TableCell>().ElementAt(2 + 6 + 1).InnerText.ShouldBe("", "no standard time given, none printed");
    }

    [Fact]
    public void Each_seed_sop_renders_with_every_step_in_its_actors_columns()
    {
        foreach (var seed in BuiltInSops.All)
        {
            var docx = SopDocumentDocx.Build(seed, null);
            if (Environment.GetEnvironmentVariable("KINERJA_DOCUMENT_OUTPUT") is { Length: > 0 } keep)
                File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(keep).FullName, seed.Id + ".docx"), docx);
            using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
            new OpenXmlValidator(FileFormatVersions.Office2019).Validate(package).ShouldBeEmpty(seed.Id);
            var steps = StepRows(ProcedureTables(package));
            steps.Keys.ShouldBe(seed.Steps.Select(s => s.Number), seed.Id);
            foreach (var s in seed.Steps)
            {
                steps[s.Number].Elements<TableCell>().ElementAt(1).InnerText.ShouldBe(s.Activity, seed.Id);
                var symbols = steps[s.Number].Elements<TableCell>().Skip(2).Take(seed.Actors.Count)
                    .Select((c, i) => (i, Count: Shapes(c).Count(x => x.Preset != A.ShapeTypeValues.StraightConnector1 && x.Preset != A.ShapeTypeValues.Rectangle
                        && x.Preset != A.ShapeTypeValues.FlowChartOffpageConnector)))
                    .Where(x => x.Count > 0).Select(x => seed.Actors[x.i].Key).ToList();
                symbols.ShouldBe(seed.Actors.Select(a => a.Key).Where(k => s.Actors.Contains(k, StringComparer.OrdinalIgnoreCase)), $"{seed.Id} step {s.Number}");
            }

            var paragraphs = package.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
            paragraphs.ShouldContain(seed.Identity.Name);
            foreach (var fact in seed.Facts) paragraphs.ShouldContain(p => p.EndsWith(fact.Trim(), StringComparison.Ordinal), seed.Id);
        }
    }

    // ---- the PDF ------------------------------------------------------------------------------

    [Fact]
    public async Task The_pdf_holds_every_field_and_step_and_renders()
    {
        var pdf = (await pdfs.GetAsync()).Sop;
        var all = Collapse(string.Join(" ", pdf.Pages));
        foreach (var expected in IdentityTexts.Concat(ListItems(Template.Identity))) all.ShouldContain(Collapse(expected), Case.Sensitive);
        foreach (var s in Template.Steps)
        {
            foreach (var text in new[] { s.Activity, s.Inputs!, s.Output! }) all.ShouldContain(Collapse(text), Case.Sensitive);
        }

        // A title wider than its column breaks inside the word (Pengadmini strasi), as Word breaks it.
        foreach (var actor in Template.Actors) Squeeze(all).ShouldContain(Squeeze(actor.Title), Case.Sensitive);
        foreach (var time in Times) all.ShouldContain(time, Case.Sensitive);
        all.ShouldContain("Catatan sumber", Case.Sensitive);
        all.ShouldContain(Collapse(Template.Facts[0]), Case.Sensitive);
        all.ShouldContain("Halaman 1 dari " + pdf.Pages.Count, Case.Sensitive);
        pdf.Pages[0].ShouldContain("Nomor SOP");
        pdf.Pages[0].ShouldNotContain("Kelengkapan");
        PlannedPages(pdf, Template);
    }

    [Fact]
    public async Task A_procedure_longer_than_a_page_breaks_where_the_generator_planned()
    {
        var pdf = (await pdfs.GetAsync()).Long;
        using var package = WordprocessingDocument.Open(new MemoryStream(pdf.Docx), false);
        ProcedureTables(package).Count.ShouldBeGreaterThan(1, "twelve steps do not fit one landscape page");
        PlannedPages(pdf, Long);
        foreach (var s in Long.Steps) Squeeze(string.Join("", pdf.Pages)).ShouldContain(Squeeze(s.Activity), Case.Sensitive);
    }

    /// <summary>
    /// Page 1 is the identity block; each procedure table fills exactly one page, as the generator cut it (no row spilled
    /// over, no text cut off by the exact row heights); every page renders.
    /// </summary>
    private static void PlannedPages(SopDocumentPdfs.Pdf pdf, SopTemplate template)
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(pdf.Docx), false);
        var tables = ProcedureTables(package);
        pdf.Pages.Count.ShouldBe(1 + tables.Count);
        for (var p = 0; p < tables.Count; p++)
        {
            // Squeezed: LibreOffice also breaks lines after "/" and "-" (Persyaratan/ Kelengkapan).
            var page = Squeeze(pdf.Pages[1 + p]);
            page.ShouldContain("Kelengkapan");
            foreach (var number in StepRows([tables[p]]).Keys)
            {
                var s = template.Steps.Single(x => x.Number == number);
                foreach (var text in new[] { s.Activity, s.Inputs!, s.Output!, s.Note ?? "" }) page.ShouldContain(Squeeze(text), Case.Sensitive);
            }
        }

        pdf.Images.Count.ShouldBe(pdf.Pages.Count);
        pdf.Images.ShouldAllBe(i => i > 0);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private sealed record ShapeInfo(A.ShapeTypeValues Preset, string Text, bool Arrow, bool Dashed);

    private static List<ShapeInfo> Shapes(OpenXmlElement scope) =>
        scope.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Anchor>().Select(a =>
        {
            var outline = a.Descendants<A.Outline>().FirstOrDefault();
            return new ShapeInfo(a.Descendants<A.PresetGeometry>().Single().Preset!.Value,
                string.Concat(a.Descendants<TextBoxContent>().Select(t => t.InnerText)),
                outline?.GetFirstChild<A.TailEnd>() is not null, outline?.GetFirstChild<A.PresetDash>() is not null);
        }).ToList();

    private static List<Table> ProcedureTables(WordprocessingDocument package) =>
        package.MainDocumentPart!.Document.Body!.Elements<Table>().Skip(1).ToList();

    /// <summary>Step rows by the number in their first cell (connector rows have none).</summary>
    private static Dictionary<int, TableRow> StepRows(IEnumerable<Table> tables) =>
        tables.SelectMany(t => t.Elements<TableRow>())
            .Where(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is null && r.Elements<TableCell>().First().InnerText.Length > 0)
            .ToDictionary(r => int.Parse(r.Elements<TableCell>().First().InnerText, System.Globalization.CultureInfo.InvariantCulture));

    private static string CellText(TableRow row, int index) =>
        string.Join("\n", row.Elements<TableCell>().ElementAt(index).Elements<Paragraph>().Select(p => p.InnerText));

    private static List<string> DocxParagraphs(byte[] docx)
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return package.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>The text without white space and hyphens: pdftotext joins a word hyphenated at a line end (PermenPAN-RB → PermenPANRB).</summary>
    public static string Squeeze(string text) => Whitespace().Replace(text, "").Replace("-", "", StringComparison.Ordinal);
}

/// <summary>
/// The SOP document and the twelve-step variant converted once for the class, in parallel, on first use (the .docx
/// tests run without LibreOffice), read with pdftotext page by page, rendered with pdftoppm at 50 dpi. Set
/// KINERJA_DOCUMENT_OUTPUT to keep the files for a look.
/// </summary>
public sealed class SopDocumentPdfs() : PdfFixture<SopDocumentPdfs.Converted>("kinerja-sop-test-")
{
    public sealed record Pdf(byte[] Docx, IReadOnlyList<string> Pages, IReadOnlyList<long> Images);

    public sealed record Converted(Pdf Sop, Pdf Long);

    protected override async Task<Converted> ConvertAsync(PdfConverter converter)
    {
        var docx = new[] { SopDocumentDocx.Build(SopDocumentTests.Template, SopDocumentTests.Kop), SopDocumentDocx.Build(SopDocumentTests.Long, null) };
        var pdfs = await Task.WhenAll(docx.Select(d => converter.ConvertAsync(d, CancellationToken.None)));
        return new Converted(await ReadAsync("sop", docx[0], pdfs[0]), await ReadAsync("sop-long", docx[1], pdfs[1]));
    }

    private async Task<Pdf> ReadAsync(string name, byte[] docx, byte[] pdf)
    {
        var path = await WriteAsync(name, docx, pdf);
        var text = await PerformanceAgreementPdfs.Tool("pdftotext", path, "-");
        // pdftotext ends every page with a form feed.
        var pages = text.Split('\f')[..^1];
        var prefix = Path.Combine(Folder, name + "-page");
        await PerformanceAgreementPdfs.Tool("pdftoppm", "-png", "-r", "50", path, prefix);
        var images = Directory.GetFiles(Folder, name + "-page-*.png").Order().Select(f => new FileInfo(f).Length).ToList();
        return new Pdf(docx, pages, images);
    }
}
