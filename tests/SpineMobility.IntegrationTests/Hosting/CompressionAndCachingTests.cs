using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using SpineMobility.Testing;

namespace SpineMobility.IntegrationTests.Hosting;

[Collection(AppCollection.Name)]
public sealed partial class CompressionAndCachingTests(AppFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<HttpResponseMessage> GetAsync(string path, string acceptEncoding = "br, gzip", string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        return await _client.SendAsync(request);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/exercises")]
    [InlineData("/exercises/chin-tucks")]
    [InlineData("/session")]
    [InlineData("/about")]
    public async Task Every_style_sheet_and_script_a_page_links_is_served_compressed_with_a_year_of_immutable_caching(string page)
    {
        // A test host runs in Development, where static assets are sent uncached (they change while you edit) unless
        // asked for the caching of a published app.
        await using var app = new SpineMobilityApp(settings: new Dictionary<string, string?> { ["EnableStaticAssetsDevelopmentCaching"] = "true" });
        using var client = app.CreateClient();
        async Task<HttpResponseMessage> GetAsync(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
            return await client.SendAsync(request);
        }

        var html = await client.GetStringAsync(page);
        var assets = LinkedAssets().Matches(html).Select(m => m.Groups["url"].Value).Distinct().ToList();
        Assert.Contains(assets, a => a.Contains("MudBlazor.min.", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("MudBlazor.min.", StringComparison.Ordinal) && a.EndsWith(".js", StringComparison.Ordinal));

        foreach (var asset in assets)
        {
            using var response = await GetAsync("/" + asset.TrimStart('/'));

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
            // The build writes gzip copies; publish adds Brotli ones, which bench/README.md checks on the published app.
            Assert.True(response.Content.Headers.ContentEncoding.Any(e => e is "br" or "gzip"), $"{asset} was sent uncompressed");
            var caching = response.Headers.CacheControl!;
            Assert.True(caching.MaxAge == TimeSpan.FromDays(365) && caching.Extensions.Any(e => e.Name == "immutable"), $"{asset}: Cache-Control {caching}");
        }

        app.DeleteDatabase();
    }

    [Theory]
    [InlineData("/exercises", "text/html")]
    [InlineData("/about", "text/html")]
    [InlineData("/", "text/html")]
    [InlineData("/api/exercises", "application/json")]
    public async Task Pages_and_the_api_are_compressed_with_brotli_or_gzip_as_the_client_accepts(string path, string type)
    {
        using var brotli = await GetAsync(path, "gzip, deflate, br");
        using var gzip = await GetAsync(path, "gzip");
        using var none = await GetAsync(path, "identity");

        Assert.Equal(type, brotli.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Empty(none.Content.Headers.ContentEncoding);
        Assert.True((await brotli.Content.ReadAsByteArrayAsync()).Length * 2 < (await none.Content.ReadAsByteArrayAsync()).Length, $"{path} shrank less than 2 times");
    }

    [Fact]
    public async Task The_account_forms_which_carry_antiforgery_tokens_are_never_compressed()
    {
        using var response = await GetAsync("/Account/Login", "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalog_page_is_rendered_once_for_everyone_with_the_same_theme_and_separately_per_theme()
    {
        const string visitor = "sm-visitor=0123456789abcdef0123456789abcdef";
        using var first = await GetAsync("/exercises?region=hip", "identity", $"{visitor}; sm-theme=dark");
        using var again = await GetAsync("/exercises?region=hip", "identity", "sm-visitor=fedcba9876543210fedcba9876543210; sm-theme=dark");
        using var light = await GetAsync("/exercises?region=hip", "identity", $"{visitor}; sm-theme=light");

        // The stored copy keeps the answer's own policy, so the nonce of its one inline script still matches.
        Assert.Equal(first.Headers.GetValues("Content-Security-Policy").Single(), again.Headers.GetValues("Content-Security-Policy").Single());
        Assert.NotNull(again.Headers.Age);
        var dark = await again.Content.ReadAsStringAsync();
        Assert.Equal(await first.Content.ReadAsStringAsync(), dark);
        Assert.Contains("<html lang=\"en\" class=\"sm-dark\">", dark, StringComparison.Ordinal);
        var lightHtml = await light.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", lightHtml, StringComparison.Ordinal);
        // Both themes' rules are in every page; the class on the html element picks one.
        Assert.Contains("--mud-palette-background: rgba(246,248,247,1)", dark, StringComparison.Ordinal);
        Assert.Contains("html.sm-dark{", lightHtml, StringComparison.Ordinal);
        Assert.NotEqual(dark, lightHtml);
    }

    [Fact]
    public async Task A_signed_in_visitor_gets_their_own_menu_on_a_cached_page_and_nobody_else_sees_it()
    {
        var email = $"cache-{Guid.NewGuid():N}@example.com";
        await fixture.App.CreateUserAsync(email, "Stretch-2026!");
        using var signedIn = await fixture.App.SignedInClientAsync(email, "Stretch-2026!");

        var mine = await signedIn.GetStringAsync("/about");
        var anonymous = await _client.GetStringAsync("/about");

        Assert.Contains("Your account", mine, StringComparison.Ordinal);
        Assert.DoesNotContain(">Sign in<", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Your account", anonymous, StringComparison.Ordinal);
        Assert.Contains("Sign in", anonymous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_differs_per_visitor_is_never_served_from_the_cache()
    {
        using var first = await GetAsync("/", "identity");
        using var second = await GetAsync("/", "identity");

        Assert.Null(second.Headers.Age);
        Assert.NotEqual(first.Headers.GetValues("Content-Security-Policy").Single(), second.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/manifest.webmanifest", "application/manifest+json")]
    [InlineData("/robots.txt", "text/plain")]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/icons/apple-touch-icon.png", "image/png")]
    [InlineData("/service-worker.js", "text/javascript")]
    [InlineData("/offline.html", "text/html")]
    public async Task What_a_browser_asks_for_by_itself_is_there(string path, string type)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/exercises")]
    [InlineData("/exercises/chin-tucks")]
    [InlineData("/session")]
    [InlineData("/about")]
    [InlineData("/safety")]
    public async Task Every_page_describes_itself_links_the_manifest_and_sets_a_theme_colour(string path)
    {
        var html = await _client.GetStringAsync(path);

        var description = Assert.Single(Description().Matches(html));
        Assert.InRange(WebUtility.HtmlDecode(description.Groups[1].Value).Length, 50, 170);
        Assert.Contains("<link rel=\"manifest\" href=\"manifest.webmanifest\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"theme-color\"", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"apple-touch-icon\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_theme_form_refuses_a_post_from_another_site()
    {
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/theme") { Content = new FormUrlEncodedContent([new("mode", "dark"), new("returnUrl", "/about")]) };
        foreign.Headers.Add("Sec-Fetch-Site", "cross-site");
        foreign.Headers.Add("Origin", "https://evil.example");
        using var own = new HttpRequestMessage(HttpMethod.Post, "/theme") { Content = new FormUrlEncodedContent([new("mode", "dark"), new("returnUrl", "/about")]) };
        own.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var refused = await _client.SendAsync(foreign);
        using var accepted = await fixture.App.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(own);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains(accepted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sm-theme=dark", StringComparison.Ordinal));
    }

    [GeneratedRegex("<(?:link[^>]+rel=\"stylesheet\"[^>]+href|script[^>]+src)=\"(?<url>[^\"]+)\"")]
    private static partial Regex LinkedAssets();

    [GeneratedRegex("<meta name=\"description\" content=\"([^\"]*)\"")]
    private static partial Regex Description();
}
