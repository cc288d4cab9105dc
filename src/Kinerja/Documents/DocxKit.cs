using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kinerja.Domain.Common;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Kinerja.Documents;

/// <summary>
/// The pieces the report and the cover letter are built from: A4 page, Arial, paragraphs, runs, grid tables with
/// repeated header rows, the kop surat, fields, images, the signature block with its QR. Element order follows the
/// schema (the OpenXML SDK's typed properties place children in order; tests run the validator).
/// </summary>
internal static class DocxKit
{
    // Sizes in twentieths of a point (dxa): A4, 3 cm binding margin on the left, 2 cm elsewhere.
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public const int MarginLeft = 1701;
    public const int MarginRight = 1134;
    public const int MarginTop = 1134;
    public const int MarginBottom = 1134;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    public const string Font = "Arial";
    public const string BodySize = "22"; // half-points: 11 pt
    public const string TableSize = "16"; // 8 pt
    public const string Gray = "D9D9D9";

    /// <summary>English Metric Units per centimetre (DrawingML sizes).</summary>
    public const long EmuPerCm = 360000;

    public static string Dxa(int twips) => twips.ToString(CultureInfo.InvariantCulture);

    public static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Upper(string text) => text.ToUpper(IndonesianFormat.Culture);

    // ---- numbers ---------------------------------------------------------------------------

    /// <summary>
    /// A target as printed: <c>95,25 %</c>, <c>12 Dokumen</c>, a range as <c>80 - 90 %</c>, one open end as
    /// <c>≥ 80 %</c>, <c>-</c> when there is none.
    /// </summary>
    public static string Target(decimal? target, decimal? rangeLow, decimal? rangeHigh, string? measure)
    {
        string value;
        if (rangeLow is { } low && rangeHigh is { } high) value = IndonesianFormat.Number(low) + " - " + IndonesianFormat.Number(high);
        else if (target is { } t) value = IndonesianFormat.Number(t);
        else if (rangeLow is { } min) value = "≥ " + IndonesianFormat.Number(min);
        else if (rangeHigh is { } max) value = "≤ " + IndonesianFormat.Number(max);
        else return "-";
        return WithMeasure(value, measure);
    }

    /// <summary>A value with its measure (<c>12 Dokumen</c>, <c>95,25 %</c>); <c>-</c> when missing.</summary>
    public static string Value(decimal? value, string? measure = null) =>
        value is { } v ? WithMeasure(IndonesianFormat.Number(v), measure) : "-";

    private static string WithMeasure(string value, string? measure) =>
        string.IsNullOrWhiteSpace(measure) ? value : value + " " + measure.Trim();

    /// <summary>A percentage with two decimals (<c>95,25 %</c>), rounded as the engine rounds; <c>-</c> when missing.</summary>
    public static string Percent(decimal? percent) =>
        percent is { } p ? IndonesianFormat.Percent(Domain.Achievement.AchievementCalculator.Round(p)) : "-";

    /// <summary>Rupiah without the symbol (the column says "(Rp)"): <c>1.250.000.000,50</c>; <c>-</c> when missing.</summary>
    public static string Rupiah(decimal? value) => value is { } v ? v.ToString("#,##0.00", IndonesianFormat.Culture) : "-";

    /// <summary>The NIP in groups (<c>19771023 200501 1 009</c>).</summary>
    /// <remarks>A value that is not a valid NIP is printed as given.</remarks>
    public static string? Nip(string? nip) =>
        string.IsNullOrWhiteSpace(nip) ? null
        : Domain.Organisation.Nip.TryParse(nip, out var parsed, out _) ? parsed.ToString()
        : nip.Trim();

    // ---- paragraphs and runs ---------------------------------------------------------------

