using System.Security.Claims;

namespace SpineMobility.Web.Shared;

/// <summary>
/// Who is using the app: the browser, known by a random key in a long-lived cookie, and the account
/// when someone is signed in. Read from the principal of the request or of the circuit's connection,
/// never from data a page carries, so a captured page replayed elsewhere acts for nobody.
/// </summary>
/// <param name="BrowserTimeZone">The browser's IANA zone, from the cookie app.js keeps current; UTC until it has run once.</param>
public sealed record Visitor(string BrowserKey, string? UserId = null, string BrowserTimeZone = "UTC")
{
    public const string TimeZoneCookieName = "sm-tz";

    public const string CookieName = "sm-visitor";

    /// <summary>The claims the visitor cookie adds to every request's principal, on an identity that is not a sign-in.</summary>
    public const string BrowserKeyClaim = "https://spinemobility.app/claims/browser-key";

    public const string TimeZoneClaim = "https://spinemobility.app/claims/time-zone";

    public bool IsSignedIn => UserId is not null;

    /// <summary>Who a principal is: the visitor of a request, or of a circuit (whose principal Blazor takes from its connection).</summary>
    public static Visitor? From(ClaimsPrincipal? user)
    {
        if (user?.FindFirst(BrowserKeyClaim)?.Value is not { } browserKey)
        {
            return null;
        }

        var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        return new Visitor(browserKey, userId, user.FindFirst(TimeZoneClaim)?.Value ?? "UTC");
    }

    public static Visitor? From(HttpContext context) => From(context.User);

    /// <summary>Whether two visitors are the same person on the same browser (the time zone may change as they travel).</summary>
    public bool IsSamePersonAs(Visitor? other) => other is not null && other.BrowserKey == BrowserKey && other.UserId == UserId;
}
