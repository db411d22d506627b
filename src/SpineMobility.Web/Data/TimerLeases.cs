namespace SpineMobility.Web.Data;

/// <summary>
/// Which instance runs a session's deadline timer: exactly one at a time, however many instances show the session.
/// An instance that wants a run's timer <see cref="Want"/>s it and is called back once it holds it; when the holder
/// dies, another that wants it is called back within a few seconds (<see cref="PostgresTimerLeases"/>). With SQLite
/// (<see cref="LocalTimerLeases"/>) the one instance always holds it at once.
/// </summary>
public abstract class TimerLeases : BackgroundService
{
    /// <summary>
    /// Asks for the timer of <paramref name="runId"/>; <paramref name="granted"/> is called (maybe at once, on this
    /// thread) when this instance holds it, and again after a lost hold was won back. Dispose to let it go.
    /// </summary>
    public abstract IDisposable Want(Guid runId, Action granted);

    /// <summary>Whether this instance holds the timer of <paramref name="runId"/> right now.</summary>
    public abstract bool Holds(Guid runId);
}

/// <summary>One instance: it always holds every timer.</summary>
public sealed class LocalTimerLeases : TimerLeases
{
    public override IDisposable Want(Guid runId, Action granted)
    {
        granted();
        return Nothing.Instance;
    }

    public override bool Holds(Guid runId) => true;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    private sealed class Nothing : IDisposable
    {
        public static readonly Nothing Instance = new();

        public void Dispose()
        {
        }
    }
}
