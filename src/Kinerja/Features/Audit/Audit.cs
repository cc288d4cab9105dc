using Kinerja.Data;
using Kinerja.Domain.Audit;
using Kinerja.Domain.Common;
using Kinerja.Domain.Organisation;
using Kinerja.Infrastructure;
using Kinerja.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Features.Audit;

public sealed record AuditRecordDto(
    long Sequence, DateTimeOffset At, string? UserName, string Action, string EntityType, string EntityId, string? Before, string? After);

/// <summary>
/// The agency's audit records, newest first. Agency-wide roles (head, secretary, coordinator, admin, viewer), and the
/// Inspektorat of the agency's government (<see cref="GovernmentOversight.MayAudit"/>).
/// </summary>
public sealed class ListAudit(KinerjaDbContext db, CurrentUser me)
{
    public const int MaxRows = 1000;

    public async Task<IReadOnlyList<AuditRecordDto>> HandleAsync(
        Guid agencyId, DateTimeOffset? from, DateTimeOffset? to, string? entity, int limit = 200, CancellationToken ct = default)
    {
        await me.LoadAsync(ct);
        if (!me.SeesWholeAgency(agencyId) && !await AuditedByInspectorateAsync(agencyId, ct))
        {
            me.EnsureBelongsTo(agencyId);
            throw CurrentUser.Denied("membaca jejak audit");
        }

        if (from > to) throw AppProblem.Invalid("from", new Text("Tanggal awal harus sebelum tanggal akhir."));
        var key = agencyId.ToString();
        var q = db.AuditRecords.AsNoTracking().Where(r => r.AgencyId == key);
        if (from is { } f) q = q.Where(r => r.At >= f);
        if (to is { } t) q = q.Where(r => r.At <= t);
        if (!string.IsNullOrWhiteSpace(entity)) q = q.Where(r => r.EntityType == entity);
        return await q.OrderByDescending(r => r.Sequence).Take(Math.Clamp(limit, 1, MaxRows))
            .Select(r => new AuditRecordDto(r.Sequence, r.At, r.UserName, r.Action, r.EntityType, r.EntityId, r.Before, r.After))
            .ToListAsync(ct);
    }
    /// <summary>The agency whose trail is read (call after <see cref="HandleAsync"/>, which authorises).</summary>
    public Task<Organisation.AgencyDto> AgencyAsync(Guid agencyId, CancellationToken ct) =>
        Organisation.AgencyProjection.ToDto(db.Agencies.AsNoTracking().Where(a => a.Id == agencyId), db).SingleAsync(ct);

    /// <summary>Whether the user reads this agency's trail as its government's Inspektorat.</summary>
    private async Task<bool> AuditedByInspectorateAsync(Guid agencyId, CancellationToken ct)
    {
        if (me.Grants.Count == 0) return false;
        var government = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => (Guid?)a.GovernmentId).SingleOrDefaultAsync(ct);
        return government is { } g && await MayAuditGovernmentAsync(g, ct);
    }

    /// <summary>Whether the user reads the trails of every agency of the government (its Inspektorat, or the system administrator).</summary>
    public async Task<bool> MayAuditGovernmentAsync(Guid governmentId, CancellationToken ct)
    {
        await me.LoadAsync(ct);
        return GovernmentOversight.MayAudit(me.IsSystemAdmin, await Recap.ReadableGovernments.GrantsAsync(db, me, ct), governmentId);
    }
}

public sealed record AuditVerificationDto(bool Intact, long RecordsChecked, long? BrokenAt, Text? Reason);

/// <summary>Walks the whole hash chain in batches and says whether it is intact, or where it first breaks.</summary>
public sealed class VerifyAudit(KinerjaDbContext db)
{
    private const int Batch = 5000;

    public async Task<AuditVerificationDto> HandleAsync(CancellationToken ct = default)
    {
        // Read the head first: records written after this point are beyond it and are not checked.
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == 1, ct);
        var verifier = new ChainVerifier();
        ChainVerification? verdict = null;
        long after = 0;
        while (verdict is null)
        {
            var rows = await db.AuditRecords.AsNoTracking()
                .Where(r => r.Sequence > after && r.Sequence <= head.Sequence)
                .OrderBy(r => r.Sequence).Take(Batch).ToListAsync(ct);
            foreach (var r in rows)
            {
                verdict = verifier.Check(new AuditEntry(r.Sequence, r.At, r.UserId, r.UserName, r.AgencyId, r.Action,
                    r.EntityType, r.EntityId, r.Before, r.After, r.PreviousHash, r.Hash));
                if (verdict is not null) break;
                after = r.Sequence;
            }

            if (verdict is null && rows.Count < Batch) verdict = verifier.Finish(head.Sequence, head.Hash);
        }

        return new AuditVerificationDto(verdict.Intact, verdict.RecordsChecked, verdict.FirstBreak?.Sequence, verdict.FirstBreak?.Reason);
    }
}

/// <summary>Who may ask for the chain check: the system admin and any agency-wide role.</summary>
public static class AuditAccess
{
    public static bool MayVerify(CurrentUser me) => me.IsSystemAdmin || me.Grants.Any(g => g.Role.IsAgencyWide());
}
