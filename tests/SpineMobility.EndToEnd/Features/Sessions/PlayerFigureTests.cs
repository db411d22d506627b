using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd.Features.Sessions;

/// <summary>The drawing in the player, as Chromium animates it, with and without a wish for less motion.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlayerFigureTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator Figure => Page.Locator(".player [data-testid=figure]");

    /// <summary>Pauses on the next rep set (the fast test clock may already be past the first) and returns its seconds per rep.</summary>
    private async Task<int> OnARepSetAsync()
    {
        await OpenAsync("/session?preset=hips");
        await StartSessionAsync();
        await WaitUntilInteractiveAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Expect(Page.GetByTestId("paused")).ToBeVisibleAsync();
        for (var i = 0; i < 40 && await Page.GetByTestId("step-kind").TextContentAsync() != "Move"; i++)
        {
            var at = await Page.Locator(".player").GetAttributeAsync("data-step");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
            await Expect(Page.Locator(".player")).Not.ToHaveAttributeAsync("data-step", at!);
        }

        await Expect(Page.GetByTestId("step-kind")).ToHaveTextAsync("Move");
        var name = await Page.GetByTestId("exercise-name").TextContentAsync();
        await using var db = Fixture.App.CreateDbContext();
        return db.Exercises.Where(e => e.Name == name).Select(e => e.Dose.SecondsPerRep).Single()!.Value;
    }

    [Fact]
    public Task During_a_rep_set_the_figure_moves_between_its_positions_at_the_tempo() => StepsAsync(async () =>
    {
        var secondsPerRep = await OnARepSetAsync();

        await Expect(Figure).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("figure-moving"));
        var animation = await Figure.Locator(".figure-end").EvaluateAsync<string>(
            "img => { const a = img.getAnimations()[0]; return a ? `${a.animationName} ${a.effect.getTiming().duration}` : 'none'; }");
        Assert.Equal($"figure-in {secondsPerRep * 1000}", animation);
        Assert.True(await Figure.Locator("img").Nth(0).EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
    });

    [Fact]
    public Task With_reduced_motion_the_figure_stands_still_showing_both_positions() => StepsAsync(async () =>
    {
        await Page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });

        await OnARepSetAsync();

        await Expect(Figure).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("figure-pair"));
        await Expect(Figure.Locator("img")).ToHaveCountAsync(2);
        Assert.Equal(0, await Page.Locator(".player").EvaluateAsync<int>("p => p.getAnimations({ subtree: true }).filter(a => a.animationName && a.animationName.startsWith('figure')).length"));
    });
}
