using System.Text;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;

namespace Kinerja.Domain.Rounds;

public enum EvidenceKind
{
    /// <summary>An uploaded file, stored once by its SHA-256 content hash.</summary>
    File,

    /// <summary>A link to a document published elsewhere (http or https).</summary>
    Link,

    /// <summary>A short written note (e.g. the number and date of a source letter).</summary>
    Note,
}

/// <summary>The file types a unit may attach as evidence, recognised by content, not by name.</summary>
public enum EvidenceFileType
{
    Pdf,
    Png,
    Jpeg,

    /// <summary>Office Open XML or OpenDocument (docx, xlsx, pptx, odt, ods): a zip container.</summary>
    OfficeZip,
}

/// <summary>The outcome of checking an uploaded evidence file: its safe name and type, or why it is refused.</summary>
public sealed record EvidenceFileCheck(string SafeName, EvidenceFileType? Type, string ContentType, Text? Problem)
{
    public bool Ok => Problem is null;
}

/// <summary>
/// Rules for evidence (bukti dukung): which files are accepted, how their names are made safe, which
/// links and notes are valid. The extension must agree with the file's first bytes, so an executable
/// renamed to .pdf is refused; names lose any path and characters file systems or headers treat specially.
/// </summary>
public static class EvidenceRules
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxNameLength = 120;
    public const int MaxLinkLength = 1000;
    public const int MaxNoteLength = 2000;

    private static readonly Dictionary<string, (EvidenceFileType Type, string ContentType)> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = (EvidenceFileType.Pdf, "application/pdf"),
        [".png"] = (EvidenceFileType.Png, "image/png"),
        [".jpg"] = (EvidenceFileType.Jpeg, "image/jpeg"),
        [".jpeg"] = (EvidenceFileType.Jpeg, "image/jpeg"),
        [".docx"] = (EvidenceFileType.OfficeZip, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        [".xlsx"] = (EvidenceFileType.OfficeZip, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        [".pptx"] = (EvidenceFileType.OfficeZip, "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        [".odt"] = (EvidenceFileType.OfficeZip, "application/vnd.oasis.opendocument.text"),
        [".ods"] = (EvidenceFileType.OfficeZip, "application/vnd.oasis.opendocument.spreadsheet"),
    };

    /// <summary>The content type of an accepted file by its (already checked) name; octet-stream otherwise.</summary>
    public static string ContentTypeOf(string fileName) =>
        Extensions.TryGetValue(Path.GetExtension(fileName), out var e) ? e.ContentType : "application/octet-stream";

    /// <summary>The extensions accepted, for messages and the file picker.</summary>
    public static string AcceptedList => string.Join(", ", Extensions.Keys);

    /// <summary>Checks a file by its name, its first bytes (at least 8 when the file has them) and its length.</summary>
    public static EvidenceFileCheck CheckFile(string? fileName, ReadOnlySpan<byte> head, long length)
    {
        var safe = SafeName(fileName);
        if (length <= 0) return new(safe, null, "", new Text("Berkas kosong. Pilih berkas bukti yang berisi."));
        if (length > MaxFileBytes) return new(safe, null, "", new Text("Berkas paling besar {0} MB.", MaxFileBytes / 1024 / 1024));
        if (NameProblem(safe) is { } p) return new(safe, null, "", p);
        var ext = Path.GetExtension(safe);
        var expected = Extensions[ext];
        var actual = Sniff(head);
        if (actual != expected.Type)
            return new(safe, null, "", new Text("Isi berkas tidak sesuai dengan ekstensinya ({0}). Unggah berkas aslinya.", ext));
        return new(safe, expected.Type, expected.ContentType, null);
    }

    /// <summary>Why a file name's extension is not accepted, before reading the content; null when it is.</summary>
    public static Text? NameProblem(string? fileName)
    {
        var ext = Path.GetExtension(SafeName(fileName));
        return Extensions.ContainsKey(ext)
            ? null
            : new Text("Jenis berkas {0} tidak diterima. Gunakan salah satu: {1}.", ext.Length == 0 ? "tanpa ekstensi" : ext, AcceptedList);
    }

    /// <summary>The type the first bytes show, or null for anything else (executables, scripts, HTML, ...).</summary>
    public static EvidenceFileType? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return EvidenceFileType.Pdf;
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return EvidenceFileType.Png;
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return EvidenceFileType.Jpeg;
        if (head.StartsWith("PK\x03\x04"u8)) return EvidenceFileType.OfficeZip;
        return null;
    }

    /// <summary>
    /// The last segment of a name as browsers and tools may send it (either slash), without control
    /// characters, characters reserved on common file systems, or leading dots; at most
    /// <see cref="MaxNameLength"/> characters keeping the extension; "berkas" when nothing is left.
    /// </summary>
    public static string SafeName(string? fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (char.IsControl(c) || "<>:\"|?*;%".Contains(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) continue;
            sb.Append(c);
        }

        var clean = string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim().TrimStart('.').Trim();
        if (clean.Length == 0 || clean.Trim('.').Length == 0) return "berkas";
        if (clean.Length > MaxNameLength)
        {
            var ext = Path.GetExtension(clean);
            if (ext.Length > 10) ext = string.Empty;
            clean = clean[..(MaxNameLength - ext.Length)].TrimEnd() + ext;
        }

        return clean;
    }

    /// <summary>A link must be an absolute http or https address.</summary>
    public static Text? LinkProblem(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return new Text("Alamat tautan wajib diisi.");
        if (url.Length > MaxLinkLength) return new Text("{0} paling panjang {1} karakter.", "Tautan", MaxLinkLength);
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
            return new Text("Tautan harus berupa alamat lengkap yang diawali http:// atau https://.");
        return null;
    }

    public static Text? NoteProblem(string? note)
    {
        if (string.IsNullOrWhiteSpace(note)) return new Text("Isi catatan bukti wajib diisi.");
        if (note.Length > MaxNoteLength) return new Text("{0} paling panjang {1} karakter.", "Catatan", MaxNoteLength);
        if (note.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))) return new Text("{0} tidak boleh berisi karakter kendali.", "Catatan");
        return null;
    }
}

