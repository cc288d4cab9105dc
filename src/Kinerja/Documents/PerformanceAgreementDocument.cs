namespace Kinerja.Documents;

/// <summary>Kop surat: the government and agency names on top of page 1 and the agency's address.</summary>
/// <param name="Government">e.g. <c>PEMERINTAH KABUPATEN LUMAJANG</c>.</param>
/// <param name="Agency">e.g. <c>KECAMATAN PASRUJAMBE</c>.</param>
/// <param name="Address">Street, telephone, e-mail on one line; null to leave it out.</param>
public sealed record Letterhead(string Government, string Agency, string? Address)
{
    /// <summary>The kop of an agency as printed: <c>PEMERINTAH KABUPATEN LUMAJANG</c>, <c>KECAMATAN PASRUJAMBE</c>, its address.</summary>
    public static Letterhead Of(string government, string agency, string? address) =>
        new(("Pemerintah " + government).ToUpperInvariant(), agency.ToUpperInvariant(), address);
}

/// <summary>One of the two parties who sign.</summary>
/// <param name="Position">The position as it is written under "Jabatan", e.g. <c>Camat Pasrujambe</c>.</param>
/// <param name="Rank">Pangkat/golongan, e.g. <c>Pembina (IV/a)</c>; null for an elected official.</param>
/// <param name="Nip">18 digits (spaces allowed) or null; printed grouped as <c>19771023 200501 1 009</c>.</param>
public sealed record Signatory(string Name, string Position, string? Rank, string? Nip);

/// <summary>One indicator of the attachment table. Rows with the same <paramref name="ObjectiveCode"/> form one group.</summary>
/// <param name="Target">The single target; used when no range is given.</param>
/// <param name="RangeLow">Lower end of a range target (printed <c>80 - 90 %</c> with <paramref name="RangeHigh"/>).</param>
/// <param name="RangeHigh">Upper end of a range target.</param>
/// <param name="Measure">Satuan: <c>%</c>, <c>Dokumen</c>, <c>Hari</c> ...</param>
public sealed record AgreementTargetRow(
    string ObjectiveCode, string Objective, string Indicator,
    decimal? Target, decimal? RangeLow, decimal? RangeHigh, string Measure);

/// <summary>One program of the attachment with its budget (rupiah).</summary>
public sealed record AgreementProgramRow(string Code, string Program, decimal Budget);

/// <summary>
/// Everything printed on a Perjanjian Kinerja (PermenPAN-RB 53/2014): the statement page with both
/// signatures and the attachment with the targets and the programs. A pure value: no database, no I/O.
/// </summary>
/// <param name="Place">Where it is signed, printed before the date: <c>Pasrujambe, 30 Desember 2025</c>.</param>
/// <param name="RevisionNumber">0 for the original agreement; n prints "PERUBAHAN KE-n".</param>
/// <param name="RevisionReason">Why the agreement was changed; printed under the revision heading.</param>
/// <param name="VerificationCode">Printed in the footer of every page when set.</param>
public sealed record PerformanceAgreementDocument(
    Letterhead Letterhead, int Year, Signatory FirstParty, Signatory SecondParty,
    string Place, DateOnly Date,
    IReadOnlyList<AgreementTargetRow> Targets, IReadOnlyList<AgreementProgramRow> Programs,
    int RevisionNumber, string? RevisionReason, string? VerificationCode);
