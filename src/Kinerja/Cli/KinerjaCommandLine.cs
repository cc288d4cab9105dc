using System.CommandLine;
using Kinerja.Data;
using Kinerja.Features.Audit;
using Kinerja.Features.Organisation;
using Kinerja.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Cli;

public static class KinerjaCommandLine
{
    public static RootCommand Build()
    {
        var noDemo = new Option<bool>("--no-demo") { Description = "Mulai kosong, tanpa instansi demo / start empty, without the demo agencies" };
        var root = new RootCommand(
            "Kinerja: pengumpulan data kinerja SAKIP. Tanpa perintah: menjalankan aplikasi web dan API. " +
            "Options of ASP.NET Core such as --urls http://127.0.0.1:5000 are accepted.")
        {
            noDemo,
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(async (parse, ct) =>
        {
            var webArgs = parse.Tokens.Select(t => t.Value).Where(v => v != "--no-demo").ToList();
            if (parse.GetValue(noDemo)) webArgs.Add($"--{StartupTasks.NoDemoKey}=true");
            await KinerjaApp.CreateBuilder([.. webArgs]).Build().BuildPipeline().RunAsync(ct);
            return 0;
        });

        var migrate = new Command("migrate", "Terapkan migrasi basis data / apply database migrations");
        migrate.SetAction(async (_, ct) =>
        {
            await using var app = KinerjaApp.CreateBuilder([]).Build();
            // Takes turns with servers starting on the same PostgreSQL database (StartupLock).
            await using var turn = await StartupLock.AcquireAsync(app.Services.GetRequiredService<KinerjaSettings>(), ct);
            await Database.MigrateAsync(app.Services, ct);
            Console.WriteLine("Basis data mutakhir / database is up to date.");
            return 0;
        });
        root.Subcommands.Add(migrate);

        var demo = new Command("demo", "Isi instansi demo dari SOP contoh / seed the demo agencies");
        demo.SetAction(async (_, ct) =>
        {
            await using var app = KinerjaApp.CreateBuilder([]).Build();
            await using var turn = await StartupLock.AcquireAsync(app.Services.GetRequiredService<KinerjaSettings>(), ct);
            await Database.MigrateAsync(app.Services, ct);
            var created = await DemoSeeding.SeedAsync(app.Services, ct);
            Console.WriteLine(created.Count == 0
                ? "Instansi demo sudah ada / the demo agencies already exist."
                : $"{created.Count} pengguna demo dibuat / demo users created. Kata sandi / password: {DemoSeeding.Password(app.Configuration)}");
            return 0;
        });
        root.Subcommands.Add(demo);

        root.Subcommands.Add(UserCommand());
        root.Subcommands.Add(AuditCommand());
        root.Subcommands.Add(BackupCommand());
        root.Subcommands.Add(RestoreCommand());
        return root;
    }

    private static Command UserCommand()
    {
        var username = new Option<string>("--username") { Description = "Nama pengguna", Required = true };
        var password = new Option<string>("--password") { Description = "Kata sandi (min. 10, huruf besar, huruf kecil, angka)", Required = true };
        var fullName = new Option<string>("--full-name") { Description = "Nama lengkap", Required = true };
        var agency = new Option<string?>("--agency") { Description = "Nama instansi (tidak perlu dengan --system-admin)" };
        var unit = new Option<string?>("--unit") { Description = "Nama unit di instansi itu" };
        var role = new Option<string?>("--role") { Description = "head, secretary, coordinator, unitHead, staff, admin, viewer" };
        var nip = new Option<string?>("--nip") { Description = "NIP 18 digit" };
        var systemAdmin = new Option<bool>("--system-admin") { Description = "Administrator seluruh instansi" };
        var create = new Command("create", "Buat pengguna / create a user")
        {
            username, password, fullName, agency, unit, role, nip, systemAdmin,
        };
        create.SetAction(async (parse, ct) =>
        {
            await using var app = KinerjaApp.CreateBuilder([]).Build();
            await Database.MigrateAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            sp.GetRequiredService<AuditActor>().UserName = "cli";
            if (parse.GetValue(systemAdmin))
            {
                var users = sp.GetRequiredService<UserManager<AppUser>>();
                var result = await users.CreateAsync(new AppUser
                {
                    Id = Guid.CreateVersion7(), UserName = parse.GetValue(username), FullName = parse.GetValue(fullName)!, IsSystemAdmin = true,
                }, parse.GetValue(password)!);
                return Report(result.Succeeded, string.Join(" ", result.Errors.Select(e => IdentityMessages.Translate(e).ToString())));
            }

            var db = sp.GetRequiredService<KinerjaDbContext>();
            var agencyName = parse.GetValue(agency);
            var a = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(x => x.Name == agencyName, ct);
            if (a is null) return Report(false, $"Instansi \"{agencyName}\" tidak ditemukan. Gunakan --agency dengan nama instansi.");
            var unitName = parse.GetValue(unit);
            var u = await db.Units.AsNoTracking().FirstOrDefaultAsync(x => x.AgencyId == a.Id && x.Name == unitName, ct);
            if (u is null) return Report(false, $"Unit \"{unitName}\" tidak ditemukan di {a.Name}. Gunakan --unit.");

            // The command line acts with the authority of whoever runs the server binary: as a system admin.
            sp.GetRequiredService<Kinerja.Security.CurrentUser>().ActAsSystem("cli");
            try
            {
                var dto = await sp.GetRequiredService<CreateUser>().HandleAsync(a.Id, new CreateUserRequest(
                    parse.GetValue(username), parse.GetValue(password), parse.GetValue(fullName), parse.GetValue(nip), u.Id,
                    parse.GetValue(role)), ct);
                return Report(true, $"Pengguna {dto.UserName} dibuat di {a.Name} / {u.Name}.");
            }
            catch (AppProblem p)
            {
                return Report(false, string.Join(" ", new[] { p.Title.ToString() }.Concat(p.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")))));
            }
        });
        return new Command("user", "Kelola pengguna / manage users") { create };
    }

    private static Command AuditCommand()
    {
        var verify = new Command("verify", "Periksa rantai hash jejak audit / verify the audit hash chain (exit code 2 when broken)");
        verify.SetAction(async (_, ct) =>
        {
            await using var app = KinerjaApp.CreateBuilder([]).Build();
            await using var scope = app.Services.CreateAsyncScope();
            var v = await scope.ServiceProvider.GetRequiredService<VerifyAudit>().HandleAsync(ct);
            if (v.Intact)
            {
                Console.WriteLine($"Jejak audit utuh: {v.RecordsChecked} catatan diperiksa. / Audit chain intact: {v.RecordsChecked} records.");
                return 0;
            }

            Console.Error.WriteLine($"JEJAK AUDIT RUSAK di catatan nomor {v.BrokenAt}: {v.Reason}");
            Console.Error.WriteLine($"AUDIT CHAIN BROKEN at record {v.BrokenAt} ({v.RecordsChecked} records before it are intact).");
            return 2;
        });
        return new Command("audit", "Jejak audit / audit trail") { verify };
    }

    private static Command BackupCommand()
    {
        var file = new Argument<string>("file") { Description = "Berkas cadangan yang dibuat (.tar.gz) / the backup file to write" };
        var command = new Command("backup", "Cadangkan basis data, berkas unggahan dan kunci ke satu berkas / back up the database, files and keys into one file")
        {
            file,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = KinerjaApp.CreateBuilder([]).Build();
            var target = parse.GetValue(file)!;
            try
            {
                var m = await Backup.CreateAsync(app.Services, target, ct);
                Console.WriteLine($"Cadangan dibuat / backup written: {Path.GetFullPath(target)} ({m.Rows.Values.Sum()} baris/rows in {m.Rows.Count} tabel/tables, " +
                                  $"jejak audit/audit records: {m.AuditSequence}). Simpan seaman server: berisi hash kata sandi dan kunci. / Keep it as safe as the server.");
                return 0;
            }
            catch (InvalidOperationException e)
            {
                return Report(false, "Cadangan gagal / backup failed: " + e.Message);
            }
        });
        return command;
    }

    private static Command RestoreCommand()
    {
        var file = new Argument<string>("file") { Description = "Berkas cadangan (.tar.gz) / the backup file" };
        var command = new Command("restore",
            "Pulihkan cadangan ke basis data KOSONG yang dikonfigurasi, lalu periksa jumlah baris dan rantai audit / restore into the configured EMPTY database, then check row counts and the audit chain (exit code 2 when they differ)")
        {
            file,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = KinerjaApp.CreateBuilder([]).Build();
            try
            {
                var problems = await Backup.RestoreAsync(app.Services, parse.GetValue(file)!, ct);
                if (problems.Count == 0)
                {
                    Console.WriteLine("Cadangan dipulihkan; jumlah baris sama dan jejak audit utuh. / Restored; row counts match and the audit chain is intact.");
                    return 0;
                }

                foreach (var p in problems) Console.Error.WriteLine(p);
                return 2;
            }
            catch (InvalidOperationException e)
            {
                return Report(false, "Pemulihan gagal / restore failed: " + e.Message);
            }
        });
        return command;
    }

    private static int Report(bool ok, string message)
    {
        (ok ? Console.Out : Console.Error).WriteLine(message);
        return ok ? 0 : 1;
    }
}
