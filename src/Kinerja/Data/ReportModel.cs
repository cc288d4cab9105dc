using Kinerja.Domain.Organisation;
using Kinerja.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data;

/// <summary>Mapping of performance reports, their versions, sections, comments, steps, signatures, letters and dispatches.</summary>
internal static class ReportModel
{
    private const int Sha = 64;

    public static void ConfigureReports(this ModelBuilder b)
    {
        b.Entity<Report>(e =>
        {
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
            e.Property(r => r.Period).HasMaxLength(10);
            e.Property(r => r.CreatedBy).HasMaxLength(256);
            e.Property(r => r.MeetingAttendees).HasMaxLength(4000);
            e.Property(r => r.MeetingDecisions).HasMaxLength(4000);
            e.Property(r => r.MinutesSha256).HasMaxLength(Sha).IsFixedLength();
            e.Property(r => r.MinutesFileName).HasMaxLength(200);
            e.Property(r => r.LetterNumber).HasMaxLength(120);
            e.Property(r => r.LetterDocxSha256).HasMaxLength(Sha).IsFixedLength();
            e.Property(r => r.FinalDocxSha256).HasMaxLength(Sha).IsFixedLength();
            e.Property(r => r.FinalPdfSha256).HasMaxLength(Sha).IsFixedLength();
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Ignore(r => r.IsEditable);
            e.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.AgencyId, r.Kind, r.Period }).IsUnique();
        });
        b.Entity<ReportVersion>(e =>
        {
            e.Property(v => v.CreatedBy).HasMaxLength(256);
            e.Property(v => v.Reason).HasMaxLength(1000);
            e.Property(v => v.DocxSha256).HasMaxLength(Sha).IsFixedLength();
            e.Property(v => v.PdfSha256).HasMaxLength(Sha).IsFixedLength();
            e.Property(v => v.PdfStatus).HasConversion<string>().HasMaxLength(10);
            e.Property(v => v.PdfMessage).HasMaxLength(2000);
            e.HasOne<Report>().WithMany().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
            e.HasIndex(v => v.PdfStatus);
        });
        b.Entity<ReportNarrative>(e =>
        {
            e.Property(s => s.Key).HasMaxLength(80);
            e.Property(s => s.Text).HasMaxLength(ReportTexts.MaxNarrative);
            e.Property(s => s.UpdatedBy).HasMaxLength(256);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => new { s.ReportId, s.Key }).IsUnique();
        });
        b.Entity<ReportComment>(e =>
        {
            e.Property(c => c.SectionKey).HasMaxLength(80);
            e.Property(c => c.Text).HasMaxLength(ReportTexts.MaxComment);
            e.Property(c => c.Author).HasMaxLength(256);
            e.Property(c => c.AuthorPosition).HasMaxLength(200);
            e.HasOne<Report>().WithMany().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.ReportId);
        });
        b.Entity<ReportStep>(e =>
        {
            e.Property(s => s.Action).HasConversion<string>().HasMaxLength(30);
            e.Property(s => s.From).HasConversion<string>().HasMaxLength(30);
            e.Property(s => s.To).HasConversion<string>().HasMaxLength(30);
            e.Property(s => s.Actor).HasMaxLength(256);
            e.Property(s => s.ActorName).HasMaxLength(256);
            e.Property(s => s.Position).HasMaxLength(200);
            e.Property(s => s.Note).HasMaxLength(4000);
            e.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => s.ReportId);
        });
        b.Entity<ReportSignature>(e =>
        {
            e.Property(s => s.Code).HasMaxLength(20);
            e.Property(s => s.Signer).HasMaxLength(256);
            e.Property(s => s.SignerName).HasMaxLength(256);
            e.Property(s => s.Position).HasMaxLength(200);
            e.Property(s => s.Rank).HasMaxLength(100);
            e.Property(s => s.Nip).HasMaxLength(18);
            e.Property(s => s.DocxSha256).HasMaxLength(Sha).IsFixedLength();
            e.Property(s => s.PdfSha256).HasMaxLength(Sha).IsFixedLength();
            e.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => s.Code).IsUnique();
            e.HasIndex(s => s.ReportId);
        });
        b.Entity<LetterRegister>(e =>
        {
            e.HasKey(r => new { r.AgencyId, r.Year });
            e.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Letter>(e =>
        {
            e.Property(l => l.Number).HasMaxLength(120);
            e.Property(l => l.Subject).HasMaxLength(500);
            e.Property(l => l.IssuedBy).HasMaxLength(256);
            e.HasOne<Agency>().WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => new { l.AgencyId, l.Year, l.Sequence }).IsUnique();
        });
        b.Entity<ReportDispatch>(e =>
        {
            e.Property(d => d.Recipient).HasMaxLength(200);
            e.Property(d => d.Method).HasMaxLength(20);
            e.Property(d => d.Note).HasMaxLength(1000);
            e.Property(d => d.RecordedBy).HasMaxLength(256);
            e.HasOne<Report>().WithMany().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(d => d.ReportId);
        });
    }
}
