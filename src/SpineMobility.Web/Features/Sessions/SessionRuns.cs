using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Sessions;

/// <summary>Starts sessions and hands out their live players, one per run however many pages show it.</summary>
/// <remarks>With several instances, one live player per run on each instance showing it, kept in step through <see cref="SessionSync"/>.</remarks>
public sealed class SessionRuns : IDisposable
{
    private readonly Dictionary<Guid, LiveSession> _live = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IDbContextFactory<AppDbContext> dbFactory;
    private readonly TimeProvider time;
    private readonly SessionStore store;
    private readonly SessionSync _sync;

    public SessionRuns(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, SessionStore store, SessionSync? sync = null)
    {
        this.dbFactory = dbFactory;
        this.time = time;
        this.store = store;
        _sync = sync ?? SessionSync.Local;
        if (_sync.Spans)
        {
            // Another instance saved a run: the live player here (if any) reads it again. After a lost connection every
            // live player checks, since signals may have been missed meanwhile.
            _sync.Signals.Listen(SessionSync.Topic, message =>
            {
                if (SessionSync.TryParse(message, out var runId, out var version))
                {
                    _ = RefreshAsync(runId, version);
                }
            });
            _sync.Signals.Reconnected += () => _ = RefreshAllAsync();
        }
    }

    private async Task RefreshAsync(Guid runId, int? version)
    {
        LiveSession? live;
        await _gate.WaitAsync();
        try
        {
            live = _live.GetValueOrDefault(runId);
        }
        finally
        {
            _gate.Release();
        }

        if (live is not null)
        {
            await RefreshQuietlyAsync(live, version);
        }
    }

    private async Task RefreshAllAsync()
    {
        List<LiveSession> all;
        await _gate.WaitAsync();
        try
        {
            all = [.. _live.Values];
        }
        finally
        {
            _gate.Release();
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
            // The next signal, the page's next action or the timer's owner brings it up to date.
        }
    }

    /// <summary>Saves the routine as a new run with its clock already running, and returns its id.</summary>
    public async Task<Guid> StartAsync(Routine routine, string title, Visitor visitor, string? timeZone, CheckIn? before = null, CancellationToken cancellationToken = default)
    {
        if (before?.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(before));
        }

        var timeline = SessionTimeline.From(routine.Blocks);
        var clock = new SessionClock(timeline, SessionState.NotStarted(timeline), time);
        clock.Start();
        var now = time.GetUtcNow();
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
        };

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
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

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.CompletedSessions.OwnedBy(visitor).SingleOrDefaultAsync(s => s.RunId == runId, cancellationToken);
        if (session is null)
        {
            return false;
        }

        session.After = after.IsEmpty ? null : after.Copy();
        session.AfterSavedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The visitor's most recent session that is still running or paused, if any.</summary>
    public async Task<SessionRun?> UnfinishedAsync(Visitor visitor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SessionRuns.AsNoTracking()
            .OwnedBy(visitor)
            .Where(r => r.Status == SessionStatus.Running || r.Status == SessionStatus.Paused)
            .OrderByDescending(r => r.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The live player of a run this visitor owns, or null when there is no such run. Dispose the
    /// lease when the page goes away; the last one out stops the timer (the saved deadlines remain).
    /// </summary>
    public async Task<LiveSessionLease?> OpenAsync(Guid id, Visitor visitor, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Ownership is read afresh each time: signing in moves a browser's sessions to the account.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.SessionRuns.Where(r => r.Id == id).AnyAsync(Ownership.Filter<SessionRun>(visitor), cancellationToken))
            {
                return null;
            }

            if (!_live.TryGetValue(id, out var live))
            {
                var run = await db.SessionRuns.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);
                var slugs = run.Blocks.Select(b => b.Slug).Distinct().ToList();
                var exercises = await db.Exercises.AsNoTracking().Where(e => slugs.Contains(e.Slug)).ToDictionaryAsync(e => e.Slug, cancellationToken);
                var sides = await db.SideReports.AsNoTracking().Where(s => s.RunId == id).ToDictionaryAsync(s => s.BlockIndex, s => s.Tighter, cancellationToken);

                // A session a red flag ended shows the advice again when it is reopened.
                var safetyStop = await db.PainReports.AnyAsync(p => p.RunId == id && p.Choice == PainChoice.StoppedForSafety, cancellationToken)
                    ? await db.SafetyScreenings.AsNoTracking().OwnedBy(visitor).OrderByDescending(s => s.TakenAt).FirstOrDefaultAsync(cancellationToken)
                    : null;
                live = new LiveSession(run, exercises, store, time, sides, safetyStop, _sync);
                _live[id] = live;
            }
            live.Leases++;
            var lease = new LiveSessionLease(live, this);
            await live.CatchUpAsync();
            live.WantTimer();
            return lease;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The app is stopping: no timer of this instance fires any more (another instance takes its runs over).</summary>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            foreach (var live in _live.Values)
            {
                live.Dispose();
            }

            _live.Clear();
        }
        finally
        {
            _gate.Release();
        }
    }

    internal void Release(LiveSession live)
    {
        _gate.Wait();
        try
        {
            if (--live.Leases == 0)
            {
                _live.Remove(live.Run.Id);
                live.Dispose();
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>A page's hold on a live session.</summary>
public sealed class LiveSessionLease(LiveSession session, SessionRuns owner) : IDisposable
{
    private int _disposed;

    public LiveSession Session { get; } = session;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            owner.Release(Session);
        }
    }
}
