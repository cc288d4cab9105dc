using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using XText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Kinerja.Documents;

/// <summary>
/// The performance-plan workbook (xlsx) that planners download, fill offline in Excel or LibreOffice
/// Calc and upload again. Pure format code: records in, bytes out; bytes in, records and problems out.
/// </summary>
public static class PlanWorkbook
{
    /// <summary>Writes the workbook; an instance with no rows is the empty template.</summary>
    public static byte[] Write(PlanWorkbookData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return PlanWorkbookWriter.Write(data);
    }

    /// <summary>
    /// Reads an uploaded workbook. Never throws for bad input: every problem found is listed with its
    /// sheet, row and column header, and <see cref="PlanWorkbookReadResult.Data"/> is null when there is any.
    /// </summary>
    public static PlanWorkbookReadResult Read(Stream xlsx, PlanWorkbookLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        return new PlanWorkbookReader(limits ?? new PlanWorkbookLimits()).Read(xlsx);
    }
}

internal enum ColumnKind
{
    Text,
    Year,
    Number,
    Money,
    Choice,
}

internal sealed record ColumnSpec(string Header, ColumnKind Kind, double Width, IReadOnlyList<string>? Allowed = null);

internal sealed record SheetSpec(string Name, IReadOnlyList<ColumnSpec> Columns)
{
    public int IndexOf(string header) => Columns.ToList().FindIndex(c => c.Header == header);
}

/// <summary>Sheet names, headers and allowed values shared by the writer and the reader.</summary>
internal static partial class PlanWorkbookLayout
{
    public const string Instructions = "Petunjuk";
    public const string AgencyLabel = "Instansi";
    public const string FirstYearLabel = "Tahun awal Renstra";
    public const string LastYearLabel = "Tahun akhir Renstra";

    public const string Code = "Kode";
    public const string Year = "Tahun";
    public const string IndicatorCode = "Kode Indikator";

    /// <summary>Absolute values above this are refused (and the sheets' decimal validation stops there).</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000_000m;

    /// <summary>History may go back this many years before the Renstra's first year.</summary>
    public const int HistoryYearsBack = 5;

    public static readonly IReadOnlyList<string> Levels = ["program", "activity", "subActivity"];
    public static readonly IReadOnlyList<string> Kinds = ["iku", "program", "activity", "subActivity", "individual"];
    public static readonly IReadOnlyList<string> Polarities = ["higher", "lower", "range"];
    public static readonly IReadOnlyList<string> Aggregations = ["sum", "last", "average"];

    public static readonly SheetSpec Goals = new("Tujuan",
    [
        new(Code, ColumnKind.Text, 16),
        new("Nama Tujuan", ColumnKind.Text, 70),
    ]);

    public static readonly SheetSpec Objectives = new("Sasaran",
    [
        new(Code, ColumnKind.Text, 16),
        new("Nama Sasaran", ColumnKind.Text, 70),
        new("Kode Tujuan", ColumnKind.Text, 16),
    ]);

    public static readonly SheetSpec Budget = new("Anggaran",
    [
        new(Year, ColumnKind.Year, 9),
        new(Code, ColumnKind.Text, 24),
        new("Nama", ColumnKind.Text, 60),
        new("Tingkat", ColumnKind.Choice, 14, Levels),
        new("Kode Induk", ColumnKind.Text, 24),
        new("Pagu", ColumnKind.Money, 26),
        new("Kas TW I", ColumnKind.Money, 24),
        new("Kas TW II", ColumnKind.Money, 24),
        new("Kas TW III", ColumnKind.Money, 24),
        new("Kas TW IV", ColumnKind.Money, 24),
    ]);

    public static readonly SheetSpec Indicators = new("Indikator",
    [
        new(Code, ColumnKind.Text, 14),
        new("Nama Indikator", ColumnKind.Text, 60),
        new("Jenis", ColumnKind.Choice, 13, Kinds),
        new("Kode Sasaran", ColumnKind.Text, 14),
        new("Kode Anggaran", ColumnKind.Text, 24),
        new("Unit Penanggung Jawab", ColumnKind.Text, 32),
        new("Satuan", ColumnKind.Text, 14),
        new("Polaritas", ColumnKind.Choice, 11, Polarities),
        new("Agregasi", ColumnKind.Choice, 11, Aggregations),
        new("Bobot", ColumnKind.Number, 9),
        new("Definisi Operasional", ColumnKind.Text, 60),
        new("Sumber Data", ColumnKind.Text, 30),
        new("Mendukung Indikator", ColumnKind.Text, 16),
    ]);

