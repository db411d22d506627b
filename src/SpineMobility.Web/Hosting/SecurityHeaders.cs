using System.Security.Cryptography;

namespace SpineMobility.Web.Hosting;

public static class SecurityHeaders
{
    private const string NonceKey = "SpineMobility.CspNonce";

    /// <summary>
    /// Headers every answer carries: no MIME sniffing, no framing at all (the app holds health data and account
    /// forms; X-Frame-Options and frame-ancestors say the same), no full addresses leaked to other sites, only the
    /// browser features the player uses, and a Content-Security-Policy as strict as Blazor Server and MudBlazor
    /// allow. Scripts come only from this site (no eval); the one inline script, Blazor's import map, carries this
    /// answer's nonce. Styles may be inline because MudBlazor writes its theme and layout as style attributes and
    /// a style element. The drawings set their own, stricter policy.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Hex, not base64: a '+' would be written into the page as &#x2B;, which browsers decode but nothing else need.
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "screen-wake-lock=(self), camera=(), microphone=(), geolocation=(), payment=()";
        headers.ContentSecurityPolicy = Policy(nonce);
        await next();
    });

    /// <summary>The nonce of this answer's policy, for the inline script a page must carry.</summary>
    public static string? Nonce(HttpContext context) => context.Items[NonceKey] as string;

    public static string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";
}
