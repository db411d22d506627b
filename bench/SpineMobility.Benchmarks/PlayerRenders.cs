using System.Text;
using Microsoft.Playwright;

namespace SpineMobility.Benchmarks;

/// <summary>
/// Counts what the server sends a real player page in Chromium while a session counts down:
/// render batches and JS calls, per minute. The countdown is animated in the browser, so this
/// should be a handful (one per step change), not one a second.
/// </summary>
public static class PlayerRenders
{
    public static async Task<int> RunAsync(Uri baseAddress, TimeSpan window)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });

        var counting = false;
        int renderBatches = 0, jsCalls = 0, frames = 0;
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            if (!counting)
            {
                return;
            }

            frames++;
            var text = frame.Binary is { } bytes ? Encoding.UTF8.GetString(bytes) : frame.Text ?? "";
            renderBatches += text.Contains("JS.RenderBatch", StringComparison.Ordinal) ? 1 : 0;
            jsCalls += text.Contains("JS.BeginInvokeJS", StringComparison.Ordinal) ? 1 : 0;
        };

        await page.GotoAsync("/session?minutes=10&seed=1");
        await page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();

        // A new browser answers the safety questions first: no to each.
        var questions = page.Locator(".screening-question");
        await questions.First.WaitForAsync();
        for (var i = 0; i < await questions.CountAsync(); i++)
        {
            await questions.Nth(i).GetByRole(AriaRole.Radio).Nth(1).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Start the session" }).ClickAsync();
        await page.Locator(".player").WaitForAsync();
        await page.WaitForTimeoutAsync(2000);

        counting = true;
        var steps = new HashSet<string?>();
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < window)
        {
            steps.Add(await page.Locator(".player").GetAttributeAsync("data-step"));
            await page.WaitForTimeoutAsync(250);
        }

        counting = false;
        var minutes = window.TotalMinutes;
        Console.WriteLine($"window: {window.TotalSeconds:0} s of a 10-minute session at real speed, {steps.Count} steps seen");
        Console.WriteLine($"render batches: {renderBatches} ({renderBatches / minutes:0.0} per minute)");
        Console.WriteLine($"JS calls:       {jsCalls} ({jsCalls / minutes:0.0} per minute)");
        Console.WriteLine($"all frames:     {frames} ({frames / minutes:0.0} per minute, including acks and keep-alives)");
        return 0;
    }
}
