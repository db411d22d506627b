using System.Security.Claims;
using System.Security.Cryptography;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Hosting;

/// <summary>
/// Gives every browser a visitor key the first time it comes, so its sessions are its own, and puts the
/// key on the request's principal. Blazor hands a circuit the principal of its connection (when it starts
/// and when it reconnects), so pages always act for the cookies of the connection they run on.
/// </summary>
public static class VisitorCookie
{
    public static IApplicationBuilder UseVisitorCookie(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // A re-executed request (the 404 page) already knows its visitor: one key per answer.
        if (Visitor.From(context) is not null)
        {
            await next();
            return;
        }

        var key = context.Request.Cookies[Visitor.CookieName];
        if (!IsWellFormed(key) && !WantsVisitor(context.Request))
        {
            await next();
            return;
        }

        if (!IsWellFormed(key))
        {
            key = Issue(context);
        }

        SetOnPrincipal(context, key!);
        await next();
    });

    /// <summary>
    /// A new key for this browser, from now on: at sign-out, so the next person on a shared browser starts
    /// afresh and does not inherit, or hand to their account, what was done on it before.
    /// </summary>
    public static void Renew(HttpContext context)
    {
        SetOnPrincipal(context, Issue(context));
    }

    private static string Issue(HttpContext context)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(Visitor.CookieName, key, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(400),
        });
        return key;
    }

    /// <summary>
    /// An identity that is not a sign-in (it has no authentication type), beside the account's when there is one,
    /// on a new principal: the sign-in cookie's own principal stays as it was, so the key never ends up inside it.
    /// </summary>
    private static void SetOnPrincipal(HttpContext context, string key)
    {
        var zone = TimeZones.KnownOrUtc(context.Request.Cookies[Visitor.TimeZoneCookieName]);
        var visitor = new ClaimsIdentity([new Claim(Visitor.BrowserKeyClaim, key), new Claim(Visitor.TimeZoneClaim, zone)]);
        context.User = new ClaimsPrincipal(context.User.Identities.Where(i => !i.HasClaim(c => c.Type == Visitor.BrowserKeyClaim)).Append(visitor));
    }

    /// <summary>Pages and forms need to know the visitor; scripts, styles, the API, the feed and health checks do not,
    /// and a cookie on those would only keep them out of caches. The circuit's connection carries the cookie the page set.</summary>
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
