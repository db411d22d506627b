using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Programs;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Sessions;

/// <summary>Starts sessions and hands out their live players, one per run however many pages show it.</summary>
/// <remarks>
/// With several instances (PostgreSQL), one live player per run on each instance showing it, kept in step through
/// <see cref="SessionSync"/>: a signal that another instance saved a run makes the player here read it again when it is
/// behind, and after the signals' connection was lost and is back every player here checks its version.
/// </remarks>
public sealed class SessionRuns : IDisposable
{
    private readonly IDbContextFactory<AppDbContext> _dbFactory;
    private readonly TimeProvider _time;
    private readonly SessionStore _store;
    private readonly SessionSync _sync;
    private readonly IDisposable? _listening;
    private readonly Dictionary<Guid, LiveSession> _live = [];

    // Guards only the map and the lease counts, never a database call, so letting go of a lease never waits.
    private readonly Lock _lock = new();

    /// <summary>How long <see cref="_lock"/> has been held in all, in Stopwatch ticks (changed under the lock).</summary>
    private long _lockHeld;
    private readonly PlayerOptions _options;

    public SessionRuns(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, SessionStore store, PlayerOptions? options = null, SessionSync? sync = null)
    {
        _dbFactory = dbFactory;
        _time = time;
        _store = store;
        _options = options ?? PlayerOptions.Default;
        _sync = sync ?? SessionSync.Local;
        if (_sync.Spans)
        {
            _listening = _sync.Signals.Listen(SessionSync.Topic, message =>
            {
                foreach (var (runId, version) in SessionSync.Parse(message))
                {
                    _ = RefreshAsync(runId, version);
                }
            });
            _sync.Signals.Reconnected += OnSignalsReconnected;
        }
    }

    private void OnSignalsReconnected() => _ = RefreshAllAsync();

    /// <summary>Another instance saved the run at <paramref name="version"/>: its player here, if any, reads it again.</summary>
    private async Task RefreshAsync(Guid runId, int? version)
    {
        LiveSession? live;
        lock (_lock)
        {
            using var held = new HeldTime(ref _lockHeld);
            live = _live.GetValueOrDefault(runId);
        }

        if (live is not null)
        {
            await RefreshQuietlyAsync(live, version);
        }
    }

    /// <summary>Signals may have been missed: every player here checks its run's version.</summary>
    private async Task RefreshAllAsync()
    {
        List<LiveSession> all;
        lock (_lock)
        {
            using var held = new HeldTime(ref _lockHeld);
            all = [.. _live.Values];
        }

        foreach (var live in all)
        {
            await RefreshQuietlyAsync(live, null);
        }
    }

    private static async Task RefreshQuietlyAsync(LiveSession live, int? version)
    {
        try
        {
            await live.RefreshAsync(version);
        }
        catch (Exception e) when (e.IsDatabaseError() || e is ObjectDisposedException)
        {
            // The next signal, the page's next action or the timer's instance brings it up to date.
        }
    }

    /// <summary>Saves the routine as a new run with its clock already running, and returns its id.</summary>
    /// <param name="ownExercises">Own exercises the plan may use (others are ignored); the run keeps a copy of those it has.</param>
    public async Task<Guid> StartAsync(Routine routine, string title, Visitor visitor, string? timeZone, CheckIn? before = null, IEnumerable<Exercise>? ownExercises = null, CancellationToken cancellationToken = default)
    {
        if (before?.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(before));
        }