    public static ParagraphProperties Props(
        JustificationValues align, int before = 0, int after = 0, int? line = null, int? indent = null, int? hanging = null,
        string? style = null, bool keepNext = false)
    {
        var props = new ParagraphProperties();
        if (style is not null) props.ParagraphStyleId = new ParagraphStyleId { Val = style };
        if (keepNext) props.KeepNext = new KeepNext();
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

    public static Paragraph Para(ParagraphProperties props, params OpenXmlElement[] content)
    {
        var paragraph = new Paragraph(props);
        paragraph.Append(content);
        return paragraph;
    }

    public static Paragraph Para(ParagraphProperties props, IEnumerable<OpenXmlElement> content)
    {
        var paragraph = new Paragraph(props);
        paragraph.Append(content);
        return paragraph;
    }

    public static Paragraph Spacer(int after) => Para(Props(JustificationValues.Left, after: after));

    /// <summary>A run of text; a tab character in <paramref name="text"/> becomes a tab.</summary>
    public static Run Run(string text, bool bold = false, bool italic = false, bool underline = false, string? size = null, string? colour = null)
    {
        var run = new Run();
        var props = new RunProperties();
        if (bold) props.Bold = new Bold();
        if (italic) props.Italic = new Italic();
        if (colour is not null) props.Color = new Color { Val = colour };
        if (size is not null) props.FontSize = new FontSize { Val = size };
        if (underline) props.Underline = new Underline { Val = UnderlineValues.Single };
        if (props.HasChildren) run.Append(props);

        var parts = text.Split('\t');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) run.Append(new TabChar());
            if (parts[i].Length > 0) run.Append(new Text(XmlText(parts[i])) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    /// <summary>
    /// Text without the characters XML 1.0 cannot carry (control characters other than tab and line breaks, lone surrogates): stored
    /// text may hold them (a narrative typed with a stray control key, a name imported from a workbook), and one would fail the document.
    /// </summary>
    public static string XmlText(string text) => text.All(System.Xml.XmlConvert.IsXmlChar) ? text : Strip(text);

    private static string Strip(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && System.Xml.XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text, i++, 2);
            }
            else if (System.Xml.XmlConvert.IsXmlChar(text[i]))
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    public static Paragraph KeepWithNext(Paragraph paragraph)
    {
        paragraph.ParagraphProperties ??= new ParagraphProperties();
        paragraph.ParagraphProperties.KeepNext = new KeepNext();
        return paragraph;
    }

    /// <summary>A complex field (begin, instruction, separate, cached result, end) that the reader recomputes.</summary>
    public static IEnumerable<Run> Field(string instruction, string cached, string? size = null)
    {
        Run Make(OpenXmlElement content)
        {
            var run = new Run();
            if (size is not null) run.Append(new RunProperties { FontSize = new FontSize { Val = size } });
            run.Append(content);
            return run;
        }

        yield return Make(new FieldChar { FieldCharType = FieldCharValues.Begin });
        yield return Make(new FieldCode(" " + instruction + " ") { Space = SpaceProcessingModeValues.Preserve });
        yield return Make(new FieldChar { FieldCharType = FieldCharValues.Separate });
        yield return Run(cached, size: size);
        yield return Make(new FieldChar { FieldCharType = FieldCharValues.End });
    }

    // ---- kop surat -------------------------------------------------------------------------

    /// <summary>Government and agency names centred, the address below, closed by a thick-thin rule.</summary>
    public static IEnumerable<Paragraph> LetterheadParagraphs(Letterhead head)
    {
        yield return Para(Props(JustificationValues.Center), Run(Upper(head.Government), bold: true, size: "28"));
        var agency = Para(Props(JustificationValues.Center), Run(Upper(head.Agency), bold: true, size: "36"));
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

    private static ParagraphBorders Rule() =>
        new() { BottomBorder = new BottomBorder { Val = BorderValues.ThickThinSmallGap, Size = 24, Space = 1, Color = "000000" } };

    // ---- tables ----------------------------------------------------------------------------

    /// <summary>A table with single lines around and between all cells; cell margins in dxa above/below and left/right.</summary>
    public static Table GridTable(int[] widths, int marginY = 28, short marginX = 57)
    {
        BorderType Line<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Color = "000000" };
        return new Table(
            new TableProperties
            {
                TableWidth = new TableWidth { Width = Dxa(widths.Sum()), Type = TableWidthUnitValues.Dxa },
                TableBorders = new TableBorders
                {
                    TopBorder = (TopBorder)Line<TopBorder>(),
                    LeftBorder = (LeftBorder)Line<LeftBorder>(),
                    BottomBorder = (BottomBorder)Line<BottomBorder>(),
                    RightBorder = (RightBorder)Line<RightBorder>(),
                    InsideHorizontalBorder = (InsideHorizontalBorder)Line<InsideHorizontalBorder>(),
                    InsideVerticalBorder = (InsideVerticalBorder)Line<InsideVerticalBorder>(),
                },
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
                TableCellMarginDefault = new TableCellMarginDefault
                {
                    TopMargin = new TopMargin { Width = Dxa(marginY), Type = TableWidthUnitValues.Dxa },
                    TableCellLeftMargin = new TableCellLeftMargin { Width = marginX, Type = TableWidthValues.Dxa },
                    BottomMargin = new BottomMargin { Width = Dxa(marginY), Type = TableWidthUnitValues.Dxa },
                    TableCellRightMargin = new TableCellRightMargin { Width = marginX, Type = TableWidthValues.Dxa },
                },
            },
            new TableGrid(widths.Select(w => new GridColumn { Width = Dxa(w) })));
    }

    public static Table PlainTable(int[] widths) =>
        new(
            new TableProperties
            {
                TableWidth = new TableWidth { Width = Dxa(widths.Sum()), Type = TableWidthUnitValues.Dxa },
                TableBorders = NoBorders(),
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            },
            new TableGrid(widths.Select(w => new GridColumn { Width = Dxa(w) })));

    /// <summary>A gray, bold header cell; header rows repeat at the top of every page.</summary>
    public static TableCell HeaderCell(int width, string title, int span = 1, VerticalMerge? merge = null)
    {
        var cell = Cell(width, Para(Props(JustificationValues.Center), Run(title, bold: true, size: TableSize)), merge, span);
        cell.TableCellProperties!.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = Gray };
        cell.TableCellProperties.TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center };
        return cell;
    }

    public static TableRow HeaderRow(params TableCell[] cells)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        row.Append(cells);
        return row;
    }

    public static TableRow HeaderRow(int[] widths, params string[] titles) =>
        HeaderRow(titles.Select((t, i) => HeaderCell(widths[i], t)).ToArray());

    /// <summary>A body row that does not split over pages.</summary>
    public static TableRow Row(params TableCell[] cells)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        row.Append(cells);
        return row;
    }

    /// <summary>A table cell of small text (<see cref="TableSize"/>).</summary>
    public static TableCell TextCell(int width, string text, JustificationValues? align = null, bool bold = false, bool italic = false, int span = 1, int indent = 0) =>
        Cell(width, Para(Props(align ?? JustificationValues.Left, indent: indent == 0 ? null : indent), Run(text, bold: bold, italic: italic, size: TableSize)), span: span);

    public static TableCell Cell(int width, Paragraph content, VerticalMerge? merge = null, int span = 1) =>
        Cell(width, [content], merge, span);

    public static TableCell Cell(int width, IEnumerable<OpenXmlElement> content, VerticalMerge? merge = null, int span = 1)
    {
        var props = new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Width = Dxa(width), Type = TableWidthUnitValues.Dxa },
            TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Top },
        };
        if (span > 1) props.GridSpan = new GridSpan { Val = span };
        if (merge is not null) props.VerticalMerge = merge;
        var cell = new TableCell(props);
        cell.Append(content);
        return cell;
    }

    /// <summary>Fills a cell with <paramref name="colour"/> (CSS name or #rrggbb) and picks black or white text to stay readable.</summary>
    public static TableCell Shade(TableCell cell, string? colour)
    {
        if (Hex(colour) is not { } hex) return cell;
        cell.TableCellProperties!.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = hex };
        var r = int.Parse(hex[..2], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var g = int.Parse(hex[2..4], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var b = int.Parse(hex[4..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (0.299 * r + 0.587 * g + 0.114 * b < 140)
        {
            foreach (var run in cell.Descendants<Run>())
            {
                run.RunProperties ??= new RunProperties();
                run.RunProperties.Color = new Color { Val = "FFFFFF" };
            }
        }

        return cell;
    }

    private static readonly Dictionary<string, string> NamedColours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["darkgreen"] = "006400", ["green"] = "008000", ["lightgreen"] = "90EE90", ["limegreen"] = "32CD32", ["lime"] = "00FF00",
        ["gold"] = "FFD700", ["yellow"] = "FFFF00", ["orange"] = "FFA500", ["darkorange"] = "FF8C00", ["red"] = "FF0000",
        ["darkred"] = "8B0000", ["crimson"] = "DC143C", ["blue"] = "0000FF", ["navy"] = "000080", ["teal"] = "008080",
        ["gray"] = "808080", ["grey"] = "808080", ["silver"] = "C0C0C0", ["black"] = "000000", ["white"] = "FFFFFF",
        ["purple"] = "800080", ["brown"] = "A52A2A", ["olive"] = "808000", ["maroon"] = "800000",
    };

    /// <summary>RRGGBB of a CSS colour name this table knows or of <c>#rrggbb</c>; null otherwise.</summary>
    public static string? Hex(string? colour)
    {
        if (string.IsNullOrWhiteSpace(colour)) return null;
        var c = colour.Trim();
        if (c.Length == 7 && c[0] == '#' && c[1..].All(char.IsAsciiHexDigit)) return c[1..].ToUpperInvariant();
        return NamedColours.GetValueOrDefault(c);
    }

    public static VerticalMerge? Clone(VerticalMerge? merge) => (VerticalMerge?)merge?.CloneNode(true);

    public static TableBorders NoBorders() => new()
    {
        TopBorder = new TopBorder { Val = BorderValues.None },
        LeftBorder = new LeftBorder { Val = BorderValues.None },
        BottomBorder = new BottomBorder { Val = BorderValues.None },
        RightBorder = new RightBorder { Val = BorderValues.None },
        InsideHorizontalBorder = new InsideHorizontalBorder { Val = BorderValues.None },
        InsideVerticalBorder = new InsideVerticalBorder { Val = BorderValues.None },
    };

    // ---- images ----------------------------------------------------------------------------

    /// <summary>A PNG placed inline, <paramref name="widthCm"/> by <paramref name="heightCm"/>.</summary>
    public static Run Picture(MainDocumentPart main, byte[] png, uint id, string name, double widthCm, double heightCm)
    {
        var image = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(png)) image.FeedData(stream);
        var relId = main.GetIdOfPart(image);
        var (cx, cy) = ((long)(widthCm * EmuPerCm), (long)(heightCm * EmuPerCm));
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0U, Name = name + ".png" },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        };
        return new Run(new Drawing(inline));
    }

    // ---- signature -------------------------------------------------------------------------

    /// <summary>
    /// The signature on the right half: place and date (a letter has them on top instead: null), the position in capitals, room to sign, the name bold and
    /// underlined, rank, NIP. When signed, the left half holds a 3 cm QR of <paramref name="qrContent"/> and the
    /// verification code (and URL) under it. The block keeps together on one page.
    /// </summary>
    public static Table SignatureBlock(MainDocumentPart main, string? place, DateOnly? date, Signatory signer,
        string? verificationCode, string? verificationUrl, uint imageId)
    {
        const int left = TextWidth / 2;
        var table = PlainTable([left, TextWidth - left]);
        Paragraph Line(string text, bool bold = false, bool underline = false, int before = 0) =>
            KeepWithNext(Para(Props(JustificationValues.Center, before: before), Run(text, bold: bold, underline: underline)));

        var right = new List<OpenXmlElement>();
        if (place is not null && date is { } day) right.Add(Line(place + ", " + IndonesianFormat.Date(day)));
        right.AddRange(
        [
            Line(Upper(signer.Position) + ","),
            Line(signer.Name, bold: true, underline: true, before: 1300),
        ]);
        if (!string.IsNullOrWhiteSpace(signer.Rank)) right.Add(Line(signer.Rank.Trim()));
        if (Nip(signer.Nip) is { } nip) right.Add(Line("NIP. " + nip));

        var leftContent = new List<OpenXmlElement>();
        if (!string.IsNullOrWhiteSpace(verificationCode))
        {
            var content = string.IsNullOrWhiteSpace(verificationUrl) ? verificationCode.Trim() : verificationUrl.Trim();
            leftContent.Add(KeepWithNext(Para(Props(JustificationValues.Center),
                Picture(main, QrCodePng.Create(content), imageId, "QR verifikasi", 3, 3))));
            leftContent.Add(KeepWithNext(Para(Props(JustificationValues.Center, before: 40),
                Run("Kode verifikasi: " + verificationCode.Trim(), bold: true, size: "16"))));
            if (!string.IsNullOrWhiteSpace(verificationUrl))
                leftContent.Add(KeepWithNext(Para(Props(JustificationValues.Center), Run(verificationUrl.Trim(), size: "14"))));
            leftContent.Add(KeepWithNext(Para(Props(JustificationValues.Center), Run("Pindai untuk memeriksa keaslian dokumen", italic: true, size: "14"))));
        }
        else
        {
            leftContent.Add(KeepWithNext(Para(Props(JustificationValues.Center))));
        }

        var row = new TableRow(new TableRowProperties(new CantSplit()));
        row.Append(Cell(left, leftContent), Cell(TextWidth - left, right));
        table.Append(row);
        return table;
    }

    // ---- package ---------------------------------------------------------------------------

    public static SectionProperties Section(params OpenXmlElement[] references)
    {
        var section = new SectionProperties();
        section.Append(references);
        section.Append(
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
            new PageMargin
            {
                Top = MarginTop, Right = MarginRight, Bottom = MarginBottom, Left = MarginLeft,
                Header = 567, Footer = 567, Gutter = 0,
            });
        return section;
    }

    /// <summary>Normal text, headings 1-4 with outline levels, TOC 1-3 with a dotted right tab, and table defaults.</summary>
    public static Styles Styles()
    {
        var styles = BaseStyles();

        // Heading 1: a chapter, centred, on a new page. 2-4: sections, objectives, analyses.
        (int Level, string Size, bool Centre, bool NewPage, int Before, int After)[] headings =
            [(1, "28", true, true, 0, 360), (2, "24", false, false, 240, 120), (3, "23", false, false, 240, 120), (4, "22", false, false, 200, 80)];
        foreach (var (level, size, centre, newPage, before, after) in headings)
        {
            var paragraph = new StyleParagraphProperties
            {
                KeepNext = new KeepNext(),
                KeepLines = new KeepLines(),
                SpacingBetweenLines = new SpacingBetweenLines { Before = Dxa(before), After = Dxa(after) },
                Justification = new Justification { Val = centre ? JustificationValues.Center : JustificationValues.Left },
                OutlineLevel = new OutlineLevel { Val = level - 1 },
            };
            if (newPage) paragraph.PageBreakBefore = new PageBreakBefore();
            var run = new StyleRunProperties(new Bold(), new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
            if (level == 4) run.Italic = new Italic();
            styles.Append(new Style(
                new StyleName { Val = "heading " + Int(level) },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new UIPriority { Val = 9 },
                new PrimaryStyle(),
                paragraph,
                run)
            {
                Type = StyleValues.Paragraph, StyleId = "Heading" + Int(level),
            });
        }

        for (var level = 1; level <= 3; level++)
        {
            var paragraph = new StyleParagraphProperties
            {
                Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = TextWidth }),
                SpacingBetweenLines = new SpacingBetweenLines { Before = level == 1 ? "120" : "0", After = "40" },
                Indentation = new Indentation { Left = Dxa((level - 1) * 397) },
            };
            var run = level == 1 ? new StyleRunProperties(new Bold()) : null;
            var style = new Style(
                new StyleName { Val = "toc " + Int(level) },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new UIPriority { Val = 39 },
                new UnhideWhenUsed(),
                paragraph)
            {
                Type = StyleValues.Paragraph, StyleId = "TOC" + Int(level),
            };
            if (run is not null) style.Append(run);
            styles.Append(style);
        }

        styles.Append(new Style(
            new StyleName { Val = "caption" },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new UIPriority { Val = 35 },
            new StyleParagraphProperties
            {
                KeepNext = new KeepNext(),
                SpacingBetweenLines = new SpacingBetweenLines { Before = "160", After = "80" },
                Justification = new Justification { Val = JustificationValues.Center },
            },
            new StyleRunProperties(new Bold(), new FontSize { Val = "20" }, new FontSizeComplexScript { Val = "20" }))
        {
            Type = StyleValues.Paragraph, StyleId = "Caption",
        });
        return styles;
    }

    /// <summary>The defaults alone: Arial 11 pt in Indonesian, single spacing, the Normal and Normal Table styles.</summary>
    public static Styles BaseStyles()
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

    /// <summary>Settings; <paramref name="updateFields"/> makes Word offer to refresh the page numbers of the contents on opening.</summary>
    public static Settings Settings(bool updateFields)
    {
        var settings = new Settings(
            new DefaultTabStop { Val = 720 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress });
        if (updateFields) settings.Append(new UpdateFieldsOnOpen { Val = true });
        settings.Append(
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }));
        return settings;
    }
}
