using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kinerja.Domain.Common;
using static Kinerja.Documents.DocxKit;

namespace Kinerja.Documents;

/// <summary>
/// Writes a <see cref="PerformanceAgreementDocument"/> as a Word document (A4 portrait, Arial) laid out
/// like the Perjanjian Kinerja of PermenPAN-RB 53/2014: kop surat, title, statement, two signatures,
/// then on a new page the attachment with the targets, the programs and the signatures again.
/// Built from <see cref="DocxKit"/>; its tables have wider cell margins and body-size text.
/// </summary>
public static class PerformanceAgreementDocx
{
    /// <summary>The document as .docx bytes.</summary>
    public static byte[] Render(PerformanceAgreementDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = BaseStyles();
            main.AddNewPart<DocumentSettingsPart>().Settings = Settings(updateFields: false);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = Footer(doc.VerificationCode);

            var body = new Body();
            body.Append(LetterheadParagraphs(doc.Letterhead));
            body.Append(Statement(doc));
            body.Append(Spacer(240));
            body.Append(SignatureBlock(doc));
            body.Append(Attachment(doc));
            body.Append(KeepWithNext(Spacer(240)));
            body.Append(SignatureBlock(doc));
            body.Append(Section(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) }));
            main.Document = new Document(body);

            package.PackageProperties.Title = Title(doc);
            package.PackageProperties.Subject = doc.Letterhead.Agency;
            package.PackageProperties.Language = "id-ID";
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The target as printed in the attachment: <c>95,25 %</c>, <c>12 Dokumen</c>, a range as
    /// <c>80 - 90 %</c>, one open end as <c>≥ 80 %</c>, and <c>-</c> when there is no target.
    /// </summary>
    public static string FormatTarget(AgreementTargetRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return DocxKit.Target(row.Target, row.RangeLow, row.RangeHigh, row.Measure);
    }

    /// <summary>The NIP in groups (<c>19771023 200501 1 009</c>); a value that is not a valid NIP is printed as given.</summary>
    public static string? FormatNip(string? nip) => Nip(nip);

    private static string Title(PerformanceAgreementDocument doc) =>
        "PERJANJIAN KINERJA TAHUN " + Int(doc.Year);

    private static string Revision(int number) => "PERUBAHAN KE-" + Int(number);

    // ---- page 1 ----------------------------------------------------------------------------

    private static IEnumerable<OpenXmlElement> Statement(PerformanceAgreementDocument doc)
    {
        yield return Para(Props(JustificationValues.Center, before: 360), Run(Title(doc), bold: true, size: "24"));
        foreach (var p in RevisionParagraphs(doc)) yield return p;

        yield return Para(Props(JustificationValues.Both, before: 360, after: 120, line: 300),
            Run("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"));

        foreach (var p in PartyLines(doc.FirstParty)) yield return p;
        yield return Para(Props(JustificationValues.Left, after: 120, line: 300, indent: 567),
            Run("selanjutnya disebut "), Run("pihak pertama", bold: true), Run("."));

        foreach (var p in PartyLines(doc.SecondParty)) yield return p;
        yield return Para(Props(JustificationValues.Left, after: 120, line: 300, indent: 567),
            Run("selaku atasan langsung pihak pertama, selanjutnya disebut "), Run("pihak kedua", bold: true), Run("."));

        yield return Para(Props(JustificationValues.Both, after: 120, line: 300),
            Run("Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
                + "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. "
                + "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."));
        yield return Para(Props(JustificationValues.Both, after: 120, line: 300),
            Run("Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja "
                + "dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi."));
    }

    private static IEnumerable<Paragraph> RevisionParagraphs(PerformanceAgreementDocument doc)
    {
        if (doc.RevisionNumber <= 0) yield break;
        yield return Para(Props(JustificationValues.Center), Run(Revision(doc.RevisionNumber), bold: true, size: "24"));
        if (!string.IsNullOrWhiteSpace(doc.RevisionReason))
            yield return Para(Props(JustificationValues.Center, before: 60), Run("Alasan perubahan: " + doc.RevisionReason.Trim(), italic: true, size: "20"));
    }

    /// <summary>"Nama : ..." and "Jabatan : ..." with the colons and values aligned; long values wrap under the value.</summary>
    private static IEnumerable<Paragraph> PartyLines(Signatory party)
    {
        const int labelAt = 567, colonAt = 2268, valueAt = 2552;
        foreach (var (label, value) in new[] { ("Nama", party.Name), ("Jabatan", party.Position) })
        {
            var props = Props(JustificationValues.Left, line: 300, indent: valueAt, hanging: valueAt - labelAt);
            props.Tabs = new Tabs(
                new TabStop { Val = TabStopValues.Left, Position = colonAt },
                new TabStop { Val = TabStopValues.Left, Position = valueAt });
            yield return Para(props, Run(label + "\t:\t" + value));
        }
    }

    // ---- signatures ------------------------------------------------------------------------

    /// <summary>
    /// Place and date, then the two parties side by side (second party left, first party right), one table
    /// row per line so names, ranks and NIPs stay level even when a position wraps.
    /// </summary>
    private static Table SignatureBlock(PerformanceAgreementDocument doc)
    {
        const int half = TextWidth / 2;
        var table = PlainTable([half, TextWidth - half]);

        TableRow Line(string left, string right, bool bold = false, bool underline = false, int? height = null)
        {
            var row = new TableRow();
            var rowProps = new TableRowProperties(new CantSplit());
            if (height is int h) rowProps.Append(new TableRowHeight { Val = (uint)h, HeightType = HeightRuleValues.AtLeast });
            row.Append(rowProps);
            foreach (var (text, width) in new[] { (left, half), (right, TextWidth - half) })
            {
                row.Append(Cell(width, Para(Props(JustificationValues.Center, keepNext: true), Run(text, bold: bold, underline: underline && text.Length > 0))));
            }

            return row;
        }

        table.Append(Line("", doc.Place + ", " + IndonesianFormat.Date(doc.Date)));
        table.Append(Line("Pihak Kedua,", "Pihak Pertama,"));
        table.Append(Line(Upper(doc.SecondParty.Position) + ",", Upper(doc.FirstParty.Position) + ","));
        table.Append(Line("", "", height: 1418));
        table.Append(Line(doc.SecondParty.Name, doc.FirstParty.Name, bold: true, underline: true));
        if (!string.IsNullOrWhiteSpace(doc.SecondParty.Rank) || !string.IsNullOrWhiteSpace(doc.FirstParty.Rank))
            table.Append(Line(doc.SecondParty.Rank ?? "", doc.FirstParty.Rank ?? ""));
        var (nip2, nip1) = (FormatNip(doc.SecondParty.Nip), FormatNip(doc.FirstParty.Nip));
        if (nip1 is not null || nip2 is not null)
            table.Append(Line(nip2 is null ? "" : "NIP. " + nip2, nip1 is null ? "" : "NIP. " + nip1));
        return table;
    }

    // ---- attachment ------------------------------------------------------------------------

    private static IEnumerable<OpenXmlElement> Attachment(PerformanceAgreementDocument doc)
    {
        var heading = Props(JustificationValues.Center);
        heading.PageBreakBefore = new PageBreakBefore();
        yield return Para(heading, Run("LAMPIRAN " + Title(doc), bold: true, size: "24"));
        if (doc.RevisionNumber > 0)
            yield return Para(Props(JustificationValues.Center), Run(Revision(doc.RevisionNumber), bold: true, size: "24"));
        yield return Para(Props(JustificationValues.Center, after: 240), Run(Upper(doc.Letterhead.Agency), bold: true, size: "24"));

        yield return TargetTable(doc.Targets);
        yield return Spacer(240);
        // The programs stay on the page of the signatures below them, so the signatures never stand alone.
        var programs = ProgramTable(doc.Programs);
        foreach (var paragraph in programs.Descendants<Paragraph>()) KeepWithNext(paragraph);
        yield return programs;
    }

    private static Table TargetTable(IReadOnlyList<AgreementTargetRow> targets)
    {
        int[] widths = [567, 2835, 3969, TextWidth - 567 - 2835 - 3969];
        var table = GridTable(widths, MarginY, MarginX);
        table.Append(Header(widths, "No", "Sasaran", "Indikator Kinerja", "Target"));

        // Group by objective in order of first appearance; the No and Sasaran cells span the group's rows.
        var groups = targets.GroupBy(t => t.ObjectiveCode, StringComparer.Ordinal).ToList();
        if (groups.Count == 0) table.Append(EmptyRow(widths, "Belum ada target kinerja."));
        for (var g = 0; g < groups.Count; g++)
        {
            var rows = groups[g].ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                var merge = rows.Count == 1 ? null
                    : new VerticalMerge { Val = i == 0 ? MergedCellValues.Restart : MergedCellValues.Continue };
                var first = i == 0;
                table.Append(Row(
                    Cell(widths[0], Para(Props(JustificationValues.Center), Run(first ? Int(g + 1) + "." : "")), Clone(merge)),
                    Cell(widths[1], Para(Props(JustificationValues.Left), Run(first ? rows[i].Objective : "")), Clone(merge)),
                    Cell(widths[2], Para(Props(JustificationValues.Left), Run(rows[i].Indicator))),
                    Cell(widths[3], Para(Props(JustificationValues.Center), Run(FormatTarget(rows[i]))))));
            }
        }

        return table;
    }

    private static Table ProgramTable(IReadOnlyList<AgreementProgramRow> programs)
    {
        int[] widths = [567, 5953, TextWidth - 567 - 5953];
        var table = GridTable(widths, MarginY, MarginX);
        table.Append(Header(widths, "No", "Program", "Anggaran (Rp)"));
        if (programs.Count == 0) table.Append(EmptyRow(widths, "Belum ada program."));
        for (var i = 0; i < programs.Count; i++)
        {
            var p = programs[i];
            var name = string.IsNullOrWhiteSpace(p.Code) ? p.Program : p.Code.Trim() + " " + p.Program;
            table.Append(Row(
                Cell(widths[0], Para(Props(JustificationValues.Center), Run(Int(i + 1) + "."))),
                Cell(widths[1], Para(Props(JustificationValues.Left), Run(name))),
                Cell(widths[2], Para(Props(JustificationValues.Right), Run(IndonesianFormat.Money(p.Budget))))));
        }

        var total = programs.Sum(p => p.Budget);
        table.Append(Row(
            Cell(widths[0] + widths[1], Para(Props(JustificationValues.Center), Run("Jumlah", bold: true)), span: 2),
            Cell(widths[2], Para(Props(JustificationValues.Right), Run(IndonesianFormat.Money(total), bold: true)))));
        return table;
    }

    /// <summary>Cell margins of the attachment's tables (dxa), wider than the report's.</summary>
    private const int MarginY = 40;
    private const short MarginX = 85;

    /// <summary>A gray header row of bold body-size text that Word and LibreOffice repeat at the top of every page.</summary>
    private static TableRow Header(int[] widths, params string[] titles) =>
        HeaderRow(titles.Select((title, i) =>
        {
            var cell = Cell(widths[i], Para(Props(JustificationValues.Center), Run(title, bold: true)));
            cell.TableCellProperties!.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = Gray };
            return cell;
        }).ToArray());

    private static TableRow EmptyRow(int[] widths, string text) =>
        new(Cell(widths.Sum(), Para(Props(JustificationValues.Center), Run(text, italic: true)), span: widths.Length));

    // ---- footer ----------------------------------------------------------------------------

    /// <summary>"Kode verifikasi: ..." on the left (when there is one) and "Halaman X dari Y" on the right.</summary>
    private static Footer Footer(string? verificationCode)
    {
        var props = Props(JustificationValues.Left);
        props.ParagraphBorders = new ParagraphBorders { TopBorder = new TopBorder { Val = BorderValues.Single, Size = 4, Space = 4, Color = "000000" } };
        props.Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidth });
        var paragraph = Para(props);
        if (!string.IsNullOrWhiteSpace(verificationCode)) paragraph.Append(Run("Kode verifikasi: " + verificationCode.Trim(), size: "16"));
        paragraph.Append(Run("\tHalaman ", size: "16"));
        paragraph.Append(Field("PAGE", "1", size: "16"));
        paragraph.Append(Run(" dari ", size: "16"));
        paragraph.Append(Field("NUMPAGES", "1", size: "16"));
        return new Footer(paragraph);
    }
}
