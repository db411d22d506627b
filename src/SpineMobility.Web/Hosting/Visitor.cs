using System.Security.Cryptography;

namespace SpineMobility.Web.Hosting;

/// <summary>
/// Who is using the app: the browser, known by a random key in a long-lived cookie, and the account
/// when someone is signed in. Read from the request that rendered the page, since circuits have no HttpContext.
/// </summary>
/// <param name="BrowserTimeZone">The browser's IANA zone, from the cookie app.js keeps current; UTC until it has run once.</param>
public sealed record Visitor(string BrowserKey, string? UserId = null, string BrowserTimeZone = "UTC")
{
    public const string TimeZoneCookieName = "sm-tz";

    public bool IsSignedIn => UserId is not null;

    public const string CookieName = "sm-visitor";

    private const string ItemKey = "SpineMobility.Visitor";

    public static Visitor? From(HttpContext context) => context.Items[ItemKey] as Visitor;

    /// <summary>Gives every browser a visitor key the first time it comes, so its sessions are its own.</summary>
    public static IApplicationBuilder UseVisitorCookie(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var key = context.Request.Cookies[CookieName];
        if (!IsWellFormed(key) && !WantsVisitor(context.Request))
        {
            await next();
            return;
        }

        if (!IsWellFormed(key))
        {
            key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Response.Cookies.Append(CookieName, key, new CookieOptions
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
        var zone = Features.Sessions.TimeZones.KnownOrUtc(context.Request.Cookies[TimeZoneCookieName]);
        context.Items[ItemKey] = new Visitor(key!, userId, zone);
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
