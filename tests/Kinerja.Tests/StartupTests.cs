using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Kinerja.Tests;

/// <summary>The product started as the README says, as a real process: first start prints how to sign in.</summary>
public partial class StartupTests
{
    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>Starts the server and returns once it has printed its sign-in banner.</summary>
    private static async Task<(Process Process, string Url, StringBuilder Output)> StartAsync(string dataDir, params string[] extra)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataDir };
        start.ArgumentList.Add(Repo.KinerjaDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        foreach (var a in extra) start.ArgumentList.Add(a);
        start.Environment["KINERJA_DATA_DIR"] = Path.Combine(dataDir, "data");
        start.Environment.Remove("KINERJA_ADMIN_PASSWORD");
        start.Environment.Remove("KINERJA_DATABASE");
        var process = Process.Start(start)!;
        var output = new StringBuilder();
        var ready = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output) output.AppendLine(e.Data);
            if (e.Data?.Contains("Pengguna demo", StringComparison.Ordinal) == true || e.Data?.Contains("Basis data", StringComparison.Ordinal) == true) ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken); // the rest of the banner
        return (process, url, output);
    }

    [GeneratedRegex(@"Administrator: admin / (\S+)")]
    private static partial Regex AdminLine();

    [Fact]
    public async Task First_start_seeds_the_demo_and_prints_a_one_time_admin_password_and_no_demo_starts_empty()
    {
        var dir = Directory.CreateTempSubdirectory("kinerja-start-").FullName;
        var (server, url, output) = await StartAsync(dir);
        try
        {
            var text = output.ToString();
            text.ShouldContain(url);
            text.ShouldContain("Kinerja#Demo2026");
            text.ShouldContain("pasrujambe.kasubbag-pk");
            var password = AdminLine().Match(text).Groups[1].Value;
            password.Length.ShouldBe(16);
            File.Exists(Path.Combine(dir, "data", "kinerja.db")).ShouldBeTrue();

            using var http = new HttpClient { BaseAddress = new Uri(url) };
            (await http.GetStringAsync("/health")).ShouldBe("Healthy");
            (await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "setwan.sekwan", password = "Kinerja#Demo2026" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        // A second start on the same data keeps the admin password (not printed again) and the data.
        var (again, _, output2) = await StartAsync(dir);
        again.Kill(entireProcessTree: true);
        await again.WaitForExitAsync();
        AdminLine().IsMatch(output2.ToString()).ShouldBeFalse();

        var empty = Directory.CreateTempSubdirectory("kinerja-empty-").FullName;
        var (bare, bareUrl, bareOutput) = await StartAsync(empty, "--no-demo");
        try
        {
            bareOutput.ToString().ShouldNotContain("Pengguna demo");
            using var http = new HttpClient { BaseAddress = new Uri(bareUrl) };
            (await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "setwan.sekwan", password = "Kinerja#Demo2026" }))
                .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            bare.Kill(entireProcessTree: true);
            await bare.WaitForExitAsync();
            Directory.Delete(dir, true);
            Directory.Delete(empty, true);
        }
    }
}
