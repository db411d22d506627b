using Microsoft.AspNetCore.Http.Features;

namespace SpineMobility.Web.Hosting;

public static class HeadRequests
{
    /// <summary>
    /// Answers HEAD like GET without the body, on every page and endpoint (link checkers, monitors and
    /// calendar apps ask HEAD first). Must come before routing, so the GET endpoint is the one chosen.
    /// </summary>
    public static IApplicationBuilder UseHeadRequests(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next();
                return;
            }

            // Kestrel already sends no body for a HEAD request (it keeps the method it parsed); the null
            // stream also keeps the work of writing one off every other server, such as the test host.
            context.Request.Method = HttpMethods.Get;
            var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
            try
            {
                await next();
            }
            finally
            {
                context.Features.Set(body);
                context.Request.Method = HttpMethods.Head;
            }
        });
}
