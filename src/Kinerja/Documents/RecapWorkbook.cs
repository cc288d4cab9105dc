using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Features.Recap;

namespace Kinerja.Documents;

/// <summary>
/// The recap as an xlsx workbook: a summary sheet (agency, objectives, units, completeness, the category scale) and one
/// sheet per objective with its indicators, plus one for program and activity indicators. Numbers are real numbers in
/// Indonesian format (<c>[$-421]#,##0.##</c>, achievements <c>#,##0.00 %</c>), headers are frozen, category cells are
/// filled with the category's colour. Pure: a <see cref="RecapDto"/> in, bytes out.
/// </summary>
public static class RecapWorkbook
{
    public const string SummarySheet = "Ringkasan";
    public const string OtherSheet = "Program dan Kegiatan";

    /// <summary>Headers of an objective's sheet, in order.</summary>
    public static readonly IReadOnlyList<string> IndicatorHeaders =
    [
        "Kode", "Indikator", "Satuan", "Unit", "Target s.d. Periode", "Realisasi s.d. Periode", "Capaian s.d. Periode", "Kategori",
        "Target Periode", "Realisasi Periode", "Capaian Periode", "Kategori Periode", "Status Data", "Keterangan",
    ];

    private static readonly double[] IndicatorWidths = [10, 60, 12, 30, 14, 14, 14, 15, 14, 14, 14, 15, 14, 50];

    // Fixed cell formats; category fills follow from index FirstCategory on, one per band of the scale.
    private const uint General = 0;
    private const uint Header = 1;
    private const uint TextCell = 2;
    private const uint NumberCell = 3;
    private const uint PercentCell = 4;
    private const uint Title = 5;
    private const uint Label = 6;
    private const uint Wrapped = 7;
    private const uint QuotedText = 8;   // TextCell and Wrapped for text a spreadsheet would take as a formula (= + - @):
    private const uint QuotedWrapped = 9; // quotePrefix keeps it text even when the cell is edited
    private const uint FirstCategory = 10;

