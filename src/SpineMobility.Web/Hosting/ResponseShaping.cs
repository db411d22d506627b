using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace SpineMobility.Web.Hosting;

/// <summary>
/// Compression of what the app writes at run time (pages, JSON, drawings) and the output cache of the pages that
/// are the same for every anonymous visitor. Static assets are not compressed here: publish precompresses them
/// and <c>MapStaticAssets</c> serves the .br/.gz files.
/// </summary>
public static class ResponseShaping
{
    /// <summary>The output-cache policy of pages that are the same for every anonymous visitor (see <see cref="SameForEveryVisitor"/>).</summary>
    public const string SameForEveryone = "same-for-everyone";

    public static IServiceCollection AddResponseShaping(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["image/svg+xml", "application/problem+json", "application/manifest+json", "text/calendar", "application/openapi+json"]);
        });

        // Fastest: on a busy 2-core server a page is compressed in a fraction of a millisecond and still shrinks
        // 4-6 times; the cached pages are compressed once per encoding, not per request.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);

        services.AddOutputCache(options =>
        {
            options.AddPolicy(SameForEveryone, new SameForEveryVisitor());
            // A new catalog evicts the cached pages (CatalogWatch), so a long life costs nothing; the limit bounds
            // the memory many distinct searches could take.
            options.SizeLimit = 64 * 1024 * 1024;
        });
        return services;
    }

    /// <summary>
    /// The output cache sits outside compression, so a cached page is stored compressed (once per Accept-Encoding);
    /// the account pages, whose forms carry antiforgery tokens beside what the user typed, are never compressed
    /// (BREACH).
    /// </summary>
    public static IApplicationBuilder UseResponseShaping(this IApplicationBuilder app)
    {
        app.UseOutputCache();
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/Account"), branch => branch.UseResponseCompression());
        return app;
    }
}
