using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kinerja.Tests;

/// <summary>The README's two commands and demo sign-ins stay true.</summary>
public partial class ReadmeTests
{
    private static readonly string Root = Repo.Root;

    [GeneratedRegex("```sh\n(.+?)\n```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [Fact]
    public void The_readme_starts_with_exactly_the_two_set_up_commands_and_CI_runs_the_test_one()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var blocks = ShellBlock().Matches(readme).Select(m => m.Groups[1].Value.Trim()).ToList();
        blocks[0].ShouldBe("dotnet run --project src/Kinerja");
        blocks[1].ShouldBe("./test.sh");
        File.Exists(Path.Combine(Root, "src/Kinerja/Kinerja.csproj")).ShouldBeTrue();
        File.ReadAllText(Path.Combine(Root, ".ci/run")).ShouldContain("./test.sh");
    }

    [Fact]
    public void The_readme_lists_every_demo_user_and_the_demo_password()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        readme.ShouldContain($"`{Kinerja.Demo.DemoSeeder.DefaultPassword}`");
        using var demo = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "src/Kinerja/Demo/demo.json")));
        var names = new List<string>();
        void Walk(JsonElement unit)
        {
            if (unit.TryGetProperty("positions", out var ps))
                names.AddRange(ps.EnumerateArray().Select(p => p.GetProperty("user").GetProperty("username").GetString()!));
            if (unit.TryGetProperty("children", out var cs)) foreach (var c in cs.EnumerateArray()) Walk(c);
        }

        foreach (var a in demo.RootElement.GetProperty("agencies").EnumerateArray())
            foreach (var u in a.GetProperty("units").EnumerateArray()) Walk(u);
        names.Count.ShouldBe(42);
        foreach (var n in names) readme.ShouldContain($"`{n}`");
    }
}
