using System.Text;
using Shouldly;
using Kinerja.Domain.Rounds;

namespace Kinerja.Domain.Tests.Rounds;

public class EvidenceRulesTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0];
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0];
    private static readonly byte[] Elf = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0];
    private static readonly byte[] Html = Encoding.ASCII.GetBytes("<html><script>");

    public static TheoryData<string, byte[], long, string?, string?> Files => new()
    {
        { "laporan.pdf", Pdf, 1000, "Pdf", null },
        { "LAPORAN.PDF", Pdf, 1000, "Pdf", null },
        { "foto kegiatan.jpg", Jpeg, 5000, "Jpeg", null },
        { "foto.jpeg", Jpeg, 5000, "Jpeg", null },
        { "grafik.png", Png, 5000, "Png", null },
        { "rekap.xlsx", Zip, 5000, "OfficeZip", null },
        { "nota.docx", Zip, 5000, "OfficeZip", null },
        { "nota.odt", Zip, 5000, "OfficeZip", null },
        { "virus.pdf", Exe, 5000, null, "Isi berkas tidak sesuai dengan ekstensinya (.pdf). Unggah berkas aslinya." },
        { "virus.jpg", Elf, 5000, null, "Isi berkas tidak sesuai dengan ekstensinya (.jpg). Unggah berkas aslinya." },
        { "halaman.pdf", Html, 5000, null, "Isi berkas tidak sesuai dengan ekstensinya (.pdf). Unggah berkas aslinya." },
        { "gambar.png", Jpeg, 5000, null, "Isi berkas tidak sesuai dengan ekstensinya (.png). Unggah berkas aslinya." },
        { "program.exe", Exe, 5000, null, "Jenis berkas .exe tidak diterima. Gunakan salah satu: .pdf, .png, .jpg, .jpeg, .docx, .xlsx, .pptx, .odt, .ods." },
        { "skrip.html", Html, 5000, null, "Jenis berkas .html tidak diterima. Gunakan salah satu: .pdf, .png, .jpg, .jpeg, .docx, .xlsx, .pptx, .odt, .ods." },
        { "laporan.pdf.exe", Exe, 5000, null, "Jenis berkas .exe tidak diterima. Gunakan salah satu: .pdf, .png, .jpg, .jpeg, .docx, .xlsx, .pptx, .odt, .ods." },
        { "README", Pdf, 5000, null, "Jenis berkas tanpa ekstensi tidak diterima. Gunakan salah satu: .pdf, .png, .jpg, .jpeg, .docx, .xlsx, .pptx, .odt, .ods." },
        { "kosong.pdf", [], 0, null, "Berkas kosong. Pilih berkas bukti yang berisi." },
        { "besar.pdf", Pdf, EvidenceRules.MaxFileBytes + 1, null, "Berkas paling besar 10 MB." },
        { "pas.pdf", Pdf, EvidenceRules.MaxFileBytes, "Pdf", null },
        { "pendek.pdf", Encoding.ASCII.GetBytes("%PD"), 3, null, "Isi berkas tidak sesuai dengan ekstensinya (.pdf). Unggah berkas aslinya." },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Files_are_recognised_by_content_and_extension_together(string name, byte[] head, long length, string? type, string? problem)
    {
        var check = EvidenceRules.CheckFile(name, head, length);
        check.Type?.ToString().ShouldBe(type);
        check.Problem?.ToString().ShouldBe(problem);
        check.Ok.ShouldBe(problem is null);
    }

    [Theory]
    [InlineData("laporan.pdf", "laporan.pdf")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..\\..\\windows\\system32\\a.pdf", "a.pdf")]
    [InlineData("C:\\Users\\budi\\Documents\\Capaian Q1.pdf", "Capaian Q1.pdf")]
    [InlineData(".htaccess", "htaccess")]
    [InlineData("...", "berkas")]
    [InlineData("", "berkas")]
    [InlineData(null, "berkas")]
    [InlineData("a\u0000b\r\n.pdf", "ab.pdf")]
    [InlineData("rekap<script>.pdf", "rekapscript.pdf")]
    [InlineData("nama\u202Efdp.exe", "namafdp.exe")]
    [InlineData("  banyak   spasi .pdf ", "banyak spasi .pdf")]
    [InlineData("laporan;%00.pdf", "laporan00.pdf")]
    public void Names_lose_paths_and_dangerous_characters(string? name, string safe) => EvidenceRules.SafeName(name).ShouldBe(safe);

    [Fact]
    public void Long_names_are_cut_keeping_the_extension()
    {
        var safe = EvidenceRules.SafeName(new string('a', 300) + ".pdf");
        safe.Length.ShouldBe(EvidenceRules.MaxNameLength);
        safe.ShouldEndWith(".pdf");
    }

    [Theory]
    [InlineData("https://lumajangkab.go.id/data/capaian.pdf", null)]
    [InlineData("http://intranet/laporan", null)]
    [InlineData("javascript:alert(1)", "Tautan harus berupa alamat lengkap yang diawali http:// atau https://.")]
    [InlineData("file:///etc/passwd", "Tautan harus berupa alamat lengkap yang diawali http:// atau https://.")]
    [InlineData("www.contoh.go.id", "Tautan harus berupa alamat lengkap yang diawali http:// atau https://.")]
    [InlineData("", "Alamat tautan wajib diisi.")]
    public void Links_are_absolute_web_addresses(string url, string? problem) => EvidenceRules.LinkProblem(url)?.ToString().ShouldBe(problem);

    [Fact]
    public void A_file_that_fails_its_check_cannot_become_evidence()
    {
        var check = EvidenceRules.CheckFile("virus.pdf", Exe, 10);
        Should.Throw<WorkflowException>(() => LineEvidence.ForFile(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), check, 10, "00", "x", DateTimeOffset.UnixEpoch));
    }

    private static SubmittedLine Before => new(Guid.Empty, "IKU-01", 80m, "Banjir", ["aa", "bb"]);

    public static TheoryData<decimal?, string?, string[], string[]> Diffs => new()
    {
        { 80.000m, "Banjir", ["bb", "aa"], [] },
        { 81m, "Banjir", ["aa", "bb"], ["realization"] },
        { null, "Banjir", ["aa", "bb"], ["realization"] },
        { 80m, "Banjir besar", ["aa", "bb"], ["explanation"] },
        { 80m, null, ["aa"], ["explanation", "evidence"] },
        { 82m, "Banjir", ["aa", "bb", "cc"], ["realization", "evidence"] },
    };

    [Theory]
    [MemberData(nameof(Diffs))]
    public void Changes_since_the_last_submission(decimal? realization, string? explanation, string[] evidence, string[] changed) =>
        SubmissionDiff.Changed(Before, realization, explanation, evidence).ShouldBe(changed);

    [Fact]
    public void A_first_submission_has_nothing_to_compare() => SubmissionDiff.Changed(null, 1m, null, []).ShouldBeEmpty();

    [Fact]
    public void Changing_an_accepted_value_needs_a_new_review()
    {
        var line = new WorksheetLine(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, 10m, 10m, null, null, null);
        line.Fill(9m, null, "staf");
        line.SetReview(LineReview.Accepted, "koordinator", null);
        line.Fill(9m, null, "staf");
        line.Review.ShouldBe(LineReview.Accepted);
        line.Fill(9.5m, null, "staf");
        line.Review.ShouldBe(LineReview.Pending);
        line.SetReview(LineReview.Accepted, "koordinator", null);
        line.EvidenceChanged("staf");
        line.Review.ShouldBe(LineReview.Pending);
    }
}
