namespace SpineMobility.Web.Features.Account;

/// <summary>The <c>Accounts</c> section of configuration.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// How often an open page checks that its sign-in still stands (not signed out elsewhere, password unchanged,
    /// account not deleted). Well inside the 30 seconds a signed-out person may wait; tests shorten it.
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(15);
}
