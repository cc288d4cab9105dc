using Kinerja.Domain.Reports;
using Shouldly;

namespace Kinerja.Domain.Tests.Reports;

public class ReportSectionsTests
{
    [Fact]
    public void The_fixed_sections_in_report_order_with_stable_keys()
    {
        ReportSections.Fixed.Select(s => (s.Order, s.Key, s.Title)).ShouldBe(
        [
            (1, "executive-summary", "Ikhtisar Eksekutif"),
            (2, "introduction", "Bab I Pendahuluan: Gambaran Umum Organisasi (tugas, fungsi, struktur organisasi, sumber daya manusia)"),
            (3, "strategic-issues", "Bab I Pendahuluan: Isu Strategis"),
            (4, "planning", "Bab II Perencanaan Kinerja"),
            (5, "achievement", "Bab III Akuntabilitas Kinerja: A. Capaian Kinerja Organisasi"),
            (6, "budget", "Bab III Akuntabilitas Kinerja: B. Realisasi Anggaran"),
            (7, "closing", "Bab IV Penutup"),
            (8, "attachments", "Lampiran"),
        ]);
        ReportSections.Fixed.ShouldAllBe(s => s.Narrative && s.ObjectiveCode == null);
    }

    [Theory]
    [InlineData("executive-summary", true)]
    [InlineData("introduction", false)]
    [InlineData("strategic-issues", false)]
    [InlineData("planning", true)]
    [InlineData("achievement", true)]
    [InlineData("budget", true)]
    [InlineData("closing", false)]
    [InlineData("attachments", true)]
    public void Which_sections_also_print_generated_tables(string key, bool generated) =>
        ReportSections.Fixed.Single(s => s.Key == key).GeneratedTables.ShouldBe(generated);

    [Fact]
    public void One_section_per_objective_between_the_achievement_introduction_and_the_budget()
    {
        var sections = ReportSections.For(["S1", " S2 ", "S1", "3.1"]);
        sections.Select(s => s.Key).ShouldBe(
        [
            "executive-summary", "introduction", "strategic-issues", "planning", "achievement",
            "objective:S1", "objective:S2", "objective:3.1",
            "budget", "closing", "attachments",
        ]);
        sections.Select(s => s.Order).ShouldBe(Enumerable.Range(1, 11));
        var s2 = sections.Single(s => s.Key == "objective:S2");
        s2.ObjectiveCode.ShouldBe("S2");
        s2.Title.ShouldBe("Bab III A. Analisis Capaian Sasaran S2");
        s2.Narrative.ShouldBeTrue();
        s2.GeneratedTables.ShouldBeTrue();
    }

    [Theory]
    [InlineData("S1", "objective:S1")]
    [InlineData(" S1 ", "objective:S1")]
    [InlineData("1.2.a", "objective:1.2.a")]
    public void Objective_keys(string code, string key) => ReportSections.ObjectiveKey(code).ShouldBe(key);

    [Theory]
    [InlineData("objective:S1", "S1")]
    [InlineData("objective:1.2.a", "1.2.a")]
    [InlineData("objective:", null)]
    [InlineData("objective: S1", null)]
    [InlineData("Objective:S1", null)]
    [InlineData("budget", null)]
    [InlineData(null, null)]
    public void The_objective_code_of_a_key(string? key, string? code) => ReportSections.ObjectiveCodeOf(key).ShouldBe(code);

    [Theory]
    [InlineData("executive-summary", 1)]
    [InlineData("objective:S1", 6)]
    [InlineData("objective:S2", 7)]
    [InlineData("attachments", 10)]
    [InlineData("objective:S9", null)] // an objective this report does not analyse
    [InlineData("Budget", null)] // keys are case-sensitive
    [InlineData("bab-1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Finding_a_section_by_key(string? key, int? order) =>
        (ReportSections.Find(key, ["S1", "S2"])?.Order).ShouldBe(order);

    [Fact]
    public void An_empty_objective_code_is_refused()
    {
        Should.Throw<ArgumentException>(() => ReportSections.For(["S1", " "]));
        Should.Throw<ArgumentException>(() => ReportSections.ObjectiveKey(""));
    }
}
