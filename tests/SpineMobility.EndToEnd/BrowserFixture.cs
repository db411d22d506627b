using Microsoft.Playwright;
using SpineMobility.Testing;

namespace SpineMobility.EndToEnd;

/// <summary>The real app on Kestrel at 127.0.0.1 and Debian's Chromium, shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    /// <summary>How much faster than the wall clock sessions run, so a 10-minute session takes 15 seconds.</summary>
    public const double TimeScale = 40;

    /// <summary>How long, in real seconds, a running session waits for a page to come back (the app's default is 30).</summary>
    public const double ReconnectGraceSeconds = 5;

    public SpineMobilityApp App { get; } = new(kestrel: true, settings: new Dictionary<string, string?>
    {
        ["Player:TimeScale"] = $"{TimeScale}",
        ["Player:ReconnectGraceSeconds"] = $"{ReconnectGraceSeconds}",
    });

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
