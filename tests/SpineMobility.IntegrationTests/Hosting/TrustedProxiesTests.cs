using System.Net;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Hosting;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Hosting;

/// <summary>
/// Behind a load balancer: the client's address and scheme are believed only from a configured proxy. The app
/// listens on Kestrel here, so the peer is really 127.0.0.1.
/// </summary>
public sealed class TrustedProxiesTests
{
    private static SpineMobilityApp App(string? trustedProxies) => new(kestrel: true, settings: new Dictionary<string, string?>
    {
        [TrustedProxies.ConfigurationKey] = trustedProxies,
    });

    private static async Task<HttpStatusCode> SignInFromAsync(SpineMobilityApp app, string clientAddress)
    {
        using var client = ForwardingClient(app, clientAddress, "http");
        using var response = await client.SignInAsync($"nobody-{Guid.NewGuid():N}@example.com", "Wrong-password-1");
        return response.StatusCode;
    }

    private static HttpClient ForwardingClient(SpineMobilityApp app, string clientAddress, string proto)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        return client;
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_client_address_gets_its_own_sign_in_limit()
    {
        await using var app = App("127.0.0.1");
        for (var attempt = 0; attempt < AccountSetup.SignInAttemptsPerMinute; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(app, "203.0.113.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(app, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(app, "198.51.100.20"));
        app.DeleteDatabase();
    }

    [Fact]
    public async Task Forwarded_headers_from_a_peer_that_is_not_a_trusted_proxy_change_nothing()
    {
        await using var app = App("10.1.2.3");
        for (var attempt = 0; attempt < AccountSetup.SignInAttemptsPerMinute; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(app, $"203.0.113.{attempt + 1}"));
        }

        // A made-up client address does not buy a fresh limit.
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(app, "198.51.100.20"));

        // Nor does a made-up scheme make the app think the visitor came over HTTPS.
        using var client = ForwardingClient(app, "198.51.100.20", "https");
        using var page = await client.GetAsync("/");
        Assert.DoesNotContain(SetCookies(page), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        app.DeleteDatabase();
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_that_terminated_https_every_cookie_is_secure()
    {
        await using var app = App("127.0.0.0/8");
        var email = $"secure-{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, "Stretch-2026!");

        // The browser speaks HTTPS to the proxy, so it sends secure cookies back; this client (plain HTTP) is told to.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var page = await client.GetAsync("/Account/Login");
        var html = await page.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = email,
                ["Input.Password"] = "Stretch-2026!",
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", SetCookies(page).Select(c => c.Split(';')[0])));
        using var signIn = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = SetCookies(page).Concat(SetCookies(signIn)).ToList();
        Assert.Contains(cookies, c => c.StartsWith(Visitor.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("sm-auth=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        app.DeleteDatabase();
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
