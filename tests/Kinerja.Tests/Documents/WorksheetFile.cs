using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kinerja.Tests.Documents;

/// <summary>Edits a downloaded worksheet workbook as a person would in Excel: finds a line by its code and types into its cells.</summary>
public static class WorksheetFile
{
    public const string DataSheet = "Kertas Kerja";

    public static WorksheetPart Part(WorkbookPart wb, string name) =>
        (WorksheetPart)wb.GetPartById(wb.Workbook.Descendants<Sheet>().Single(s => s.Name == name).Id!);

    public static string? Text(WorkbookPart wb, Cell c) =>
        c.DataType?.Value == CellValues.SharedString
            ? wb.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText
            : c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text;

    /// <summary>Changes the Kertas Kerja sheet (or another) of a copy of the file.</summary>
    public static byte[] Edit(byte[] xlsx, Action<WorkbookPart, Worksheet> change, string sheet = DataSheet)
    {
        var ms = new MemoryStream();
        ms.Write(xlsx);
        using (var doc = SpreadsheetDocument.Open(ms, true))
        {
            var wb = doc.WorkbookPart!;
            var part = Part(wb, sheet);
            change(wb, part.Worksheet);
            part.Worksheet.Save();
        }

        return ms.ToArray();
    }

    /// <summary>The row whose column A (Kode) holds <paramref name="code"/>.</summary>
    public static Row RowOf(WorkbookPart wb, Worksheet ws, string code) =>
        ws.Descendants<Row>().Single(r => r.Elements<Cell>().Any(c => c.CellReference!.Value!.StartsWith('A') && Text(wb, c) == code));

    /// <summary>The cell at column <paramref name="column"/> of the row, created in column order when missing.</summary>
    public static Cell CellOf(Row row, string column)
    {
        var reference = column + row.RowIndex!.Value.ToString(CultureInfo.InvariantCulture);
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (cell is not null) return cell;
        cell = new Cell { CellReference = reference };
        var after = row.Elements<Cell>().FirstOrDefault(c => string.CompareOrdinal(Letters(c.CellReference!), column) > 0 && Letters(c.CellReference!).Length >= column.Length);
        if (after is null) row.Append(cell);
        else row.InsertBefore(cell, after);
        return cell;
    }

    private static string Letters(string reference) => new(reference.TakeWhile(char.IsAsciiLetter).ToArray());

    /// <summary>Types a number (decimal), text (string) or nothing (null leaves the cell) into Realisasi (H) and Penjelasan (I) of a line.</summary>
    public static byte[] Fill(byte[] xlsx, string code, object? realization, string? explanation = null) =>
        Edit(xlsx, (wb, ws) =>
        {
            var row = RowOf(wb, ws, code);
            if (realization is not null) Set(CellOf(row, "H"), realization);
            if (explanation is not null) Set(CellOf(row, "I"), explanation);
        });

    /// <summary>A number, or an inline string (as Excel writes text typed in a cell formatted as text is a shared string; both read the same).</summary>
    public static void Set(Cell cell, object value)
    {
        cell.CellFormula = null;
        cell.InlineString = null;
        switch (value)
        {
            case string s:
                cell.DataType = CellValues.InlineString;
                cell.CellValue = null;
                cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(s));
                break;
            default:
                cell.DataType = null;
                cell.CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
        }
    }
}
