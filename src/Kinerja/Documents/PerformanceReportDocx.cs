using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kinerja.Domain.Achievement;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Reports;
using static Kinerja.Documents.DocxKit;

namespace Kinerja.Documents;

/// <summary>
/// Writes a <see cref="PerformanceReportDocument"/> as a Word document (A4 portrait, Arial) in the PermenPAN-RB
/// 53/2014 structure: cover with the kop surat, table of contents, Ikhtisar Eksekutif, Bab I-IV, Lampiran. Bab III A
/// analyses each objective in seven parts with tables and a native column chart; Bab IV ends with the signature
/// (and, once signed, the verification QR). The table of contents is written out with <c>PAGEREF</c> fields to
/// bookmarks on the headings, which LibreOffice fills when it makes the PDF (it never updates a TOC field headless);
/// Word offers to refresh them on opening.
/// </summary>
public static class PerformanceReportDocx
{
    /// <summary>Printed, in brackets with the section's title, where nobody has written a narrative yet.</summary>
    public const string Placeholder = "Belum diisi";

    private const string SeriesPeriod = "4472C4";
    private const string SeriesToDate = "ED7D31";
    private const string ChartFormat = "[$-421]#,##0.00";

    /// <summary>The document as .docx bytes.</summary>
    /// <exception cref="ArgumentException">The kind does not match the period (e.g. a quarterly report on a year).</exception>
    public static byte[] Build(PerformanceReportDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.Period.Kind != PerformanceReportDocument.PeriodKindOf(d.Kind))
            throw new ArgumentException($"A {d.Kind} report covers a {PerformanceReportDocument.PeriodKindOf(d.Kind)}, not {d.Period}.", nameof(d));
        ArgumentOutOfRangeException.ThrowIfLessThan(d.Version, 1);

        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<DocumentSettingsPart>().Settings = Settings(updateFields: true);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = PageHeader(d);
            var firstHeader = main.AddNewPart<HeaderPart>();
            firstHeader.Header = CoverHeader(d);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageFooter(d);
            var firstFooter = main.AddNewPart<FooterPart>();
            firstFooter.Footer = new Footer(Para(Props(JustificationValues.Left)));

