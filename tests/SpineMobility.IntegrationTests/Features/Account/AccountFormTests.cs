using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using SpineMobility.Testing;

namespace SpineMobility.IntegrationTests.Features.Account;

/// <summary>The account forms with what people and scripts really send them: odd addresses, hostile links, stale forms.</summary>
public sealed class AccountFormTests : IAsyncLifetime
{
    private const string Password = "Stretch-2026!";
    private readonly RecordedLog _log = new();
    private SpineMobilityApp _app = default!;

    public Task InitializeAsync()
    {
        _app = new SpineMobilityApp(services: s => s.AddSingleton<ILogEventSink>(_log));
        return Task.CompletedTask;
    }

    private HttpClient NewBrowser() => _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password, string path = "/Account/Register") =>
        client.PostFormAsync(path, "register", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    private static readonly string[] UnsafeReturnUrls = ["//evil.example", "https://evil.example", "/\\evil.example", "http:evil.example", "/%5Cevil.example\\x", "javascript:alert(1)"];

    [Fact]
    public async Task Signing_in_with_an_unsafe_return_address_lands_home()
    {
        var email = $"return-{Guid.NewGuid():N}@example.com";
        await _app.CreateUserAsync(email, Password);
        foreach (var returnUrl in UnsafeReturnUrls)
        {
            using var client = NewBrowser();

            using var response = await client.PostFormAsync($"/Account/Login?returnUrl={Uri.EscapeDataString(returnUrl)}", "login",
                new() { ["Input.Email"] = email, ["Input.Password"] = Password });

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", LandsOn(response));
        }
    }

    [Fact]
    public async Task Registering_or_signing_out_with_an_unsafe_return_address_lands_home()
    {
        foreach (var returnUrl in UnsafeReturnUrls)
        {
            using var client = NewBrowser();
            using var registered = await RegisterAsync(client, $"return-{Guid.NewGuid():N}@example.com", Password, $"/Account/Register?returnUrl={Uri.EscapeDataString(returnUrl)}");
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
            Assert.Equal("/", LandsOn(registered));

            var manage = await client.GetStringAsync("/Account/Manage");
            var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(manage, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = returnUrl });
            using var signedOut = await client.PostAsync("/Account/Logout", form);
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.Equal("/", LandsOn(signedOut));
        }
    }

    [Fact]
    public async Task A_return_address_of_this_app_is_where_signing_in_leads()
    {
        var email = $"return-{Guid.NewGuid():N}@example.com";
        await _app.CreateUserAsync(email, Password);
        using var client = NewBrowser();

        using var response = await client.PostFormAsync("/Account/Login?returnUrl=%2Fprogress%3Fpage%3D2", "login", new() { ["Input.Email"] = email, ["Input.Password"] = Password });

        Assert.Equal("/progress?page=2", LandsOn(response));
    }

    [Fact]
    public async Task Signing_out_without_an_antiforgery_token_is_a_400_that_logs_no_stack_trace()
    {
        using var client = NewBrowser();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" });

        using var response = await client.PostAsync("/Account/Logout", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sign-out form has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Refused a sign-out without a valid antiforgery token", _log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Events, e => e.Exception is not null);
        Assert.DoesNotContain("   at ", _log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_reset_link_shows_the_invalid_link_page()
    {
        using var client = NewBrowser();
        foreach (var code in new[] { "%%%", "not*base64", "" })
        {
            using var response = await client.GetAsync($"/Account/ResetPassword?code={code}");

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/InvalidPasswordReset", LandsOn(response));
        }

        Assert.Contains("This link does not work", await client.GetStringAsync("/Account/InvalidPasswordReset"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Real_addresses_with_apostrophes_accents_and_international_domains_can_register()
    {
        foreach (var email in new[] { "o'brien@example.com", "zoë@example.com", "user@bücher.example" })
        {
            using var client = NewBrowser();

            using var response = await RegisterAsync(client, email, Password);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/progress", LandsOn(response));
            await using var db = _app.CreateDbContext();
            Assert.True(await db.Users.AnyAsync(u => u.Email == email && u.UserName == email), email);
            Assert.Contains(email, WebUtility.HtmlDecode(await client.GetStringAsync("/Account/Manage")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_address_longer_than_254_characters_is_refused_with_its_length_and_one_of_254_is_not()
    {
        using var client = NewBrowser();
        var tooLong = new string('a', 243) + "@example.com";
        var longest = new string('b', 242) + "@example.com";

        using var refused = await RegisterAsync(client, tooLong, Password);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("at most 254 characters; this one has 255", page, StringComparison.Ordinal);

        using var accepted = await RegisterAsync(NewBrowser(), longest, Password);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task A_weak_password_is_answered_with_every_rule_it_breaks_and_is_not_written_back_into_the_page()
    {
        using var client = NewBrowser();
        const string weak = "abcd";

        using var response = await RegisterAsync(client, $"weak-{Guid.NewGuid():N}@example.com", weak);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Use at least 6 characters.", page, StringComparison.Ordinal);
        Assert.Contains("Use at least one digit", page, StringComparison.Ordinal);
        Assert.Contains("Use at least one upper-case letter", page, StringComparison.Ordinal);
        Assert.Contains("Use at least one symbol", page, StringComparison.Ordinal);
        Assert.DoesNotContain(weak, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_form_writes_a_typed_password_back_into_the_page()
    {
        var email = $"echo-{Guid.NewGuid():N}@example.com";
        await _app.CreateUserAsync(email, Password);
        const string typed = "Typed-secret-42";
        using var client = NewBrowser();

        using var login = await client.PostFormAsync("/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = typed });
        using var mismatch = await client.PostFormAsync("/Account/Register", "register", new()
        {
            ["Input.Email"] = $"other-{Guid.NewGuid():N}@example.com",
            ["Input.Password"] = typed,
            ["Input.ConfirmPassword"] = typed + "x",
        });
        using var signedIn = await _app.SignedInClientAsync(email, Password);
        using var change = await signedIn.PostFormAsync("/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.OldPassword"] = typed,
            ["Input.NewPassword"] = typed + "!",
            ["Input.ConfirmPassword"] = typed + "!",
        });
        using var delete = await signedIn.PostFormAsync("/Account/Manage/DeletePersonalData", "delete-account", new() { ["Input.Password"] = typed });

        foreach (var response in new[] { login, mismatch, change, delete })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(typed, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_register_page_of_a_signed_in_person_offers_their_account_instead_of_a_second_one()
    {
        var email = $"twice-{Guid.NewGuid():N}@example.com";
        await _app.CreateUserAsync(email, Password);
        using var client = await _app.SignedInClientAsync(email, Password);

        var page = await client.GetStringAsync("/Account/Register");

        Assert.Contains("You are signed in", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Account/Manage\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Create account", page, StringComparison.Ordinal);
    }

    /// <summary>Where a redirect leads, as a path when it stays on this app (Blazor writes absolute addresses), else in full.</summary>
    private static string? LandsOn(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : !location.IsAbsoluteUri ? location.OriginalString
        : location.Authority == "localhost" ? location.PathAndQuery
        : location.AbsoluteUri;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.DeleteDatabase();
    }
}
