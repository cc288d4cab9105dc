namespace Kinerja.Domain.Organisation;

/// <summary>A role a user holds in an agency, with what the oversight rule needs to know of the agency.</summary>
public sealed record AgencyGrant(Guid GovernmentId, AgencyKind AgencyKind, string AgencyName, Role Role);

/// <summary>
/// Who reads the consolidated recap of a government (every agency's achievement side by side): the system
/// administrator, and holders of agency-wide roles (head, secretary, coordinator, admin, viewer) in an overseeing agency
/// of the same government. Overseeing agencies are the Inspektorat (internal audit, APIP) and the planning agency
/// (Bappeda): a Badan whose name contains "Perencanaan" (Badan Perencanaan Pembangunan Daerah, Badan Perencanaan,
/// Penelitian dan Pengembangan Daerah ...). Unit roles are left out: the consolidated view is the agency's oversight
/// task, not a unit's.
/// </summary>
public static class GovernmentOversight
{
    public static bool IsOverseeing(AgencyKind kind, string agencyName) =>
        kind == AgencyKind.Inspektorat
        || (kind == AgencyKind.Badan && agencyName.Contains("Perencanaan", StringComparison.OrdinalIgnoreCase));

    public static bool MayReadGovernmentRecap(bool isSystemAdmin, IEnumerable<AgencyGrant> grants, Guid governmentId) =>
        isSystemAdmin || grants.Any(g => g.GovernmentId == governmentId && g.Role.IsAgencyWide() && IsOverseeing(g.AgencyKind, g.AgencyName));

    /// <summary>
    /// Who reads an agency's audit trail from outside it: the system administrator, and holders of agency-wide roles in
    /// the Inspektorat of the agency's government (internal audit, APIP, audits the agencies). The planning agency reads
    /// the consolidated recap but does not audit.
    /// </summary>
    public static bool MayAudit(bool isSystemAdmin, IEnumerable<AgencyGrant> grants, Guid governmentId) =>
        isSystemAdmin || grants.Any(g => g.GovernmentId == governmentId && g.Role.IsAgencyWide() && g.AgencyKind == AgencyKind.Inspektorat);
}
