using System.Net;
using Microsoft.AspNetCore.Http;
using System.Text.Json.Nodes;
using SpineMobility.Testing;

namespace SpineMobility.IntegrationTests.Features.Exercises;

/// <summary>The drawings are served from the content folder, and nothing else of it is.</summary>
[Collection(AppCollection.Name)]
public sealed class IllustrationFilesTests(AppFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;
    private readonly SpineMobilityApp _app = fixture.App;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var content = JsonNode.Parse(File.ReadAllText(RepoFiles.ExercisesJson))!;
        foreach (var exercise in content["exercises"]!.AsArray())
        {
            data.Add(exercise!["illustration"]!["start"]!["file"]!.GetValue<string>());
            data.Add(exercise["illustration"]!["end"]!["file"]!.GetValue<string>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_drawing_the_catalog_names_is_served_as_svg_and_cached(string file)
    {
        var response = await _client.GetAsync("/" + file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.StartsWith("<svg", (await response.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/illustrations/../exercises.json")]
    [InlineData("/illustrations/%2e%2e/exercises.json")]
    [InlineData("/illustrations/no-such-pose.svg")]
    [InlineData("/exercises.json")]
    public async Task Nothing_outside_the_drawings_is_served(string path)
    {
        // The path reaches the app exactly as written: an HttpClient would resolve the dots before sending.
        var context = await _app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = Uri.UnescapeDataString(path);
        });

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        Assert.DoesNotContain("\"exercises\"", await new StreamReader(context.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_in_the_folder_that_no_exercise_names_is_not_served()
    {
        var contentFile = TempFiles.ContentFolder(await File.ReadAllTextAsync(RepoFiles.ExercisesJson));
        var folder = Path.GetDirectoryName(contentFile)!;
        await File.WriteAllTextAsync(Path.Combine(folder, "illustrations", "unchecked.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        try
        {
            await using var app = new SpineMobilityApp(settings: new Dictionary<string, string?> { ["Content:ExercisesPath"] = contentFile });
            using var client = app.CreateClient();

            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/illustrations/unchecked.svg")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/illustrations/cat-cow-start.svg")).StatusCode);
            app.DeleteDatabase();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_detail_page_shows_both_positions_with_their_descriptions()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/exercises/cat-cow"));
        var content = JsonNode.Parse(File.ReadAllText(RepoFiles.ExercisesJson))!["exercises"]!.AsArray().Single(e => e!["slug"]!.GetValue<string>() == "cat-cow")!;

        Assert.Contains($"src=\"/illustrations/cat-cow-start.svg?v={Fingerprint("cat-cow-start.svg")}\" alt=\"{content["illustration"]!["start"]!["alt"]}\"", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"/illustrations/cat-cow-end.svg?v={Fingerprint("cat-cow-end.svg")}\" alt=\"{content["illustration"]!["end"]!["alt"]}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drawing_at_its_fingerprinted_address_is_cached_for_a_year_and_a_bare_or_stale_one_for_an_hour()
    {
        using var current = await _client.GetAsync($"/illustrations/cat-cow-start.svg?v={Fingerprint("cat-cow-start.svg")}");
        using var bare = await _client.GetAsync("/illustrations/cat-cow-start.svg");
        using var stale = await _client.GetAsync("/illustrations/cat-cow-start.svg?v=0123456789");

        Assert.Equal("public, max-age=31536000, immutable", current.Headers.CacheControl!.ToString());
        Assert.Equal("public, max-age=3600", bare.Headers.CacheControl!.ToString());
        Assert.Equal("public, max-age=3600", stale.Headers.CacheControl!.ToString());
        Assert.NotNull(bare.Headers.ETag);
    }

    private static string Fingerprint(string drawing) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(RepoFiles.ExercisesJson)!, "illustrations", drawing))))[..10];
}
