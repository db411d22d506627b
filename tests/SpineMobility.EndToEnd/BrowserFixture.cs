using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpineMobility.Testing;
using SpineMobility.Web.Shared;

namespace SpineMobility.EndToEnd;

/// <summary>The real app on Kestrel at 127.0.0.1 and Debian's Chromium, shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    /// <summary>How much faster than the wall clock sessions run, so a 10-minute session takes 15 seconds.</summary>
    public const double TimeScale = 40;

    /// <summary>How long, in real seconds, a running session waits for a page to come back (the app's default is 30).</summary>
    public const double ReconnectGraceSeconds = 5;

    /// <summary>How often an open page checks its sign-in (30 s would make the tests of ended sign-ins wait that long).</summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Every browser's time zone (Playwright's <c>TimezoneId</c>), whatever the machine's zone: a day in the app
    /// is the day in this zone.
    /// </summary>
    public const string TimeZone = "Europe/Berlin";

    /// <summary>
    /// Where the app's fast clock starts, whatever the time of day the suite runs at: 09:00 in Berlin, so even a
    /// slow run (ten minutes of suite are almost seven hours on the fast clock) ends on the same day.
    /// </summary>
    public static readonly DateTimeOffset ClockStart = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    public SpineMobilityApp App { get; } = new(
        kestrel: true,
        settings: new Dictionary<string, string?>
        {
            ["Accounts:RevalidationInterval"] = RevalidationInterval.ToString(),
            // The player needs the scale too (the browser counts down on its own, and the grace is real time).
            ["Player:TimeScale"] = $"{TimeScale}",
            ["Player:ReconnectGraceSeconds"] = $"{ReconnectGraceSeconds}",
            // Every browser test comes from 127.0.0.1, and closed pages give their circuit back only once their socket
            // closes: the per-address limit is tested on its own (CircuitLimitTests), not here.
            ["Circuits:PerClientAddress"] = "0",
        },
        services: s => s.AddSingleton<TimeProvider>(new ScaledTimeProvider(TimeProvider.System, TimeScale, ClockStart)));

    /// <summary>The app's now, on its fast clock.</summary>
    public DateTimeOffset Now => App.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {Chromium}: run ./test.sh, which installs it, or apt-get install chromium.");
        }

        BaseAddress = App.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
        App.DeleteDatabase();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
