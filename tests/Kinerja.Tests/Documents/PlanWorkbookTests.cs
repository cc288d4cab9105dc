using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Kinerja.Documents;

namespace Kinerja.Tests.Documents;

/// <summary>The plan workbook: written, validated, read back, re-saved by LibreOffice, and refused when hostile.</summary>
public class PlanWorkbookTests
{
    // ---------------------------------------------------------------- a realistic plan

    public static PlanWorkbookData Plan() => new(
        "Dinas Kesehatan Kabupaten Contoh", 2025, 2029,
        [
            new("T1", "Meningkatnya derajat kesehatan masyarakat"),
            new("T2", "Meningkatnya tata kelola pemerintahan yang baik"),
        ],
        [
            new("S1", "Meningkatnya akses dan mutu pelayanan kesehatan", "T1"),
            new("S2", "Menurunnya angka kesakitan penyakit menular", "T1"),
            new("S3", "Meningkatnya akuntabilitas kinerja perangkat daerah", "T2"),
        ],
        [
            new(2025, "1.02.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "program", null, 1250000000.50m, 300000000m, 350000000.25m, 300000000.25m, 300000000m),
            new(2025, "1.02.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "activity", "1.02.01", 150000000m, null, null, null, null),
            new(2025, "1.02.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "subActivity", "1.02.01.2.01", 75500000.75m, 10000000m, 20000000m, 25500000.75m, 20000000m),
            new(2025, "1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT", "program", null, 8750000000m, 2000000000m, 2500000000m, 2250000000m, 2000000000m),
            new(2025, "1.02.02.2.02", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota", "activity", "1.02.02", 4200000000m, null, null, null, null),
            new(2025, "1.02.02.2.02.0001", "Pengelolaan Pelayanan Kesehatan Ibu Hamil", "subActivity", "1.02.02.2.02", 350000000m, 87500000m, 87500000m, 87500000m, 87500000m),
            new(2026, "1.02.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "program", null, 123456789012.34m, null, null, null, null),
        ],
        [
            new("IKU-01", "Persentase fasilitas pelayanan kesehatan terakreditasi", "iku", "S1", null, "Bidang Pelayanan Kesehatan", "%", "higher", "last", 40m,
                "Jumlah fasyankes terakreditasi dibagi jumlah seluruh fasyankes x 100%.\nDihitung pada akhir periode.", "Laporan akreditasi"),
            new("IKU-02", "Incidence rate DBD per 100.000 penduduk", "iku", "S2", null, "Bidang Pencegahan dan Pengendalian Penyakit", "per 100.000 penduduk", "lower", "last", 30m,
                "Jumlah kasus DBD dibagi jumlah penduduk x 100.000.", "Surveilans"),
            new("IKU-03", "Bed Occupancy Rate (BOR) RSUD", "iku", "S1", null, "UPT RSUD", "%", "range", "average", 30m, null, "SIMRS"),
            new("PRG-01", "Persentase puskesmas dengan pelayanan sesuai standar", "program", null, "1.02.02", "Bidang Kesehatan Masyarakat", "%", "higher", "average", null, null, null),
            new("KEG-01", "Persentase dokumen perencanaan dan evaluasi yang tepat waktu", "activity", null, "1.02.01.2.01", "Subbagian Perencanaan dan Pelaporan", "%", "higher", "last", null, null, null),
            new("SUB-01", "Jumlah dokumen perencanaan yang disusun", "subActivity", null, "1.02.01.2.01.0001", "Subbagian Perencanaan dan Pelaporan", "Dokumen", "higher", "sum", null, null, null),
            new("IKI-01", "Persentase laporan keuangan yang disampaikan tepat waktu", "individual", null, null, "Subbagian Keuangan", "%", "higher", "last", 12.5m, null, null),
        ],
        [
            new("IKU-01", 2025, 85m, 70m, 75m, 80m, 85m, null, null, 95m, 90m, 78.5m),
            new("IKU-01", 2026, 87.5m, 80m, 82.5m, 85m, 87.5m, null, null, 95m, 90m, 78.5m),
            new("IKU-02", 2025, 49.5m, null, null, null, null, null, null, 40m, 49m, 52.3m),
            new("IKU-02", 2026, 47.25m, null, null, null, null, null, null, 40m, 49m, 52.3m),
            new("IKU-03", 2025, null, null, null, null, null, 60m, 85m, null, null, 71.2m),
            new("IKU-03", 2026, null, null, null, null, null, 65m, 85m, null, null, 0.1m),
            new("PRG-01", 2025, 92.75m, 90m, 91m, 92m, 92.75m, null, null, 100m, null, null),
            new("KEG-01", 2025, 100m, null, null, null, null, null, null, null, null, null),
            new("SUB-01", 2025, 4m, 1m, 1m, 1m, 1m, null, null, 20m, null, 4m),
            new("IKI-01", 2025, 100m, null, null, null, null, null, null, null, null, null),
        ],
        [
            new("IKU-01", 2023, 72.5m), new("IKU-01", 2024, 78.5m),
            new("IKU-02", 2023, 60.33m), new("IKU-02", 2024, 52.3m),
            new("SUB-01", 2024, 4m),
        ]);

    private static PlanWorkbookData Template() => new("Dinas Kesehatan Kabupaten Contoh", 2025, 2029, [], [], [], [], [], []);

    private static PlanWorkbookReadResult Read(byte[] xlsx, PlanWorkbookLimits? limits = null) => PlanWorkbook.Read(new MemoryStream(xlsx), limits);

    private static List<string> Describe(PlanWorkbookReadResult r) => r.Problems.Select(p => $"{p.Sheet}|{p.Row}|{p.Column}|{p.Message}").ToList();

    private static void ShouldBeSame(PlanWorkbookData? actual, PlanWorkbookData expected)
    {
        actual.ShouldNotBeNull();
        actual.AgencyName.ShouldBe(expected.AgencyName);
        actual.FirstYear.ShouldBe(expected.FirstYear);
        actual.LastYear.ShouldBe(expected.LastYear);
        actual.Goals.ShouldBe(expected.Goals);
        actual.Objectives.ShouldBe(expected.Objectives);
        actual.Budget.ShouldBe(expected.Budget);
        actual.Indicators.ShouldBe(expected.Indicators);
        actual.Targets.ShouldBe(expected.Targets);
        actual.History.ShouldBe(expected.History);
    }

    // ---------------------------------------------------------------- writing and reading back

    [Fact]
    public void A_realistic_plan_reads_back_exactly()
    {
        var result = Read(PlanWorkbook.Write(Plan()));
        Describe(result).ShouldBeEmpty();
        ShouldBeSame(result.Data, Plan());
    }

    [Fact]
    public void The_template_reads_back_with_no_rows_and_no_problems()
    {
        var result = Read(PlanWorkbook.Write(Template()));
        Describe(result).ShouldBeEmpty();
        ShouldBeSame(result.Data, Template());
    }

    [Fact]
    public void The_workbook_has_the_sheets_headers_and_aids_for_typing()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(PlanWorkbook.Write(Plan())), false);
        var wb = doc.WorkbookPart!;
        wb.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ShouldBe(["Petunjuk", "Tujuan", "Sasaran", "Anggaran", "Indikator", "Target", "Realisasi"]);

        var budget = Part(wb, "Anggaran").Worksheet;
        var header = budget.GetFirstChild<SheetData>()!.Elements<Row>().First();
        header.Elements<Cell>().Select(c => Text(wb, c)).ShouldBe(["Tahun", "Kode", "Nama", "Tingkat", "Kode Induk", "Pagu", "Kas TW I", "Kas TW II", "Kas TW III", "Kas TW IV"]);
        foreach (var name in new[] { "Tujuan", "Sasaran", "Anggaran", "Indikator", "Target", "Realisasi" })
        {
            // The header row is frozen (ySplit = 1 row), not column A (xSplit).
            var pane = Part(wb, name).Worksheet.Descendants<Pane>().Single();
            (pane.State!.Value, pane.VerticalSplit?.Value, pane.HorizontalSplit?.Value, pane.TopLeftCell!.Value).ShouldBe((PaneStateValues.Frozen, 1d, null, "A2"), name);
        }

        budget.Descendants<Column>().Count().ShouldBe(10);
        var list = budget.Descendants<DataValidation>().Single(v => v.Type! == DataValidationValues.List);
        list.Formula1!.Text.ShouldBe("\"program,activity,subActivity\"");
        list.SequenceOfReferences!.InnerText.ShouldBe("D2:D1048576");
        budget.Descendants<DataValidation>().Count(v => v.Type! == DataValidationValues.Decimal).ShouldBe(5);

        var formats = wb.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Select(f => f.FormatCode!.Value).ToList();
        formats.ShouldBe(["[$-421]#,##0.##", "[$-421]\"Rp \"#,##0.00"]);
        var pagu = budget.Descendants<Cell>().Single(c => c.CellReference == "F2");
        pagu.DataType.ShouldBeNull();
        pagu.CellValue!.Text.ShouldBe("1250000000.50");
        var xf = wb.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)pagu.StyleIndex!.Value);
        xf.NumberFormatId!.Value.ShouldBe(165u);

        foreach (var ws in wb.WorksheetParts) ws.Worksheet.Descendants<CellFormula>().ShouldBeEmpty();
        var instructions = string.Join("\n", Part(wb, "Petunjuk").Worksheet.Descendants<Cell>().Select(c => Text(wb, c)));
        foreach (var expected in new[] { "Instansi", "Dinas Kesehatan Kabupaten Contoh", "Tahun awal Renstra", "2025", "2029", "Rumus tidak diterima", "format Indonesia", "dicocokkan dengan kode", "higher", "subActivity", "2024-2029", "2020-2029" })
        {
            instructions.ShouldContain(expected);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OpenXmlValidator_finds_no_errors(bool withRows)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(PlanWorkbook.Write(withRows ? Plan() : Template())), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("=HYPERLINK(\"http://contoh.invalid\",\"klik\")")]
    [InlineData("+62 812 3456")]
    [InlineData("-Kegiatan pendukung")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("literal _x0041_ and _x005F_ stay")]
    [InlineData("control \u0001 char\ttab")]
    public void Text_that_a_spreadsheet_would_evaluate_is_stored_as_text_and_reads_back_exactly(string name)
    {
        var plan = Plan() with { AgencyName = name, Goals = [new GoalRow("T1", name), new GoalRow("T2", "Tujuan dua")] };
        var bytes = PlanWorkbook.Write(plan);

        using (var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var wb = doc.WorkbookPart!;
            foreach (var ws in wb.WorksheetParts) ws.Worksheet.Descendants<CellFormula>().ShouldBeEmpty();
            var cell = Part(wb, "Tujuan").Worksheet.Descendants<Cell>().Single(c => c.CellReference == "B2");
            cell.DataType!.Value.ShouldBe(CellValues.SharedString);
            if (name[0] is '=' or '+' or '-' or '@')
            {
                wb.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value).QuotePrefix!.Value.ShouldBeTrue();
            }
        }

        var result = Read(bytes);
        Describe(result).ShouldBeEmpty();
        result.Data!.Goals[0].Name.ShouldBe(name);
        result.Data.AgencyName.ShouldBe(name);
    }

    // ---------------------------------------------------------------- tolerated input

    [Fact]
    public void Numbers_typed_as_Indonesian_text_inline_strings_blank_rows_and_reordered_columns_are_accepted()
    {
        var bytes = Edit(PlanWorkbook.Write(Plan()), wb =>
        {
            SetText(wb, "Target", "C2", "1.250,5");           // number typed as text, Indonesian format
            SetText(wb, "Anggaran", "F2", "Rp 1.250.000.000,50"); // money typed as text, with its currency
            SetText(wb, "Tujuan", "A2", "T1");                  // inline string instead of shared
            SetText(wb, "Tujuan", "A3", "  T2  ");              // surrounding spaces
            SetStr(wb, "Sasaran", "B3", "Menurunnya angka kesakitan penyakit menular"); // t="str" without a formula
            SetNumber(wb, "Realisasi", "C6", "4.0E0");        // a number in exponent form
            AddEmptyStyledRow(wb, "Sasaran", 9);              // a formatting-only row below the data
            SwapColumns(wb, "Realisasi", "A", "C");           // columns in another order
            SetBoolean(wb, "Petunjuk", "C3", true);           // cells outside the labelled ones are ignored
        });

        var result = Read(bytes);
        Describe(result).ShouldBeEmpty();
        var expected = Plan();
        expected = expected with { Targets = [expected.Targets[0] with { Annual = 1250.5m }, .. expected.Targets.Skip(1)] };
        ShouldBeSame(result.Data, expected);
    }

    [Fact]
    public void Blank_rows_between_data_rows_are_skipped()
    {
        var plan = Plan();
        var bytes = Edit(PlanWorkbook.Write(plan), wb =>
        {
            // Move the third objective down to row 7, leaving rows 4-6 empty (row 5 with empty styled cells).
            MoveRow(wb, "Sasaran", 4, 7);
            AddEmptyStyledRow(wb, "Sasaran", 5);
        });
        var result = Read(bytes);
        Describe(result).ShouldBeEmpty();
        ShouldBeSame(result.Data, plan);
    }

    // ---------------------------------------------------------------- files that are refused whole

    [Theory]
    [InlineData("empty")]
    [InlineData("text")]
    [InlineData("old xls header")]
    [InlineData("zip without workbook")]
    [InlineData("truncated xlsx")]
    public void A_file_that_is_not_an_xlsx_is_refused(string kind)
    {
        var bytes = kind switch
        {
            "empty" => [],
            "text" => Encoding.UTF8.GetBytes("Kode;Nama\nT1;Tujuan"),
            "old xls header" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
            "zip without workbook" => Zip(("catatan.txt", Encoding.UTF8.GetBytes("bukan excel"))),
            "truncated xlsx" => PlanWorkbook.Write(Plan())[..2000],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var result = Read(bytes);
        result.Data.ShouldBeNull();
        Describe(result).ShouldBe(["|0||Berkas ini bukan berkas Excel (.xlsx). Simpan sebagai \"Excel Workbook (.xlsx)\" lalu unggah lagi."]);
    }

    [Fact]
    public void A_file_larger_than_MaxBytes_is_refused_before_it_is_read()
    {
        var result = Read(PlanWorkbook.Write(Plan()), new PlanWorkbookLimits { MaxBytes = 4096 });
        result.Data.ShouldBeNull();
        Describe(result).ShouldBe(["|0||Berkas lebih besar dari batas 4.096 byte."]);

        // A stream that cannot seek is read no further than the limit.
        var unseekable = new NonSeekableStream(PlanWorkbook.Write(Plan()));
        PlanWorkbook.Read(unseekable, new PlanWorkbookLimits { MaxBytes = 4096 }).Problems.Single().Message.ToString().ShouldBe("Berkas lebih besar dari batas 4.096 byte.");
        unseekable.BytesRead.ShouldBeLessThanOrEqualTo(4096 + 81920);
    }

    [Fact]
    public void A_zip_bomb_entry_is_refused_from_the_central_directory()
    {
        // 3 MB of zeros compress to a few KB; the limit here is 1 MB.
        var bomb = Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types/>")), ("xl/worksheets/sheet1.xml", new byte[3 * 1024 * 1024]));
        bomb.Length.ShouldBeLessThan(20_000);
        var result = Read(bomb, new PlanWorkbookLimits { MaxUncompressedBytes = 1024 * 1024 });
        result.Data.ShouldBeNull();
        Describe(result).ShouldBe(["|0||Bagian \"xl/worksheets/sheet1.xml\" di dalam berkas berukuran 3.145.728 byte setelah dibuka, melebihi batas 1.048.576 byte; berkas ditolak."]);
    }

    [Fact]
    public void A_zip_whose_headers_understate_an_entry_is_inflated_no_further_than_declared_and_refused()
    {
        // The directory says 100 bytes; the deflate data holds 50 MB of zeros.
        var zip = Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types/>")), ("xl/worksheets/sheet1.xml", new byte[50 * 1024 * 1024]));
        for (var i = 0; i + 30 < zip.Length; i++)
        {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x03 && zip[i + 3] == 0x04) BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), 100u);
            if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x01 && zip[i + 3] == 0x02) BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), 100u);
        }

        using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        {
            var entry = archive.GetEntry("xl/worksheets/sheet1.xml")!;
            entry.Length.ShouldBe(100);
            long inflated = 0;
            try
            {
                using var s = entry.Open();
                var buffer = new byte[65536];
                int n;
                while ((n = s.Read(buffer)) > 0) inflated += n;
            }
            catch (InvalidDataException)
            {
            }

            inflated.ShouldBeLessThanOrEqualTo(100, "System.IO.Compression stops at the declared size");
        }

        var result = Read(zip, new PlanWorkbookLimits { MaxUncompressedBytes = 1024 * 1024 });
        result.Data.ShouldBeNull();
        Describe(result).ShouldBe(["|0||Berkas ini bukan berkas Excel (.xlsx). Simpan sebagai \"Excel Workbook (.xlsx)\" lalu unggah lagi."]);
    }

    [Fact]
    public void A_zip_with_damaged_deflate_data_is_refused_before_OpenXml_sees_it()
    {
        var zip = Zip(("xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<row><c><v>1</v></c></row>", 200)))));
        var nameLength = BitConverter.ToUInt16(zip, 26);
        var extraLength = BitConverter.ToUInt16(zip, 28);
        var compressed = BitConverter.ToInt32(zip, 18);
        zip.AsSpan(30 + nameLength + extraLength, compressed).Fill(0xFF); // block type 3 does not exist
        var result = Read(zip);
        result.Data.ShouldBeNull();
        Describe(result).ShouldBe(["|0||Bagian \"xl/worksheets/sheet1.xml\" di dalam berkas rusak atau lebih besar dari ukuran yang tercatat; berkas ditolak."]);
    }

    [Theory]
    [InlineData("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\"")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&c;</t></is></c></row></sheetData></worksheet>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>")]
    public void A_sheet_with_broken_xml_or_a_DTD_is_reported_as_damaged(string sheetXml)
    {
        var bytes = PlanWorkbook.Write(Plan());
        using (var ms = new MemoryStream())
        {
            ms.Write(bytes);
            using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
            {
                var name = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Select(e => e.FullName).Order().Last();
                zip.GetEntry(name)!.Delete();
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(sheetXml);
            }

            bytes = ms.ToArray();
        }

        var result = Read(bytes);
        result.Data.ShouldBeNull();
        Describe(result).ShouldBe(["|0||Berkas Excel rusak dan tidak dapat dibaca seluruhnya. Simpan ulang dari Excel atau LibreOffice Calc lalu unggah lagi."]);
    }

    [Fact]
    public void Many_entries_that_together_exceed_the_limit_are_refused()
    {
        var entries = Enumerable.Range(1, 5).Select(i => ($"xl/media/image{i}.bin", new byte[400 * 1024])).ToArray();
        var result = Read(Zip(entries), new PlanWorkbookLimits { MaxUncompressedBytes = 1024 * 1024 });
        result.Data.ShouldBeNull();
        Describe(result).ShouldBe(["|0||Isi berkas berukuran 2.048.000 byte setelah dibuka, melebihi batas 1.048.576 byte; berkas ditolak."]);
    }

    [Fact]
    public void A_real_workbook_is_within_the_default_limits_but_refused_by_a_tiny_uncompressed_limit()
    {
        var bytes = PlanWorkbook.Write(Plan());
        Read(bytes).Problems.ShouldBeEmpty();
        var result = Read(bytes, new PlanWorkbookLimits { MaxUncompressedBytes = 2000 });
        result.Data.ShouldBeNull();
        result.Problems.Single().Message.ToString().ShouldContain("melebihi batas 2.000 byte; berkas ditolak.");
    }

    [Fact]
    public void Corrupted_bytes_never_make_Read_throw()
    {
        var good = PlanWorkbook.Write(Plan());
        var random = new Random(20251122);
        for (var i = 0; i < 60; i++)
        {
            var bad = (byte[])good.Clone();
            for (var k = 0; k < 1 + (i % 5); k++) bad[random.Next(bad.Length)] = (byte)random.Next(256);
            var result = Read(bad);
            if (result.Data is null) result.Problems.ShouldNotBeEmpty();
        }
    }

    // ---------------------------------------------------------------- cells and rows that are refused

    private static readonly Dictionary<string, Action<WorkbookPart>> Cases = new()
    {
        ["missing sheet"] = wb => RemoveSheet(wb, "Target"),
        ["missing header"] = wb => SetText(wb, "Indikator", "G1", "Unit"),
        ["duplicate header"] = wb => SetText(wb, "Tujuan", "C1", "kode"),
        ["formula"] = wb => SetFormula(wb, "Target", "D5", "C4/4"),
        ["shared formula"] = wb => SetFormula(wb, "Anggaran", "G3", null),
        ["formula in an extra column"] = wb => SetFormula(wb, "Tujuan", "D2", "LEN(B2)"),
        ["error value"] = wb => SetError(wb, "Target", "C2", "#DIV/0!"),
        ["text in number"] = wb => SetText(wb, "Target", "C2", "abc"),
        ["boolean in number"] = wb => SetBoolean(wb, "Realisasi", "C2", true),
        ["NaN"] = wb => SetNumber(wb, "Target", "C2", "NaN"),
        ["infinity"] = wb => SetNumber(wb, "Target", "K3", "-Infinity"),
        ["huge number"] = wb => SetNumber(wb, "Target", "C2", "1E+16"),
        ["huge number as text"] = wb => SetText(wb, "Anggaran", "F2", "2.000.000.000.000.000"),
        ["negative pagu"] = wb => SetNumber(wb, "Anggaran", "F2", "-1250000"),
        ["negative cash"] = wb => SetText(wb, "Anggaran", "I4", "-5,5"),
        ["unknown polarity"] = wb => SetText(wb, "Indikator", "H2", "positive"),
        ["unknown kind"] = wb => SetText(wb, "Indikator", "C3", "IKU utama"),
        ["unknown aggregation"] = wb => SetText(wb, "Indikator", "I4", "max"),
        ["unknown level"] = wb => SetText(wb, "Anggaran", "D2", "kegiatan"),
        ["empty code"] = wb => Clear(wb, "Sasaran", "A4"),
        ["empty name"] = wb => Clear(wb, "Sasaran", "B2"),
        ["empty unit"] = wb => Clear(wb, "Indikator", "F5"),
        ["empty measure"] = wb => Clear(wb, "Indikator", "G2"),
        ["empty pagu"] = wb => Clear(wb, "Anggaran", "F5"),
        ["empty year"] = wb => Clear(wb, "Target", "B2"),
        ["empty realization"] = wb => Clear(wb, "Realisasi", "C4"),
        ["duplicate objective"] = wb => SetText(wb, "Sasaran", "A4", "S2"),
        ["duplicate indicator"] = wb => CopyRow(wb, "Indikator", 6, 9),
        ["duplicate budget code and year"] = wb => SetNumber(wb, "Anggaran", "A8", "2025"),
        ["duplicate target year"] = wb => SetNumber(wb, "Target", "B3", "2025"),
        ["duplicate history year"] = wb => SetNumber(wb, "Realisasi", "B3", "2023"),
        ["unknown goal"] = wb => SetText(wb, "Sasaran", "C2", "T9"),
        ["unknown objective"] = wb => SetText(wb, "Indikator", "D2", "S9"),
        ["unknown budget"] = wb => SetText(wb, "Indikator", "E5", "9.99"),
        ["unknown target indicator"] = wb => SetText(wb, "Target", "A9", "KEG-99"),
        ["unknown history indicator"] = wb => SetText(wb, "Realisasi", "A6", "SUB-99"),
        ["unknown parent"] = wb => SetText(wb, "Anggaran", "E3", "1.02.09"),
        ["parent in another year"] = wb => SetNumber(wb, "Anggaran", "A3", "2026"),
        ["parent of wrong level"] = wb => SetText(wb, "Anggaran", "E4", "1.02.01"),
        ["activity without parent"] = wb => Clear(wb, "Anggaran", "E6"),
        ["program with parent"] = wb => SetText(wb, "Anggaran", "E5", "1.02.01"),
        ["target year after plan"] = wb => SetNumber(wb, "Target", "B3", "2030"),
        ["target year too early"] = wb => SetNumber(wb, "Target", "B11", "2023"),
        ["budget year too early"] = wb => SetNumber(wb, "Anggaran", "A8", "2020"),
        ["history too early"] = wb => SetNumber(wb, "Realisasi", "B2", "2019"),
        ["year not a year"] = wb => SetText(wb, "Target", "B2", "2025/2026"),
        ["year with decimals"] = wb => SetNumber(wb, "Realisasi", "B2", "2023.5"),
        ["range without low"] = wb => Clear(wb, "Target", "H6"),
        ["range without high"] = wb => Clear(wb, "Target", "I7"),
        ["range low above high"] = wb => SetNumber(wb, "Target", "H6", "90.5"),
        ["range on a higher indicator"] = wb => SetNumber(wb, "Target", "I2", "90"),
        ["broken shared string"] = wb => SetSharedIndex(wb, "Tujuan", "B2", "99999"),
        ["agency missing"] = wb => Clear(wb, "Petunjuk", "B3"),
        ["agency label missing"] = wb => SetText(wb, "Petunjuk", "A3", "Nama instansi"),
        ["first year not a number"] = wb => SetText(wb, "Petunjuk", "B4", "dua ribu"),
        ["last year before first"] = wb => SetNumber(wb, "Petunjuk", "B5", "2024"),
        ["year formula on Petunjuk"] = wb => SetFormula(wb, "Petunjuk", "B5", "B4+4"),
    };

    [Theory]
    [InlineData("missing sheet", "Target", 0, "", "Lembar \"Target\" tidak ada di berkas.")]
    [InlineData("missing header", "Indikator", 1, "Satuan", "Lembar Indikator tidak memiliki kolom \"Satuan\" di baris 1 (baris judul).")]
    [InlineData("duplicate header", "Tujuan", 1, "Kode", "Kolom \"Kode\" muncul lebih dari sekali di baris judul lembar Tujuan (sel Tujuan!C1).")]
    [InlineData("formula", "Target", 5, "Target TW I", "Sel Target!D5 berisi rumus; isikan nilainya saja.")]
    [InlineData("shared formula", "Anggaran", 3, "Kas TW I", "Sel Anggaran!G3 berisi rumus; isikan nilainya saja.")]
    [InlineData("formula in an extra column", "Tujuan", 2, "D", "Sel Tujuan!D2 berisi rumus; isikan nilainya saja.")]
    [InlineData("error value", "Target", 2, "Target Tahunan", "Sel Target!C2 berisi galat #DIV/0!; isikan nilainya saja.")]
    [InlineData("text in number", "Target", 2, "Target Tahunan", "Sel Target!C2 berisi teks \"abc\", padahal harus angka.")]
    [InlineData("boolean in number", "Realisasi", 2, "Realisasi", "Sel Realisasi!C2 berisi teks \"TRUE\", padahal harus angka.")]
    [InlineData("NaN", "Target", 2, "Target Tahunan", "Sel Target!C2 berisi \"NaN\", bukan angka biasa (tak hingga atau NaN).")]
    [InlineData("infinity", "Target", 3, "Standar Nasional", "Sel Target!K3 berisi \"-Infinity\", bukan angka biasa (tak hingga atau NaN).")]
    [InlineData("huge number", "Target", 2, "Target Tahunan", "Angka 1E+16 di sel Target!C2 terlalu besar; paling besar 1.000.000.000.000.000.")]
    [InlineData("huge number as text", "Anggaran", 2, "Pagu", "Angka 2.000.000.000.000.000 di sel Anggaran!F2 terlalu besar; paling besar 1.000.000.000.000.000.")]
    [InlineData("negative pagu", "Anggaran", 2, "Pagu", "Sel Anggaran!F2 (Pagu) tidak boleh negatif.")]
    [InlineData("negative cash", "Anggaran", 4, "Kas TW III", "Sel Anggaran!I4 (Kas TW III) tidak boleh negatif.")]
    [InlineData("unknown polarity", "Indikator", 2, "Polaritas", "Sel Indikator!H2 berisi \"positive\"; nilai yang boleh: higher, lower, range.")]
    [InlineData("unknown kind", "Indikator", 3, "Jenis", "Sel Indikator!C3 berisi \"IKU utama\"; nilai yang boleh: iku, program, activity, subActivity, individual.")]
    [InlineData("unknown aggregation", "Indikator", 4, "Agregasi", "Sel Indikator!I4 berisi \"max\"; nilai yang boleh: sum, last, average.")]
    [InlineData("unknown level", "Anggaran", 2, "Tingkat", "Sel Anggaran!D2 berisi \"kegiatan\"; nilai yang boleh: program, activity, subActivity.")]
    [InlineData("empty code", "Sasaran", 4, "Kode", "Sel Sasaran!A4 (Kode) wajib diisi.")]
    [InlineData("empty name", "Sasaran", 2, "Nama Sasaran", "Sel Sasaran!B2 (Nama Sasaran) wajib diisi.")]
    [InlineData("empty unit", "Indikator", 5, "Unit Penanggung Jawab", "Sel Indikator!F5 (Unit Penanggung Jawab) wajib diisi.")]
    [InlineData("empty measure", "Indikator", 2, "Satuan", "Sel Indikator!G2 (Satuan) wajib diisi.")]
    [InlineData("empty pagu", "Anggaran", 5, "Pagu", "Sel Anggaran!F5 (Pagu) wajib diisi.")]
    [InlineData("empty year", "Target", 2, "Tahun", "Sel Target!B2 (Tahun) wajib diisi.")]
    [InlineData("empty realization", "Realisasi", 4, "Realisasi", "Sel Realisasi!C4 (Realisasi) wajib diisi.")]
    [InlineData("duplicate objective", "Sasaran", 4, "Kode", "Kode \"S2\" di sel Sasaran!A4 sudah dipakai di baris 3.")]
    [InlineData("duplicate indicator", "Indikator", 9, "Kode", "Kode \"KEG-01\" di sel Indikator!A9 sudah dipakai di baris 6.")]
    [InlineData("duplicate budget code and year", "Anggaran", 8, "Kode", "Kode \"1.02.01\" untuk tahun 2025 di sel Anggaran!B8 sudah dipakai di baris 2.")]
    [InlineData("duplicate target year", "Target", 3, "Kode Indikator", "Indikator \"IKU-01\" untuk tahun 2025 di sel Target!A3 sudah ada di baris 2.")]
    [InlineData("duplicate history year", "Realisasi", 3, "Kode Indikator", "Indikator \"IKU-01\" untuk tahun 2023 di sel Realisasi!A3 sudah ada di baris 2.")]
    [InlineData("unknown goal", "Sasaran", 2, "Kode Tujuan", "Sel Sasaran!C2 merujuk ke kode \"T9\" yang tidak ada di lembar Tujuan.")]
    [InlineData("unknown objective", "Indikator", 2, "Kode Sasaran", "Sel Indikator!D2 merujuk ke kode \"S9\" yang tidak ada di lembar Sasaran.")]
    [InlineData("unknown budget", "Indikator", 5, "Kode Anggaran", "Sel Indikator!E5 merujuk ke kode \"9.99\" yang tidak ada di lembar Anggaran.")]
    [InlineData("unknown target indicator", "Target", 9, "Kode Indikator", "Sel Target!A9 merujuk ke kode \"KEG-99\" yang tidak ada di lembar Indikator.")]
    [InlineData("unknown history indicator", "Realisasi", 6, "Kode Indikator", "Sel Realisasi!A6 merujuk ke kode \"SUB-99\" yang tidak ada di lembar Indikator.")]
    [InlineData("unknown parent", "Anggaran", 3, "Kode Induk", "Sel Anggaran!E3 merujuk ke kode induk \"1.02.09\" yang tidak ada di lembar Anggaran untuk tahun 2025.")]
    [InlineData("parent in another year", "Anggaran", 4, "Kode Induk", "Sel Anggaran!E4 merujuk ke kode induk \"1.02.01.2.01\" yang tidak ada di lembar Anggaran untuk tahun 2025.")]
    [InlineData("parent of wrong level", "Anggaran", 4, "Kode Induk", "Sel Anggaran!E4: induk \"1.02.01\" bertingkat program, padahal induk subActivity harus bertingkat activity.")]
    [InlineData("activity without parent", "Anggaran", 6, "Kode Induk", "Sel Anggaran!E6 (Kode Induk) wajib diisi untuk tingkat activity: isikan kode program induknya.")]
    [InlineData("program with parent", "Anggaran", 5, "Kode Induk", "Sel Anggaran!E5: program tidak memiliki induk; kosongkan kolom Kode Induk.")]
    [InlineData("target year after plan", "Target", 3, "Tahun", "Tahun 2030 di sel Target!B3 di luar rentang 2024-2029.")]
    [InlineData("target year too early", "Target", 11, "Tahun", "Tahun 2023 di sel Target!B11 di luar rentang 2024-2029.")]
    [InlineData("budget year too early", "Anggaran", 8, "Tahun", "Tahun 2020 di sel Anggaran!A8 di luar rentang 2024-2029.")]
    [InlineData("history too early", "Realisasi", 2, "Tahun", "Tahun 2019 di sel Realisasi!B2 di luar rentang 2020-2029.")]
    [InlineData("year not a year", "Target", 2, "Tahun", "Sel Target!B2 harus berisi tahun (misalnya 2025), bukan \"2025/2026\".")]
    [InlineData("year with decimals", "Realisasi", 2, "Tahun", "Sel Realisasi!B2 harus berisi tahun (misalnya 2025), bukan \"2023.5\".")]
    [InlineData("range without low", "Target", 6, "Batas Bawah", "Sel Target!H6 (Batas Bawah) wajib diisi karena indikator \"IKU-03\" berpolaritas range.")]
    [InlineData("range without high", "Target", 7, "Batas Atas", "Sel Target!I7 (Batas Atas) wajib diisi karena indikator \"IKU-03\" berpolaritas range.")]
    [InlineData("range low above high", "Target", 6, "Batas Bawah", "Batas Bawah 90,5 di sel Target!H6 lebih besar dari Batas Atas 85.")]
    [InlineData("range on a higher indicator", "Target", 2, "Batas Atas", "Sel Target!I2 (Batas Atas) hanya untuk indikator berpolaritas range; indikator \"IKU-01\" berpolaritas higher.")]
    [InlineData("broken shared string", "Tujuan", 2, "Nama Tujuan", "Sel Tujuan!B2 merujuk ke teks bersama nomor 99999 yang tidak ada; berkas rusak.")]
    [InlineData("agency missing", "Petunjuk", 3, "Instansi", "Sel Petunjuk!B3 (Instansi) wajib diisi.")]
    [InlineData("agency label missing", "Petunjuk", 0, "Instansi", "Lembar Petunjuk tidak memuat isian \"Instansi\" (judul di kolom A, nilainya di kolom B).")]
    [InlineData("first year not a number", "Petunjuk", 4, "Tahun awal Renstra", "Sel Petunjuk!B4 harus berisi tahun (misalnya 2025), bukan \"dua ribu\".")]
    [InlineData("last year before first", "Petunjuk", 5, "Tahun akhir Renstra", "Tahun akhir Renstra 2024 di sel Petunjuk!B5 lebih kecil dari tahun awal 2025.")]
    [InlineData("year formula on Petunjuk", "Petunjuk", 5, "Tahun akhir Renstra", "Sel Petunjuk!B5 berisi rumus; isikan nilainya saja.")]
    public void A_bad_cell_gives_exactly_one_problem_naming_sheet_row_and_column(string name, string sheet, int row, string column, string message)
    {
        var result = Read(Edit(PlanWorkbook.Write(Plan()), Cases[name]));
        result.Data.ShouldBeNull();
        Describe(result).ShouldBe([$"{sheet}|{row}|{column}|{message}"]);
    }

    [Fact]
    public void Every_case_in_the_table_is_tested()
    {
        var tested = typeof(PlanWorkbookTests).GetMethod(nameof(A_bad_cell_gives_exactly_one_problem_naming_sheet_row_and_column))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>().Select(a => (string)a.Data[0]!).ToList();
        tested.ShouldBe(Cases.Keys.ToList(), ignoreOrder: true);
    }

    [Fact]
    public void All_problems_are_collected_in_sheet_then_row_order()
    {
        var result = Read(Edit(PlanWorkbook.Write(Plan()), wb =>
        {
            SetText(wb, "Target", "C2", "abc");
            SetFormula(wb, "Target", "D5", "C5/4");
            SetText(wb, "Indikator", "H3", "naik");
            Clear(wb, "Tujuan", "B3");
            SetText(wb, "Sasaran", "C4", "T7");
            SetNumber(wb, "Realisasi", "B2", "2031");
            SetNumber(wb, "Anggaran", "F3", "-1");
            SetText(wb, "Target", "A11", "IKI-99");
        }));
        result.Data.ShouldBeNull();
        Describe(result).ShouldBe(
        [
            "Tujuan|3|Nama Tujuan|Sel Tujuan!B3 (Nama Tujuan) wajib diisi.",
            "Sasaran|4|Kode Tujuan|Sel Sasaran!C4 merujuk ke kode \"T7\" yang tidak ada di lembar Tujuan.",
            "Anggaran|3|Pagu|Sel Anggaran!F3 (Pagu) tidak boleh negatif.",
            "Indikator|3|Polaritas|Sel Indikator!H3 berisi \"naik\"; nilai yang boleh: higher, lower, range.",
            "Target|2|Target Tahunan|Sel Target!C2 berisi teks \"abc\", padahal harus angka.",
            "Target|5|Target TW I|Sel Target!D5 berisi rumus; isikan nilainya saja.",
            "Target|11|Kode Indikator|Sel Target!A11 merujuk ke kode \"IKI-99\" yang tidak ada di lembar Indikator.",
            "Realisasi|2|Tahun|Tahun 2031 di sel Realisasi!B2 di luar rentang 2020-2029.",
        ]);
    }

    [Fact]
    public void Every_missing_header_and_sheet_is_named()
    {
        var result = Read(Edit(PlanWorkbook.Write(Plan()), wb =>
        {
            RemoveSheet(wb, "Tujuan");
            RemoveSheet(wb, "Realisasi");
            SetText(wb, "Target", "H1", "Bawah");
            SetText(wb, "Target", "I1", "Atas");
        }));
        result.Data.ShouldBeNull();
        Describe(result).ShouldBe(
        [
            "Tujuan|0||Lembar \"Tujuan\" tidak ada di berkas.",
            "Target|1|Batas Bawah|Lembar Target tidak memiliki kolom \"Batas Bawah\" di baris 1 (baris judul).",
            "Target|1|Batas Atas|Lembar Target tidak memiliki kolom \"Batas Atas\" di baris 1 (baris judul).",
            "Realisasi|0||Lembar \"Realisasi\" tidak ada di berkas.",
        ]);
    }

    [Fact]
    public void More_rows_than_MaxRowsPerSheet_are_refused_per_sheet()
    {
        var result = Read(PlanWorkbook.Write(Plan()), new PlanWorkbookLimits { MaxRowsPerSheet = 5 });
        result.Data.ShouldBeNull();
        Describe(result).ShouldBe(
        [
            "Anggaran|7||Lembar Anggaran berisi lebih dari 5 baris data; bagi menjadi beberapa unggahan.",
            "Indikator|7||Lembar Indikator berisi lebih dari 5 baris data; bagi menjadi beberapa unggahan.",
            "Target|7||Lembar Target berisi lebih dari 5 baris data; bagi menjadi beberapa unggahan.",
        ]);
    }

    [Fact]
    public void A_large_plan_within_the_row_limit_round_trips()
    {
        var plan = Plan();
        var indicators = Enumerable.Range(1, 3000).Select(i => plan.Indicators[0] with { Code = $"X-{i:0000}" }).ToList();
        plan = plan with
        {
            Indicators = [.. plan.Indicators, .. indicators],
            History = [.. indicators.Select((ind, i) => new HistoryRow(ind.Code, 2020 + (i % 10), i * 1.5m))],
        };
        var result = Read(PlanWorkbook.Write(plan));
        Describe(result).ShouldBeEmpty();
        ShouldBeSame(result.Data, plan);
    }

    // ---------------------------------------------------------------- LibreOffice

    private const string Soffice = "/usr/bin/soffice";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_workbook_resaved_by_LibreOffice_Calc_reads_back_the_same(bool withRows)
    {
        Assert.SkipUnless(File.Exists(Soffice), "LibreOffice is not installed");
        var plan = withRows
            ? Plan() with { Goals = [new GoalRow("T1", "=1+1 bukan rumus"), new GoalRow("T2", "-Tujuan dua")] }
            : Template();
        var dir = Directory.CreateTempSubdirectory("plan-xlsx-").FullName;
        try
        {
            var input = Path.Combine(dir, "rencana.xlsx");
            File.WriteAllBytes(input, PlanWorkbook.Write(plan));
            var outDir = Path.Combine(dir, "out");
            Directory.CreateDirectory(outDir);
            var start = new ProcessStartInfo("timeout") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[]
            {
                "-k", "5", "60", Soffice, "-env:UserInstallation=file:///tmp/lo-xlsx-test", "--headless", "--norestore",
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
            var resaved = Path.Combine(outDir, "rencana.xlsx");
            File.Exists(resaved).ShouldBeTrue($"soffice exit {process.ExitCode}: {await output} {await error}");

            var bytes = File.ReadAllBytes(resaved);
            bytes.ShouldNotBe(File.ReadAllBytes(input));
            var result = Read(bytes);
            Describe(result).ShouldBeEmpty();
            ShouldBeSame(result.Data, plan);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // ---------------------------------------------------------------- helpers that build bad workbooks

    private sealed class NonSeekableStream(byte[] data) : Stream
    {
        private readonly MemoryStream inner = new(data);
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
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

    private static byte[] Edit(byte[] xlsx, Action<WorkbookPart> edit)
    {
        using var ms = new MemoryStream();
        ms.Write(xlsx);
        using (var doc = SpreadsheetDocument.Open(ms, true)) edit(doc.WorkbookPart!);
        return ms.ToArray();
    }

    private static WorksheetPart Part(WorkbookPart wb, string name) =>
        (WorksheetPart)wb.GetPartById(wb.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!);

    private static string Text(WorkbookPart wb, Cell c) => c.DataType?.Value switch
    {
        CellValues.SharedString => wb.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(c.CellValue!.Text)).InnerText,
        CellValues.InlineString => c.InlineString!.InnerText,
        _ => c.CellValue?.Text ?? "",
    };

    private static void RemoveSheet(WorkbookPart wb, string name)
    {
        var sheet = wb.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        wb.DeletePart(wb.GetPartById(sheet.Id!));
        sheet.Remove();
    }

    private static Row RowAt(WorkbookPart wb, string sheet, uint number)
    {
        var data = Part(wb, sheet).Worksheet.GetFirstChild<SheetData>()!;
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex! == number);
        if (row is not null) return row;
        row = new Row { RowIndex = number };
        var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex! < number);
        if (after is null) data.PrependChild(row);
        else after.InsertAfterSelf(row);
        return row;
    }

    private static Cell CellAt(WorkbookPart wb, string sheet, string reference)
    {
        var row = RowAt(wb, sheet, uint.Parse(new string(reference.Where(char.IsDigit).ToArray())));
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            row.Append(cell);
        }

        cell.RemoveAllChildren();
        cell.DataType = null;
        return cell;
    }

    private static void SetText(WorkbookPart wb, string sheet, string reference, string text)
    {
        var cell = CellAt(wb, sheet, reference);
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static void SetStr(WorkbookPart wb, string sheet, string reference, string text)
    {
        var cell = CellAt(wb, sheet, reference);
        cell.DataType = CellValues.String;
        cell.CellValue = new CellValue(text);
    }

    private static void SetNumber(WorkbookPart wb, string sheet, string reference, string raw) =>
        CellAt(wb, sheet, reference).CellValue = new CellValue(raw);

    private static void SetBoolean(WorkbookPart wb, string sheet, string reference, bool value)
    {
        var cell = CellAt(wb, sheet, reference);
        cell.DataType = CellValues.Boolean;
        cell.CellValue = new CellValue(value ? "1" : "0");
    }

    private static void SetError(WorkbookPart wb, string sheet, string reference, string error)
    {
        var cell = CellAt(wb, sheet, reference);
        cell.DataType = CellValues.Error;
        cell.CellValue = new CellValue(error);
    }

    private static void SetSharedIndex(WorkbookPart wb, string sheet, string reference, string index)
    {
        var cell = CellAt(wb, sheet, reference);
        cell.DataType = CellValues.SharedString;
        cell.CellValue = new CellValue(index);
    }

    /// <summary>A formula with a cached value, as Excel saves it; null formula text = a shared-formula follower.</summary>
    private static void SetFormula(WorkbookPart wb, string sheet, string reference, string? formula)
    {
        var cell = CellAt(wb, sheet, reference);
        cell.CellFormula = formula is null
            ? new CellFormula { FormulaType = CellFormulaValues.Shared, SharedIndex = 0 }
            : new CellFormula(formula);
        cell.CellValue = new CellValue("21.25");
    }

    private static void Clear(WorkbookPart wb, string sheet, string reference) => CellAt(wb, sheet, reference).Remove();

    private static void AddEmptyStyledRow(WorkbookPart wb, string sheet, uint number)
    {
        var row = RowAt(wb, sheet, number);
        foreach (var col in new[] { "A", "B", "C" }) row.Append(new Cell { CellReference = col + number, StyleIndex = 2 });
        row.Append(new Cell { CellReference = "D" + number, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text("   ") { Space = SpaceProcessingModeValues.Preserve }) });
    }

    private static void MoveRow(WorkbookPart wb, string sheet, uint from, uint to)
    {
        var source = RowAt(wb, sheet, from);
        var target = RowAt(wb, sheet, to);
        foreach (var cell in source.Elements<Cell>().ToList())
        {
            cell.Remove();
            cell.CellReference = new string(cell.CellReference!.Value!.Where(char.IsLetter).ToArray()) + to;
            target.Append(cell);
        }

        source.Remove();
    }

    private static void CopyRow(WorkbookPart wb, string sheet, uint from, uint to)
    {
        var target = RowAt(wb, sheet, to);
        foreach (var cell in RowAt(wb, sheet, from).Elements<Cell>())
        {
            var copy = (Cell)cell.CloneNode(true);
            copy.CellReference = new string(cell.CellReference!.Value!.Where(char.IsLetter).ToArray()) + to;
            target.Append(copy);
        }
    }

    private static void SwapColumns(WorkbookPart wb, string sheet, string a, string b)
    {
        foreach (var cell in Part(wb, sheet).Worksheet.Descendants<Cell>())
        {
            var reference = cell.CellReference!.Value!;
            var letters = new string(reference.Where(char.IsLetter).ToArray());
            var digits = reference[letters.Length..];
            if (letters == a) cell.CellReference = b + digits;
            else if (letters == b) cell.CellReference = a + digits;
        }
    }
}
