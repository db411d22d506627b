using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpineMobility.Testing;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd.Features.Account;

/// <summary>The account pages on a phone: the app's own navigation and theme, real addresses, long ones that fit.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AccountPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Stretch-2026!";

    protected override int Width => PhoneWidth;

    private async Task RegisterAsync(string email)
    {
        await Page.GotoAsync("/Account/Register");
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await Page.GetByLabel("Confirm password").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/progress$"));
    }

    [Fact]
    public Task The_sign_in_page_on_a_phone_opens_the_apps_navigation_without_a_circuit() => StepsAsync(async () =>
    {
        await Page.GotoAsync("/Account/Login");

        await Page.GetByLabel("Open navigation").ClickAsync();
        var menu = Page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        foreach (var section in new[] { "Home", "Exercises", "Session", "Progress", "Safety", "Settings", "About this app" })
        {
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = section })).ToBeVisibleAsync();
        }

        await menu.GetByRole(AriaRole.Link, new() { Name = "Exercises" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/exercises$"));
    });

    [Fact]
    public Task The_theme_switch_of_the_account_pages_turns_them_dark_and_the_rest_of_the_app_with_them() => StepsAsync(async () =>
    {
        await Page.GotoAsync("/Account/Login");
        var lightBackground = await BackgroundAsync();

        await Page.GetByLabel("Theme").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Dark" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/Account/Login$"));
        Assert.True(Luminance(await BackgroundAsync()) < 0.2, $"still light after choosing dark ({await BackgroundAsync()}, was {lightBackground})");
        Assert.Contains(await Page.Context.CookiesAsync(), c => c.Name == "sm-theme" && c.Value == "dark");
        await OpenAsync("/about");
        Assert.True(Luminance(await BackgroundAsync()) < 0.2);
    });

    [Fact]
    public Task An_address_with_an_accent_registers_in_the_browser_and_the_longest_address_fits_its_card() => StepsAsync(async () =>
    {
        await RegisterAsync($"zoë-{Guid.NewGuid():N}@example.com");
        await Page.GotoAsync("/Account/Manage");
        await Expect(Page.GetByText("Signed in as")).ToContainTextAsync("zoë-");

        // Signed in, the register page offers the account instead of a second one.
        await Page.GotoAsync("/Account/Register");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "You are signed in" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Create account" })).ToHaveCountAsync(0);

        await Page.GotoAsync("/Account/Manage");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        var longest = new string('x', 230) + Guid.NewGuid().ToString("N")[..12] + "@example.com";
        await RegisterAsync(longest);
        await Page.GotoAsync("/Account/Manage");

        var card = await Page.Locator(".account-wrap .mud-paper").BoundingBoxAsync();
        var email = await Page.Locator(".account-email").BoundingBoxAsync();
        Assert.True(email!.X + email.Width <= card!.X + card.Width, $"the address ends at {email.X + email.Width}, the card at {card.X + card.Width}");
        Assert.Equal(PhoneWidth, await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
    });

    [Fact]
    public Task A_weak_password_shows_every_rule_it_breaks_at_once_and_the_box_comes_back_empty() => StepsAsync(async () =>
    {
        await Page.GotoAsync("/Account/Register");
        await Expect(Page.GetByText("At least 6 characters, with an upper-case letter, a lower-case letter, a digit and a symbol.")).ToBeVisibleAsync();
        await Page.GetByLabel("E-mail").FillAsync($"weak-{Guid.NewGuid():N}@example.com");
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync("abc");
        await Page.GetByLabel("Confirm password").FillAsync("abc");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        foreach (var rule in new[] { "Use at least 6 characters.", "Use at least one upper-case letter", "Use at least one digit", "Use at least one symbol" })
        {
            await Expect(Page.GetByText(rule)).ToBeVisibleAsync();
        }

        await Expect(Page.GetByLabel("Password", new() { Exact = true })).ToHaveValueAsync("");
    });
}
