using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace SpineMobility.EndToEnd;

/// <summary>A fresh browser context per test, with helpers that act as a user does.</summary>
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    public const int PhoneWidth = 360;

    private static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IBrowserContext? _context;

    protected BrowserFixture Fixture { get; } = fixture;

    protected IPage Page { get; private set; } = default!;

    protected virtual int Width => 1280;

    public async Task InitializeAsync()
    {
        _context = await Fixture.Browser.NewContextAsync(new()
        {
            BaseURL = Fixture.BaseAddress.ToString(),
            ViewportSize = new() { Width = Width, Height = 900 },
            Locale = "en-GB",
        });
        _context.SetDefaultTimeout(15_000);
        Page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    /// <summary>Opens a page and waits until its circuit is connected, since clicks made before that are lost.</summary>
    protected async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitUntilInteractiveAsync();
    }

    protected Task WaitUntilInteractiveAsync() =>
        Page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Runs the steps of a test and leaves a screenshot behind when one fails.</summary>
    protected async Task StepsAsync(Func<Task> steps, [CallerMemberName] string test = "")
    {
        try
        {
            await steps();
        }
        catch
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"{test}.png"), FullPage = true });
            throw;
        }
    }
}