    public static byte[] Write(RecapDto recap)
    {
        ArgumentNullException.ThrowIfNull(recap);
        var colours = recap.Scale.Select(b => b.Colour).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // A category is styled by its name, looked up in the agency's own scale (the recap carries it).
        uint CategoryStyle(string? label) =>
            recap.Scale.FirstOrDefault(b => b.Label == label)?.Colour is { } colour
                ? FirstCategory + (uint)colours.FindIndex(c => string.Equals(c, colour, StringComparison.OrdinalIgnoreCase))
                : TextCell;

        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = doc.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), new Sheets());
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet(colours);
            var sheets = workbookPart.Workbook.Sheets!;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            AddSheet(workbookPart, sheets, SummarySheet, Summary(recap, CategoryStyle), names);
            foreach (var o in recap.Objectives)
            {
                AddSheet(workbookPart, sheets, SheetName("Sasaran " + o.Code, names), IndicatorSheet(
                    $"Sasaran {o.Code}: {o.Name}", o.Achievement, o.Category, o.Indicators, recap, CategoryStyle), names);
            }

            if (recap.OtherIndicators.Count > 0)
            {
                AddSheet(workbookPart, sheets, SheetName(OtherSheet, names),
                    IndicatorSheet("Indikator program dan kegiatan", null, null, recap.OtherIndicators, recap, CategoryStyle), names);
            }
        }

        return stream.ToArray();
    }

    private static Worksheet Summary(RecapDto r, Func<string?, uint> categoryStyle)
    {
        var rows = new List<Row>();
        uint n = 0;
        Row Next()
        {
            var row = new Row { RowIndex = ++n };
            rows.Add(row);
            return row;
        }

        Next().Append(Text(0, n, "Rekapitulasi Capaian Kinerja " + r.PeriodName, Title));
        Next();
        Next().Append(Text(0, n, "Instansi", Label), Text(1, n, r.Agency, TextCell));
        Next().Append(Text(0, n, "Periode", Label), Text(1, n, $"{r.PeriodName} ({r.Period})", TextCell));
        Next().Append(Text(0, n, "Data", Label), Text(1, n,
            r.IncludeUnverified ? "Termasuk nilai yang belum diverifikasi (sementara)" : "Hanya kertas kerja terverifikasi", TextCell));
        var agencyRow = Next();
        agencyRow.Append(Text(0, n, "Capaian instansi s.d. periode", Label));
        agencyRow.Append(Cells(1, n, r.AgencyAchievement, r.Category, categoryStyle));
        var aloneRow = Next();
        aloneRow.Append(Text(0, n, "Capaian instansi periode ini", Label));
        aloneRow.Append(Cells(1, n, r.AgencyPeriodAchievement, r.PeriodCategory, categoryStyle));
        var c = r.Completeness;
        Next().Append(Text(0, n, "Kelengkapan data", Label), Text(1, n,
            string.Create(CultureInfo.InvariantCulture, $"{c.Verified} dari {c.Indicators} indikator terverifikasi, {c.Provisional} sementara, {c.Missing} belum ada"), TextCell));

        Next();
        var header = Next();
        string[] objectiveHeaders = ["Kode", "Sasaran", "Capaian s.d. Periode", "Kategori", "Capaian Periode", "Kategori Periode", "Jumlah Indikator"];
        for (var i = 0; i < objectiveHeaders.Length; i++) header.Append(Text(i, n, objectiveHeaders[i], Header));
        var headerRow = n;
        foreach (var o in r.Objectives)
        {
            var row = Next();
            row.Append(Text(0, n, o.Code, TextCell), Text(1, n, o.Name, Wrapped));
            row.Append(Cells(2, n, o.Achievement, o.Category, categoryStyle));
            row.Append(Cells(4, n, o.PeriodAchievement, o.PeriodCategory, categoryStyle));
            row.Append(Number(6, n, o.Indicators.Count));
        }

        Next();
        var unitHeader = Next();
        string[] unitHeaders = ["Unit", "Capaian s.d. Periode", "Kategori", "Indikator", "Terverifikasi", "Sementara", "Belum Ada"];
        for (var i = 0; i < unitHeaders.Length; i++) unitHeader.Append(Text(i, n, unitHeaders[i], Header));
        foreach (var u in r.Units)
        {
            var row = Next();
            row.Append(Text(0, n, u.Unit, Wrapped));
            row.Append(Cells(1, n, u.Achievement, u.Category, categoryStyle));
            row.Append(Number(3, n, u.Indicators), Number(4, n, u.Verified), Number(5, n, u.Provisional), Number(6, n, u.Missing));
        }

        Next();
        Next().Append(Text(0, n, "Skala kategori (Permendagri 86/2017)", Label));
        foreach (var band in r.Scale)
        {
            var row = Next();
            row.Append(Text(0, n, band.Label, categoryStyle(band.Label)));
            row.Append(Text(1, n, band.Above is { } above ? "> " + above.ToString("0.##", Domain.Common.Text.Indonesian) + " %" : "sisanya", TextCell));
        }

        return new Worksheet(
            FrozenView(headerRow),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            Widths([34, 60, 20, 16, 20, 16, 16]),
            new SheetData(rows));
    }

    private static Worksheet IndicatorSheet(
        string title, decimal? achievement, string? category, IReadOnlyList<RecapIndicatorDto> indicators, RecapDto r, Func<string?, uint> categoryStyle)
    {
        var data = new SheetData();
        var top = new Row { RowIndex = 1 };
        top.Append(Text(0, 1, title, Title));
        data.Append(top);
        var summary = new Row { RowIndex = 2 };
        summary.Append(Text(0, 2, r.PeriodName, Label));
        if (achievement is not null) summary.Append(Cells(6, 2, achievement, category, categoryStyle));
        data.Append(summary);

        var header = new Row { RowIndex = 3 };
        for (var i = 0; i < IndicatorHeaders.Count; i++) header.Append(Text(i, 3, IndicatorHeaders[i], Header));
        data.Append(header);

        uint n = 3;
        foreach (var i in indicators)
        {
            n++;
            var row = new Row { RowIndex = n };
            row.Append(Text(0, n, i.Code, TextCell), Text(1, n, i.Name, Wrapped), Text(2, n, i.Measure, TextCell), Text(3, n, i.Unit, Wrapped));
            row.Append(TargetCell(4, n, i.Target, i.RangeLow, i.RangeHigh));
            row.Append(Optional(Number(5, n, i.Realization)));
            row.Append(Cells(6, n, i.Achievement, i.Category, categoryStyle));
            row.Append(TargetCell(8, n, i.PeriodTarget, i.RangeLow, i.RangeHigh));
            row.Append(Optional(Number(9, n, i.PeriodRealization)));
            row.Append(Cells(10, n, i.PeriodAchievement, i.PeriodCategory, categoryStyle));
            row.Append(Text(12, n, DataLabel(i.Data), TextCell));
            var notes = new[] { i.Reason, i.PeriodReason != i.Reason ? i.PeriodReason : null, i.Provisional || i.PeriodProvisional ? "Memuat nilai sementara (belum diverifikasi)." : null }
                .Where(s => s is not null);
            row.Append(Text(13, n, string.Join(" ", notes), Wrapped));
            data.Append(row);
        }

        return new Worksheet(FrozenView(3), new SheetFormatProperties { DefaultRowHeight = 15 }, Widths(IndicatorWidths), data);
    }

    /// <summary>"terverifikasi", "sementara", "belum ada".</summary>
    public static string DataLabel(string data) => data switch
    {
        "verified" => "terverifikasi",
        "provisional" => "sementara",
        _ => "belum ada",
    };

    private static OpenXmlElement[] TargetCell(int column, uint row, decimal? target, decimal? low, decimal? high)
    {
        if (target is not null) return [Number(column, row, target)!];
        if (low is { } a && high is { } b)
        {
            var i = Domain.Common.IndonesianFormat.Number(a) + " - " + Domain.Common.IndonesianFormat.Number(b);
            return [Text(column, row, i, TextCell)];
        }

        return [];
    }

    /// <summary>An achievement (percent) and its category, the category filled with its colour.</summary>
    private static OpenXmlElement[] Cells(int column, uint row, decimal? achievement, string? category, Func<string?, uint> categoryStyle)
    {
        var cells = new List<OpenXmlElement>();
        if (achievement is { } a) cells.Add(new Cell { CellReference = Ref(column, row), StyleIndex = PercentCell, CellValue = new CellValue(Invariant(a)) });
        if (category is not null) cells.Add(Text(column + 1, row, category, categoryStyle(category)));
        return [.. cells];
    }

    private static OpenXmlElement[] Optional(Cell? cell) => cell is null ? [] : [cell];

    private static Cell? Number(int column, uint row, decimal? value) =>
        value is { } v ? new Cell { CellReference = Ref(column, row), StyleIndex = NumberCell, CellValue = new CellValue(Invariant(v)) } : null;

    private static Cell Number(int column, uint row, int value) =>
        new() { CellReference = Ref(column, row), StyleIndex = NumberCell, CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)) };

    private static Cell Text(int column, uint row, string text, uint style) => new()
    {
        CellReference = Ref(column, row),
        DataType = CellValues.InlineString,
        StyleIndex = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? style switch { TextCell => QuotedText, Wrapped => QuotedWrapped, _ => style } : style,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(PlanWorkbookLayout.Escape(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, string name, Worksheet worksheet, HashSet<string> names)
    {
        names.Add(name);
        var part = workbookPart.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        if (sheets.ChildElements.Count == 0) worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.TabSelected = true;
        sheets.Append(new Sheet { Name = name, SheetId = (uint)sheets.ChildElements.Count + 1, Id = workbookPart.GetIdOfPart(part) });
    }

    /// <summary>A sheet name Excel accepts (31 characters, none of []:*?/\) that no other sheet has.</summary>
    private static string SheetName(string wanted, HashSet<string> taken)
    {
        var clean = new string(wanted.Select(ch => "[]:*?/\\".Contains(ch, StringComparison.Ordinal) ? '-' : ch).ToArray()).Trim('\'');
        if (clean.Length > 31) clean = clean[..31];
        var name = clean;
        for (var i = 2; taken.Contains(name); i++)
        {
            var suffix = " (" + i.ToString(CultureInfo.InvariantCulture) + ")";
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return name;
    }

    private static SheetViews FrozenView(uint headerRow) =>
        new(new SheetView(
            new Pane
            {
                VerticalSplit = headerRow,
                TopLeftCell = "A" + (headerRow + 1).ToString(CultureInfo.InvariantCulture),
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            })
        {
            WorkbookViewId = 0,
        });

    private static Columns Widths(double[] widths)
    {
        var columns = new Columns();
        for (var i = 0; i < widths.Length; i++)
        {
            columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
        }

        return columns;
    }

    private static string Ref(int column, uint row) => PlanWorkbookLayout.ColumnLetters(column) + row.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    /// <summary>ARGB of a category colour: CSS names used by the scales, or #rrggbb.</summary>
    public static string Argb(string colour) => colour.ToLowerInvariant() switch
    {
        "darkgreen" => "FF006400",
        "green" => "FF008000",
        "gold" => "FFFFD700",
        "orange" => "FFFFA500",
        "red" => "FFFF0000",
        "yellow" => "FFFFFF00",
        "blue" => "FF0000FF",
        var c when c.Length == 7 && c[0] == '#' => "FF" + c[1..].ToUpperInvariant(),
        _ => "FFD9D9D9",
    };

    /// <summary>Dark fills get white text.</summary>
    private static bool IsDark(string argb)
    {
        var rgb = int.Parse(argb.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var (r, g, b) = ((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        return (0.299 * r) + (0.587 * g) + (0.114 * b) < 150;
    }

    private static Stylesheet Stylesheet(IReadOnlyList<string> colours)
    {
        const uint numberFormat = 164, percentFormat = 165;
        Font Font(bool bold = false, double size = 11, string? argb = null)
        {
            var f = new Font();
            if (bold) f.Append(new Bold());
            f.Append(new FontSize { Val = size });
            if (argb is not null) f.Append(new Color { Rgb = argb });
            f.Append(new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
            return f;
        }

        static Fill Solid(string argb) => new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

        var fonts = new Fonts(Font(), Font(bold: true), Font(bold: true, size: 14), Font(bold: true, argb: "FFFFFFFF"));
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }), Solid("FFDDEBF7"));
        var formats = new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = true })
            { NumberFormatId = 49, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = numberFormat, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = percentFormat, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 49, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true, QuotePrefix = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true, QuotePrefix = true });
        foreach (var colour in colours)
        {
            var argb = Argb(colour);
            fills.Append(Solid(argb));
            formats.Append(new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top })
            {
                NumberFormatId = 49, FontId = IsDark(argb) ? 3u : 1u, FillId = (uint)fills.ChildElements.Count - 1, BorderId = 0, FormatId = 0,
                ApplyFont = true, ApplyFill = true, ApplyNumberFormat = true, ApplyAlignment = true, QuotePrefix = true, // the agency's own labels
            });
        }

        fonts.Count = (uint)fonts.ChildElements.Count;
        fills.Count = (uint)fills.ChildElements.Count;
        formats.Count = (uint)formats.ChildElements.Count;
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = numberFormat, FormatCode = "[$-421]#,##0.##" },
                new NumberingFormat { NumberFormatId = percentFormat, FormatCode = "[$-421]#,##0.00\" %\"" })
            { Count = 2 },
            fonts,
            fills,
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
