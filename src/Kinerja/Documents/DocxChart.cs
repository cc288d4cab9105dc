using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Kinerja.Documents;

/// <summary>
/// Native Word charts (DrawingML <c>c:chartSpace</c> in a chart part) that Word and LibreOffice draw themselves: the
/// categories and values are cached in the chart (<c>strRef</c>/<c>numRef</c> caches, read by LibreOffice's PDF
/// export) and written to an embedded workbook, so "Edit Data" in Word opens them.
/// </summary>
internal static class DocxChart
{
    /// <summary>One series: a name for the legend, one value per category (null leaves a gap), a bar colour RRGGBB.</summary>
    public sealed record Series(string Name, IReadOnlyList<decimal?> Values, string Colour);

    private const string Sheet = "Sheet1";

    /// <summary>
    /// A clustered column chart placed inline, <paramref name="widthCm"/> by <paramref name="heightCm"/>, with value
    /// labels in <paramref name="formatCode"/> (<c>[$-421]</c> makes LibreOffice write Indonesian separators).
    /// </summary>
    public static W.Run ClusteredColumns(
        MainDocumentPart main, uint id, string name, IReadOnlyList<string> categories, IReadOnlyList<Series> series,
        string valueAxisTitle, string formatCode, double widthCm = 16, double heightCm = 7.5)
    {
        var chartPart = main.AddNewPart<ChartPart>();
        var workbook = chartPart.AddEmbeddedPackagePart(EmbeddedPackagePartType.Xlsx);
        using (var stream = new MemoryStream(Workbook(categories, series))) workbook.FeedData(stream);

        var bar = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Column },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false });
        for (var s = 0; s < series.Count; s++) bar.Append(SeriesElement(s, categories, series[s], formatCode));
        bar.Append(
            new C.GapWidth { Val = 80 },
            new C.AxisId { Val = 1001U },
            new C.AxisId { Val = 1002U });

        chartPart.ChartSpace = new C.ChartSpace(
            new C.Date1904 { Val = false },
            new C.EditingLanguage { Val = "id-ID" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.AutoTitleDeleted { Val = true },
                new C.PlotArea(
                    new C.Layout(),
                    bar,
                    new C.CategoryAxis(
                        new C.AxisId { Val = 1001U },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                        new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
                        new C.MajorTickMark { Val = C.TickMarkValues.None },
                        new C.MinorTickMark { Val = C.TickMarkValues.None },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.Low },
                        TextProperties(800),
                        new C.CrossingAxis { Val = 1002U },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.AutoLabeled { Val = true },
                        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                        new C.LabelOffset { Val = 100 },
                        new C.NoMultiLevelLabels { Val = false }),
                    new C.ValueAxis(
                        new C.AxisId { Val = 1002U },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }, new C.MinAxisValue { Val = 0 }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Left },
                        new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "D9D9D9" })) { Width = 6350 })),
                        AxisTitle(valueAxisTitle),
                        new C.NumberingFormat { FormatCode = "[$-421]#,##0", SourceLinked = false },
                        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
                        new C.MinorTickMark { Val = C.TickMarkValues.None },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        TextProperties(800),
                        new C.CrossingAxis { Val = 1001U },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.CrossBetween { Val = C.CrossBetweenValues.Between })),
                new C.Legend(
                    new C.LegendPosition { Val = C.LegendPositionValues.Bottom },
                    new C.Overlay { Val = false },
                    TextProperties(800)),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }),
            new C.ExternalData(new C.AutoUpdate { Val = false }) { Id = chartPart.GetIdOfPart(workbook) });

        var (cx, cy) = ((long)(widthCm * DocxKit.EmuPerCm), (long)(heightCm * DocxKit.EmuPerCm));
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = name },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = main.GetIdOfPart(chartPart) })
            {
                Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
            }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        };
        return new W.Run(new W.Drawing(inline));
    }

    private static C.BarChartSeries SeriesElement(int index, IReadOnlyList<string> categories, Series series, string formatCode)
    {
        var column = ColumnName(index + 1);
        var last = categories.Count + 1;
        var names = new C.StringCache(new C.PointCount { Val = (uint)categories.Count });
        for (var i = 0; i < categories.Count; i++) names.Append(new C.StringPoint(new C.NumericValue(categories[i])) { Index = (uint)i });
        var values = new C.NumberingCache(new C.FormatCode(formatCode), new C.PointCount { Val = (uint)categories.Count });
        for (var i = 0; i < categories.Count; i++)
        {
            if (series.Values[i] is { } v)
                values.Append(new C.NumericPoint(new C.NumericValue(Number(v))) { Index = (uint)i });
        }

        return new C.BarChartSeries(
            new C.Index { Val = (uint)index },
            new C.Order { Val = (uint)index },
            new C.SeriesText(new C.StringReference(
                new C.Formula($"{Sheet}!${column}$1"),
                new C.StringCache(new C.PointCount { Val = 1U }, new C.StringPoint(new C.NumericValue(series.Name)) { Index = 0U }))),
            new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = series.Colour })),
            new C.InvertIfNegative { Val = false },
            new C.DataLabels(
                new C.NumberingFormat { FormatCode = formatCode, SourceLinked = false },
                new C.ChartShapeProperties(new A.NoFill(), new A.Outline(new A.NoFill())),
                TextProperties(700),
                new C.DataLabelPosition { Val = C.DataLabelPositionValues.OutsideEnd },
                new C.ShowLegendKey { Val = false },
                new C.ShowValue { Val = true },
                new C.ShowCategoryName { Val = false },
                new C.ShowSeriesName { Val = false },
                new C.ShowPercent { Val = false },
                new C.ShowBubbleSize { Val = false }),
            new C.CategoryAxisData(new C.StringReference(new C.Formula($"{Sheet}!$A$2:$A${last}"), names)),
            new C.Values(new C.NumberReference(new C.Formula($"{Sheet}!${column}$2:${column}${last}"), values)));
    }

    private static C.Title AxisTitle(string text) =>
        new(
            new C.ChartText(new C.RichText(
                new A.BodyProperties { Rotation = -5400000, Vertical = A.TextVerticalValues.Horizontal },
                new A.ListStyle(),
                new A.Paragraph(
                    new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 800, Bold = false }),
                    new A.Run(new A.RunProperties { Language = "id-ID", FontSize = 800, Bold = false }, new A.Text(DocxKit.XmlText(text)))))),
            new C.Overlay { Val = false });

    private static C.TextProperties TextProperties(int size) =>
        new(
            new A.BodyProperties(),
            new A.ListStyle(),
            new A.Paragraph(
                new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = size }),
                new A.EndParagraphRunProperties { Language = "id-ID" }));

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string ColumnName(int index) => ((char)('A' + index)).ToString();

    /// <summary>The chart's data as an xlsx: categories in column A from row 2, one series per column with its name in row 1.</summary>
    private static byte[] Workbook(IReadOnlyList<string> categories, IReadOnlyList<Series> series)
    {
        if (series.Count > 25) throw new ArgumentOutOfRangeException(nameof(series), "At most 25 series.");
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new S.SheetData();

            S.Cell StringCell(string reference, string text) =>
                new(new S.InlineString(new S.Text(text))) { CellReference = reference, DataType = S.CellValues.InlineString };

            var header = new S.Row { RowIndex = 1U };
            header.Append(StringCell("A1", ""));
            for (var s = 0; s < series.Count; s++) header.Append(StringCell(ColumnName(s + 1) + "1", series[s].Name));
            data.Append(header);
            for (var i = 0; i < categories.Count; i++)
            {
                var r = (uint)(i + 2);
                var row = new S.Row { RowIndex = r };
                row.Append(StringCell("A" + r.ToString(CultureInfo.InvariantCulture), categories[i]));
                for (var s = 0; s < series.Count; s++)
                {
                    if (series[s].Values[i] is { } v)
                    {
                        row.Append(new S.Cell(new S.CellValue(Number(v)))
                        {
                            CellReference = ColumnName(s + 1) + r.ToString(CultureInfo.InvariantCulture),
                            DataType = S.CellValues.Number,
                        });
                    }
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new S.Worksheet(data);
            workbookPart.Workbook = new S.Workbook(new S.Sheets(new S.Sheet { Name = Sheet, SheetId = 1U, Id = workbookPart.GetIdOfPart(sheetPart) }));
        }

        return stream.ToArray();
    }
}
