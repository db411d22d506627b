using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpineMobility.Testing;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd;

/// <summary>Every page works in Chromium under the app's Content-Security-Policy, and the browser reports nothing it blocked.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ContentSecurityPolicyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // Collects what the browser blocked; init scripts come from the debugging channel, so the policy does not stop this one.
    private const string Recorder = """
        window.__blocked = [];
        document.addEventListener("securitypolicyviolation", e => window.__blocked.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} in ${e.sourceFile}:${e.lineNumber}`));
        """;

    private readonly List<string> _consoleErrors = [];

    private async Task AssertNothingBlockedAsync(string page)
    {
        var blocked = await Page.EvaluateAsync<string[]>("() => window.__blocked");
        var errors = _consoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(blocked.Length == 0 && errors.Count == 0, $"{page}:\n{string.Join("\n", blocked.Concat(errors))}");
    }

    private async Task StartRecordingAsync()
    {
        await Page.AddInitScriptAsync(Recorder);
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
    }

    [Fact]
    public Task Every_page_works_under_the_policy_and_nothing_is_blocked() => StepsAsync(async () =>
    {
        await StartRecordingAsync();
        var email = $"csp-{Guid.NewGuid():N}@example.com";
        await Fixture.App.CreateUserAsync(email, "Stretch-2026!");

        foreach (var path in new[] { "/", "/exercises", "/exercises/cat-cow", "/session", "/progress", "/safety", "/about", "/no-such-page" })
        {
            await OpenAsync(path);

            if (await IsStaticPageAsync())
            {
                // A page without a circuit: its theme menu is a disclosure with a form, which opens without script.
                await Page.GetByLabel("Theme").ClickAsync();
                await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Dark" })).ToBeVisibleAsync();
                await Page.GetByLabel("Theme").ClickAsync();
            }
            else
            {
                // Interactive under the policy: the theme menu (MudBlazor's popover and its scripts) opens and closes.
                await Page.GetByRole(AriaRole.Button, new() { Name = "Theme" }).ClickAsync();
                await Expect(Page.GetByRole(AriaRole.Menuitem, new() { Name = "Dark" })).ToBeVisibleAsync();
                await Page.Keyboard.PressAsync("Escape");
            }
            await AssertNothingBlockedAsync(path);
        }

        foreach (var path in new[] { "/Account/Login", "/Account/Register", "/Account/ForgotPassword" })
        {
            await Page.GotoAsync(path);
            await AssertNothingBlockedAsync(path);
        }

        await Page.GotoAsync("/Account/Login?returnUrl=%2Fsettings");
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync("Stretch-2026!");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).Last.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/settings$"));
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Settings", Level = 1 })).ToBeVisibleAsync();
        await AssertNothingBlockedAsync("/settings");

        // The player: its module, the drawing, the countdown animation.
        await OpenAsync("/session?minutes=5&seed=2");
        await StartSessionAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/session/play/"));
        await WaitUntilInteractiveAsync();
        var countdown = Page.GetByTestId("countdown");
        var shown = await countdown.TextContentAsync();
        await Expect(countdown).Not.ToHaveTextAsync(shown!);
        await AssertNothingBlockedAsync("/session/play");
    });
}
