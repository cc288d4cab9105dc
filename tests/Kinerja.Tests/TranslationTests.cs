using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Infrastructure;
using Kinerja.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Tests;

/// <summary>Every Indonesian text the code shows a person has an English translation (tools/translations.py).</summary>
public partial class TranslationTests
{
    private static readonly string Root = Repo.Root;

    /// <summary>The file tools/translations.py writes, as it is in the source tree.</summary>
    private static Dictionary<string, string> EnglishFile() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Root, "src/Kinerja/Resources/english.json")))!;

    private static HashSet<string> English() => EnglishFile().Keys.ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(?:M\[|Text\(|error = new\()""((?:[^""\\]|\\.)+)""")]
    private static partial Regex TextLiteral();

    [Fact]
    public void Every_text_in_pages_and_messages_has_an_English_entry()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains("Migrations"));
        var texts = files.SelectMany(f => TextLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.Replace("\\\"", "\"")))
            .Where(t => t.Any(char.IsLetter))
            .ToHashSet();
        texts.Count.ShouldBeGreaterThan(100);

        foreach (var kind in new[] { "dinas", "badan", "kecamatan", "sekretariat", "inspektorat", "kantor", "other" }) texts.Add(KindLabels.Agency(kind));
        foreach (var role in Enum.GetValues<Role>()) texts.Add(KindLabels.Role(role.ToApiName()));
        foreach (var role in Enum.GetValues<Role>()) texts.Add(Kinerja.Pages.IndexModel.RoleDescription(role));
        foreach (var action in new[] { "create", "update", "delete" }) texts.Add(Kinerja.Pages.Audit.IndexModel.ActionLabel(action));
        foreach (var p in new[] { "higher", "lower", "range" }) texts.Add(Kinerja.Pages.Plan.PlanLabels.Polarity(p));
        foreach (var a in new[] { "sum", "last", "average" }) texts.Add(Kinerja.Pages.Plan.PlanLabels.Aggregation(a));
        foreach (var k in new[] { "iku", "program", "activity", "subActivity", "individual" }) texts.Add(Kinerja.Pages.Plan.PlanLabels.Kind(k));
        foreach (var o in new[] { "atRisk", "onTrack", "notProjectable" }) texts.Add(Kinerja.Pages.Recap.RecapLabels.Outlook(o));
        foreach (var s in new[] { "notApplicable", "doneLate", "doneOnTime", "done", "late", "running", "notStarted" }) texts.Add(Kinerja.Pages.Sop.SopLabels.Status(s));
        foreach (var k in Enum.GetValues<Kinerja.Domain.Sop.SopStepKind>()) texts.Add(Kinerja.Pages.Sop.SopLabels.Kind(k));
        foreach (var k in Enum.GetValues<Kinerja.Domain.Plan.PeriodKind>()) texts.Add(Kinerja.Pages.Sop.SopLabels.PeriodKind(k));
        foreach (var a in Enum.GetValues<Kinerja.Domain.Sop.SopAction>()) texts.Add(Kinerja.Domain.Sop.SopTemplateRules.ActionLabel(a));

        var english = English();
        var missing = texts.Where(t => !english.Contains(t)).Order(StringComparer.Ordinal).ToList();
        missing.ShouldBeEmpty("Add these to tools/translations.py and run it:\n" + string.Join("\n", missing));
    }

    /// <summary>
    /// Every entry reaches a user: each is read back, in English, through the running program's Messages (its localizer and
    /// the texts compiled into it). The .resx used before dropped one of each pair differing only in letter case.
    /// </summary>
    [Fact]
    public async Task Every_entry_reads_back_in_English_through_the_application()
    {
        var entries = EnglishFile();
        entries.Count.ShouldBeGreaterThan(900);
        await using var app = KinerjaApp.CreateBuilder([]).Build();
        using var scope = app.Services.CreateScope();
        var messages = scope.ServiceProvider.GetRequiredService<Messages>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            var wrong = entries.Where(e => messages[e.Key] != e.Value).Select(e => $"{e.Key} -> {messages[e.Key]} (expected {e.Value})").ToList();
            wrong.ShouldBeEmpty(string.Join("\n", wrong));

            // Pairs that differ only in letter case, and may differ in meaning.
            messages["Dikirim"].ShouldBe("Submitted");
            messages["dikirim"].ShouldBe("dispatched");
            messages["realisasi"].ShouldBe(entries["realisasi"]);
            messages["Realisasi"].ShouldBe(entries["Realisasi"]);
            messages[new Text("{0} wajib diisi.", "Realisasi")].ShouldBe($"{entries["Realisasi"]} is required.");

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id-ID");
            messages["dikirim"].ShouldBe("dikirim");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
