using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kinerja.Domain.Common;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Sop;
using static Kinerja.Documents.DocxKit;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Wps = DocumentFormat.OpenXml.Office2010.Word.DrawingShape;

namespace Kinerja.Documents;

/// <summary>
/// Writes an <see cref="SopTemplate"/> as the SOP AP document of PermenPAN-RB 35/2012 (A4 landscape, Arial): page 1 the
/// identity block as the form lays it out, then the procedure table (No, Kegiatan, one column per actor, Mutu Baku:
/// Kelengkapan, Waktu, Output, Keterangan) with the flowchart drawn across the actor columns, then the source facts
/// ("Catatan sumber"). Empty fields print empty; nothing is invented.
/// </summary>
/// <remarks>
/// <para>
/// The flowchart is made of DrawingML shapes (<c>wps:wsp</c>, preset geometries <c>flowChartTerminator</c>,
/// <c>flowChartProcess</c>, <c>flowChartDecision</c>, <c>flowChartOffpageConnector</c>, <c>straightConnector1</c> for the lines and arrows: LibreOffice 7.4 turned some <c>line</c> presets sideways) anchored in the actor
/// cells of each row with zero cell margins, every shape inside its own cell, so Word and LibreOffice place them the
/// same way. Rows have an exact height computed from their text (a conservative Arial width table), which makes the
/// row's geometry known: the symbol sits centred in its actor's column, an arrow comes in from the top edge (turning
/// sideways near the top when the previous step is in another column) and a line leaves from the bottom edge.
/// </para>
/// <para>
/// A step with several actors: the symbol is duplicated in each of their columns, the copies joined by a dashed line;
/// the flow enters and leaves through the copy in the first listed actor's column.
/// </para>
/// <para>
/// A decision: the outcome that leads to the next step goes down (labelled Ya or Tidak); the other one, when it goes
/// back at most <see cref="MaxLoopRows"/> rows on the same page, is drawn back: out of the diamond's side, up a lane
/// at the edge of the next column and into the side of the target's symbol. Otherwise it ends in an off-page
/// connector beside the diamond carrying the target step's number.
/// </para>
/// <para>
/// Page breaks are decided here, not left to the word processor: the procedure is cut into one table per page (each
/// with the header rows, also marked to repeat), and where the flow crosses a break the last row of the page is
/// followed by an off-page connector carrying the next step's number, and the next page starts with the same
/// connector above that step.
/// </para>
/// </remarks>
public static class SopDocumentDocx
{
    /// <summary>How many rows back a decision's loop is drawn as a line; further back it gets an off-page connector.</summary>
    public const int MaxLoopRows = 6;

    // A4 landscape, 2 cm margins all round. Sizes in twips (dxa).
    private const int PageWidth = 16838;
    private const int PageHeight = 11906;
    private const int Margin = 1134;
    private const int Width = PageWidth - 2 * Margin;
    private const int Height = PageHeight - 2 * Margin;

    private const string IdentitySize = "18"; // 9 pt
    private const string LabelSize = "12"; // 6 pt, Ya/Tidak
    private const string ConnectorSize = "14"; // 7 pt

    // Column widths of the procedure table; the actors share what is left between Kegiatan and Mutu Baku.
    private const int NoWidth = 420;
    private const int InputsWidth = 1600;
    private const int TimeWidth = 800;
    private const int OutputWidth = 1500;
    private const int NoteWidth = 1180;
    private const int ActivityMin = 2600;
    private const int ActorMax = 1500;
    private const int TextMargins = 2 * 57; // DocxKit.GridTable's left and right cell margins
    private const int TextMarginsV = 2 * 28;

    // Text metrics: 8 pt Arial (Liberation Sans in LibreOffice) lines are 1.15 em apart; rounded up.
    private const int LineHeight = 190;

    // Flowchart geometry.
    private const int Lead = 260; // room above and below a symbol for the arrows
    private const int Turn = 120; // where a sideways arrow runs, below the top edge
    private const int Lane = 70; // distance of a loop's lane from the column edge
    private const int ConnectorWidth = 340;
    private const int ConnectorHeight = 380;
    private const int ConnectorRowHeight = ConnectorHeight + 2 * 150;
    private const int PageSlack = 400; // cell borders and rounding the word processor may add per page
    private const int BreakParagraph = 20; // the 1 pt paragraph that starts each procedure page

