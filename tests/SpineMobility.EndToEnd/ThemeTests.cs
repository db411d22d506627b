using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpineMobility.Testing;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd;

/// <summary>
/// The theme is one class on the html element, its rules in every page's head: it switches at once on an interactive
/// page, follows the system when asked to, and the drawings follow it on pages with and without a circuit.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ThemeTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private async Task<bool> LooksDarkAsync() => Luminance(await BackgroundAsync()) < 0.2;

    private async Task ChooseAsync(string theme)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Theme" }).ClickAsync();
        await Page.GetByRole(AriaRole.Menuitem, new() { Name = theme }).ClickAsync();
    }

    [Fact]
    public Task Dark_chosen_on_an_interactive_page_shows_at_once_and_on_the_next_pages_with_their_drawings() => StepsAsync(async () =>
    {
        await OpenAsync("/session");
        await WaitUntilInteractiveAsync();
        Assert.False(await LooksDarkAsync(), $"dark before choosing ({await BackgroundAsync()})");

        await ChooseAsync("Dark");
        await EventuallyAsync(LooksDarkAsync, "the builder turning dark without a reload");
        await Expect(Page.Locator("html")).ToHaveClassAsync(DarkClass());
        Assert.Contains(await Page.Context.CookiesAsync(), c => c.Name == "sm-theme" && c.Value == "dark");

        // A page without a circuit, reached by a link: written dark by the server, its drawings inverted by the class.
        await OpenAsync("/exercises/cat-cow");
        Assert.True(await LooksDarkAsync(), $"the exercise page is light ({await BackgroundAsync()})");
        var filter = await Page.Locator("[data-testid=figure] img").First.EvaluateAsync<string>("img => getComputedStyle(img).filter");
        Assert.Contains("invert(1)", filter, StringComparison.Ordinal);

        await OpenAsync("/session");
        await WaitUntilInteractiveAsync();
        await ChooseAsync("Light");
        await EventuallyAsync(async () => !await LooksDarkAsync(), "the builder turning light again");
        await Expect(Page.Locator("html")).Not.ToHaveClassAsync(DarkClass());
    });

    [Fact]
    public Task A_theme_left_to_the_system_follows_it_while_the_page_is_open() => StepsAsync(async () =>
    {
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await OpenAsync("/progress");
        await WaitUntilInteractiveAsync();
        await EventuallyAsync(LooksDarkAsync, "the page following a dark system");

        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await EventuallyAsync(async () => !await LooksDarkAsync(), "the page following the system back to light");

        // Remembered for the next page's first paint, which the server writes before any script runs.
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await EventuallyAsync(async () => (await Page.Context.CookiesAsync()).Any(c => c.Name == "sm-theme" && c.Value == "system-dark"), "the cookie saying the system is dark");
        var html = await Page.APIRequest.GetAsync("/about");
        Assert.Contains("class=\"sm-dark\"", await html.TextAsync(), StringComparison.Ordinal);
    });

    [Fact]
    public Task Every_page_has_the_theme_rules_once_in_its_head_and_none_in_the_body() => StepsAsync(async () =>
    {
        foreach (var path in new[] { "/", "/session", "/Account/Login" })
        {
            await OpenAsync(path);
            var roots = await Page.EvaluateAsync<int>("() => [...document.querySelectorAll('style')].filter(s => s.textContent.includes('--mud-palette-primary:')).length");
            var inHead = await Page.EvaluateAsync<int>("() => [...document.head.querySelectorAll('style')].filter(s => s.textContent.includes('html.sm-dark')).length");
            Assert.True(roots == 1 && inHead == 1, $"{path}: {roots} style elements with the theme's variables, {inHead} of them in the head with the dark rules");
        }
    });

    [GeneratedRegex(@"\bsm-dark\b")]
    private static partial Regex DarkClass();
}
