using System.Text.Json.Nodes;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Sop;
using Shouldly;

namespace Kinerja.Domain.Tests.Sop;

public class SopTemplateJsonTests
{
    public static TheoryData<string> Ids() => new(BuiltInSops.All.Select(t => t.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_built_in_round_trips_unchanged(string id)
    {
        var t = BuiltInSops.Find(id)!;
        var json = SopTemplateJson.Serialize(t);
        SopTemplateJson.TryParse(json, out var back, out var problems).ShouldBeTrue(string.Join("; ", problems));
        problems.ShouldBeEmpty();
        Same(back, t);
        SopTemplateJson.Serialize(back).ShouldBe(json);
        SopTemplateRules.Problems(back).ShouldBeEmpty();
    }

    /// <summary>Field by field: the records hold lists, which compare by reference.</summary>
    private static void Same(SopTemplate a, SopTemplate b)
    {
        (a with { Identity = b.Identity, Actors = b.Actors, Steps = b.Steps, Facts = b.Facts }).ShouldBe(b);
        a.Facts.ShouldBe(b.Facts);
        a.Actors.ShouldBe(b.Actors);
        var (x, y) = (a.Identity, b.Identity);
        (x with { LegalBasis = y.LegalBasis, Qualifications = y.Qualifications, Related = y.Related, Equipment = y.Equipment, Warnings = y.Warnings, Recording = y.Recording })
            .ShouldBe(y);
        x.LegalBasis.ShouldBe(y.LegalBasis);
        x.Qualifications.ShouldBe(y.Qualifications);
        x.Related.ShouldBe(y.Related);
        x.Equipment.ShouldBe(y.Equipment);
        x.Warnings.ShouldBe(y.Warnings);
        x.Recording.ShouldBe(y.Recording);
        a.Steps.Count.ShouldBe(b.Steps.Count);
        foreach (var (s, u) in a.Steps.Zip(b.Steps))
        {
            (s with { Actors = u.Actors, PeriodKinds = u.PeriodKinds }).ShouldBe(u);
            s.Actors.ShouldBe(u.Actors);
            s.PeriodKinds.ShouldBe(u.PeriodKinds);
        }
    }

    [Fact]
    public void Names_are_camelCase_and_enums_are_camelCase_strings()
    {
        var json = JsonNode.Parse(SopTemplateJson.Serialize(BuiltInSops.Find("seed-001-paring-selatan")!))!;
        json["id"]!.GetValue<string>().ShouldBe("seed-001-paring-selatan");
        json["identity"]!["effectiveOn"]!.GetValue<string>().ShouldBe("02 JANUARI 2023");
        json["identity"]!["revisedOn"].ShouldBeNull();
        json["actors"]![2]!["role"]!.GetValue<string>().ShouldBe("coordinator");
        json["actors"]![1]!["role"]!.GetValue<string>().ShouldBe("unitHead");
        var step = json["steps"]![0]!;
        step["kind"]!.GetValue<string>().ShouldBe("start");
        step["action"]!.GetValue<string>().ShouldBe("openRound");
        step["time"]!["amount"]!.GetValue<decimal>().ShouldBe(15);
        step["time"]!["unit"]!.GetValue<string>().ShouldBe("minutes");
        step["periodKinds"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["quarter"]);
        json["steps"]![5]!["periodKinds"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["semester", "year"]);
        json["steps"]![3]!["action"]!.GetValue<string>().ShouldBe("circulate");
        json["steps"]![3]!["time"]!["unit"]!.GetValue<string>().ShouldBe("hours");
        json["steps"]![4]!["action"]!.GetValue<string>().ShouldBe("none");
    }

    private const string Minimal = """
        {
          "id": "sop-dinas-sosial",
          "agency": "Dinas Sosial",
          "identity": { "name": "SOP Pengumpulan Data Kinerja" },
          "actors": [
            { "key": "kadis", "title": "Kepala Dinas", "role": "head" },
            { "key": "pep", "title": "Kasubbag PEP", "role": "coordinator" },
            { "key": "kabid", "title": "Kabid", "role": "unitHead" }
          ],
          "steps": [
            { "number": 1, "activity": "Memerintahkan pengumpulan data", "actors": ["kadis"], "kind": "start", "action": "openRound",
              "time": { "amount": 1, "unit": "hours" } },
            { "number": 2, "activity": "Mengisi kertas kerja", "actors": ["kabid"], "kind": "process", "action": "fillAndSubmit",
              "time": { "amount": 3, "unit": "days" }, "periodKinds": ["quarter", "semester"] },
            { "number": 3, "activity": "Memeriksa; jika perlu konfirmasi kembali ke bidang", "actors": ["pep"], "kind": "decision",
              "action": "verifyOrReturn", "noGoesTo": 2 },
            { "number": 4, "activity": "Rapat", "actors": ["kadis", "pep"], "kind": "end" }
          ]
        }
        """;

    [Fact]
    public void A_hand_written_template_with_only_the_required_fields_reads_with_defaults()
    {
        SopTemplateJson.TryParse(Minimal, out var t, out var problems).ShouldBeTrue(string.Join("; ", problems));
        t.Id.ShouldBe("sop-dinas-sosial");
        t.Government.ShouldBeNull();
        t.Source.ShouldBe("impor");
        t.Facts.ShouldBeEmpty();
        t.Identity.LegalBasis.ShouldBeEmpty();
        t.Identity.Recording.ShouldBeEmpty();
        t.Identity.Number.ShouldBeNull();
        t.Actors[2].Role.ShouldBe(Role.UnitHead);
        t.Steps[1].PeriodKinds.ShouldBe([PeriodKind.Quarter, PeriodKind.Semester]);
        t.Steps[1].Time.ShouldBe(new SopTime(3, TimeUnit.Days));
        t.Steps[2].NoGoesTo.ShouldBe(2);
        t.Steps[2].Time.ShouldBeNull();
        t.Steps[3].Action.ShouldBe(SopAction.None);
        t.Steps[3].PeriodKinds.ShouldBeEmpty();
        SopTemplateRules.Problems(t).ShouldBeEmpty();
    }

    public static TheoryData<string, string[]> Bad() => new()
    {
        { "", ["JSON tidak dapat dibaca: baris 1, posisi 1."] },
        { "{\n  \"id\": \"x\",\n  \"agency\": \"A\" \n  \"steps\": []\n}", ["JSON tidak dapat dibaca: baris 4, posisi 3."] },
        { "{ \"id\": \"x\", ", ["JSON tidak dapat dibaca: baris 1, posisi 14."] },
        { "[1, 2]", ["Template SOP harus berupa objek JSON."] },
        { "{}", ["Kolom \"id\" wajib diisi.", "Kolom \"agency\" wajib diisi.", "Kolom \"identity\" wajib diisi.", "Kolom \"actors\" wajib diisi.", "Kolom \"steps\" wajib diisi."] },
        { Minimal.Replace("\"name\": \"SOP Pengumpulan Data Kinerja\"", "\"nama\": \"x\"", StringComparison.Ordinal), ["Kolom \"identity.name\" wajib diisi."] },
        { Minimal.Replace("\"title\": \"Kasubbag PEP\", ", "", StringComparison.Ordinal), ["Kolom \"actors[1].title\" wajib diisi."] },
        { Minimal.Replace("\"actors\": [\"kabid\"], \"kind\": \"process\",", "", StringComparison.Ordinal),
            ["Kolom \"steps[1].actors\" wajib diisi.", "Kolom \"steps[1].kind\" wajib diisi."] },
        { Minimal.Replace("\"amount\": 3, ", "", StringComparison.Ordinal), ["Kolom \"steps[1].time.amount\" wajib diisi."] },
        { Minimal.Replace("\"id\": \"sop-dinas-sosial\"", "\"id\": null", StringComparison.Ordinal), ["Kolom \"id\" wajib diisi."] },
        { Minimal.Replace("\"role\": \"head\"", "\"role\": \"bupati\"", StringComparison.Ordinal), ["Nilai \"actors[0].role\" tidak dapat dibaca (baris 6, posisi 64)."] },
        { Minimal.Replace("\"kind\": \"end\"", "\"kind\": 3", StringComparison.Ordinal), ["Nilai \"steps[3].kind\" tidak dapat dibaca (baris 17, posisi 78)."] },
        { Minimal.Replace("\"number\": 1,", "\"number\": \"satu\",", StringComparison.Ordinal), ["Nilai \"steps[0].number\" tidak dapat dibaca (baris 11, posisi 23)."] },
        { Minimal.Replace("\"agency\": \"Dinas Sosial\"", "\"agency\": 7", StringComparison.Ordinal), ["Nilai \"agency\" tidak dapat dibaca (baris 3, posisi 14)."] },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Bad_json_is_said_where(string json, string[] expected)
    {
        SopTemplateJson.TryParse(json, out var t, out var problems).ShouldBeFalse();
        t.ShouldBeNull();
        problems.Select(p => p.ToString()).ShouldBe(expected);
    }
}
