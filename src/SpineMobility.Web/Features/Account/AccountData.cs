using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;

namespace SpineMobility.Web.Features.Account;

/// <summary>Deletes an account and every piece of data that is its, all or nothing.</summary>
public static class AccountData
{
    /// <param name="db">The request's context, the same one the user manager's store writes through, so one transaction covers both.</param>
    public static async Task<IdentityResult> DeleteAsync(AppDbContext db, UserManager<AppUser> users, AppUser user, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Everything of the account's goes with its row, by cascading foreign keys (AppUserConfiguration): sessions
        // and their runs, exercises, reports and side answers, settings, streak rules, pauses and safety answers.
        var result = await users.DeleteAsync(user);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }
}
