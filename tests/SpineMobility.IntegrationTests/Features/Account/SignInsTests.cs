using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Account;

namespace SpineMobility.IntegrationTests.Features.Account;

/// <summary>The server's record of sign-ins: one per sign-in, kept while it is used, gone when it is not.</summary>
public sealed class SignInsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private SpineMobilityApp _app = default!;
    private string _userId = "";

    public async Task InitializeAsync()
    {
        _app = new SpineMobilityApp(services: s => s.AddSingleton<TimeProvider>(_time));
        _userId = await _app.CreateUserAsync($"records-{Guid.NewGuid():N}@example.com", "Stretch-2026!");
    }

    private SignIns SignIns => _app.Services.GetRequiredService<SignIns>();

    private async Task<ClaimsPrincipal> SignInAsync()
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, _userId)], "Identity.Application");
        await SignIns.StartAsync(identity);
        return new ClaimsPrincipal(identity);
    }

    private async Task<List<string>> RecordsAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.AccountSignIns.Where(s => s.UserId == _userId).Select(s => s.Id).ToListAsync();
    }

    [Fact]
    public async Task A_sign_in_in_use_is_kept_and_one_unused_for_longer_than_a_cookie_lives_is_removed_at_the_next_sign_in()
    {
        var used = await SignInAsync();
        var abandoned = await SignInAsync();

        for (var day = 0; day < 20; day++)
        {
            _time.Advance(TimeSpan.FromDays(1));
            Assert.True(await SignIns.IsActiveAsync(used));
        }

        var fresh = await SignInAsync();

        Assert.Equal(new[] { SignIns.IdOf(used)!, SignIns.IdOf(fresh)! }.Order(), (await RecordsAsync()).Order());
        Assert.False(await SignIns.IsActiveAsync(abandoned));
    }

    [Fact]
    public async Task A_cookie_without_a_sign_in_or_naming_another_accounts_is_refused()
    {
        var mine = await SignInAsync();
        var forged = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "someone-else"), new Claim(SignIns.ClaimType, SignIns.IdOf(mine)!)], "Identity.Application"));
        var older = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, _userId)], "Identity.Application"));

        Assert.True(await SignIns.IsActiveAsync(mine));
        Assert.False(await SignIns.IsActiveAsync(forged));
        Assert.False(await SignIns.IsActiveAsync(older));
    }

    [Fact]
    public async Task A_sign_out_on_one_instance_ends_the_sign_in_on_another_within_the_confirmation_time()
    {
        const string password = "Stretch-2026!";
        var email = $"cluster-{Guid.NewGuid():N}@example.com";
        await _app.CreateUserAsync(email, password);
        var otherTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var other = new SpineMobilityApp(database: _app.Database, services: s => s.AddSingleton<TimeProvider>(otherTime));

        var cookies = new CookieContainer();
        using var here = await _app.SignedInClientAsync(email, password, cookies);
        using var there = other.ClientWith(cookies.Copy());
        Assert.Equal(HttpStatusCode.OK, (await there.GetAsync("/account/export.json")).StatusCode);

        var page = await here.GetStringAsync("/Account/Manage");
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        (await here.PostAsync("/Account/Logout", form)).Dispose();
        otherTime.Advance(SignIns.ConfirmedFor);

        Assert.Equal(HttpStatusCode.Redirect, (await there.GetAsync("/account/export.json")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.DeleteDatabase();
    }
}
