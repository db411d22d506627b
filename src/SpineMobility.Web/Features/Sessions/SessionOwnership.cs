using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;
using SpineMobility.Web.Hosting;

namespace SpineMobility.Web.Features.Sessions;

/// <summary>
/// Whose sessions are whose. Signed in, a person sees their account's sessions; signed out, a browser
/// sees only the sessions it did while nobody was signed in on it.
/// </summary>
public sealed class SessionOwnership(IDbContextFactory<AppDbContext> dbFactory)
{
    public static Expression<Func<SessionRun, bool>> Runs(Visitor visitor) => visitor.UserId is { } userId
        ? r => r.UserId == userId
        : r => r.UserId == null && r.BrowserKey == visitor.BrowserKey;

    public static Expression<Func<CompletedSession, bool>> Completed(Visitor visitor) => visitor.UserId is { } userId
        ? s => s.UserId == userId
        : s => s.UserId == null && s.BrowserKey == visitor.BrowserKey;

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
