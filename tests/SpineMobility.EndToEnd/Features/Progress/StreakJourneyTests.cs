using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd.Features.Progress;

/// <summary>A new user's first days: a session while signed out, an account, a streak that stays theirs.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class StreakJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Stretch-2026!";

    private async Task FinishShortSessionAsync()
    {
        await OpenAsync("/session?minutes=5&seed=2");
        await StartSessionAsync();
        await Expect(Page).ToHaveURLAsync(PlayerAddress());
        await Expect(Page.GetByTestId("summary-title")).ToHaveTextAsync("Session complete", new() { Timeout = 30_000 });
    }

    private async Task SignInAsync(string email)
    {
        await Page.GotoAsync("/Account/Login?returnUrl=%2Fprogress");
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).Last.ClickAsync();
        await Expect(Page).ToHaveURLAsync(ProgressAddress());
        await WaitUntilInteractiveAsync();
    }

    private async Task SignOutAsync()
    {
        await Page.GotoAsync("/Account/Manage");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(HomeAddress());
    }

    private ILocator HistoryRows => Page.GetByTestId("history").Locator("li");

    [Fact]
    public Task A_session_done_signed_out_becomes_the_new_accounts_and_the_streak_survives_signing_out_and_in() => StepsAsync(async () =>
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";

        // Signed out: the session is kept for this browser, and the app says how to keep the streak.
        await FinishShortSessionAsync();
        await Expect(Page.GetByTestId("sign-in-hint")).ToContainTextAsync("keep your streak");

        // Registering brings that session along.
        await Page.GotoAsync("/Account/Register?returnUrl=%2Fprogress");
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await Page.GetByLabel("Confirm password").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(ProgressAddress());
        await WaitUntilInteractiveAsync();

        await Expect(Page.GetByTestId("current-streak")).ToContainTextAsync("1 day");
        await Expect(HistoryRows).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("heatmap").Locator("svg").First).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("today-message")).ToHaveTextAsync("Today is done. See you tomorrow.");

        // A second session the same day adds to the history, not to the streak.
        await FinishShortSessionAsync();
        await Page.GotoAsync("/progress");
        await WaitUntilInteractiveAsync();
        await Expect(HistoryRows).ToHaveCountAsync(2);
        await Expect(Page.GetByTestId("current-streak")).ToContainTextAsync("1 day");

        // Signed out, this browser shows nothing of the account's.
        await SignOutAsync();
        await OpenAsync("/progress");
        await Expect(Page.GetByText("No sessions yet")).ToBeVisibleAsync();

        // A session done while signed out again waits in this browser...
        await FinishShortSessionAsync();
        await Expect(Page.GetByTestId("sign-in-hint")).ToBeVisibleAsync();

        // ...and signing in brings it to the account, beside everything that was already there.
        await SignInAsync(email);
        await Expect(Page.GetByTestId("current-streak")).ToContainTextAsync("1 day");
        await Expect(HistoryRows).ToHaveCountAsync(3);
        await HistoryRows.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Exercises" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Wrong_passwords_are_refused_with_a_clear_message() => StepsAsync(async () =>
    {
        await Page.GotoAsync("/Account/Login");
        await Page.GetByLabel("E-mail").FillAsync("nobody@example.com");
        await Page.GetByLabel("Password").FillAsync("wrong");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).Last.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match an account");
    });

    [GeneratedRegex(@"/session/play/[0-9a-f-]{36}$")]
    private static partial Regex PlayerAddress();

    [GeneratedRegex(@"/progress$")]
    private static partial Regex ProgressAddress();

    [GeneratedRegex(@"/$")]
    private static partial Regex HomeAddress();
}
