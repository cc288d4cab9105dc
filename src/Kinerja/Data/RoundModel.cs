using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Kinerja.Domain.Rounds;
using Kinerja.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data;

/// <summary>Mapping of collection rounds, worksheets and their lines.</summary>
internal static class RoundModel
{
    public static void ConfigureRounds(this ModelBuilder b)
    {
        b.Entity<Round>(e =>
        {
            e.Property(r => r.Period).HasMaxLength(10);
            e.Property(r => r.SopTemplateId).HasMaxLength(60);
            e.Property(r => r.DispositionText).HasMaxLength(4000);
            e.Property(r => r.OrderedBy).HasMaxLength(256);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.SopJson).HasMaxLength(200_000);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.AgencyId, r.Period });
        });
        b.Entity<Worksheet>(e =>
        {
            e.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(w => w.SubmittedBy).HasMaxLength(256);
            e.Property(w => w.Version).IsConcurrencyToken();
            e.HasOne<Round>().WithMany().HasForeignKey(w => w.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(w => w.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(w => new { w.RoundId, w.UnitId }).IsUnique();
            e.HasIndex(w => new { w.AgencyId, w.Status });
        });
        b.Entity<Kinerja.Domain.Sop.RoundStep>(e =>
        {
            e.Property(x => x.CompletedBy).HasMaxLength(256);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.FileSha256).HasMaxLength(64).IsFixedLength();
            e.Property(x => x.FileName).HasMaxLength(EvidenceRules.MaxNameLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.RoundId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.CompletedAt, x.EscalatedAt });
        });
        b.Entity<Kinerja.Domain.Sop.AgencySopTemplate>(e =>
        {
            e.Property(x => x.Id).HasMaxLength(80).ValueGeneratedNever();
            e.Property(x => x.Json).HasMaxLength(200_000);
            e.Property(x => x.ImportedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.AgencyId);
        });
        b.Entity<WorksheetLine>(e =>
        {
            foreach (var p in new[] { "TargetToDate", "PeriodTarget", "RangeLow", "RangeHigh", "PreviousRealization", "Realization" })
            {
                e.Property<decimal?>(p).HasPrecision(24, 6);
            }

            e.Property(l => l.Explanation).HasMaxLength(4000);
            e.Property(l => l.Review).HasConversion<string>().HasMaxLength(20);
            e.Property(l => l.ReviewReason).HasMaxLength(1000);
            e.Property(l => l.ReviewedBy).HasMaxLength(256);
            e.Property(l => l.FilledBy).HasMaxLength(256);
            e.Property(l => l.Version).IsConcurrencyToken();
            e.HasOne<Worksheet>().WithMany().HasForeignKey(l => l.WorksheetId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Indicator>().WithMany().HasForeignKey(l => l.IndicatorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => new { l.WorksheetId, l.IndicatorId }).IsUnique();
        });
    
        b.Entity<LineEvidence>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.FileName).HasMaxLength(EvidenceRules.MaxNameLength);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
            e.Property(x => x.Url).HasMaxLength(EvidenceRules.MaxLinkLength);
            e.Property(x => x.Note).HasMaxLength(EvidenceRules.MaxNoteLength);
            e.Property(x => x.AddedBy).HasMaxLength(256);
            e.HasOne<Worksheet>().WithMany().HasForeignKey(x => x.WorksheetId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<WorksheetLine>().WithMany().HasForeignKey(x => x.LineId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.Sha256);
        });
        b.Entity<LineComment>(e =>
        {
            e.Property(x => x.Author).HasMaxLength(256);
            e.Property(x => x.AuthorName).HasMaxLength(256);
            e.Property(x => x.Body).HasMaxLength(LineComment.MaxLength);
            e.HasOne<Worksheet>().WithMany().HasForeignKey(x => x.WorksheetId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<WorksheetLine>().WithMany().HasForeignKey(x => x.LineId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<WorksheetSubmission>(e =>
        {
            e.Property(x => x.SubmittedBy).HasMaxLength(256);
            e.HasOne<Worksheet>().WithMany().HasForeignKey(x => x.WorksheetId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.WorksheetId, x.Number }).IsUnique();
        });
        b.Entity<Worksheet>().Property(w => w.ReopenReason).HasMaxLength(1000);
        b.Entity<WorksheetBudgetLine>(e =>
        {
            e.Property(l => l.Pagu).HasPrecision(20, 2);
            foreach (var p in new[] { "PlannedToDate", "PlannedPeriod", "Realization" })
            {
                e.Property<decimal?>(p).HasPrecision(20, 2);
            }

            e.Property(l => l.Version).IsConcurrencyToken();
            e.HasOne<Worksheet>().WithMany().HasForeignKey(l => l.WorksheetId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<BudgetItem>().WithMany().HasForeignKey(l => l.BudgetItemId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => new { l.WorksheetId, l.BudgetItemId }).IsUnique();
        });
        b.Entity<AgencyHoliday>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.AgencyId, x.Date }).IsUnique();
        });
        b.Entity<Notification>(e =>
        {
            e.Property(x => x.Template).HasMaxLength(500);
            e.Property(x => x.ArgsJson).HasMaxLength(2000);
            e.Property(x => x.Link).HasMaxLength(300);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.EmailStatus).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.EmailError).HasMaxLength(500);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.UserId, x.ReadAt });
            e.HasIndex(x => x.EmailStatus);
        });
    }
}
