using System.Collections.Immutable;

namespace SpineMobility.Web.Data;

/// <summary>
/// Tells the other instances of a cluster that something in the database changed, so that they read it again: a wake-up,
/// never the data itself, which always comes from the database. On PostgreSQL it is LISTEN/NOTIFY
/// (<see cref="PostgresChangeSignals"/>); on SQLite there is one instance and nobody to tell (<see cref="LocalChangeSignals"/>).
/// </summary>
/// <remarks>
/// A signal is a topic and a short message. An instance never hears its own signals: whatever it changed, it already knows.
/// Signals can be lost (a dropped connection), so listeners also read again after <see cref="Reconnected"/>.
/// </remarks>
public abstract class ChangeSignals : BackgroundService
{
    private ImmutableDictionary<string, ImmutableList<Action<string>>> _listeners = ImmutableDictionary<string, ImmutableList<Action<string>>>.Empty;

    /// <summary>This instance, as named in the signals it sends.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Whether other instances can hear this one (false with SQLite: there are none).</summary>
    public abstract bool Spans { get; }

    /// <summary>The connection that hears signals was lost and is back: anything may have changed meanwhile.</summary>
    public event Action? Reconnected;

    /// <summary>Tells every other instance; never throws (a lost signal is caught up by the listeners' own checks).</summary>
    public abstract Task NotifyAsync(string topic, string message, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="onSignal"/> (on a background thread; keep it short) for each signal of the topic from another instance.</summary>
    public IDisposable Listen(string topic, Action<string> onSignal)
    {
        ImmutableInterlocked.AddOrUpdate(ref _listeners, topic, [onSignal], (_, list) => list.Add(onSignal));
        return new Subscription(() => ImmutableInterlocked.AddOrUpdate(ref _listeners, topic, [], (_, list) => list.Remove(onSignal)));
    }

    /// <summary>"topic sender message", as it travels.</summary>
    protected string Encode(string topic, string message) => $"{topic} {InstanceId} {message}";

    protected void Deliver(string payload)
    {
        var parts = payload.Split(' ', 3);
        if (parts.Length < 2 || parts[1] == InstanceId || !_listeners.TryGetValue(parts[0], out var listeners))
        {
            return;
        }

        var message = parts.Length == 3 ? parts[2] : "";
        foreach (var listener in listeners)
        {
            listener(message);
        }
    }

    protected void OnReconnected() => Reconnected?.Invoke();

    private sealed class Subscription(Action remove) : IDisposable
    {
        private Action? _remove = remove;

        public void Dispose() => Interlocked.Exchange(ref _remove, null)?.Invoke();
    }
}

/// <summary>One instance (SQLite): every page of a run shares its one live player, so there is nobody to tell.</summary>
public sealed class LocalChangeSignals : ChangeSignals
{
    public override bool Spans => false;

    public override Task NotifyAsync(string topic, string message, CancellationToken cancellationToken = default) => Task.CompletedTask;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
}
