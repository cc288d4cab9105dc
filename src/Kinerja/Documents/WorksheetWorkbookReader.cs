using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Domain.Common;
using W = Kinerja.Documents.WorksheetWorkbook;
using Text = Kinerja.Domain.Common.Text;

namespace Kinerja.Documents;

/// <summary>
/// Reads an uploaded worksheet workbook: the file checks of <see cref="XlsxPackage"/>, then the Kertas Kerja sheet
/// row by row. Columns are found by their header text (the row holding "ID Baris"), never by position or width,
/// so a file re-saved by LibreOffice Calc or with reordered columns reads the same.
/// </summary>
internal sealed class WorksheetWorkbookReader(WorksheetWorkbookLimits limits)
{
    private static readonly string[] Required = [W.LineId, W.Version, W.Realization, W.Explanation];
    private static readonly string[] Known = [W.Code, .. Required];

    private readonly List<(int Row, int Column, int Seq, CellProblem Problem)> problems = [];
    private readonly List<WorksheetFileRow> rows = [];
    private List<string> sharedStrings = [];
    private Guid? worksheetId;
    private int worksheetIdRow;

    public WorksheetWorkbookReadResult Read(Stream input)
    {
        var doc = XlsxPackage.Open(input, limits.MaxBytes, limits.MaxUncompressedBytes, out var problem);
        if (doc is null)
        {
            Add(0, "", problem!, sheet: "");
            return Result();
        }

        using (doc)
        {
            try
            {
                Parse(doc.WorkbookPart!);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                rows.Clear();
                Add(0, "", XlsxPackage.Damaged(), sheet: "");
            }
        }

        return Result();
    }

    private WorksheetWorkbookReadResult Result() =>
        new(worksheetId, worksheetIdRow, rows,
            problems.OrderBy(p => p.Row).ThenBy(p => p.Column).ThenBy(p => p.Seq).Select(p => p.Problem).ToList());

    private void Add(int row, string column, Text message, string sheet = W.Sheet) =>
        problems.Add((row, Array.IndexOf(Known, column), problems.Count, new CellProblem(sheet, row, column, message)));

    private void Parse(WorkbookPart workbookPart)
    {
        var parts = XlsxPackage.Sheets(workbookPart);
        if (!parts.TryGetValue(W.Sheet, out var part))
        {
            var names = parts.Keys.Take(5).Select(XlsxPackage.Shorten).ToList();
            Add(0, "", names.Count == 0
                ? new Text("Lembar \"{0}\" tidak ada di berkas. Unggah kertas kerja yang diunduh dari Kinerja tanpa mengganti nama lembarnya.", W.Sheet)
                : new Text("Lembar \"{0}\" tidak ada di berkas (lembar yang ada: {1}). Unggah kertas kerja yang diunduh dari Kinerja tanpa mengganti nama lembarnya.",
                    W.Sheet, string.Join(", ", names.Select(n => "\"" + n + "\""))));
            return;
        }

        sharedStrings = XlsxPackage.ReadSharedStrings(workbookPart.SharedStringTablePart);
        Dictionary<string, int>? columns = null;
        Dictionary<int, string>? headers = null;
        var seen = new Dictionary<Guid, int>();
        var previous = 0;
        var count = 0;
        foreach (var element in XlsxPackage.Elements<Row>(part))
        {
            var (number, cells) = XlsxPackage.Locate(element, previous);
            previous = number;
            if (columns is null)
            {
                if (number > limits.MaxHeaderRow) break;
                columns = HeaderOrId(number, cells);
                if (columns is null) continue;
                if (Required.Any(h => !columns.ContainsKey(h))) return;
                headers = columns.ToDictionary(c => c.Value, c => c.Key);
                continue;
            }

            var values = new Dictionary<string, RawCell>();
            foreach (var (col, cell) in cells)
            {
                if (!headers!.TryGetValue(col, out var header)) continue;
                var raw = XlsxPackage.ReadCell(W.Sheet, number, col, cell, sharedStrings, m => Add(number, header, m));
                if (raw is not null) values[header] = raw;
            }

            if (values.Count == 0) continue;
            if (++count > limits.MaxRows)
            {
                Add(number, "", new Text("Lembar {0} berisi lebih dari {1:N0} baris; berkas ini bukan kertas kerja dari Kinerja.", W.Sheet, limits.MaxRows));
                rows.Clear();
                return;
            }

            ReadLine(number, values, columns, seen);
        }

        if (columns is null)
        {
            Add(0, W.LineId, new Text("Lembar {0} tidak memiliki baris judul dengan kolom \"{1}\". Unduh ulang kertas kerja dari Kinerja dan isi berkas itu.", W.Sheet, W.LineId));
        }
    }

