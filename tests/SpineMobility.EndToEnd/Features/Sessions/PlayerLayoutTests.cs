using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd.Features.Sessions;

/// <summary>Readable from the mat: the player on phones held either way, measured as Chromium lays it out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlayerLayoutTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public sealed class Box
    {
        public double Left { get; set; }

        public double Top { get; set; }

        public double Width { get; set; }

        public double Height { get; set; }

        public double Right => Left + Width;

        public double Bottom => Top + Height;

        public override string ToString() => $"{Left:0},{Top:0} {Width:0}×{Height:0}";
    }

    public sealed class Layout
    {
        public double Width { get; set; }

        public double Height { get; set; }

        public double ScrollX { get; set; }

        public double ScrollY { get; set; }

        public double ScrollWidth { get; set; }

        public bool AppBarShown { get; set; }

        public Box Countdown { get; set; } = new();

        public Box Figure { get; set; } = new();

        public Box Pause { get; set; } = new();

        public Box Back { get; set; } = new();

        public Box Skip { get; set; } = new();

        public Box Name { get; set; } = new();

        public Box[] Targets { get; set; } = [];
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(390, 844)]
    [InlineData(430, 932)]
    [InlineData(844, 390)]
    [InlineData(740, 360)]
    public Task While_an_exercise_runs_the_countdown_drawing_name_and_controls_are_on_one_screen(int width, int height) => StepsAsync(async () =>
    {
        await Page.SetViewportSizeAsync(width, height);
        await OpenAsync("/session?preset=hips");
        await StartSessionAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/session/play/"));
        await WaitUntilInteractiveAsync();
        await Page.WaitForFunctionAsync("() => ['Hold', 'Move'].includes(document.querySelector('[data-step-kind]')?.textContent)", null, new() { PollingInterval = 5 });

        // As it is here, and as a phone shows it before its first tap: with the "tap to turn on tones" hint.
        foreach (var hint in new[] { false, true })
        {
            await Page.EvaluateAsync("shown => { document.querySelector('[data-sound-hint]').hidden = !shown; }", hint);
            await AssertOnOneScreenAsync(width, height, hint);
        }
    });

    private async Task AssertOnOneScreenAsync(int width, int height, bool hint)
    {
        var layout = await Page.EvaluateAsync<Layout>(
            """
            () => {
              const box = el => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, width: r.width, height: r.height }; };
              const one = s => box(document.querySelector(s));
              const bar = document.querySelector(".mud-appbar");
              return {
                width: innerWidth, height: innerHeight, scrollX, scrollY, scrollWidth: document.documentElement.scrollWidth,
                appBarShown: !!bar && bar.getBoundingClientRect().height > 0,
                countdown: one("[data-testid=countdown]"), figure: one(".player [data-testid=figure]"),
                pause: one("button[aria-label=Pause]"), back: one("button[aria-label=Back]"), skip: one("button[aria-label=Skip]"),
                name: one("[data-testid=exercise-name]"),
                targets: [...document.querySelectorAll(".player button, .player a[href]")].filter(e => e.offsetParent).map(box),
              };
            }
            """);

        Assert.False(layout.AppBarShown, "the site's app bar is on screen while playing");
        Assert.Equal((0d, 0d), (layout.ScrollX, layout.ScrollY));
        Assert.True(layout.ScrollWidth <= width, $"the player scrolls sideways: {layout.ScrollWidth} px wide");
        foreach (var (what, box) in new[] { ("countdown", layout.Countdown), ("drawing", layout.Figure), ("Pause", layout.Pause), ("Back", layout.Back), ("Skip", layout.Skip), ("exercise name", layout.Name) })
        {
            Assert.True(box.Left >= 0 && box.Top >= 0 && box.Right <= width + 0.5 && box.Bottom <= height + 0.5,
                $"The {what} is not wholly on a {width}×{height} screen{(hint ? " with the sound hint" : "")}: {box}");
        }

        Assert.All(layout.Targets, t => Assert.True(t.Width >= 44 && t.Height >= 44, $"A control of {t.Width:0}×{t.Height:0} px is smaller than 44 px"));
        if (height > width)
        {
            Assert.True(layout.Countdown.Height >= 0.2 * height, $"The countdown is {layout.Countdown.Height:0} px high on a {height} px screen");
            Assert.True(layout.Figure.Width >= 0.5 * width, $"The drawing is {layout.Figure.Width:0} px wide on a {width} px screen");
            Assert.All(new[] { layout.Pause, layout.Back, layout.Skip }, b => Assert.True(b.Height >= 56, $"A main control is {b.Height:0} px high"));
        }
        else
        {
            // Side by side: the drawing on one side, the countdown and the controls on the other.
            Assert.True(layout.Figure.Right <= layout.Countdown.Left && layout.Figure.Right <= layout.Pause.Left, "the drawing is not beside the countdown and controls");
        }
    }
}
