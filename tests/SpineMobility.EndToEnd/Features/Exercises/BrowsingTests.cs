using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpineMobility.Testing;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd.Features.Exercises;

[Collection(BrowserCollection.Name)]
public sealed partial class BrowsingTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator CardHeadings => Page.GetByRole(AriaRole.Heading, new() { Level = 2 });

    [Fact]
    public Task A_user_picks_the_neck_region_sees_exactly_its_exercises_and_reads_chin_tucks() => StepsAsync(async () =>
    {
        await OpenAsync("/");

        await Page.GetByRole(AriaRole.Link, new() { NameRegex = NeckTile() }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(RegionCervical());
        var expected = Catalog.InRegion("cervical").Select(e => e.Name).ToArray();
        await Expect(CardHeadings).ToHaveTextAsync(expected);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Chin tucks", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Chin tucks");
        await Expect(Page.Locator("ol.steps li")).ToHaveTextAsync([.. Catalog.Steps("chin-tucks")]);
    });

    [Fact]
    public Task Region_chips_filter_the_list_in_the_address_and_the_back_button_undoes_them() => StepsAsync(async () =>
    {
        await OpenAsync("/exercises");
        await Expect(Page.GetByTestId("match-count")).ToHaveTextAsync("18 exercises");

        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Hips", Exact = true }).CheckAsync();

        await Expect(Page).ToHaveURLAsync(RegionHip());
        await Expect(CardHeadings).ToHaveTextAsync([.. Catalog.InRegion("hip").Select(e => e.Name)]);

        await Expect(Page.GetByRole(AriaRole.Checkbox, new() { Name = "Hips", Exact = true })).ToBeCheckedAsync();

        await Page.GoBackAsync();

        await Expect(Page.GetByTestId("match-count")).ToHaveTextAsync("18 exercises");
        await Expect(Page.GetByRole(AriaRole.Checkbox, new() { Name = "Hips", Exact = true })).Not.ToBeCheckedAsync();
    });

    [Fact]
    public Task Position_and_equipment_narrow_the_list_in_the_address_and_clear_filters_shows_everything() => StepsAsync(async () =>
    {
        await OpenAsync("/exercises");

        await Page.GetByLabel("Position").SelectOptionAsync(new SelectOptionValue { Label = "Standing" });
        await Expect(Page).ToHaveURLAsync(PositionStanding());
        // The address changes first, then the new list arrives.
        await Expect(Page.GetByTestId("match-count")).Not.ToHaveTextAsync("18 exercises");
        await Expect(Page.GetByLabel("Position")).ToHaveValueAsync("standing");
        var standing = await CardHeadings.CountAsync();
        Assert.InRange(standing, 1, 17);
        await Expect(Page.GetByTestId("match-count")).ToHaveTextAsync(standing == 1 ? "1 exercise" : $"{standing} exercises");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" }).ClickAsync();

        await Expect(Page.GetByTestId("match-count")).ToHaveTextAsync("18 exercises");
        await Expect(Page).ToHaveURLAsync(AllExercises());
    });

    [Fact]
    public Task Typing_in_search_narrows_the_list_and_keeps_the_search_in_the_address() => StepsAsync(async () =>
    {
        await OpenAsync("/exercises");

        await Page.GetByLabel("Search exercises").PressSequentiallyAsync("twist");

        await Expect(Page).ToHaveURLAsync(SearchTwist());
        await Expect(CardHeadings).ToHaveTextAsync(["Seated spinal twist"]);
    });

    [Fact]
    public Task Every_exercise_page_shows_both_drawn_positions_and_none_is_broken() => StepsAsync(async () =>
    {
        await using var db = Fixture.App.CreateDbContext();
        var exercises = db.Exercises.Where(e => !e.IsRetired).OrderBy(e => e.SortOrder).Select(e => new { e.Slug, e.Illustration.StartAlt, e.Illustration.EndAlt }).ToList();
        Assert.Equal(18, exercises.Count);

        foreach (var exercise in exercises)
        {
            await Page.GotoAsync($"/exercises/{exercise.Slug}");
            var pictures = Page.Locator("[data-testid=figure] img:visible");
            await Expect(pictures).ToHaveCountAsync(2);
            foreach (var (picture, alt) in new[] { (pictures.Nth(0), exercise.StartAlt), (pictures.Nth(1), exercise.EndAlt) })
            {
                await Expect(picture).ToHaveAttributeAsync("alt", alt);
                // Loaded and decoded: a broken image has no natural size.
                Assert.True(await picture.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), $"{exercise.Slug}: the picture \"{alt}\" did not load");
            }
        }
    });

    [Fact]
    public Task A_chosen_dark_theme_survives_a_reload() => StepsAsync(async () =>
    {
        await OpenAsync("/");
        var lightBackground = await BackgroundAsync();

        // The home page has no circuit: its theme menu is a disclosure with a form.
        await Page.GetByLabel("Theme").ClickAsync();
        var dark = Page.GetByRole(AriaRole.Button, new() { Name = "Dark", Exact = true });
        await dark.ClickAsync();
        // The form posts and the page comes back: wait for the new page (its Dark button pressed) to
        // finish loading, or the background read can be the blank one of a page still loading.
        await Expect(Page.Locator("button[value=dark][aria-pressed=true]")).ToHaveCountAsync(1);
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await Expect(Page.Locator("body")).Not.ToHaveCSSAsync("background-color", lightBackground);
        var darkBackground = await BackgroundAsync();
        Assert.NotEqual("rgba(0, 0, 0, 0)", darkBackground);

        await Page.ReloadAsync();

        Assert.Equal(darkBackground, await BackgroundAsync());
    });

    [GeneratedRegex(@"/exercises\?region=cervical$")]
    private static partial Regex RegionCervical();

    [GeneratedRegex(@"/exercises\?region=hip$")]
    private static partial Regex RegionHip();

    [GeneratedRegex(@"/exercises\?position=standing$")]
    private static partial Regex PositionStanding();

    [GeneratedRegex(@"/exercises$")]
    private static partial Regex AllExercises();

    [GeneratedRegex(@"/exercises\?q=twist$")]
    private static partial Regex SearchTwist();

    [GeneratedRegex("^Neck Cervical")]
    private static partial Regex NeckTile();
}
