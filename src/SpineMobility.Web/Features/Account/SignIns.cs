using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;

namespace SpineMobility.Web.Features.Account;

/// <summary>
/// The server's record of who is signed in where. A sign-in cookie acts for its account only while its record
/// exists: signing out ends it, and changing or resetting the password ends all of them.
/// </summary>
public sealed class SignIns(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>The claim in the sign-in cookie that names its record.</summary>
    public const string ClaimType = "https://spinemobility.app/claims/sign-in";

    public const int IdLength = 32;

    /// <summary>How long an unused sign-in is kept: as long as the sign-in cookie itself can live.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a confirmed sign-in is believed without asking the database again. A page load is a burst of
    /// requests (the page, its scripts and styles, the circuit), and each would otherwise read the table. This
    /// instance forgets an ended sign-in at once; another instance of a cluster within this time.
    /// </summary>
    public static readonly TimeSpan ConfirmedFor = TimeSpan.FromSeconds(2);

    private const int MaxConfirmed = 10_000;

    private readonly ConcurrentDictionary<string, Confirmed> _confirmed = new(StringComparer.Ordinal);

    /// <summary>Records a new sign-in of <paramref name="identity"/>'s account and names it in the identity.</summary>
    public async Task StartAsync(ClaimsIdentity identity, CancellationToken cancellationToken = default)
    {
        var userId = identity.FindFirst(ClaimTypes.NameIdentifier)?.Value
                     ?? throw new InvalidOperationException("A sign-in needs the account's id.");
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.AccountSignIns.Where(s => s.UserId == userId && s.LastSeenAt < now - Lifetime).ExecuteDeleteAsync(cancellationToken);
        db.AccountSignIns.Add(new AccountSignIn { Id = id, UserId = userId, SignedInAt = now, LastSeenAt = now });
        await db.SaveChangesAsync(cancellationToken);

        foreach (var stale in identity.FindAll(ClaimType).ToList())
        {
            identity.RemoveClaim(stale);
        }

        identity.AddClaim(new Claim(ClaimType, id));
    }

    /// <summary>Whether the principal's sign-in still stands: its record exists, for this account.</summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (IdOf(principal) is not { } id || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (_confirmed.TryGetValue(id, out var confirmed) && confirmed.UserId == userId && confirmed.Until > now)
        {
            return true;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lastSeen = await db.AccountSignIns.AsNoTracking()
            .Where(s => s.Id == id && s.UserId == userId)
            .Select(s => (DateTimeOffset?)s.LastSeenAt)
            .SingleOrDefaultAsync(cancellationToken);
        if (lastSeen is null)
        {
            return false;
        }

        // Once a day is enough to tell a sign-in in use from one abandoned with its cookie.
        if (now - lastSeen > TimeSpan.FromDays(1))
        {
            await db.AccountSignIns.Where(s => s.Id == id).ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, now), cancellationToken);
        }

        if (_confirmed.Count >= MaxConfirmed)
        {
            _confirmed.Clear();
        }

        _confirmed[id] = new Confirmed(userId, now + ConfirmedFor);
        return true;
    }

    /// <summary>Ends the principal's sign-in, wherever its cookie is.</summary>
    public async Task EndAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (IdOf(principal) is { } id)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.AccountSignIns.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
            _confirmed.TryRemove(id, out _);
        }
    }

    /// <summary>Ends every sign-in of the account, on every browser.</summary>
    public async Task EndAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.AccountSignIns.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        Forget(userId);
    }

    /// <summary>Forgets this instance's confirmations of the account's sign-ins, e.g. once the account is deleted.</summary>
    public void Forget(string userId)
    {
        foreach (var (id, confirmed) in _confirmed)
        {
            if (confirmed.UserId == userId)
            {
                _confirmed.TryRemove(id, out _);
            }
        }
    }

    /// <summary>The sign-in id of an authenticated principal; null for a visitor who is not signed in.</summary>
    public static string? IdOf(ClaimsPrincipal principal) =>
        principal.Identities.Where(i => i.IsAuthenticated).Select(i => i.FindFirst(ClaimType)?.Value).FirstOrDefault(v => v is not null);

    private sealed record Confirmed(string UserId, DateTimeOffset Until);
}
