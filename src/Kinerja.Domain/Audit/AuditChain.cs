using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kinerja.Domain.Common;

namespace Kinerja.Domain.Audit;

/// <summary>The fields of one audit record that its hash covers.</summary>
/// <param name="Sequence">1, 2, 3 ... with no gaps.</param>
/// <param name="At">UTC time, truncated to whole milliseconds so every database stores it exactly.</param>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    string? UserId,
    string? UserName,
    string? AgencyId,
    string Action,
    string EntityType,
    string EntityId,
    string? Before,
    string? After,
    string PreviousHash,
    string Hash);

/// <summary>Where the chain is broken, in words a user can act on.</summary>
public sealed record ChainBreak(long Sequence, Text Reason);

public sealed record ChainVerification(long RecordsChecked, ChainBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// The audit trail is a hash chain: each record's hash covers its fields and the previous record's
/// hash, so an edit, deletion or insertion made behind the application's back breaks the chain at
/// that record. The chain head (last sequence and hash) is kept apart, so a truncated tail is seen too.
/// </summary>
public static class AuditChain
{
    /// <summary>The hash that stands before the first record.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static DateTimeOffset Normalize(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string ComputeHash(
        long sequence, DateTimeOffset at, string? userId, string? userName, string? agencyId,
        string action, string entityType, string entityId, string? before, string? after, string previousHash)
    {
        // Length-prefixed fields: no separator inside a value can make two different records hash alike.
        var sb = new StringBuilder();
        void Add(string? v) => sb.Append(v is null ? "-1" : v.Length.ToString(CultureInfo.InvariantCulture))
            .Append(':').Append(v).Append('|');
        Add(sequence.ToString(CultureInfo.InvariantCulture));
        Add(Normalize(at).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        Add(userId);
        Add(userName);
        Add(agencyId);
        Add(action);
        Add(entityType);
        Add(entityId);
        Add(before);
        Add(after);
        Add(previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    public static string ComputeHash(AuditEntry e) => ComputeHash(
        e.Sequence, e.At, e.UserId, e.UserName, e.AgencyId, e.Action, e.EntityType, e.EntityId, e.Before, e.After,
        e.PreviousHash);

    /// <summary>Checks records in sequence order against each other and against the stored chain head.</summary>
    public static ChainVerification Verify(IEnumerable<AuditEntry> recordsInOrder, long headSequence, string headHash)
    {
        var verifier = new ChainVerifier();
        foreach (var r in recordsInOrder)
        {
            if (verifier.Check(r) is { } broken) return broken;
        }

        return verifier.Finish(headSequence, headHash);
    }
}

/// <summary>Checks a chain one record at a time, so a caller can stream records in batches.</summary>
public sealed class ChainVerifier
{
    private long _expected = 1;
    private string _previous = AuditChain.Genesis;

    public long RecordsChecked { get; private set; }

    /// <summary>The next record in sequence order; returns the verdict when it breaks the chain, else null.</summary>
    public ChainVerification? Check(AuditEntry r)
    {
        ChainBreak? broken = null;
        if (r.Sequence != _expected)
        {
            broken = r.Sequence > _expected
                ? new ChainBreak(_expected, new Text("Catatan nomor {0} hilang (berikutnya ditemukan nomor {1}).", _expected, r.Sequence))
                : new ChainBreak(r.Sequence, new Text("Catatan nomor {0} muncul dua kali atau tidak berurutan.", r.Sequence));
        }
        else if (r.PreviousHash != _previous)
        {
            broken = new ChainBreak(r.Sequence, new Text("Catatan nomor {0} tidak menunjuk ke hash catatan sebelumnya.", r.Sequence));
        }
        else if (AuditChain.ComputeHash(r) != r.Hash)
        {
            broken = new ChainBreak(r.Sequence, new Text("Isi catatan nomor {0} telah diubah (hash tidak cocok).", r.Sequence));
        }

        if (broken is not null) return new ChainVerification(RecordsChecked, broken);
        _previous = r.Hash;
        RecordsChecked++;
        _expected++;
        return null;
    }

    /// <summary>After the last record: does the chain end where its head says it does?</summary>
    public ChainVerification Finish(long headSequence, string headHash)
    {
        var last = _expected - 1;
        if (last != headSequence)
        {
            return new(RecordsChecked, last < headSequence
                ? new ChainBreak(last + 1, new Text("Catatan nomor {0} sampai {1} hilang dari akhir rantai.", last + 1, headSequence))
                : new ChainBreak(headSequence + 1, new Text("Ada catatan setelah nomor {0} yang tidak tercatat di kepala rantai.", headSequence)));
        }

        return _previous != headHash
            ? new(RecordsChecked, new ChainBreak(last, new Text("Hash catatan terakhir (nomor {0}) tidak cocok dengan kepala rantai.", last)))
            : new(RecordsChecked, null);
    }
}
