using System.Text.RegularExpressions;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Sop;
using Shouldly;
using static Kinerja.Domain.Sop.SopAction;

namespace Kinerja.Domain.Tests.Sop;

public partial class BuiltInSopsTests
{
    private static readonly string SeedDir = FindSeeds();

    private static string FindSeeds()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kinerja.slnx"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("repository root (Kinerja.slnx) not found");
        var seeds = Path.Combine(dir.FullName, "docs", "seeds");
        if (!Directory.Exists(seeds)) throw new InvalidOperationException($"seed SOPs not found at {seeds}");
        return seeds;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    private static string Normal(string s) => Space().Replace(s, " ").Trim();

    private static string Seed(SopTemplate t) => File.ReadAllText(Path.Combine(SeedDir, t.Source));

    private static SopTemplate Get(string id) => BuiltInSops.Find(id).ShouldNotBeNull();

    public static TheoryData<string> Ids() => new(BuiltInSops.All.Select(t => t.Id));

    [Fact]
    public void There_are_the_five_seeds_in_file_order_each_from_its_own_file()
    {
        BuiltInSops.All.Select(t => t.Id).ShouldBe(
            ["seed-000-pasrujambe", "seed-001-paring-selatan", "seed-002-tanjunganom", "seed-003-dkp-lombok-timur", "seed-004-setwan-jambi"]);
        BuiltInSops.All.Select(t => t.Source).ShouldBe(Directory.GetFiles(SeedDir, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var t in BuiltInSops.All) t.Id[5..8].ShouldBe(t.Source[..3]);
    }

    [Theory]
    [InlineData("seed-000-pasrujambe", "Kecamatan Pasrujambe", "Kabupaten Lumajang", 13, 4)]
    [InlineData("seed-001-paring-selatan", "Kecamatan Paring Selatan", "Kabupaten Balangan", 8, 5)]
    [InlineData("seed-002-tanjunganom", "Kecamatan Tanjunganom", "Kabupaten Nganjuk", 4, 3)]
    [InlineData("seed-003-dkp-lombok-timur", "Dinas Kelautan dan Perikanan", "Kabupaten Lombok Timur", 9, 5)]
    [InlineData("seed-004-setwan-jambi", "Sekretariat DPRD Provinsi Jambi", "Provinsi Jambi", 5, 5)]
    public void Agency_government_and_size(string id, string agency, string government, int steps, int actors)
    {
        var t = Get(id);
        t.Agency.ShouldBe(agency);
        t.Government.ShouldBe(government);
        t.Steps.Count.ShouldBe(steps);
        t.Actors.Count.ShouldBe(actors);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Runs_as_a_template_and_in_an_agency_that_has_the_five_working_roles(string id)
    {
        var t = Get(id);
        SopTemplateRules.Problems(t).ShouldBeEmpty();
        SopTemplateRules.Problems(t, new HashSet<Role> { Role.Head, Role.Secretary, Role.Coordinator, Role.UnitHead, Role.Staff }).ShouldBeEmpty();
        t.Actors.ShouldAllBe(a => a.Role != Role.Admin && a.Role != Role.Viewer);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_step_activity_is_written_in_the_seed(string id)
    {
        var t = Get(id);
        var seed = Normal(Seed(t));
        foreach (var s in t.Steps) seed.ShouldContain(Normal(s.Activity), Case.Sensitive, $"step {s.Number}");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_input_output_note_and_actor_title_is_written_in_the_seed(string id)
    {
        // OCR splits words over lines inside table cells ("Kasie/Sub" + "bag"): compare without whitespace.
        var t = Get(id);
        var seed = Space().Replace(Seed(t), "");
        var texts = t.Steps.SelectMany(s => new[] { s.Inputs, s.Output, s.Note }).Concat(t.Actors.Select(a => a.Title)).OfType<string>();
        foreach (var text in texts) seed.ShouldContain(Space().Replace(text, ""), Case.Sensitive);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_identity_field_and_list_item_is_written_in_the_seed(string id)
    {
        var t = Get(id);
        var seed = Space().Replace(Seed(t), "");
        var i = t.Identity;
        var texts = new[] { i.Number, i.MadeOn, i.RevisedOn, i.EffectiveOn, i.ApprovedByName, i.ApprovedByRank, i.ApprovedByNip, i.Name }.OfType<string>()
            .Concat(i.LegalBasis).Concat(i.Qualifications).Concat(i.Related).Concat(i.Equipment).Concat(i.Warnings).Concat(i.Recording);
        // Seed 004's legal basis and qualifications are two columns interleaved line by line, with scan marks between:
        // each item is then checked as the words of its lines in order.
        foreach (var text in texts)
        {
            var compact = Space().Replace(text, "");
            if (seed.Contains(compact, StringComparison.Ordinal)) continue;
            id.ShouldBe("seed-004-setwan-jambi", $"not in the seed: {text}");
            WordsInOrder(Seed(t), text).ShouldBeTrue(text);
        }

        if (i.ApprovedByPosition is { } position)
            seed.ShouldContain(Space().Replace(position, ""), Case.Insensitive);
    }

    /// <summary>The words of <paramref name="text"/> appear in order in the seed, each within 200 characters of the one before.</summary>
    private static bool WordsInOrder(string seed, string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var start = seed.IndexOf(words[0], StringComparison.Ordinal); start >= 0; start = seed.IndexOf(words[0], start + 1, StringComparison.Ordinal))
        {
            var at = start + words[0].Length;
            var all = true;
            foreach (var word in words.Skip(1))
            {
                var next = seed.IndexOf(word, at, StringComparison.Ordinal);
                if (next < 0 || next - at > 200)
                {
                    all = false;
                    break;
                }

                at = next + word.Length;
            }

            if (all) return true;
        }

        return false;
    }

    [Theory]
    [InlineData("seed-000-pasrujambe", "3m 60m 60m 60m 60m 60m 60m 60m 60m 60m 60m 60m 60m")]
    [InlineData("seed-001-paring-selatan", "15m 30m 30m 1h 2d 5d 1h 30m")]
    [InlineData("seed-002-tanjunganom", "5m 5m 3d 4d")]
    [InlineData("seed-003-dkp-lombok-timur", "30m 60m 30m 60m 30m 3d 5d 60m 60m")]
    [InlineData("seed-004-setwan-jambi", "15m 2h 3d 2d 2d")]
    public void Standard_times_with_their_units(string id, string times)
    {
        var unit = new Dictionary<TimeUnit, string> { [TimeUnit.Minutes] = "m", [TimeUnit.Hours] = "h", [TimeUnit.Days] = "d" };
        string.Join(" ", Get(id).Steps.Select(s => $"{s.Time!.Amount}{unit[s.Time.Unit]}")).ShouldBe(times);
    }

    public static TheoryData<string, SopAction[]> Actions() => new()
    {
        { "seed-000-pasrujambe", [OpenRound, Distribute, FillAndSubmit, Recap, DraftReport, Revise, FinalizationMeeting, SubmitForApproval, Sign, None, NumberCoverLetter, Copies, Dispatch] },
        { "seed-001-paring-selatan", [OpenRound, Recap, DraftReport, Circulate, None, None, None, None] },
        { "seed-002-tanjunganom", [OpenRound, Distribute, FillAndSubmit, Recap] },
        { "seed-003-dkp-lombok-timur", [OpenRound, Recap, None, DraftReport, Circulate, None, None, None, None] },
        { "seed-004-setwan-jambi", [OpenRound, Distribute, FillAndSubmit, VerifyOrReturn, Recap] },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public void Actions_in_order(string id, SopAction[] actions)
    {
        var t = Get(id);
        t.Steps.Select(s => s.Action).ShouldBe(actions);
        t.Steps.Select(s => s.Number).ShouldBe(Enumerable.Range(1, t.Steps.Count));
        t.Steps[0].Kind.ShouldBe(SopStepKind.Start);
        t.Steps[^1].Kind.ShouldBe(SopStepKind.End);
    }

    [Theory]
    [InlineData("seed-000-pasrujambe", "camat sekcam kasi+staff staff staff sekcam camat+sekcam+kasi sekcam camat camat staff staff staff")]
    [InlineData("seed-001-paring-selatan", "staf kasubbag kasi kasubbag+staf kasubbag kasi kasubbag+staf kasi")]
    [InlineData("seed-002-tanjunganom", "kasubbag staf kasi+staf kasubbag")]
    [InlineData("seed-003-dkp-lombok-timur", "sekdis kasubbag kabid kasi kasubbag+staf kasubbag kasi kasubbag+staf kasi")]
    [InlineData("seed-004-setwan-jambi", "sekdis pep kasie pep analis")]
    public void Actors_of_each_step(string id, string actors) =>
        string.Join(" ", Get(id).Steps.Select(s => string.Join("+", s.Actors))).ShouldBe(actors);

    [Fact]
    public void Seed_003_keeps_the_swimlane_marks_of_its_text()
    {
        // Rows 1-5 of seed 003 kept their marks: "Mulai" under Sekretaris Dinas, "[]" under the other columns.
        var t = Get("seed-003-dkp-lombok-timur");
        var columns = t.Actors.Select(a => a.Key).ToList();
        var rows = Seed(t).Split('\n').Where(l => Regex.IsMatch(l, @"^[1-5]\t")).ToList();
        rows.Count.ShouldBe(5);
        foreach (var row in rows)
        {
            var cells = row.Split('\t');
            var marked = columns.Where((_, c) => cells[2 + c].Trim() is "Mulai" or "[]").ToList();
            t.Steps[int.Parse(cells[0]) - 1].Actors.ShouldBe(marked);
        }
    }

    [Fact]
    public void Roles_of_the_swimlanes()
    {
        string Roles(string id) => string.Join(" ", Get(id).Actors.Select(a => $"{a.Title}={a.Role.ToApiName()}"));
        Roles("seed-000-pasrujambe").ShouldBe("Camat=head Sekcam=secretary Kasi/Kasubbag=unitHead staff=staff");
        Roles("seed-001-paring-selatan").ShouldBe("Start/JF=staff Kasi=unitHead Kasubdag=coordinator Sekcam=secretary Camat=head");
        Roles("seed-002-tanjunganom").ShouldBe("Kasubag Program Evaluasi dan Keuangan=coordinator Staf=staff Kasi=unitHead");
        Roles("seed-003-dkp-lombok-timur").ShouldBe(
            "Sekretaris Dinas=secretary Kepala Bidang=unitHead Kasubag Keuangan dan Pelaporan=coordinator Kepala Seksi=unitHead Staf Penyusun Evaluasi Kinerja=staff");
        Roles("seed-004-setwan-jambi").ShouldBe("Ka. Dinas=head Sekdis=secretary Seluruh Kasie/Subbag=unitHead Kasubbag PEP=coordinator Analis=staff");
    }

    [Fact]
    public void Seed_000_keeps_its_repeated_signing_row_and_its_Merit_header_as_facts()
    {
        var t = Get("seed-000-pasrujambe");
        t.Steps[8].Activity.ShouldBe("Penandatanganan dokumen Lakip oleh Kepala Kantor");
        t.Steps[9].Activity.ShouldBe(t.Steps[8].Activity);
        t.Steps.Count(s => s.Action == Sign).ShouldBe(1);
        t.Steps[9].Action.ShouldBe(None);
        t.Facts.ShouldContain(f => f.StartsWith("Baris 9 dan 10 pada sumber sama-sama 'Penandatanganan dokumen Lakip oleh Kepala Kantor'", StringComparison.Ordinal));
        t.Facts.ShouldContain(f => f.Contains("'Waktu (Merit)'", StringComparison.Ordinal) && f.Contains("menit", StringComparison.Ordinal));
        Seed(t).ShouldContain("Waktu (Merit)");
        t.Steps.ShouldAllBe(s => s.Time!.Unit == TimeUnit.Minutes);
        t.Identity.EffectiveOn.ShouldBeNull();
        t.Facts.ShouldContain("Tanggal Pengesahan pada sumber kosong.");
        t.Identity.LegalBasis.Count.ShouldBe(10);
        t.Identity.Number.ShouldBe("800/ 2101 /427.96/2020");
        t.Identity.ApprovedByNip.ShouldBe("19771023 200501 1 009");
        t.Steps[0].Inputs.ShouldBe("Nota dinas");
    }

    [Fact]
    public void Seed_004_loops_its_confirmation_back_to_the_units()
    {
        var t = Get("seed-004-setwan-jambi");
        var check = t.Steps[3];
        check.Kind.ShouldBe(SopStepKind.Decision);
        check.Activity.ShouldContain("Jika memeriukan konfirmasi langsung menghubungi Seksi/Subbag bersangkutan");
        check.NoGoesTo.ShouldBe(3);
        check.YesGoesTo.ShouldBeNull();
        t.Steps.Where(s => s != check).ShouldAllBe(s => s.Kind != SopStepKind.Decision && s.NoGoesTo == null && s.YesGoesTo == null);
        t.Steps[0].Note.ShouldBe("SOP Alur Surat Masuk dan Keluar");
    }

    [Fact]
    public void Only_seed_004_has_a_decision()
    {
        BuiltInSops.All.Where(t => t.Steps.Any(s => s.Kind == SopStepKind.Decision)).Select(t => t.Id).ShouldBe(["seed-004-setwan-jambi"]);
    }

    [Theory]
    [InlineData("seed-001-paring-selatan", "Q Q Q Q S SY S Y")]
    [InlineData("seed-003-dkp-lombok-timur", "Q Q Q Q Q Y SY S Y")]
    [InlineData("seed-000-pasrujambe", "* * * * * * * * * * * * *")]
    [InlineData("seed-002-tanjunganom", "* * * *")]
    [InlineData("seed-004-setwan-jambi", "* * * * *")]
    public void Period_kinds_from_the_wording(string id, string kinds)
    {
        static string Code(IReadOnlyList<PeriodKind> k) => k.Count == 0 ? "*" : string.Concat(k.Select(p => p.ToString()[0]));
        string.Join(" ", Get(id).Steps.Select(s => Code(s.PeriodKinds))).ShouldBe(kinds);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_inferred_actor_is_said_in_a_fact_and_facts_are_sentences(string id)
    {
        var t = Get(id);
        t.Facts.ShouldNotBeEmpty();
        t.Facts.ShouldAllBe(f => f.EndsWith('.') || f.EndsWith(".'", StringComparison.Ordinal));
        t.Facts.Distinct().Count().ShouldBe(t.Facts.Count);
        foreach (var s in t.Steps)
        {
            // "Langkah 9 dan 10: ...", "Langkah 1 sampai 5: ...", "Langkah 3: ..."
            t.Facts.ShouldContain(f => Covers(f, s.Number), $"no fact says who does step {s.Number}");
        }
    }

    private static bool Covers(string fact, int step)
    {
        var m = Regex.Match(fact, @"^Langkah (\d+)(?: (dan|sampai) (\d+))?:");
        if (!m.Success) return false;
        var from = int.Parse(m.Groups[1].Value);
        if (!m.Groups[3].Success) return from == step;
        var to = int.Parse(m.Groups[3].Value);
        return m.Groups[2].Value == "dan" ? step == from || step == to : step >= from && step <= to;
    }
}
