using SpineMobility.Web.Features.Account;

namespace SpineMobility.Web.Components.Layout;

/// <summary>Reads the theme cookie that app.js writes: "light", "dark", "system" or "system-dark".</summary>
public static class ThemeCookie
{
    public const string Name = "sm-theme";

    /// <summary>Where the theme form of static pages posts.</summary>
    public const string FormPath = "/theme";

    public static ThemeChoice Read(HttpRequest request) => Parse(request.Cookies[Name]);

    public static ThemeChoice Parse(string? value) => value switch
    {
        "light" => new(ThemeMode.Light, false),
        "dark" => new(ThemeMode.Dark, false),
        "system-dark" => new(ThemeMode.System, true),
        _ => ThemeChoice.Default,
    };

    public static string Format(ThemeChoice choice) => choice.Mode switch
    {
        ThemeMode.Light => "light",
        ThemeMode.Dark => "dark",
        _ => choice.SystemPrefersDark ? "system-dark" : "system",
    };

    /// <summary>
    /// The theme form of pages without a circuit: writes the same cookie app.js writes (readable by it, so not
    /// HttpOnly) and goes back to the page. What the system prefers is kept from the cookie, as the menu does.
    /// </summary>
    public static IEndpointRouteBuilder MapThemeForm(this IEndpointRouteBuilder endpoints)
    {
        // No antiforgery token: the form sits on pages cached for everyone (a token is one browser's), and all it can
        // change is a colour cookie. A cross-site post is still refused: browsers say where a form came from.
        endpoints.MapPost(FormPath, async (HttpContext context) =>
        {
            if (!context.Request.HasFormContentType || !FromThisSite(context))
            {
                return Results.Text("This form did not come from SpineMobility. Go back, reload the page and choose again.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }

            var form = await context.Request.ReadFormAsync();
            ThemeMode? mode = form["mode"].ToString() switch
            {
                "system" => ThemeMode.System,
                "light" => ThemeMode.Light,
                "dark" => ThemeMode.Dark,
                _ => null,
            };
            if (mode is null)
            {
                return Results.Text("Choose system, light or dark.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }

            var choice = Read(context.Request) with { Mode = mode.Value };
            context.Response.Cookies.Append(Name, Format(choice), new CookieOptions
            {
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
            return Results.LocalRedirect(LocalUrl.OrHome(form["returnUrl"]));
        }).DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Sec-Fetch-Site (every current browser) or else Origin (older ones, on every cross-site post) names this site.</summary>
    internal static bool FromThisSite(HttpContext context)
    {
        var site = context.Request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        var origin = context.Request.Headers.Origin.ToString();
        return origin.Length == 0 || Hosting.CircuitOrigin.IsThisSite(origin, context);
    }
}
