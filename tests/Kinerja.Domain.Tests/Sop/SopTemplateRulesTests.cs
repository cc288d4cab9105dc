using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Sop;
using Shouldly;
using static Kinerja.Domain.Sop.SopAction;
using K = Kinerja.Domain.Sop.SopStepKind;

namespace Kinerja.Domain.Tests.Sop;

public class SopTemplateRulesTests
{
    private static SopStep Step(int n, K kind, SopAction action, string actor = "kasubbag", int? no = null, int? yes = null, decimal minutes = 30) =>
        new(n, $"Kegiatan {n}", [actor], kind, action, "Dokumen", new SopTime(minutes, TimeUnit.Minutes), "Dokumen", null, [], yes, no);

    /// <summary>Order, distribute, fill, check with a loop back to filling, recap.</summary>
    private static readonly SopTemplate Good = new(
        "uji", "Dinas Uji", "Kabupaten Uji", "impor",
        new SopIdentity(null, null, null, null, null, null, null, null, "SOP Pengumpulan Data Kinerja", [], [], [], [], [], []),
        [new SopActor("kepala", "Kepala Dinas", Role.Head), new SopActor("kasubbag", "Kasubbag PEP", Role.Coordinator), new SopActor("kasi", "Kasi", Role.UnitHead)],
        [
            Step(1, K.Start, OpenRound, "kepala"),
            Step(2, K.Process, Distribute),
            Step(3, K.Process, FillAndSubmit, "kasi"),
            Step(4, K.Decision, VerifyOrReturn, no: 3),
            Step(5, K.End, Recap),
        ],
        []);

    private static SopTemplate WithStep(int number, Func<SopStep, SopStep> change) =>
        Good with { Steps = Good.Steps.Select(s => s.Number == number ? change(s) : s).ToList() };

    private static SopTemplate WithSteps(params SopStep[] steps) => Good with { Steps = steps };

    private static readonly HashSet<Role> AllWorkingRoles = [Role.Head, Role.Secretary, Role.Coordinator, Role.UnitHead, Role.Staff];

