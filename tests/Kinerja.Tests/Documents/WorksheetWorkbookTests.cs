using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Kinerja.Documents;
using static Kinerja.Tests.Documents.WorksheetFile;

namespace Kinerja.Tests.Documents;

/// <summary>The worksheet workbook a unit fills offline: written, validated, read back, re-saved by LibreOffice, refused when hostile.</summary>
public class WorksheetWorkbookTests
{
    private static readonly Guid SheetId = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    private static readonly Guid Line1 = Guid.Parse("0190a000-0000-7000-8000-000000000011");
    private static readonly Guid Line2 = Guid.Parse("0190a000-0000-7000-8000-000000000012");
    private static readonly Guid Line3 = Guid.Parse("0190a000-0000-7000-8000-000000000013");

    public static WorksheetWorkbookData Data() => new(
        SheetId, "Kecamatan Contoh", "Seksi Pemerintahan", "2026-Q1", "Triwulan I 2026", new DateOnly(2026, 4, 10),
        new DateTimeOffset(2026, 4, 2, 9, 30, 0, TimeSpan.FromHours(7)),
        [
            new(Line1, 3, "IKU-02", "Persentase desa dengan tata kelola baik", "%", "higher", 96m, 96m, null, null, 94.25m, 95.5m, null),
            new(Line2, 0, "P-01", "Jumlah fasilitasi desa", "Kegiatan", "higher", 7m, 7m, null, null, null, null, null),
            new(Line3, 1, "P-02", "Rasio sengketa batas desa", "Rasio", "range", null, null, 60m, 85m, null, 70m, "=HYPERLINK(\"http://contoh.invalid\",\"klik\")"),
        ]);

    private static WorksheetWorkbookReadResult Read(byte[] xlsx, WorksheetWorkbookLimits? limits = null) => WorksheetWorkbook.Read(new MemoryStream(xlsx), limits);

    private static List<string> Describe(WorksheetWorkbookReadResult r) => r.Problems.Select(p => $"{p.Sheet}|{p.Row}|{p.Column}|{p.Message}").ToList();

