using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Settings;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd.Features.Settings;

/// <summary>Settings and progress on a 360 px phone: whole pickers, weeks that start on the user's day, values that cannot be kept said so beside the field.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneSettingsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Stretch-2026!";

    protected override int Width => PhoneWidth;

    private async Task<string> SignInAsync()
    {
        var email = $"phone-{Guid.NewGuid():N}@example.com";
        var userId = await Fixture.App.CreateUserAsync(email, Password);
        await Page.GotoAsync("/Account/Login");
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).Last.ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(new Regex("/Account/Login"));
        return userId;
    }

    /// <summary>A MudBlazor field's input, wherever the field puts its test id.</summary>
    private ILocator Input(string testId) => Page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    /// <summary>Whether the element lies wholly inside the 360 px wide screen.</summary>
    private static async Task AssertOnScreenAsync(ILocator element, string what)
    {
        var box = await element.BoundingBoxAsync();
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= PhoneWidth + 0.5, $"{what} lies at {box?.X}..{box?.X + box?.Width}, the screen is {PhoneWidth} px wide");
    }

    [Fact]
    public Task The_pause_pickers_show_the_whole_month_from_the_users_first_day_and_the_clock_fits() => StepsAsync(async () =>
    {
        var userId = await SignInAsync();
        var store = Fixture.App.Services.GetRequiredService<SettingsStore>();
        var settings = await store.GetAsync(userId);
        settings.WeekStart = DayOfWeek.Wednesday;
        Assert.Empty(await store.SaveAsync(settings, "Europe/Berlin"));

        await OpenAsync("/settings");
        await Input("pause-from").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        var dayNames = Page.Locator(".mud-picker-calendar-header-day > *");
        await Expect(dayNames).ToHaveCountAsync(7);
        Assert.StartsWith("We", (await dayNames.First.InnerTextAsync()).Trim(), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Tu", (await dayNames.Last.InnerTextAsync()).Trim(), StringComparison.OrdinalIgnoreCase);
        for (var i = 0; i < 7; i++)
        {
            await AssertOnScreenAsync(dayNames.Nth(i), $"weekday {i + 1}");
        }

        await AssertOnScreenAsync(Page.Locator(".mud-picker-nav-button-next").First, "the next-month arrow");
        await AssertOnScreenAsync(Page.Locator(".mud-picker-calendar-header-switch").First, "the month");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);

        await Page.GetByLabel("At", new() { Exact = true }).ClickAsync();
        await Expect(Page.Locator(".mud-picker-time-clock")).ToBeVisibleAsync();
        await AssertOnScreenAsync(Page.Locator(".mud-picker-time-clock"), "the reminder clock");
    });

    [Fact]
    public Task Values_outside_their_range_are_named_beside_the_field_and_saving_confirms() => StepsAsync(async () =>
    {
        await SignInAsync();
        await OpenAsync("/settings");

        var minimum = Input("daily-minimum");
        foreach (var value in new[] { "0", "999" })
        {
            await minimum.FillAsync(value);
            await minimum.BlurAsync();
            await Expect(Page.GetByText($"Choose 1 to 60 minutes, not {value}.")).ToBeVisibleAsync();
        }

        var reminder = Input("reminder-minutes");
        await reminder.FillAsync("999");
        await reminder.BlurAsync();
        await Expect(Page.GetByText("Choose 5 to 90 minutes, not 999.")).ToBeVisibleAsync();

        var note = Input("pause-note");
        await note.FillAsync(new string('n', 230));
        await note.BlurAsync();
        await Expect(Page.GetByText("Keep the note to 200 characters, not 230.")).ToBeVisibleAsync();
        await Expect(note).ToHaveValueAsync(new string('n', 230));

        // Saving with a value out of range refuses and says why; with values in range it confirms.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(Page.GetByText("The daily minimum is 1 to 60 minutes, not 999.")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("saved")).ToBeEmptyAsync();
        await minimum.FillAsync("10");
        await minimum.BlurAsync();
        await reminder.FillAsync("20");
        await reminder.BlurAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(Page.GetByTestId("saved")).ToContainTextAsync("Saved at");
    });

    [Fact]
    public Task Progress_on_a_phone_opens_the_year_at_today_with_readable_chart_labels() => StepsAsync(async () =>
    {
        var userId = await SignInAsync();
        await Fixture.App.RecordSessionAsync(userId, "Morning stretch", Fixture.Now.AddHours(-2));

        await OpenAsync("/progress");
        await Expect(Page.GetByText("before and after your last session with a check-in")).ToBeVisibleAsync();

        var heatmap = Page.GetByTestId("heatmap");
        await Expect(heatmap).ToBeVisibleAsync();
        var scroll = await heatmap.EvaluateAsync<double[]>("""
            e => [e.clientWidth, e.scrollWidth, e.getBoundingClientRect().right,
                  Math.max(...[...e.querySelectorAll("svg rect")].map(r => r.getBoundingClientRect().right)), e.getBoundingClientRect().left]
            """);
        Assert.True(scroll[1] > scroll[0], $"the year fits without scrolling ({scroll[1]} in {scroll[0]}), so this test checks nothing");
        Assert.True(scroll[3] <= scroll[2] + 1 && scroll[3] > scroll[4], $"the last week ends at {scroll[3]}, the visible map spans {scroll[4]}..{scroll[2]}");

        // Axis labels as the eye sees them: the rendered height of each label's text.
        await Page.WaitForTimeoutAsync(500); // MudChart fits its drawing to its box after the first render.
        var heights = await Page.Locator(".mud-charts-xaxis text, .mud-charts-yaxis text").EvaluateAllAsync<double[]>(
            "texts => texts.filter(t => t.textContent.trim()).map(t => t.getBoundingClientRect().height)");
        Assert.NotEmpty(heights);
        Assert.True(heights.Min() >= 10, $"the smallest axis label is {heights.Min():0.0} px high");
    });
}
