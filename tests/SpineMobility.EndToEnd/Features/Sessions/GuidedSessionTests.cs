using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SpineMobility.Web.Features.Sessions.Playing;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd.Features.Sessions;

/// <summary>A whole session in the browser, on a clock that runs 40 times faster.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class GuidedSessionTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // Records what the player asks of the browser: speech, the screen wake lock and tones.
    internal const string Recorder = """
        window.__player = { speech: [], spokenOnStep: [], wakeLocks: 0, tones: 0 };
        const speak = speechSynthesis.speak.bind(speechSynthesis);
        speechSynthesis.speak = u => {
            window.__player.speech.push(u.text);
            window.__player.spokenOnStep.push(Number(document.querySelector(".player")?.dataset.shownStep ?? -1));
            try { speak(u); } catch {}
        };
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

        // The countdown moves by itself (in the browser, once its half of the player has the plan).
        await Page.Locator(".player[data-shown-step]").WaitForAsync();
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
        await Expect(Page.GetByTestId("paused")).ToBeVisibleAsync();
        var before = int.Parse((await StepAsync())!, CultureInfo.InvariantCulture);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
        await Expect(Page.Locator(".player")).ToHaveAttributeAsync("data-step", $"{before + 1}");
        await Expect(Page.Locator(".player")).ToHaveAttributeAsync("data-shown-step", $"{before + 1}");
        await SteadyCountdownAsync();

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
        Assert.Contains(speech, s => GetReadyWords().IsMatch(s)); // "Cat-cow, 8 reps. Breathe out as you round. ..."
        Assert.Contains("Begin.", speech);
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

    [Fact]
    public Task A_second_session_in_the_same_tab_speaks_from_its_first_announcement() => StepsAsync(async () =>
    {
        await Page.AddInitScriptAsync(Recorder);
        await OpenAsync("/session?preset=beginner-start");
        await StartSessionAsync();
        await Expect(Page).ToHaveURLAsync(PlayerAddress());
        await WaitUntilInteractiveAsync();
        await EventuallyAsync(async () => (await SpeechAsync()).Length > 0, "the first session spoke");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Page.Locator(".player").GetByRole(AriaRole.Button, new() { Name = "End session" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "End session" }).ClickAsync();
        await Expect(Page.GetByTestId("summary-title")).ToHaveTextAsync("Session ended");
        await EventuallyAsync(async () => (await SpeechAsync()).Contains("Session ended."), "the end was said");
        var said = (await SpeechAsync()).Length;

        // In the same tab (the player's script stays loaded): another session.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Another session" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/session$"));
        await WaitUntilInteractiveAsync();
        await StartSessionAsync();
        await Expect(Page).ToHaveURLAsync(PlayerAddress());
        var runId = Guid.Parse(PlayerAddress().Match(Page.Url).Groups[1].Value);
        await EventuallyAsync(async () => (await SpeechAsync()).Length > said, "the second session spoke");

        // Its first words are the opening words of the step it showed then, as the server has them.
        var text = (await SpeechAsync())[said];
        var step = (await Page.EvaluateAsync<int[]>("() => window.__player.spokenOnStep"))[said];
        await using var db = Fixture.App.CreateDbContext();
        var run = await db.SessionRuns.SingleAsync(r => r.Id == runId);
        var timeline = SessionTimeline.From(run.Blocks);
        var slug = timeline.Steps[step].Block.Slug;
        var cue = (await db.Exercises.SingleAsync(e => e.Slug == slug)).Cues.FirstOrDefault();
        Assert.Equal(Announcer.ForStep(timeline.Steps[step], timeline, cue), text);
    });

    [Fact]
    public Task Space_and_Enter_on_a_focused_button_press_that_button_not_pause() => StepsAsync(async () =>
    {
        await OpenAsync("/session?preset=beginner-start");
        await StartSessionAsync();
        await Expect(Page).ToHaveURLAsync(PlayerAddress());
        await WaitUntilInteractiveAsync();
        await Page.Locator(".player[data-shown-step]").WaitForAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Expect(Page.GetByTestId("paused")).ToBeVisibleAsync();
        var at = int.Parse((await StepAsync())!, CultureInfo.InvariantCulture);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Skip" }).FocusAsync();
        await Page.Keyboard.PressAsync("Space");

        await Expect(Page.Locator(".player")).ToHaveAttributeAsync("data-step", $"{at + 1}");
        await Expect(Page.GetByTestId("paused")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Back" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator(".player")).ToHaveAttributeAsync("data-step", $"{at}");
        await Expect(Page.GetByTestId("paused")).ToBeVisibleAsync();

        // Off the controls, Space is the shortcut again, and → skips even with a button focused (buttons do not use arrows).
        await Page.GetByTestId("exercise-name").ClickAsync();
        await Page.Keyboard.PressAsync("Space");
        await Expect(Page.GetByTestId("paused")).ToBeHiddenAsync();
        await Page.Keyboard.PressAsync("Space");
        await Expect(Page.GetByTestId("paused")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Back" }).FocusAsync();
        await Page.Keyboard.PressAsync("ArrowRight");
        await Expect(Page.Locator(".player")).ToHaveAttributeAsync("data-step", $"{at + 1}");
    });

    /// <summary>Waits until the countdown stands still (paused, and the browser has heard so), then returns it.</summary>
    private async Task<string> SteadyCountdownAsync()
    {
        var shown = await Countdown.TextContentAsync();
        for (var i = 0; i < 40; i++)
        {
            await Page.WaitForTimeoutAsync(150);
            var now = await Countdown.TextContentAsync();
            if (now == shown)
            {
                return now!;
            }

            shown = now;
        }

        Assert.Fail($"The countdown never stood still; it shows {shown}");
        return shown!;
    }

    [GeneratedRegex(@"^(Last exercise\. )?[A-Z][^,]+, \d+ (reps|seconds?|minutes?)")]
    private static partial Regex GetReadyWords();

    private Task<string[]> SpeechAsync() => Page.EvaluateAsync<string[]>("() => window.__player.speech");

    [GeneratedRegex(@"/session/play/([0-9a-f-]{36})$")]
    private static partial Regex PlayerAddress();
}