/// <summary>One piece of evidence attached to a worksheet line: a stored file, a link or a note.</summary>
public sealed class LineEvidence : IAgencyOwned
{
    private LineEvidence() { AddedBy = string.Empty; }

    private LineEvidence(Guid id, Guid agencyId, Guid worksheetId, Guid lineId, EvidenceKind kind, string addedBy, DateTimeOffset addedAt)
    {
        Id = id;
        AgencyId = agencyId;
        WorksheetId = worksheetId;
        LineId = lineId;
        Kind = kind;
        AddedBy = addedBy;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid WorksheetId { get; private set; }
    public Guid LineId { get; private set; }
    public EvidenceKind Kind { get; private set; }

    /// <summary>For files: the safe name shown and offered on download.</summary>
    public string? FileName { get; private set; }
    public string? ContentType { get; private set; }
    public long? Size { get; private set; }

    /// <summary>For files: lowercase hex SHA-256 of the content, which is also where it is stored.</summary>
    public string? Sha256 { get; private set; }
    public string? Url { get; private set; }
    public string? Note { get; private set; }
    public string AddedBy { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    public static LineEvidence ForFile(Guid id, Guid agencyId, Guid worksheetId, Guid lineId, EvidenceFileCheck check, long size, string sha256,
        string addedBy, DateTimeOffset at)
    {
        if (!check.Ok) throw new WorkflowException(check.Problem!, []);
        return new LineEvidence(id, agencyId, worksheetId, lineId, EvidenceKind.File, addedBy, at)
        {
            FileName = check.SafeName, ContentType = check.ContentType, Size = size, Sha256 = sha256,
        };
    }

    public static LineEvidence ForLink(Guid id, Guid agencyId, Guid worksheetId, Guid lineId, string url, string? note, string addedBy, DateTimeOffset at)
    {
        if (EvidenceRules.LinkProblem(url) is { } p) throw new WorkflowException(p, []);
        if (note is not null && note.Length > EvidenceRules.MaxNoteLength) throw new WorkflowException(EvidenceRules.NoteProblem(note)!, []);
        return new LineEvidence(id, agencyId, worksheetId, lineId, EvidenceKind.Link, addedBy, at) { Url = url.Trim(), Note = Blank(note) };
    }

    public static LineEvidence ForNote(Guid id, Guid agencyId, Guid worksheetId, Guid lineId, string note, string addedBy, DateTimeOffset at)
    {
        if (EvidenceRules.NoteProblem(note) is { } p) throw new WorkflowException(p, []);
        return new LineEvidence(id, agencyId, worksheetId, lineId, EvidenceKind.Note, addedBy, at) { Note = note.Trim() };
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>One message in the thread of a worksheet line, between the unit and the coordinator.</summary>
public sealed class LineComment : IAgencyOwned
{
    public const int MaxLength = 2000;

    private LineComment() { Author = AuthorName = Body = string.Empty; }

    public LineComment(Guid id, Guid agencyId, Guid worksheetId, Guid lineId, string author, string authorName, string body, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(body)) throw new WorkflowException(new Text("Isi komentar wajib diisi."), []);
        if (body.Length > MaxLength) throw new WorkflowException(new Text("{0} paling panjang {1} karakter.", "Komentar", MaxLength), []);
        Id = id;
        AgencyId = agencyId;
        WorksheetId = worksheetId;
        LineId = lineId;
        Author = author;
        AuthorName = authorName;
        Body = body.Trim();
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid WorksheetId { get; private set; }
    public Guid LineId { get; private set; }
    public string Author { get; private set; }
    public string AuthorName { get; private set; }
    public string Body { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>
/// The worksheet as it was sent: every line's values and evidence at the moment of submission. Written
/// once and never changed (the database context refuses updates and deletes), so what a unit sent and
/// what the coordinator verified can always be shown, and a resubmission compared with the one before.
/// </summary>
public sealed class WorksheetSubmission : IAgencyOwned
{
    private WorksheetSubmission() { SubmittedBy = LinesJson = string.Empty; }

    public WorksheetSubmission(Guid id, Guid agencyId, Guid worksheetId, int number, string submittedBy, DateTimeOffset submittedAt, string linesJson)
    {
        Id = id;
        AgencyId = agencyId;
        WorksheetId = worksheetId;
        Number = number;
        SubmittedBy = submittedBy;
        SubmittedAt = submittedAt;
        LinesJson = linesJson;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid WorksheetId { get; private set; }

    /// <summary>1 for the first submission, 2 after the first return, ...</summary>
    public int Number { get; private set; }
    public string SubmittedBy { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>The frozen lines as JSON (line id, indicator code, realization, explanation, evidence hashes).</summary>
    public string LinesJson { get; private set; }
}

/// <summary>What a line looked like when it was submitted, for the snapshot and the "changed since last review" view.</summary>
public sealed record SubmittedLine(Guid LineId, string Code, decimal? Realization, string? Explanation, IReadOnlyList<string> Evidence);

/// <summary>Compares a line now with its last submitted state.</summary>
public static class SubmissionDiff
{
    /// <summary>The fields that differ (realization, explanation, evidence); empty when nothing changed or there is no earlier submission.</summary>
    public static IReadOnlyList<string> Changed(SubmittedLine? before, decimal? realization, string? explanation, IReadOnlyList<string> evidence)
    {
        if (before is null) return [];
        var changed = new List<string>();
        if (before.Realization != realization) changed.Add("realization");
        if (!string.Equals(before.Explanation ?? "", explanation ?? "", StringComparison.Ordinal)) changed.Add("explanation");
        if (!before.Evidence.Order(StringComparer.Ordinal).SequenceEqual(evidence.Order(StringComparer.Ordinal), StringComparer.Ordinal)) changed.Add("evidence");
        return changed;
    }
}
