using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Domain.Common;
using ExplanationRule = Kinerja.Domain.Rounds.ExplanationRule;
using XText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Kinerja.Documents;

/// <summary>One unit's worksheet (kertas kerja) of a collection round, as it travels in the xlsx a unit fills offline.</summary>
/// <param name="Deadline">The deadline as a date, already in the agency's time zone.</param>
public sealed record WorksheetWorkbookData(
    Guid WorksheetId, string Agency, string Unit, string Period, string PeriodName, DateOnly? Deadline, DateTimeOffset DownloadedAt,
    IReadOnlyList<WorksheetWorkbookLine> Lines);

/// <summary>A line of the worksheet. Polarity: higher | lower | range (API spelling).</summary>
public sealed record WorksheetWorkbookLine(
    Guid LineId, int Version, string Code, string Indicator, string Measure, string Polarity, decimal? Target, decimal? TargetToDate,
    decimal? RangeLow, decimal? RangeHigh, decimal? PreviousRealization, decimal? Realization, string? Explanation);

/// <summary>What a cell of the upload asks for: <c>Given</c> false leaves the value as it is (empty cell); <c>Given</c> with a null value clears it ("-").</summary>
public readonly record struct FileEdit<T>(bool Given, T? Value)
{
    public static readonly FileEdit<T> Keep = new(false, default);
}

/// <summary>A line as read back from an upload: its hidden id and version, and what the unit typed.</summary>
public sealed record WorksheetFileRow(int Row, Guid LineId, int Version, string? Code, FileEdit<decimal?> Realization, FileEdit<string?> Explanation);

/// <summary>
/// The rows read without problems, and every problem by sheet, row and column. <c>WorksheetId</c> is the hidden
/// id of the worksheet the file was downloaded from (null when the file does not carry one), found on <c>WorksheetIdRow</c>.
/// </summary>
public sealed record WorksheetWorkbookReadResult(Guid? WorksheetId, int WorksheetIdRow, IReadOnlyList<WorksheetFileRow> Rows, IReadOnlyList<CellProblem> Problems);

/// <summary>What <see cref="WorksheetWorkbook.Read"/> accepts before it refuses a file.</summary>
public sealed record WorksheetWorkbookLimits
{
    /// <summary>Size of the uploaded file (default 10 MB, as <c>Uploads</c>).</summary>
    public long MaxBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Uncompressed size of any one zip entry and of all entries together (default 20 MB; a 500-line worksheet is below 1 MB).</summary>
    public long MaxUncompressedBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Non-blank rows under the header (default 2,000).</summary>
    public int MaxRows { get; init; } = 2_000;

    /// <summary>Rows searched for the header row (default 100).</summary>
    public int MaxHeaderRow { get; init; } = 100;
}

/// <summary>
/// The worksheet workbook: a Petunjuk sheet and a Kertas Kerja sheet whose only unlocked cells are the
/// realization and explanation of each line; hidden columns carry each line's id and version. Pure format
/// code: records in, bytes out; bytes in, rows and problems out.
/// </summary>
public static class WorksheetWorkbook
{
    public const string Instructions = "Petunjuk";
    public const string Sheet = "Kertas Kerja";

    public const string AgencyLabel = "Instansi";
    public const string UnitLabel = "Unit";
    public const string PeriodLabel = "Periode";
    public const string DeadlineLabel = "Batas waktu";
    public const string DownloadedLabel = "Diunduh";
    public const string WorksheetIdLabel = "ID Kertas Kerja";

    public const string Code = "Kode";
    public const string Indicator = "Indikator";
    public const string Measure = "Satuan";
    public const string Polarity = "Polaritas";
    public const string Target = "Target Periode";
    public const string TargetToDate = "Target s.d. Periode";
    public const string Previous = "Realisasi Sebelumnya";
    public const string Realization = "Realisasi";
    public const string Explanation = "Penjelasan";
    public const string LineId = "ID Baris";
    public const string Version = "Versi";

    /// <summary>Typed in a Realisasi or Penjelasan cell: remove the value saved in the application.</summary>
    public const string Clear = "-";

    public const int MaxExplanation = 4000;

    /// <summary>Decimals kept of a realization (the database keeps 6).</summary>
    public const int Decimals = 6;

    /// <summary>The header row of the Kertas Kerja sheet (1-based); lines start below it.</summary>
    public const int HeaderRow = 9;