    [Fact]
    public void The_workbook_has_instructions_locked_lines_hidden_ids_and_aids_for_typing()
    {
        var bytes = WorksheetWorkbook.Write(Data());
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var wb = doc.WorkbookPart!;
        wb.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ShouldBe(["Petunjuk", "Kertas Kerja"]);
        var ws = Part(wb, DataSheet).Worksheet;
        string At(string reference) => Text(wb, ws.Descendants<Cell>().Single(c => c.CellReference == reference)) ?? "";

        // Header block and the header row
        At("B2").ShouldBe("Kecamatan Contoh");
        At("B3").ShouldBe("Seksi Pemerintahan");
        At("B4").ShouldBe("Triwulan I 2026 (2026-Q1)");
        At("B5").ShouldBe("10 April 2026");
        ws.Descendants<Row>().Single(r => r.RowIndex! == 7).Hidden!.Value.ShouldBeTrue();
        At("B7").ShouldBe(SheetId.ToString());
        ws.Descendants<Row>().Single(r => r.RowIndex! == 9).Elements<Cell>().Select(c => Text(wb, c)).ShouldBe(
            ["Kode", "Indikator", "Satuan", "Polaritas", "Target Periode", "Target s.d. Periode", "Realisasi Sebelumnya", "Realisasi", "Penjelasan", "ID Baris", "Versi"]);

        // One row per line in order, ids and versions in hidden columns
        At("A10").ShouldBe("IKU-02");
        At("A12").ShouldBe("P-02");
        At("D10").ShouldBe("Makin tinggi makin baik");
        At("E10").ShouldBe("96");
        At("E12").ShouldBe("60 - 85");
        At("G10").ShouldBe("94.25");
        At("H10").ShouldBe("95.5");
        At("J11").ShouldBe(Line2.ToString());
        At("K10").ShouldBe("3");
        var columns = ws.Descendants<Column>().ToList();
        columns.Where(c => c.Hidden?.Value == true).Select(c => c.Min!.Value).ShouldBe([10u, 11u]);

        // Only Realisasi and Penjelasan are unlocked; the sheet is protected
        var formats = wb.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        bool Unlocked(Cell c) => formats[(int)(c.StyleIndex?.Value ?? 0)].Protection?.Locked?.Value == false;
        var lineCells = ws.Descendants<Row>().Where(r => r.RowIndex! >= 10).SelectMany(r => r.Elements<Cell>()).ToList();
        lineCells.Where(Unlocked).Select(c => c.CellReference!.Value![..1]).Distinct().ShouldBe(["H", "I"]);
        lineCells.Count(Unlocked).ShouldBe(6);
        ws.GetFirstChild<SheetProtection>()!.Sheet!.Value.ShouldBeTrue();

        // Indonesian number format, frozen header, decimal validation on Realisasi
        wb.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single().FormatCode!.Value.ShouldBe("[$-421]#,##0.00");
        formats[(int)ws.Descendants<Cell>().Single(c => c.CellReference == "H10").StyleIndex!.Value].NumberFormatId!.Value.ShouldBe(164u);
        var pane = ws.Descendants<Pane>().Single();
        pane.State!.Value.ShouldBe(PaneStateValues.Frozen);
        pane.TopLeftCell!.Value.ShouldBe("A10");
        (pane.VerticalSplit?.Value, pane.HorizontalSplit?.Value).ShouldBe((9d, null)); // rows 1-9 frozen (ySplit), no column
        var dv = ws.Descendants<DataValidation>().Single(v => v.Type! == DataValidationValues.Decimal);
        dv.SequenceOfReferences!.InnerText.ShouldBe("H10:H12");
        ws.Descendants<DataValidation>().Single(v => v.Type! == DataValidationValues.TextLength).SequenceOfReferences!.InnerText.ShouldBe("I10:I12");

        // Never a formula: a text that looks like one is a quoted shared string
        foreach (var part in wb.WorksheetParts) part.Worksheet.Descendants<CellFormula>().ShouldBeEmpty();
        var link = ws.Descendants<Cell>().Single(c => c.CellReference == "I12");
        link.DataType!.Value.ShouldBe(CellValues.SharedString);
        formats[(int)link.StyleIndex!.Value].QuotePrefix!.Value.ShouldBeTrue();

        var instructions = string.Join("\n", Part(wb, "Petunjuk").Worksheet.Descendants<Cell>().Select(c => Text(wb, c)));
        foreach (var expected in new[] { "Realisasi dan Penjelasan", "satuan", "ketik tanda minus saja (-)", "tidak diubah", "80% atau di atas 120%", "50%", "Rumus tidak diterima", "unggah", "10 April 2026", "ID Baris" })
        {
            instructions.ShouldContain(expected);
        }
    }

    [Fact]
    public void OpenXmlValidator_finds_no_errors()
    {
        foreach (var data in new[] { Data(), Data() with { Lines = [], Deadline = null } })
        {
            using var doc = SpreadsheetDocument.Open(new MemoryStream(WorksheetWorkbook.Write(data)), false);
            var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(doc).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
            errors.ShouldBeEmpty();
        }
    }

    [Fact]
    public void A_downloaded_file_reads_back_with_ids_versions_and_its_values()
    {
        var result = Read(WorksheetWorkbook.Write(Data()));
        Describe(result).ShouldBeEmpty();
        result.WorksheetId.ShouldBe(SheetId);
        result.Rows.Select(r => (r.Row, r.LineId, r.Version, r.Code)).ShouldBe([(10, Line1, 3, "IKU-02"), (11, Line2, 0, "P-01"), (12, Line3, 1, "P-02")]);
        result.Rows[0].Realization.ShouldBe(new FileEdit<decimal?>(true, 95.5m));
        result.Rows[1].Realization.Given.ShouldBeFalse(); // empty: leave as it is
        result.Rows[1].Explanation.Given.ShouldBeFalse();
        result.Rows[2].Explanation.ShouldBe(new FileEdit<string?>(true, "=HYPERLINK(\"http://contoh.invalid\",\"klik\")"));
    }

