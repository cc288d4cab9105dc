using System.Net;
using System.Net.Http.Json;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Kinerja.Tests;

/// <summary>
/// The load scripts' ceilings (<see cref="LoadProbes"/>, bench/load/save-cell.sh): what they measure must be what they do,
/// and a server started without <c>KINERJA_LOAD_PROBES=true</c> must not have them.
/// </summary>
public sealed class LoadProbeTests(LoadProbeTests.ProbesFixture f) : IClassFixture<LoadProbeTests.ProbesFixture>
{
    public sealed class ProbesFixture : SqliteFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(LoadProbes.Setting, "true");
        }
    }

    private long ProbeRows()
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(f.DataDirectory, "load-probe.db")};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM probe";
        return (long)cmd.ExecuteScalar()!;
    }

    [Theory]
    [InlineData("/load-probe/raw-insert")]
    [InlineData("/load-probe/ef-insert")]
    public async Task Each_insert_probe_writes_one_row_without_signing_in(string path)
    {
        var before = ProbeRows();
        var client = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await client.PostAsync(path, null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsync(path, null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        ProbeRows().ShouldBe(before + 2);
    }

    [Fact]
    public async Task The_signed_in_probe_needs_a_bearer_token_and_loads_the_users_positions()
    {
        var anonymous = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await anonymous.GetAsync("/load-probe/signed-in", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var kasubbag = await f.SignedInAsync("pasrujambe.kasubbag-pk");
        var me = await kasubbag.GetFromJsonAsync<Me>("/api/v1/me", TestContext.Current.CancellationToken);
        me!.Grants.Count.ShouldBeGreaterThan(0);
        (await kasubbag.GetFromJsonAsync<int>("/load-probe/signed-in", TestContext.Current.CancellationToken)).ShouldBe(me.Grants.Count);
    }

    private sealed record Me(IReadOnlyList<object> Grants);
}

/// <summary>Without the setting (as in production) no probe answers and no probe database is made.</summary>
public sealed class LoadProbesOffTests(SqliteFixture f) : IClassFixture<SqliteFixture>
{
    [Theory]
    [InlineData("POST", "/load-probe/raw-insert")]
    [InlineData("POST", "/load-probe/ef-insert")]
    [InlineData("GET", "/load-probe/signed-in")]
    public async Task No_probe_is_mapped(string method, string path)
    {
        var kasubbag = await f.SignedInAsync("pasrujambe.kasubbag-pk");
        var answer = await kasubbag.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);
        answer.IsSuccessStatusCode.ShouldBeFalse($"{method} {path} answered {answer.StatusCode}");
        File.Exists(Path.Combine(f.DataDirectory, "load-probe.db")).ShouldBeFalse();
    }
}
