using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Kinerja.Documents;

/// <summary>
/// Writes a <see cref="PerformanceAgreementDocument"/> as a Word document (A4 portrait, Arial) laid out
/// like the Perjanjian Kinerja of PermenPAN-RB 53/2014: kop surat, title, statement, two signatures,
/// then on a new page the attachment with the targets, the programs and the signatures again.
/// </summary>
public static class PerformanceAgreementDocx
{
    // Sizes in twentieths of a point (dxa): A4, 3 cm binding margin on the left, 2 cm elsewhere.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginLeft = 1701;
    private const int MarginRight = 1134;
    private const int MarginTop = 1134;
    private const int MarginBottom = 1134;
    private const int TextWidth = PageWidth - MarginLeft - MarginRight;

    private const string Font = "Arial";
    private const string BodySize = "22"; // half-points: 11 pt
    private const string Gray = "D9D9D9";

    /// <summary>The document as .docx bytes.</summary>
    public static byte[] Render(PerformanceAgreementDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<DocumentSettingsPart>().Settings = Settings();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = Footer(doc.VerificationCode);

            var body = new Body();
            body.Append(LetterheadParagraphs(doc.Letterhead));
            body.Append(Statement(doc));
            body.Append(Spacer(240));
            body.Append(SignatureBlock(doc));
            body.Append(Attachment(doc));
            body.Append(KeepWithNext(Spacer(240)));
            body.Append(SignatureBlock(doc));
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
                new PageMargin
                {
                    Top = MarginTop, Right = MarginRight, Bottom = MarginBottom, Left = MarginLeft,
                    Header = 567, Footer = 567, Gutter = 0,
                }));
            main.Document = new Document(body);

            package.PackageProperties.Title = Title(doc);
            package.PackageProperties.Subject = doc.Letterhead.Agency;
            package.PackageProperties.Language = "id-ID";
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The target as printed in the attachment: <c>95,25 %</c>, <c>12 Dokumen</c>, a range as
    /// <c>80 - 90 %</c>, one open end as <c>≥ 80 %</c>, and <c>-</c> when there is no target.
    /// </summary>
    public static string FormatTarget(AgreementTargetRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return DocxKit.Target(row.Target, row.RangeLow, row.RangeHigh, row.Measure);
    }

    /// <summary>The NIP in groups (<c>19771023 200501 1 009</c>); a value that is not a valid NIP is printed as given.</summary>
    public static string? FormatNip(string? nip) =>
        string.IsNullOrWhiteSpace(nip) ? null
        : Nip.TryParse(nip, out var parsed, out _) ? parsed.ToString()
        : nip.Trim();

    private static string Title(PerformanceAgreementDocument doc) =>
        "PERJANJIAN KINERJA TAHUN " + Year(doc.Year);

    private static string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Revision(int number) =>
        "PERUBAHAN KE-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // ---- page 1 ----------------------------------------------------------------------------

    private static IEnumerable<Paragraph> LetterheadParagraphs(Letterhead head)
    {
        yield return Para(Props(JustificationValues.Center), Run(head.Government.ToUpper(IndonesianFormat.Culture), bold: true, size: "28"));
        var agency = Para(Props(JustificationValues.Center), Run(head.Agency.ToUpper(IndonesianFormat.Culture), bold: true, size: "36"));
        if (string.IsNullOrWhiteSpace(head.Address))
        {
            agency.ParagraphProperties!.ParagraphBorders = Rule();
            yield return agency;
        }
        else
        {
            yield return agency;
            var address = Para(Props(JustificationValues.Center), Run(head.Address, size: "18"));
            address.ParagraphProperties!.ParagraphBorders = Rule();
            yield return address;
        }
    }

    /// <summary>The thick-thin double rule under a kop surat.</summary>
    private static ParagraphBorders Rule() =>
        new() { BottomBorder = new BottomBorder { Val = BorderValues.ThickThinSmallGap, Size = 24, Space = 1, Color = "000000" } };

    private static IEnumerable<OpenXmlElement> Statement(PerformanceAgreementDocument doc)
    {
        yield return Para(Props(JustificationValues.Center, before: 360), Run(Title(doc), bold: true, size: "24"));
        foreach (var p in RevisionParagraphs(doc)) yield return p;

        yield return Para(Props(JustificationValues.Both, before: 360, after: 120, line: 300),
            Run("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"));

        foreach (var p in PartyLines(doc.FirstParty)) yield return p;
        yield return Para(Props(JustificationValues.Left, after: 120, line: 300, indent: 567),
            Run("selanjutnya disebut "), Run("pihak pertama", bold: true), Run("."));

        foreach (var p in PartyLines(doc.SecondParty)) yield return p;
        yield return Para(Props(JustificationValues.Left, after: 120, line: 300, indent: 567),
            Run("selaku atasan langsung pihak pertama, selanjutnya disebut "), Run("pihak kedua", bold: true), Run("."));

        yield return Para(Props(JustificationValues.Both, after: 120, line: 300),
            Run("Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
                + "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. "
                + "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."));
        yield return Para(Props(JustificationValues.Both, after: 120, line: 300),
            Run("Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja "
                + "dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi."));
    }

    private static IEnumerable<Paragraph> RevisionParagraphs(PerformanceAgreementDocument doc)
    {
        if (doc.RevisionNumber <= 0) yield break;
        yield return Para(Props(JustificationValues.Center), Run(Revision(doc.RevisionNumber), bold: true, size: "24"));
        if (!string.IsNullOrWhiteSpace(doc.RevisionReason))
            yield return Para(Props(JustificationValues.Center, before: 60), Run("Alasan perubahan: " + doc.RevisionReason.Trim(), italic: true, size: "20"));
    }

    /// <summary>"Nama : ..." and "Jabatan : ..." with the colons and values aligned; long values wrap under the value.</summary>
    private static IEnumerable<Paragraph> PartyLines(Signatory party)
    {
        const int labelAt = 567, colonAt = 2268, valueAt = 2552;
        foreach (var (label, value) in new[] { ("Nama", party.Name), ("Jabatan", party.Position) })
        {
            var props = Props(JustificationValues.Left, line: 300, indent: valueAt, hanging: valueAt - labelAt);
            props.Tabs = new Tabs(
                new TabStop { Val = TabStopValues.Left, Position = colonAt },
                new TabStop { Val = TabStopValues.Left, Position = valueAt });
            yield return Para(props, Run(label + "\t:\t" + value));
        }
    }

    // ---- signatures ------------------------------------------------------------------------

    /// <summary>
    /// Place and date, then the two parties side by side (second party left, first party right), one table
    /// row per line so names, ranks and NIPs stay level even when a position wraps.
    /// </summary>
    private static Table SignatureBlock(PerformanceAgreementDocument doc)
    {
        const int half = TextWidth / 2;
        var table = new Table(
            new TableProperties
            {
                TableWidth = new TableWidth { Width = Dxa(TextWidth), Type = TableWidthUnitValues.Dxa },
                TableBorders = NoBorders(),
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            },
            new TableGrid(new GridColumn { Width = Dxa(half) }, new GridColumn { Width = Dxa(TextWidth - half) }));

        TableRow Row(string left, string right, bool bold = false, bool underline = false, int? height = null)
        {
            var row = new TableRow();
            var rowProps = new TableRowProperties(new CantSplit());
            if (height is int h) rowProps.Append(new TableRowHeight { Val = (uint)h, HeightType = HeightRuleValues.AtLeast });
            row.Append(rowProps);
            foreach (var (text, width) in new[] { (left, half), (right, TextWidth - half) })
            {
                var props = Props(JustificationValues.Center);
                props.KeepNext = new KeepNext();
                row.Append(Cell(width, Para(props, Run(text, bold: bold, underline: underline && text.Length > 0))));
            }

            return row;
        }

        table.Append(Row("", doc.Place + ", " + IndonesianFormat.Date(doc.Date)));
        table.Append(Row("Pihak Kedua,", "Pihak Pertama,"));
        table.Append(Row(Upper(doc.SecondParty.Position) + ",", Upper(doc.FirstParty.Position) + ","));
        table.Append(Row("", "", height: 1418));
        table.Append(Row(doc.SecondParty.Name, doc.FirstParty.Name, bold: true, underline: true));
        if (!string.IsNullOrWhiteSpace(doc.SecondParty.Rank) || !string.IsNullOrWhiteSpace(doc.FirstParty.Rank))
            table.Append(Row(doc.SecondParty.Rank ?? "", doc.FirstParty.Rank ?? ""));
        var (nip2, nip1) = (FormatNip(doc.SecondParty.Nip), FormatNip(doc.FirstParty.Nip));
        if (nip1 is not null || nip2 is not null)
            table.Append(Row(nip2 is null ? "" : "NIP. " + nip2, nip1 is null ? "" : "NIP. " + nip1));
        return table;
    }

    private static string Upper(string text) => text.ToUpper(IndonesianFormat.Culture);

    // ---- attachment ------------------------------------------------------------------------

    private static IEnumerable<OpenXmlElement> Attachment(PerformanceAgreementDocument doc)
    {
        var heading = Props(JustificationValues.Center);
        heading.PageBreakBefore = new PageBreakBefore();
        yield return Para(heading, Run("LAMPIRAN " + Title(doc), bold: true, size: "24"));
        if (doc.RevisionNumber > 0)
            yield return Para(Props(JustificationValues.Center), Run(Revision(doc.RevisionNumber), bold: true, size: "24"));
        yield return Para(Props(JustificationValues.Center, after: 240), Run(Upper(doc.Letterhead.Agency), bold: true, size: "24"));

        yield return TargetTable(doc.Targets);
        yield return Spacer(240);
        // The programs stay on the page of the signatures below them, so the signatures never stand alone.
        var programs = ProgramTable(doc.Programs);
        foreach (var paragraph in programs.Descendants<Paragraph>()) KeepWithNext(paragraph);
        yield return programs;
    }

    private static Paragraph KeepWithNext(Paragraph paragraph)
    {
        paragraph.ParagraphProperties ??= new ParagraphProperties();
        paragraph.ParagraphProperties.KeepNext = new KeepNext();
        return paragraph;
    }

    private static Table TargetTable(IReadOnlyList<AgreementTargetRow> targets)
    {
        int[] widths = [567, 2835, 3969, TextWidth - 567 - 2835 - 3969];
        var table = GridTable(widths);
        table.Append(HeaderRow(widths, "No", "Sasaran", "Indikator Kinerja", "Target"));

        // Group by objective in order of first appearance; the No and Sasaran cells span the group's rows.
        var groups = targets.GroupBy(t => t.ObjectiveCode, StringComparer.Ordinal).ToList();
        if (groups.Count == 0) table.Append(EmptyRow(widths, "Belum ada target kinerja."));
        for (var g = 0; g < groups.Count; g++)
        {
            var rows = groups[g].ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                var merge = rows.Count == 1 ? null
                    : new VerticalMerge { Val = i == 0 ? MergedCellValues.Restart : MergedCellValues.Continue };
                var first = i == 0;
                var row = new TableRow(new TableRowProperties(new CantSplit()));
                row.Append(
                    Cell(widths[0], Para(Props(JustificationValues.Center), Run(first ? Number(g + 1) + "." : "")), Clone(merge)),
                    Cell(widths[1], Para(Props(JustificationValues.Left), Run(first ? rows[i].Objective : "")), Clone(merge)),
                    Cell(widths[2], Para(Props(JustificationValues.Left), Run(rows[i].Indicator))),
                    Cell(widths[3], Para(Props(JustificationValues.Center), Run(FormatTarget(rows[i])))));
                table.Append(row);
            }
        }

        return table;
    }

    private static Table ProgramTable(IReadOnlyList<AgreementProgramRow> programs)
    {
        int[] widths = [567, 5953, TextWidth - 567 - 5953];
        var table = GridTable(widths);
        table.Append(HeaderRow(widths, "No", "Program", "Anggaran (Rp)"));
        if (programs.Count == 0) table.Append(EmptyRow(widths, "Belum ada program."));
        for (var i = 0; i < programs.Count; i++)
        {
            var p = programs[i];
            var name = string.IsNullOrWhiteSpace(p.Code) ? p.Program : p.Code.Trim() + " " + p.Program;
            table.Append(new TableRow(
                new TableRowProperties(new CantSplit()),
                Cell(widths[0], Para(Props(JustificationValues.Center), Run(Number(i + 1) + "."))),
                Cell(widths[1], Para(Props(JustificationValues.Left), Run(name))),
                Cell(widths[2], Para(Props(JustificationValues.Right), Run(IndonesianFormat.Money(p.Budget))))));
        }

        var total = programs.Sum(p => p.Budget);
        table.Append(new TableRow(
            new TableRowProperties(new CantSplit()),
            Cell(widths[0] + widths[1], Para(Props(JustificationValues.Center), Run("Jumlah", bold: true)), span: 2),
            Cell(widths[2], Para(Props(JustificationValues.Right), Run(IndonesianFormat.Money(total), bold: true)))));
        return table;
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Table GridTable(int[] widths)
    {
        var single = (BorderValues.Single, 4u);
        return new Table(
            new TableProperties
            {
                TableWidth = new TableWidth { Width = Dxa(widths.Sum()), Type = TableWidthUnitValues.Dxa },
                TableBorders = new TableBorders
                {
                    TopBorder = new TopBorder { Val = single.Item1, Size = single.Item2, Color = "000000" },
                    LeftBorder = new LeftBorder { Val = single.Item1, Size = single.Item2, Color = "000000" },
                    BottomBorder = new BottomBorder { Val = single.Item1, Size = single.Item2, Color = "000000" },
                    RightBorder = new RightBorder { Val = single.Item1, Size = single.Item2, Color = "000000" },
                    InsideHorizontalBorder = new InsideHorizontalBorder { Val = single.Item1, Size = single.Item2, Color = "000000" },
                    InsideVerticalBorder = new InsideVerticalBorder { Val = single.Item1, Size = single.Item2, Color = "000000" },
                },
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
                TableCellMarginDefault = new TableCellMarginDefault
                {
                    TopMargin = new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    TableCellLeftMargin = new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    BottomMargin = new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    TableCellRightMargin = new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa },
                },
            },
            new TableGrid(widths.Select(w => new GridColumn { Width = Dxa(w) })));
    }

    /// <summary>A gray, bold header row that Word and LibreOffice repeat at the top of every page.</summary>
    private static TableRow HeaderRow(int[] widths, params string[] titles)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < titles.Length; i++)
        {
            var cell = Cell(widths[i], Para(Props(JustificationValues.Center), Run(titles[i], bold: true)));
            cell.TableCellProperties!.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = Gray };
            row.Append(cell);
        }

        return row;
    }

    private static TableRow EmptyRow(int[] widths, string text) =>
        new(Cell(widths.Sum(), Para(Props(JustificationValues.Center), Run(text, italic: true)), span: widths.Length));

    private static TableCell Cell(int width, Paragraph content, VerticalMerge? merge = null, int span = 1)
    {
        var props = new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Width = Dxa(width), Type = TableWidthUnitValues.Dxa },
            TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Top },
        };
        if (span > 1) props.GridSpan = new GridSpan { Val = span };
        if (merge is not null) props.VerticalMerge = merge;
        return new TableCell(props, content);
    }

    private static VerticalMerge? Clone(VerticalMerge? merge) => (VerticalMerge?)merge?.CloneNode(true);

    private static TableBorders NoBorders() => new()
    {
        TopBorder = new TopBorder { Val = BorderValues.None },
        LeftBorder = new LeftBorder { Val = BorderValues.None },
        BottomBorder = new BottomBorder { Val = BorderValues.None },
        RightBorder = new RightBorder { Val = BorderValues.None },
        InsideHorizontalBorder = new InsideHorizontalBorder { Val = BorderValues.None },
        InsideVerticalBorder = new InsideVerticalBorder { Val = BorderValues.None },
    };

    private static string Dxa(int twips) => twips.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // ---- footer ----------------------------------------------------------------------------

    /// <summary>"Kode verifikasi: ..." on the left (when there is one) and "Halaman X dari Y" on the right.</summary>
    private static Footer Footer(string? verificationCode)
    {
        var props = Props(JustificationValues.Left);
        props.ParagraphBorders = new ParagraphBorders { TopBorder = new TopBorder { Val = BorderValues.Single, Size = 4, Space = 4, Color = "000000" } };
        props.Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidth });
        var paragraph = Para(props);
        if (!string.IsNullOrWhiteSpace(verificationCode)) paragraph.Append(Run("Kode verifikasi: " + verificationCode.Trim(), size: "16"));
        paragraph.Append(Run("\tHalaman ", size: "16"));
        paragraph.Append(Field("PAGE", "1"));
        paragraph.Append(Run(" dari ", size: "16"));
        paragraph.Append(Field("NUMPAGES", "1"));
        return new Footer(paragraph);
    }

    /// <summary>A complex field (begin, instruction, separate, cached result, end) that the reader recomputes.</summary>
    private static IEnumerable<Run> Field(string instruction, string cached)
    {
        RunProperties Small() => new() { FontSize = new FontSize { Val = "16" } };
        yield return new Run(Small(), new FieldChar { FieldCharType = FieldCharValues.Begin });
        yield return new Run(Small(), new FieldCode(" " + instruction + " ") { Space = SpaceProcessingModeValues.Preserve });
        yield return new Run(Small(), new FieldChar { FieldCharType = FieldCharValues.Separate });
        yield return Run(cached, size: "16");
        yield return new Run(Small(), new FieldChar { FieldCharType = FieldCharValues.End });
    }

    // ---- building blocks -------------------------------------------------------------------

    private static ParagraphProperties Props(
        JustificationValues align, int before = 0, int after = 0, int? line = null, int? indent = null, int? hanging = null)
    {
        var props = new ParagraphProperties();
        if (before != 0 || after != 0 || line is not null)
        {
            var spacing = new SpacingBetweenLines { Before = Dxa(before), After = Dxa(after) };
            if (line is int l)
            {
                spacing.Line = Dxa(l);
                spacing.LineRule = LineSpacingRuleValues.Auto;
            }

            props.SpacingBetweenLines = spacing;
        }

        if (indent is not null || hanging is not null)
        {
            var indentation = new Indentation();
            if (indent is int i) indentation.Left = Dxa(i);
            if (hanging is int h) indentation.Hanging = Dxa(h);
            props.Indentation = indentation;
        }

        props.Justification = new Justification { Val = align };
        return props;
    }

    private static Paragraph Para(ParagraphProperties props, params OpenXmlElement[] content)
    {
        var paragraph = new Paragraph(props);
        paragraph.Append(content);
        return paragraph;
    }

    private static Paragraph Spacer(int after) => Para(Props(JustificationValues.Left, after: after));

    /// <summary>A run of text; a tab character in <paramref name="text"/> becomes a tab.</summary>
    private static Run Run(string text, bool bold = false, bool italic = false, bool underline = false, string? size = null)
    {
        var run = new Run();
        var props = new RunProperties();
        if (bold) props.Bold = new Bold();
        if (italic) props.Italic = new Italic();
        if (size is not null) props.FontSize = new FontSize { Val = size };
        if (underline) props.Underline = new Underline { Val = UnderlineValues.Single };
        if (props.HasChildren) run.Append(props);

        var parts = text.Split('\t');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) run.Append(new TabChar());
            if (parts[i].Length > 0) run.Append(new Text(DocxKit.XmlText(parts[i])) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    private static Styles Styles()
    {
        var fonts = new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font };
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    fonts,
                    new FontSize { Val = BodySize },
                    new FontSizeComplexScript { Val = BodySize },
                    new Languages { Val = "id-ID" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
            {
                Type = StyleValues.Paragraph, StyleId = "Normal", Default = true,
            },
            new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed())
            {
                Type = StyleValues.Table, StyleId = "TableNormal", Default = true,
            });
    }

    private static Settings Settings() =>
        new(
            new DefaultTabStop { Val = 720 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }));
}
