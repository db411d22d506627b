using Microsoft.AspNetCore.OutputCaching;
using SpineMobility.Web.Components.Layout;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Hosting;

/// <summary>
/// Caches a page for everyone who is not signed in: the catalog pages and the about page read nothing of the
/// visitor but the theme (which colours the first paint), so the cache keeps one copy per theme, address and
/// encoding. A signed-in visitor's menu differs, so their pages are rendered for them. Answers that set a cookie
/// or are not 200 are never stored. The stored copy keeps its own headers, so the Content-Security-Policy nonce
/// of a cached page is the one its markup carries; a different query string is a different copy with a nonce of its own.
/// </summary>
internal sealed class SameForEveryVisitor : IOutputCachePolicy
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                        && !http.User.Identities.Any(identity => identity.IsAuthenticated);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        // Dropped when a running instance notices a new catalog (CatalogWatch).
        context.Tags.Add(CatalogWatch.CachedPagesTag);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = "Accept-Encoding";
        context.CacheVaryByRules.VaryByValues["theme"] = ThemeCookie.Format(ThemeCookie.Read(http.Request));
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
