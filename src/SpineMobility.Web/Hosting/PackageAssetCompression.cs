using System.Text.Json;

namespace SpineMobility.Web.Hosting;

/// <summary>
/// The SDK gives a package's fingerprinted address (e.g. <c>_content/MudBlazor/MudBlazor.min.k4r0it8844.css</c>, the one
/// the page links) no precompressed alternatives: only the plain address negotiates the .br/.gz files that publish
/// wrote, so MudBlazor's 627 KB style sheet went out uncompressed. Such a fingerprinted request is served by the plain
/// address (same file, content negotiation, ETag) with the fingerprinted address's immutable caching.
/// </summary>
public static class PackageAssetCompression
{
    private const string Immutable = "max-age=31536000, immutable";

    /// <summary>Must come before routing, which chooses the plain address's endpoint for the rewritten path.</summary>
    public static IApplicationBuilder UseCompressedPackageAssets(this WebApplication app)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{app.Environment.ApplicationName}.staticwebassets.endpoints.json");
        var plainFor = File.Exists(manifest) ? FingerprintedWithoutCompression(File.ReadAllText(manifest)) : new Dictionary<string, string>();
        if (plainFor.Count == 0)
        {
            return app;
        }

        app.Use((context, next) =>
        {
            if (context.Request.Path.Value is { } path && plainFor.TryGetValue(path, out var plain))
            {
                context.Request.Path = plain;
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = Immutable;
                    return Task.CompletedTask;
                });
            }

            return next();
        });
        return app;
    }

    /// <summary>
    /// Fingerprinted route ("/a/b.fp.css") to plain route ("/a/b.css") for the fingerprinted routes that have no
    /// Content-Encoding alternative while their plain route has one.
    /// </summary>
    internal static Dictionary<string, string> FingerprintedWithoutCompression(string manifestJson)
    {
        using var document = JsonDocument.Parse(manifestJson);
        var compressedRoutes = new HashSet<string>(StringComparer.Ordinal);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var endpoint in document.RootElement.GetProperty("Endpoints").EnumerateArray())
        {
            var route = endpoint.GetProperty("Route").GetString()!;
            if (endpoint.GetProperty("Selectors").EnumerateArray().Any(s => s.GetProperty("Name").GetString() == "Content-Encoding"))
            {
                compressedRoutes.Add(route);
            }

            var properties = endpoint.GetProperty("EndpointProperties").EnumerateArray().ToDictionary(p => p.GetProperty("Name").GetString()!, p => p.GetProperty("Value").GetString());
            if (properties.ContainsKey("fingerprint") && properties.TryGetValue("label", out var label) && label is not null && label != route)
            {
                labels[route] = label;
            }
        }

        return labels
            .Where(pair => !compressedRoutes.Contains(pair.Key) && compressedRoutes.Contains(pair.Value))
            .ToDictionary(pair => "/" + pair.Key, pair => "/" + pair.Value, StringComparer.Ordinal);
    }
}
