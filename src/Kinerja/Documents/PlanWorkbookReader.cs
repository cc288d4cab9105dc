using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using L = Kinerja.Documents.PlanWorkbookLayout;
using Text = Kinerja.Domain.Common.Text;
using XText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Kinerja.Documents;

/// <summary>
/// Reads an uploaded plan workbook defensively: size and zip-bomb checks on the raw zip first, then
/// the sheets row by row (SAX) with columns found by their header text. Collects every problem.
/// </summary>
internal sealed class PlanWorkbookReader(PlanWorkbookLimits limits)
{
    private readonly List<(int Sheet, int Row, int Column, int Seq, CellProblem Problem)> problems = [];
    private List<string> sharedStrings = [];

    public PlanWorkbookReadResult Read(Stream input)
    {
        var bytes = ReadBounded(input);
        if (bytes is null)
        {
            FileProblem(new Text("Berkas lebih besar dari batas {0:N0} byte.", limits.MaxBytes));
            return Result(null);
        }

        if (!ZipIsSafe(bytes)) return Result(null);

        SpreadsheetDocument doc;
        try
        {
            doc = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false);
            if (doc.WorkbookPart?.Workbook is null)
            {
                doc.Dispose();
                NotXlsx();
                return Result(null);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            NotXlsx();
            return Result(null);
        }

        using (doc)
        {
            try
            {
                return Result(Parse(doc.WorkbookPart!));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                FileProblem(new Text("Berkas Excel rusak dan tidak dapat dibaca seluruhnya. Simpan ulang dari Excel atau LibreOffice Calc lalu unggah lagi."));
                return Result(null);
            }
        }
    }

    /// <summary>Sheet row of each record read (by reference).</summary>
    private readonly Dictionary<object, int> rowNumbers = new(ReferenceEqualityComparer.Instance);

    private PlanWorkbookReadResult Result(PlanWorkbookData? data)
    {
        var sorted = problems.OrderBy(p => p.Sheet).ThenBy(p => p.Row).ThenBy(p => p.Column).ThenBy(p => p.Seq).Select(p => p.Problem).ToList();
        return new PlanWorkbookReadResult(sorted.Count == 0 ? data : null, sorted, rowNumbers);
    }

    // ---------------------------------------------------------------- the file

    /// <summary>The upload, or null when it is larger than MaxBytes (read no further than that).</summary>
    private byte[]? ReadBounded(Stream input)
    {
        if (input.CanSeek && input.Length - input.Position > limits.MaxBytes) return null;
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += n;
            if (total > limits.MaxBytes) return null;
            copy.Write(buffer, 0, n);
        }

