using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kinerja.Domain.Common;
using static Kinerja.Documents.DocxKit;

namespace Kinerja.Documents;

/// <summary>
/// Writes a <see cref="CoverLetterDocument"/> as a one-page Word letter (A4, Arial) in the usual form of an
/// Indonesian official letter (naskah dinas): kop surat; place and date on the right; Nomor, Sifat, Lampiran,
/// Perihal on the left beside "Kepada Yth." on the right; the body aligned under the values; the signature on the
/// right (with the verification QR on the left once signed); Tembusan at the bottom.
/// </summary>
public static class CoverLetterDocx
{
    // The identity lines: label, colon, value (wrapping under the value).
    private const int ColonAt = 1134;
    private const int ValueAt = 1361;
    private const int LeftBlock = 5443;

    /// <summary>The letter as .docx bytes.</summary>
    public static byte[] Build(CoverLetterDocument letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<DocumentSettingsPart>().Settings = Settings(updateFields: false);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = Footer(letter.VerificationCode);

            var body = new Body();
            body.Append(LetterheadParagraphs(letter.Letterhead));
            body.Append(Para(Props(JustificationValues.Right, before: 240, after: 240), Run(letter.Place + ", " + IndonesianFormat.Date(letter.Date))));
            body.Append(Heading(letter));
            foreach (var paragraph in letter.Body.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                var props = Props(JustificationValues.Both, after: 120, line: 360, indent: ValueAt);
                props.Indentation!.FirstLine = "567";
                body.Append(Para(props, Run(paragraph.Trim())));
            }

            body.Append(KeepWithNext(Spacer(240)));
            body.Append(SignatureBlock(main, null, null, letter.Signer, letter.VerificationCode, letter.VerificationUrl, 1U));
            body.Append(Copies(letter.Copies));
            body.Append(Section(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) }));
            main.Document = new Document(body);

            package.PackageProperties.Title = letter.Subject;
            package.PackageProperties.Subject = letter.Number;
            package.PackageProperties.Language = "id-ID";
        }

        return stream.ToArray();
    }

    /// <summary>Nomor, Sifat, Lampiran, Perihal on the left; Kepada Yth., c.q., di, the place on the right.</summary>
    private static Table Heading(CoverLetterDocument letter)
    {
        var table = PlainTable([LeftBlock, TextWidth - LeftBlock]);
        var left = new List<OpenXmlElement>();
        foreach (var (label, value, bold) in new[]
                 {
                     ("Nomor", letter.Number, false), ("Sifat", letter.Nature, false),
                     ("Lampiran", letter.Attachment, false), ("Perihal", letter.Subject, true),
                 })
        {
            var props = Props(JustificationValues.Left, after: 40, indent: ValueAt, hanging: ValueAt);
            props.Tabs = new Tabs(
                new TabStop { Val = TabStopValues.Left, Position = ColonAt },
                new TabStop { Val = TabStopValues.Left, Position = ValueAt });
            left.Add(Para(props, Run(label + "\t:\t"), Run(value, bold: bold)));
        }

        var right = new List<OpenXmlElement>
        {
            Para(Props(JustificationValues.Left), Run("Kepada")),
            Para(Props(JustificationValues.Left, indent: 567, hanging: 567), Run("Yth.\t"), Run(letter.Recipient)),
        };
        if (!string.IsNullOrWhiteSpace(letter.RecipientVia))
            right.Add(Para(Props(JustificationValues.Left, indent: 567, hanging: 567), Run("c.q.\t"), Run(letter.RecipientVia.Trim())));
        right.Add(Para(Props(JustificationValues.Left, indent: 567), Run("di -")));
        right.Add(Para(Props(JustificationValues.Left, indent: 850, after: 360), Run(Upper(letter.RecipientPlace), bold: true, underline: true)));

        var row = new TableRow(new TableRowProperties(new CantSplit()));
        row.Append(Cell(LeftBlock, left), Cell(TextWidth - LeftBlock, right));
        table.Append(row);
        return table;
    }

    private static IEnumerable<Paragraph> Copies(IReadOnlyList<string> copies)
    {
        var list = copies.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList();
        if (list.Count == 0) yield break;
        yield return Para(Props(JustificationValues.Left, before: 360), Run("Tembusan:", underline: true, size: "20"));
        for (var i = 0; i < list.Count; i++)
        {
            var end = i == list.Count - 1 ? "." : ";";
            yield return Para(Props(JustificationValues.Left, indent: 397, hanging: 397),
                Run(Int(i + 1) + ".\t" + list[i].TrimEnd('.', ';') + end, size: "20"));
        }
    }

    private static Footer Footer(string? verificationCode)
    {
        var paragraph = Para(Props(JustificationValues.Left));
        if (!string.IsNullOrWhiteSpace(verificationCode))
        {
            paragraph.ParagraphProperties!.ParagraphBorders = new ParagraphBorders
            {
                TopBorder = new TopBorder { Val = BorderValues.Single, Size = 4, Space = 4, Color = "000000" },
            };
            paragraph.Append(Run("Kode verifikasi: " + verificationCode.Trim(), size: "16"));
        }

        return new Footer(paragraph);
    }
}