    /// <summary>A row above the lines: the hidden worksheet id, or the header row (returns its columns).</summary>
    private Dictionary<string, int>? HeaderOrId(int number, List<(int Col, Cell Cell)> cells)
    {
        var texts = new Dictionary<int, RawCell>();
        foreach (var (col, cell) in cells)
        {
            if (XlsxPackage.ReadCell(W.Sheet, number, col, cell, sharedStrings, _ => { }) is { } raw) texts[col] = raw;
        }

        var label = texts.FirstOrDefault(t => t.Value.Type == CellType.Text && Same(t.Value.Value, W.WorksheetIdLabel));
        if (label.Value is not null)
        {
            worksheetIdRow = number;
            var value = texts.GetValueOrDefault(label.Key + 1);
            if (value is { Type: CellType.Text } && Guid.TryParse(value.Value, out var id)) worksheetId = id;
            else Add(number, W.WorksheetIdLabel, new Text("Sel {0} harus berisi ID kertas kerja dari Kinerja. Jangan mengubah baris tersembunyi itu; unduh ulang kertas kerja bila perlu.",
                W.Sheet + "!" + PlanWorkbookLayout.ColumnLetters(label.Key + 1) + number.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        if (!texts.Values.Any(t => t.Type == CellType.Text && Same(t.Value, W.LineId))) return null;

        var columns = new Dictionary<string, int>();
        foreach (var (col, cell) in texts.OrderBy(t => t.Key))
        {
            if (cell.Type != CellType.Text) continue;
            var known = Known.FirstOrDefault(k => Same(k, cell.Value));
            if (known is null) continue;
            if (!columns.TryAdd(known, col))
            {
                Add(number, known, new Text("Kolom \"{0}\" muncul lebih dari sekali di baris judul lembar {1} (sel {2}).", known, W.Sheet, cell.Ref));
            }
        }

        foreach (var missing in Required.Where(h => !columns.ContainsKey(h)))
        {
            Add(number, missing, new Text("Lembar {0} tidak memiliki kolom \"{1}\" di baris judul (baris {2}). Unduh ulang kertas kerja dari Kinerja.", W.Sheet, missing, number));
        }

        return columns;
    }

    private static bool Same(string a, string b) => PlanWorkbookLayout.NormalizeHeader(a) == PlanWorkbookLayout.NormalizeHeader(b);

    private void ReadLine(int row, Dictionary<string, RawCell> values, Dictionary<string, int> columns, Dictionary<Guid, int> seen)
    {
        var before = problems.Count;
        string Ref(string header) => columns.TryGetValue(header, out var col)
            ? W.Sheet + "!" + PlanWorkbookLayout.ColumnLetters(col) + row.ToString(CultureInfo.InvariantCulture)
            : W.Sheet + "!" + row.ToString(CultureInfo.InvariantCulture);

        foreach (var (header, cell) in values)
        {
            // Kode is only shown back in messages: a formula there does no harm.
            if (header != W.Code && XlsxPackage.FormulaOrError(cell) is { } message) Add(row, header, message);
        }

        var code = values.GetValueOrDefault(W.Code) is { Type: CellType.Text or CellType.Number } c ? XlsxPackage.Shorten(c.Value) : null;
        var idCell = values.GetValueOrDefault(W.LineId);
        if (idCell is null)
        {
            if (values.ContainsKey(W.Realization) || values.ContainsKey(W.Explanation))
            {
                Add(row, W.LineId, new Text("Baris {0} tidak memiliki ID baris (kolom tersembunyi \"{1}\"): baris baru tidak dapat ditambahkan lewat berkas. Hapus baris ini, atau salin isinya ke baris indikatornya.", row, W.LineId));
            }

            return;
        }

        var lineId = Guid.Empty;
        if ((idCell.Type == CellType.Text && !Guid.TryParse(idCell.Value, out lineId)) || idCell.Type == CellType.Number)
        {
            Add(row, W.LineId, new Text("Sel {0} ({1}) berisi \"{2}\", bukan ID baris dari Kinerja. Jangan mengubah kolom tersembunyi {1}; unduh ulang kertas kerja bila perlu.",
                idCell.Ref, W.LineId, XlsxPackage.Shorten(idCell.Value)));
        }

        var version = -1;
        var versionCell = values.GetValueOrDefault(W.Version);
        if (versionCell is null)
        {
            Add(row, W.Version, new Text("Sel {0} ({1}) kosong. Jangan mengubah kolom tersembunyi {1}; unduh ulang kertas kerja bila perlu.", Ref(W.Version), W.Version));
        }
        else if (versionCell.Type is CellType.Text or CellType.Number
                 && (!decimal.TryParse(versionCell.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v != decimal.Truncate(v) || v < 0 || v > int.MaxValue))
        {
            Add(row, W.Version, new Text("Sel {0} ({1}) berisi \"{2}\", bukan nomor versi dari Kinerja. Jangan mengubah kolom tersembunyi {1}; unduh ulang kertas kerja bila perlu.",
                versionCell.Ref, W.Version, XlsxPackage.Shorten(versionCell.Value)));
        }
        else if (versionCell.Type is CellType.Text or CellType.Number)
        {
            version = (int)decimal.Parse(versionCell.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        var realization = Realization(row, values.GetValueOrDefault(W.Realization));
        var explanation = Explanation(row, values.GetValueOrDefault(W.Explanation));

        if (lineId != Guid.Empty && !seen.TryAdd(lineId, row))
        {
            Add(row, W.LineId, new Text("Baris {0} adalah salinan baris {1} (ID baris yang sama); setiap indikator hanya boleh muncul sekali. Hapus salah satunya.", row, seen[lineId]));
        }

        if (problems.Count == before) rows.Add(new WorksheetFileRow(row, lineId, version, code, realization, explanation));
    }

    private FileEdit<decimal?> Realization(int row, RawCell? c)
    {
        if (c is null || c.Type is not (CellType.Text or CellType.Number)) return FileEdit<decimal?>.Keep;
        if (c.Type == CellType.Text && c.Value == W.Clear) return new FileEdit<decimal?>(true, null);
        decimal value;
        if (c.Type == CellType.Text)
        {
            if (!IndonesianFormat.TryParseNumber(c.Value, out value))
            {
                Add(row, W.Realization, new Text("Sel {0} berisi teks \"{1}\", padahal harus angka.", c.Ref, XlsxPackage.Shorten(c.Value)));
                return FileEdit<decimal?>.Keep;
            }
        }
        else
        {
            if (!double.TryParse(c.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                Add(row, W.Realization, new Text("Sel {0} berisi teks \"{1}\", padahal harus angka.", c.Ref, XlsxPackage.Shorten(c.Value)));
                return FileEdit<decimal?>.Keep;
            }

            if (double.IsNaN(d) || double.IsInfinity(d))
            {
                Add(row, W.Realization, new Text("Sel {0} berisi \"{1}\", bukan angka biasa (tak hingga atau NaN).", c.Ref, XlsxPackage.Shorten(c.Value)));
                return FileEdit<decimal?>.Keep;
            }

            if (Math.Abs(d) > (double)Domain.Plan.TargetValues.MaxMagnitude)
            {
                Add(row, W.Realization, TooBig(c));
                return FileEdit<decimal?>.Keep;
            }

            if (!decimal.TryParse(c.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) value = (decimal)d;
        }

        if (Math.Abs(value) > Domain.Plan.TargetValues.MaxMagnitude)
        {
            Add(row, W.Realization, TooBig(c));
            return FileEdit<decimal?>.Keep;
        }

        return new FileEdit<decimal?>(true, Math.Round(value, W.Decimals, MidpointRounding.AwayFromZero));
    }

    private static Text TooBig(RawCell c) =>
        new("Angka {1} di sel {0} terlalu besar; paling besar {2}.", c.Ref, XlsxPackage.Shorten(c.Value), IndonesianFormat.Number(Domain.Plan.TargetValues.MaxMagnitude));

    private FileEdit<string?> Explanation(int row, RawCell? c)
    {
        if (c is null || c.Type is not (CellType.Text or CellType.Number)) return FileEdit<string?>.Keep;
        if (c.Value == W.Clear) return new FileEdit<string?>(true, null);
        if (c.Value.Length > W.MaxExplanation)
        {
            Add(row, W.Explanation, new Text("Sel {0} ({1}) berisi {2:N0} karakter; paling panjang {3:N0}.", c.Ref, W.Explanation, c.Value.Length, W.MaxExplanation));
            return FileEdit<string?>.Keep;
        }

        var text = c.Type == CellType.Number && decimal.TryParse(c.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? IndonesianFormat.Number(d, W.Decimals)
            : c.Value;
        return new FileEdit<string?>(true, text);
    }
}
