using Kinerja.Data;
using Kinerja.Demo;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;

namespace Kinerja.Infrastructure;

/// <summary>
/// Runs before the server accepts requests: applies migrations, makes sure the <c>admin</c> user exists,
/// seeds the demo agencies on first start (unless <c>--no-demo</c>) and makes the data-protection key ring, one instance
/// at a time (<see cref="StartupLock"/>); then prints how to sign in.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, IConfiguration config, IHostApplicationLifetime lifetime, IServer server)
    : IHostedService
{
    public const string NoDemoKey = "Kinerja:NoDemo";

    public async Task StartAsync(CancellationToken ct)
    {
        var settings = services.GetRequiredService<KinerjaSettings>();
        // Several instances may start at once on one database: one at a time migrates, creates the administrator and seeds.
        await using var startupLock = await StartupLock.AcquireAsync(settings, ct);
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
        // The data-protection key ring (cookies, antiforgery) too: instances sharing the key folder that start together
        // would each create a key when there is none; under the lock the first creates it and the others read it.
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Kinerja.Startup").Protect([1]);
        await startupLock.DisposeAsync();
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

/// <summary>
/// On PostgreSQL, a session advisory lock held while an instance runs its start-up tasks, so instances starting together
/// on one database take turns (the first migrates, seeds and creates the data-protection key; the next find them done).
/// Without it two instances on an empty database both ran the migrations and one failed ("relation already exists").
/// On SQLite there is one process.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    private const long Key = 0x4B494E45524A41; // "KINERJA"
    private Npgsql.NpgsqlConnection? _connection;

    public static async Task<StartupLock> AcquireAsync(KinerjaSettings settings, CancellationToken ct)
    {
        var held = new StartupLock();
        if (settings.Database != DatabaseKind.Postgres) return held;
        // Not pooled: the lock belongs to the session, which ends when the connection closes whatever happens.
        var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
            return held; // the database does not exist yet: migrations create it, without the lock
        }

        // Waits as long as the other instance's start-up takes (first start seeds the demo agencies).
        await using (var cmd = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection) { CommandTimeout = 0 })
        {
            await cmd.ExecuteNonQueryAsync(ct);
        }

        held._connection = connection;
        return held;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        await _connection.DisposeAsync(); // ends the session, which releases the lock
        _connection = null;
    }
}
