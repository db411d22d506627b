using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpineMobility.Web.Features.Sessions.Playing;
using SessionTimeline = SpineMobility.Web.Features.Sessions.Playing.SessionTimeline;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd.Features.Sessions;

/// <summary>
/// Only what was done counts, and the player holds up through a dropped connection: a closed tab, and a network that goes
/// away (the browser offline, and its open connections cut), for less and for more than the grace period.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PlayerConnectionTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(BrowserFixture.ReconnectGraceSeconds);

    private ILocator Player => Page.Locator(".player");

    private ILocator Countdown => Page.GetByTestId("countdown");

    private ILocator Reconnecting => Page.GetByText("Reconnecting… the session carries on.");

    private ILocator ConnectionLost => Page.Locator("[data-player-connection]");

    /// <summary>Starts a session from <paramref name="origin"/> and returns its run.</summary>
    private async Task<Guid> StartAsync(string origin = "/")
    {
        await Page.GotoAsync(origin + "session?minutes=20&seed=4");
        await WaitUntilInteractiveAsync();
        await StartSessionAsync();
        await Expect(Page).ToHaveURLAsync(PlayerAddress());
        await WaitUntilInteractiveAsync();
        // The browser's half of the player has the plan and the step (it marks the step it shows).
        await Page.Locator(".player[data-shown-step]").WaitForAsync();
        return Guid.Parse(PlayerAddress().Match(Page.Url).Groups[1].Value);
    }

    /// <summary>Waits until the session is on an exercise with at least 20 s left, so the step cannot change while the test acts.</summary>
    private Task<IJSHandle> OnALongStepAsync() => Page.WaitForFunctionAsync(
        """
        () => {
          const kind = document.querySelector("[data-step-kind]")?.textContent;
          const [m, s] = (document.querySelector("[data-countdown]")?.textContent ?? "0:00").split(":").map(Number);
          return (kind === "Hold" || kind === "Move") && m * 60 + s >= 20;
        }
        """,
        null,
        new() { PollingInterval = 5, Timeout = 20_000 });

    private Task<int> ShownStepAsync() => Player.EvaluateAsync<int>("p => Number(p.dataset.shownStep ?? p.dataset.step)");

    private static int Seconds(string? clock)
    {
        var parts = (clock ?? "").Trim().Split(':');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture) * 60) + int.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    private async Task<SessionState> ServerStateAsync(Guid run)
    {
        await using var db = Fixture.App.CreateDbContext();
        return (await db.SessionRuns.AsNoTracking().SingleAsync(r => r.Id == run)).State;
    }

    /// <summary>How far into the session a step and its time left are, in session seconds.</summary>
    private async Task<double> IntoSessionAsync(Guid run, int step, double left)
    {
        await using var db = Fixture.App.CreateDbContext();
        var timeline = SessionTimeline.From((await db.SessionRuns.AsNoTracking().SingleAsync(r => r.Id == run)).Blocks);
        return (timeline.StartOf(step) + timeline.Steps[step].Duration).TotalSeconds - left;
    }

    /// <summary>
    /// Each side notes the moment it sees the connection go a little after it went: up to two seconds of real time on a
    /// busy machine, still well short of the grace the session would otherwise have run on for.
    /// </summary>
    private static double NoticeSeconds => 1 + (2 * BrowserFixture.TimeScale);

    private async Task<(int Step, int Left)> ShownAsync()
    {
        var shown = await Player.EvaluateAsync<string[]>("p => [p.dataset.shownStep ?? p.dataset.step, p.querySelector('[data-countdown]').textContent]");
        return (int.Parse(shown[0], CultureInfo.InvariantCulture), Seconds(shown[1]));
    }

    private DateTimeOffset ServerNow => Fixture.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    private async Task<int> RecordedAsync(Guid run)
    {
        await using var db = Fixture.App.CreateDbContext();
        return await db.CompletedSessions.CountAsync(s => s.RunId == run);
    }

    // The cable first: under Chromium's offline emulation an open WebSocket that dies is not always reported.
    private async Task GoOfflineAsync(NetworkCut cable)
    {

        cable.Cut();
        await Context.SetOfflineAsync(true);
    }

    private async Task GoOnlineAsync(NetworkCut cable)
    {
        cable.Restore();
        await Context.SetOfflineAsync(false);
    }

    /// <summary>
    /// The step and time this page shows agree with the server's: read the page between two readings of the server's
    /// clock, so what the page shows must lie between them (within a second of session time, and one redraw).
    /// </summary>
    private async Task AssertAgreesWithTheServerAsync(Guid run)
    {
        for (var attempt = 0; ; attempt++)
        {
            var before = ServerNow;
            var shown = await Player.EvaluateAsync<string[]>("p => [p.dataset.shownStep ?? p.dataset.step, p.querySelector('[data-countdown]').textContent]");
            var after = ServerNow;
            var state = await ServerStateAsync(run);
            var step = int.Parse(shown[0], CultureInfo.InvariantCulture);
            if (state.StepIndex != step || state.StepEndsAt is null)
            {
                // A step ended between the readings (at 40 times the speed they are short): read again.
                Assert.True(attempt < 30, $"The page shows step {step}, the server has step {state.StepIndex} ({state.Status})");
                await Task.Delay(20);
                continue;
            }

            var latest = (state.StepEndsAt.Value - before).TotalSeconds;
            var earliest = (state.StepEndsAt.Value - after).TotalSeconds;
            // The countdown is redrawn every tenth of a second (four seconds at 40×): the text read may be that old.
            var redraw = 0.1 * BrowserFixture.TimeScale;
            Assert.InRange(Seconds(shown[1]), Math.Floor(earliest) - 1 - redraw, Math.Ceiling(latest) + 1 + redraw);
            return;
        }
    }

    [Fact]
    public Task A_closed_tab_reopened_after_the_grace_is_paused_where_it_was_left_and_nothing_is_recorded() => StepsAsync(async () =>
    {
        var run = await StartAsync();
        var player = Page.Url;
        await OnALongStepAsync();
        var (step, left) = await ShownAsync();
        var closedAt = await IntoSessionAsync(run, step, left);

        await Page.CloseAsync();
        await Task.Delay(Grace + TimeSpan.FromSeconds(2));
        Page = await Context.NewPageAsync();
        await Page.GotoAsync(player);
        await WaitUntilInteractiveAsync();

        await Expect(Page.GetByTestId("paused")).ToContainTextAsync("Paused where you left off");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Resume" })).ToBeVisibleAsync();
        var state = await ServerStateAsync(run);
        Assert.Equal((SessionStatus.Paused, true), (state.Status, state.PausedAway));

        // Where the tab was closed, not where five more seconds (two hundred at this speed) would have taken it.
        var pausedAt = await IntoSessionAsync(run, state.StepIndex, state.StepRemaining.TotalSeconds);
        Assert.InRange(pausedAt - closedAt, -1, NoticeSeconds);
        await Expect(Player).ToHaveAttributeAsync("data-step", $"{state.StepIndex}");
        await Expect(Countdown).ToHaveTextAsync(Duration(state.StepRemaining));
        await Page.WaitForTimeoutAsync(500);
        await Expect(Countdown).ToHaveTextAsync(Duration(state.StepRemaining));

        // Nothing was recorded, so no day counts for the streak: the session ran only while it was watched.
        Assert.Equal(0, await RecordedAsync(run));
        Assert.InRange(state.ActiveTime.TotalSeconds, closedAt - 1, closedAt + NoticeSeconds);
    });

    [Fact]
    public Task Offline_for_less_than_the_grace_the_page_keeps_guiding_and_then_agrees_with_the_server() => StepsAsync(async () =>
    {
        await using var cable = new NetworkCut(Fixture.BaseAddress);
        var run = await StartAsync(cable.Address.ToString());
        await Player.WaitForAsync();
        // Every change of the step or the countdown the page shows, with when it happened.
        await Page.EvaluateAsync(
            """
            () => {
              window.__shown = [];
              const player = document.querySelector(".player");
              const note = () => window.__shown.push([performance.now(), Number(player.dataset.shownStep ?? player.dataset.step), player.querySelector("[data-countdown]").textContent]);
              new MutationObserver(note).observe(player, { subtree: true, characterData: true, childList: true, attributes: true, attributeFilter: ["data-shown-step"] });
            }
            """);
        await OnALongStepAsync();
        var lostOn = await ShownStepAsync();

        await GoOfflineAsync(cable);

        await Expect(Reconnecting).ToBeVisibleAsync();
        var shown = await Countdown.TextContentAsync();
        await Expect(Countdown).Not.ToHaveTextAsync(shown!);
        await EventuallyAsync(async () => await ShownStepAsync() > lostOn, "the page moved on to the next step by itself", 3_000);
        Assert.True(await Page.EvaluateAsync<bool>("() => navigator.onLine === false"));

        await GoOnlineAsync(cable);

        await Expect(Reconnecting).ToBeHiddenAsync(new() { Timeout = (int)Grace.TotalMilliseconds });
        Assert.Equal(SessionStatus.Running, (await ServerStateAsync(run)).Status);
        await Expect(Page.GetByTestId("paused")).ToBeHiddenAsync();
        await AssertAgreesWithTheServerAsync(run);

        // No jump at any moment: each step follows the one before, and the countdown never moved faster than the clock.
        var samples = await Page.EvaluateAsync<double[][]>("() => window.__shown.map(([t, s, c]) => { const [m, x] = c.split(':').map(Number); return [t, s, m * 60 + x]; })");
        for (var i = 1; i < samples.Length; i++)
        {
            var (t0, step0, left0) = (samples[i - 1][0], samples[i - 1][1], samples[i - 1][2]);
            var (t1, step1, left1) = (samples[i][0], samples[i][1], samples[i][2]);
            Assert.True(step1 == step0 || step1 == step0 + 1, $"The page jumped from step {step0} to {step1}");
            // The server's render of the next step can land a moment before the page's own move to it.
            var nextStepFollows = samples.Skip(i).Take(3).Any(x => x[1] == step0 + 1);
            if (step1 == step0 && !nextStepFollows)
            {
                // What a moment's delivery can shift: a second, plus a quarter second of real time (ten seconds at 40×).
                var slack = 1 + (0.25 * BrowserFixture.TimeScale);
                var elapsed = (t1 - t0) / 1000 * BrowserFixture.TimeScale;
                Assert.True(left0 - left1 <= elapsed + slack && left1 - left0 <= slack, $"The countdown jumped from {left0} s to {left1} s in {t1 - t0:0} ms on step {step0}");
            }
        }
    });

    [Fact]
    public Task Offline_past_the_grace_both_pause_where_the_connection_was_lost() => StepsAsync(async () =>
    {
        await using var cable = new NetworkCut(Fixture.BaseAddress);
        var run = await StartAsync(cable.Address.ToString());
        await OnALongStepAsync();
        var (lostOn, lostLeft) = await ShownAsync();
        var lostAt = await IntoSessionAsync(run, lostOn, lostLeft);

        await GoOfflineAsync(cable);

        await Expect(ConnectionLost).ToContainTextAsync("Connection lost, paused at", new() { Timeout = (int)(Grace.TotalMilliseconds + 5_000) });
        await Expect(ConnectionLost).ToContainTextAsync("Resume when you're back");
        await Expect(Player).ToHaveAttributeAsync("data-status", "paused");
        var (step, left) = await ShownAsync();
        await Page.WaitForTimeoutAsync(500);
        Assert.Equal((step, left), await ShownAsync());
        var browserAt = await IntoSessionAsync(run, step, left);
        Assert.InRange(browserAt - lostAt, -1, NoticeSeconds);

        // The server paused where the connection was lost too: the same moment, as each side saw it.
        await EventuallyAsync(async () => (await ServerStateAsync(run)).Status == SessionStatus.Paused, "the server paused");
        var state = await ServerStateAsync(run);
        Assert.True(state.PausedAway);
        var serverAt = await IntoSessionAsync(run, state.StepIndex, state.StepRemaining.TotalSeconds);
        Assert.InRange(serverAt - lostAt, -1, NoticeSeconds);

        // Back online, the page shows the server's state: paused, the same step and time, and Resume carries on.
        await GoOnlineAsync(cable);

        await Expect(Reconnecting).ToBeHiddenAsync(new() { Timeout = 10_000 });
        await Expect(ConnectionLost).ToBeHiddenAsync();
        await Expect(Page.GetByTestId("paused")).ToContainTextAsync("Paused where you left off");
        await Expect(Player).ToHaveAttributeAsync("data-step", $"{state.StepIndex}");
        await Expect(Countdown).ToHaveTextAsync(Duration(state.StepRemaining));
        Assert.Equal(state.StepIndex, await ShownStepAsync());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Expect(Countdown).Not.ToHaveTextAsync(Duration(state.StepRemaining));
        Assert.Equal(0, await RecordedAsync(run));
    });

    private static string Duration(TimeSpan span) => SpineMobility.Web.Features.Sessions.Duration.Clock(span);

    [GeneratedRegex(@"/session/play/([0-9a-f-]{36})$")]
    private static partial Regex PlayerAddress();
}
