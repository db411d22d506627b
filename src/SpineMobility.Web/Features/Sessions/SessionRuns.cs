using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Sessions;

/// <summary>Starts sessions and hands out their live players, one per run however many pages show it.</summary>
public sealed class SessionRuns(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, SessionStore store)
{
    private readonly Dictionary<Guid, LiveSession> _live = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

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
                live = new LiveSession(run, exercises, store, time, sides, safetyStop);
                _live[id] = live;
            }
            live.Leases++;
            var lease = new LiveSessionLease(live, this);
            await live.CatchUpAsync();
            return lease;
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
