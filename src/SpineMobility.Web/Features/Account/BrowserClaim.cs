using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;

namespace SpineMobility.Web.Features.Account;

/// <summary>What a browser did while signed out becomes the account's when someone signs in or registers on it.</summary>
public sealed class BrowserClaim(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>Gives the account every session this browser did, and every safety screening it answered, while signed out.</summary>
    public async Task ClaimAsync(string browserKey, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SessionRuns.Where(r => r.BrowserKey == browserKey && r.UserId == null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.UserId, userId), cancellationToken);
        await db.CompletedSessions.Where(s => s.BrowserKey == browserKey && s.UserId == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.UserId, userId), cancellationToken);
        await db.SafetyScreenings.Where(s => s.BrowserKey == browserKey && s.UserId == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.UserId, userId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