    public static readonly SheetSpec Targets = new("Target",
    [
        new(IndicatorCode, ColumnKind.Text, 16),
        new(Year, ColumnKind.Year, 9),
        new("Target Tahunan", ColumnKind.Number, 16),
        new("Target TW I", ColumnKind.Number, 14),
        new("Target TW II", ColumnKind.Number, 14),
        new("Target TW III", ColumnKind.Number, 14),
        new("Target TW IV", ColumnKind.Number, 14),
        new("Batas Bawah", ColumnKind.Number, 14),
        new("Batas Atas", ColumnKind.Number, 14),
        new("Target Akhir Renstra", ColumnKind.Number, 20),
        new("Standar Nasional", ColumnKind.Number, 18),
        new("Baseline", ColumnKind.Number, 14),
    ]);

    public static readonly SheetSpec History = new("Realisasi",
    [
        new(IndicatorCode, ColumnKind.Text, 16),
        new(Year, ColumnKind.Year, 9),
        new("Realisasi", ColumnKind.Number, 18),
    ]);

    public static readonly IReadOnlyList<SheetSpec> DataSheets = [Goals, Objectives, Budget, Indicators, Targets, History];

    /// <summary>Allowed years of a sheet's Tahun column for a Renstra period.</summary>
    public static (int Min, int Max) Years(SheetSpec sheet, int firstYear, int lastYear) =>
        sheet == History ? (firstYear - HistoryYearsBack, lastYear) : (firstYear - 1, lastYear);

