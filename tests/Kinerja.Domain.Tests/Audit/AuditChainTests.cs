using Kinerja.Domain.Audit;
using Shouldly;

namespace Kinerja.Domain.Tests.Audit;

public class AuditChainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A valid chain of <paramref name="n"/> records.</summary>
    private static List<AuditEntry> Chain(int n)
    {
        var list = new List<AuditEntry>();
        var prev = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var at = T0.AddMinutes(i);
            var after = $"{{\"Name\":\"Unit {i}\"}}";
            var hash = AuditChain.ComputeHash(i, at, "u1", "budi", "a1", "create", "OrgUnit", $"id{i}", null, after, prev);
            list.Add(new AuditEntry(i, at, "u1", "budi", "a1", "create", "OrgUnit", $"id{i}", null, after, prev, hash));
            prev = hash;
        }

        return list;
    }

    [Fact]
    public void An_untouched_chain_is_intact()
    {
        var chain = Chain(5);
        var v = AuditChain.Verify(chain, 5, chain[^1].Hash);
        v.Intact.ShouldBeTrue();
        v.RecordsChecked.ShouldBe(5);
    }

    [Fact]
    public void An_empty_chain_matches_the_genesis_head() =>
        AuditChain.Verify([], 0, AuditChain.Genesis).Intact.ShouldBeTrue();

    public static TheoryData<string, long, string> Tampering => new()
    {
        { "edit-after", 3, "Isi catatan nomor 3 telah diubah (hash tidak cocok)." },
        { "edit-user", 2, "Isi catatan nomor 2 telah diubah (hash tidak cocok)." },
        { "edit-time", 4, "Isi catatan nomor 4 telah diubah (hash tidak cocok)." },
        { "delete-middle", 3, "Catatan nomor 3 hilang (berikutnya ditemukan nomor 4)." },
        { "delete-last", 5, "Catatan nomor 5 sampai 5 hilang dari akhir rantai." },
        { "delete-first", 1, "Catatan nomor 1 hilang (berikutnya ditemukan nomor 2)." },
        { "rehash-edit", 4, "Catatan nomor 4 tidak menunjuk ke hash catatan sebelumnya." },
        { "duplicate", 3, "Catatan nomor 3 muncul dua kali atau tidak berurutan." },
        { "rehash-last", 5, "Hash catatan terakhir (nomor 5) tidak cocok dengan kepala rantai." },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public void Tampering_is_found_where_it_happened(string how, long brokenAt, string reason)
    {
        var chain = Chain(5);
        var head = chain[^1].Hash;
        switch (how)
        {
            case "edit-after": chain[2] = chain[2] with { After = "{\"Name\":\"Palsu\"}" }; break;
            case "edit-user": chain[1] = chain[1] with { UserName = "orang lain" }; break;
            case "edit-time": chain[3] = chain[3] with { At = chain[3].At.AddDays(-1) }; break;
            case "delete-middle": chain.RemoveAt(2); break;
            case "delete-last": chain.RemoveAt(4); break;
            case "delete-first": chain.RemoveAt(0); break;
            case "rehash-edit":
                // An editor who also recomputes the record's own hash still breaks the link to the next record.
                var e = chain[2] with { After = "{\"Name\":\"Palsu\"}" };
                chain[2] = e with { Hash = AuditChain.ComputeHash(e) };
                break;
            case "duplicate": chain.Insert(3, chain[2]); break;
            case "rehash-last":
                var last = chain[4] with { After = "{\"Name\":\"Palsu\"}" };
                chain[4] = last with { Hash = AuditChain.ComputeHash(last) };
                break;
        }

        var v = AuditChain.Verify(chain, 5, head);
        v.Intact.ShouldBeFalse();
        v.FirstBreak!.Sequence.ShouldBe(brokenAt);
        v.FirstBreak.Reason.ToString().ShouldBe(reason);
    }

    [Fact]
    public void Fields_cannot_be_shifted_between_each_other()
    {
        // Without length prefixes "ab"+"c" and "a"+"bc" would hash alike.
        var h1 = AuditChain.ComputeHash(1, T0, "ab", "c", null, "create", "X", "1", null, null, AuditChain.Genesis);
        var h2 = AuditChain.ComputeHash(1, T0, "a", "bc", null, "create", "X", "1", null, null, AuditChain.Genesis);
        h1.ShouldNotBe(h2);
        var h3 = AuditChain.ComputeHash(1, T0, null, "c", null, "create", "X", "1", null, null, AuditChain.Genesis);
        var h4 = AuditChain.ComputeHash(1, T0, "", "c", null, "create", "X", "1", null, null, AuditChain.Genesis);
        h3.ShouldNotBe(h4);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(9_999)]
    public void Sub_millisecond_time_does_not_change_the_hash(int ticks)
    {
        // Databases store milliseconds (or microseconds): the hash must survive the round trip.
        var a = AuditChain.ComputeHash(1, T0.AddTicks(ticks), null, null, null, "create", "X", "1", null, null, AuditChain.Genesis);
        var b = AuditChain.ComputeHash(1, T0, null, null, null, "create", "X", "1", null, null, AuditChain.Genesis);
        a.ShouldBe(b);
    }

    [Fact]
    public void Offsets_are_normalised_to_utc()
    {
        var wib = new DateTimeOffset(2026, 1, 5, 15, 0, 0, TimeSpan.FromHours(7));
        AuditChain.Normalize(wib).ShouldBe(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
        AuditChain.Normalize(wib).Offset.ShouldBe(TimeSpan.Zero);
    }
}
