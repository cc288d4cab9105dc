using Kinerja.Data;
using Kinerja.Documents;
using Kinerja.Domain.Reports;
using Kinerja.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Reports;

/// <summary>
/// Converts queued report versions to PDF in the background (LibreOffice takes seconds, far too long for a request).
/// A job is claimed with a conditional update (queued → running), so several instances never convert the same version
/// twice; progress is written as it goes (claimed 10, converting 30, storing 90, done 100) for the page to show. A job left
/// running by a process that died is queued again after <see cref="StaleAfter"/>. The PDF is kept by its content hash.
/// </summary>
public sealed class PdfJobs(IServiceScopeFactory scopes, PdfConverter converter, EvidenceStore store, TimeProvider clock, ILogger<PdfJobs> log)
    : BackgroundService
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim Signal = new(0, int.MaxValue);

    /// <summary>A job was queued: look now rather than at the next poll.</summary>
    public static void Wake()
    {
        if (Signal.CurrentCount == 0) Signal.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOneAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "PDF job loop failed; retrying");
            }

            try
            {
                await Signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Converts one queued version; false when there was none.</summary>
    public async Task<bool> RunOneAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KinerjaDbContext>();
        var stale = clock.GetUtcNow() - StaleAfter;
        await db.ReportVersions.Where(v => v.PdfStatus == PdfJobStatus.Running && v.PdfRequestedAt < stale)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.PdfStatus, PdfJobStatus.Queued), ct);

        var candidate = await db.ReportVersions.AsNoTracking().Where(v => v.PdfStatus == PdfJobStatus.Queued)
            .OrderBy(v => v.PdfRequestedAt).Select(v => new { v.Id, v.DocxSha256 }).FirstOrDefaultAsync(ct);
        if (candidate is null) return false;
        var now = clock.GetUtcNow();
        var claimed = await db.ReportVersions.Where(v => v.Id == candidate.Id && v.PdfStatus == PdfJobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.PdfStatus, PdfJobStatus.Running).SetProperty(v => v.PdfProgress, 10)
                .SetProperty(v => v.PdfRequestedAt, now), ct);
        if (claimed == 0) return true; // another instance took it; look for the next

        try
        {
            byte[] docx;
            await using (var file = store.Open(candidate.DocxSha256))
            using (var buffer = new MemoryStream())
            {
                await file.CopyToAsync(buffer, ct);
                docx = buffer.ToArray();
            }

            await Progress(db, candidate.Id, 30, ct);
            var pdf = await converter.ConvertAsync(docx, ct);
            await Progress(db, candidate.Id, 90, ct);
            using var stream = new MemoryStream(pdf, writable: false);
            var sha = (await store.SaveAsync(stream, long.MaxValue, ct)).Sha256;
            await db.ReportVersions.Where(v => v.Id == candidate.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.PdfStatus, PdfJobStatus.Done).SetProperty(v => v.PdfProgress, 100)
                    .SetProperty(v => v.PdfSha256, sha).SetProperty(v => v.PdfMessage, (string?)null), ct);
            log.LogInformation("PDF of report version {Version} made ({Bytes} bytes)", candidate.Id, pdf.Length);
        }
        catch (Exception e) when (e is PdfUnavailableException or PdfConversionException or IOException)
        {
            var message = e switch
            {
                PdfUnavailableException u => u.Reason.ToString(),
                PdfConversionException c => c.Reason.ToString(),
                _ => "PDF tidak dapat dibuat: berkas DOCX versi ini tidak terbaca.",
            };
            log.LogWarning(e, "PDF of report version {Version} failed", candidate.Id);
            await db.ReportVersions.Where(v => v.Id == candidate.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.PdfStatus, PdfJobStatus.Failed).SetProperty(v => v.PdfMessage, message), CancellationToken.None);
        }

        return true;
    }

    private static Task Progress(KinerjaDbContext db, Guid id, int percent, CancellationToken ct) =>
        db.ReportVersions.Where(v => v.Id == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.PdfProgress, percent), ct);
}
