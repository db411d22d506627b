using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd.Features.Sessions;

/// <summary>From the builder to the first session in few taps, with the plan's edits kept in the address.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SessionBuilderTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator Rows => Page.Locator(".plan-row");

    private ILocator StartButton => Page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true });

    private Task<string[]> SlugsAsync() => Rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.slug)");

    private async Task PhoneAsync() => await Page.SetViewportSizeAsync(PhoneWidth, 740);

    [Fact]
    public Task Choosing_a_ready_made_routine_brings_its_plan_into_view_and_Start_stays_in_reach_on_a_phone() => StepsAsync(async () =>
    {
        await PhoneAsync();
        await OpenAsync("/session");

        await Page.GetByRole(AriaRole.Link, new() { NameRegex = LowerBackTile() }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(LowerBackAddress());
        var heading = Page.GetByTestId("plan-title");
        await Expect(heading).ToHaveTextAsync("Lower-back relief");
        await Expect(heading).ToBeFocusedAsync();
        await Expect(heading).ToBeInViewportAsync();
        await Expect(StartButton).ToBeInViewportAsync();

        // At the top of the page, and at the end of the plan, Start is still on the screen.
        foreach (var y in new[] { "0", "document.body.scrollHeight" })
        {
            await Page.EvaluateAsync($"() => window.scrollTo(0, {y})");
            var box = (await StartButton.BoundingBoxAsync())!;
            Assert.True(box.Y >= 0 && box.Y + box.Height <= 740, $"Start is at {box.Y}px of a 740px screen");
        }
    });

    [Fact]
    public Task Every_control_of_the_plan_is_at_least_44_pixels_on_a_phone() => StepsAsync(async () =>
    {
        await PhoneAsync();
        await OpenAsync("/session?minutes=20&seed=4");
        await Rows.First.GetByRole(AriaRole.Button, new() { NameRegex = SwapButton() }).ClickAsync();

        var controls = Page.Locator(".plan-actions button, .plan-alternative, .start-bar button");
        var count = await controls.CountAsync();
        Assert.True(count > 20, $"only {count} controls");
        for (var i = 0; i < count; i++)
        {
            var box = (await controls.Nth(i).BoundingBoxAsync())!;
            Assert.True(box.Width >= 44 && box.Height >= 44, $"control {i} ({await controls.Nth(i).GetAttributeAsync("aria-label")}) is {box.Width}x{box.Height}");
        }

        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the builder scrolls sideways by {overflow}px");
    });

    [Fact]
    public Task Swap_remove_and_move_live_in_the_address_and_Undo_takes_the_last_change_back() => StepsAsync(async () =>
    {
        await OpenAsync("/session?minutes=20&seed=5");
        var original = await SlugsAsync();

        // Swap the second exercise for the first alternative offered.
        await Rows.Nth(1).GetByRole(AriaRole.Button, new() { NameRegex = SwapButton() }).ClickAsync();
        var alternatives = Page.GetByTestId("alternatives");
        await Expect(alternatives.GetByRole(AriaRole.Button)).Not.ToHaveCountAsync(1);
        await alternatives.GetByRole(AriaRole.Button).First.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("plan=1~"));
        await Expect(Rows.Nth(1)).Not.ToHaveAttributeAsync("data-slug", original[1]);
        var swapped = await SlugsAsync();
        Assert.NotEqual(original[1], swapped[1]);
        Assert.Equal(original.Where((_, i) => i != 1), swapped.Where((_, i) => i != 1));

        // A reload, and a link opened elsewhere, show the same plan.
        await Page.ReloadAsync();
        await WaitUntilInteractiveAsync();
        await Expect(Rows).ToHaveCountAsync(swapped.Length);
        Assert.Equal(swapped, await SlugsAsync());
        var shared = await Page.Context.NewPageAsync();
        await shared.GotoAsync(Page.Url);
        await Expect(shared.Locator(".plan-row")).ToHaveCountAsync(swapped.Length);
        Assert.Equal(swapped, await shared.Locator(".plan-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.slug)"));
        await shared.CloseAsync();

        // Remove the first, then Undo: the swap is still there.
        await Rows.First.GetByRole(AriaRole.Button, new() { NameRegex = RemoveButton() }).ClickAsync();
        await Expect(Rows).ToHaveCountAsync(swapped.Length - 1);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(Rows).ToHaveCountAsync(swapped.Length);
        await Expect(Rows.First).ToHaveAttributeAsync("data-slug", swapped[0]);
        Assert.Equal(swapped, await SlugsAsync());

        // Move the second down; it leaves its place.
        var second = Rows.Nth(1);
        if (await second.GetByRole(AriaRole.Button, new() { NameRegex = MoveDownButton() }).IsEnabledAsync())
        {
            await second.GetByRole(AriaRole.Button, new() { NameRegex = MoveDownButton() }).ClickAsync();
            await Expect(Rows.Nth(2)).ToHaveAttributeAsync("data-slug", swapped[1]);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        }

        // Going to an exercise and back keeps the edited plan, and Undo still knows the change before.
        await Rows.First.GetByRole(AriaRole.Button, new() { NameRegex = RemoveButton() }).ClickAsync();
        await Expect(Rows).ToHaveCountAsync(swapped.Length - 1);
        var removed = await SlugsAsync();
        await Rows.Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/exercises/"));
        await Page.GoBackAsync();
        await WaitUntilInteractiveAsync();
        await Expect(Rows).ToHaveCountAsync(removed.Length);
        Assert.Equal(removed, await SlugsAsync());

        await Page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(Rows).ToHaveCountAsync(swapped.Length);
        Assert.Equal(swapped, await SlugsAsync());
    });

    [Fact]
    public Task The_last_exercise_cannot_be_removed_and_the_plan_says_why() => StepsAsync(async () =>
    {
        await OpenAsync("/session?minutes=5&plan=1~~cat-cow-1x8~~");

        await Expect(Rows).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("plan-total")).ToHaveTextAsync("1 exercise · 50 s in all");
        var remove = Page.GetByRole(AriaRole.Button, new() { Name = "Remove Cat-cow" });
        await Expect(remove).ToBeDisabledAsync();
        await Expect(Page.Locator("#last-exercise-reason")).ToHaveTextAsync("A plan needs at least one exercise, so the last one cannot be removed.");
    });

    [Fact]
    public Task A_length_typed_in_that_a_session_cannot_have_is_explained_beside_the_field() => StepsAsync(async () =>
    {
        await OpenAsync("/session?minutes=15&seed=2");
        var before = await SlugsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Custom" }).ClickAsync();
        var field = Page.GetByRole(AriaRole.Textbox, new() { Name = "Minutes" });

        (string Typed, string Said)[] wrong =
        [
            ("0", "0 minutes is too short: choose 5 to 90."),
            ("999", "999 minutes is too long: choose 5 to 90."),
            ("7.5", "'7.5' is not a whole number of minutes: choose 5 to 90."),
            ("abc", "'abc' is not a whole number of minutes: choose 5 to 90."),
        ];
        foreach (var (typed, said) in wrong)
        {
            await field.FillAsync(typed);
            await field.PressAsync("Tab");
            await Expect(Page.GetByTestId("custom-minutes")).ToContainTextAsync(said);
            await Expect(Page.GetByTestId("custom-minutes")).ToContainTextAsync("The plan stays at 15 minutes.");
            Assert.Equal(before, await SlugsAsync());
        }

        await field.FillAsync("25");
        await field.PressAsync("Tab");
        await Expect(Page).ToHaveURLAsync(new Regex("minutes=25"));
        await Expect(Page.GetByTestId("plan-total")).ToContainTextAsync("25 min");
    });

    [Fact]
    public Task None_of_these_apply_to_me_answers_the_six_questions_and_starts_the_first_session() => StepsAsync(async () =>
    {
        await OpenAsync("/session?preset=neck-relief");
        await StartButton.ClickAsync();
        var check = Page.GetByTestId("safety-check");
        await Expect(check.Locator(".screening-question")).ToHaveCountAsync(6);
        await Expect(check.Locator(".screening-question").Last).ToBeVisibleAsync();

        await check.GetByRole(AriaRole.Button, new() { Name = "None of these apply to me" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(PlayerAddress());
    });

    [Fact]
    public Task An_exercise_page_starts_a_session_with_that_exercise() => StepsAsync(async () =>
    {
        await OpenAsync("/exercises/pigeon-pose");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Start a session with this exercise" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/session\\?include=pigeon-pose"));
        await Expect(Page.Locator(".plan-row[data-slug=pigeon-pose]").First).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_returning_user_sees_today_s_streak_and_can_resume_an_unfinished_session_from_home() => StepsAsync(async () =>
    {
        await OpenAsync("/session?minutes=5&seed=2");
        await StartSessionAsync();
        await Expect(Page.GetByTestId("summary-title")).ToHaveTextAsync("Session complete", new() { Timeout = 30_000 });

        await OpenAsync("/");
        await Expect(Page.GetByTestId("home-streak")).ToHaveTextAsync("Day 1 — done today");
        await Expect(Page.GetByTestId("home-resume")).ToHaveCountAsync(0);

        await OpenAsync("/session?minutes=30&seed=3");
        await StartSessionAsync();
        await Expect(Page).ToHaveURLAsync(PlayerAddress());
        await WaitUntilInteractiveAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        var player = Page.Url;

        await OpenAsync("/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Resume your session" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(player);
    });

    [GeneratedRegex("^Lower-back relief")]
    private static partial Regex LowerBackTile();

    [GeneratedRegex("/session\\?preset=lower-back-relief$")]
    private static partial Regex LowerBackAddress();

    [GeneratedRegex("^Swap ")]
    private static partial Regex SwapButton();

    [GeneratedRegex("^Remove ")]
    private static partial Regex RemoveButton();

    [GeneratedRegex("^Move .* down$")]
    private static partial Regex MoveDownButton();

    [GeneratedRegex(@"/session/play/([0-9a-f-]{36})$")]
    private static partial Regex PlayerAddress();
}
