namespace Kinerja.Domain.Organisation;

/// <summary>What a position may do in its agency. Unit roles (unitHead, staff) are also bound to a unit.</summary>
public enum Role
{
    Head,
    Secretary,
    Coordinator,
    UnitHead,
    Staff,
    Admin,
    Viewer,
}

public static class RoleRules
{
    /// <summary>Roles that act for the whole agency; the others are limited to their unit subtree.</summary>
    public static bool IsAgencyWide(this Role role) => role switch
    {
        Role.Head or Role.Secretary or Role.Coordinator or Role.Admin or Role.Viewer => true,
        Role.UnitHead or Role.Staff => false,
    };

    /// <summary>The API spelling (camelCase), also used in claims and JSON.</summary>
    public static string ToApiName(this Role role) => role switch
    {
        Role.Head => "head",
        Role.Secretary => "secretary",
        Role.Coordinator => "coordinator",
        Role.UnitHead => "unitHead",
        Role.Staff => "staff",
        Role.Admin => "admin",
        Role.Viewer => "viewer",
    };

    public static bool TryParseApiName(string? text, out Role role)
    {
        foreach (var r in Enum.GetValues<Role>())
        {
            if (string.Equals(r.ToApiName(), text, StringComparison.OrdinalIgnoreCase))
            {
                role = r;
                return true;
            }
        }

        role = default;
        return false;
    }
}