        var timeline = SessionTimeline.From(routine.Blocks);
        var clock = new SessionClock(timeline, SessionState.NotStarted(timeline), _time);
        clock.Start();
        var now = _time.GetUtcNow();
        var request = routine.Request;
        var run = new SessionRun
        {
            Id = Guid.CreateVersion7(now),
            BrowserKey = visitor.BrowserKey,
            UserId = visitor.UserId,
            Title = title,
            Minutes = request.Minutes,
            Focus = [.. request.Focus],
            Level = request.Level,
            HasEquipment = request.HasEquipment,
            Seed = request.Seed,
            Blocks = [.. routine.Blocks],
            TimeZone = TimeZones.KnownOrUtc(timeZone),
            CreatedAt = now,
            Status = clock.Status,
            State = clock.State,
            UpdatedAt = now,
            Before = before is null || before.IsEmpty ? null : before.Copy(),
            OwnExercises = (ownExercises ?? [])
                .Where(e => OwnExerciseKey.IsKey(e.Slug) && routine.Blocks.Any(b => b.Slug == e.Slug))
                .DistinctBy(e => e.Slug)
                .ToDictionary(e => e.Slug, OwnExerciseStore.ContentOf, StringComparer.Ordinal),
        };

        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        db.SessionRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    /// <summary>Stores how the user felt after a recorded session; false when there is no such session of theirs.</summary>
    public async Task<bool> SaveAfterCheckInAsync(Guid runId, Visitor visitor, CheckIn after, CancellationToken cancellationToken = default)
    {
        if (after.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(after));
        }

        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.CompletedSessions.OwnedBy(visitor).SingleOrDefaultAsync(s => s.RunId == runId, cancellationToken);
        if (session is null)
        {
            return false;
        }

