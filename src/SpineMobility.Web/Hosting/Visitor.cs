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

    private static bool IsWellFormed(string? key) => key is { Length: 32 } && key.All(char.IsAsciiHexDigitLower);
}
