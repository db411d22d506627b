using System.Net;
using System.Text.RegularExpressions;
using SpineMobility.Testing;

namespace SpineMobility.IntegrationTests.Features.Sessions;

[Collection(AppCollection.Name)]
public sealed partial class SessionBuilderPageTests(AppFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<string> PageAsync(string address) => WebUtility.HtmlDecode(await _client.GetStringAsync(address));

    [Fact]
    public async Task A_ready_made_routine_is_one_link_away_and_shows_its_plan()
    {
        var html = await PageAsync("/session?preset=lower-back-relief");

        Assert.Contains("Lower-back relief", html, StringComparison.Ordinal);
        foreach (var phase in new[] { "Warm-up", "Spine mobility", "Flexibility", "Cool-down" })
        {
            Assert.Contains($">{phase}</h3>", html, StringComparison.Ordinal);
        }

        foreach (var preset in new[] { "neck-relief", "better-posture", "lower-back-relief", "hips", "full-body-flow", "beginner-start" })
        {
            Assert.Contains($"href=\"/session?preset={preset}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Each_ready_made_routine_says_what_it_needs()
    {
        var html = await PageAsync("/session?preset=neck-relief");

        var tile = html[html.IndexOf("href=\"/session?preset=neck-relief\"", StringComparison.Ordinal)..];
        Assert.Contains("Needs a chair<", tile[..tile.IndexOf("</a>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Matches("data-testid=\"plan-needs\"[^>]*>Needs a chair<", html);
        Assert.DoesNotContain("On all fours", PlanOf(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_address_describes_the_routine_so_it_can_be_shared()
    {
        var first = await _client.GetStringAsync("/session?minutes=20&focus=cervical&focus=hip&level=beginner&seed=9");
        var second = await _client.GetStringAsync("/session?minutes=20&focus=cervical&focus=hip&level=beginner&seed=9");

        Assert.Equal(PlanOf(first), PlanOf(second));
        Assert.Contains("20-minute neck and hips routine", WebUtility.HtmlDecode(first), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_plan_in_the_address_is_shown_exactly_as_it_was_left()
    {
        var html = await PageAsync("/session?minutes=20&seed=9&plan=1~neck-tilts-2x10~cat-cow-3x12.pelvic-tilts-1x8~childs-pose-2x45~knee-to-chest-1x30");

        Assert.Equal(["neck-tilts", "cat-cow", "pelvic-tilts", "childs-pose", "knee-to-chest"], SlugsOf(html));
        Assert.Contains("3 sets of 12 reps", html, StringComparison.Ordinal);
        Assert.Contains("Hold 45 s, 2 times", html, StringComparison.Ordinal);
        Assert.Contains("5 exercises", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9~cat-cow-1x8~~~", "format 9")]
    [InlineData("1~cat-cow-1x8~elbow-1x8~~", "'elbow', which is not an exercise here")]
    [InlineData("1~~squat-hold-5x200~~", "Squat hold")]
    [InlineData("%00%FF~~~~", "could not be read")]
    public async Task A_plan_in_the_address_that_cannot_be_read_is_explained_and_a_fresh_plan_shown(string plan, string reason)
    {
        var response = await _client.GetAsync($"/session?minutes=15&plan={plan}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.Contains("So this is a fresh plan instead.", html, StringComparison.Ordinal);
        Assert.Equal(SlugsOf(await PageAsync("/session?minutes=15")), SlugsOf(html));
    }

    [Theory]
    [InlineData("500", "500 minutes is too long: choose 5 to 90.")]
    [InlineData("0", "0 minutes is too short: choose 5 to 90.")]
    [InlineData("abc", "'abc' is not a whole number of minutes: choose 5 to 90.")]
    [InlineData("7.5", "'7.5' is not a whole number of minutes: choose 5 to 90.")]
    public async Task A_length_out_of_range_is_explained_beside_the_field_and_replaced_by_the_default(string minutes, string problem)
    {
        var html = await PageAsync($"/session?minutes={minutes}&focus=elbow");

        var field = html[html.IndexOf("data-testid=\"custom-minutes\"", StringComparison.Ordinal)..];
        Assert.Contains(problem + " This plan is 15 minutes.", field[..2000], StringComparison.Ordinal);
        Assert.Contains("'elbow' cannot be a focus", html, StringComparison.Ordinal);
        Assert.Contains("15-minute routine", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thousand_bad_focus_tags_are_capped_and_the_page_stays_small()
    {
        var address = "/session?" + string.Join('&', Enumerable.Range(0, 1000).Select(i => $"focus=bad{i}"));
        var ordinary = await _client.GetStringAsync("/session");

        var html = WebUtility.HtmlDecode(await _client.GetStringAsync(address));

        Assert.True(address.Length > 7000);
        Assert.Contains("This address carries 1,000 focus choices; only the first 8 are read.", html, StringComparison.Ordinal);
        Assert.Contains("and 5 more focus choices that are not regions", html, StringComparison.Ordinal);
        Assert.InRange(Regex.Count(html, "data-testid=\"problem\""), 1, 5);

        // Beyond a few sentences the page carries the address only where any page does (the sign-in link's way back).
        Assert.True(html.Length < ordinary.Length + (2 * address.Length) + 5000, $"{html.Length} characters against {ordinary.Length}");
    }

    [Fact]
    public async Task The_exercise_page_starts_a_session_that_includes_the_exercise()
    {
        var page = await _client.GetStringAsync("/exercises/pigeon-pose");
        var link = WebUtility.HtmlDecode(StartWith().Match(page).Groups[1].Value);

        Assert.StartsWith("/session?include=pigeon-pose", link, StringComparison.Ordinal);
        var html = await PageAsync(link);
        Assert.Contains("pigeon-pose", SlugsOf(html));
        Assert.Contains("15-minute hips routine", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_exercise_to_include_is_explained()
    {
        var html = await PageAsync("/session?include=handstand");

        Assert.Contains("There is no exercise called 'handstand' to include.", html, StringComparison.Ordinal);
    }

    private static string PlanOf(string html)
    {
        var start = html.IndexOf("plan-list", StringComparison.Ordinal);
        return html[start..html.LastIndexOf("</ol>", StringComparison.Ordinal)];
    }

    private static List<string> SlugsOf(string html) => [.. PlanSlug().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("class=\"plan-row\"[^>]*data-slug=\"([a-z0-9-]+)\"")]
    private static partial Regex PlanSlug();

    [GeneratedRegex("<a[^>]*data-testid=\"start-with\"[^>]*href=\"([^\"]+)\"")]
    private static partial Regex StartWith();
}
