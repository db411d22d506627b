using System.Net;

namespace SpineMobility.Circuits.Protocol;

/// <summary>
/// One browser: its own cookies (the visitor key and antiforgery cookie the first page sets), and,
/// when asked, its own client address in X-Forwarded-For for a server that trusts the proxy.
/// </summary>
public sealed class Visitor(Uri baseAddress, HttpClient http, string? forwardedFor = null)
{
    public Uri BaseAddress { get; } = baseAddress;

    public CookieContainer Cookies { get; } = new();

    public string? ForwardedFor { get; } = forwardedFor;

    /// <summary>
    /// The instances behind nginx that answered this visitor's requests (its <c>X-Spine-Instance</c> header, see
    /// deploy/nginx.conf): one while the balancer's sticky <c>spine_node</c> cookie, kept in <see cref="Cookies"/> like
    /// every other and sent on the hub's connection too, holds. Empty without such a balancer.
    /// </summary>
    public IReadOnlyCollection<string> Instances => _instances.Keys.ToList();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _instances = new(StringComparer.Ordinal);

    /// <summary>The app's origin, which a browser sends on the hub's WebSocket.</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>GETs a page as a browser's first load does, following redirects and keeping cookies.</summary>
    public async Task<PrerenderedPage> LoadAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var address = new Uri(BaseAddress, pathAndQuery);
        for (var hop = 0; hop < 5; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            AddHeaders(request, address);
            using var response = await http.SendAsync(request, cancellationToken);
            Keep(response, address);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } next)
            {
                address = new Uri(address, next);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"GET {address} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            var html = await response.Content.ReadAsStringAsync(cancellationToken);
            return PrerenderedPage.Parse(address, html);
        }

        throw new HttpRequestException($"GET {pathAndQuery} redirected more than 5 times.");
    }

    /// <summary>What a closing tab's beacon does: tells the server to drop the circuit now rather than keep it for reconnection.</summary>
    /// <returns>Whether the server took it (otherwise it keeps the circuit for a reconnection that never comes).</returns>
    public async Task<bool> DisconnectAsync(string circuitId, CancellationToken cancellationToken)
    {
        var address = new Uri(BaseAddress, "_blazor/disconnect");
        using var request = new HttpRequestMessage(HttpMethod.Post, address)
        {
            Content = new FormUrlEncodedContent([new("circuitId", circuitId)]),
        };
        AddHeaders(request, address);
        request.Headers.TryAddWithoutValidation("Origin", Origin);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    private void AddHeaders(HttpRequestMessage request, Uri address)
    {
        var cookies = Cookies.GetCookieHeader(address);
        if (cookies.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookies);
        }

        if (ForwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", ForwardedFor);
        }
    }

    private void Keep(HttpResponseMessage response, Uri address)
    {
        if (response.Headers.TryGetValues("X-Spine-Instance", out var instances))
        {
            foreach (var instance in instances)
            {
                _instances.TryAdd(instance, true);
            }
        }

        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                Cookies.SetCookies(address, value);
            }
        }
    }

    /// <summary>One HTTP client for all visitors: cookies are kept per visitor, not by the handler.</summary>
    public static HttpClient SharedClient() => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 64,
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };
}
