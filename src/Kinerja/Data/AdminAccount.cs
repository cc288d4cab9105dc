using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Kinerja.Data;

/// <summary>The first system administrator, user name <c>admin</c>.</summary>
public static class AdminAccount
{
    public const string UserName = "admin";

    /// <returns>The generated password when one had to be made up (to print once), else null.</returns>
    public static async Task<string?> EnsureAsync(UserManager<AppUser> users, string? password)
    {
        if (await users.FindByNameAsync(UserName) is not null) return null;
        var generated = string.IsNullOrEmpty(password) ? Generate() : null;
        var user = new AppUser { Id = Guid.CreateVersion7(), UserName = UserName, FullName = "Administrator Sistem", IsSystemAdmin = true };
        var result = await users.CreateAsync(user, password ?? generated!);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "KINERJA_ADMIN_PASSWORD is not accepted: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return generated;
    }

    private static string Generate()
    {
        // Letters and digits from a CSPRNG, with each class present so the password rules accept it.
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789";
        var all = lower + upper + digits;
        var chars = Enumerable.Range(0, 16).Select(_ => all[RandomNumberGenerator.GetInt32(all.Length)]).ToList();
        chars[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        return new string(chars.ToArray());
    }
}
