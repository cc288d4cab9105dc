using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using L = Kinerja.Documents.PlanWorkbookLayout;
using Text = Kinerja.Domain.Common.Text;

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
        var doc = XlsxPackage.Open(input, limits.MaxBytes, limits.MaxUncompressedBytes, out var problem);
        if (doc is null)
        {
            FileProblem(problem!);
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
                FileProblem(XlsxPackage.Damaged());
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

    private void FileProblem(Text message) => Add(-1, "", 0, "", 0, message);

    private void Add(int sheetOrder, string sheet, int row, string column, int columnOrder, Text message) =>
        problems.Add((sheetOrder, row, columnOrder, problems.Count, new CellProblem(sheet, row, column, message)));

    // ---------------------------------------------------------------- the workbook

    private PlanWorkbookData? Parse(WorkbookPart workbookPart)
    {
        sharedStrings = XlsxPackage.ReadSharedStrings(workbookPart.SharedStringTablePart);
        var parts = XlsxPackage.Sheets(workbookPart);

        var header = ReadInstructions(parts.GetValueOrDefault(L.Instructions));
        var sheets = L.DataSheets.ToDictionary(s => s, s => ReadDataSheet(s, parts.GetValueOrDefault(s.Name)));
        return new Typed(this, header, sheets).Build();
    }

    // ---------------------------------------------------------------- cells

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

    /// <summary>The cell's content, or null when it is empty. Text is trimmed.</summary>
    private RawCell? Raw(string sheetName, int row, int col, Cell cell, Action<Text> report) =>
        XlsxPackage.ReadCell(sheetName, row, col, cell, sharedStrings, report);

    private void ReportFormulaOrError(RawSheet sheet, int row, int col, RawCell cell)
    {
        if (FormulaOrError(cell) is { } message) Add(sheet.Order, sheet.Spec.Name, row, sheet.ColumnName(col), sheet.ColumnOrder(col), message);
    }

    private static Text? FormulaOrError(RawCell? cell) => XlsxPackage.FormulaOrError(cell);

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
        foreach (var element in XlsxPackage.Elements<Row>(part))
        {
            var (number, cells) = XlsxPackage.Locate(element, previous);
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
        foreach (var element in XlsxPackage.Elements<Row>(part))
        {
            var (number, cells) = XlsxPackage.Locate(element, previous);
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
