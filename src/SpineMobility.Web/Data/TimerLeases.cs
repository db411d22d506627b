namespace SpineMobility.Web.Data;

/// <summary>
/// Which instance runs a session's deadline timer and its connection-grace rule: exactly one at a time, however many
/// instances show the session. With SQLite (<see cref="LocalTimerLeases"/>) the one instance always holds every timer;
/// on PostgreSQL (<see cref="PostgresTimerLeases"/>) a lease is an advisory lock on a connection of the instance's own,
/// so it ends when the instance dies.
/// </summary>
public abstract class TimerLeases : BackgroundService
{
    /// <summary>
    /// This instance's lease of <paramref name="runId"/>'s timer, not held yet (except with SQLite). The callbacks run on a
    /// background thread: <paramref name="granted"/> when the lease is won after <see cref="TimerLease.Want"/> (not by
    /// <see cref="TimerLease.TryTakeAsync"/>), <paramref name="lost"/> when the hold was lost with its connection, and
    /// <paramref name="wantedElsewhere"/> when another instance asks for a lease held here.
    /// </summary>
    public abstract TimerLease Lease(Guid runId, Action granted, Action lost, Action wantedElsewhere);
}

/// <summary>One instance's lease of one run's timer. Dispose to let it go.</summary>
public abstract class TimerLease : IDisposable
{
    /// <summary>Whether this instance runs the run's timer now.</summary>
    public abstract bool Held { get; }

    /// <summary>Whether another instance asked for this lease in the last few seconds (it has a page connected, this one may not).</summary>
    public abstract bool WantedElsewhere { get; }

    /// <summary>Takes the lease now if nobody holds it; true when held afterwards.</summary>
    public abstract ValueTask<bool> TryTakeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether this instance wants the lease (a page connected here shows the run). While it does and another holds it,
    /// it asks that instance for it and tries again every second or so; a held lease is kept either way, until
    /// <see cref="Yield"/> or <see cref="Dispose"/>.
    /// </summary>
    public abstract void Want(bool wanted);

    /// <summary>Gives the lease up now (to an instance that wants it); it is not asked for again until <see cref="Want"/>.</summary>
    public abstract void Yield();

    public abstract void Dispose();
}

/// <summary>One instance (SQLite): it always holds every timer.</summary>
public sealed class LocalTimerLeases : TimerLeases
{
    public override TimerLease Lease(Guid runId, Action granted, Action lost, Action wantedElsewhere) => Always.Instance;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    private sealed class Always : TimerLease
    {
        public static readonly Always Instance = new();

        public override bool Held => true;

        public override bool WantedElsewhere => false;

        public override ValueTask<bool> TryTakeAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(true);

        public override void Want(bool wanted)
        {
        }

        public override void Yield()
        {
        }

        public override void Dispose()
        {
        }
    }
}
