using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Shared;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd.Features.Safety;

/// <summary>The red-flag questions and "This hurts", in the browser, on the real app and database.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SafetyJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private async Task<string> BrowserKeyAsync() => (await Page.Context.CookiesAsync()).Single(c => c.Name == "sm-visitor").Value;

    [Fact]
    public Task A_yes_to_a_red_flag_stops_the_session_before_it_starts_and_says_to_get_help() => StepsAsync(async () =>
    {
        await OpenAsync("/session?preset=lower-back-relief");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        var check = Page.GetByTestId("safety-check");
        await Expect(check).ToContainTextAsync("Before your first session");

        await AnswerSafetyQuestionsAsync(yesTo: "bladder or bowel");
        await check.GetByRole(AriaRole.Button, new() { Name = "Start the session" }).ClickAsync();

        var advice = Page.GetByTestId("seek-care");
        await Expect(advice).ToContainTextAsync("get medical help today");
        await Expect(advice).ToHaveAttributeAsync("data-urgency", "urgent");
        await Expect(Page.GetByTestId("seek-care-reasons")).ToContainTextAsync("bladder or bowel");
        await Expect(Page).ToHaveURLAsync(new Regex("/session\\?preset=lower-back-relief$"));

        // No session was started, and the next try asks again.
        var browserKey = await BrowserKeyAsync();
        await using (var db = Fixture.App.CreateDbContext())
        {
            Assert.False(await db.SessionRuns.AnyAsync(r => r.BrowserKey == browserKey));
            var screening = await db.SafetyScreenings.SingleAsync(s => s.BrowserKey == browserKey);
            Assert.Equal([RedFlag.BladderOrBowel], screening.YesTo);
        }

        await OpenAsync("/session?preset=lower-back-relief");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("safety-check")).ToContainTextAsync("you answered yes to a warning sign");

        // The answers can be read from the menu.
        await OpenAsync("/safety");
        await Expect(Page.GetByTestId("latest-screening")).ToContainTextAsync("urgent");
    });

    [Fact]
    public Task This_hurts_pauses_offers_a_gentler_exercise_for_the_same_region_and_keeps_the_report() => StepsAsync(async () =>
    {
        await OpenAsync("/session?preset=hips");
        await StartSessionAsync();
        await Expect(Page.GetByTestId("exercise-name")).Not.ToBeEmptyAsync();
        await WaitUntilInteractiveAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();

        // Go to the pigeon pose, whose gentler option for the hips is hip circles.
        for (var step = 0; step < 60 && await Page.GetByTestId("exercise-name").TextContentAsync() != "Pigeon pose"; step++)
        {
            var at = await Page.Locator(".player").GetAttributeAsync("data-step");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
            await Expect(Page.Locator(".player")).Not.ToHaveAttributeAsync("data-step", at!);
        }

        await Expect(Page.GetByTestId("exercise-name")).ToHaveTextAsync("Pigeon pose");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Page.GetByTestId("this-hurts-button").ClickAsync();

        var panel = Page.GetByTestId("this-hurts");
        await Expect(panel).ToContainTextAsync("The timer is paused");
        await panel.GetByText("5", new() { Exact = true }).ClickAsync();
        await panel.GetByText("Hips", new() { Exact = true }).ClickAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(Page.GetByTestId("easier")).ToContainTextAsync("Hip circles");
        await Page.GetByTestId("easier").ClickAsync();

        await Expect(Page.GetByTestId("exercise-name")).ToHaveTextAsync("Hip circles");
        await Expect(Page.GetByTestId("paused")).ToBeHiddenAsync();

        var runId = Guid.Parse(PlayerAddress().Match(Page.Url).Groups[1].Value);
        await using var db = Fixture.App.CreateDbContext();
        var report = await db.PainReports.SingleAsync(p => p.RunId == runId);
        Assert.Equal(("pigeon-pose", 5, BodyArea.Hips, PainChoice.EasierExercise, "hip-circles"),
            (report.ExerciseSlug, report.Pain, report.Area, report.Choice, report.EasierSlug));

        // Once the session is over, its page in progress shows the report.
        await Expect(Page.GetByTestId("summary-title")).ToHaveTextAsync("Session complete", new() { Timeout = 60_000 });
        await OpenAsync($"/progress/sessions/{runId}");
        await Expect(Page.GetByTestId("pain-reports")).ToContainTextAsync("Pigeon pose: pain 5/10, hips");
        await Expect(Page.GetByTestId("pain-reports")).ToContainTextAsync("switched to Hip circles");
    });

    [GeneratedRegex(@"/session/play/([0-9a-f-]{36})$")]
    private static partial Regex PlayerAddress();
}
