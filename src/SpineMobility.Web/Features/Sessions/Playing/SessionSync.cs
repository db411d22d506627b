using System.Collections.Concurrent;
using System.Text;
using SpineMobility.Web.Data;

namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>
/// What keeps one run's live players on several instances in step: each committed save is signalled to the other
/// instances (which read the run again when theirs is older), and only the instance holding the run's timer lease runs
/// its deadline timer and grace rule. With SQLite (one instance) both cost nothing: nobody is signalled, and the one
/// instance always holds every timer.
/// </summary>
/// <remarks>
/// Saves are signalled in the background, never on the step's path: one sender at a time takes every save waiting and
/// sends them in as few signals as fit, so a thousand sessions changing step each second cost a few signals, not a
/// thousand connections.
/// </remarks>
public sealed class SessionSync(ChangeSignals signals, TimerLeases leases)
{
    /// <summary>The signal of committed saves: "&lt;run id&gt; &lt;version&gt;", several separated by commas.</summary>
    public const string Topic = "run";

    /// <summary>Well under PostgreSQL's 8000-byte limit on a signal's payload, with room for the topic and sender.</summary>
    private const int MaxMessage = 7000;

    private readonly ConcurrentQueue<string> _saved = new();

    /// <summary>1 while a sender is at work (it takes whatever is queued meanwhile).</summary>
    private int _sending;

    /// <summary>One instance, nobody to tell (for tests and tools that build a player by hand).</summary>
    public static SessionSync Local { get; } = new(new LocalChangeSignals(), new LocalTimerLeases());

    public ChangeSignals Signals { get; } = signals;

    public TimerLeases Leases { get; } = leases;

    /// <summary>Whether other instances may show the same run (PostgreSQL).</summary>
    public bool Spans => Signals.Spans;

    /// <summary>Tells the other instances that the run was saved at <paramref name="version"/>; does not wait for them.</summary>
    public void Saved(Guid runId, int version)
    {
        if (!Spans)
        {
            return;
        }

        _saved.Enqueue($"{runId:N} {version}");
        if (Interlocked.CompareExchange(ref _sending, 1, 0) == 0)
        {
            _ = SendAsync();
        }
    }

    private async Task SendAsync()
    {
        var message = new StringBuilder();
        while (true)
        {
            message.Clear();
            while (message.Length < MaxMessage && _saved.TryDequeue(out var save))
            {
                message.Append(message.Length == 0 ? "" : ",").Append(save);
            }

            if (message.Length == 0)
            {
                Volatile.Write(ref _sending, 0);

                // A save queued after the queue was found empty, before the flag went down, is sent by this sender.
                if (_saved.IsEmpty || Interlocked.CompareExchange(ref _sending, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            try
            {
                await Signals.NotifyAsync(Topic, message.ToString());
            }
            catch (ObjectDisposedException)
            {
                // Shutting down: the other instances read the runs again when they next hear from this one's successor.
                Volatile.Write(ref _sending, 0);
                return;
            }
        }
    }

    /// <summary>Reads a signal of <see cref="Topic"/>: which runs, saved at which versions (anything unreadable is left out).</summary>
    public static IEnumerable<(Guid RunId, int Version)> Parse(string message)
    {
        foreach (var save in message.Split(','))
        {
            var parts = save.Split(' ');
            if (parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var runId) && int.TryParse(parts[1], out var version))
            {
                yield return (runId, version);
            }
        }
    }
}
