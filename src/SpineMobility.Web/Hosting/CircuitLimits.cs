using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Server;

namespace SpineMobility.Web.Hosting;

/// <summary>
/// What keeps one client from filling the server with circuits, and how long a dropped circuit waits for its
/// browser to come back. Each live circuit holds its page's component tree (hundreds of KB to a few MB), so
/// without a limit a single address opening circuits in a loop ran the process out of memory.
/// </summary>
public sealed class CircuitLimits
{
    public const string Section = "Circuits";

    /// <summary>Live circuit connections one client address may hold (a phone, a laptop and a few tabs each). 0 turns the limit off.</summary>
    public int PerClientAddress { get; set; } = 20;

    /// <summary>Dropped circuits kept, for every client together, in case their browser reconnects; the oldest go first.</summary>
    public int DisconnectedRetained { get; set; } = 100;

    /// <summary>
    /// How long a dropped circuit is kept: a phone that locked its screen or walked through a dead spot gets its
    /// page back within this time; after it the page reloads (and a session resumes from the database).
    /// </summary>
    public TimeSpan DisconnectedRetention { get; set; } = TimeSpan.FromMinutes(3);

    public static CircuitLimits FromConfiguration(IConfiguration configuration)
    {
        var limits = configuration.GetSection(Section).Get<CircuitLimits>() ?? new CircuitLimits();
        if (limits.PerClientAddress < 0)
        {
            throw new InvalidOperationException($"{Section}:PerClientAddress must be 0 (no limit) or more, not {limits.PerClientAddress}.");
        }

        if (limits.DisconnectedRetained < 0)
        {
            throw new InvalidOperationException($"{Section}:DisconnectedRetained must be 0 or more, not {limits.DisconnectedRetained}.");
        }

        if (limits.DisconnectedRetention < TimeSpan.Zero || limits.DisconnectedRetention > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException($"{Section}:DisconnectedRetention must be between 00:00:00 and 01:00:00, not {limits.DisconnectedRetention}.");
        }

        return limits;
    }

    public void Apply(CircuitOptions options)
    {
        options.DisconnectedCircuitMaxRetained = DisconnectedRetained;
        options.DisconnectedCircuitRetentionPeriod = DisconnectedRetention;
    }
}

/// <summary>Counts the live connections to the circuit hub per client address and refuses those over the limit.</summary>
public static partial class CircuitLimitMiddleware
{
    public static IApplicationBuilder UseCircuitLimit(this IApplicationBuilder app)
    {
        var limits = app.ApplicationServices.GetRequiredService<CircuitLimits>();
        if (limits.PerClientAddress == 0)
        {
            return app;
        }

        var open = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CircuitLimitMiddleware).FullName!);
        return app.Use(async (context, next) =>
        {
            // The connection itself is a long GET to /_blazor (a WebSocket, or server-sent events); negotiation,
            // sends and the disconnect beacon are short requests beside it.
            if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Path != "/_blazor")
            {
                await next();
                return;
            }

            var address = ClientAddress.Of(context);
            if (open.AddOrUpdate(address, 1, (_, count) => count + 1) > limits.PerClientAddress)
            {
                Release(open, address);
                LogRefused(logger, address, limits.PerClientAddress);
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "30";
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"This address already has {limits.PerClientAddress} open pages of SpineMobility. Close some and try again.");
                return;
            }

            try
            {
                await next();
            }
            finally
            {
                Release(open, address);
            }
        });
    }

    private static void Release(ConcurrentDictionary<string, int> open, string address)
    {
        while (true)
        {
            var count = open[address];
            if (count == 1 ? open.TryRemove(KeyValuePair.Create(address, 1)) : open.TryUpdate(address, count - 1, count))
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a circuit connection from {Address}: it already holds {Limit}")]
    private static partial void LogRefused(ILogger logger, string address, int limit);
}
