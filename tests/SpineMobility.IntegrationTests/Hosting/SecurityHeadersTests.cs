using System.Net;
using System.Text.RegularExpressions;
using SpineMobility.Testing;
using SpineMobility.Web.Hosting;

namespace SpineMobility.IntegrationTests.Hosting;

/// <summary>What every answer tells the browser it may do with the page.</summary>
[Collection(AppCollection.Name)]
public sealed partial class SecurityHeadersTests(AppFixture fixture)
{
    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    [Theory]
    [InlineData("/")]
    [InlineData("/exercises")]
    [InlineData("/Account/Login")]
    [InlineData("/no-such-page")]
    public async Task Every_page_carries_a_strict_content_security_policy_and_one_framing_rule(string path)
    {
        using var response = await fixture.Client.GetAsync(path);

        var policy = Directives(Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("'self'", policy["default-src"]);
        Assert.StartsWith("'self' 'nonce-", policy["script-src"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy["script-src"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy["script-src"], StringComparison.Ordinal);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'self'", policy["base-uri"]);
        Assert.Equal("'self'", policy["form-action"]);

        // X-Frame-Options for old browsers says what frame-ancestors says: nobody may frame the app.
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task The_one_inline_script_carries_the_nonce_of_its_own_answer()
    {
        using var first = await fixture.Client.GetAsync("/");
        using var second = await fixture.Client.GetAsync("/");

        var nonce = Nonce().Match(first.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value;
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.Single(InlineScripts().Matches(html));
        Assert.NotEqual(nonce, Nonce().Match(second.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value);
    }

    [Fact]
    public async Task The_drawings_keep_their_own_sandboxing_policy()
    {
        using var response = await fixture.Client.GetAsync("/illustrations/cat-cow-start.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task In_production_HSTS_is_sent_over_https_and_never_over_plain_http()
    {
        await using var app = new SpineMobilityApp(kestrel: true, settings: new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            [TrustedProxies.ConfigurationKey] = "127.0.0.1",
            [PublicAddress.ConfigurationKey] = "https://spine.example.org/",
        });
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        async Task<HttpResponseMessage> GetAsync(string? forwardedProto)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/about");
            request.Headers.Host = "spine.example.org";
            if (forwardedProto is not null)
            {
                request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            }

            return await client.SendAsync(request);
        }

        using var https = await GetAsync("https");
        using var http = await GetAsync(null);

        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(https.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, http.StatusCode);
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
        app.DeleteDatabase();
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScripts();
}
