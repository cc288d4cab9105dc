namespace Kinerja.Tests;

/// <summary>Paths in the repository the tests read or run (README, sources, the built executable).</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kinerja.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (Kinerja.slnx) not found");
    }

    /// <summary>The application built by the solution build, in the same configuration as the tests.</summary>
    public static string KinerjaDll()
    {
        var config = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // Debug or Release
        var dll = Path.Combine(Root, "src", "Kinerja", "bin", config, "net10.0", "kinerja.dll");
        File.Exists(dll).ShouldBeTrue($"{dll} is built by the solution build");
        return dll;
    }

    /// <summary>Runs the real executable with <paramref name="args"/> against a data folder and database, as an operator would.</summary>
    public static async Task<(int Code, string Output)> RunCliAsync(KinerjaFixture f, string dataDir, string connectionString, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(KinerjaDll());
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["KINERJA_DATA_DIR"] = dataDir;
        start.Environment["KINERJA_DATABASE"] = f is PostgresFixture ? "postgres" : "sqlite";
        start.Environment["ConnectionStrings__Kinerja"] = connectionString;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