        session.After = after.IsEmpty ? null : after.Copy();
        session.AfterSavedAt = _time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The visitor's most recent session that is still running or paused, if any.</summary>
    public async Task<SessionRun?> UnfinishedAsync(Visitor visitor, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SessionRuns.AsNoTracking()
            .OwnedBy(visitor)
            .Where(r => r.Status == SessionStatus.Running || r.Status == SessionStatus.Paused)
            .OrderByDescending(r => r.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The live player of a run this visitor owns, or null when there is no such run. Dispose the lease when the page
    /// goes away and say when its browser's connection drops or returns: a running session that no connected page shows
    /// waits for a grace period, then pauses where the last page left it, and the last lease out lets it go.
    /// </summary>
    /// <param name="connected">Whether the page asking is connected to its browser (a prerendered page is not).</param>
    public async Task<LiveSessionLease?> OpenAsync(Guid id, Visitor visitor, bool connected = true, CancellationToken cancellationToken = default)
    {
        // Ownership is read afresh each time: signing in moves a browser's sessions to the account.
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.SessionRuns.Where(r => r.Id == id).AnyAsync(Ownership.Filter<SessionRun>(visitor), cancellationToken))
        {
            return null;
        }

        var live = Hold(id);
        if (live is null)
        {
            var loaded = await LoadAsync(db, id, cancellationToken);
            lock (_lock)
            {
                using var held = new HeldTime(ref _lockHeld);
                // Another page may have loaded it meanwhile; there is one live player per run.
                if (!_live.TryGetValue(id, out live))
                {
                    live = loaded;
                    _live[id] = live;
                }

                live.Leases++;
            }

            if (!ReferenceEquals(live, loaded))
            {
                loaded.Dispose();
            }
            else
            {
                // The first player of the run here runs its timer if no instance does (always, with SQLite). Not
                // cancelled with the page: it is one short command, and the lease count above is already taken.
                await loaded.TakeTimerIfFreeAsync(CancellationToken.None);
            }
        }

        var lease = new LiveSessionLease(live, this, connected);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await live.CatchUpAsync();
            return lease;
        }
        catch
        {
            await lease.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// How long the lock over the live sessions has been held since start-up, all callers together: what every page
    /// opening or leaving a session may have waited behind (bench/SpineMobility.Benchmarks: open-sessions).
    /// </summary>
    internal TimeSpan LockHeld
    {
        get
        {
            lock (_lock)
            {
                return Stopwatch.GetElapsedTime(0, _lockHeld);
            }
        }
    }

    /// <summary>Adds the time from its creation to its disposal to a total.</summary>
    private ref struct HeldTime
    {
        private readonly ref long _total;
        private readonly long _since;

        public HeldTime(ref long total)
        {
            _total = ref total;
            _since = Stopwatch.GetTimestamp();
        }

        public readonly void Dispose() => _total += Stopwatch.GetTimestamp() - _since;
    }

    /// <summary>Whether a live player of the run is in memory (for tests: none is left behind).</summary>
    internal bool IsLive(Guid id)
    {
        lock (_lock)
        {
            using var held = new HeldTime(ref _lockHeld);
            return _live.ContainsKey(id);
        }
    }

    private LiveSession? Hold(Guid id)
    {
        lock (_lock)
        {
            using var held = new HeldTime(ref _lockHeld);
            if (_live.TryGetValue(id, out var live))
            {
                live.Leases++;
                return live;
            }

            return null;
        }
    }

    private async Task<LiveSession> LoadAsync(AppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        // The caller checked that the visitor owns the run; the run's owner is the visitor, for the safety answers too.
        var saved = await SessionStore.ReadAsync(db, id, cancellationToken) ?? throw new InvalidOperationException($"Run {id} is gone.");
        return new LiveSession(saved.Run, saved.Exercises, _store, _time, saved.Sides, saved.SafetyStop, _options, Retire, _sync);
    }

    /// <summary>The app is stopping: no timer of this instance fires any more, and its leases go (another instance takes its runs over).</summary>
    public void Dispose()
    {
        _listening?.Dispose();
        if (_sync.Spans)
        {
            _sync.Signals.Reconnected -= OnSignalsReconnected;
        }

        List<LiveSession> all;
        lock (_lock)
        {
            all = [.. _live.Values];
            _live.Clear();
        }

        foreach (var live in all)
        {
            live.Dispose();
        }
    }

    internal void Release(LiveSession live)
    {
        lock (_lock)
        {
            using var held = new HeldTime(ref _lockHeld);
            live.Leases--;
            RetireIfUnheld(live);
        }
    }

    /// <summary>Called by a live session with nothing left to wait for; it goes when no page holds it.</summary>
    private void Retire(LiveSession live)
    {
        lock (_lock)
        {
            using var held = new HeldTime(ref _lockHeld);
            RetireIfUnheld(live);
        }
    }

    // A running session stays while no page holds it, for the grace in which one may come back; it retires itself after.
    private void RetireIfUnheld(LiveSession live)
    {
        if (live.Leases == 0 && live.IsSettled && _live.GetValueOrDefault(live.Run.Id) == live)
        {
            _live.Remove(live.Run.Id);
            live.Dispose();
        }
    }
}

/// <summary>A page's hold on a live session, and whether that page's browser is connected.</summary>
public sealed class LiveSessionLease : IDisposable, IAsyncDisposable
{
    private readonly SessionRuns _owner;
    private readonly Lock _sync = new();
    private bool _connected;
    private bool _disposed;

    internal LiveSessionLease(LiveSession session, SessionRuns owner, bool connected)
    {
        Session = session;
        _owner = owner;
        _connected = connected;
        if (connected)
        {
            session.CountConnection(up: true);
        }
    }

    public LiveSession Session { get; }

    /// <summary>The page's browser connection dropped or came back.</summary>
    public Task SetConnectedAsync(bool connected)
    {
        lock (_sync)
        {
            if (_disposed || _connected == connected)
            {
                return Task.CompletedTask;
            }

            _connected = connected;
            Session.CountConnection(connected);
        }

        return Session.CatchUpAsync();
    }

    /// <summary>Lets go without waiting for anything; what follows (noting when the page left) runs on its own.</summary>
    public void Dispose() => _ = ReleaseInBackgroundAsync();

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        GC.SuppressFinalize(this);
    }

    private async Task ReleaseInBackgroundAsync()
    {
        try
        {
            await ReleaseAsync();
        }
        catch (ObjectDisposedException)
        {
            // The app is shutting down; the saved state already says when a page was last there.
        }
    }

    private Task ReleaseAsync()
    {
        bool wasConnected;
        lock (_sync)
        {
            if (_disposed)
            {
                return Task.CompletedTask;
            }

            _disposed = true;
            wasConnected = _connected;
            if (wasConnected)
            {
                Session.CountConnection(up: false);
            }
        }

        _owner.Release(Session);
        return wasConnected ? Session.CatchUpAsync() : Task.CompletedTask;
    }
}
