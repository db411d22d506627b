using System.Net;
using SpineMobility.Testing;

namespace SpineMobility.IntegrationTests.Features.Exercises;

[Collection(AppCollection.Name)]
public sealed class ExercisePagesTests(AppFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    /// <summary>The markup of the home page's link to one region.</summary>
    private static string Tile(string html, string region)
    {
        var start = html.IndexOf($"href=\"/exercises?region={region}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no tile for {region}");
        return html[start..html.IndexOf("</a>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task The_home_page_shows_each_region_with_its_count_and_the_safety_advice()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/"));

        Assert.Contains($"{Catalog.InRegion("cervical").Count} exercises", Tile(html, "cervical"), StringComparison.Ordinal);
        Assert.Contains(">Neck</h3>", Tile(html, "cervical"), StringComparison.Ordinal);
        Assert.Contains($"{Catalog.InRegion("hip").Count} exercises", Tile(html, "hip"), StringComparison.Ordinal);
        Assert.Contains("href=\"/exercises?region=full-body\"", html, StringComparison.Ordinal);
        Assert.Contains("Start a session", html, StringComparison.Ordinal);
        Assert.Contains("see a healthcare professional", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?minutes=30", 30)]
    [InlineData("/", 15)]
    [InlineData("/?minutes=abc", 15)]
    [InlineData("/?minutes=999", 15)]
    public async Task The_home_page_has_no_circuit_and_its_session_lengths_are_links_that_choose_what_the_phase_cards_show(string path, int chosen)
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync(path));

        Assert.DoesNotContain("<!--Blazor:", html, StringComparison.Ordinal);
        foreach (var minutes in new[] { 10, 15, 20, 30, 45 })
        {
            var at = html.IndexOf($"href=\"/?minutes={minutes}#session-flow\"", StringComparison.Ordinal);
            Assert.True(at >= 0, $"no link for {minutes} minutes");
            var link = html[html.LastIndexOf('<', at)..html.IndexOf('>', at)];
            Assert.Equal(minutes == chosen, link.Contains("aria-current=\"true\"", StringComparison.Ordinal));
        }

        Assert.Contains($"href=\"/session?minutes={chosen}\"", html, StringComparison.Ordinal);
        Assert.Contains($"Plan a {chosen}-minute session", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exercise_list_filtered_by_region_shows_exactly_that_regions_exercises()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/exercises?region=cervical"));

        var expected = Catalog.InRegion("cervical").Select(e => e.Name).ToList();
        foreach (var name in Catalog.AllNames)
        {
            Assert.Equal(expected.Contains(name), html.Contains($">{name}</a>", StringComparison.Ordinal));
        }

        Assert.Contains($"{expected.Count} exercises", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exercise_list_combines_regions_search_position_and_equipment()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/exercises?region=hip&region=lumbar&q=circles&position=standing"));

        Assert.Contains(">Hip circles</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Pelvic tilts</a>", html, StringComparison.Ordinal);
        Assert.Contains("1 exercise", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_shows_a_friendly_empty_state()
    {
        var html = await _client.GetStringAsync("/exercises?q=handstand");

        Assert.Contains("No exercises match", html, StringComparison.Ordinal);
        Assert.Contains("Show all exercises", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_region_in_the_address_is_named_on_the_page_in_plain_words()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/exercises?region=spleen"));

        Assert.Contains("There is no region called “spleen”, so the list is not narrowed by region. Choose from Neck, Upper back, Lower back, Hips, Full body or Beginner.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ignored", html, StringComparison.Ordinal);
        Assert.Contains($"{Catalog.AllNames.Count} exercises", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_word_neck_in_the_address_shows_the_neck_exercises()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/exercises?region=neck"));

        var expected = Catalog.InRegion("cervical").Select(e => e.Name).ToList();
        foreach (var name in Catalog.AllNames)
        {
            Assert.Equal(expected.Contains(name), html.Contains($">{name}</a>", StringComparison.Ordinal));
        }

        Assert.DoesNotContain("There is no region", html, StringComparison.Ordinal);
        Assert.Contains("<title>Neck exercises", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_chair_on_the_page_finds_the_chair_exercises()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/exercises?q=chair"));

        Assert.Contains("6 exercises", html, StringComparison.Ordinal);
        Assert.Contains(">Ankle circles</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Cat-cow</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exercise_page_shows_its_steps_cues_cautions_and_regions_as_links()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/exercises/chin-tucks"));

        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("Chin tucks", html, StringComparison.Ordinal);
        Assert.Contains("Steps", html, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"steps", html, StringComparison.Ordinal);
        Assert.Contains("Stop or skip it when", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/exercises?region=cervical\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_exercise_is_a_404_page()
    {
        var response = await _client.GetAsync("/exercises/no-such-exercise");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_is_a_404_page()
    {
        var response = await _client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("The link may be old or mistyped.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("left the catalog", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/exercises/no-such-exercise", "the exercise may have left the catalog", "href=\"/exercises\"")]
    [InlineData("/session/play/7d3f0a52-95a3-4c1e-8a0e-1f6b1c9d2e11", "the session was started in another browser or account", "href=\"/session\"")]
    [InlineData("/progress/sessions/7d3f0a52-95a3-4c1e-8a0e-1f6b1c9d2e11", "This session is not in your history", "href=\"/progress\"")]
    public async Task The_404_page_says_what_may_have_happened_to_that_kind_of_address(string address, string reason, string link)
    {
        var response = await _client.GetAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.Contains(link, html, StringComparison.Ordinal);
        if (!address.StartsWith("/exercises/", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("left the catalog", html, StringComparison.Ordinal);
        }
    }
}
