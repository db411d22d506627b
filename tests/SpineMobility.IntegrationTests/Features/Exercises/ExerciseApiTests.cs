using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SpineMobility.Testing;

namespace SpineMobility.IntegrationTests.Features.Exercises;

[Collection(AppCollection.Name)]
public sealed class ExerciseApiTests(AppFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<List<string>> SlugsAsync(string url)
    {
        var exercises = await _client.GetFromJsonAsync<JsonElement>(url);
        return [.. exercises.EnumerateArray().Select(e => e.GetProperty("slug").GetString()!)];
    }

    [Fact]
    public async Task Filtering_by_region_returns_exactly_that_regions_exercises()
    {
        var slugs = await SlugsAsync("/api/exercises?region=cervical");

        Assert.Equal(Catalog.InRegion("cervical").Select(e => e.Slug), slugs);
    }

    [Fact]
    public async Task Several_regions_return_the_exercises_of_any_of_them()
    {
        var slugs = await SlugsAsync("/api/exercises?region=hip&region=full-body");

        var expected = Catalog.InRegion("hip").Concat(Catalog.InRegion("full-body")).Select(e => e.Slug).Distinct().Order();
        Assert.Equal(expected, slugs.Order());
    }

    [Fact]
    public async Task Without_a_filter_all_exercises_are_returned_in_catalog_order()
    {
        var slugs = await SlugsAsync("/api/exercises");

        Assert.Equal(18, slugs.Count);
        Assert.Equal("neck-circles", slugs[0]);
    }

    [Fact]
    public async Task Search_matches_names_and_summaries_ignoring_case()
    {
        var slugs = await SlugsAsync("/api/exercises?q=CIRCLES");

        Assert.Equal(["neck-circles", "hip-circles", "ankle-circles"], slugs);
    }

    [Fact]
    public async Task Search_treats_wildcards_as_plain_text()
    {
        Assert.Empty(await SlugsAsync("/api/exercises?q=%25"));
    }

    [Fact]
    public async Task An_exercise_has_its_content_fields_in_camel_case_with_tags()
    {
        var exercise = await _client.GetFromJsonAsync<JsonElement>("/api/exercises/squat-hold");

        Assert.Equal("squat-hold", exercise.GetProperty("slug").GetString());
        Assert.Equal("Squat hold", exercise.GetProperty("name").GetString());
        Assert.Equal(["hip"], exercise.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("hold", exercise.GetProperty("dose").GetProperty("kind").GetString());
        Assert.Equal(30, exercise.GetProperty("dose").GetProperty("minSeconds").GetInt32());
        Assert.Equal(60, exercise.GetProperty("dose").GetProperty("maxSeconds").GetInt32());
        Assert.False(exercise.GetProperty("perSide").GetBoolean());
        Assert.Equal("standing", exercise.GetProperty("position").GetString());
        Assert.True(exercise.GetProperty("steps").GetArrayLength() > 0);
        Assert.False(exercise.TryGetProperty("id", out _));
    }

    [Fact]
    public async Task An_unknown_region_is_a_400_that_names_it()
    {
        var response = await _client.GetAsync("/api/exercises?region=spleen");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty("region")[0].GetString();
        Assert.StartsWith("There is no region called “spleen”", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("neck", "cervical")]
    [InlineData("upper%20back", "thoracic")]
    [InlineData("lower-back", "lumbar")]
    [InlineData("hips", "hip")]
    public async Task The_words_people_use_for_a_region_filter_like_its_tag(string word, string tag)
    {
        Assert.Equal(Catalog.InRegion(tag).Select(e => e.Slug), await SlugsAsync($"/api/exercises?region={word}"));
    }

    [Fact]
    public async Task Search_finds_what_people_mean_best_match_first()
    {
        Assert.Equal(["cat-cow", "pelvic-tilts", "knee-to-chest"], await SlugsAsync("/api/exercises?q=lower%20back"));
        Assert.Equal(["neck-circles", "neck-tilts", "gentle-neck-stretches", "chin-tucks"], await SlugsAsync("/api/exercises?q=necks"));
        Assert.Equal(6, (await SlugsAsync("/api/exercises?q=desk")).Count);
    }

    [Fact]
    public async Task An_unknown_slug_is_a_404_problem()
    {
        var response = await _client.GetAsync("/api/exercises/no-such-exercise");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("no-such-exercise", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_is_described_by_an_openapi_document()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/exercises", out _));
        Assert.True(paths.TryGetProperty("/api/exercises/{slug}", out _));
    }
}
