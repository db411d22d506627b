using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Features.Account;

/// <summary>
/// A sign-in ends for real: signing out, a new password or a deleted account stops every copy of the cookie
/// (another tab, a stolen copy) and every circuit that was acting for it.
/// </summary>
public sealed class SignInEndTests : IAsyncLifetime
{
    private const string Password = "Stretch-2026!";
    private const string NewPassword = "Twist-and-bend-7";
    private readonly string _email = $"ends-{Guid.NewGuid():N}@example.com";
    private SpineMobilityApp _app = default!;
    private string _userId = "";

    public async Task InitializeAsync()
    {
        _app = new SpineMobilityApp();
        _userId = await _app.CreateUserAsync(_email, Password);
    }

    /// <summary>What only the signed-in account may fetch: its data. Signed out, the answer is a redirect to sign in.</summary>
    private static async Task<bool> ActsForTheAccountAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/account/export.json");
        return response.StatusCode == HttpStatusCode.OK;
    }

    private async Task<HttpClient> SignInAsync(CookieContainer cookies) => await _app.SignedInClientAsync(_email, Password, cookies);

    [Fact]
    public async Task Signing_out_ends_every_copy_of_that_sign_in_cookie()
    {
        var cookies = new CookieContainer();
        using var tab = await SignInAsync(cookies);
        using var copy = _app.ClientWith(cookies.Copy());
        Assert.True(await ActsForTheAccountAsync(copy));

        using var signOut = await PostSignOutAsync(tab, "/Account/Logout");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.False(await ActsForTheAccountAsync(tab));
        Assert.False(await ActsForTheAccountAsync(copy));
    }

    [Fact]
    public async Task Signing_out_on_one_device_leaves_the_accounts_other_sign_ins_alone_and_signing_out_everywhere_ends_them()
    {
        using var phone = await SignInAsync(new CookieContainer());
        using var laptop = await SignInAsync(new CookieContainer());
        using var tablet = await SignInAsync(new CookieContainer());

        (await PostSignOutAsync(phone, "/Account/Logout")).Dispose();
        Assert.True(await ActsForTheAccountAsync(laptop));

        (await PostSignOutAsync(laptop, "/Account/LogoutEverywhere")).Dispose();
        Assert.False(await ActsForTheAccountAsync(laptop));
        Assert.False(await ActsForTheAccountAsync(tablet));
    }

    [Fact]
    public async Task Signing_out_gives_the_browser_a_new_visitor_key()
    {
        var cookies = new CookieContainer();
        using var client = await SignInAsync(cookies);
        var before = VisitorKey(cookies);

        (await PostSignOutAsync(client, "/Account/Logout")).Dispose();

        var after = VisitorKey(cookies);
        Assert.Matches("^[0-9a-f]{32}$", after);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_accounts_other_sign_ins_and_keeps_this_one()
    {
        using var here = await SignInAsync(new CookieContainer());
        using var elsewhere = await SignInAsync(new CookieContainer());

        using var changed = await here.PostFormAsync("/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.OldPassword"] = Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.True(await ActsForTheAccountAsync(here));
        Assert.False(await ActsForTheAccountAsync(elsewhere));
    }

    [Fact]
    public async Task Resetting_the_password_ends_every_sign_in()
    {
        using var signedIn = await SignInAsync(new CookieContainer());
        using var stranger = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var code = await ResetCodeAsync();

        using var reset = await stranger.PostFormAsync($"/Account/ResetPassword?code={code}", "reset-password", new()
        {
            ["Input.Email"] = _email,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.Contains("ResetPasswordConfirmation", reset.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.False(await ActsForTheAccountAsync(signedIn));
    }

    [Fact]
    public async Task Deleting_the_account_ends_its_sign_ins_on_other_devices()
    {
        using var here = await SignInAsync(new CookieContainer());
        using var elsewhere = await SignInAsync(new CookieContainer());

        using var deleted = await here.PostFormAsync("/Account/Manage/DeletePersonalData", "delete-account", new() { ["Input.Password"] = Password });

        Assert.Contains("Account/Deleted", deleted.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.False(await ActsForTheAccountAsync(elsewhere));
    }

    [Fact]
    public async Task A_circuits_sign_in_stops_passing_revalidation_when_it_is_signed_out_when_the_password_changes_and_when_the_account_goes()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signInManager = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var signIns = _app.Services.GetRequiredService<SignIns>();
        var options = _app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var user = (await users.FindByIdAsync(_userId))!;

        // Principals as a circuit holds them: the sign-in cookie's claims.
        async Task<System.Security.Claims.ClaimsPrincipal> SignedInPrincipalAsync()
        {
            var principal = await signInManager.CreateUserPrincipalAsync(user);
            await signIns.StartAsync((System.Security.Claims.ClaimsIdentity)principal.Identity!);
            return principal;
        }

        Task<bool> ValidAsync(System.Security.Claims.ClaimsPrincipal principal) =>
            IdentityRevalidatingAuthenticationStateProvider.IsStillValidAsync(principal, signIns, users, options);

        var signedOut = await SignedInPrincipalAsync();
        var stale = await SignedInPrincipalAsync();
        var deleted = await SignedInPrincipalAsync();
        Assert.True(await ValidAsync(signedOut));
        Assert.True(await ValidAsync(stale));

        await signIns.EndAsync(signedOut);
        Assert.False(await ValidAsync(signedOut));
        Assert.True(await ValidAsync(stale));

        // A password changed by a path that leaves the sign-in records: the security stamp still tells.
        await users.UpdateSecurityStampAsync(user);
        Assert.False(await ValidAsync(stale));

        var fresh = await SignedInPrincipalAsync();
        Assert.True(await ValidAsync(fresh));
        await users.DeleteAsync(user);
        Assert.False(await ValidAsync(fresh));
        Assert.False(await ValidAsync(deleted));
    }

    private static Task<HttpResponseMessage> PostSignOutAsync(HttpClient client, string action) =>
        PostWithPageTokenAsync(client, "/Account/Manage", action);

    /// <summary>Posts a plain form of <paramref name="page"/> (no Blazor form name) with the antiforgery token found there.</summary>
    private static async Task<HttpResponseMessage> PostWithPageTokenAsync(HttpClient client, string page, string action)
    {
        var html = await client.GetStringAsync(page);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["returnUrl"] = "/" });
        return await client.PostAsync(action, form);
    }

    private static string? VisitorKey(CookieContainer cookies) =>
        cookies.GetAllCookies().SingleOrDefault(c => c.Name == Visitor.CookieName)?.Value;

    private async Task<string> ResetCodeAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var token = await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(_userId))!);
        return WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.DeleteDatabase();
    }
}
