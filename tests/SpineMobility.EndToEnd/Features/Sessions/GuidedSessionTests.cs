using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd.Features.Sessions;

/// <summary>A whole session in the browser, on a clock that runs 40 times faster.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class GuidedSessionTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // Records what the player asks of the browser: speech, the screen wake lock and tones.
    private const string Recorder = """
        window.__player = { speech: [], wakeLocks: 0, tones: 0 };
        const speak = speechSynthesis.speak.bind(speechSynthesis);
        speechSynthesis.speak = u => { window.__player.speech.push(u.text); try { speak(u); } catch {} };
        Object.defineProperty(navigator, "wakeLock", { configurable: true, value: {
            request: async () => { window.__player.wakeLocks++; return { release: async () => {}, addEventListener() {} }; } } });
        const oscillator = AudioContext.prototype.createOscillator;
        AudioContext.prototype.createOscillator = function () { window.__player.tones++; return oscillator.call(this); };
        """;

    private ILocator Countdown => Page.GetByTestId("countdown");

    private ILocator ExerciseName => Page.GetByTestId("exercise-name");

    private Task<string?> StepAsync() => Page.Locator(".player").GetAttributeAsync("data-step");

    [Fact]
    public Task A_user_builds_a_ten_minute_session_and_follows_it_to_the_end() => StepsAsync(async () =>
    {
        await Page.AddInitScriptAsync(Recorder);
        await OpenAsync("/session?minutes=10&seed=3");
        await Expect(Page.GetByTestId("plan-total")).ToContainTextAsync("10 min");

        await StartSessionAsync();

        await Expect(Page).ToHaveURLAsync(PlayerAddress());
        await WaitUntilInteractiveAsync();
        await Expect(ExerciseName).Not.ToBeEmptyAsync();
        var runId = Guid.Parse(PlayerAddress().Match(Page.Url).Groups[1].Value);

        // The countdown moves by itself.
        var shown = await Countdown.TextContentAsync();
        await Expect(Countdown).Not.ToHaveTextAsync(shown!);

        // Space pauses: the countdown stops.
        await Page.Keyboard.PressAsync("Space");
        await Expect(Page.GetByTestId("paused")).ToBeVisibleAsync();
        var frozen = await Countdown.TextContentAsync();
        await Page.WaitForTimeoutAsync(600);
        await Expect(Countdown).ToHaveTextAsync(frozen!);

        // Space again resumes.
        await Page.Keyboard.PressAsync("Space");
        await Expect(Page.GetByTestId("paused")).ToBeHiddenAsync();
        await Expect(Countdown).Not.ToHaveTextAsync(frozen!);

        // Skip moves to the next step.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        var before = int.Parse((await StepAsync())!);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
        await Expect(Page.Locator(".player")).ToHaveAttributeAsync("data-step", $"{before + 1}");

        // Reloading lands on the same step of the same exercise, still paused, with the same time left.
        var name = await ExerciseName.TextContentAsync();
        var left = await Countdown.TextContentAsync();
        await Page.ReloadAsync();
        await WaitUntilInteractiveAsync();
        await Expect(ExerciseName).ToHaveTextAsync(name!);
        await Expect(Page.Locator(".player")).ToHaveAttributeAsync("data-step", $"{before + 1}");
        await Expect(Page.GetByTestId("paused")).ToBeVisibleAsync();
        await Expect(Countdown).ToHaveTextAsync(left!);

        // Resume and let it run to the end.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Expect(Page.GetByTestId("summary-title")).ToHaveTextAsync("Session complete", new() { Timeout = 30_000 });
        await Expect(Page.GetByTestId("summary-saved")).ToContainTextAsync("Saved to your history");

        // The player spoke, kept the screen awake and played its tones.
        var speech = await Page.EvaluateAsync<string[]>("() => window.__player.speech");
        Assert.Contains(speech, s => s.StartsWith("Next: ", StringComparison.Ordinal));
        Assert.Contains("Session complete. Well done.", speech);
        Assert.True(await Page.EvaluateAsync<int>("() => window.__player.wakeLocks") > 0, "the screen wake lock was never requested");
        Assert.True(await Page.EvaluateAsync<int>("() => window.__player.tones") > 0, "no tone was played");

        // Recorded once, however often the summary is reloaded.
        await Page.ReloadAsync();
        await Expect(Page.GetByTestId("summary-title")).ToHaveTextAsync("Session complete");
        await using var db = Fixture.App.CreateDbContext();
        var recorded = await db.CompletedSessions.Where(s => s.RunId == runId).ToListAsync();
        var session = Assert.Single(recorded);
        Assert.Equal(BrowserFixture.TimeZone, session.TimeZone);
        // The fast clock started at 09:00 in Berlin on the 26th; the day is the browser's, never the machine's.
        Assert.Equal(new DateOnly(2026, 11, 26), session.LocalDate);
    });

    [Fact]
    public Task Ending_early_asks_first_and_shows_what_was_done() => StepsAsync(async () =>
    {
        await OpenAsync("/session?preset=beginner-start");
        await StartSessionAsync();
        await Expect(Page).ToHaveURLAsync(PlayerAddress());
        await WaitUntilInteractiveAsync();
        // Paused, so the fast clock cannot finish the session while the dialog is open.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();

        await Page.Locator(".player").GetByRole(AriaRole.Button, new() { Name = "End session" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Keep going" }).ClickAsync();
        await Expect(ExerciseName).ToBeVisibleAsync();

        await Page.Locator(".player").GetByRole(AriaRole.Button, new() { Name = "End session" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "End session" }).ClickAsync();

        await Expect(Page.GetByTestId("summary-title")).ToHaveTextAsync("Session ended");
    });

    [GeneratedRegex(@"/session/play/([0-9a-f-]{36})$")]
    private static partial Regex PlayerAddress();
}