    private static readonly Dictionary<string, (SopTemplate Template, HashSet<Role>? AgencyRoles, string[] Expected)> Table = new()
    {
        ["good"] = (Good, null, []),
        ["good in an agency with every role"] = (Good, AllWorkingRoles, []),
        ["circulating and revising twice is allowed"] = (WithSteps(Step(1, K.Start, DraftReport), Step(2, K.Process, Circulate), Step(3, K.Process, Revise),
            Step(4, K.Process, Circulate), Step(5, K.End, Revise)), null, []),
        ["steps without an action may sit anywhere"] = (WithSteps(Step(1, K.Start, None), Step(2, K.Process, Sign), Step(3, K.Process, None), Step(4, K.End, Dispatch)), null, []),
        ["no id"] = (Good with { Id = " " }, null, ["Template SOP perlu id."]),
        ["no name"] = (Good with { Identity = Good.Identity with { Name = "" } }, null, ["Nama SOP wajib diisi."]),
        ["no actors"] = (Good with { Actors = [] }, null,
            ["SOP perlu paling sedikit satu pelaksana.",
             "Langkah 1: pelaksana \"kepala\" tidak ada dalam daftar pelaksana SOP.",
             "Langkah 2: pelaksana \"kasubbag\" tidak ada dalam daftar pelaksana SOP.",
             "Langkah 3: pelaksana \"kasi\" tidak ada dalam daftar pelaksana SOP.",
             "Langkah 4: pelaksana \"kasubbag\" tidak ada dalam daftar pelaksana SOP.",
             "Langkah 5: pelaksana \"kasubbag\" tidak ada dalam daftar pelaksana SOP."]),
        ["duplicate actor, keys compared without case"] = (Good with { Actors = [.. Good.Actors, new SopActor("KASI", "Kasi Lain", Role.UnitHead)] }, null,
            ["Pelaksana \"kasi\" tercantum lebih dari sekali."]),
        ["agency lacks the role of an actor"] = (Good, new HashSet<Role> { Role.Head, Role.Coordinator }, ["Pelaksana \"Kasi\" tidak ada di instansi ini: belum ada jabatan dengan peran unitHead."]),
        ["agency lacks two roles"] = (Good, new HashSet<Role> { Role.UnitHead },
            ["Pelaksana \"Kepala Dinas\" tidak ada di instansi ini: belum ada jabatan dengan peran head.",
             "Pelaksana \"Kasubbag PEP\" tidak ada di instansi ini: belum ada jabatan dengan peran coordinator."]),
        ["no steps"] = (WithSteps(), null, ["SOP perlu paling sedikit satu langkah."]),
        ["more than 60 steps"] = (WithSteps([.. Enumerable.Range(1, 61).Select(n => Step(n, n == 1 ? K.Start : n == 61 ? K.End : K.Process, None))]), null,
            ["SOP paling banyak 60 langkah."]),
        ["numbering gap"] = (WithStep(5, s => s with { Number = 6 }), null, ["Nomor langkah harus 1, 2, 3, ... berurutan tanpa ganda."]),
        ["numbering repeated"] = (WithStep(5, s => s with { Number = 4 }), null, ["Nomor langkah harus 1, 2, 3, ... berurutan tanpa ganda."]),
        ["numbering from zero"] = (WithSteps(Step(0, K.Start, OpenRound, "kepala"), Step(1, K.End, Distribute)), null,
            ["Nomor langkah harus 1, 2, 3, ... berurutan tanpa ganda."]),
        ["numbering backwards"] = (WithSteps(Step(2, K.Start, OpenRound, "kepala"), Step(1, K.End, Distribute)), null,
            ["Nomor langkah harus 1, 2, 3, ... berurutan tanpa ganda."]),
        ["missing start"] = (WithStep(1, s => s with { Kind = K.Process }), null, ["Langkah pertama harus langkah mulai (simbol kapsul)."]),
        ["missing end"] = (WithStep(5, s => s with { Kind = K.Process }), null, ["Langkah terakhir harus langkah selesai (simbol kapsul)."]),
        ["no activity"] = (WithStep(2, s => s with { Activity = "  " }), null, ["Langkah 2: kegiatan wajib diisi."]),
        ["step without actor"] = (WithStep(2, s => s with { Actors = [] }), null, ["Langkah 2: sebutkan pelaksananya."]),
        ["unknown actor in step"] = (WithStep(2, s => s with { Actors = ["kasubbag", "bendahara"] }), null,
            ["Langkah 2: pelaksana \"bendahara\" tidak ada dalam daftar pelaksana SOP."]),
        ["zero time"] = (WithStep(2, s => s with { Time = new SopTime(0, TimeUnit.Hours) }), null, ["Langkah 2: waktu baku harus lebih dari nol."]),
        ["negative time"] = (WithStep(3, s => s with { Time = new SopTime(-1, TimeUnit.Days) }), null, ["Langkah 3: waktu baku harus lebih dari nol."]),
        ["no time is allowed"] = (WithStep(3, s => s with { Time = null }), null, []),
        ["decision without NoGoesTo"] = (WithStep(4, s => s with { NoGoesTo = null }), null, ["Langkah 4: keputusan perlu tujuan untuk jawaban \"tidak\"."]),
        ["decision jumps to a missing step"] = (WithStep(4, s => s with { NoGoesTo = 9 }), null, ["Langkah 4: jawaban \"tidak\" menuju langkah 9 yang tidak ada."]),
        ["decision's yes jumps to a missing step"] = (WithStep(4, s => s with { YesGoesTo = 7 }), null, ["Langkah 4: jawaban \"ya\" menuju langkah 7 yang tidak ada."]),
        ["decision as the last step with no yes"] = (WithStep(5, s => s with { Kind = K.Decision, NoGoesTo = 3 }), null,
            ["Langkah terakhir harus langkah selesai (simbol kapsul).", "Langkah 5: keputusan perlu tujuan untuk jawaban \"ya\"."]),
        ["branch on a plain step"] = (WithStep(2, s => s with { NoGoesTo = 1 }), null, ["Langkah 2: hanya langkah keputusan (belah ketupat) yang bercabang."]),
        ["yes branch on a plain step"] = (WithStep(3, s => s with { YesGoesTo = 5 }), null, ["Langkah 3: hanya langkah keputusan (belah ketupat) yang bercabang."]),
        ["actions out of order"] = (WithSteps(Step(1, K.Start, OpenRound, "kepala"), Step(2, K.Process, FillAndSubmit, "kasi"), Step(3, K.End, Distribute)), null,
            ["Langkah 3 (mendistribusikan kertas kerja) tidak dapat dilakukan setelah langkah 2 (mengisi dan mengirim kertas kerja): urutkan ulang atau lepaskan tindakan sistemnya."]),
        ["signing before approval, a step without action between"] = (WithSteps(Step(1, K.Start, Sign, "kepala"), Step(2, K.Process, None), Step(3, K.End, Approve, "kepala")), null,
            ["Langkah 3 (persetujuan) tidak dapat dilakukan setelah langkah 1 (penandatanganan): urutkan ulang atau lepaskan tindakan sistemnya."]),
        ["a bound action twice"] = (WithStep(3, s => s with { Action = Distribute }), null,
            ["Tindakan sistem \"mendistribusikan kertas kerja\" terikat ke lebih dari satu langkah (2, 3)."]),
        ["signing three times"] = (WithSteps(Step(1, K.Start, Sign, "kepala"), Step(2, K.Process, Sign, "kepala"), Step(3, K.End, Sign, "kepala")), null,
            ["Tindakan sistem \"penandatanganan\" terikat ke lebih dari satu langkah (1, 2, 3)."]),
    };

    public static TheoryData<string> Cases() => new(Table.Keys);

    [Fact]
    public void The_table_has_at_least_twenty_bad_templates() => Table.Values.Count(c => c.Expected.Length > 0).ShouldBeGreaterThanOrEqualTo(20);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Problems_of_a_template(string name)
    {
        var (template, agencyRoles, expected) = Table[name];
        SopTemplateRules.Problems(template, agencyRoles).Select(p => p.ToString()).ShouldBe(expected, name);
    }

    [Fact]
    public void Every_action_has_an_api_name_that_parses_back_and_a_label()
    {
        foreach (var a in Enum.GetValues<SopAction>())
        {
            SopTemplateRules.ParseAction(SopTemplateRules.ActionApiName(a)).ShouldBe(a);
            SopTemplateRules.ActionLabel(a).ShouldNotBeNullOrWhiteSpace();
        }

        SopTemplateRules.ParseAction(" Fill-And-Submit ").ShouldBe(FillAndSubmit);
        SopTemplateRules.ParseAction("nope").ShouldBeNull();
    }
}
