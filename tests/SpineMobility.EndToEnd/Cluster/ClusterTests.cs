using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd.Cluster;

/// <summary>
/// A real user through nginx in front of two instances on one PostgreSQL (<c>deploy/cluster.sh</c>), in Chromium: which
/// instance serves a page is nginx's sticky <c>spine_node</c> cookie, which each browser here is given for the instance
/// the test wants (and nginx's <c>X-Spine-Instance</c> header says which one answered).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ClusterTests(ClusterFixture cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Password = "Stretch-every-day-42";

    /// <summary>What a change made in one tab may take to show in a tab on the other instance (issue 13 §3).</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions WithinASecond = new() { Timeout = 1_000 };

    private static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private readonly List<IBrowserContext> _browsers = [];

    [GeneratedRegex(@"/session/play/([0-9a-f-]{36})$")]
    private static partial Regex PlayerAddress();

    public Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        return cluster.BothInstancesUpAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var browser in _browsers)
        {
            await browser.DisposeAsync();
        }
    }

    [ClusterFact]
    public Task A_user_who_registered_on_one_instance_is_still_signed_in_when_nginx_sends_them_to_the_other() => StepsAsync(async () =>
    {
        var browser = await BrowserOnAsync(1);
        var page = await browser.NewPageAsync();
        var email = $"cluster-{Guid.NewGuid():N}@example.com";

        var form = await page.GotoAsync("/Account/Register");
        Assert.Equal(cluster.InstanceAddress(1), form!.Headers["x-spine-instance"]);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        var registered = page.WaitForResponseAsync(r => r.Url.EndsWith("/Account/Register", StringComparison.Ordinal) && r.Request.Method == "POST");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        Assert.Equal(cluster.InstanceAddress(1), (await registered).Headers["x-spine-instance"]);
        await Expect(page).ToHaveURLAsync(new Uri(cluster.BaseAddress, "progress").ToString());
        await InteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Your account" })).ToBeVisibleAsync();

        // The balancer now sends this browser to the other instance, which knows the sign-in from the shared database
        // (the same data-protection keys read the cookie).
        await browser.AddCookiesAsync([cluster.Sticky(2)]);
        var account = await page.GotoAsync("/Account/Manage");
        Assert.Equal(cluster.InstanceAddress(2), account!.Headers["x-spine-instance"]);
        await Expect(page).ToHaveURLAsync(new Uri(cluster.BaseAddress, "Account/Manage").ToString());
        await Expect(page.GetByText(email).First).ToBeVisibleAsync();

        // An interactive page there too: its circuit, on instance 2, acts for the account (settings are for signed-in users only).
        var settings = await page.GotoAsync("/settings");
        Assert.Equal(cluster.InstanceAddress(2), settings!.Headers["x-spine-instance"]);
        await InteractiveAsync(page);
        await Expect(page).ToHaveURLAsync(new Uri(cluster.BaseAddress, "settings").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Settings", Exact = true })).ToBeVisibleAsync();
    });

    [ClusterFact]
    public Task Two_tabs_of_one_session_on_different_instances_show_a_pause_or_resume_made_in_either_within_a_second() => StepsAsync(async () =>
    {
        var (one, _) = await StartSessionOnAsync(1, minutes: 10);
        await one.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Expect(one.GetByTestId("paused")).ToBeVisibleAsync();

        // The same browser's second tab, which the balancer sends to the other instance.
        var two = await SecondTabOnAsync(2, one);
        await Expect(two.GetByTestId("paused")).ToBeVisibleAsync();

        // Resumed in the second tab: once it shows running there, the first follows within a second.
        await two.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Expect(two.GetByTestId("paused")).ToBeHiddenAsync();
        await Expect(one.GetByTestId("paused")).ToBeHiddenAsync(new() { Timeout = 1_000 });

        // Paused in the first: the second shows paused within a second, on the same step with the same time left.
        await one.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Expect(one.GetByTestId("paused")).ToBeVisibleAsync();
        await Expect(two.GetByTestId("paused")).ToBeVisibleAsync(WithinASecond);
        var step = await one.Locator(".player").GetAttributeAsync("data-step");
        await Expect(two.Locator(".player")).ToHaveAttributeAsync("data-step", step!);
        var left = await one.GetByTestId("countdown").TextContentAsync();
        await Expect(two.GetByTestId("countdown")).ToHaveTextAsync(left!);

        // Skipped in the second while paused: the first moves on by exactly one step with it.
        await two.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
        var next = $"{int.Parse(step!, System.Globalization.CultureInfo.InvariantCulture) + 1}";
        await Expect(two.Locator(".player")).ToHaveAttributeAsync("data-step", next);
        await Expect(one.Locator(".player")).ToHaveAttributeAsync("data-step", next, new() { Timeout = 1_000 });

        // ...and by no more: a change heard from the other instance is not made a second time (paused, nothing else moves).
        await Task.Delay(1_000);
        await Expect(one.Locator(".player")).ToHaveAttributeAsync("data-step", next, new() { Timeout = 0 });
        await Expect(two.Locator(".player")).ToHaveAttributeAsync("data-step", next, new() { Timeout = 0 });
    });

    [ClusterFact]
    public Task A_session_whose_timer_instance_dies_carries_on_in_the_tab_on_the_other_and_is_recorded_once() => StepsAsync(async () =>
    {
        // A ten-minute session (30 s at the cluster's clock), shown by a tab on each instance.
        var (one, runId) = await StartSessionOnAsync(1, minutes: 10);
        var two = await SecondTabOnAsync(2, one);
        await Expect(two.GetByTestId("paused")).ToBeHiddenAsync();
        Assert.False(await two.GetByTestId("summary-title").IsVisibleAsync(), "The session ended before the test could stop an instance in its middle.");

        // The instance that runs the session's timer (the holder of its lease, or, where no lease shows, the one whose
        // page opened the session) dies as if its machine did.
        int? owner = null;
        for (var i = 0; i < 20 && owner is null; i++)
        {
            owner = await cluster.TimerOwnerAsync(runId);
            await Task.Delay(100);
        }

        var dying = owner ?? 1;
        output.WriteLine(owner is null ? "No timer lease showed in PostgreSQL: killing instance 1, whose page started the session." : $"Instance {owner} holds the timer lease: killing it.");
        var survivor = dying == 1 ? two : one;
        var before = int.Parse((await survivor.Locator(".player").GetAttributeAsync("data-step"))!, System.Globalization.CultureInfo.InvariantCulture);
        await cluster.KillInstanceAsync(dying);

        // The tab on the other instance carries on step by step to the end of the session.
        await Expect(survivor.Locator(".player")).Not.ToHaveAttributeAsync("data-step", $"{before}", new() { Timeout = 10_000 });
        await Expect(survivor.GetByTestId("summary-title")).ToHaveTextAsync("Session complete", new() { Timeout = 60_000 });

        // Recorded once: the progress page of this browser shows one session, and the database has one.
        await survivor.GotoAsync("/progress");
        await InteractiveAsync(survivor);
        await Expect(survivor.GetByTestId("history").Locator("li")).ToHaveCountAsync(1);
        Assert.Equal(1, await cluster.RecordedCountAsync(runId));
    });

    private async Task<IBrowserContext> BrowserOnAsync(int instance, IEnumerable<BrowserContextCookiesResult>? cookiesOf = null)
    {
        var browser = await cluster.BrowserOnAsync(instance, cookiesOf);
        _browsers.Add(browser);
        return browser;
    }

    /// <summary>Builds a session in a new browser on <paramref name="instance"/>, answers the safety questions no and starts it.</summary>
    private async Task<(IPage Page, Guid RunId)> StartSessionOnAsync(int instance, int minutes)
    {
        var page = await (await BrowserOnAsync(instance)).NewPageAsync();
        var builder = await page.GotoAsync($"/session?minutes={minutes}&seed=3");
        Assert.Equal(cluster.InstanceAddress(instance), builder!.Headers["x-spine-instance"]);
        await InteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        var check = page.GetByTestId("safety-check");
        await check.Or(page.Locator(".player")).First.WaitForAsync();
        if (await check.IsVisibleAsync())
        {
            var questions = page.Locator(".screening-question");
            await Expect(questions).ToHaveCountAsync(6);
            for (var i = 0; i < 6; i++)
            {
                await questions.Nth(i).GetByRole(AriaRole.Radio).Nth(1).CheckAsync();
            }

            await check.GetByRole(AriaRole.Button, new() { Name = "Start the session" }).ClickAsync();
        }

        await Expect(page).ToHaveURLAsync(PlayerAddress());
        await InteractiveAsync(page);
        await page.Locator(".player[data-shown-step]").WaitForAsync();
        return (page, Guid.Parse(PlayerAddress().Match(page.Url).Groups[1].Value));
    }

    /// <summary>The player of <paramref name="first"/>'s session in a second tab of the same browser, sent to <paramref name="instance"/>.</summary>
    private async Task<IPage> SecondTabOnAsync(int instance, IPage first)
    {
        var page = await (await BrowserOnAsync(instance, await first.Context.CookiesAsync())).NewPageAsync();
        var player = await page.GotoAsync(first.Url);
        Assert.Equal(cluster.InstanceAddress(instance), player!.Headers["x-spine-instance"]);
        await InteractiveAsync(page);
        await page.Locator(".player[data-shown-step]").WaitForAsync();
        return page;
    }

    private static Task InteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Runs the steps of a test and leaves a screenshot of every open tab behind when one fails.</summary>
    private async Task StepsAsync(Func<Task> steps, [CallerMemberName] string test = "")
    {
        try
        {
            await steps();
        }
        catch
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            var tab = 0;
            foreach (var page in _browsers.SelectMany(b => b.Pages))
            {
                try
                {
                    await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"Cluster-{test}-{++tab}.png"), FullPage = true });
                }
                catch (PlaywrightException)
                {
                    // A tab that cannot be pictured any more (its page crashed) must not hide the test's own failure.
                }
            }

            throw;
        }
    }
}
