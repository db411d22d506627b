using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.IntegrationTests.Features.Exercises;

/// <summary>A catalog of 500 valid exercises (the 18 real ones, each varied), on a host of its own.</summary>
public sealed partial class LargeCatalogTests : IAsyncLifetime
{
    private const int Size = 500;

    private string _contentFile = "";
    private SpineMobilityApp _app = default!;
    private HttpClient _client = default!;
    private JsonArray _exercises = [];

    public async Task InitializeAsync()
    {
        var real = JsonNode.Parse(await File.ReadAllTextAsync(RepoFiles.ExercisesJson))!;
        var originals = real["exercises"]!.AsArray();
        _exercises = [];
        for (var i = 0; i < Size; i++)
        {
            var exercise = originals[i % originals.Count]!.DeepClone();
            if (i >= originals.Count)
            {
                exercise["slug"] = $"{exercise["slug"]!.GetValue<string>()}-{i}";
                exercise["name"] = $"{exercise["name"]!.GetValue<string>()} {i}";
            }

            _exercises.Add(exercise);
        }

        real["exercises"] = _exercises;
        _contentFile = TempFiles.ContentFolder(real.ToJsonString());
        _app = new SpineMobilityApp(settings: new Dictionary<string, string?> { ["Content:ExercisesPath"] = _contentFile });
        _client = _app.CreateClient();
        // The app refuses an invalid catalog at start, so answering at all means the generated one is valid.
        using var health = await _client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        _app.DeleteDatabase();
        Directory.Delete(Path.GetDirectoryName(_contentFile)!, recursive: true);
    }

    private int InRegion(string region) => _exercises.Count(e => e!["regions"]!.AsArray().Any(r => r!.GetValue<string>() == region));

    [Fact]
    public async Task The_list_shows_one_page_of_cards_with_the_whole_count_and_no_circuit()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/exercises"));

        Assert.Contains($"{Size} exercises · 1–{ExercisesPage.PageSize} shown", html, StringComparison.Ordinal);
        Assert.Equal(ExercisesPage.PageSize, CardLinks().Count(html));
        Assert.Contains("Page 1 of 21", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/exercises?page=2\"", html, StringComparison.Ordinal);
        // No circuit and no protected state: nothing that a SignalR message limit could refuse.
        Assert.DoesNotContain("<!--Blazor:", html, StringComparison.Ordinal);
        var state = html.IndexOf("<!--Blazor-Server-Component-State:", StringComparison.Ordinal);
        Assert.True(state < 0 || html.Length - state < 2_000, "the page carries more protected state than a token");
    }

    [Fact]
    public async Task A_page_of_the_large_catalog_is_no_larger_than_the_same_number_of_cards_from_a_small_filter()
    {
        var whole = await _client.GetStringAsync("/exercises");
        var last = WebUtility.HtmlDecode(await _client.GetStringAsync("/exercises?page=21"));

        Assert.Equal(Size - (20 * ExercisesPage.PageSize), CardLinks().Count(last));
        Assert.Contains("Page 21 of 21", last, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", last, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);
        // What is shown is what costs: 24 cards, whether the catalog holds 18 or 500.
        Assert.InRange(whole.Length, 1, 260_000);
    }

    [Fact]
    public async Task Filtering_by_region_pages_through_exactly_that_regions_exercises_with_the_filter_in_the_links()
    {
        var expected = InRegion("cervical");
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/exercises?region=neck"));

        Assert.Contains($"{expected} exercises", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/exercises?region=cervical&page=2\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var second = WebUtility.HtmlDecode(await _client.GetStringAsync("/exercises?region=cervical&page=2"));
        Assert.Contains($"{expected} exercises · 25–{Math.Min(expected, 48)} shown", second, StringComparison.Ordinal);
        Assert.Contains("checked", CheckboxFor("cervical").Match(second).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_the_large_catalog_finds_every_variation_by_name_best_first()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/exercises?q=chin+tucks"));

        var variations = _exercises.Count(e => e!["name"]!.GetValue<string>().StartsWith("Chin tucks", StringComparison.Ordinal));
        var count = int.Parse(MatchCount().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(count, variations, Size - 1);
        // Name matches come first: the whole first page is chin tucks.
        Assert.All(CardLinks().Matches(html), link => Assert.StartsWith("/exercises/chin-tucks", link.Groups[1].Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_number_past_the_end_shows_the_last_page_and_says_so()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/exercises?page=99"));

        Assert.Contains("There is no page 99: these exercises fit on 21 pages, so the last one is shown.", html, StringComparison.Ordinal);
        Assert.Contains("Page 21 of 21", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("aria-label=\"How to do it: [^\"]+\"[^>]*href=\"([^\"]+)\"")]
    private static partial Regex CardLinks();

    [GeneratedRegex("data-testid=\"match-count\"[^>]*>(\\d+) exercises")]
    private static partial Regex MatchCount();

    private static Regex CheckboxFor(string tag) => new($"<input type=\"checkbox\" name=\"region\" value=\"{tag}\"[^>]*>");
}
