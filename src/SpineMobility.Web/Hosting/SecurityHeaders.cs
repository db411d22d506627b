namespace SpineMobility.Web.Hosting;

public static class SecurityHeaders
{
    /// <summary>
    /// Headers every answer carries: no MIME sniffing, no framing (the app holds health data and account forms),
    /// no full addresses leaked to other sites, and only the browser features the player uses.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "screen-wake-lock=(self), camera=(), microphone=(), geolocation=(), payment=()";
        await next();
    });
}
