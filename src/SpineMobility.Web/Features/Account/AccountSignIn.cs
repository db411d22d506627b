namespace SpineMobility.Web.Features.Account;

/// <summary>
/// One sign-in on one browser, named inside its cookie. Signing out deletes it, so every other request and
/// circuit carrying that cookie stops acting for the account, which a security stamp alone cannot do.
/// </summary>
public sealed class AccountSignIn
{
    /// <summary>A random id, also held (encrypted) in the sign-in cookie.</summary>
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset SignedInAt { get; set; }

    /// <summary>When the sign-in was last used, to the day: sign-ins unused for longer than a cookie lives are removed.</summary>
    public DateTimeOffset LastSeenAt { get; set; }
}
