using Kinerja.Data;
using Kinerja.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;

namespace Kinerja.Infrastructure;

/// <summary>
/// Runs before the server accepts requests: applies migrations, makes sure the <c>admin</c> user exists,
/// seeds the demo agencies on first start (unless <c>--no-demo</c>), then prints how to sign in.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, IConfiguration config, IHostApplicationLifetime lifetime, IServer server)
    : IHostedService
{
    public const string NoDemoKey = "Kinerja:NoDemo";

    public async Task StartAsync(CancellationToken ct)
    {
        var settings = services.GetRequiredService<KinerjaSettings>();
        await Database.MigrateAsync(services, ct);
        services.GetRequiredService<CheckedUploads>().SweepAbandoned();
        string? generatedAdminPassword;
        await using (var scope = services.CreateAsyncScope())
        {
            generatedAdminPassword = await AdminAccount.EnsureAsync(
                scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), config["KINERJA_ADMIN_PASSWORD"]);
        }

        var noDemo = config.GetValue<bool>(NoDemoKey);
        var demoUsers = noDemo ? [] : await DemoSeeding.SeedAsync(services, ct);
        lifetime.ApplicationStarted.Register(() =>
        {
            var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine("Kinerja berjalan / is running:");
            foreach (var url in urls) Console.WriteLine($"  {url}   (API: {url}/api/docs)");
            Console.WriteLine($"  Data: {settings.DataDirectory}  Basis data / database: {settings.Database}");
            if (generatedAdminPassword is not null)
            {
                Console.WriteLine($"  Administrator: admin / {generatedAdminPassword}   (dibuat sekali, simpan sekarang / shown once, keep it now)");
            }

            if (noDemo) return;
            Console.WriteLine($"  Pengguna demo / demo users (kata sandi / password: {DemoSeeding.Password(config)}):");
            foreach (var a in DemoSeeder.Load().Agencies)
            {
                Console.WriteLine($"    {a.Name}: {string.Join(", ", a.Units.SelectMany(DemoSeeding.Flatten).Select(p => $"{p.User.Username} ({p.Title})"))}");
            }

            if (demoUsers.Count > 0) Console.WriteLine($"  ({demoUsers.Count} pengguna demo baru dibuat / new demo users created)");
            Console.WriteLine("  PERHATIAN: kata sandi demo diketahui umum. Untuk pemakaian sungguhan mulai dengan --no-demo pada basis data kosong.");
            Console.WriteLine("  WARNING: the demo password is public. For real use, start with --no-demo on an empty database.");
        });
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

public static class DemoSeeding
{
    public static string Password(IConfiguration config) =>
        config["KINERJA_DEMO_PASSWORD"] is { Length: > 0 } p ? p : DemoSeeder.DefaultPassword;

    public static async Task<IReadOnlyList<DemoUser>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        return await ActivatorUtilities.CreateInstance<DemoSeeder>(sp).SeedAsync(Password(sp.GetRequiredService<IConfiguration>()), ct);
    }

    public static IEnumerable<DemoPosition> Flatten(DemoUnit u) => (u.Positions ?? []).Concat((u.Children ?? []).SelectMany(Flatten));
}