    [Fact]
    public void Typed_values_Indonesian_text_dash_to_clear_and_rounding()
    {
        var bytes = Fill(WorksheetWorkbook.Write(Data()), "IKU-02", "1.250,5", "-");
        bytes = Fill(bytes, "P-01", 3.1234567891m, "  Dua desa menunda jadwal.  ");
        bytes = Fill(bytes, "P-02", "-", "- dimulai dengan tanda minus");
        var result = Read(bytes);
        Describe(result).ShouldBeEmpty();
        result.Rows[0].Realization.ShouldBe(new FileEdit<decimal?>(true, 1250.5m));
        result.Rows[0].Explanation.ShouldBe(new FileEdit<string?>(true, null));
        result.Rows[1].Realization.ShouldBe(new FileEdit<decimal?>(true, 3.123457m));
        result.Rows[1].Explanation.ShouldBe(new FileEdit<string?>(true, "Dua desa menunda jadwal."));
        result.Rows[2].Realization.ShouldBe(new FileEdit<decimal?>(true, null));
        result.Rows[2].Explanation.ShouldBe(new FileEdit<string?>(true, "- dimulai dengan tanda minus"));
    }

    public static TheoryData<string, Func<byte[], byte[]>, string, int, string, string> BadCells() => new()
    {
        { "text", b => Fill(b, "P-01", "tujuh"), "Kertas Kerja", 11, "Realisasi", "Sel Kertas Kerja!H11 berisi teks \"tujuh\", padahal harus angka." },
        { "NaN", b => Fill(b, "P-01", double.NaN), "Kertas Kerja", 11, "Realisasi", "Sel Kertas Kerja!H11 berisi \"NaN\", bukan angka biasa (tak hingga atau NaN)." },
        { "infinity", b => Edit(b, (wb, ws) => CellOf(RowOf(wb, ws, "P-01"), "H").CellValue = new CellValue("-Infinity")), "Kertas Kerja", 11, "Realisasi", "Sel Kertas Kerja!H11 berisi \"-Infinity\", bukan angka biasa (tak hingga atau NaN)." },
        { "1e30", b => Fill(b, "P-01", 1e30), "Kertas Kerja", 11, "Realisasi", "Angka 1E+30 di sel Kertas Kerja!H11 terlalu besar; paling besar 1.000.000.000.000.000." },
        { "formula", b => Edit(b, (wb, ws) => CellOf(RowOf(wb, ws, "P-01"), "H").CellFormula = new CellFormula("SUM(E11:G11)")), "Kertas Kerja", 11, "Realisasi", "Sel Kertas Kerja!H11 berisi rumus; isikan nilainya saja." },
        { "error", b => Edit(b, (wb, ws) => { var c = CellOf(RowOf(wb, ws, "P-01"), "H"); c.DataType = CellValues.Error; c.CellValue = new CellValue("#DIV/0!"); }), "Kertas Kerja", 11, "Realisasi", "Sel Kertas Kerja!H11 berisi galat #DIV/0!; isikan nilainya saja." },
        { "explanation formula", b => Edit(b, (wb, ws) => CellOf(RowOf(wb, ws, "P-01"), "I").CellFormula = new CellFormula("HYPERLINK(\"http://x.invalid\")")), "Kertas Kerja", 11, "Penjelasan", "Sel Kertas Kerja!I11 berisi rumus; isikan nilainya saja." },
        { "long explanation", b => Fill(b, "P-01", null, new string('x', 4001)), "Kertas Kerja", 11, "Penjelasan", "Sel Kertas Kerja!I11 (Penjelasan) berisi 4.001 karakter; paling panjang 4.000." },
        { "bad id", b => Edit(b, (wb, ws) => Set(CellOf(RowOf(wb, ws, "P-01"), "J"), "../../etc/passwd")), "Kertas Kerja", 11, "ID Baris", "Sel Kertas Kerja!J11 (ID Baris) berisi \"../../etc/passwd\", bukan ID baris dari Kinerja. Jangan mengubah kolom tersembunyi ID Baris; unduh ulang kertas kerja bila perlu." },
        { "bad version", b => Edit(b, (wb, ws) => Set(CellOf(RowOf(wb, ws, "P-01"), "K"), 1.5m)), "Kertas Kerja", 11, "Versi", "Sel Kertas Kerja!K11 (Versi) berisi \"1.5\", bukan nomor versi dari Kinerja. Jangan mengubah kolom tersembunyi Versi; unduh ulang kertas kerja bila perlu." },
        { "copied row", b => Edit(b, (wb, ws) => { var copy = (Row)RowOf(wb, ws, "P-01").CloneNode(true); copy.RowIndex = 13; foreach (var c in copy.Elements<Cell>()) c.CellReference = c.CellReference!.Value![..1] + "13"; ws.GetFirstChild<SheetData>()!.Append(copy); }), "Kertas Kerja", 13, "ID Baris", "Baris 13 adalah salinan baris 11 (ID baris yang sama); setiap indikator hanya boleh muncul sekali. Hapus salah satunya." },
        { "row without id", b => Edit(b, (wb, ws) => { var r = new Row { RowIndex = 14 }; r.Append(new Cell { CellReference = "H14", CellValue = new CellValue("5") }); ws.GetFirstChild<SheetData>()!.Append(r); }), "Kertas Kerja", 14, "ID Baris", "Baris 14 tidak memiliki ID baris (kolom tersembunyi \"ID Baris\"): baris baru tidak dapat ditambahkan lewat berkas. Hapus baris ini, atau salin isinya ke baris indikatornya." },
        { "no header", b => Edit(b, (wb, ws) => Set(ws.Descendants<Cell>().Single(c => c.CellReference == "J9"), "Kolom J")), "Kertas Kerja", 0, "ID Baris", "Lembar Kertas Kerja tidak memiliki baris judul dengan kolom \"ID Baris\". Unduh ulang kertas kerja dari Kinerja dan isi berkas itu." },
        { "renamed header", b => Edit(b, (wb, ws) => Set(ws.Descendants<Cell>().Single(c => c.CellReference == "H9"), "Capaian")), "Kertas Kerja", 9, "Realisasi", "Lembar Kertas Kerja tidak memiliki kolom \"Realisasi\" di baris judul (baris 9). Unduh ulang kertas kerja dari Kinerja." },
        { "bad worksheet id", b => Edit(b, (wb, ws) => Set(ws.Descendants<Cell>().Single(c => c.CellReference == "B7"), "x")), "Kertas Kerja", 7, "ID Kertas Kerja", "Sel Kertas Kerja!B7 harus berisi ID kertas kerja dari Kinerja. Jangan mengubah baris tersembunyi itu; unduh ulang kertas kerja bila perlu." },
    };

