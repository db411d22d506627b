using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Sessions.Playing;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd.Features.Account;

/// <summary>
/// A page acts for whoever its own connection's cookies prove, for as long as that holds: not for the person a
/// captured copy of the page was made for, and not after the sign-in ended in another tab or on another device.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CircuitIdentityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Stretch-2026!";

    /// <summary>Well within the 30 seconds the product promises; the test app revalidates every second.</summary>
    private static readonly float Promptly = 15_000;

    private async Task<(string Email, string UserId)> SignedInOwnerAsync(IPage page, string sessionTitle)
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var userId = await Fixture.App.CreateUserAsync(email, Password);
        await Fixture.App.RecordSessionAsync(userId, sessionTitle, Fixture.Now.AddHours(-2));
        await SignInAsync(page, email, Password);
        return (email, userId);
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login?returnUrl=%2Fprogress");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).Last.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/progress$"));
    }

    private async Task<IPage> NewBrowserAsync()
    {
        var context = await Fixture.Browser.NewContextAsync(new() { BaseURL = Fixture.BaseAddress.ToString(), Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Serves <paramref name="html"/>, captured from the owner's browser, at <paramref name="path"/> in a browser with no cookies.</summary>
    private static async Task ReplayAsync(IPage page, string path, string html)
    {
        await page.RouteAsync($"**{path}", route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
        await page.GotoAsync(path);
        await WaitUntilInteractiveAsync(page);
    }

    [Fact]
    public Task A_captured_player_page_replayed_in_a_browser_without_cookies_cannot_open_or_resume_the_owners_session() => StepsAsync(async () =>
    {
        await SignedInOwnerAsync(Page, "Owner's evening stretch");
        await OpenAsync("/session?minutes=5&seed=2");
        await StartSessionAsync();
        await Expect(Page).ToHaveURLAsync(PlayerAddress());
        await WaitUntilInteractiveAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Expect(Page.GetByTestId("paused")).ToBeVisibleAsync();
        var path = new Uri(Page.Url).AbsolutePath;
        var runId = Guid.Parse(PlayerAddress().Match(path).Groups[1].Value);
        var captured = await (await Page.APIRequest.GetAsync(path)).TextAsync();
        Assert.Contains("<!--Blazor:", captured, StringComparison.Ordinal);

        var stranger = await NewBrowserAsync();
        await ReplayAsync(stranger, path, captured);

        await Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Expect(stranger.GetByRole(AriaRole.Button, new() { Name = "Resume" })).ToHaveCountAsync(0);
        await stranger.Keyboard.PressAsync("Space");
        await stranger.WaitForTimeoutAsync(500);
        await using var db = Fixture.App.CreateDbContext();
        Assert.Equal(SessionStatus.Paused, (await db.SessionRuns.AsNoTracking().SingleAsync(r => r.Id == runId)).Status);
        await stranger.Context.DisposeAsync();
    });

    [Fact]
    public Task A_captured_progress_page_replayed_in_a_browser_without_cookies_shows_none_of_the_owners_history() => StepsAsync(async () =>
    {
        await SignedInOwnerAsync(Page, "Owner's lunchtime twist");
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByText("Owner's lunchtime twist")).ToBeVisibleAsync();
        var captured = await (await Page.APIRequest.GetAsync("/progress")).TextAsync();
        Assert.Contains("Owner&#x27;s lunchtime twist", captured, StringComparison.Ordinal);

        var stranger = await NewBrowserAsync();
        await ReplayAsync(stranger, "/progress", captured);

        await Expect(stranger.GetByText("Owner's lunchtime twist")).ToHaveCountAsync(0);
        await stranger.Context.DisposeAsync();
    });

    [Fact]
    public Task Signing_out_in_another_tab_ends_the_accounts_access_in_this_one_within_seconds() => StepsAsync(async () =>
    {
        await SignedInOwnerAsync(Page, "Owner's morning roll-down");
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByText("Owner's morning roll-down")).ToBeVisibleAsync();

        var otherTab = await Page.Context.NewPageAsync();
        await otherTab.GotoAsync("/Account/Manage");
        await otherTab.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(otherTab).ToHaveURLAsync(new Regex("/$"));

        // This tab did nothing: its page ends the account's access by itself and shows the signed-out view.
        await Expect(Page.GetByText("Owner's morning roll-down")).ToHaveCountAsync(0, new() { Timeout = Promptly });
        await Expect(Page.GetByTestId("sign-in-hint")).ToBeVisibleAsync(new() { Timeout = Promptly });
    });

    [Fact]
    public Task A_new_password_set_on_another_device_ends_access_in_an_open_tab_within_seconds() => StepsAsync(async () =>
    {
        var (email, _) = await SignedInOwnerAsync(Page, "Owner's desk break");
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByText("Owner's desk break")).ToBeVisibleAsync();

        var phone = await NewBrowserAsync();
        await SignInAsync(phone, email, Password);
        await phone.GotoAsync("/Account/Manage/ChangePassword");
        await phone.GetByLabel("Current password").FillAsync(Password);
        await phone.GetByLabel("New password", new() { Exact = true }).FillAsync("Fresh-start-2027!");
        await phone.GetByLabel("Confirm the new password").FillAsync("Fresh-start-2027!");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your password has been changed");

        await Expect(Page.GetByText("Owner's desk break")).ToHaveCountAsync(0, new() { Timeout = Promptly });
        await Expect(Page.GetByTestId("sign-in-hint")).ToBeVisibleAsync(new() { Timeout = Promptly });
        await phone.Context.DisposeAsync();
    });

    [Fact]
    public Task A_circuit_that_reconnects_without_the_cookies_stops_acting_for_the_account() => StepsAsync(async () =>
    {
        // Every circuit connection of this tab passes through here, so the test can drop one as a flaky network does.
        var connections = new List<IWebSocketRoute>();
        await Page.Context.RouteWebSocketAsync(new Regex("/_blazor"), connection =>
        {
            connections.Add(connection);
            connection.ConnectToServer();
        });
        await SignedInOwnerAsync(Page, "Owner's commute stretch");
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByText("Owner's commute stretch")).ToBeVisibleAsync();

        // The sign-in itself still stands: only this browser's cookies are gone when the circuit reconnects.
        await Page.Context.ClearCookiesAsync();
        await connections[^1].CloseAsync(new() { Code = 4000, Reason = "network dropped" });

        await Expect(Page.GetByText("Owner's commute stretch")).ToHaveCountAsync(0, new() { Timeout = Promptly });
        Assert.True(connections.Count >= 2, "the circuit never reconnected");
    });

    [GeneratedRegex(@"/session/play/([0-9a-f-]{36})$")]
    private static partial Regex PlayerAddress();
}
