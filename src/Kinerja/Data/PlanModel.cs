using Kinerja.Domain.Organisation;
using Kinerja.Domain.Plan;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data;

/// <summary>Mapping of the performance plan: Renstra, goals, objectives, budget, indicators, targets, agreements.</summary>
internal static class PlanModel
{
    private const int Figure = 6;   // decimals kept for indicator figures
    private const int Money = 2;    // rupiah with sen

    public static void ConfigurePlan(this ModelBuilder b)
    {
        b.Entity<StrategicPlan>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(300);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.AgencyId, p.FirstYear }).IsUnique();
        });
        b.Entity<Goal>(e =>
        {
            e.Property(g => g.Code).HasMaxLength(30);
            e.Property(g => g.Name).HasMaxLength(1000);
            e.HasOne<StrategicPlan>().WithMany().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(g => new { g.PlanId, g.Code }).IsUnique();
        });
        b.Entity<Objective>(e =>
        {
            e.Property(o => o.Code).HasMaxLength(30);
            e.Property(o => o.Name).HasMaxLength(1000);
            e.HasOne<StrategicPlan>().WithMany().HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Goal>().WithMany().HasForeignKey(o => o.GoalId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(o => new { o.PlanId, o.Code }).IsUnique();
        });
        b.Entity<BudgetItem>(e =>
        {
            e.Property(i => i.Code).HasMaxLength(60);
            e.Property(i => i.Name).HasMaxLength(500);
            e.Property(i => i.Level).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Agency>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<BudgetItem>().WithMany().HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(i => new { i.AgencyId, i.Code }).IsUnique();
        });
        b.Entity<BudgetLine>(e =>
        {
            e.Property(l => l.Pagu).HasPrecision(20, Money);
            e.Property(l => l.Q1).HasPrecision(20, Money);
            e.Property(l => l.Q2).HasPrecision(20, Money);
            e.Property(l => l.Q3).HasPrecision(20, Money);
            e.Property(l => l.Q4).HasPrecision(20, Money);
            e.HasOne<BudgetItem>().WithMany().HasForeignKey(l => l.BudgetItemId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => new { l.BudgetItemId, l.Year }).IsUnique();
            e.HasIndex(l => new { l.AgencyId, l.Year });
        });
        b.Entity<Indicator>(e =>
        {
            e.Property(i => i.Code).HasMaxLength(30);
            e.Property(i => i.Name).HasMaxLength(1000);
            e.Property(i => i.Measure).HasMaxLength(50);
            e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.Polarity).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.Aggregation).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.Weight).HasPrecision(9, 4);
            e.Property(i => i.Definition).HasMaxLength(4000);
            e.Property(i => i.DataSource).HasMaxLength(1000);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.HasOne<Agency>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Objective>().WithMany().HasForeignKey(i => i.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<BudgetItem>().WithMany().HasForeignKey(i => i.BudgetItemId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Indicator>().WithMany().HasForeignKey(i => i.SupportsIndicatorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(i => new { i.AgencyId, i.Code }).IsUnique();
            e.HasIndex(i => i.UnitId);
        });
        b.Entity<IndicatorTarget>(e =>
        {
            foreach (var p in new[] { "Annual", "Q1", "Q2", "Q3", "Q4", "RangeLow", "RangeHigh", "StrategicEndTarget", "NationalStandard", "Baseline" })
            {
                e.Property<decimal?>(p).HasPrecision(24, Figure);
            }

            e.Ignore(t => t.Values);
            e.Ignore(t => t.Months);
            e.Property(t => t.MonthsJson).HasMaxLength(1000);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.HasOne<Indicator>().WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.IndicatorId, t.Year }).IsUnique();
            e.HasIndex(t => new { t.AgencyId, t.Year });
        });
        b.Entity<IndicatorHistory>(e =>
        {
            e.ToTable("IndicatorHistory");
            e.Property(h => h.Realization).HasPrecision(24, Figure);
            e.HasOne<Indicator>().WithMany().HasForeignKey(h => h.IndicatorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(h => new { h.IndicatorId, h.Year }).IsUnique();
            e.HasIndex(h => new { h.AgencyId, h.Year }); // the recap and reports read an agency's years of history
        });
        b.Entity<PerformanceAgreement>(e =>
        {
            e.Property(a => a.SignedBy).HasMaxLength(256);
            e.Property(a => a.SignedDocumentHash).HasMaxLength(64);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Ignore(a => a.IsSigned);
            e.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.Property(a => a.ScopeKey).HasMaxLength(40);
            e.Property(a => a.SignatureJson).HasMaxLength(4000);
            e.HasIndex(a => new { a.AgencyId, a.Year, a.ScopeKey }).IsUnique();
        });
        b.Entity<AgreementRevision>(e =>
        {
            e.Property(r => r.IndicatorCode).HasMaxLength(30);
            e.Property(r => r.Reason).HasMaxLength(1000);
            e.Property(r => r.By).HasMaxLength(256);
            e.HasOne<PerformanceAgreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.AgreementId, r.Number });
        });
    }
}
