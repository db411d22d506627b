using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Account;

namespace SpineMobility.IntegrationTests.Features.Account;

/// <summary>
/// Guessing passwords is slow and gets nowhere: accounts lock, each address is rate-limited, and no answer
/// tells whether an address has an account.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class SignInProtectionTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Password = "Stretch-2026!";
    private readonly string _email = $"guarded-{Guid.NewGuid():N}@example.com";
    private readonly SpineMobilityApp _app = fixture.App;

    public async Task InitializeAsync()
    {
        fixture.Clock.Reset(AppFixture.Morning);
        await _app.CreateUserAsync(_email, Password);
    }

    private HttpClient NewBrowser() => _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var client = NewBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.SignInAsync(_email, "Wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await client.SignInAsync(_email, Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("do not match an account", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(right.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("sm-auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_locked_account_and_an_address_without_one_get_the_same_answer()
    {
        using var client = NewBrowser();
        var answers = new Dictionary<string, (HttpStatusCode, string)>();
        foreach (var email in new[] { _email, $"nobody-{Guid.NewGuid():N}@example.com" })
        {
            HttpResponseMessage? last = null;
            // Five wrong passwords lock an account; ten attempts are all one address may make in a minute.
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                last?.Dispose();
                last = await client.SignInAsync(email, "Wrong-password-1");
            }

            answers[email] = (last!.StatusCode, Alert(await last.Content.ReadAsStringAsync()));
            last.Dispose();
        }

        var (locked, unknown) = (answers.Values.First(), answers.Values.Last());
        Assert.Equal(HttpStatusCode.OK, locked.Item1);
        Assert.Contains("do not match an account", locked.Item2, StringComparison.Ordinal);
        Assert.Equal(locked, unknown);
    }

    [Fact]
    public async Task Forgot_password_answers_alike_for_an_address_with_an_account_and_one_without()
    {
        using var client = NewBrowser();
        using var known = await client.PostFormAsync("/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = _email });
        using var unknown = await client.PostFormAsync("/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = "nobody@example.com" });

        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
    }

    [Fact]
    public async Task Reset_password_answers_alike_for_an_address_without_an_account_and_a_wrong_code()
    {
        using var client = NewBrowser();
        var code = await ResetCodeAsync();
        var wrongCode = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes("not-a-token"));
        var fields = (string email) => new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "New-password-9",
            ["Input.ConfirmPassword"] = "New-password-9",
        };

        using var unknownAddress = await client.PostFormAsync($"/Account/ResetPassword?code={code}", "reset-password", fields("nobody@example.com"));
        using var wrongLink = await client.PostFormAsync($"/Account/ResetPassword?code={wrongCode}", "reset-password", fields(_email));

        Assert.Equal(HttpStatusCode.OK, unknownAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrongLink.StatusCode);
        var answer = Alert(await unknownAddress.Content.ReadAsStringAsync());
        Assert.Contains("this link does not work", answer, StringComparison.Ordinal);
        Assert.Equal(answer, Alert(await wrongLink.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Wrong_passwords_on_the_delete_account_form_count_toward_the_lockout()
    {
        using var client = await _app.SignedInClientAsync(_email, Password);
        HttpResponseMessage? last = null;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            last?.Dispose();
            last = await client.PostFormAsync("/Account/Manage/DeletePersonalData", "delete-account", new() { ["Input.Password"] = "Wrong-password-1" });
        }

        Assert.Contains("Account/Lockout", last!.Headers.Location?.OriginalString, StringComparison.Ordinal);
        last.Dispose();

        using var fresh = NewBrowser();
        using var right = await fresh.SignInAsync(_email, Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("do not match an account", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_are_refused_with_429()
    {
        using var client = NewBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= AccountSetup.SignInAttemptsPerMinute; attempt++)
        {
            using var response = await client.SignInAsync($"nobody-{attempt}@example.com", "Wrong-password-1");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(AccountSetup.SignInAttemptsPerMinute), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Theory]
    [InlineData("/Account/Register", "register")]
    [InlineData("/Account/ForgotPassword", "forgot-password")]
    public async Task Registering_and_asking_for_a_reset_link_are_rate_limited_like_signing_in(string path, string form)
    {
        using var client = NewBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= AccountSetup.SignInAttemptsPerMinute; attempt++)
        {
            using var response = await client.PostFormAsync(path, form, new()
            {
                ["Input.Email"] = $"new-{attempt}-{Guid.NewGuid():N}@example.com",
                ["Input.Password"] = "weak",
                ["Input.ConfirmPassword"] = "weak",
            });
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(AccountSetup.SignInAttemptsPerMinute), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private async Task<string> ResetCodeAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var token = await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(_email))!);
        return WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>The text of the page's alert, where the forms put what went wrong.</summary>
    private static string Alert(string html) => WebUtility.HtmlDecode(AlertText().Match(html).Groups["text"].Value);

    [GeneratedRegex("role=\"alert\"[^>]*>(?:<[^>]+>)*(?<text>[^<]+)")]
    private static partial Regex AlertText();

    public Task DisposeAsync() => Task.CompletedTask;
}
