using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SpineMobility.Web.Hosting;

/// <summary>
/// Behind a load balancer or reverse proxy, the client's address and scheme come from its X-Forwarded-For and
/// X-Forwarded-Proto headers, but only from the proxies configured in <c>App:TrustedProxies</c>: anybody else
/// could write those headers to dodge a rate limit or pass for HTTPS. Nothing is configured by default, and then
/// the headers are ignored.
/// </summary>
public static class TrustedProxies
{
    public const string ConfigurationKey = "App:TrustedProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var (proxies, networks) = Parse(Entries(configuration));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Not even loopback by default; each hop back from the app is believed only while it is a trusted proxy.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.ForwardLimit = null;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so the rate limits, cookies and logs all see the real client.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, IConfiguration configuration) =>
        Entries(configuration).Count > 0 ? app.UseForwardedHeaders() : app;

    /// <summary>Addresses (10.0.0.5, ::1) and networks (10.0.0.0/8); a wrong entry stops the start, named.</summary>
    public static (IReadOnlyList<IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks) Parse(IReadOnlyList<string> entries)
    {
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in entries)
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (!entry.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException(
                    $"{ConfigurationKey}: '{entry}' is neither an IP address (10.0.0.5) nor a network (10.0.0.0/24).");
            }
        }

        return (proxies, networks);
    }

    /// <summary>A list (App:TrustedProxies:0, :1, …) or one value separated by commas, semicolons or spaces.</summary>
    private static IReadOnlyList<string> Entries(IConfiguration configuration)
    {
        var section = configuration.GetSection(ConfigurationKey);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return [.. values.SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }
}
