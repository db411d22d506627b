using System.Security.Cryptography;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Hosting;

/// <summary>Gives every browser a visitor key the first time it comes, so its sessions are its own.</summary>
public static class VisitorCookie
{
    public static IApplicationBuilder UseVisitorCookie(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var key = context.Request.Cookies[Visitor.CookieName];
        if (!IsWellFormed(key) && !WantsVisitor(context.Request))
        {
            await next();
            return;
        }

        if (!IsWellFormed(key))
        {
            key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Response.Cookies.Append(Visitor.CookieName, key, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(400),
            });
        }

        var userId = context.User.Identity?.IsAuthenticated == true
            ? context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
            : null;
        var zone = TimeZones.KnownOrUtc(context.Request.Cookies[Visitor.TimeZoneCookieName]);
        Visitor.Set(context, new Visitor(key!, userId, zone));
        await next();
    });

    /// <summary>Pages and forms need to know the visitor; scripts, styles, the API, the feed and health checks do not,
    /// and a cookie on those would only keep them out of caches.</summary>
    private static bool WantsVisitor(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        return Path.GetExtension(path).Length == 0
               && !(request.Path.StartsWithSegments("/_framework") || request.Path.StartsWithSegments("/_content")
                    || request.Path.StartsWithSegments("/_blazor") || request.Path.StartsWithSegments("/api")
                    || request.Path.StartsWithSegments("/calendar") || request.Path.StartsWithSegments("/healthz")
                    || request.Path.StartsWithSegments("/openapi"));
    }

    private static bool IsWellFormed(string? key) => key is { Length: 32 } && key.All(char.IsAsciiHexDigitLower);
}
