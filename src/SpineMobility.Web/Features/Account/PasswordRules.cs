using Microsoft.AspNetCore.Identity;

namespace SpineMobility.Web.Features.Account;

/// <summary>The password rules, stated all at once before anyone types and checked all at once after.</summary>
public static class PasswordRules
{
    /// <summary>The rules of <paramref name="options"/> as one sentence, for the hint under a new-password field.</summary>
    public static string Describe(PasswordOptions options)
    {
        var with = new List<string>();
        if (options.RequireUppercase)
        {
            with.Add("an upper-case letter");
        }

        if (options.RequireLowercase)
        {
            with.Add("a lower-case letter");
        }

        if (options.RequireDigit)
        {
            with.Add("a digit");
        }

        if (options.RequireNonAlphanumeric)
        {
            with.Add("a symbol");
        }

        var length = $"At least {options.RequiredLength} characters";
        return with.Count switch
        {
            0 => length + ".",
            1 => $"{length}, with {with[0]}.",
            _ => $"{length}, with {string.Join(", ", with[..^1])} and {with[^1]}.",
        };
    }

    /// <summary>Every rule <paramref name="password"/> breaks, not only the first.</summary>
    public static async Task<IReadOnlyList<string>> BrokenAsync(UserManager<AppUser> users, string? password)
    {
        var broken = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new AppUser(), password ?? "");
            broken.AddRange(result.Errors.Select(e => e.Description));
        }

        return [.. broken.Distinct()];
    }
}
