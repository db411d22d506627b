using Microsoft.AspNetCore.Connections;
using Serilog.Events;

namespace SpineMobility.Web.Hosting;

/// <summary>
/// A request the client gave up on (a closed tab, a phone that lost its network) is not the server's error: it
/// ends as 499 and is logged as information without a stack trace. Server errors stay errors.
/// </summary>
public static class AbortedRequests
{
    /// <summary>nginx's code for "client closed the request"; nobody receives it, the log and the metrics do.</summary>
    public const int ClientClosedRequest = 499;

    /// <summary>Goes just inside the request logging, so what it logs is the outcome, not the exception.</summary>
    public static IApplicationBuilder UseAbortedRequestsQuietly(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next();
        }
        catch (Exception exception) when (IsClientGone(context, exception))
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequest;
            }
        }
    });

    /// <summary>For Serilog's request logging: errors are 5xx answers and exceptions; 499 and the rest are information.</summary>
    public static LogEventLevel LevelOf(HttpContext context, double elapsedMs, Exception? exception) =>
        exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;

    internal static bool IsClientGone(HttpContext context, Exception exception) =>
        exception is OperationCanceledException or IOException or ConnectionResetException or BadHttpRequestException
        && (context.RequestAborted.IsCancellationRequested || exception is ConnectionResetException
            || exception is BadHttpRequestException { Message: var message } && message.Contains("Unexpected end of request content", StringComparison.Ordinal));
}
