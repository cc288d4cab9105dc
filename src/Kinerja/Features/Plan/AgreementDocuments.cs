using System.Globalization;
using Kinerja.Documents;
using Kinerja.Domain.Common;
using Kinerja.Infrastructure;

namespace Kinerja.Features.Plan;

public sealed record GeneratedFile(byte[] Content, string ContentType, string FileName);

/// <summary>The Perjanjian Kinerja as DOCX (generated) or PDF (the DOCX converted by LibreOffice).</summary>
public sealed class RenderAgreement(GetAgreement get, PdfConverter pdf)
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<GeneratedFile> HandleAsync(Guid agencyId, int year, Guid? unitId, bool asPdf, CancellationToken ct = default)
    {
        var a = await get.HandleAsync(agencyId, year, unitId, ct);
        var docx = PerformanceAgreementDocx.Render(ToDocument(a));
        var name = string.Create(CultureInfo.InvariantCulture, $"Perjanjian-Kinerja-{year}-{Slug(a.Unit ?? a.Agency)}");
        if (!asPdf) return new GeneratedFile(docx, Docx, name + ".docx");
        return new GeneratedFile(await pdf.ConvertAsync(docx, new Text("PDF belum dapat dibuat."), ct), "application/pdf", name + ".pdf");
    }

    public static PerformanceAgreementDocument ToDocument(AgreementDto a)
    {
        var latest = a.Revisions.LastOrDefault();
        return new PerformanceAgreementDocument(
            Letterhead.Of(a.Government, a.Agency, a.Address),
            a.Year,
            new Signatory(a.FirstParty.Name, a.FirstParty.Position, a.FirstParty.Rank, a.FirstParty.Nip),
            new Signatory(a.SecondParty.Name, a.SecondParty.Position, a.SecondParty.Rank, a.SecondParty.Nip),
            a.Place, a.Date,
            a.Targets.Select(t => new AgreementTargetRow(t.ObjectiveCode ?? "-", t.Objective ?? "-", t.Indicator, t.Target, t.RangeLow, t.RangeHigh, t.Measure)).ToList(),
            a.Programs.Select(p => new AgreementProgramRow(p.Code, p.Name, p.Budget)).ToList(),
            a.Revision, latest?.Reason, null);
    }

    private static string Slug(string s) =>
        new string(s.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}