    [Theory]
    [MemberData(nameof(BadCells))]
    public void A_bad_cell_gives_one_problem_naming_sheet_row_column_and_what_to_do(string name, Func<byte[], byte[]> edit, string sheet, int row, string column, string message)
    {
        var result = Read(edit(WorksheetWorkbook.Write(Data())));
        Describe(result).ShouldBe([$"{sheet}|{row}|{column}|{message}"], name);
        result.Rows.ShouldNotContain(r => r.Row == row);
    }

    [Fact]
    public void Columns_are_found_by_header_not_position()
    {
        // Realisasi and Penjelasan swapped, an extra column inserted before the ids.
        var bytes = Edit(WorksheetWorkbook.Write(Data()), (wb, ws) =>
        {
            foreach (var row in ws.Descendants<Row>().Where(r => r.RowIndex! >= 9))
            {
                foreach (var c in row.Elements<Cell>().ToList())
                {
                    var col = c.CellReference!.Value![..1];
                    var n = c.CellReference.Value[1..];
                    c.CellReference = (col switch { "H" => "I", "I" => "H", "J" => "M", "K" => "N", _ => col }) + n;
                }

                var cells = row.Elements<Cell>().OrderBy(c => c.CellReference!.Value!, StringComparer.Ordinal).ToList();
                row.RemoveAllChildren<Cell>();
                foreach (var c in cells) row.Append(c);
            }
        });
        var result = Read(bytes);
        Describe(result).ShouldBeEmpty();
        result.Rows[0].Realization.ShouldBe(new FileEdit<decimal?>(true, 95.5m));
        result.Rows[2].LineId.ShouldBe(Line3);
        result.Rows[2].Explanation.Value!.ShouldStartWith("=HYPERLINK");
    }

    // ---------------------------------------------------------------- hostile files

    [Theory]
    [InlineData("empty")]
    [InlineData("text")]
    [InlineData("exe")]
    [InlineData("zip without workbook")]
    public void A_file_that_is_not_an_xlsx_is_refused(string kind)
    {
        var bytes = kind switch
        {
            "empty" => [],
            "text" => "Kode;Realisasi\nIKU-02;95"u8.ToArray(),
            "exe" => [.. "MZ"u8.ToArray(), .. new byte[510]],
            _ => Zip(("readme.txt", "halo"u8.ToArray())),
        };
        Describe(Read(bytes)).ShouldBe(["|0||Berkas ini bukan berkas Excel (.xlsx). Simpan sebagai \"Excel Workbook (.xlsx)\" lalu unggah lagi."]);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_inflated()
    {
        var bomb = Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("xl/worksheets/sheet1.xml", new byte[30 * 1024 * 1024]));
        bomb.Length.ShouldBeLessThan(100_000);
        var sw = Stopwatch.StartNew();
        var problems = Describe(Read(bomb));
        sw.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        problems.ShouldBe(["|0||Bagian \"xl/worksheets/sheet1.xml\" di dalam berkas berukuran 31.457.280 byte setelah dibuka, melebihi batas 20.971.520 byte; berkas ditolak."]);
    }

