using SpineMobility.Web.Data;

namespace SpineMobility.Web.Hosting;

/// <summary>
/// A form or endpoint whose database work failed (busy for longer than a write waits, read-only, unreachable)
/// answers 503 and says that nothing was saved, instead of a 500 after half a minute. Interactive pages catch
/// these themselves (<see cref="DatabaseErrors.IsDatabaseError"/>) and keep what the user did.
/// </summary>
public static partial class DatabaseUnavailable
{
    public const string Message = "The database is busy or cannot be written just now, so nothing was saved. Please try again in a moment.";

    public static IApplicationBuilder UseDatabaseUnavailableAnswer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (e.IsDatabaseError() && !e.IsUniqueViolation() && !context.Response.HasStarted)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseUnavailable));
            LogUnavailable(logger, context.Request.Method, context.Request.Path, e.Describe());
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(Message, context.RequestAborted);
        }
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the database failed: {Problem}")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string problem);
}