    internal static readonly (string Header, double Width)[] Columns =
    [
        (Code, 12), (Indicator, 48), (Measure, 14), (Polarity, 16), (Target, 16), (TargetToDate, 16), (Previous, 16),
        (Realization, 16), (Explanation, 60), (LineId, 38), (Version, 8),
    ];

    public static byte[] Write(WorksheetWorkbookData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return WorksheetWorkbookWriter.Write(data);
    }

    /// <summary>Reads an upload. Never throws for bad input: every problem is listed with its sheet, row and column header.</summary>
    public static WorksheetWorkbookReadResult Read(Stream xlsx, WorksheetWorkbookLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        return new WorksheetWorkbookReader(limits ?? new WorksheetWorkbookLimits()).Read(xlsx);
    }

    public static string PolarityLabel(string polarity) => polarity switch
    {
        "higher" => "Makin tinggi makin baik",
        "lower" => "Makin rendah makin baik",
        "range" => "Rentang",
        _ => polarity,
    };
}

internal static class WorksheetWorkbookWriter
{
    // Cell formats (cellXfs) of the stylesheet below.
    private const uint General = 0;
    private const uint Header = 1;
    private const uint LockedText = 2;
    private const uint LockedNumber = 3;
    private const uint InputNumber = 4;
    private const uint InputText = 5;
    private const uint Title = 6;
    private const uint Label = 7;
    private const uint Wrapped = 8;
    private const uint LockedQuoted = 9;
    private const uint InputQuoted = 10;

    private const uint NumberFormatId = 164;

