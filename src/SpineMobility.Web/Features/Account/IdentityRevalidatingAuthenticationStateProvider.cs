using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SpineMobility.Web.Features.Account;

/// <summary>
/// A circuit's sign-in, checked again every <see cref="AccountOptions.RevalidationInterval"/> while it lives:
/// the account still exists, its security stamp is unchanged (no new password) and the sign-in was not ended
/// (signed out in another tab). When it fails the circuit becomes signed out, and its pages are rebuilt.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        SignIns signIns,
        IOptions<IdentityOptions> identityOptions,
        IOptions<AccountOptions> accountOptions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => accountOptions.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A new scope, so the user manager reads the account as it is now.
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await IsStillValidAsync(authenticationState.User, signIns, userManager, identityOptions.Value, cancellationToken);
    }

    /// <summary>Whether a circuit may go on acting for the account its principal names.</summary>
    internal static async Task<bool> IsStillValidAsync(
        ClaimsPrincipal principal, SignIns signIns, UserManager<AppUser> userManager, IdentityOptions options, CancellationToken cancellationToken = default) =>
        await signIns.IsActiveAsync(principal, cancellationToken)
        && await userManager.GetUserAsync(principal) is { } user
        && (!userManager.SupportsUserSecurityStamp
            || principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType) == await userManager.GetSecurityStampAsync(user));
}
