using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class InstallableAppTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private async Task WaitForServiceWorkerAsync()
    {
        // Registered on load; it claims the open page once it is active.
        await Page.WaitForFunctionAsync("async () => { await navigator.serviceWorker.ready; return navigator.serviceWorker.controller !== null; }", null, new() { Timeout = 30_000 });
    }

    [Fact]
    public Task Chromium_finds_the_app_installable_with_a_valid_manifest() => StepsAsync(async () =>
    {
        // Chromium never offers to install from an incognito context, which every test context is: this one runs
        // in a browser profile of its own.
        var profile = Directory.CreateTempSubdirectory("spinemobility-install-");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new()
        {
            ExecutablePath = BrowserFixture.Chromium,
            Headless = true,
            BaseURL = Fixture.BaseAddress.ToString(),
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        try
        {
            var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            await page.GotoAsync("/");
            await page.WaitForFunctionAsync("async () => { await navigator.serviceWorker.ready; return navigator.serviceWorker.controller !== null; }", null, new() { Timeout = 30_000 });
            var cdp = await browser.NewCDPSessionAsync(page);

            var manifest = (await cdp.SendAsync("Page.getAppManifest"))!.Value;
            var installability = (await cdp.SendAsync("Page.getInstallabilityErrors"))!.Value;

            Assert.EndsWith("/manifest.webmanifest", manifest.GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.Empty(manifest.GetProperty("errors").EnumerateArray());
            var errors = installability.GetProperty("installabilityErrors").EnumerateArray().Select(e => e.GetProperty("errorId").GetString()).ToList();
            Assert.True(errors.Count == 0, "not installable: " + string.Join(", ", errors));

            var parsed = JsonDocument.Parse(manifest.GetProperty("data").GetString()!).RootElement;
            Assert.Equal("standalone", parsed.GetProperty("display").GetString());
            Assert.Contains(parsed.GetProperty("icons").EnumerateArray(), i => i.GetProperty("purpose").GetString() == "maskable" && i.GetProperty("sizes").GetString() == "512x512");
        }
        finally
        {
            await browser.CloseAsync();
            profile.Delete(recursive: true);
        }
    });

    [Fact]
    public Task When_the_server_cannot_be_reached_a_friendly_offline_page_shows_and_the_app_returns_when_it_can() => StepsAsync(async () =>
    {
        await OpenAsync("/about");
        await WaitForServiceWorkerAsync();

        await Page.Context.SetOfflineAsync(true);
        await Page.GotoAsync("/exercises");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "You are offline", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Stop if something hurts", new() { Exact = false }).Or(Page.GetByText("If something hurts sharply"))).ToBeVisibleAsync();

        await Page.Context.SetOfflineAsync(false);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Try again" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("You are offline");
    });

    [Fact]
    public Task The_service_worker_leaves_the_live_connection_and_the_player_to_the_network() => StepsAsync(async () =>
    {
        await OpenAsync("/about");
        await WaitForServiceWorkerAsync();
        var handledByWorker = new List<string>();
        Page.Response += (_, response) =>
        {
            if (response.FromServiceWorker)
            {
                handledByWorker.Add(new Uri(response.Url).AbsolutePath);
            }
        };

        await OpenAsync("/session?minutes=5&seed=3");
        await StartSessionAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/session/play/"), new() { Timeout = 30_000 });
        await Page.ReloadAsync();
        await WaitUntilInteractiveAsync();

        Assert.DoesNotContain(handledByWorker, path => path.StartsWith("/_blazor", StringComparison.Ordinal) || path.StartsWith("/session/play", StringComparison.Ordinal));
        Assert.Contains(handledByWorker, path => path.StartsWith("/_content/", StringComparison.Ordinal) || path.StartsWith("/_framework/", StringComparison.Ordinal));
    });
}