            var body = new Body();
            body.Append(new Writer(d, main).Write());
            var section = Section(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstHeader) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new FooterReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstFooter) });
            section.Append(new TitlePage());
            body.Append(section);
            main.Document = new Document(body);

            package.PackageProperties.Title = d.Title;
            package.PackageProperties.Subject = d.AgencyName;
            package.PackageProperties.Language = "id-ID";
            package.PackageProperties.Version = Int(d.Version);
        }

        return stream.ToArray();
    }

    private static string DraftLabel(PerformanceReportDocument d) => "DRAF Versi " + Int(d.Version);

    // ---- header and footer -----------------------------------------------------------------

    /// <summary>Every page but the cover: DRAF and the version on the left of a draft, the title on the right.</summary>
    private static Header PageHeader(PerformanceReportDocument d)
    {
        var props = Props(JustificationValues.Left);
        props.ParagraphBorders = new ParagraphBorders { BottomBorder = new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 4, Color = "000000" } };
        props.Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidth });
        var paragraph = Para(props);
        if (d.IsDraft) paragraph.Append(Run(DraftLabel(d), bold: true, size: "16", colour: "C00000"));
        paragraph.Append(Run("\t" + d.Title, italic: true, size: "16"));
        return new Header(paragraph);
    }

    private static Header CoverHeader(PerformanceReportDocument d) =>
        new(d.IsDraft
            ? Para(Props(JustificationValues.Right), Run(DraftLabel(d) + " - belum ditandatangani", bold: true, size: "18", colour: "C00000"))
            : Para(Props(JustificationValues.Right)));

    /// <summary>The verification code (or DRAF and the version) on the left, "Halaman X dari Y" on the right.</summary>
    private static Footer PageFooter(PerformanceReportDocument d)
    {
        var props = Props(JustificationValues.Left);
        props.ParagraphBorders = new ParagraphBorders { TopBorder = new TopBorder { Val = BorderValues.Single, Size = 4, Space = 4, Color = "000000" } };
        props.Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidth });
        var paragraph = Para(props);
        paragraph.Append(d.IsDraft
            ? Run(DraftLabel(d) + " - belum ditandatangani", bold: true, size: "16", colour: "C00000")
            : Run("Kode verifikasi: " + d.VerificationCode!.Trim(), size: "16"));
        paragraph.Append(Run("\tHalaman ", size: "16"));
        paragraph.Append(Field("PAGE", "1", "16"));
        paragraph.Append(Run(" dari ", size: "16"));
        paragraph.Append(Field("NUMPAGES", "1", "16"));
        return new Footer(paragraph);
    }

    /// <summary>Writes the body in order and remembers the headings for the table of contents.</summary>
    private sealed class Writer(PerformanceReportDocument d, MainDocumentPart main)
    {
        private readonly List<OpenXmlElement> body = [];
        private readonly List<(int Level, string Text, string Bookmark)> toc = [];
        private readonly bool annual = d.Kind == ReportKind.Annual;
        private readonly IReadOnlyList<ReportSection> sections = ReportSections.For(d.Objectives.Select(o => o.Code));
        private int bookmarks;
        private uint drawings;
        private int tables;
        private int charts;

        public IEnumerable<OpenXmlElement> Write()
        {
            Cover();
            var tocAt = body.Count;
            ExecutiveSummary();
            ChapterOne();
            ChapterTwo();
            ChapterThree();
            ChapterFour();
            Attachments();
            body.InsertRange(tocAt, Contents());
            return body;
        }

        // ---- cover and contents ---------------------------------------------------------

        private void Cover()
        {
            body.AddRange(LetterheadParagraphs(d.Letterhead));
            string[] lines = d.Kind switch
            {
                ReportKind.Annual => ["LAPORAN KINERJA INSTANSI PEMERINTAH", "(LKjIP)"],
                ReportKind.Semester => ["LAPORAN KINERJA", "SEMESTER " + Roman(d.Period.Number)],
                _ => ["LAPORAN KINERJA", "TRIWULAN " + Roman(d.Period.Number)],
            };
            for (var i = 0; i < lines.Length; i++)
                body.Add(Para(Props(JustificationValues.Center, before: i == 0 ? 2800 : 120), Run(lines[i], bold: true, size: "40")));
            body.Add(Para(Props(JustificationValues.Center, before: 120), Run("TAHUN " + Int(d.Period.Year), bold: true, size: "40")));
            body.Add(Para(Props(JustificationValues.Center, before: 2400), Run(Upper(d.AgencyName), bold: true, size: "32")));
            body.Add(Para(Props(JustificationValues.Center, before: 2400), Run(Upper(d.Letterhead.Government), bold: true, size: "26")));
            body.Add(Para(Props(JustificationValues.Center, before: 60), Run(Int(d.Date.Year), bold: true, size: "26")));
            if (d.IsDraft)
                body.Add(Para(Props(JustificationValues.Center, before: 600), Run(DraftLabel(d), bold: true, size: "28", colour: "C00000")));
        }

        private IEnumerable<OpenXmlElement> Contents()
        {
            var title = Props(JustificationValues.Center, after: 360);
            title.PageBreakBefore = new PageBreakBefore();
            yield return Para(title, Run("DAFTAR ISI", bold: true, size: "28"));
            var head = Props(JustificationValues.Right, after: 80);
            yield return Para(head, Run("Halaman", bold: true, size: "20"));
            foreach (var (level, text, bookmark) in toc)
            {
                var link = new Hyperlink { Anchor = bookmark, History = true };
                link.Append(Run(text + "\t"));
                link.Append(Field("PAGEREF " + bookmark + " \\h", "1"));
                yield return Para(Props(JustificationValues.Left, style: "TOC" + Int(level)), link);
            }
        }

        private Paragraph Heading(int level, string text, bool inContents = true)
        {
            var name = "_Toc" + (++bookmarks).ToString("000000", CultureInfo.InvariantCulture);
            var id = Int(bookmarks);
            if (inContents && level <= 3) toc.Add((level, text, name));
            return Para(Props(level == 1 ? JustificationValues.Center : JustificationValues.Left, style: "Heading" + Int(level)),
                new BookmarkStart { Name = name, Id = id }, Run(text), new BookmarkEnd { Id = id });
        }

        // ---- text -----------------------------------------------------------------------

        /// <summary>The narrative of a section, one paragraph per line; a visible placeholder when nobody wrote it.</summary>
        private void Narrative(string key)
        {
            var text = d.Narratives.TryGetValue(key, out var t) ? t : null;
            var lines = (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count == 0)
            {
                var title = sections.FirstOrDefault(s => s.Key == key)?.Title ?? key;
                body.Add(Para(Props(JustificationValues.Left, after: 120),
                    Run("[" + Placeholder + ": " + title + "]", italic: true, colour: "C00000")));
                return;
            }

            foreach (var line in lines) body.Add(Prose(line));
        }

        private static Paragraph Prose(string text) => Para(Props(JustificationValues.Both, after: 120, line: 300), Run(text));

        private static Paragraph Note(string text) => Para(Props(JustificationValues.Left, before: 40), Run(text, italic: true, size: "16"));

        private Paragraph TableCaption(string text) =>
            Para(Props(JustificationValues.Center, style: "Caption"), Run($"Tabel {Int(++tables)} {text}"));

        private Paragraph ChartCaption(string text) =>
            Para(Props(JustificationValues.Center, style: "Caption"), Run($"Grafik {Int(++charts)} {text}"));

        private string PeriodName => d.PeriodWords;

        /// <summary>From 1 January through the period's end: "s.d. Triwulan II Tahun 2026"; a year is simply "Tahun 2026".</summary>
        private string ToDate => annual ? d.PeriodWords : "s.d. " + d.PeriodWords;

        private static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => Int(n) };

        /// <summary>"95,25 % (Sangat Tinggi)", or why it was not computed.</summary>
        private static string Sentence(ReportAchievement a) =>
            a.Percent is { } p
                ? IndonesianFormat.Percent(AchievementCalculator.Round(p)) + (a.Category is { } c ? " (kategori " + c + ")" : "")
                : "belum dapat dihitung" + (string.IsNullOrWhiteSpace(a.Reason) ? "" : " (" + a.Reason.Trim().TrimEnd('.') + ")");

        // ---- Ikhtisar Eksekutif ---------------------------------------------------------

        private void ExecutiveSummary()
        {
            body.Add(Heading(1, "IKHTISAR EKSEKUTIF"));
            Narrative(ReportSections.ExecutiveSummary);
            var count = d.Objectives.Count;
            body.Add(Prose($"Capaian kinerja {d.AgencyName} {ToDate}, rata-rata dari {Int(count)} sasaran strategis, adalah {Sentence(d.AgencyAchievement)}."
                + (annual ? "" : $" Capaian {PeriodName} saja adalah {Sentence(d.AgencyPeriodAchievement)}.")));
            body.Add(TableCaption("Ringkasan Capaian Sasaran " + PeriodName));
            body.Add(ObjectiveSummaryTable());
        }

        private Table ObjectiveSummaryTable()
        {
            int[] widths = annual ? [397, 5386, 1644, 1644] : [397, 4252, 1474, 1474, 1474];
            var table = GridTable(widths);
            table.Append(annual
                ? HeaderRow(widths, "No", "Sasaran", "Capaian", "Kategori")
                : HeaderRow(widths, "No", "Sasaran", "Capaian " + PeriodName, "Capaian " + ToDate, "Kategori"));
            for (var i = 0; i < d.Objectives.Count; i++)
            {
                var o = d.Objectives[i];
                var cells = new List<TableCell>
                {
                    TextCell(widths[0], Int(i + 1) + ".", JustificationValues.Center),
                    TextCell(widths[1], o.Code + " " + o.Name),
                };
                if (!annual) cells.Add(TextCell(widths[2], Percent(o.PeriodAchievement.Percent), JustificationValues.Center));
                cells.Add(TextCell(widths[^2], Percent(o.Achievement.Percent), JustificationValues.Center));
                cells.Add(CategoryCell(widths[^1], o.Achievement));
                table.Append(Row([.. cells]));
            }

            var total = new List<TableCell>
            {
                TextCell(widths[0] + widths[1], "Rata-rata capaian kinerja " + d.AgencyName, JustificationValues.Center, bold: true, span: 2),
            };
            if (!annual) total.Add(TextCell(widths[2], Percent(d.AgencyPeriodAchievement.Percent), JustificationValues.Center, bold: true));
            total.Add(TextCell(widths[^2], Percent(d.AgencyAchievement.Percent), JustificationValues.Center, bold: true));
            total.Add(CategoryCell(widths[^1], d.AgencyAchievement, bold: true));
            table.Append(Row([.. total]));
            return table;
        }

        private static TableCell CategoryCell(int width, ReportAchievement a, bool bold = false) =>
            a.Category is { } c ? Shade(TextCell(width, c, JustificationValues.Center, bold: bold), a.CategoryColour) : TextCell(width, "-", JustificationValues.Center);

        // ---- Bab I, II ------------------------------------------------------------------

        private void ChapterOne()
        {
            body.Add(Heading(1, "BAB I PENDAHULUAN"));
            body.Add(Heading(2, "A. Gambaran Umum Organisasi"));
            Narrative(ReportSections.Introduction);
            body.Add(Heading(2, "B. Isu Strategis"));
            Narrative(ReportSections.StrategicIssues);
        }

        private void ChapterTwo()
        {
            var plan = d.StrategicPlan;
            var years = Int(plan.FirstYear) + "-" + Int(plan.LastYear);
            body.Add(Heading(1, "BAB II PERENCANAAN KINERJA"));
            Narrative(ReportSections.Planning);
            body.Add(Heading(2, "A. Rencana Strategis Tahun " + years));
            body.Add(Prose($"Rencana Strategis {d.AgencyName} Tahun {years} menetapkan {Int(plan.Objectives.Count)} sasaran strategis "
                + $"dengan {Int(plan.Objectives.Sum(o => o.Indicators.Count))} indikator kinerja dan target akhir pada tahun {Int(plan.LastYear)} sebagai berikut."));
            body.Add(TableCaption($"Sasaran, Indikator dan Target Akhir Rencana Strategis {years}"));
            body.Add(StrategicTable(plan));
            body.Add(Heading(2, "B. Perjanjian Kinerja Tahun " + Int(d.Period.Year)));
            body.Add(Prose($"Perjanjian Kinerja Tahun {Int(d.Period.Year)} memuat target kinerja yang disepakati {d.Signer.Position} dengan atasannya, sebagai berikut."));
            body.Add(TableCaption("Perjanjian Kinerja Tahun " + Int(d.Period.Year)));
            body.Add(AgreementTable(d.AgreementTargets));
        }

        private static Table StrategicTable(StrategicPlanSummary plan)
        {
            int[] widths = [454, 2835, 3402, 1020, 1360];
            var table = GridTable(widths);
            table.Append(HeaderRow(widths, "No", "Sasaran", "Indikator Kinerja", "Satuan", "Target " + Int(plan.LastYear)));
            if (plan.Objectives.Count == 0) table.Append(Row(TextCell(widths.Sum(), "Belum ada sasaran Renstra.", JustificationValues.Center, italic: true, span: widths.Length)));
            for (var g = 0; g < plan.Objectives.Count; g++)
            {
                var o = plan.Objectives[g];
                IReadOnlyList<StrategicIndicator> rows = o.Indicators.Count == 0 ? [new StrategicIndicator("", "-", "", null)] : o.Indicators;
                for (var i = 0; i < rows.Count; i++)
                {
                    var merge = rows.Count == 1 ? null : new VerticalMerge { Val = i == 0 ? MergedCellValues.Restart : MergedCellValues.Continue };
                    var first = i == 0;
                    var objective = new List<OpenXmlElement> { Para(Props(JustificationValues.Left), Run(first ? o.Code + " " + o.Name : "", size: TableSize)) };
                    if (first && !string.IsNullOrWhiteSpace(o.Goal))
                        objective.Add(Para(Props(JustificationValues.Left, before: 40), Run("Tujuan: " + o.Goal.Trim(), italic: true, size: "15")));
                    var ind = rows[i];
                    table.Append(Row(
                        Cell(widths[0], Para(Props(JustificationValues.Center), Run(first ? Int(g + 1) + "." : "", size: TableSize)), Clone(merge)),
                        Cell(widths[1], objective, Clone(merge)),
                        TextCell(widths[2], (ind.Code + " " + ind.Name).Trim()),
                        TextCell(widths[3], ind.Measure, JustificationValues.Center),
                        TextCell(widths[4], DocxKit.Target(ind.EndTarget, ind.EndRangeLow, ind.EndRangeHigh, null), JustificationValues.Center)));
                }
            }

            return table;
        }

        /// <summary>No, Sasaran (merged over its indicators), Indikator, Target: the Perjanjian Kinerja's attachment table.</summary>
        private static Table AgreementTable(IReadOnlyList<AgreementTargetRow> targets)
        {
            int[] widths = [454, 2948, 3969, 1700];
            var table = GridTable(widths);
            table.Append(HeaderRow(widths, "No", "Sasaran", "Indikator Kinerja", "Target"));
            var groups = targets.GroupBy(t => t.ObjectiveCode, StringComparer.Ordinal).ToList();
            if (groups.Count == 0) table.Append(Row(TextCell(widths.Sum(), "Belum ada target kinerja.", JustificationValues.Center, italic: true, span: widths.Length)));
            for (var g = 0; g < groups.Count; g++)
            {
                var rows = groups[g].ToList();
                for (var i = 0; i < rows.Count; i++)
                {
                    var merge = rows.Count == 1 ? null : new VerticalMerge { Val = i == 0 ? MergedCellValues.Restart : MergedCellValues.Continue };
                    var first = i == 0;
                    table.Append(Row(
                        Cell(widths[0], Para(Props(JustificationValues.Center), Run(first ? Int(g + 1) + "." : "", size: TableSize)), Clone(merge)),
                        Cell(widths[1], Para(Props(JustificationValues.Left), Run(first ? rows[i].Objective : "", size: TableSize)), Clone(merge)),
                        TextCell(widths[2], rows[i].Indicator),
                        TextCell(widths[3], PerformanceAgreementDocx.FormatTarget(rows[i]), JustificationValues.Center)));
                }
            }

            return table;
        }

        // ---- Bab III --------------------------------------------------------------------

        private void ChapterThree()
        {
            body.Add(Heading(1, "BAB III AKUNTABILITAS KINERJA"));
            body.Add(Heading(2, "A. Capaian Kinerja Organisasi"));
            Narrative(ReportSections.Achievement);
            body.Add(Prose($"Capaian kinerja diukur dengan membandingkan realisasi dengan target setiap indikator. Capaian sasaran adalah rata-rata capaian indikatornya, "
                + $"dan capaian {d.AgencyName} adalah rata-rata capaian sasarannya, yaitu {Sentence(d.AgencyAchievement)} untuk {ToDate}."));
            body.Add(TableCaption("Capaian Sasaran Strategis " + PeriodName));
            body.Add(ObjectiveSummaryTable());
            ObjectivesChart();

            for (var i = 0; i < d.Objectives.Count; i++) Objective(i + 1, d.Objectives[i]);

            body.Add(Heading(2, "B. Realisasi Anggaran"));
            Narrative(ReportSections.Budget);
            var pagu = SumOrNull(d.Budget.Select(p => p.Pagu));
            var spent = SumOrNull(d.Budget.Select(p => p.Realization));
            var absorption = BudgetPerformance.Absorption(spent, pagu);
            body.Add(Prose($"Pagu anggaran {d.AgencyName} Tahun {Int(d.Period.Year)} sebesar Rp {Rupiah(pagu)}, dengan realisasi {ToDate} sebesar Rp {Rupiah(spent)} "
                + $"atau penyerapan {(absorption.Percent is { } a ? IndonesianFormat.Percent(AchievementCalculator.Round(a)) : "yang belum dapat dihitung")}."));
            body.Add(TableCaption("Realisasi Anggaran per Program " + ToDate));
            body.Add(BudgetTable(d.Budget, withTotal: true));
        }

        private void ObjectivesChart()
        {
            if (d.Objectives.All(o => o.Achievement.Percent is null && o.PeriodAchievement.Percent is null)) return;
            var categories = d.Objectives.Select(o => o.Code).ToList();
            List<DocxChart.Series> series = annual
                ? [new("Capaian " + PeriodName, d.Objectives.Select(o => Rounded(o.Achievement.Percent)).ToList(), SeriesPeriod)]
                : [new("Capaian " + PeriodName, d.Objectives.Select(o => Rounded(o.PeriodAchievement.Percent)).ToList(), SeriesPeriod),
                   new("Capaian " + ToDate, d.Objectives.Select(o => Rounded(o.Achievement.Percent)).ToList(), SeriesToDate)];
            body.Add(ChartCaption("Capaian Sasaran Strategis " + PeriodName));
            body.Add(Para(Props(JustificationValues.Center),
                DocxChart.ClusteredColumns(main, ++drawings, "Grafik capaian sasaran", categories, series, "Capaian (%)", ChartFormat)));
        }

        private void Objective(int number, ReportObjective o)
        {
            body.Add(Heading(3, $"Sasaran {Int(number)}: {o.Name}"));
            body.Add(Prose($"Sasaran {o.Code} \"{o.Name}\" diukur dengan {Int(o.Indicators.Count)} indikator kinerja. Capaian sasaran {ToDate} adalah {Sentence(o.Achievement)}."
                + (annual ? "" : $" Capaian {PeriodName} saja adalah {Sentence(o.PeriodAchievement)}.")));
            Narrative(ReportSections.ObjectiveKey(o.Code));

            body.Add(Heading(4, "1. Perbandingan Target dan Realisasi " + PeriodName));
            body.Add(TableCaption($"Target, Realisasi dan Capaian Indikator Sasaran {o.Code}"));
            body.Add(TargetTable(o));
            foreach (var note in NotComputedNotes(o)) body.Add(Note(note));
            IndicatorChart(o);

            body.Add(Heading(4, "2. Perbandingan Realisasi dengan Tahun-tahun Sebelumnya"));
            EarlierYears(o);

            body.Add(Heading(4, "3. Perbandingan Realisasi dengan Target Akhir Renstra"));
            body.Add(TableCaption($"Realisasi terhadap Target Akhir Renstra {Int(d.StrategicPlan.LastYear)} Sasaran {o.Code}"));
            body.Add(ComparisonTable(o.Indicators, "Target Akhir Renstra " + Int(d.StrategicPlan.LastYear), "Realisasi " + ToDate, "Capaian terhadap Target Akhir",
                i => (i.EndTarget, i.ToDate.Realization, i.EndTargetAchievement)));

            body.Add(Heading(4, "4. Perbandingan dengan Standar Nasional"));
            var withStandard = o.Indicators.Where(i => i.NationalStandard is not null).ToList();
            if (withStandard.Count == 0)
            {
                body.Add(Prose("Belum ada standar nasional untuk indikator sasaran ini."));
            }
            else
            {
                body.Add(TableCaption($"Realisasi terhadap Standar Nasional Sasaran {o.Code}"));
                body.Add(ComparisonTable(withStandard, "Standar Nasional", "Realisasi " + ToDate, "Capaian terhadap Standar",
                    i => (i.NationalStandard, i.ToDate.Realization, i.NationalStandardAchievement)));
                var without = o.Indicators.Count - withStandard.Count;
                if (without > 0) body.Add(Note($"{Int(without)} indikator lainnya belum memiliki standar nasional."));
            }

            body.Add(Heading(4, "5. Analisis Penyebab Keberhasilan/Kegagalan dan Alternatif Solusi"));
            if (o.Explanations.Count == 0) body.Add(Prose("Belum ada penjelasan dari unit kerja."));
            else body.Add(Prose("Penjelasan unit kerja atas capaian indikator sasaran ini:"));
            foreach (var e in o.Explanations)
            {
                var who = e.Unit + (string.IsNullOrWhiteSpace(e.IndicatorCode) ? "" : " (" + e.IndicatorCode.Trim() + ")");
                body.Add(Para(Props(JustificationValues.Both, after: 80, line: 276, indent: 567, hanging: 283),
                    Run("•\t"), Run(who + ": ", bold: true), Run(e.Text.Trim())));
            }

            body.Add(Heading(4, "6. Analisis Efisiensi Penggunaan Sumber Daya"));
            Efficiency(o);

            body.Add(Heading(4, "7. Program dan Kegiatan Pendukung"));
            if (o.Programs.Count == 0)
            {
                body.Add(Prose("Belum ada program yang dikaitkan dengan sasaran ini."));
            }
            else
            {
                body.Add(Prose("Capaian sasaran ini didukung oleh program dan kegiatan berikut."));
                body.Add(TableCaption($"Program dan Kegiatan Pendukung Sasaran {o.Code}"));
                body.Add(BudgetTable(o.Programs, withTotal: false));
            }
        }

        /// <summary>
        /// Analysis 1. A year: No, Indikator, Satuan, Target, Realisasi, Capaian, Kategori. A quarter or semester: the period
        /// alone and to date side by side under a two-row header, then the category to date.
        /// </summary>
        private Table TargetTable(ReportObjective o)
        {
            int[] widths = annual ? [397, 2948, 794, 1191, 1191, 1134, 1416] : Widths([340, 1817, 680], 6, 1134);
            var table = GridTable(widths);
            if (annual)
            {
                table.Append(HeaderRow(widths, "No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"));
            }
            else
            {
                VerticalMerge Start() => new() { Val = MergedCellValues.Restart };
                VerticalMerge Continue() => new() { Val = MergedCellValues.Continue };
                table.Append(HeaderRow(
                    HeaderCell(widths[0], "No", merge: Start()), HeaderCell(widths[1], "Indikator Kinerja", merge: Start()),
                    HeaderCell(widths[2], "Satuan", merge: Start()),
                    HeaderCell(widths[3] + widths[4] + widths[5], PeriodName, span: 3),
                    HeaderCell(widths[6] + widths[7] + widths[8], ToDate, span: 3),
                    HeaderCell(widths[9], "Kategori", merge: Start())));
                table.Append(HeaderRow(
                    HeaderCell(widths[0], "", merge: Continue()), HeaderCell(widths[1], "", merge: Continue()),
                    HeaderCell(widths[2], "", merge: Continue()),
                    HeaderCell(widths[3], "Target"), HeaderCell(widths[4], "Realisasi"), HeaderCell(widths[5], "Capaian"),
                    HeaderCell(widths[6], "Target"), HeaderCell(widths[7], "Realisasi"), HeaderCell(widths[8], "Capaian"),
                    HeaderCell(widths[9], "", merge: Continue())));
            }

            for (var i = 0; i < o.Indicators.Count; i++)
            {
                var ind = o.Indicators[i];
                var cells = new List<TableCell>
                {
                    TextCell(widths[0], Int(i + 1) + ".", JustificationValues.Center),
                    Cell(widths[1], Para(Props(JustificationValues.Left), Run(ind.Code + " ", bold: true, size: TableSize), Run(ind.Name, size: TableSize))),
                    TextCell(widths[2], ind.Measure, JustificationValues.Center),
                };
                ReportFigures[] sets = annual ? [ind.ToDate] : [ind.PeriodAlone, ind.ToDate];
                var c = 3;
                foreach (var f in sets)
                {
                    cells.Add(TextCell(widths[c++], DocxKit.Target(f.Target, f.RangeLow, f.RangeHigh, null), JustificationValues.Center));
                    cells.Add(TextCell(widths[c++], Value(f.Realization), JustificationValues.Center));
                    cells.Add(TextCell(widths[c++], Achievement(f.Achievement), JustificationValues.Center));
                }

                cells.Add(CategoryCell(widths[c], ind.ToDate.Achievement));
                table.Append(Row([.. cells]));
            }

            if (o.Indicators.Count == 0) table.Append(Row(TextCell(widths.Sum(), "Sasaran ini belum memiliki indikator.", JustificationValues.Center, italic: true, span: widths.Length)));
            return table;
        }

        /// <summary>Fixed columns, then <paramref name="count"/> equal columns sharing what is left, then a last fixed column.</summary>
        private static int[] Widths(int[] first, int count, int last)
        {
            var rest = TextWidth - first.Sum() - last;
            var each = rest / count;
            var widths = first.ToList();
            for (var i = 0; i < count; i++) widths.Add(i == count - 1 ? rest - each * (count - 1) : each);
            widths.Add(last);
            return [.. widths];
        }

        /// <summary>An achievement for a table cell: <c>95,25 %</c>, or <c>-*</c> pointing to a note under the table.</summary>
        private static string Achievement(ReportAchievement a) =>
            a.Percent is not null ? Percent(a.Percent) : string.IsNullOrWhiteSpace(a.Reason) ? "-" : "-*";

        private IEnumerable<string> NotComputedNotes(ReportObjective o)
        {
            var notes = new List<string>();
            foreach (var ind in o.Indicators)
            {
                (string Label, ReportFigures Figures)[] sets = annual ? [(ToDate, ind.ToDate)] : [(PeriodName, ind.PeriodAlone), (ToDate, ind.ToDate)];
                foreach (var (label, f) in sets)
                {
                    if (f.Achievement.Percent is null && !string.IsNullOrWhiteSpace(f.Achievement.Reason))
                        notes.Add($"* {ind.Code} ({label}): capaian tidak dihitung. {f.Achievement.Reason.Trim()}");
                }
            }

            return notes.Distinct(StringComparer.Ordinal);
        }

        private void IndicatorChart(ReportObjective o)
        {
            if (o.Indicators.All(i => i.ToDate.Achievement.Percent is null && i.PeriodAlone.Achievement.Percent is null)) return;
            var categories = o.Indicators.Select(i => i.Code).ToList();
            List<DocxChart.Series> series = annual
                ? [new("Capaian " + PeriodName, o.Indicators.Select(i => Rounded(i.ToDate.Achievement.Percent)).ToList(), SeriesPeriod)]
                : [new("Capaian " + PeriodName, o.Indicators.Select(i => Rounded(i.PeriodAlone.Achievement.Percent)).ToList(), SeriesPeriod),
                   new("Capaian " + ToDate, o.Indicators.Select(i => Rounded(i.ToDate.Achievement.Percent)).ToList(), SeriesToDate)];
            body.Add(ChartCaption($"Capaian Indikator Sasaran {o.Code} {PeriodName}"));
            body.Add(Para(Props(JustificationValues.Center),
                DocxChart.ClusteredColumns(main, ++drawings, "Grafik capaian sasaran " + o.Code, categories, series, "Capaian (%)", ChartFormat, heightCm: 6.5)));
        }

        /// <summary>Analysis 2: this year's realization next to last year's and the years before (up to four).</summary>
        private void EarlierYears(ReportObjective o)
        {
            var years = o.Indicators.SelectMany(i => i.EarlierYears).Where(y => y.Year < d.Period.Year)
                .Select(y => y.Year).Distinct().Order().TakeLast(4).ToList();
            if (years.Count == 0)
            {
                body.Add(Prose("Belum ada data realisasi tahun-tahun sebelumnya untuk indikator sasaran ini."));
                return;
            }

            body.Add(TableCaption($"Realisasi {Int(years[0])}-{Int(d.Period.Year)} Indikator Sasaran {o.Code}"));
            var columns = years.Count + 1;
            var widths = Widths([397, 3118, 850], columns, 0)[..^1];
            var table = GridTable(widths);
            var titles = new List<string> { "No", "Indikator Kinerja", "Satuan" };
            titles.AddRange(years.Select(y => "Realisasi " + Int(y)));
            titles.Add("Realisasi " + Int(d.Period.Year));
            table.Append(HeaderRow(widths, [.. titles]));
            for (var i = 0; i < o.Indicators.Count; i++)
            {
                var ind = o.Indicators[i];
                var cells = new List<TableCell>
                {
                    TextCell(widths[0], Int(i + 1) + ".", JustificationValues.Center),
                    TextCell(widths[1], ind.Code + " " + ind.Name),
                    TextCell(widths[2], ind.Measure, JustificationValues.Center),
                };
                for (var y = 0; y < years.Count; y++)
                {
                    var value = ind.EarlierYears.FirstOrDefault(e => e.Year == years[y])?.Realization;
                    cells.Add(TextCell(widths[3 + y], Value(value), JustificationValues.Center));
                }

                cells.Add(TextCell(widths[^1], Value(ind.ToDate.Realization), JustificationValues.Center, bold: true));
                table.Append(Row([.. cells]));
            }

            body.Add(table);
            if (!annual) body.Add(Note($"Realisasi tahun-tahun sebelumnya untuk kurun yang sama ({ToDate.Replace(" Tahun " + Int(d.Period.Year), "", StringComparison.Ordinal)})."));
        }

        /// <summary>Analyses 3 and 4: a reference value, the realization to date and the achievement against the reference.</summary>
        private static Table ComparisonTable(IReadOnlyList<ReportIndicator> indicators, string reference, string realization, string achievement,
            Func<ReportIndicator, (decimal? Reference, decimal? Realization, ReportAchievement Achievement)> figures)
        {
            int[] widths = [397, 3402, 850, 1474, 1474, 1474];
            var table = GridTable(widths);
            table.Append(HeaderRow(widths, "No", "Indikator Kinerja", "Satuan", reference, realization, achievement));
            for (var i = 0; i < indicators.Count; i++)
            {
                var ind = indicators[i];
                var (r, v, a) = figures(ind);
                table.Append(Row(
                    TextCell(widths[0], Int(i + 1) + ".", JustificationValues.Center),
                    TextCell(widths[1], ind.Code + " " + ind.Name),
                    TextCell(widths[2], ind.Measure, JustificationValues.Center),
                    TextCell(widths[3], Value(r), JustificationValues.Center),
                    TextCell(widths[4], Value(v), JustificationValues.Center),
                    TextCell(widths[5], a.Percent is not null ? Percent(a.Percent) : a.Reason is { Length: > 0 } why ? why.Trim() : "-", JustificationValues.Center)));
            }

            return table;
        }

        /// <summary>Analysis 6: achievement against absorption, the efficiency and its score, and what they mean.</summary>
        private void Efficiency(ReportObjective o)
        {
            var pagu = SumOrNull(o.Programs.Select(p => p.Pagu));
            var spent = SumOrNull(o.Programs.Select(p => p.Realization));
            var (absorption, result) = (o.Efficiency.Absorption, o.Efficiency.Result);
            int[] widths = Widths([], 6, 0)[..^1];
            var table = GridTable(widths);
            table.Append(HeaderRow(widths, "Capaian Kinerja", "Pagu (Rp)", "Realisasi (Rp)", "Penyerapan Anggaran", "Efisiensi", "Nilai Efisiensi"));
            table.Append(Row(
                TextCell(widths[0], Percent(o.Achievement.Percent), JustificationValues.Center),
                TextCell(widths[1], Rupiah(pagu), JustificationValues.Right),
                TextCell(widths[2], Rupiah(spent), JustificationValues.Right),
                TextCell(widths[3], Percent(absorption.Percent), JustificationValues.Center),
                TextCell(widths[4], Percent(result.Efficiency), JustificationValues.Center),
                TextCell(widths[5], result.Score is { } s ? IndonesianFormat.Number(AchievementCalculator.Round(s)) : "-", JustificationValues.Center)));
            body.Add(TableCaption($"Efisiensi Penggunaan Anggaran Sasaran {o.Code}"));
            body.Add(table);

            if (result.Efficiency is { } e && absorption.Percent is { } b && o.Achievement.Percent is { } a)
            {
                var meaning = e > 0 ? "hasil yang dicapai memerlukan anggaran lebih sedikit dari yang direncanakan, sehingga penggunaan anggaran efisien"
                    : e < 0 ? "anggaran yang terserap lebih besar dari hasil yang dicapai, sehingga penggunaan anggaran belum efisien"
                    : "anggaran terserap sebanding dengan hasil yang dicapai";
                body.Add(Prose($"Dengan capaian kinerja {Percent(a)} dan penyerapan anggaran {Percent(b)}, efisiensi penggunaan anggaran sebesar {Percent(e)} "
                    + $"(nilai efisiensi {IndonesianFormat.Number(AchievementCalculator.Round(result.Score ?? 0))} dari 100): {meaning}."));
            }
            else
            {
                var reason = result.Reason?.ToString() ?? absorption.Reason?.ToString();
                body.Add(Prose("Efisiensi belum dapat dihitung" + (string.IsNullOrWhiteSpace(reason) ? "." : ": " + reason.Trim())));
            }
        }

        /// <summary>Programs (bold, numbered) with their activities under them: pagu, realization, absorption; optionally a total.</summary>
        private static Table BudgetTable(IReadOnlyList<ReportProgram> programs, bool withTotal)
        {
            int[] widths = [567, 3572, 1758, 1758, 1416];
            var table = GridTable(widths);
            table.Append(HeaderRow(widths, "No", "Program / Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "Penyerapan"));
            if (programs.Count == 0) table.Append(Row(TextCell(widths.Sum(), "Belum ada program.", JustificationValues.Center, italic: true, span: widths.Length)));
            for (var p = 0; p < programs.Count; p++)
            {
                var program = programs[p];
                table.Append(BudgetRow(widths, Int(p + 1) + ".", program, bold: true, indent: 0));
                for (var a = 0; a < program.Activities.Count; a++)
                    table.Append(BudgetRow(widths, Int(p + 1) + "." + Int(a + 1), program.Activities[a], bold: false, indent: 170));
            }

            if (withTotal)
            {
                var pagu = SumOrNull(programs.Select(p => p.Pagu));
                var spent = SumOrNull(programs.Select(p => p.Realization));
                table.Append(Row(
                    TextCell(widths[0] + widths[1], "Jumlah", JustificationValues.Center, bold: true, span: 2),
                    TextCell(widths[2], Rupiah(pagu), JustificationValues.Right, bold: true),
                    TextCell(widths[3], Rupiah(spent), JustificationValues.Right, bold: true),
                    TextCell(widths[4], Percent(BudgetPerformance.Absorption(spent, pagu).Percent), JustificationValues.Center, bold: true)));
            }

            return table;
        }

        private static TableRow BudgetRow(int[] widths, string number, ReportProgram line, bool bold, int indent) =>
            Row(
                TextCell(widths[0], number, JustificationValues.Center, bold: bold),
                TextCell(widths[1], (line.Code + " " + line.Name).Trim(), bold: bold, indent: indent),
                TextCell(widths[2], Rupiah(line.Pagu), JustificationValues.Right, bold: bold),
                TextCell(widths[3], Rupiah(line.Realization), JustificationValues.Right, bold: bold),
                TextCell(widths[4], Percent(line.Absorption.Percent), JustificationValues.Center, bold: bold));

        /// <summary>Chart values as the tables show them: two decimals.</summary>
        private static decimal? Rounded(decimal? percent) => percent is { } p ? AchievementCalculator.Round(p) : null;

        private static decimal? SumOrNull(IEnumerable<decimal?> values)
        {
            var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
            return known.Count == 0 ? null : known.Sum();
        }

        // ---- Bab IV and Lampiran --------------------------------------------------------

        private void ChapterFour()
        {
            body.Add(Heading(1, "BAB IV PENUTUP"));
            Narrative(ReportSections.Closing);
            body.Add(KeepWithNext(Spacer(360)));
            body.Add(SignatureBlock(main, d.Place, d.Date, d.Signer, d.VerificationCode, d.VerificationUrl, ++drawings));
        }

        private void Attachments()
        {
            body.Add(Heading(1, "LAMPIRAN"));
            Narrative(ReportSections.Attachments);
            body.Add(Heading(2, "Lampiran 1. Perjanjian Kinerja Tahun " + Int(d.Period.Year)));
            body.Add(TableCaption("Target Kinerja Perjanjian Kinerja Tahun " + Int(d.Period.Year)));
            body.Add(AgreementTable(d.AgreementTargets));
            body.Add(TableCaption("Program dan Anggaran Perjanjian Kinerja Tahun " + Int(d.Period.Year)));
            body.Add(AgreementProgramTable(d.AgreementPrograms));
        }

        private static Table AgreementProgramTable(IReadOnlyList<AgreementProgramRow> programs)
        {
            int[] widths = [567, 6010, 2494];
            var table = GridTable(widths);
            table.Append(HeaderRow(widths, "No", "Program", "Anggaran (Rp)"));
            if (programs.Count == 0) table.Append(Row(TextCell(widths.Sum(), "Belum ada program.", JustificationValues.Center, italic: true, span: widths.Length)));
            for (var i = 0; i < programs.Count; i++)
            {
                var p = programs[i];
                table.Append(Row(
                    TextCell(widths[0], Int(i + 1) + ".", JustificationValues.Center),
                    TextCell(widths[1], string.IsNullOrWhiteSpace(p.Code) ? p.Program : p.Code.Trim() + " " + p.Program),
                    TextCell(widths[2], Rupiah(p.Budget), JustificationValues.Right)));
            }

            table.Append(Row(
                TextCell(widths[0] + widths[1], "Jumlah", JustificationValues.Center, bold: true, span: 2),
                TextCell(widths[2], Rupiah(programs.Sum(p => p.Budget)), JustificationValues.Right, bold: true)));
            return table;
        }
    }
}