    /// <summary>The document as .docx bytes.</summary>
    /// <param name="t">The template; steps name actors by key (see <see cref="SopTemplateRules.Problems"/>).</param>
    /// <param name="letterhead">The kop of the agency printing it; null prints the template's own government and agency.</param>
    public static byte[] Build(SopTemplate t, Letterhead? letterhead)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.Actors.Count == 0) throw new ArgumentException("An SOP document needs at least one actor.", nameof(t));

        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<DocumentSettingsPart>().Settings = Settings(updateFields: false);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageFooter(t);

            var body = new Body();
            body.Append(new Writer(t, letterhead).Write());
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Landscape },
                new PageMargin
                {
                    Top = Margin, Right = Margin, Bottom = Margin, Left = Margin,
                    Header = 567, Footer = 567, Gutter = 0,
                }));
            main.Document = new Document(body);

            package.PackageProperties.Title = t.Identity.Name;
            package.PackageProperties.Subject = t.Agency;
            package.PackageProperties.Language = "id-ID";
        }

        return stream.ToArray();
    }

    /// <summary>The standard time as printed: <c>15 menit</c>, <c>2 jam</c>, <c>1,5 hari</c>; empty when the SOP gives none.</summary>
    public static string Time(SopTime? time) => time is null ? "" : IndonesianFormat.Number(time.Amount) + " " + time.Unit switch
    {
        TimeUnit.Minutes => "menit",
        TimeUnit.Hours => "jam",
        _ => "hari",
    };

    private static string PeriodLabel(PeriodKind kind) => kind switch
    {
        PeriodKind.Year => "tahunan",
        PeriodKind.Semester => "semesteran",
        PeriodKind.Quarter => "triwulanan",
        _ => "bulanan",
    };

    /// <summary>The name of the SOP on the left, "Halaman X dari Y" on the right.</summary>
    private static Footer PageFooter(SopTemplate t)
    {
        var props = Props(JustificationValues.Left);
        props.Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Position = Width });
        var paragraph = Para(props, Run(t.Identity.Name, italic: true, size: "14"));
        paragraph.Append(Run("\tHalaman ", size: "14"));
        paragraph.Append(Field("PAGE", "1", "14"));
        paragraph.Append(Run(" dari ", size: "14"));
        paragraph.Append(Field("NUMPAGES", "1", "14"));
        return new Footer(paragraph);
    }

    // ---- text measure -----------------------------------------------------------------------

    /// <summary>Advance width of an Arial character in thousandths of an em, rounded up (unknown characters count wide).</summary>
    private static int Advance(char c) => c switch
    {
        ' ' or 'f' or 't' or 'I' or '.' or ',' or ':' or ';' or '!' or '/' or '\\' or '[' or ']' => 278,
        'i' or 'j' or 'l' or '\'' or '|' => 222,
        'r' or '(' or ')' or '-' or '"' => 333,
        'm' or 'M' => 833,
        'w' => 722,
        'W' => 944,
        '%' => 889,
        'c' or 'k' or 's' or 'v' or 'x' or 'y' or 'z' or 'J' => 500,
        'C' or 'D' or 'H' or 'N' or 'R' or 'U' => 722,
        'G' or 'O' or 'Q' => 778,
        'F' or 'T' or 'Z' => 611,
        'L' => 556,
        >= 'a' and <= 'z' => 556,
        >= 'A' and <= 'Z' => 667,
        >= '0' and <= '9' => 556,
        _ => 700,
    };

    /// <summary>
    /// How many lines <paramref name="text"/> takes in a cell <paramref name="width"/> twips wide at
    /// <paramref name="halfPoints"/>: words wrap, a word longer than the line breaks anywhere, a new line in the text
    /// starts a paragraph. Counts 6 % wide so that the estimate errs on the tall side.
    /// </summary>
    internal static int Lines(string? text, int width, int halfPoints = 16, bool bold = false)
    {
        if (string.IsNullOrEmpty(text)) return 1;
        var scale = halfPoints * 10 / 1000.0 * (bold ? 1.12 : 1.06); // twips per thousandth of an em
        double Measure(string s) => s.Sum(c => Advance(c)) * scale;
        var space = Measure(" ");
        var lines = 0;
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            lines++;
            var used = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = Measure(word);
                if (used > 0 && used + space + w <= width)
                {
                    used += space + w;
                    continue;
                }

                if (used > 0) lines++;
                used = 0;
                foreach (var c in word)
                {
                    var cw = Advance(c) * scale;
                    if (used > 0 && used + cw > width)
                    {
                        lines++;
                        used = 0;
                    }

                    used += cw;
                }
            }
        }

        return lines;
    }

    private static int TextHeight(string? text, int width, bool bold = false) =>
        Lines(text, width - TextMargins, bold: bold) * LineHeight + TextMarginsV;

    // ---- flowchart pieces --------------------------------------------------------------------

    private enum Geo
    {
        Terminator,
        Process,
        Decision,
        Connector,
        Line,
        Label,
    }

    /// <summary>One shape in one cell, in twips from the cell's top left corner.</summary>
    private sealed record Piece(Geo Kind, int X, int Y, int W, int H, bool Arrow = false, bool FlipH = false, bool FlipV = false,
        bool Dashed = false, string? Text = null, bool AlignRight = false);

    /// <summary>A row of a procedure page: a step, or an off-page connector row above or below the steps.</summary>
    private sealed class Row(int height, SopStep? step)
    {
        public int Height { get; } = height;
        public SopStep? Step { get; } = step;
        public Dictionary<int, List<Piece>> Cells { get; } = [];

        public void Add(int column, Piece piece)
        {
            if (!Cells.TryGetValue(column, out var list)) Cells[column] = list = [];
            list.Add(piece);
        }
    }

    private sealed class Writer(SopTemplate t, Letterhead? letterhead)
    {
        private readonly List<OpenXmlElement> body = [];
        private readonly int actorWidth = Math.Min(ActorMax, (Width - NoWidth - InputsWidth - TimeWidth - OutputWidth - NoteWidth - ActivityMin) / t.Actors.Count);
        private int ActivityWidth => Width - NoWidth - InputsWidth - TimeWidth - OutputWidth - NoteWidth - actorWidth * t.Actors.Count;
        private uint shapes;

        public IEnumerable<OpenXmlElement> Write()
        {
            IdentityBlock();
            Procedure();
            SourceNotes();
            return body;
        }

        // ---- identity block ---------------------------------------------------------------

        private static Paragraph Line(string? text, bool bold = false, bool underline = false, int before = 0,
            JustificationValues? align = null, string size = IdentitySize) =>
            Para(Props(align ?? JustificationValues.Left, before: before), Run(text ?? "", bold: bold, underline: underline, size: size));

        /// <summary>The 35/2012 form: the kop on the left beside Nomor SOP ... Nama SOP, then the six lists in pairs.</summary>
        private void IdentityBlock()
        {
            var id = t.Identity;
            const int left = Width / 2;
            const int label = 2600;
            const int value = Width - left - label;
            var table = GridTable([left, label, value]);

            var kop = new List<OpenXmlElement>
            {
                Line(Upper(letterhead?.Government ?? t.Government ?? ""), bold: true, align: JustificationValues.Center, size: "24"),
                Line(Upper(letterhead?.Agency ?? t.Agency), bold: true, align: JustificationValues.Center, size: "28"),
            };
            if (!string.IsNullOrWhiteSpace(letterhead?.Address)) kop.Add(Line(letterhead.Address, align: JustificationValues.Center));

            var approval = new List<OpenXmlElement> { Line(string.IsNullOrWhiteSpace(id.ApprovedByPosition) ? "" : Upper(id.ApprovedByPosition.Trim())) };
            approval.Add(Line(id.ApprovedByName?.Trim(), bold: true, underline: true, before: string.IsNullOrWhiteSpace(id.ApprovedByPosition) ? 0 : 700));
            if (!string.IsNullOrWhiteSpace(id.ApprovedByRank)) approval.Add(Line(id.ApprovedByRank.Trim()));
            if (Nip(id.ApprovedByNip) is { } nip) approval.Add(Line("NIP. " + nip));

            (string Label, List<OpenXmlElement> Value)[] fields =
            [
                ("Nomor SOP", [Line(id.Number)]),
                ("Tanggal Pembuatan", [Line(id.MadeOn)]),
                ("Tanggal Revisi", [Line(id.RevisedOn)]),
                ("Tanggal Efektif/Pengesahan", [Line(id.EffectiveOn)]),
                ("Disahkan oleh", approval),
                ("Nama SOP", [Line(id.Name, bold: true)]),
            ];
            for (var i = 0; i < fields.Length; i++)
            {
                var kopCell = i == 0
                    ? Cell(left, kop, new VerticalMerge { Val = MergedCellValues.Restart })
                    : Cell(left, Line(""), new VerticalMerge());
                kopCell.TableCellProperties!.TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center };
                var row = new TableRow(new TableRowProperties(new CantSplit()));
                row.Append(kopCell, Cell(label, Line(fields[i].Label)), Cell(value, fields[i].Value));
                table.Append(row);
            }

            (string, IReadOnlyList<string>, string, IReadOnlyList<string>)[] lists =
            [
                ("Dasar Hukum", id.LegalBasis, "Kualifikasi Pelaksana", id.Qualifications),
                ("Keterkaitan", id.Related, "Peralatan/Perlengkapan", id.Equipment),
                ("Peringatan", id.Warnings, "Pencatatan dan Pendataan", id.Recording),
            ];
            foreach (var (leftTitle, leftItems, rightTitle, rightItems) in lists)
            {
                var row = new TableRow();
                row.Append(Cell(left, NumberedList(leftTitle, leftItems)), Cell(label + value, NumberedList(rightTitle, rightItems), span: 2));
                table.Append(row);
            }

            body.Add(table);
        }

        private static List<OpenXmlElement> NumberedList(string title, IReadOnlyList<string> items)
        {
            var content = new List<OpenXmlElement> { Para(Props(JustificationValues.Left, after: 40), Run(title + ":", bold: true, size: IdentitySize)) };
            for (var i = 0; i < items.Count; i++)
            {
                content.Add(Para(Props(JustificationValues.Left, indent: 340, hanging: 340),
                    Run(Int(i + 1) + ".\t" + items[i].Trim(), size: IdentitySize)));
            }

            return content;
        }

        // ---- procedure table --------------------------------------------------------------

        private int Column(string key)
        {
            for (var i = 0; i < t.Actors.Count; i++)
            {
                if (string.Equals(t.Actors[i].Key, key, StringComparison.OrdinalIgnoreCase)) return i;
            }

            return -1;
        }

        /// <summary>The column of the first listed actor; the first column when the step names none that exists.</summary>
        private int MainColumn(SopStep s) => s.Actors.Select(Column).Where(c => c >= 0).DefaultIfEmpty(0).First();

        private List<int> Columns(SopStep s) => s.Actors.Select(Column).Where(c => c >= 0).Append(MainColumn(s)).Distinct().Order().ToList();

        private int SymbolWidth(SopStep s) => (int)(actorWidth * (s.Kind == SopStepKind.Decision ? 0.6 : 0.66));

        private static int SymbolHeight(SopStep s) => s.Kind switch
        {
            SopStepKind.Decision => 560,
            SopStepKind.Process => 420,
            _ => 360,
        };

        private static Geo Symbol(SopStep s) => s.Kind switch
        {
            SopStepKind.Start or SopStepKind.End => Geo.Terminator,
            SopStepKind.Decision => Geo.Decision,
            _ => Geo.Process,
        };

        private static int Next(IReadOnlyList<SopStep> steps, int i) => i + 1 < steps.Count ? steps[i + 1].Number : -1;

        private static int YesTarget(IReadOnlyList<SopStep> steps, int i) => steps[i].YesGoesTo ?? Next(steps, i);

        /// <summary>Whether the flow goes from step i straight to the row below: a plain step, or a decision one of whose answers is the next step.</summary>
        private static bool FlowsDown(IReadOnlyList<SopStep> steps, int i) =>
            i + 1 < steps.Count && steps[i].Kind != SopStepKind.End
            && (steps[i].Kind != SopStepKind.Decision || YesTarget(steps, i) == Next(steps, i) || steps[i].NoGoesTo == Next(steps, i));

        private string Note(SopStep s) =>
            s.PeriodKinds.Count == 0 ? s.Note ?? "" : ((s.Note ?? "") + "\n" + "Periode " + string.Join(", ", s.PeriodKinds.Select(PeriodLabel))).Trim();

        private int StepHeight(SopStep s)
        {
            var text = new[]
            {
                TextHeight(Int(s.Number), NoWidth), TextHeight(s.Activity, ActivityWidth), TextHeight(s.Inputs, InputsWidth),
                TextHeight(Time(s.Time), TimeWidth), TextHeight(s.Output, OutputWidth), TextHeight(Note(s), NoteWidth),
            }.Max();
            var flow = SymbolHeight(s) + 2 * Lead;
            return (Math.Max(text, flow) + 19) / 20 * 20;
        }

        private int HeaderHeight()
        {
            var second = t.Actors.Select(a => TextHeight(a.Title, actorWidth, bold: true))
                .Append(TextHeight("Kelengkapan", InputsWidth, bold: true)).Max();
            return TextHeight("Pelaksana", actorWidth * t.Actors.Count, bold: true) + 40 + second + 40;
        }

        /// <summary>Cuts the steps into pages: each page holds what fits with the header rows and its connector rows.</summary>
        private List<List<int>> Pages(IReadOnlyList<SopStep> steps, int[] heights)
        {
            var available = Height - BreakParagraph - HeaderHeight() - PageSlack;
            var pages = new List<List<int>>();
            var page = new List<int>();
            var used = 0;
            for (var i = 0; i < steps.Count; i++)
            {
                var bottom = i + 1 < steps.Count && FlowsDown(steps, i) ? ConnectorRowHeight : 0;
                if (page.Count > 0 && used + heights[i] + bottom > available)
                {
                    pages.Add(page);
                    page = [];
                    used = FlowsDown(steps, i - 1) ? ConnectorRowHeight : 0;
                }

                page.Add(i);
                used += heights[i];
            }

            pages.Add(page);
            return pages;
        }

        private void Procedure()
        {
            var steps = t.Steps;
            if (steps.Count == 0) return;
            var heights = steps.Select(StepHeight).ToArray();
            var pages = Pages(steps, heights);

            // Rows of every page; where each step sits (page, row).
            var rows = new List<List<Row>>();
            var at = new Dictionary<int, (int Page, int Row)>();
            for (var p = 0; p < pages.Count; p++)
            {
                var list = new List<Row>();
                var first = pages[p][0];
                if (first > 0 && FlowsDown(steps, first - 1)) list.Add(new Row(ConnectorRowHeight, null));
                foreach (var i in pages[p])
                {
                    at[i] = (p, list.Count);
                    list.Add(new Row(heights[i], steps[i]));
                }

                var last = pages[p][^1];
                if (p + 1 < pages.Count && FlowsDown(steps, last)) list.Add(new Row(ConnectorRowHeight, null));
                rows.Add(list);
            }

            for (var i = 0; i < steps.Count; i++)
            {
                var (p, r) = at[i];
                var row = rows[p][r];
                var s = steps[i];
                DrawSymbols(row, s);

                if (FlowsDown(steps, i))
                {
                    var (np, nr) = at[i + 1];
                    var column = MainColumn(s);
                    var bottom = (row.Height + SymbolHeight(s)) / 2;
                    row.Add(column, VLine(actorWidth / 2, bottom, row.Height));
                    if (s.Kind == SopStepKind.Decision)
                    {
                        var label = YesTarget(steps, i) == Next(steps, i) ? "Ya" : "Tidak";
                        row.Add(column, new Piece(Geo.Label, actorWidth / 2 + 30, bottom, actorWidth / 2 - 30, 170, Text: label));
                    }

                    var nextColumn = MainColumn(steps[i + 1]);
                    if (np == p)
                    {
                        Incoming(rows[np][nr], column, nextColumn, steps[i + 1]);
                    }
                    else
                    {
                        // Off-page connectors: below the last step of this page, above the first of the next.
                        var number = Int(steps[i + 1].Number);
                        var below = rows[p][r + 1];
                        var y = (ConnectorRowHeight - ConnectorHeight) / 2;
                        below.Add(column, VLine(actorWidth / 2, 0, y, arrow: true));
                        below.Add(column, new Piece(Geo.Connector, (actorWidth - ConnectorWidth) / 2, y, ConnectorWidth, ConnectorHeight, Text: number));
                        var above = rows[np][nr - 1];
                        above.Add(nextColumn, new Piece(Geo.Connector, (actorWidth - ConnectorWidth) / 2, y, ConnectorWidth, ConnectorHeight, Text: number));
                        above.Add(nextColumn, VLine(actorWidth / 2, y + ConnectorHeight, ConnectorRowHeight));
                        Incoming(rows[np][nr], nextColumn, nextColumn, steps[i + 1]);
                    }
                }

                if (s.Kind != SopStepKind.Decision) continue;
                var next = Next(steps, i);
                var branches = new List<(int Target, string Label)>();
                if (YesTarget(steps, i) is var yes && yes != next && yes > 0) branches.Add((yes, "Ya"));
                if (s.NoGoesTo is { } no && no != next) branches.Add((no, "Tidak"));
                foreach (var (target, label) in branches)
                {
                    var ti = steps.ToList().FindIndex(x => x.Number == target);
                    if (ti >= 0 && ti < i && at[ti].Page == p && r - at[ti].Row <= MaxLoopRows) Loop(rows[p], at[ti].Row, steps[ti], r, s, label);
                    else Jump(row, s, target, label);
                }
            }

            var widths = new[] { NoWidth, ActivityWidth }.Concat(Enumerable.Repeat(actorWidth, t.Actors.Count))
                .Concat([InputsWidth, TimeWidth, OutputWidth, NoteWidth]).ToArray();
            foreach (var page in rows)
            {
                var start = Para(Props(JustificationValues.Left), Run("", size: "2"));
                start.ParagraphProperties!.PageBreakBefore = new PageBreakBefore();
                start.ParagraphProperties.SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = Int(BreakParagraph), LineRule = LineSpacingRuleValues.Exact };
                body.Add(start);
                var table = GridTable(widths);
                table.Append(HeaderRows(widths));
                foreach (var row in page) table.Append(BodyRow(row, widths));
                body.Add(table);
            }
        }

        private IEnumerable<TableRow> HeaderRows(int[] widths)
        {
            var n = t.Actors.Count;
            var height = HeaderHeight();
            var firstHeight = TextHeight("Pelaksana", actorWidth * n, bold: true) + 40;
            TableRow Header(int h) => new(new TableRowProperties(new CantSplit(), new TableRowHeight { Val = (uint)h, HeightType = HeightRuleValues.Exact }, new TableHeader()));

            var first = Header(firstHeight);
            first.Append(
                HeaderCell(NoWidth, "No", merge: new VerticalMerge { Val = MergedCellValues.Restart }),
                HeaderCell(widths[1], "Kegiatan", merge: new VerticalMerge { Val = MergedCellValues.Restart }),
                HeaderCell(actorWidth * n, "Pelaksana", span: n),
                HeaderCell(InputsWidth + TimeWidth + OutputWidth, "Mutu Baku", span: 3),
                HeaderCell(NoteWidth, "Keterangan", merge: new VerticalMerge { Val = MergedCellValues.Restart }));
            yield return first;

            var second = Header(height - firstHeight);
            second.Append(HeaderCell(NoWidth, "", merge: new VerticalMerge()), HeaderCell(widths[1], "", merge: new VerticalMerge()));
            foreach (var a in t.Actors) second.Append(HeaderCell(actorWidth, a.Title));
            second.Append(HeaderCell(InputsWidth, "Kelengkapan"), HeaderCell(TimeWidth, "Waktu"), HeaderCell(OutputWidth, "Output"),
                HeaderCell(NoteWidth, "", merge: new VerticalMerge()));
            yield return second;
        }

        private TableRow BodyRow(Row row, int[] widths)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit(), new TableRowHeight { Val = (uint)row.Height, HeightType = HeightRuleValues.Exact }));
            var s = row.Step;
            tr.Append(SmallText(NoWidth, s is null ? "" : Int(s.Number), JustificationValues.Center), SmallText(widths[1], s?.Activity));
            for (var c = 0; c < t.Actors.Count; c++)
            {
                IEnumerable<OpenXmlElement> runs = row.Cells.TryGetValue(c, out var pieces) ? pieces.Select(Shape).ToList() : [];
                var paragraph = Para(Props(JustificationValues.Left), runs);
                var cell = Cell(actorWidth, paragraph);
                cell.TableCellProperties!.TableCellMargin = new TableCellMargin(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new LeftMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new RightMargin { Width = "0", Type = TableWidthUnitValues.Dxa });
                tr.Append(cell);
            }

            tr.Append(
                SmallText(InputsWidth, s?.Inputs), SmallText(TimeWidth, s is null ? "" : Time(s.Time), JustificationValues.Center),
                SmallText(OutputWidth, s?.Output), SmallText(NoteWidth, s is null ? "" : Note(s)));
            return tr;
        }

        /// <summary>A cell of 8 pt text, one paragraph per line of <paramref name="text"/>.</summary>
        private static TableCell SmallText(int width, string? text, JustificationValues? align = null) =>
            Cell(width, (text ?? "").Split('\n').Select(line =>
                (OpenXmlElement)Para(Props(align ?? JustificationValues.Left), Run(line.Trim(), size: TableSize))));

        // ---- drawing ------------------------------------------------------------------------

        private static Piece VLine(int x, int y1, int y2, bool arrow = false) =>
            new(Geo.Line, x, Math.Min(y1, y2), 0, Math.Abs(y2 - y1), arrow, FlipV: y2 < y1);

        private static Piece HLine(int x1, int x2, int y, bool arrow = false, bool dashed = false) =>
            new(Geo.Line, Math.Min(x1, x2), y, Math.Abs(x2 - x1), 0, arrow, FlipH: x2 < x1, Dashed: dashed);

        /// <summary>A horizontal line at <paramref name="y"/> from x1 in column c1 to x2 in column c2, one piece per cell it crosses.</summary>
        private void HRun(Row row, int c1, int x1, int c2, int x2, int y, bool arrow = false, bool dashed = false)
        {
            if (c1 == c2)
            {
                row.Add(c1, HLine(x1, x2, y, arrow, dashed));
                return;
            }

            var right = c2 > c1;
            row.Add(c1, HLine(x1, right ? actorWidth : 0, y, dashed: dashed));
            for (var c = Math.Min(c1, c2) + 1; c < Math.Max(c1, c2); c++) row.Add(c, HLine(0, actorWidth, y, dashed: dashed));
            row.Add(c2, HLine(right ? 0 : actorWidth, x2, y, arrow, dashed));
        }

        /// <summary>The step's symbol in each of its actors' columns, copies joined by a dashed line at mid height.</summary>
        private void DrawSymbols(Row row, SopStep s)
        {
            var (w, h) = (SymbolWidth(s), SymbolHeight(s));
            var (x, y) = ((actorWidth - w) / 2, (row.Height - h) / 2);
            var columns = Columns(s);
            foreach (var c in columns) row.Add(c, new Piece(Symbol(s), x, y, w, h));
            for (var k = 1; k < columns.Count; k++) HRun(row, columns[k - 1], x + w, columns[k], x, row.Height / 2, dashed: true);
        }

        /// <summary>The arrow into a step's symbol from the top edge, turning sideways near the top when it comes from another column.</summary>
        private void Incoming(Row row, int from, int to, SopStep s)
        {
            var centre = actorWidth / 2;
            var top = (row.Height - SymbolHeight(s)) / 2;
            if (from == to)
            {
                row.Add(to, VLine(centre, 0, top, arrow: true));
                return;
            }

            row.Add(from, VLine(centre, 0, Turn));
            HRun(row, from, centre, to, centre, Turn);
            row.Add(to, VLine(centre, Turn, top, arrow: true));
        }

        /// <summary>
        /// A decision's answer drawn back to an earlier step on the page: out of the diamond's side into the next
        /// column (the previous one when the diamond is in the last column), up a lane near that column's edge, and
        /// into the side of the target's symbol.
        /// </summary>
        private void Loop(List<Row> rows, int targetRow, SopStep target, int decisionRow, SopStep decision, string label)
        {
            var n = t.Actors.Count;
            var (dCols, tCols) = (Columns(decision), Columns(target));
            var right = dCols[^1] + 1 < n || dCols[0] == 0;
            int lane, laneX, exitCol, entryCol, exitX, entryX;
            var (dw, tw) = (SymbolWidth(decision), SymbolWidth(target));
            if (right)
            {
                lane = Math.Max(Math.Min(dCols[^1] + 1, n - 1), tCols[^1]);
                laneX = actorWidth - Lane;
                (exitCol, exitX) = (dCols[^1], (actorWidth + dw) / 2);
                (entryCol, entryX) = (tCols[^1], (actorWidth + tw) / 2);
            }
            else
            {
                lane = Math.Min(dCols[0] - 1, tCols[0]);
                laneX = Lane;
                (exitCol, exitX) = (dCols[0], (actorWidth - dw) / 2);
                (entryCol, entryX) = (tCols[0], (actorWidth - tw) / 2);
            }

            var dRow = rows[decisionRow];
            var tRow = rows[targetRow];
            var (dMid, tMid) = (dRow.Height / 2, tRow.Height / 2);
            HRun(dRow, exitCol, exitX, lane, laneX, dMid);
            Label(dRow, exitCol, lane, right, dMid, label);
            dRow.Add(lane, VLine(laneX, dMid, 0));
            for (var r = targetRow + 1; r < decisionRow; r++) rows[r].Add(lane, VLine(laneX, rows[r].Height, 0));
            tRow.Add(lane, VLine(laneX, tRow.Height, tMid));
            HRun(tRow, lane, laneX, entryCol, entryX, tMid, arrow: true);
        }

        /// <summary>A decision's answer that cannot be drawn as a line: an arrow out of the diamond's side into an off-page connector with the target's number.</summary>
        private void Jump(Row row, SopStep decision, int target, string label)
        {
            var n = t.Actors.Count;
            var columns = Columns(decision);
            var w = SymbolWidth(decision);
            var mid = row.Height / 2;
            var y = mid - ConnectorHeight / 2;
            if (columns[^1] + 1 < n || columns[0] == 0)
            {
                var side = Math.Min(columns[^1] + 1, n - 1);
                var x = side == columns[^1] ? actorWidth - ConnectorWidth : (actorWidth - ConnectorWidth) / 2;
                HRun(row, columns[^1], (actorWidth + w) / 2, side, x, mid, arrow: true);
                Label(row, columns[^1], side, true, mid, label);
                row.Add(side, new Piece(Geo.Connector, x, y, ConnectorWidth, ConnectorHeight, Text: Int(target)));
            }
            else
            {
                var side = columns[0] - 1;
                var x = (actorWidth - ConnectorWidth) / 2;
                HRun(row, columns[0], (actorWidth - w) / 2, side, x + ConnectorWidth, mid, arrow: true);
                Label(row, columns[0], side, false, mid, label);
                row.Add(side, new Piece(Geo.Connector, x, y, ConnectorWidth, ConnectorHeight, Text: Int(target)));
            }
        }

        /// <summary>Ya/Tidak above a branch line, in the column it runs into (beside the diamond when it stays in its column).</summary>
        private void Label(Row row, int from, int into, bool right, int y, string text)
        {
            var column = from == into ? from : right ? from + 1 : from - 1;
            row.Add(column, right
                ? new Piece(Geo.Label, 30, y - 240, actorWidth / 2, 170, Text: text)
                : new Piece(Geo.Label, actorWidth / 2 - 60, y - 240, actorWidth / 2, 170, Text: text, AlignRight: true));
        }

        /// <summary>A shape anchored in its cell (follows the cell), no text wrapping.</summary>
        private Run Shape(Piece p)
        {
            var id = ++shapes;
            static long Emu(int twips) => twips * 635L;
            var (cx, cy) = (Emu(p.W), Emu(p.H));
            var (preset, name) = p.Kind switch
            {
                Geo.Terminator => (A.ShapeTypeValues.FlowChartTerminator, "Terminator"),
                Geo.Process => (A.ShapeTypeValues.FlowChartProcess, "Proses"),
                Geo.Decision => (A.ShapeTypeValues.FlowChartDecision, "Keputusan"),
                Geo.Connector => (A.ShapeTypeValues.FlowChartOffpageConnector, "Penghubung"),
                Geo.Line => (A.ShapeTypeValues.StraightConnector1, "Garis"),
                _ => (A.ShapeTypeValues.Rectangle, "Label"),
            };

            var transform = new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy });
            if (p.FlipH) transform.HorizontalFlip = true;
            if (p.FlipV) transform.VerticalFlip = true;
            var properties = new Wps.ShapeProperties(transform, new A.PresetGeometry(new A.AdjustValueList()) { Preset = preset });
            if (p.Kind is Geo.Line or Geo.Label) properties.Append(new A.NoFill());
            else properties.Append(new A.SolidFill(new A.RgbColorModelHex { Val = "FFFFFF" }));
            if (p.Kind == Geo.Label)
            {
                properties.Append(new A.Outline(new A.NoFill()));
            }
            else
            {
                var outline = new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "000000" })) { Width = 9525 };
                if (p.Dashed) outline.Append(new A.PresetDash { Val = A.PresetLineDashValues.Dash });
                if (p.Arrow) outline.Append(new A.TailEnd { Type = A.LineEndValues.Triangle, Width = A.LineEndWidthValues.Medium, Length = A.LineEndLengthValues.Medium });
                properties.Append(outline);
            }

            var shape = new Wps.WordprocessingShape(new Wps.NonVisualDrawingShapeProperties(), properties);
            if (p.Text is not null)
            {
                var align = p.Kind == Geo.Connector ? JustificationValues.Center : p.AlignRight ? JustificationValues.Right : JustificationValues.Left;
                var size = p.Kind == Geo.Connector ? ConnectorSize : LabelSize;
                shape.Append(new Wps.TextBoxInfo2(new TextBoxContent(Para(Props(align), Run(p.Text, bold: p.Kind == Geo.Connector, size: size)))));
            }

            shape.Append(new Wps.TextBodyProperties
            {
                LeftInset = 0, TopInset = 0, RightInset = 0, BottomInset = 0,
                Anchor = p.Kind == Geo.Connector ? A.TextAnchoringTypeValues.Top : A.TextAnchoringTypeValues.Center,
            });

            var anchor = new DW.Anchor(
                new DW.SimplePosition { X = 0, Y = 0 },
                new DW.HorizontalPosition(new DW.PositionOffset(Emu(p.X).ToString(CultureInfo.InvariantCulture))) { RelativeFrom = DW.HorizontalRelativePositionValues.Column },
                new DW.VerticalPosition(new DW.PositionOffset(Emu(p.Y).ToString(CultureInfo.InvariantCulture))) { RelativeFrom = DW.VerticalRelativePositionValues.Paragraph },
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
                new DW.WrapNone(),
                new DW.DocProperties { Id = id, Name = name + " " + id.ToString(CultureInfo.InvariantCulture) },
                new DW.NonVisualGraphicFrameDrawingProperties(),
                new A.Graphic(new A.GraphicData(shape) { Uri = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape" }))
            {
                DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
                SimplePos = false, RelativeHeight = id, BehindDoc = false, Locked = false, LayoutInCell = true, AllowOverlap = true,
            };
            return new Run(new Drawing(anchor));
        }

        // ---- source facts -------------------------------------------------------------------

        private void SourceNotes()
        {
            if (t.Facts.Count == 0) return;
            body.Add(Para(Props(JustificationValues.Left, before: 240, after: 80, keepNext: true), Run("Catatan sumber", bold: true, size: IdentitySize)));
            for (var i = 0; i < t.Facts.Count; i++)
            {
                body.Add(Para(Props(JustificationValues.Left, indent: 340, hanging: 340), Run(Int(i + 1) + ".\t" + t.Facts[i].Trim(), size: IdentitySize)));
            }
        }
    }
}
