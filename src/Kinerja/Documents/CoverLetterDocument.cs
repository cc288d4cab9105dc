namespace Kinerja.Documents;

/// <summary>
/// Everything printed on a surat pengantar (cover letter) that sends a performance report out: the kop surat, place
/// and date, the letter's identity (Nomor, Sifat, Lampiran, Perihal), the addressee, the body, the signature and the
/// copies (Tembusan). A pure value: no database, no I/O.
/// </summary>
/// <param name="Place">Where it is signed: <c>Pasrujambe, 20 Januari 2027</c>.</param>
/// <param name="Number">The number from the agency's letter register, e.g. <c>800/2101/427.96/2027</c>.</param>
/// <param name="Nature">Sifat: <c>Biasa</c>, <c>Penting</c>, <c>Segera</c>.</param>
/// <param name="Attachment">Lampiran, e.g. <c>1 (satu) berkas</c>.</param>
/// <param name="Subject">Perihal, e.g. <c>Penyampaian Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2026</c>.</param>
/// <param name="Recipient">Kepada Yth., e.g. <c>Bupati Lumajang</c>.</param>
/// <param name="RecipientVia">c.q., e.g. <c>Kepala Bagian Organisasi Setda Kabupaten Lumajang</c>; null when sent directly.</param>
/// <param name="RecipientPlace">Printed under "di": <c>Lumajang</c>.</param>
/// <param name="Body">The paragraphs of the letter (see <see cref="DefaultBody"/>).</param>
/// <param name="Signer">Who signs: the head of the agency.</param>
/// <param name="Copies">Tembusan, one recipient each as printed (e.g. <c>Yth. Inspektur Kabupaten Lumajang</c>), numbered; empty for none.</param>
/// <param name="VerificationCode">When set, printed with a QR next to the signature and in the footer.</param>
/// <param name="VerificationUrl">What the QR holds; null: the code alone.</param>
public sealed record CoverLetterDocument(
    Letterhead Letterhead, string Place, DateOnly Date,
    string Number, string Nature, string Attachment, string Subject,
    string Recipient, string? RecipientVia, string RecipientPlace,
    IReadOnlyList<string> Body, Signatory Signer, IReadOnlyList<string> Copies,
    string? VerificationCode, string? VerificationUrl)
{
    /// <summary>"Penyampaian Laporan Kinerja Triwulan II Tahun 2026".</summary>
    public static string DefaultSubject(string reportTitle) => "Penyampaian " + reportTitle;

    /// <summary>The usual body: the legal basis, what is sent, the closing courtesy.</summary>
    public static IReadOnlyList<string> DefaultBody(string reportTitle, string agencyName) =>
    [
        "Dalam rangka melaksanakan Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah "
            + "dan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014, bersama ini kami sampaikan "
            + reportTitle + " " + agencyName + " sebagaimana terlampir.",
        "Demikian untuk menjadi maklum, atas perhatian dan kerja samanya disampaikan terima kasih.",
    ];
}
