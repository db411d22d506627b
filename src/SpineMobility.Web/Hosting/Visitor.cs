using System.Security.Cryptography;

namespace SpineMobility.Web.Hosting;

/// <summary>Who is using the app: for now the browser, known by a random key in a long-lived cookie.</summary>
public sealed record Visitor(string BrowserKey)
{
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

        context.Items[ItemKey] = new Visitor(key!);
        await next();
    });

    private static bool IsWellFormed(string? key) => key is { Length: 32 } && key.All(char.IsAsciiHexDigitLower);
}