    public static byte[] Write(WorksheetWorkbookData data)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = doc.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new BookViews(new WorkbookView { ActiveTab = 1 }), new Sheets());
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var strings = new PlanWorkbookWriter.SharedStrings();
            var sheets = workbookPart.Workbook.Sheets!;
            AddSheet(workbookPart, sheets, WorksheetWorkbook.Instructions, InstructionsSheet(data, strings));
            AddSheet(workbookPart, sheets, WorksheetWorkbook.Sheet, DataSheet(data, strings));
            var sst = workbookPart.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = strings.Table();
        }

        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, string name, Worksheet worksheet)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Name = name, SheetId = (uint)sheets.ChildElements.Count + 1, Id = workbookPart.GetIdOfPart(part) });
    }

    private static Worksheet DataSheet(WorksheetWorkbookData data, PlanWorkbookWriter.SharedStrings strings)
    {
        var columns = new Columns();
        var cols = WorksheetWorkbook.Columns;
        for (var i = 0; i < cols.Length; i++)
        {
            var hidden = cols[i].Header is WorksheetWorkbook.LineId or WorksheetWorkbook.Version;
            columns.Append(new Column
            {
                Min = (uint)i + 1, Max = (uint)i + 1, Width = cols[i].Width, CustomWidth = true, Hidden = hidden ? true : null,
                Style = cols[i].Header switch
                {
                    WorksheetWorkbook.Realization => InputNumber,
                    WorksheetWorkbook.Explanation => InputText,
                    _ => LockedText,
                },
            });
        }

        var sheetData = new SheetData();
        sheetData.Append(new Row(TextCell("A1", "Kertas Kerja Pengumpulan Data Kinerja", strings, Title)) { RowIndex = 1 });
        uint r = 2;
        foreach (var (label, value) in HeaderValues(data))
        {
            sheetData.Append(new Row(TextCell(Ref(0, r), label, strings, Label), TextCell(Ref(1, r), value, strings, LockedText)) { RowIndex = r });
            r++;
        }

        // The worksheet's own id, on a hidden row: an upload to another worksheet is recognised.
        sheetData.Append(new Row(
            TextCell(Ref(0, r), WorksheetWorkbook.WorksheetIdLabel, strings, Label),
            TextCell(Ref(1, r), data.WorksheetId.ToString(), strings, LockedText))
        { RowIndex = r, Hidden = true });

        var header = new Row { RowIndex = WorksheetWorkbook.HeaderRow, Height = 32, CustomHeight = true };
        for (var i = 0; i < cols.Length; i++) header.Append(TextCell(Ref(i, WorksheetWorkbook.HeaderRow), cols[i].Header, strings, Header));
        sheetData.Append(header);

        r = WorksheetWorkbook.HeaderRow;
        foreach (var l in data.Lines)
        {
            r++;
            var row = new Row { RowIndex = r };
            row.Append(
                TextCell(Ref(0, r), l.Code, strings, LockedText),
                TextCell(Ref(1, r), l.Indicator, strings, LockedText),
                TextCell(Ref(2, r), l.Measure, strings, LockedText),
                TextCell(Ref(3, r), WorksheetWorkbook.PolarityLabel(l.Polarity), strings, LockedText),
                l.Target is null && l.RangeLow is { } low && l.RangeHigh is { } high
                    ? TextCell(Ref(4, r), IndonesianFormat.Number(low, 6) + " - " + IndonesianFormat.Number(high, 6), strings, LockedText)
                    : NumberCell(Ref(4, r), l.Target, LockedNumber),
                NumberCell(Ref(5, r), l.TargetToDate, LockedNumber),
                NumberCell(Ref(6, r), l.PreviousRealization, LockedNumber),
                NumberCell(Ref(7, r), l.Realization, InputNumber),
                l.Explanation is { Length: > 0 } e ? TextCell(Ref(8, r), e, strings, InputText) : new Cell { CellReference = Ref(8, r), StyleIndex = InputText },
                TextCell(Ref(9, r), l.LineId.ToString(), strings, LockedText),
                NumberCell(Ref(10, r), l.Version, LockedText));
            sheetData.Append(row);
        }

        var worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane
                {
                    VerticalSplit = WorksheetWorkbook.HeaderRow, // ySplit: the rows above the lines stay in view
                    TopLeftCell = "A" + (WorksheetWorkbook.HeaderRow + 1).ToString(CultureInfo.InvariantCulture),
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                },
                new Selection
                {
                    Pane = PaneValues.BottomLeft,
                    ActiveCell = Ref(7, WorksheetWorkbook.HeaderRow + 1),
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = Ref(7, WorksheetWorkbook.HeaderRow + 1) },
                })
            {
                WorkbookViewId = 0,
                TabSelected = true,
            }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            columns,
            sheetData,
            // Locked cells are a guide, not security (no password): the upload reads only Realisasi and Penjelasan anyway.
            new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false });

        if (data.Lines.Count > 0)
        {
            var first = WorksheetWorkbook.HeaderRow + 1;
            var last = WorksheetWorkbook.HeaderRow + data.Lines.Count;
            worksheet.Append(new DataValidations(
                new DataValidation(
                    new Formula1(Invariant(-Domain.Plan.TargetValues.MaxMagnitude)), new Formula2(Invariant(Domain.Plan.TargetValues.MaxMagnitude)))
                {
                    Type = DataValidationValues.Decimal,
                    Operator = DataValidationOperatorValues.Between,
                    AllowBlank = true,
                    ShowInputMessage = true,
                    ShowErrorMessage = true,
                    // A warning, not a stop: the text "-" (clear the value) must stay possible.
                    ErrorStyle = DataValidationErrorStyleValues.Warning,
                    PromptTitle = "Realisasi",
                    Prompt = "Angka realisasi periode ini dalam satuan indikator, misalnya 95,5. Kosong = tidak diubah; - = hapus nilai.",
                    ErrorTitle = "Bukan angka",
                    Error = "Isikan angka, misalnya 1.250,5. Untuk menghapus nilai yang tersimpan, ketik - lalu pilih Ya.",
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{Ref(7, (uint)first)}:{Ref(7, (uint)last)}" },
                },
                new DataValidation(new Formula1(WorksheetWorkbook.MaxExplanation.ToString(CultureInfo.InvariantCulture)))
                {
                    Type = DataValidationValues.TextLength,
                    Operator = DataValidationOperatorValues.LessThanOrEqual,
                    AllowBlank = true,
                    ShowInputMessage = true,
                    ShowErrorMessage = true,
                    PromptTitle = "Penjelasan",
                    Prompt = "Faktor pendukung/penghambat, wajib bila capaian jauh dari target. Kosong = tidak diubah; - = hapus.",
                    ErrorTitle = "Terlalu panjang",
                    Error = "Penjelasan paling panjang 4.000 karakter.",
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{Ref(8, (uint)first)}:{Ref(8, (uint)last)}" },
                })
            { Count = 2 });
        }

        worksheet.Append(
            new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape });
        return worksheet;
    }

    private static IEnumerable<(string Label, string Value)> HeaderValues(WorksheetWorkbookData d) =>
    [
        (WorksheetWorkbook.AgencyLabel, d.Agency),
        (WorksheetWorkbook.UnitLabel, d.Unit),
        (WorksheetWorkbook.PeriodLabel, $"{d.PeriodName} ({d.Period})"),
        (WorksheetWorkbook.DeadlineLabel, Deadline(d)),
        (WorksheetWorkbook.DownloadedLabel, d.DownloadedAt.ToString("d MMMM yyyy HH:mm", IndonesianFormat.Culture)),
    ];

    private static string Deadline(WorksheetWorkbookData d) => d.Deadline is { } date ? IndonesianFormat.Date(date) : "tidak ditentukan";

    private static Worksheet InstructionsSheet(WorksheetWorkbookData d, PlanWorkbookWriter.SharedStrings strings)
    {
        var rule = ExplanationRule.Default;
        var lines = new List<(string? Label, string? Value, uint Style)>
        {
            ("Petunjuk Pengisian Kertas Kerja", null, Title),
            (null, null, General),
        };
        lines.AddRange(HeaderValues(d).Select(h => ((string?)h.Label, (string?)h.Value, General)));
        lines.AddRange(
        [
            (null, null, General),
            ("Yang diisi",
                "Di lembar \"Kertas Kerja\", isi hanya dua kolom berwarna: Realisasi dan Penjelasan. Kolom lain dikunci dan hanya untuk dibaca; "
                + "perubahan di kolom itu tidak dibaca saat diunggah.", General),
            ("Realisasi",
                "Capaian periode ini saja (bukan akumulasi sejak awal tahun), dalam satuan di kolom Satuan. Untuk satuan %, tulis 95,5 "
                + "(bukan 0,955 dan bukan 95,5%). Bandingkan dengan Target Periode; Target s.d. Periode adalah target kumulatif sampai periode ini.", General),
            ("Angka",
                "Format Indonesia: koma desimal dan titik pemisah ribuan, misalnya 1.250,5. Angka yang diketik sebagai teks dalam format itu juga diterima. "
                + "Paling banyak " + WorksheetWorkbook.Decimals.ToString(CultureInfo.InvariantCulture) + " angka di belakang koma disimpan.", General),
            ("Sel kosong dan tanda -",
                "Sel Realisasi atau Penjelasan yang kosong berarti nilai di aplikasi tidak diubah. Untuk menghapus nilai yang sudah tersimpan, "
                + "ketik tanda minus saja (-) di sel itu.", General),
            ("Penjelasan",
                "Wajib diisi sebelum kertas kerja dikirim bila capaian di bawah " + IndonesianFormat.Number(rule.LowAchievement) + "% atau di atas "
                + IndonesianFormat.Number(rule.HighAchievement) + "% dari target, atau realisasi berubah lebih dari " + IndonesianFormat.Number(rule.MaxChange)
                + "% dari Realisasi Sebelumnya. Tuliskan faktor pendukung atau penghambat, paling panjang 4.000 karakter.", General),
            ("Rumus", "Rumus tidak diterima: isikan nilainya saja (salin, lalu Tempel Khusus > Nilai).", General),
            ("Baris dan kolom tersembunyi",
                "Kolom tersembunyi ID Baris dan Versi menandai setiap baris di aplikasi. Jangan mengubahnya, jangan menambah baris indikator, "
                + "dan jangan mengganti nama lembar. Urutan baris dan lebar kolom boleh diubah.", General),
            ("Mengunggah",
                "Buka kertas kerja di Kinerja dan unggah berkas ini. Berkas diperiksa dahulu: setiap perubahan (nilai lama menjadi nilai baru) "
                + "dan setiap masalah ditampilkan per baris dan kolom. Semua perubahan disimpan sekaligus setelah tidak ada masalah; "
                + "bila ada satu masalah saja, tidak ada yang disimpan.", General),
            ("Perubahan di aplikasi",
                "Bila sebuah baris diubah di aplikasi setelah berkas ini diunduh, isian berkas untuk baris itu ditolak agar perubahan tersebut "
                + "tidak tertimpa. Unduh ulang kertas kerja, isi lagi, lalu unggah.", General),
            ("Batas waktu",
                "Kirim kertas kerja paling lambat " + Deadline(d) + ". Mengunggah berkas belum mengirim kertas kerja: setelah semua baris terisi, "
                + "kirim kertas kerja di aplikasi.", General),
        ]);

        var sheetData = new SheetData();
        uint r = 0;
        foreach (var (label, value, style) in lines)
        {
            r++;
            if (label is null && value is null) continue;
            var row = new Row { RowIndex = r };
            if (label is not null) row.Append(TextCell(Ref(0, r), label, strings, style == Title ? Title : Label));
            if (value is not null) row.Append(TextCell(Ref(1, r), value, strings, Wrapped));
            sheetData.Append(row);
        }

        return new Worksheet(
            new SheetViews(new SheetView { WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            new Columns(
                new Column { Min = 1, Max = 1, Width = 28, CustomWidth = true },
                new Column { Min = 2, Max = 2, Width = 110, CustomWidth = true }),
            sheetData);
    }

    /// <summary>
    /// A shared-string cell; never a formula. Text that a spreadsheet would take for a formula (= + - @) gets the
    /// quote-prefix style as well, so editing the cell keeps it text.
    /// </summary>
    private static Cell TextCell(string reference, string text, PlanWorkbookWriter.SharedStrings strings, uint style)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            style = style switch
            {
                LockedText => LockedQuoted,
                InputText => InputQuoted,
                _ => style,
            };
        }

        return new Cell
        {
            CellReference = reference,
            DataType = CellValues.SharedString,
            StyleIndex = style,
            CellValue = new CellValue(strings.Index(text).ToString(CultureInfo.InvariantCulture)),
        };
    }

    private static Cell NumberCell(string reference, decimal? value, uint style) =>
        value is { } v
            ? new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(Invariant(v)) }
            : new Cell { CellReference = reference, StyleIndex = style };

    private static string Ref(int column, uint row) => PlanWorkbookLayout.ColumnLetters(column) + row.ToString(CultureInfo.InvariantCulture);

    private static string Ref(int column, int row) => Ref(column, (uint)row);

    /// <summary>Without the trailing zeros a database value carries (96.000000 is written 96).</summary>
    private static string Invariant(decimal d) => d.ToString("0.############################", CultureInfo.InvariantCulture);

    private static Stylesheet Stylesheet()
    {
        static CellFormat Unlocked(CellFormat f)
        {
            f.Append(new Protection { Locked = false });
            f.ApplyProtection = true;
            return f;
        }

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = NumberFormatId, FormatCode = "[$-421]#,##0.00" }) { Count = 1 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }))
            { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF2CC" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
            { Count = 4 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(
                    new LeftBorder(new Color { Rgb = "FFBFBFBF" }) { Style = BorderStyleValues.Thin },
                    new RightBorder(new Color { Rgb = "FFBFBFBF" }) { Style = BorderStyleValues.Thin },
                    new TopBorder(new Color { Rgb = "FFBFBFBF" }) { Style = BorderStyleValues.Thin },
                    new BottomBorder(new Color { Rgb = "FFBFBFBF" }) { Style = BorderStyleValues.Thin },
                    new DiagonalBorder()))
            { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 }, // General
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = true })
                { NumberFormatId = 49, FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true }, // Header
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
                { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 1, FormatId = 0, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true }, // LockedText
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top })
                { NumberFormatId = NumberFormatId, FontId = 0, FillId = 0, BorderId = 1, FormatId = 0, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true }, // LockedNumber
                Unlocked(new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top })
                { NumberFormatId = NumberFormatId, FontId = 0, FillId = 3, BorderId = 1, FormatId = 0, ApplyFill = true, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true }), // InputNumber
                Unlocked(new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
                { NumberFormatId = 49, FontId = 0, FillId = 3, BorderId = 1, FormatId = 0, ApplyFill = true, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true }), // InputText
                new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true }, // Title
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top })
                { NumberFormatId = 49, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyNumberFormat = true, ApplyAlignment = true }, // Label
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
                { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true }, // Wrapped
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
                { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 1, FormatId = 0, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true, QuotePrefix = true }, // LockedQuoted
                Unlocked(new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
                { NumberFormatId = 49, FontId = 0, FillId = 3, BorderId = 1, FormatId = 0, ApplyFill = true, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true, QuotePrefix = true })) // InputQuoted
            { Count = 11 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
