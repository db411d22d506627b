using Microsoft.Extensions.Configuration;

namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>
/// How long a running session waits for a page to come back (Player:ReconnectGraceSeconds, wall-clock time), and how
/// much faster than the wall clock the session clock runs (Player:TimeScale), which both sides need to agree on the grace,
/// and from which wall-clock instant it runs faster (Player:TimeScaleOrigin), which several instances need to agree on the time.
/// </summary>
public sealed record PlayerOptions(TimeSpan ReconnectGrace, double TimeScale = 1, DateTimeOffset? TimeScaleOrigin = null)
{
    public const double DefaultGraceSeconds = 30;

    /// <summary>How often a running session notes, in its saved state, that a connected page still shows it.</summary>
    public static readonly TimeSpan SeenRefresh = TimeSpan.FromSeconds(10);

    public static PlayerOptions Default { get; } = new(TimeSpan.FromSeconds(DefaultGraceSeconds));

    /// <summary>The grace as the session clock counts it.</summary>
    public TimeSpan GraceOnClock => ReconnectGrace * TimeScale;

    public TimeSpan SeenRefreshOnClock => SeenRefresh * TimeScale;

    /// <summary>Reads and checks the Player section of the configuration; a bad value stops the app with a message naming it.</summary>
    public static PlayerOptions From(IConfiguration configuration)
    {
        var timeScale = configuration.GetValue("Player:TimeScale", 1.0);
        if (!(timeScale >= 1.0))
        {
            throw new InvalidOperationException($"Player:TimeScale must be 1 or more (how many times faster the session clock runs), not {timeScale}.");
        }

        var grace = configuration.GetValue("Player:ReconnectGraceSeconds", DefaultGraceSeconds);
        if (!(grace is >= 1 and <= 3600))
        {
            throw new InvalidOperationException($"Player:ReconnectGraceSeconds must be between 1 and 3600 (seconds a running session waits for a page to come back), not {grace}.");
        }

        var origin = configuration["Player:TimeScaleOrigin"];
        DateTimeOffset? timeScaleOrigin = null;
        if (!string.IsNullOrWhiteSpace(origin))
        {
            if (!DateTimeOffset.TryParse(origin, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            {
                throw new InvalidOperationException($"Player:TimeScaleOrigin must be a date and time such as 2026-12-01T18:00:00Z (the instant the fast clock of every instance counts from), not '{origin}'.");
            }

            timeScaleOrigin = parsed.ToUniversalTime();
        }

        return new(TimeSpan.FromSeconds(grace), timeScale, timeScaleOrigin);
    }
}
