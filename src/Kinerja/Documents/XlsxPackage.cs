using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Text = Kinerja.Domain.Common.Text;
using XText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Kinerja.Documents;

/// <summary>
/// What every reader of an uploaded xlsx does before and while it looks at cells: a bounded read, zip-bomb
/// checks on the raw zip, opening without trusting the file, and reading rows one at a time (SAX).
/// </summary>
internal static class XlsxPackage
{
    public static Text NotXlsx() =>
        new("Berkas ini bukan berkas Excel (.xlsx). Simpan sebagai \"Excel Workbook (.xlsx)\" lalu unggah lagi.");

    public static Text Damaged() =>
        new("Berkas Excel rusak dan tidak dapat dibaca seluruhnya. Simpan ulang dari Excel atau LibreOffice Calc lalu unggah lagi.");

    public static Text TooLarge(long maxBytes) => new("Berkas lebih besar dari batas {0:N0} byte.", maxBytes);

    /// <summary>The upload, or null when it is larger than <paramref name="maxBytes"/> (read no further than that).</summary>
    public static byte[]? ReadBounded(Stream input, long maxBytes)
    {
        if (input.CanSeek && input.Length - input.Position > maxBytes) return null;
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += n;
            if (total > maxBytes) return null;
            copy.Write(buffer, 0, n);
        }

        return copy.ToArray();
    }

    /// <summary>
    /// Before OpenXML sees the file: it must be a zip whose central directory declares no entry, and no
    /// total, above <paramref name="maxUncompressed"/>; then every entry is inflated into nothing to check that it is
    /// not larger than declared (a lying header) and that the deflate data is sound. Null when the zip is safe.
    /// </summary>
    public static Text? ZipProblem(byte[] bytes, long maxUncompressed)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > maxUncompressed)
                {
                    return new Text("Bagian \"{0}\" di dalam berkas berukuran {1:N0} byte setelah dibuka, melebihi batas {2:N0} byte; berkas ditolak.",
                        Shorten(entry.FullName), entry.Length, maxUncompressed);
                }

                declared += entry.Length;
            }

            if (declared > maxUncompressed)
            {
                return new Text("Isi berkas berukuran {0:N0} byte setelah dibuka, melebihi batas {1:N0} byte; berkas ditolak.", declared, maxUncompressed);
            }

            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                if (!InflatesAsDeclared(entry, buffer))
                {
                    return new Text("Bagian \"{0}\" di dalam berkas rusak atau lebih besar dari ukuran yang tercatat; berkas ditolak.", Shorten(entry.FullName));
                }
            }

            return null;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            return NotXlsx();
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

    /// <summary>
    /// Reads, checks and opens an upload read-only; on failure returns null and the reason. The caller disposes the document.
    /// </summary>
    public static SpreadsheetDocument? Open(Stream input, long maxBytes, long maxUncompressed, out Text? problem)
    {
        var bytes = ReadBounded(input, maxBytes);
        if (bytes is null)
        {
            problem = TooLarge(maxBytes);
            return null;
        }

        problem = ZipProblem(bytes, maxUncompressed);
        if (problem is not null) return null;
        try
        {
            var doc = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false);
            if (doc.WorkbookPart?.Workbook is not null) return doc;
            doc.Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
        }

        problem = NotXlsx();
        return null;
    }

    /// <summary>Text from the file shown back in a message: at most 40 characters.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 39), "…");

    public static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var list = new List<string>();
        if (part is null) return list;
        foreach (var item in Elements<SharedStringItem>(part)) list.Add(RichText(item));
        return list;
    }

    /// <summary>Elements of one type, each loaded alone: a sheet is never held whole in memory.</summary>
    public static IEnumerable<T> Elements<T>(OpenXmlPart part) where T : OpenXmlElement
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
    public static string RichText(OpenXmlElement? item)
    {
        if (item is null) return "";
        var sb = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is XText t) sb.Append(t.Text);
            else if (child is Run run) foreach (var rt in run.Elements<XText>()) sb.Append(rt.Text);
        }

        return PlanWorkbookLayout.Unescape(sb.ToString());
    }

    /// <summary>The row's 1-based number (or the one after the previous row when missing or absurd) and its cells by 0-based column.</summary>
    public static (int Row, List<(int Col, Cell Cell)> Cells) Locate(Row row, int previousRow)
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

    public static RawCell? ReadCell(string sheetName, int row, int col, Cell cell, IReadOnlyList<string> sharedStrings, Action<Text> report)
    {
        var reference = sheetName + "!" + PlanWorkbookLayout.ColumnLetters(col) + row.ToString(CultureInfo.InvariantCulture);
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

                return TextCell(reference, sharedStrings[index], report);
            case "inlineStr":
                return TextCell(reference, RichText(cell.InlineString), report);
            case "str" or "d":
                return TextCell(reference, PlanWorkbookLayout.Unescape(value ?? ""), report);
            case "b":
                return value is null ? null : new RawCell(reference, CellType.Text, value.Trim() is "1" or "true" ? "TRUE" : "FALSE");
            case "e":
                return new RawCell(reference, CellType.Error, value ?? "");
            default:
                return string.IsNullOrWhiteSpace(value) ? null : new RawCell(reference, CellType.Number, value.Trim());
        }
    }

    private static RawCell? TextCell(string reference, string text, Action<Text> report)
    {
        var t = text.Trim();
        if (t.Contains('\0', StringComparison.Ordinal))
        {
            // _x0000_ decodes to NUL, which no text column keeps (PostgreSQL refuses it); other control characters round-trip.
            report(new Text("Sel {0} berisi karakter NUL (_x0000_) yang tidak dapat disimpan; hapus karakter itu lalu unggah lagi.", reference));
            return new RawCell(reference, CellType.Broken, "");
        }

        return t.Length == 0 ? null : new RawCell(reference, CellType.Text, t);
    }

    public static Text? FormulaOrError(RawCell? cell) => cell?.Type switch
    {
        CellType.Formula => new Text("Sel {0} berisi rumus; isikan nilainya saja.", cell.Ref),
        CellType.Error => new Text("Sel {0} berisi galat {1}; isikan nilainya saja.", cell.Ref, cell.Value),
        _ => null,
    };

    /// <summary>The worksheet parts by sheet name (trimmed, case-insensitive; the first of equal names wins).</summary>
    public static Dictionary<string, WorksheetPart> Sheets(WorkbookPart workbookPart)
    {
        var parts = new Dictionary<string, WorksheetPart>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in workbookPart.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            var name = sheet.Name?.Value?.Trim();
            var id = sheet.Id?.Value;
            if (name is null || id is null || parts.ContainsKey(name)) continue;
            if (workbookPart.TryGetPartById(id, out var part) && part is WorksheetPart ws) parts[name] = ws;
        }

        return parts;
    }
}

internal enum CellType
{
    Number,
    Text,
    Formula,
    Error,

    /// <summary>Unreadable and already reported.</summary>
    Broken,
}

/// <summary>A cell as found in the file: Ref is "Sheet!B7"; Value is the formula text for a formula, the raw number text for a number.</summary>
internal sealed record RawCell(string Ref, CellType Type, string Value);
