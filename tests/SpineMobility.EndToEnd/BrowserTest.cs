using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd;

/// <summary>A fresh browser context per test, with helpers that act as a user does.</summary>
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    public const int PhoneWidth = 360;

    private static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IBrowserContext? _context;

    protected BrowserFixture Fixture { get; } = fixture;

    protected IPage Page { get; set; } = default!;

    /// <summary>The test's browser context: its cookies, its network (offline or not), its pages.</summary>
    protected IBrowserContext Context => _context!;

    protected virtual int Width => 1280;

    public async Task InitializeAsync()
    {
        _context = await Fixture.Browser.NewContextAsync(new()
        {
            BaseURL = Fixture.BaseAddress.ToString(),
            ViewportSize = new() { Width = Width, Height = 900 },
            Locale = "en-GB",
            TimezoneId = BrowserFixture.TimeZone,
        });
        _context.SetDefaultTimeout(15_000);
        // Assertions wait as long as actions: on a 2-core CI machine running the other suites beside this one, a page
        // can take more than Playwright's default 5 s to render; a wrong page still fails, only later.
        Assertions.SetDefaultExpectTimeout(15_000);
        Page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    /// <summary>
    /// Opens a page and waits until its circuit is connected, since clicks made before that are lost; a page rendered
    /// without a circuit (the catalog, the about page, the account forms) is ready once loaded.
    /// </summary>
    protected async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        if (!await IsStaticPageAsync())
        {
            await WaitUntilInteractiveAsync();
        }
    }

    protected async Task<bool> IsStaticPageAsync() => await Page.Locator("[data-static-page]").CountAsync() > 0;

    /// <summary>The page's background as the browser computed it, e.g. "rgb(15, 23, 22)": what tells the theme shown.</summary>
    protected Task<string> BackgroundAsync() => Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    /// <summary>Relative luminance (0 black, 1 white) of a CSS rgb() or rgba() colour.</summary>
    protected static double Luminance(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(', StringComparison.Ordinal) + 1)..rgb.IndexOf(')', StringComparison.Ordinal)].Split(',')
            .Take(3).Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture) / 255).ToArray();
        return (0.2126 * parts[0]) + (0.7152 * parts[1]) + (0.0722 * parts[2]);
    }

    protected Task WaitUntilInteractiveAsync() => InteractiveAsync(Page);

    /// <summary>Waits until the circuit of <paramref name="page"/> (e.g. a second person's) is connected.</summary>
    protected static Task InteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Where <see cref="PicturesAsync"/> puts its pictures: set SPINEMOBILITY_PICTURES to look at a journey's pages.</summary>
    protected static string? PicturesFolder { get; } = Environment.GetEnvironmentVariable("SPINEMOBILITY_PICTURES");

    /// <summary>
    /// With <see cref="PicturesFolder"/> set, full-page pictures of <paramref name="path"/> as the context's user sees it:
    /// light and dark, on a phone upright, a phone on its side and a desktop. Without it, nothing.
    /// </summary>
    protected async Task PicturesAsync(IBrowserContext context, string name, string path)
    {
        if (PicturesFolder is null)
        {
            return;
        }

        Directory.CreateDirectory(PicturesFolder);
        foreach (var theme in new[] { "light", "dark" })
        {
            await context.AddCookiesAsync([new() { Name = "sm-theme", Value = theme, Url = Fixture.BaseAddress.ToString() }]);
            var page = await context.NewPageAsync();
            foreach (var (width, height) in new[] { (PhoneWidth, 900), (844, 390), (1280, 900) })
            {
                await page.SetViewportSizeAsync(width, height);
                await page.GotoAsync(path);
                if (await page.Locator("[data-static-page]").CountAsync() == 0)
                {
                    await InteractiveAsync(page);
                }

                await page.WaitForTimeoutAsync(300);
                await page.ScreenshotAsync(new() { Path = Path.Combine(PicturesFolder, $"{name}-{width}-{theme}.png"), FullPage = true });
            }

            await page.CloseAsync();
        }

        await context.AddCookiesAsync([new() { Name = "sm-theme", Value = "light", Url = Fixture.BaseAddress.ToString() }]);
    }

    /// <summary>
    /// Presses Start on the session builder and, when the safety questions come first (a new visitor's
    /// first session), answers no to each, as a user without warning signs does.
    /// </summary>
    protected async Task StartSessionAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        var check = Page.GetByTestId("safety-check");
        var player = Page.Locator(".player");
        await check.Or(player).First.WaitForAsync();
        if (await check.IsVisibleAsync())
        {
            await AnswerSafetyQuestionsAsync(yesTo: null);
            await check.GetByRole(AriaRole.Button, new() { Name = "Start the session" }).ClickAsync();
        }
    }

    /// <summary>Answers every red-flag question on the page no, but the one whose text contains <paramref name="yesTo"/>.</summary>
    protected async Task AnswerSafetyQuestionsAsync(string? yesTo)
    {
        var questions = Page.Locator(".screening-question");
        await Expect(questions).ToHaveCountAsync(6);
        for (var i = 0; i < 6; i++)
        {
            // Each question's radios are labelled "Yes: <question>" and "No: <question>".
            var radios = questions.Nth(i).GetByRole(AriaRole.Radio);
            var question = await radios.Nth(0).GetAttributeAsync("aria-label") ?? "";
            var answer = yesTo is not null && question.Contains(yesTo, StringComparison.OrdinalIgnoreCase) ? 0 : 1;
            await radios.Nth(answer).CheckAsync();
        }
    }

    /// <summary>Waits, as a user would glance again, until <paramref name="condition"/> holds.</summary>
    protected static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int timeoutMs = 15_000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"Never happened within {timeoutMs} ms: {what}");
            }

            await Task.Delay(50);
        }
    }

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