    /// <summary>"A", "Z", "AA" for 0, 25, 26.</summary>
    public static string ColumnLetters(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + ((n - 1) % 26)) + s;
        return s;
    }

    /// <summary>Header text compared without case and with runs of whitespace as one space.</summary>
    public static string NormalizeHeader(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    [GeneratedRegex("_x[0-9A-Fa-f]{4}_")]
    public static partial Regex EscapedChar();

    /// <summary>
    /// Escapes text for an OOXML string (ST_Xstring): characters XML cannot carry become _xHHHH_, and a
    /// literal "_xHHHH_" gets its underscore escaped, so Excel, LibreOffice and <see cref="Unescape"/> read it back exactly.
    /// </summary>
    public static string Escape(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = null;
            if (c == '_' && i + 7 <= text.Length && EscapedChar().IsMatch(text.AsSpan(i, 7)))
            {
                replacement = "_x005F_";
            }
            else if ((c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF'
                     || (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
                     || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]))))
            {
                replacement = string.Create(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_");
            }

            if (replacement is null)
            {
                sb?.Append(c);
                continue;
            }

            sb ??= new StringBuilder(text, 0, i, text.Length + 16);
            sb.Append(replacement);
        }

        return sb?.ToString() ?? text;
    }

    public static string Unescape(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? EscapedChar().Replace(text, m => ((char)int.Parse(m.Value.AsSpan(2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;
}

internal static class PlanWorkbookWriter
{
    // Cell formats (cellXfs) of the stylesheet below.
    private const uint General = 0;
    private const uint Header = 1;
    private const uint TextCell = 2;
    private const uint QuotedText = 3;
    private const uint NumberCell = 4;
    private const uint MoneyCell = 5;
    private const uint YearCell = 6;
    private const uint Title = 7;
    private const uint Wrapped = 8;
    private const uint Label = 9;

    private const uint NumberFormatId = 164;
    private const uint MoneyFormatId = 165;

    public static byte[] Write(PlanWorkbookData data)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = doc.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(
                new BookViews(new WorkbookView { ActiveTab = 0 }),
                new Sheets());
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();

            var strings = new SharedStrings();
            var sheets = workbookPart.Workbook.Sheets!;

            AddSheet(workbookPart, sheets, PlanWorkbookLayout.Instructions, InstructionsSheet(data, strings), selected: true);

            var spec = PlanWorkbookLayout.Goals;
            AddSheet(workbookPart, sheets, spec.Name, DataSheet(spec, data, strings,
                data.Goals.Select(g => new object?[] { g.Code, g.Name })), selected: false);
            spec = PlanWorkbookLayout.Objectives;
            AddSheet(workbookPart, sheets, spec.Name, DataSheet(spec, data, strings,
                data.Objectives.Select(o => new object?[] { o.Code, o.Name, o.GoalCode })), selected: false);
            spec = PlanWorkbookLayout.Budget;
            AddSheet(workbookPart, sheets, spec.Name, DataSheet(spec, data, strings,
                data.Budget.Select(b => new object?[] { b.Year, b.Code, b.Name, b.Level, b.ParentCode, b.Pagu, b.Q1, b.Q2, b.Q3, b.Q4 })), selected: false);
            spec = PlanWorkbookLayout.Indicators;
            AddSheet(workbookPart, sheets, spec.Name, DataSheet(spec, data, strings,
                data.Indicators.Select(i => new object?[]
                {
                    i.Code, i.Name, i.Kind, i.ObjectiveCode, i.BudgetCode, i.Unit, i.Measure, i.Polarity, i.Aggregation,
                    i.Weight, i.Definition, i.DataSource, i.SupportsCode,
                })), selected: false);
            spec = PlanWorkbookLayout.Targets;
            AddSheet(workbookPart, sheets, spec.Name, DataSheet(spec, data, strings,
                data.Targets.Select(t => new object?[]
                {
                    t.IndicatorCode, t.Year, t.Annual, t.Q1, t.Q2, t.Q3, t.Q4, t.RangeLow, t.RangeHigh,
                    t.StrategicEndTarget, t.NationalStandard, t.Baseline,
                })), selected: false);
            spec = PlanWorkbookLayout.History;
            AddSheet(workbookPart, sheets, spec.Name, DataSheet(spec, data, strings,
                data.History.Select(h => new object?[] { h.IndicatorCode, h.Year, h.Realization })), selected: false);

            var sst = workbookPart.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = strings.Table();
        }

        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, string name, Worksheet worksheet, bool selected)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        if (selected) worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.TabSelected = true;
        sheets.Append(new Sheet
        {
            Name = name,
            SheetId = (uint)sheets.ChildElements.Count + 1,
            Id = workbookPart.GetIdOfPart(part),
        });
    }

    private static Worksheet DataSheet(SheetSpec spec, PlanWorkbookData data, SharedStrings strings, IEnumerable<object?[]> rows)
    {
        var columns = new Columns();
        for (var i = 0; i < spec.Columns.Count; i++)
        {
            var c = spec.Columns[i];
            columns.Append(new Column
            {
                Min = (uint)i + 1,
                Max = (uint)i + 1,
                Width = c.Width,
                CustomWidth = true,
                Style = ColumnStyle(c.Kind),
            });
        }

        var sheetData = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var i = 0; i < spec.Columns.Count; i++)
        {
            header.Append(TextCellOf(Ref(i, 1), spec.Columns[i].Header, strings, Header));
        }

        sheetData.Append(header);

        uint r = 1;
        foreach (var values in rows)
        {
            r++;
            var row = new Row { RowIndex = r };
            for (var i = 0; i < spec.Columns.Count; i++)
            {
                var cell = ValueCell(spec.Columns[i].Kind, Ref(i, r), values[i], strings);
                if (cell is not null) row.Append(cell);
            }

            sheetData.Append(row);
        }

        var worksheet = new Worksheet(
            FrozenHeaderView(),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            columns,
            sheetData);

        var validations = Validations(spec, data);
        if (validations.HasChildren)
        {
            validations.Count = (uint)validations.ChildElements.Count;
            worksheet.Append(validations);
        }

        return worksheet;
    }

    private static Worksheet InstructionsSheet(PlanWorkbookData data, SharedStrings strings)
    {
        var lines = InstructionLines(data);
        var sheetData = new SheetData();
        var r = 0u;
        foreach (var (label, value, style) in lines)
        {
            r++;
            if (label is null && value is null) continue;
            var row = new Row { RowIndex = r };
            if (label is not null) row.Append(TextCellOf(Ref(0, r), label, strings, style == Title ? Title : Label));
            switch (value)
            {
                case string s:
                    row.Append(TextCellOf(Ref(1, r), s, strings, style == Label ? Label : Wrapped));
                    break;
                case int year:
                    row.Append(new Cell { CellReference = Ref(1, r), StyleIndex = YearCell, CellValue = new CellValue(year.ToString(CultureInfo.InvariantCulture)) });
                    break;
            }

            sheetData.Append(row);
        }

        return new Worksheet(
            new SheetViews(new SheetView { WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            new Columns(
                new Column { Min = 1, Max = 1, Width = 24, CustomWidth = true },
                new Column { Min = 2, Max = 2, Width = 110, CustomWidth = true }),
            sheetData);
    }

    /// <summary>The Petunjuk sheet: title, the three labelled cells the reader looks for, then the instructions.</summary>
    private static List<(string? Label, object? Value, uint Style)> InstructionLines(PlanWorkbookData d)
    {
        var (budgetMin, budgetMax) = PlanWorkbookLayout.Years(PlanWorkbookLayout.Budget, d.FirstYear, d.LastYear);
        var (historyMin, historyMax) = PlanWorkbookLayout.Years(PlanWorkbookLayout.History, d.FirstYear, d.LastYear);
        static string List(IReadOnlyList<string> values) => string.Join(", ", values);
        string Years(int a, int b) => string.Create(CultureInfo.InvariantCulture, $"{a}-{b}");

        return
        [
            ("Rencana Kinerja (Renstra, DPA, indikator dan target)", null, Title),
            (null, null, General),
            (PlanWorkbookLayout.AgencyLabel, d.AgencyName, General),
            (PlanWorkbookLayout.FirstYearLabel, d.FirstYear, General),
            (PlanWorkbookLayout.LastYearLabel, d.LastYear, General),
            (null, null, General),
            ("Lembar", "Isi", Label),
            (PlanWorkbookLayout.Goals.Name, "Tujuan Renstra: Kode dan Nama Tujuan.", General),
            (PlanWorkbookLayout.Objectives.Name, "Sasaran strategis: Kode, Nama Sasaran, dan Kode Tujuan (kode dari lembar Tujuan).", General),
            (PlanWorkbookLayout.Budget.Name,
                "Program, kegiatan dan sub kegiatan DPA per tahun: Pagu dan anggaran kas per triwulan (Kas TW I-IV), dalam rupiah. "
                + "Tingkat: program, kegiatan (activity) atau sub kegiatan (subActivity). Kode Induk: kode program untuk kegiatan, "
                + "kode kegiatan untuk sub kegiatan, pada tahun yang sama; program tanpa induk.", General),
            (PlanWorkbookLayout.Indicators.Name,
                "Indikator: Jenis, Kode Sasaran (untuk IKU) atau Kode Anggaran (untuk indikator program, kegiatan dan sub kegiatan), "
                + "Unit Penanggung Jawab (nama unit kerja), Satuan (misalnya %, Dokumen), Polaritas, Agregasi, Bobot, Definisi Operasional, Sumber Data.", General),
            (PlanWorkbookLayout.Targets.Name,
                "Target per indikator per tahun (" + Years(budgetMin, budgetMax) + "): tahunan dan per triwulan, Target Akhir Renstra, "
                + "Standar Nasional dan Baseline. Indikator berpolaritas range wajib mengisi Batas Bawah dan Batas Atas.", General),
            (PlanWorkbookLayout.History.Name, "Realisasi indikator pada tahun-tahun sebelumnya (" + Years(historyMin, historyMax) + ").", General),
            (null, null, General),
            ("Aturan", "Cara mengisi", Label),
            ("Nilai pilihan",
                "Tingkat: " + List(PlanWorkbookLayout.Levels) + ". Jenis: " + List(PlanWorkbookLayout.Kinds)
                + " (iku = Indikator Kinerja Utama, individual = Indikator Kinerja Individu). Polaritas: higher (makin tinggi makin baik), "
                + "lower (makin rendah makin baik), range (target berupa rentang). Agregasi: sum (dijumlahkan), last (nilai terakhir), "
                + "average (rata-rata). Tulis persis seperti itu; sel-sel ini memiliki daftar pilihan.", General),
            ("Angka",
                "Angka memakai format Indonesia: titik pemisah ribuan dan koma desimal, misalnya 1.250.000,50. Angka yang diketik "
                + "sebagai teks dalam format itu juga diterima. Pagu dan anggaran kas tidak boleh negatif.", General),
            ("Rumus", "Rumus tidak diterima: isikan nilainya saja (salin, lalu Tempel Khusus > Nilai).", General),
            ("Kode",
                "Baris dicocokkan dengan kode: kode yang sama memperbarui data yang ada, kode baru menambah data. "
                + "Kode tidak boleh ganda dalam satu lembar (di Anggaran, Target dan Realisasi: per tahun).", General),
            ("Tahun", "Renstra " + Years(d.FirstYear, d.LastYear) + ". Anggaran dan Target: tahun " + Years(budgetMin, budgetMax)
                + ". Realisasi: tahun " + Years(historyMin, historyMax) + ".", General),
            ("Judul kolom",
                "Jangan mengubah nama lembar dan judul kolom di baris 1. Urutan kolom boleh diubah dan kolom tambahan diabaikan. "
                + "Baris kosong dilewati.", General),
            ("Pemeriksaan",
                "Setelah diunggah, berkas diperiksa lebih dulu dan semua masalah ditampilkan per lembar, baris dan kolom. "
                + "Data baru disimpan setelah tidak ada masalah.", General),
        ];
    }

    private static SheetViews FrozenHeaderView() =>
        new(new SheetView(
            new Pane
            {
                VerticalSplit = 1, // ySplit: rows above the split (HorizontalSplit, xSplit, would freeze column A)
                TopLeftCell = "A2",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            WorkbookViewId = 0,
        });

    private static DataValidations Validations(SheetSpec spec, PlanWorkbookData data)
    {
        var validations = new DataValidations();
        for (var i = 0; i < spec.Columns.Count; i++)
        {
            var c = spec.Columns[i];
            var range = string.Create(CultureInfo.InvariantCulture, $"{PlanWorkbookLayout.ColumnLetters(i)}2:{PlanWorkbookLayout.ColumnLetters(i)}1048576");
            var v = c.Kind switch
            {
                ColumnKind.Choice => new DataValidation(new Formula1("\"" + string.Join(",", c.Allowed!) + "\""))
                {
                    Type = DataValidationValues.List,
                    ErrorTitle = "Nilai tidak dikenal",
                    Error = "Pilih salah satu: " + string.Join(", ", c.Allowed!) + ".",
                },
                ColumnKind.Year => YearValidation(spec, data),
                ColumnKind.Number => new DataValidation(new Formula1(Invariant(-PlanWorkbookLayout.MaxMagnitude)), new Formula2(Invariant(PlanWorkbookLayout.MaxMagnitude)))
                {
                    Type = DataValidationValues.Decimal,
                    Operator = DataValidationOperatorValues.Between,
                    ErrorTitle = "Bukan angka",
                    Error = "Isikan angka, misalnya 1.250,5.",
                },
                ColumnKind.Money => new DataValidation(new Formula1("0"), new Formula2(Invariant(PlanWorkbookLayout.MaxMagnitude)))
                {
                    Type = DataValidationValues.Decimal,
                    Operator = DataValidationOperatorValues.Between,
                    ErrorTitle = "Bukan jumlah uang",
                    Error = "Isikan jumlah rupiah yang tidak negatif, misalnya 1.250.000,00.",
                },
                _ => null,
            };
            if (v is null) continue;
            v.AllowBlank = true;
            v.ShowErrorMessage = true;
            v.SequenceOfReferences = new ListValue<StringValue> { InnerText = range };
            validations.Append(v);
        }

        return validations;
    }

    private static DataValidation YearValidation(SheetSpec spec, PlanWorkbookData data)
    {
        var (min, max) = PlanWorkbookLayout.Years(spec, data.FirstYear, data.LastYear);
        return new DataValidation(new Formula1(min.ToString(CultureInfo.InvariantCulture)), new Formula2(max.ToString(CultureInfo.InvariantCulture)))
        {
            Type = DataValidationValues.Whole,
            Operator = DataValidationOperatorValues.Between,
            ErrorTitle = "Tahun di luar rentang",
            Error = string.Create(CultureInfo.InvariantCulture, $"Isikan tahun {min}-{max}."),
        };
    }

    private static Cell? ValueCell(ColumnKind kind, string reference, object? value, SharedStrings strings) => value switch
    {
        null => null,
        string s when s.Length == 0 => null,
        string s => TextCellOf(reference, s, strings, TextCell),
        int year => new Cell { CellReference = reference, StyleIndex = YearCell, CellValue = new CellValue(year.ToString(CultureInfo.InvariantCulture)) },
        decimal d => new Cell { CellReference = reference, StyleIndex = kind == ColumnKind.Money ? MoneyCell : NumberCell, CellValue = new CellValue(Invariant(d)) },
        _ => throw new InvalidOperationException("unexpected cell value " + value.GetType()),
    };

    /// <summary>
    /// A shared-string cell. Text that a spreadsheet would take for a formula (= + - @) gets the
    /// quote-prefix style as well, so editing the cell keeps it text; it is never written as a formula.
    /// </summary>
    private static Cell TextCellOf(string reference, string text, SharedStrings strings, uint style)
    {
        if (style == TextCell && text.Length > 0 && text[0] is '=' or '+' or '-' or '@') style = QuotedText;
        return new Cell
        {
            CellReference = reference,
            DataType = CellValues.SharedString,
            StyleIndex = style,
            CellValue = new CellValue(strings.Index(text).ToString(CultureInfo.InvariantCulture)),
        };
    }

    private static uint ColumnStyle(ColumnKind kind) => kind switch
    {
        ColumnKind.Year => YearCell,
        ColumnKind.Number => NumberCell,
        ColumnKind.Money => MoneyCell,
        _ => TextCell,
    };

    private static string Ref(int column, uint row) =>
        PlanWorkbookLayout.ColumnLetters(column) + row.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = NumberFormatId, FormatCode = "[$-421]#,##0.##" },
            new NumberingFormat { NumberFormatId = MoneyFormatId, FormatCode = "[$-421]\"Rp \"#,##0.00" })
        { Count = 2 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }))
        { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 }, // General
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = true })
            { NumberFormatId = 49, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyNumberFormat = true, ApplyAlignment = true }, // Header
            new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true }, // TextCell (@)
            new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, QuotePrefix = true }, // QuotedText
            new CellFormat { NumberFormatId = NumberFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true }, // NumberCell
            new CellFormat { NumberFormatId = MoneyFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true }, // MoneyCell
            new CellFormat { NumberFormatId = 1, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true }, // YearCell (0)
            new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true }, // Title
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
            { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true }, // Wrapped
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top })
            { NumberFormatId = 49, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyNumberFormat = true, ApplyAlignment = true }) // Label
        { Count = 10 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>The shared string table being built, each distinct text once.</summary>
    internal sealed class SharedStrings
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        private readonly List<string> items = [];

        public int Index(string text)
        {
            if (index.TryGetValue(text, out var i)) return i;
            i = items.Count;
            items.Add(text);
            index.Add(text, i);
            return i;
        }

        public SharedStringTable Table()
        {
            var table = new SharedStringTable { Count = (uint)items.Count, UniqueCount = (uint)items.Count };
            foreach (var s in items)
            {
                var escaped = PlanWorkbookLayout.Escape(s);
                var t = new XText(escaped);
                if (escaped.Length > 0 && (char.IsWhiteSpace(escaped[0]) || char.IsWhiteSpace(escaped[^1]) || escaped.Contains('\n', StringComparison.Ordinal)))
                {
                    t.Space = SpaceProcessingModeValues.Preserve;
                }

                table.Append(new SharedStringItem(t));
            }

            return table;
        }
    }
}
