namespace SpineMobility.Web.Shared;

/// <summary>
/// Who is using the app: the browser, known by a random key in a long-lived cookie, and the account
/// when someone is signed in. Read from the request that rendered the page, since circuits have no HttpContext.
/// </summary>
/// <param name="BrowserTimeZone">The browser's IANA zone, from the cookie app.js keeps current; UTC until it has run once.</param>
public sealed record Visitor(string BrowserKey, string? UserId = null, string BrowserTimeZone = "UTC")
{
    public const string TimeZoneCookieName = "sm-tz";

    public const string CookieName = "sm-visitor";

    private const string ItemKey = "SpineMobility.Visitor";

    public bool IsSignedIn => UserId is not null;

    public static Visitor? From(HttpContext context) => context.Items[ItemKey] as Visitor;

    internal static void Set(HttpContext context, Visitor visitor) => context.Items[ItemKey] = visitor;
}