    [Fact]
    public void A_sheet_with_more_rows_than_the_limit_is_refused()
    {
        var data = Data() with
        {
            Lines = Enumerable.Range(0, 30).Select(i => new WorksheetWorkbookLine(Guid.CreateVersion7(), 0, $"X-{i}", "x", "%", "higher", 1m, 1m, null, null, null, i, null)).ToList(),
        };
        var result = Read(WorksheetWorkbook.Write(data), new WorksheetWorkbookLimits { MaxRows = 20 });
        Describe(result).ShouldBe(["Kertas Kerja|30||Lembar Kertas Kerja berisi lebih dari 20 baris; berkas ini bukan kertas kerja dari Kinerja."]);
        result.Rows.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_sheet_is_named_with_the_sheets_found_shortened()
    {
        var name = "..\\..\\..\\windows\\system32\\" + new string('a', 60);
        var bytes = Edit(WorksheetWorkbook.Write(Data()), (wb, _) =>
        {
            wb.Workbook.Descendants<Sheet>().Single(s => s.Name == DataSheet).Name = name;
            wb.Workbook.Save();
        }, "Petunjuk");
        Describe(Read(bytes)).ShouldBe(
        [
            $"Kertas Kerja|0||Lembar \"Kertas Kerja\" tidak ada di berkas (lembar yang ada: \"Petunjuk\", \"{name[..39]}…\"). Unggah kertas kerja yang diunduh dari Kinerja tanpa mengganti nama lembarnya.",
        ]);
    }

    // ---------------------------------------------------------------- LibreOffice

    private const string Soffice = "/usr/bin/soffice";

    [Fact]
    public async Task A_workbook_filled_and_resaved_by_LibreOffice_Calc_reads_back_the_same()
    {
        Assert.SkipUnless(File.Exists(Soffice), "LibreOffice is not installed");
        var original = Fill(Fill(WorksheetWorkbook.Write(Data()), "P-01", "3,5", "- Dua desa menunda jadwal."), "IKU-02", "-");
        var dir = Directory.CreateTempSubdirectory("ws-xlsx-").FullName;
        try
        {
            var input = Path.Combine(dir, "kertas-kerja.xlsx");
            File.WriteAllBytes(input, original);
            var outDir = Path.Combine(dir, "out");
            Directory.CreateDirectory(outDir);
            var start = new ProcessStartInfo("timeout") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[]
            {
                "-k", "5", "60", Soffice, "-env:UserInstallation=file:///tmp/lo-ws-xlsx-test", "--headless", "--norestore",
                "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, input,
            })
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var resaved = Path.Combine(outDir, "kertas-kerja.xlsx");
            File.Exists(resaved).ShouldBeTrue($"soffice exit {process.ExitCode}: {await output} {await error}");

            var bytes = File.ReadAllBytes(resaved);
            bytes.ShouldNotBe(original);
            var expected = Read(original);
            var result = Read(bytes);
            Describe(result).ShouldBeEmpty();
            result.WorksheetId.ShouldBe(SheetId);
            result.Rows.ShouldBe(expected.Rows);
            result.Rows[1].Realization.ShouldBe(new FileEdit<decimal?>(true, 3.5m));
            result.Rows[0].Realization.ShouldBe(new FileEdit<decimal?>(true, null));
            result.Rows[2].Explanation.Value.ShouldBe("=HYPERLINK(\"http://contoh.invalid\",\"klik\")");

            using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            var ws = Part(doc.WorkbookPart!, DataSheet).Worksheet;
            ws.Descendants<CellFormula>().ShouldBeEmpty();
            ws.GetFirstChild<SheetProtection>().ShouldNotBeNull();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                s.Write(content);
            }
        }

        return ms.ToArray();
    }
}
