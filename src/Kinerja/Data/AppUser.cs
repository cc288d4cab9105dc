using Kinerja.Domain.Organisation;
using Microsoft.AspNetCore.Identity;

namespace Kinerja.Data;

/// <summary>A person who signs in. What they may do comes from the positions they hold (see PositionHolder).</summary>
public sealed class AppUser : IdentityUser<Guid>, IAgencyOwned
{
    public string FullName { get; set; } = string.Empty;

    /// <summary>18 digits, stored without spaces.</summary>
    public string? Nip { get; set; }

    /// <summary>Pangkat/golongan, e.g. "Pembina Tk.I (IV/b)".</summary>
    public string? Rank { get; set; }

    /// <summary>The agency the user belongs to; null only for the system administrator.</summary>
    public Guid? HomeAgencyId { get; set; }

    /// <summary>Administers every agency of the installation (the first <c>admin</c> user).</summary>
    public bool IsSystemAdmin { get; set; }

    Guid IAgencyOwned.AgencyId => HomeAgencyId ?? Guid.Empty;
}
