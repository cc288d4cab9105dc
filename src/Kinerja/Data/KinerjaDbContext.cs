using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kinerja.Domain.Achievement;
using Kinerja.Domain.Audit;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Reports;
using Kinerja.Domain.Rounds;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kinerja.Data;

/// <summary>
/// The database. Provider-specific subclasses (<see cref="SqliteKinerjaDbContext"/>,
/// <see cref="PostgresKinerjaDbContext"/>) exist only to keep one migration set per provider.
/// Every SaveChanges writes the audit records of its changes in the same transaction.
/// </summary>
public abstract class KinerjaDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    /// <summary>
    /// Who saves, and the clock of the audit records. Contexts are pooled (creating one was a fifth of what a request
    /// allocated), so the request's scope sets both each time it takes a context from the pool (KinerjaApp).
    /// </summary>
    public AuditActor Actor { get; set; } = new();

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>How an agency's category bands are stored (one JSON text column).</summary>
    private static readonly JsonSerializerOptions BandJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Values never copied into the audit trail (only that they changed): secrets, and a report version's content,
    /// which is large and identified by the DOCX hash recorded next to it.
    /// </summary>
    private static bool IsSecret(EntityEntry e, string property) =>
        property is "PasswordHash" or "SecurityStamp"
        || (e.Entity is IdentityUserToken<Guid> && property == "Value")
        || (e.Entity is ReportVersion && property == nameof(ReportVersion.ContentJson))
        || (e.Entity is Round && property == nameof(Round.SopJson));

    public DbSet<Government> Governments => Set<Government>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<OrgUnit> Units => Set<OrgUnit>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<PositionHolder> PositionHolders => Set<PositionHolder>();
    public DbSet<StrategicPlan> StrategicPlans => Set<StrategicPlan>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<BudgetItem> BudgetItems => Set<BudgetItem>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<IndicatorHistory> IndicatorHistory => Set<IndicatorHistory>();
    public DbSet<PerformanceAgreement> Agreements => Set<PerformanceAgreement>();
    public DbSet<AgreementRevision> AgreementRevisions => Set<AgreementRevision>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<Worksheet> Worksheets => Set<Worksheet>();
    public DbSet<WorksheetLine> WorksheetLines => Set<WorksheetLine>();
    public DbSet<LineEvidence> LineEvidence => Set<LineEvidence>();
    public DbSet<LineComment> LineComments => Set<LineComment>();
    public DbSet<WorksheetSubmission> WorksheetSubmissions => Set<WorksheetSubmission>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<WorksheetBudgetLine> WorksheetBudgetLines => Set<WorksheetBudgetLine>();
    public DbSet<AgencyHoliday> AgencyHolidays => Set<AgencyHoliday>();
    public DbSet<Kinerja.Domain.Sop.RoundStep> RoundSteps => Set<Kinerja.Domain.Sop.RoundStep>();
    public DbSet<Kinerja.Domain.Sop.AgencySopTemplate> AgencySopTemplates => Set<Kinerja.Domain.Sop.AgencySopTemplate>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();
    public DbSet<ReportNarrative> ReportNarratives => Set<ReportNarrative>();
    public DbSet<ReportComment> ReportComments => Set<ReportComment>();
    public DbSet<ReportStep> ReportSteps => Set<ReportStep>();
    public DbSet<ReportSignature> ReportSignatures => Set<ReportSignature>();
    public DbSet<LetterRegister> LetterRegisters => Set<LetterRegister>();
    public DbSet<Letter> Letters => Set<Letter>();
    public DbSet<ReportDispatch> ReportDispatches => Set<ReportDispatch>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(b =>
        {
            b.Property(u => u.FullName).HasMaxLength(200);
            b.Property(u => u.Nip).HasMaxLength(18);
            b.Property(u => u.Rank).HasMaxLength(100);
            b.HasIndex(u => u.HomeAgencyId);
            b.HasOne<Agency>().WithMany().HasForeignKey(u => u.HomeAgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Government>(b =>
        {
            b.Property(g => g.Name).HasMaxLength(200);
            b.Property(g => g.Kind).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(g => g.Name).IsUnique();
        });

        builder.Entity<Agency>(b =>
        {
            b.Property(a => a.Name).HasMaxLength(200);
            b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.Address).HasMaxLength(300);
            b.Property(a => a.LetterNumberPattern).HasMaxLength(100);
            b.Property(a => a.AchievementCap).HasPrecision(9, 2);
            b.Property(a => a.CategoryBands).HasMaxLength(2000).HasConversion(
                bands => bands == null ? null : JsonSerializer.Serialize(bands, BandJson),
                json => json == null ? null : JsonSerializer.Deserialize<List<CategoryBand>>(json, BandJson),
                new ValueComparer<IReadOnlyList<CategoryBand>?>(
                    (x, y) => x == null ? y == null : y != null && x.SequenceEqual(y),
                    bands => bands == null ? 0 : bands.Aggregate(0, (h, b) => HashCode.Combine(h, b)),
                    bands => bands == null ? null : bands.ToList()));
            b.Ignore(a => a.CategoryScale);
            b.HasOne<Government>().WithMany().HasForeignKey(a => a.GovernmentId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(a => new { a.GovernmentId, a.Name }).IsUnique();
            b.Property(a => a.Version).IsConcurrencyToken();
        });

        builder.Entity<OrgUnit>(b =>
        {
            b.ToTable("OrgUnits");
            b.Property(u => u.Name).HasMaxLength(200);
            b.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(u => new { u.AgencyId, u.ParentId, u.Name }).IsUnique();
            b.Property(u => u.Version).IsConcurrencyToken();
        });

        builder.Entity<Position>(b =>
        {
            b.Property(p => p.Title).HasMaxLength(200);
            b.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
            b.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(p => new { p.AgencyId, p.UnitId, p.Title }).IsUnique();
        });

        builder.Entity<PositionHolder>(b =>
        {
            b.Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
            b.Ignore(h => h.Tenure);
            b.HasOne<Position>().WithMany().HasForeignKey(h => h.PositionId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<AppUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(h => h.UserId);
            b.HasIndex(h => h.PositionId);
        });

        builder.ConfigurePlan();
        builder.ConfigureRounds();
        builder.ConfigureReports();

        builder.Entity<AuditRecord>(b =>
        {
            b.HasKey(r => r.Sequence);
            b.Property(r => r.Sequence).ValueGeneratedNever();
            b.Property(r => r.UserId).HasMaxLength(64);
            b.Property(r => r.UserName).HasMaxLength(256);
            b.Property(r => r.AgencyId).HasMaxLength(64);
            b.Property(r => r.Action).HasMaxLength(20);
            b.Property(r => r.EntityType).HasMaxLength(100);
            b.Property(r => r.EntityId).HasMaxLength(200);
            b.Property(r => r.PreviousHash).HasMaxLength(64);
            b.Property(r => r.Hash).HasMaxLength(64);
            b.HasIndex(r => new { r.AgencyId, r.At });
        });

        builder.Entity<AuditHead>(b =>
        {
            b.Property(h => h.Id).ValueGeneratedNever();
            b.Property(h => h.Hash).HasMaxLength(64);
            b.HasData(new AuditHead { Id = 1, Sequence = 0, Hash = AuditChain.Genesis });
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once here; each look at the tracker below, and base.SaveChangesAsync, would otherwise detect
        // them again (the save path of every cell runs this). What is changed after this point goes through the tracker.
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<int> SaveAuditedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (ChangeTracker.Entries<WorksheetSubmission>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("A submitted worksheet version is immutable.");
        if (ChangeTracker.Entries<ReportVersion>().Any(e => e.State == EntityState.Deleted
                || (e.State == EntityState.Modified && e.Entity.IsSigned && e.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(ReportVersion.PdfStatus)
                    && p.Metadata.Name != nameof(ReportVersion.PdfProgress) && p.Metadata.Name != nameof(ReportVersion.PdfMessage)))))
            throw new InvalidOperationException("A signed report version is immutable and no version is ever deleted.");
        if (ChangeTracker.Entries<Report>().Any(e => e.State is EntityState.Modified or EntityState.Deleted
                && e.Property(r => r.Status).OriginalValue == ReportStatus.Archived))
            throw new InvalidOperationException("An archived report is immutable.");
        if (ChangeTracker.Entries<ReportSignature>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("A signature is immutable.");
        foreach (var e in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            var version = e.Property(v => v.Version);
            version.CurrentValue = version.OriginalValue + 1;
        }

        var changes = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                        && e.Entity is not AuditRecord and not AuditHead and not Notification)
            .Select(Describe)
            .Where(c => c is not null)
            .Select(c => c!)
            .ToList();
        if (changes.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Writers of this process queue here (SQLite) instead of colliding on the database lock.
        using var gate = Database.CurrentTransaction is null ? await EnterWriteAsync(cancellationToken) : null;
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            // Taking the head row's write lock first serialises audit writers, so the chain never forks; the same
            // statement reads the head (one round trip on the path every save takes).
            var head = await LockAndReadHeadAsync(cancellationToken);
            var at = AuditChain.Normalize(Clock.GetUtcNow());
            foreach (var c in changes)
            {
                var seq = head.Sequence + 1;
                var hash = AuditChain.ComputeHash(seq, at, Actor.UserId, Actor.UserName, c.AgencyId, c.Action,
                    c.EntityType, c.EntityId, c.Before, c.After, head.Hash);
                AuditRecords.Add(new AuditRecord
                {
                    Sequence = seq, At = at, UserId = Actor.UserId, UserName = Actor.UserName, AgencyId = c.AgencyId,
                    Action = c.Action, EntityType = c.EntityType, EntityId = c.EntityId, Before = c.Before,
                    After = c.After, PreviousHash = head.Hash, Hash = hash,
                });
                Entry(head).Property(h => h.Sequence).CurrentValue = seq;
                Entry(head).Property(h => h.Hash).CurrentValue = hash;
            }

            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();

            // The head and the records are written once: never keep them tracked. A later save in this context
            // (or a retry after a failed one) must read the head afresh, or the chain would fork or repeat.
            foreach (var e in ChangeTracker.Entries().Where(e => e.Entity is AuditRecord or AuditHead).ToList()) e.State = EntityState.Detached;
        }
    }

    /// <summary>
    /// A transaction for work that reads what it is about to change (numbering): takes this process's write turn first
    /// (SQLite), so SaveChanges inside it joins the transaction. Commit it; disposing without commit rolls back.
    /// </summary>
    public async Task<WriteScope> BeginWriteAsync(CancellationToken ct)
    {
        var gate = await EnterWriteAsync(ct);
        try
        {
            var transaction = await Database.BeginTransactionAsync(ct);
            // Take the audit head's lock first, as every audited save does: work in the scope that locks rows of its own
            // (a letter register) then saves would otherwise wait for the head while a plain save holding the head waits
            // for those rows (a deadlock PostgreSQL reports under concurrent numbering).
            await Database.ExecuteSqlRawAsync(LockHeadSql, ct);
            return new WriteScope(transaction, gate);
        }
        catch
        {
            gate?.Dispose();
            throw;
        }
    }

    public sealed class WriteScope(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, IDisposable? gate) : IAsyncDisposable
    {
        public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            gate?.Dispose();
        }
    }

    /// <summary>Waits for this process's turn to write, where the database needs it; disposing ends the turn.</summary>
    protected virtual ValueTask<IDisposable?> EnterWriteAsync(CancellationToken ct) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>A no-op update of the head row: takes its row lock (PostgreSQL) or the write lock (SQLite).</summary>
    private const string LockHeadSql = """UPDATE "AuditHeads" SET "Sequence" = "Sequence" WHERE "Id" = 1""";

    private const string LockAndReadHeadSql = LockHeadSql + """ RETURNING "Sequence", "Hash" """;

    /// <summary>Locks the head row and reads it in one statement, in the save's transaction, with a plain command (no query pipeline).</summary>
    private async Task<AuditHead> LockAndReadHeadAsync(CancellationToken ct)
    {
        await using var command = Database.GetDbConnection().CreateCommand();
        command.Transaction = Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = LockAndReadHeadSql;
        AuditHead head;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("The audit chain head row is missing.");
            head = new AuditHead { Id = 1, Sequence = reader.GetInt64(0), Hash = reader.GetString(1) };
        }

        AuditHeads.Attach(head);
        return head;
    }

    private sealed record Change(string Action, string EntityType, string EntityId, string? AgencyId, string? Before, string? After);

    private static Change? Describe(EntityEntry e)
    {
        var type = e.Metadata.ClrType.Name;
        var key = string.Join(",", e.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(e.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
        var agency = e.Entity is IAgencyOwned owned && owned.AgencyId != Guid.Empty
            ? owned.AgencyId.ToString()
            : null;

        Dictionary<string, object?> Values(Func<PropertyEntry, object?> pick, Func<PropertyEntry, bool> which) =>
            e.Properties.Where(which).ToDictionary(p => p.Metadata.Name,
                p => IsSecret(e, p.Metadata.Name) && pick(p) is not null ? "***" : pick(p));

        string Json(Dictionary<string, object?> v) => JsonSerializer.Serialize(v, AuditJson);

        switch (e.State)
        {
            case EntityState.Added:
                return new("create", type, key, agency, null, Json(Values(p => p.CurrentValue, _ => true)));
            case EntityState.Deleted:
                return new("delete", type, key, agency, Json(Values(p => p.OriginalValue, _ => true)), null);
            default:
                // PropertyEntry objects are created anew on each enumeration: match them by name.
                var modified = e.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                    .Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal);
                if (modified.Count == 0) return null;
                if (modified.All(n => n == "ConcurrencyStamp")) return null;
                return new("update", type, key, agency,
                    Json(Values(p => p.OriginalValue, p => modified.Contains(p.Metadata.Name))),
                    Json(Values(p => p.CurrentValue, p => modified.Contains(p.Metadata.Name))));
        }
    }
}

public sealed class SqliteKinerjaDbContext(DbContextOptions<SqliteKinerjaDbContext> options)
    : KinerjaDbContext(options)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> WriteGates = new(StringComparer.Ordinal);

    /// <summary>
    /// SQLite has one writer at a time. Without a queue, concurrent writers meet SQLITE_BUSY and the driver
    /// retries after sleeping, so a deadline rush turns into long waits. One gate per database file makes this
    /// process's writers take turns instead (other processes still meet the database's own lock).
    /// Explicit multi-statement transactions (imports) do not take the gate, so they can never wait on it.
    /// </summary>
    protected override async ValueTask<IDisposable?> EnterWriteAsync(CancellationToken ct)
    {
        var gate = WriteGates.GetOrAdd(Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) gate.Release();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no DateTimeOffset type; store UTC ticks so values sort and compare in SQL.
        configurationBuilder.Properties<DateTimeOffset>()
            .HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>()
            .HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresKinerjaDbContext(DbContextOptions<PostgresKinerjaDbContext> options)
    : KinerjaDbContext(options)
{
}
