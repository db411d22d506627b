using SpineMobility.Web.Data;

namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>
/// What keeps one run's live players on several instances in step: each committed save is signalled to the other
/// instances (which read the run again when theirs is older), and only the instance holding the run's timer lease runs
/// its deadline timer and grace rule. With SQLite (one instance) both cost nothing: nobody is signalled, and the one
/// instance always holds every timer.
/// </summary>
public sealed class SessionSync(ChangeSignals signals, TimerLeases leases)
{
    /// <summary>The signal of a committed save: "&lt;run id&gt; &lt;version&gt;".</summary>
    public const string Topic = "run";

    /// <summary>One instance, nobody to tell (for tests and tools that build a player by hand).</summary>
    public static SessionSync Local { get; } = new(new LocalChangeSignals(), new LocalTimerLeases());

    public ChangeSignals Signals { get; } = signals;

    public TimerLeases Leases { get; } = leases;

    /// <summary>Whether other instances may show the same run (PostgreSQL).</summary>
    public bool Spans => Signals.Spans;

    /// <summary>Tells the other instances that the run was saved at <paramref name="version"/>; does not wait for them.</summary>
    public void Saved(Guid runId, int version)
    {
        if (Spans)
        {
            _ = Signals.NotifyAsync(Topic, $"{runId:N} {version}");
        }
    }

    /// <summary>Reads a signal of <see cref="Topic"/>: which run, saved at which version.</summary>
    public static bool TryParse(string message, out Guid runId, out int version)
    {
        var parts = message.Split(' ');
        version = 0;
        runId = Guid.Empty;
        return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out runId) && int.TryParse(parts[1], out version);
    }
}
