using System.Net;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Account;

namespace SpineMobility.IntegrationTests.Features.Account;

/// <summary>Guessing passwords is slow and gets nowhere: accounts lock, and each address is rate-limited.</summary>
[Collection(AppCollection.Name)]
public sealed class SignInProtectionTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Password = "Stretch-2026!";
    private readonly string _email = $"guarded-{Guid.NewGuid():N}@example.com";
    private readonly SpineMobilityApp _app = fixture.App;

    public async Task InitializeAsync()
    {
        fixture.Clock.Reset(AppFixture.Morning);
        await _app.CreateUserAsync(_email, Password);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        for (var attempt = 1; attempt < 5; attempt++)
        {
            using var wrong = await client.SignInAsync(_email, "Wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var fifth = await client.SignInAsync(_email, "Wrong-password-1");
        Assert.Contains("Account/Lockout", fifth.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var right = await client.SignInAsync(_email, Password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("Account/Lockout", right.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_are_refused_with_429()
    {
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= AccountSetup.SignInAttemptsPerMinute; attempt++)
        {
            using var response = await client.SignInAsync($"nobody-{attempt}@example.com", "Wrong-password-1");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(AccountSetup.SignInAttemptsPerMinute), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