        return copy.ToArray();
    }

    /// <summary>
    /// Before OpenXML sees the file: it must be a zip whose central directory declares no entry, and no
    /// total, above MaxUncompressedBytes; then every entry is inflated into nothing to check that it is
    /// not larger than declared (a lying header) and that the deflate data is sound.
    /// </summary>
    private bool ZipIsSafe(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > limits.MaxUncompressedBytes)
                {
                    FileProblem(new Text("Bagian \"{0}\" di dalam berkas berukuran {1:N0} byte setelah dibuka, melebihi batas {2:N0} byte; berkas ditolak.",
                        entry.FullName, entry.Length, limits.MaxUncompressedBytes));
                    return false;
                }

                declared += entry.Length;
            }

            if (declared > limits.MaxUncompressedBytes)
            {
                FileProblem(new Text("Isi berkas berukuran {0:N0} byte setelah dibuka, melebihi batas {1:N0} byte; berkas ditolak.",
                    declared, limits.MaxUncompressedBytes));
                return false;
            }

            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                if (!InflatesAsDeclared(entry, buffer))
                {
                    FileProblem(new Text("Bagian \"{0}\" di dalam berkas rusak atau lebih besar dari ukuran yang tercatat; berkas ditolak.", entry.FullName));
                    return false;
                }
            }

            return true;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            NotXlsx();
            return false;
        }
    }

    /// <summary>The entry inflates without error to no more than its declared length (checked, never trusted).</summary>
    private static bool InflatesAsDeclared(ZipArchiveEntry entry, byte[] buffer)
    {
        try
        {
            using var s = entry.Open();
            long actual = 0;
            int n;
            while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
            {
                actual += n;
                if (actual > entry.Length) return false;
            }

            return true;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            return false;
        }
    }

    private void NotXlsx() =>
        FileProblem(new Text("Berkas ini bukan berkas Excel (.xlsx). Simpan sebagai \"Excel Workbook (.xlsx)\" lalu unggah lagi."));

    private void FileProblem(Text message) => Add(-1, "", 0, "", 0, message);

    private void Add(int sheetOrder, string sheet, int row, string column, int columnOrder, Text message) =>
        problems.Add((sheetOrder, row, columnOrder, problems.Count, new CellProblem(sheet, row, column, message)));

    // ---------------------------------------------------------------- the workbook

    private PlanWorkbookData? Parse(WorkbookPart workbookPart)
    {
        sharedStrings = ReadSharedStrings(workbookPart.SharedStringTablePart);
        var parts = new Dictionary<string, WorksheetPart>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in workbookPart.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            var name = sheet.Name?.Value?.Trim();
            var id = sheet.Id?.Value;
            if (name is null || id is null || parts.ContainsKey(name)) continue;
            if (workbookPart.TryGetPartById(id, out var part) && part is WorksheetPart ws) parts[name] = ws;
        }

        var header = ReadInstructions(parts.GetValueOrDefault(L.Instructions));
        var sheets = L.DataSheets.ToDictionary(s => s, s => ReadDataSheet(s, parts.GetValueOrDefault(s.Name)));
        return new Typed(this, header, sheets).Build();
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var list = new List<string>();
        if (part is null) return list;
        foreach (var item in Elements<SharedStringItem>(part)) list.Add(RichText(item));
        return list;
    }

    /// <summary>Elements of one type, each loaded alone: a sheet is never held whole in memory.</summary>
    private static IEnumerable<T> Elements<T>(OpenXmlPart part) where T : OpenXmlElement
    {
        using var reader = OpenXmlReader.Create(part);
        var more = reader.Read();
        while (more)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(T))
            {
                yield return (T)reader.LoadCurrentElement()!;
                more = !reader.EOF; // LoadCurrentElement has moved past the element
            }
            else
            {
                more = reader.Read();
            }
        }
    }

    /// <summary>The text of a shared string or inline string: its t, or its runs' t; phonetic runs left out.</summary>
    private static string RichText(OpenXmlElement? item)
    {
        if (item is null) return "";
        var sb = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is XText t) sb.Append(t.Text);
            else if (child is Run run) foreach (var rt in run.Elements<XText>()) sb.Append(rt.Text);
        }

        return L.Unescape(sb.ToString());
    }

    // ---------------------------------------------------------------- cells

    internal enum CellType
    {
        Number,
        Text,
        Formula,
        Error,

        /// <summary>Unreadable and already reported.</summary>
        Broken,
    }

    internal sealed record RawCell(string Ref, CellType Type, string Value);

    internal sealed class RawRow(int number)
    {
        public int Number { get; } = number;
        public Dictionary<int, RawCell> Cells { get; } = [];
    }

    internal sealed class RawSheet(SheetSpec spec, int order)
    {
        public SheetSpec Spec { get; } = spec;
        public int Order { get; } = order;

        /// <summary>Spec header to column index in the file.</summary>
        public Dictionary<string, int> Columns { get; } = [];

        /// <summary>Column index to the header text found in the file (known or not).</summary>
        public Dictionary<int, string> FileHeaders { get; } = [];

        public List<RawRow> Rows { get; } = [];

        /// <summary>Every column found and the rows all read: other sheets may rely on its codes.</summary>
        public bool Complete { get; set; } = true;

        public string ColumnName(int col) =>
            Columns.FirstOrDefault(c => c.Value == col).Key ?? FileHeaders.GetValueOrDefault(col) ?? L.ColumnLetters(col);

        public int ColumnOrder(int col)
        {
            var known = Columns.FirstOrDefault(c => c.Value == col).Key;
            return known is null ? 1000 + col : Spec.IndexOf(known);
        }
    }

    private static int SheetOrder(string name) => name == L.Instructions ? 0 : L.DataSheets.ToList().FindIndex(s => s.Name == name) + 1;

    private static (int Row, List<(int Col, Cell Cell)> Cells) Locate(Row row, int previousRow)
    {
        var number = uint.TryParse(row.RowIndex?.InnerText, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 1048576
            ? (int)r
            : previousRow + 1;
        var cells = new List<(int, Cell)>();
        var col = -1;
        foreach (var cell in row.Elements<Cell>())
        {
            col = TryColumn(cell.CellReference?.Value, out var c) ? c : col + 1;
            cells.Add((col, cell));
        }

        return (number, cells);
    }

    private static bool TryColumn(string? reference, out int column)
    {
        column = 0;
        if (string.IsNullOrEmpty(reference)) return false;
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16384) return false;
            i++;
        }

        column--;
        return i > 0;
    }

    /// <summary>The cell's content, or null when it is empty. Text is trimmed.</summary>
    private RawCell? Raw(string sheetName, int row, int col, Cell cell, Action<Text> report)
    {
        var reference = sheetName + "!" + L.ColumnLetters(col) + row.ToString(CultureInfo.InvariantCulture);
        if (cell.CellFormula is not null) return new RawCell(reference, CellType.Formula, cell.CellFormula.Text);
        var value = cell.CellValue?.Text;
        switch (cell.DataType?.InnerText)
        {
            case "s":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= sharedStrings.Count)
                {
                    report(new Text("Sel {0} merujuk ke teks bersama nomor {1} yang tidak ada; berkas rusak.", reference, value ?? ""));
                    return new RawCell(reference, CellType.Broken, "");
                }

                return TextCell(reference, sharedStrings[index]);
            case "inlineStr":
                return TextCell(reference, RichText(cell.InlineString));
            case "str" or "d":
                return TextCell(reference, L.Unescape(value ?? ""));
            case "b":
                return value is null ? null : new RawCell(reference, CellType.Text, value.Trim() is "1" or "true" ? "TRUE" : "FALSE");
            case "e":
                return new RawCell(reference, CellType.Error, value ?? "");
            default:
                return string.IsNullOrWhiteSpace(value) ? null : new RawCell(reference, CellType.Number, value.Trim());
        }
    }

    private static RawCell? TextCell(string reference, string text)
    {
        var t = text.Trim();
        return t.Length == 0 ? null : new RawCell(reference, CellType.Text, t);
    }

    private void ReportFormulaOrError(RawSheet sheet, int row, int col, RawCell cell)
    {
        if (FormulaOrError(cell) is { } message) Add(sheet.Order, sheet.Spec.Name, row, sheet.ColumnName(col), sheet.ColumnOrder(col), message);
    }

    private static Text? FormulaOrError(RawCell? cell) => cell?.Type switch
    {
        CellType.Formula => new Text("Sel {0} berisi rumus; isikan nilainya saja.", cell.Ref),
        CellType.Error => new Text("Sel {0} berisi galat {1}; isikan nilainya saja.", cell.Ref, cell.Value),
        _ => null,
    };

    // ---------------------------------------------------------------- sheets

    private RawSheet? ReadDataSheet(SheetSpec spec, WorksheetPart? part)
    {
        var order = SheetOrder(spec.Name);
        if (part is null)
        {
            Add(order, spec.Name, 0, "", 0, new Text("Lembar \"{0}\" tidak ada di berkas.", spec.Name));
            return null;
        }

        var sheet = new RawSheet(spec, order);
        var headerRead = false;
        var previous = 0;
        var count = 0;
        foreach (var element in Elements<Row>(part))
        {
            var (number, cells) = Locate(element, previous);
            previous = number;
            var raw = new RawRow(number);
            foreach (var (col, cell) in cells)
            {
                var c = Raw(spec.Name, number, col, cell, m => Add(order, spec.Name, number, sheet.ColumnName(col), sheet.ColumnOrder(col), m));
                if (c is not null) raw.Cells[col] = c;
            }

            if (number == 1 && !headerRead)
            {
                ReadHeader(sheet, raw);
                headerRead = true;
                continue;
            }

            if (!headerRead)
            {
                ReadHeader(sheet, new RawRow(1));
                headerRead = true;
            }

            if (raw.Cells.Count == 0) continue;
            if (++count > limits.MaxRowsPerSheet)
            {
                Add(order, spec.Name, number, "", 0, new Text("Lembar {0} berisi lebih dari {1:N0} baris data; bagi menjadi beberapa unggahan.", spec.Name, limits.MaxRowsPerSheet));
                sheet.Complete = false;
                break;
            }

            foreach (var (col, cell) in raw.Cells) ReportFormulaOrError(sheet, number, col, cell);
            sheet.Rows.Add(raw);
        }

        if (!headerRead) ReadHeader(sheet, new RawRow(1));
        return sheet;
    }

    private void ReadHeader(RawSheet sheet, RawRow header)
    {
        var spec = sheet.Spec;
        foreach (var (col, cell) in header.Cells.OrderBy(c => c.Key))
        {
            if (cell.Type is CellType.Formula or CellType.Error)
            {
                ReportFormulaOrError(sheet, 1, col, cell);
                continue;
            }

            if (cell.Type != CellType.Text && cell.Type != CellType.Number) continue;
            sheet.FileHeaders[col] = cell.Value;
            var known = spec.Columns.FirstOrDefault(c => L.NormalizeHeader(c.Header) == L.NormalizeHeader(cell.Value));
            if (known is null) continue;
            if (sheet.Columns.ContainsKey(known.Header))
            {
                Add(sheet.Order, spec.Name, 1, known.Header, spec.IndexOf(known.Header),
                    new Text("Kolom \"{0}\" muncul lebih dari sekali di baris judul lembar {1} (sel {2}).", known.Header, spec.Name, cell.Ref));
                sheet.Complete = false;
                continue;
            }

            sheet.Columns[known.Header] = col;
        }

        foreach (var c in spec.Columns.Where(c => !sheet.Columns.ContainsKey(c.Header)))
        {
            Add(sheet.Order, spec.Name, 1, c.Header, spec.IndexOf(c.Header),
                new Text("Lembar {0} tidak memiliki kolom \"{1}\" di baris 1 (baris judul).", spec.Name, c.Header));
            sheet.Complete = false;
        }
    }

    /// <summary>The agency and the Renstra years, from the labelled cells of Petunjuk (label in column A, value in B).</summary>
    private InstructionValues ReadInstructions(WorksheetPart? part)
    {
        var order = SheetOrder(L.Instructions);
        var result = new InstructionValues();
        if (part is null)
        {
            Add(order, L.Instructions, 0, "", 0, new Text("Lembar \"{0}\" tidak ada di berkas.", L.Instructions));
            return result;
        }

        string[] labels = [L.AgencyLabel, L.FirstYearLabel, L.LastYearLabel];
        var found = new Dictionary<string, (int Row, RawCell? Value, string Ref)>();
        var previous = 0;
        foreach (var element in Elements<Row>(part))
        {
            var (number, cells) = Locate(element, previous);
            previous = number;
            if (number > 1000 || found.Count == labels.Length) break;
            var a = cells.Where(c => c.Col == 0).Select(c => Raw(L.Instructions, number, 0, c.Cell, _ => { })).FirstOrDefault();
            var label = a is { Type: CellType.Text } ? labels.FirstOrDefault(l => L.NormalizeHeader(l) == L.NormalizeHeader(a.Value)) : null;
            if (label is null || found.ContainsKey(label)) continue;
            var b = cells.Where(c => c.Col == 1)
                .Select(c => Raw(L.Instructions, number, 1, c.Cell, m => Add(order, L.Instructions, number, label, Array.IndexOf(labels, label), m)))
                .FirstOrDefault();
            found[label] = (number, b, L.Instructions + "!B" + number.ToString(CultureInfo.InvariantCulture));
            if (FormulaOrError(b) is { } message) Add(order, L.Instructions, number, label, Array.IndexOf(labels, label), message);
        }

        foreach (var label in labels.Where(l => !found.ContainsKey(l)))
        {
            Add(order, L.Instructions, 0, label, Array.IndexOf(labels, label),
                new Text("Lembar Petunjuk tidak memuat isian \"{0}\" (judul di kolom A, nilainya di kolom B).", label));
        }

        if (found.TryGetValue(L.AgencyLabel, out var agency))
        {
            var r = new CellReader(this, order, L.Instructions, agency.Row, h => h == L.AgencyLabel ? (agency.Value, agency.Ref, 0) : null);
            result.AgencyName = r.Str(L.AgencyLabel, required: true);
        }

        int? YearAt(string label)
        {
            if (!found.TryGetValue(label, out var f)) return null;
            var r = new CellReader(this, order, L.Instructions, f.Row, h => h == label ? (f.Value, f.Ref, Array.IndexOf(labels, label)) : null);
            return r.Year(label, Period.MinYear, Period.MaxYear);
        }

        result.FirstYear = YearAt(L.FirstYearLabel);
        result.LastYear = YearAt(L.LastYearLabel);
        if (result.FirstYear > result.LastYear)
        {
            var last = found[L.LastYearLabel];
            Add(order, L.Instructions, last.Row, L.LastYearLabel, 2,
                new Text("Tahun akhir Renstra {1} di sel {0} lebih kecil dari tahun awal {2}.", last.Ref, result.LastYear, result.FirstYear));
            result.FirstYear = result.LastYear = null;
        }

        return result;
    }

    internal sealed class InstructionValues
    {
        public string? AgencyName { get; set; }
        public int? FirstYear { get; set; }
        public int? LastYear { get; set; }
    }

    // ---------------------------------------------------------------- typed values

    /// <summary>Reads typed values of one row; reports each bad cell once and remembers which columns failed.</summary>
    internal sealed class CellReader(PlanWorkbookReader owner, int sheetOrder, string sheet, int row, Func<string, (RawCell? Cell, string Ref, int Order)?> locate)
    {
        private readonly HashSet<string> failed = [];

        public int Row => row;

        public bool Failed(string header) => failed.Contains(header);

        public string Ref(string header) => locate(header)?.Ref ?? "";

        public void Problem(string header, Text message)
        {
            failed.Add(header);
            owner.Add(sheetOrder, sheet, row, header, locate(header)?.Order ?? 0, message);
        }

        /// <summary>The cell, or null when empty or already reported (formula, error, broken).</summary>
        private RawCell? Cell(string header, bool required)
        {
            var c = locate(header)?.Cell;
            if (c is null)
            {
                if (required) Problem(header, new Text("Sel {0} ({1}) wajib diisi.", Ref(header), header));
                return null;
            }

            if (c.Type is CellType.Formula or CellType.Error or CellType.Broken)
            {
                failed.Add(header);
                return null;
            }

            return c;
        }

        public string? Str(string header, bool required)
        {
            var c = Cell(header, required);
            if (c is null) return null;
            return c.Type == CellType.Number && decimal.TryParse(c.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d.ToString(CultureInfo.InvariantCulture)
                : c.Value;
        }

        public string? Choice(string header, IReadOnlyList<string> allowed)
        {
            var text = Str(header, required: true);
            if (text is null) return null;
            var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                Problem(header, new Text("Sel {0} berisi \"{1}\"; nilai yang boleh: {2}.", Ref(header), text, string.Join(", ", allowed)));
            }

            return match;
        }

        public decimal? Number(string header, bool required = false, bool nonNegative = false)
        {
            var c = Cell(header, required);
            if (c is null) return null;
            decimal value;
            if (c.Type == CellType.Text)
            {
                // "Rp 1.250.000,00" as typed or pasted from a document: the currency prefix is allowed.
                var text = c.Value.StartsWith("Rp", StringComparison.OrdinalIgnoreCase) ? c.Value[2..].TrimStart('.', ' ') : c.Value;
                if (!IndonesianFormat.TryParseNumber(text, out value))
                {
                    Problem(header, new Text("Sel {0} berisi teks \"{1}\", padahal harus angka.", c.Ref, c.Value));
                    return null;
                }
            }
            else
            {
                if (!double.TryParse(c.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    Problem(header, new Text("Sel {0} berisi teks \"{1}\", padahal harus angka.", c.Ref, c.Value));
                    return null;
                }

                if (double.IsNaN(d) || double.IsInfinity(d))
                {
                    Problem(header, new Text("Sel {0} berisi \"{1}\", bukan angka biasa (tak hingga atau NaN).", c.Ref, c.Value));
                    return null;
                }

                if (Math.Abs(d) > (double)L.MaxMagnitude)
                {
                    Problem(header, new Text("Angka {1} di sel {0} terlalu besar; paling besar {2}.", c.Ref, c.Value, IndonesianFormat.Number(L.MaxMagnitude)));
                    return null;
                }

                if (!decimal.TryParse(c.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) value = (decimal)d;
            }

            if (Math.Abs(value) > L.MaxMagnitude)
            {
                Problem(header, new Text("Angka {1} di sel {0} terlalu besar; paling besar {2}.", c.Ref, c.Value, IndonesianFormat.Number(L.MaxMagnitude)));
                return null;
            }

            if (nonNegative && value < 0)
            {
                Problem(header, new Text("Sel {0} ({1}) tidak boleh negatif.", c.Ref, header));
                return null;
            }

            return value;
        }

        public int? Year(string header, int min, int max)
        {
            var c = Cell(header, required: true);
            if (c is null) return null;
            var ok = c.Type == CellType.Text
                ? IndonesianFormat.TryParseNumber(c.Value, out var value)
                : decimal.TryParse(c.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            if (!ok || value != decimal.Truncate(value) || value < Period.MinYear || value > Period.MaxYear)
            {
                Problem(header, new Text("Sel {0} harus berisi tahun (misalnya 2025), bukan \"{1}\".", c.Ref, c.Value));
                return null;
            }

            var year = (int)value;
            if (year < min || year > max)
            {
                Problem(header, new Text("Tahun {1} di sel {0} di luar rentang {2}-{3}.", c.Ref, year, min, max));
                return null;
            }

            return year;
        }
    }

    private CellReader RowReader(RawSheet sheet, RawRow row) =>
        new(this, sheet.Order, sheet.Spec.Name, row.Number, header =>
        {
            if (!sheet.Columns.TryGetValue(header, out var col)) return null;
            var reference = sheet.Spec.Name + "!" + L.ColumnLetters(col) + row.Number.ToString(CultureInfo.InvariantCulture);
            return (row.Cells.GetValueOrDefault(col), reference, sheet.Spec.IndexOf(header));
        });

    /// <summary>A record read from a row, with the row's reader (for cell references and failed columns).</summary>
    private sealed record Entry<T>(CellReader R, T Row);

    /// <summary>Turns the raw sheets into records and checks codes, references and ranges across sheets.</summary>
    private sealed class Typed(PlanWorkbookReader owner, InstructionValues header, Dictionary<SheetSpec, RawSheet?> sheets)
    {
        private readonly int? firstYear = header.FirstYear;
        private readonly int? lastYear = header.LastYear;

        public PlanWorkbookData? Build()
        {
            var goals = Rows(L.Goals, r => new GoalRow(r.Str(L.Code, true) ?? "", r.Str("Nama Tujuan", true) ?? ""));
            var objectives = Rows(L.Objectives, r => new ObjectiveRow(r.Str(L.Code, true) ?? "", r.Str("Nama Sasaran", true) ?? "", r.Str("Kode Tujuan", false)));
            var budget = Rows(L.Budget, r => new BudgetRow(
                YearOf(r, L.Budget), r.Str(L.Code, true) ?? "", r.Str("Nama", true) ?? "", r.Choice("Tingkat", L.Levels) ?? "",
                r.Str("Kode Induk", false), r.Number("Pagu", required: true, nonNegative: true) ?? 0,
                r.Number("Kas TW I", nonNegative: true), r.Number("Kas TW II", nonNegative: true),
                r.Number("Kas TW III", nonNegative: true), r.Number("Kas TW IV", nonNegative: true)));
            var indicators = Rows(L.Indicators, r => new IndicatorRow(
                r.Str(L.Code, true) ?? "", r.Str("Nama Indikator", true) ?? "", r.Choice("Jenis", L.Kinds) ?? "",
                r.Str("Kode Sasaran", false), r.Str("Kode Anggaran", false), r.Str("Unit Penanggung Jawab", true) ?? "",
                r.Str("Satuan", true) ?? "", r.Choice("Polaritas", L.Polarities) ?? "", r.Choice("Agregasi", L.Aggregations) ?? "",
                r.Number("Bobot", nonNegative: true), r.Str("Definisi Operasional", false), r.Str("Sumber Data", false),
                r.Str("Mendukung Indikator", false)));
            var targets = Rows(L.Targets, r => new TargetRow(
                r.Str(L.IndicatorCode, true) ?? "", YearOf(r, L.Targets), r.Number("Target Tahunan"),
                r.Number("Target TW I"), r.Number("Target TW II"), r.Number("Target TW III"), r.Number("Target TW IV"),
                r.Number("Batas Bawah"), r.Number("Batas Atas"), r.Number("Target Akhir Renstra"), r.Number("Standar Nasional"), r.Number("Baseline")));
            var history = Rows(L.History, r => new HistoryRow(r.Str(L.IndicatorCode, true) ?? "", YearOf(r, L.History), r.Number("Realisasi", required: true) ?? 0));

            Unique(goals, g => g.Code, null, L.Code);
            Unique(objectives, o => o.Code, null, L.Code);
            Unique(budget, b => b.Code, b => b.Year, L.Code);
            Unique(indicators, i => i.Code, null, L.Code);
            Unique(targets, t => t.IndicatorCode, t => t.Year, L.IndicatorCode);
            Unique(history, h => h.IndicatorCode, h => h.Year, L.IndicatorCode);

            References(objectives, o => o.GoalCode, "Kode Tujuan", L.Goals, goals, g => g.Code);
            References(indicators, i => i.ObjectiveCode, "Kode Sasaran", L.Objectives, objectives, o => o.Code);
            References(indicators, i => i.BudgetCode, "Kode Anggaran", L.Budget, budget, b => b.Code);
            References(indicators, i => i.SupportsCode, "Mendukung Indikator", L.Indicators, indicators, i => i.Code);
            References(targets, t => t.IndicatorCode, L.IndicatorCode, L.Indicators, indicators, i => i.Code);
            References(history, h => h.IndicatorCode, L.IndicatorCode, L.Indicators, indicators, i => i.Code);
            Parents(budget);
            Ranges(targets, indicators);

            if (owner.problems.Count > 0 || header.AgencyName is null || firstYear is null || lastYear is null) return null;
            return new PlanWorkbookData(header.AgencyName, firstYear.Value, lastYear.Value,
                Records(goals), Records(objectives), Records(budget), Records(indicators), Records(targets), Records(history));
        }

        private List<T> Records<T>(List<Entry<T>>? entries) where T : notnull
        {
            foreach (var e in entries ?? []) owner.rowNumbers[e.Row] = e.R.Row;
            return entries?.Select(e => e.Row).ToList() ?? [];
        }

        private List<Entry<T>>? Rows<T>(SheetSpec spec, Func<CellReader, T> read)
        {
            var sheet = sheets[spec];
            if (sheet is null || sheet.Columns.Count < spec.Columns.Count) return null;
            return sheet.Rows.Select(row =>
            {
                var r = owner.RowReader(sheet, row);
                return new Entry<T>(r, read(r));
            }).ToList();
        }

        private int YearOf(CellReader r, SheetSpec spec)
        {
            var (min, max) = firstYear is { } f && lastYear is { } l ? L.Years(spec, f, l) : (Period.MinYear, Period.MaxYear);
            return r.Year(L.Year, min, max) ?? 0;
        }

        /// <summary>A sheet whose codes other sheets may be checked against.</summary>
        private bool Complete(SheetSpec spec) => sheets[spec] is { Complete: true };

        private static void Unique<T>(List<Entry<T>>? entries, Func<T, string> code, Func<T, int>? year, string codeHeader)
        {
            if (entries is null) return;
            var seen = new Dictionary<(string, int), int>();
            foreach (var e in entries)
            {
                var c = code(e.Row);
                var y = year?.Invoke(e.Row) ?? 0;
                if (c.Length == 0 || (year is not null && y == 0)) continue;
                if (!seen.TryAdd((c, y), e.R.Row))
                {
                    var first = seen[(c, y)];
                    e.R.Problem(codeHeader, year is null
                        ? new Text("Kode \"{1}\" di sel {0} sudah dipakai di baris {2}.", e.R.Ref(codeHeader), c, first)
                        : codeHeader == L.Code
                            ? new Text("Kode \"{1}\" untuk tahun {2} di sel {0} sudah dipakai di baris {3}.", e.R.Ref(codeHeader), c, y, first)
                            : new Text("Indikator \"{1}\" untuk tahun {2} di sel {0} sudah ada di baris {3}.", e.R.Ref(codeHeader), c, y, first));
                }
            }
        }

        private void References<T, TTarget>(List<Entry<T>>? entries, Func<T, string?> reference, string header,
            SheetSpec targetSheet, List<Entry<TTarget>>? targets, Func<TTarget, string> code)
        {
            if (entries is null || targets is null || !Complete(targetSheet)) return;
            var codes = targets.Select(t => code(t.Row)).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
            foreach (var e in entries)
            {
                var r = reference(e.Row);
                if (string.IsNullOrEmpty(r) || e.R.Failed(header) || codes.Contains(r)) continue;
                e.R.Problem(header, new Text("Sel {0} merujuk ke kode \"{1}\" yang tidak ada di lembar {2}.", e.R.Ref(header), r, targetSheet.Name));
            }
        }

        /// <summary>An activity's parent is a program of the same year, a sub-activity's an activity; a program has none.</summary>
        private void Parents(List<Entry<BudgetRow>>? budget)
        {
            if (budget is null || !Complete(L.Budget)) return;
            const string parent = "Kode Induk";
            var levels = budget.Where(b => b.Row.Code.Length > 0 && b.Row.Year != 0)
                .GroupBy(b => (b.Row.Year, b.Row.Code)).ToDictionary(g => g.Key, g => g.First().Row.Level);
            foreach (var e in budget)
            {
                var b = e.Row;
                if (b.Level.Length == 0 || e.R.Failed(parent)) continue;
                var expected = b.Level switch { "activity" => "program", "subActivity" => "activity", _ => null };
                if (expected is null)
                {
                    if (b.ParentCode is not null) e.R.Problem(parent, new Text("Sel {0}: program tidak memiliki induk; kosongkan kolom Kode Induk.", e.R.Ref(parent)));
                    continue;
                }

                if (b.ParentCode is null)
                {
                    e.R.Problem(parent, new Text("Sel {0} (Kode Induk) wajib diisi untuk tingkat {1}: isikan kode {2} induknya.", e.R.Ref(parent), b.Level, expected));
                    continue;
                }

                if (b.Year == 0) continue;
                if (!levels.TryGetValue((b.Year, b.ParentCode), out var actual))
                {
                    e.R.Problem(parent, new Text("Sel {0} merujuk ke kode induk \"{1}\" yang tidak ada di lembar Anggaran untuk tahun {2}.", e.R.Ref(parent), b.ParentCode, b.Year));
                }
                else if (actual.Length > 0 && actual != expected)
                {
                    e.R.Problem(parent, new Text("Sel {0}: induk \"{1}\" bertingkat {2}, padahal induk {3} harus bertingkat {4}.", e.R.Ref(parent), b.ParentCode, actual, b.Level, expected));
                }
            }
        }

        /// <summary>A range indicator's targets have Batas Bawah &lt;= Batas Atas; other indicators leave both empty.</summary>
        private static void Ranges(List<Entry<TargetRow>>? targets, List<Entry<IndicatorRow>>? indicators)
        {
            if (targets is null || indicators is null) return;
            const string low = "Batas Bawah", high = "Batas Atas";
            var polarity = indicators.Where(i => i.Row.Code.Length > 0 && i.Row.Polarity.Length > 0)
                .GroupBy(i => i.Row.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Row.Polarity, StringComparer.Ordinal);
            foreach (var e in targets)
            {
                var t = e.Row;
                if (!polarity.TryGetValue(t.IndicatorCode, out var p)) continue;
                if (p == "range")
                {
                    if (t.RangeLow is null && !e.R.Failed(low))
                        e.R.Problem(low, new Text("Sel {0} ({1}) wajib diisi karena indikator \"{2}\" berpolaritas range.", e.R.Ref(low), low, t.IndicatorCode));
                    if (t.RangeHigh is null && !e.R.Failed(high))
                        e.R.Problem(high, new Text("Sel {0} ({1}) wajib diisi karena indikator \"{2}\" berpolaritas range.", e.R.Ref(high), high, t.IndicatorCode));
                    if (t.RangeLow is { } lo && t.RangeHigh is { } hi && lo > hi)
                        e.R.Problem(low, new Text("Batas Bawah {1} di sel {0} lebih besar dari Batas Atas {2}.", e.R.Ref(low), IndonesianFormat.Number(lo, 10), IndonesianFormat.Number(hi, 10)));
                }
                else
                {
                    foreach (var (h, v) in new[] { (low, t.RangeLow), (high, t.RangeHigh) })
                    {
                        if (v is not null)
                            e.R.Problem(h, new Text("Sel {0} ({1}) hanya untuk indikator berpolaritas range; indikator \"{2}\" berpolaritas {3}.", e.R.Ref(h), h, t.IndicatorCode, p));
                    }
                }
            }
        }
    }
}
