namespace SpineMobility.Web.Hosting;

/// <summary>
/// A page of another site must not open a circuit here with the visitor's cookies (cross-site WebSocket
/// hijacking): a connection to /_blazor whose Origin is not this site is refused.
/// </summary>
public static partial class CircuitOrigin
{
    public static IApplicationBuilder UseSameOriginCircuits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/_blazor"))
        {
            await next();
            return;
        }

        // Browsers send Origin on every WebSocket handshake and on the negotiate POST; a missing one is not a browser.
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || IsThisSite(origin, context))
        {
            await next();
            return;
        }

        LogRefused(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CircuitOrigin).FullName!), origin);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Connections to this app are accepted only from its own pages.");
    });

    /// <summary>The site's configured public origin, or the host the request was sent to (the browser's own address bar).</summary>
    internal static bool IsThisSite(string origin, HttpContext context)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        var publicAddress = context.RequestServices.GetRequiredService<PublicAddress>();
        return string.Equals(origin, publicAddress.Origin, StringComparison.OrdinalIgnoreCase)
               || string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a circuit connection from the foreign origin {Origin}")]
    private static partial void LogRefused(ILogger logger, string origin);
}
