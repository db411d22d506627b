using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>Something the player said, numbered so a re-render never says it twice.</summary>
public sealed record Announcement(int Sequence, string Text);

/// <summary>
/// The one authoritative player of a run while any page shows it: every tab and reconnected circuit
/// sees the same clock. Each change is saved before anyone is told, and a timer wakes it at the
/// current step's deadline, so the server renders when a step changes, not every second.
/// </summary>
/// <remarks>
/// Only what was done counts: when no connected page shows a running session any more, it runs on for a grace period
/// (<see cref="PlayerOptions.ReconnectGrace"/>), as the browser does on its own, but only in memory: nothing is saved
/// or recorded on nobody's behalf. A page back within the grace makes that time real; if none comes back, the session
/// is paused as it stood when the last page left.
/// <para>
/// Every change goes through <see cref="ChangeAsync"/>, one at a time: it copies the published <see cref="Clock"/>,
/// applies the grace rule (<see cref="Reconcile"/>), then the change, saves the result and only then publishes it as a
/// new <see cref="Clock"/> that nothing changes afterwards, so a page rendering meanwhile always reads one consistent
/// state (never a step of a session that ended under it).
/// </para>
/// </remarks>
public sealed class LiveSession : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Guards the count of connected pages and the timer, which change from any circuit's thread.
    private readonly Lock _sync = new();
    private readonly SessionStore _store;
    private readonly TimeProvider _time;
    private readonly PlayerOptions _options;
    private readonly Action<LiveSession>? _idle;
    private ITimer? _timer;
    // Replaced whole, never changed in place: other tabs read them while rendering.
    private Dictionary<string, Exercise> _exercises;
    private Dictionary<int, TighterSide> _sides;

    /// <summary>Where exercises were put into the plan since the last successful save; side answers from there on move one block down.</summary>
    private readonly List<int> _unsavedInsertions = [];
    private int _announcements;
    private volatile bool _disposed;

    /// <summary>The plan changed but could not be saved; it goes with the next save, since the saved state refers to it.</summary>
    private bool _planUnsaved;

    /// <summary>Pages showing this session whose browser is connected (under <see cref="_sync"/>).</summary>
    private int _connected;

    /// <summary>When <see cref="_connected"/> last fell to zero, while it stays there (under <see cref="_sync"/>).</summary>
    private DateTimeOffset? _noneSince;

    /// <summary>While in the grace period: when a connected page was last there.</summary>
    private DateTimeOffset? _leftAt;

    /// <summary>While in the grace period: the state as it stood then, to pause at if nobody comes back. Null otherwise.</summary>
    private SessionState? _atLeft;

    /// <summary>The moment the saved state last said a page was there.</summary>
    private DateTimeOffset _seenSavedAt;

    internal LiveSession(
        SessionRun run,
        IReadOnlyDictionary<string, Exercise> exercises,
        SessionStore store,
        TimeProvider time,
        IReadOnlyDictionary<int, TighterSide>? sides = null,
        Safety.SafetyScreening? safetyStop = null,
        PlayerOptions? options = null,
        Action<LiveSession>? idle = null)
    {
        SafetyStop = safetyStop;
        Run = run;
        _exercises = new(exercises, StringComparer.Ordinal);
        _sides = sides is null ? [] : new(sides);
        _store = store;
        _time = time;
        _options = options ?? PlayerOptions.Default;
        _idle = idle;
        Clock = new SessionClock(SessionTimeline.From(run.Blocks), run.State, time);

        // Loaded with nobody connected yet: the saved state says when a page was last there (rows saved before that was
        // kept: when the run was last saved, which the old player did only while a page held it).
        _seenSavedAt = run.State.LastSeenAt ?? run.UpdatedAt;
        if (Clock.Status == SessionStatus.Running)
        {
            (_leftAt, _atLeft) = (_seenSavedAt, run.State);
        }
    }

    /// <summary>Raised after a change has been saved; handlers re-render.</summary>
    public event Action? Changed;

    public SessionRun Run { get; }

    /// <summary>
    /// The session as it stands, published whole after each change and never changed in place: read it once and use that
    /// copy throughout, since the next change (a timer, another tab) replaces it.
    /// </summary>
    public SessionClock Clock { get; private set; }

    /// <summary>The catalog entries of the run's exercises, retired ones included.</summary>
    public IReadOnlyDictionary<string, Exercise> Exercises => _exercises;

    /// <summary>Which side felt tighter, by block of the plan, for the per-side exercises the user answered about.</summary>
    public IReadOnlyDictionary<int, TighterSide> Sides => _sides;

    public Announcement? LastAnnouncement { get; private set; }

    /// <summary>Whether the last save failed; the state is kept in memory and saved whole with the next change.</summary>
    public bool SaveFailed { get; private set; }

    /// <summary>How long a running session waits for a page to come back, and how fast its clock runs.</summary>
    public PlayerOptions Options => _options;

    /// <summary>Pages holding this session, connected or not (changed by <see cref="SessionRuns"/> under its lock).</summary>
    internal int Leases { get; set; }

    internal bool IsDisposed => _disposed;

    /// <summary>Nothing left to wait for (not running, not waiting for a page to come back): it can be let go when no page holds it.</summary>
    internal bool IsSettled => Clock.Status != SessionStatus.Running && _atLeft is null;

    public Task TogglePauseAsync() => ApplyAsync(c => c.TogglePause());

    public Task PauseAsync() => ApplyAsync(c => c.Pause());

    public Task SkipAsync() => ApplyAsync(c => c.Skip());

    public Task DoneAsync() => ApplyAsync(c => c.Done());

    public Task BackAsync() => ApplyAsync(c => c.Back());

    public Task EndAsync() => ApplyAsync(c => c.End());

    /// <summary>The safety answers that ended this session, when a red flag did; every tab's summary shows their advice.</summary>
    public Safety.SafetyScreening? SafetyStop { get; private set; }

    /// <summary>Ends the session because the safety questions found a red flag.</summary>
    public Task StopForSafetyAsync(Safety.SafetyScreening screening)
    {
        SafetyStop = screening;
        return EndAsync();
    }

    public Task ResumeAsync() => ApplyAsync(c => c.Resume());

    /// <summary>
    /// Leaves exercise <paramref name="hurtBlock"/> of the plan, both sides, and carries on with the one after it.
    /// Nothing moves if the session has already gone past it (another tab moved on meanwhile).
    /// </summary>
    public Task SkipExerciseAsync(int hurtBlock) => ApplyAsync(c =>
    {
        c.CatchUp();
        if (c.Current is { } step && step.BlockIndex <= hurtBlock)
        {
            c.StartBlock(hurtBlock + 1);
        }

        c.Resume();
    });

    /// <summary>
    /// Puts <paramref name="easier"/> into the plan right after exercise <paramref name="hurtBlock"/>, goes to it
    /// and carries on. The exercise that hurt stays in the plan, so what was done of it is kept.
    /// </summary>
    public Task SwapForEasierAsync(int hurtBlock, Exercise easier) => ChangeAsync(clock =>
    {
        clock.CatchUp();
        if (clock.State.IsOver || hurtBlock < 0 || hurtBlock >= Run.Blocks.Count)
        {
            return clock;
        }

        var next = hurtBlock + 1;
        var hurting = Run.Blocks[hurtBlock];
        var easierBlock = RoutineGenerator.BlockFor(easier, hurting.Phase, _exercises.GetValueOrDefault(hurting.Slug)?.Position);

        // New collections rather than changes in place: other tabs may be rendering from them at this moment.
        Run.Blocks = [.. Run.Blocks.Take(next), easierBlock, .. Run.Blocks.Skip(next)];
        _exercises = new(_exercises, StringComparer.Ordinal) { [easier.Slug] = easier };
        _sides = _sides.ToDictionary(p => p.Key >= next ? p.Key + 1 : p.Key, p => p.Value);
        _unsavedInsertions.Add(next);

        var timeline = SessionTimeline.From(Run.Blocks);
        var inserted = timeline.Steps.Where(s => s.BlockIndex == next).ToList();
        var replanned = clock.WithStepsInserted(timeline, inserted[0].Index, inserted.Count);
        replanned.Resume();
        return replanned;
    }, planChanged: true);

    /// <summary>Records which side felt tighter in one per-side exercise; answering again changes the answer.</summary>
    /// <returns>False when the answer could not be saved; the user can tap again.</returns>
    public async Task<bool> AnswerSideAsync(int blockIndex, TighterSide tighter)
    {
        if (blockIndex < 0 || blockIndex >= Run.Blocks.Count || !Run.Blocks[blockIndex].PerSide)
        {
            return false;
        }

        await _gate.WaitAsync();
        try
        {
            if (_sides.TryGetValue(blockIndex, out var known) && known == tighter)
            {
                return true;
            }

            // While the plan's changes wait to be saved, block numbers in the database are the old ones.
            if (_planUnsaved || !await _store.SaveSideAsync(Run, blockIndex, tighter))
            {
                return false;
            }

            _sides = new(_sides) { [blockIndex] = tighter };
        }
        finally
        {
            _gate.Release();
        }

        Changed?.Invoke();
        return true;
    }

    /// <summary>Brings the clock up to now, as after the page was away; also records a session that finished meanwhile.</summary>
    public Task CatchUpAsync() => ApplyAsync(_ => { }, saveEvenIfUnchanged: Clock.State.IsOver);

    /// <summary>A page showing this session connected (or lost its connection); call <see cref="CatchUpAsync"/> after.</summary>
    internal void CountConnection(bool up)
    {
        lock (_sync)
        {
            _connected = Math.Max(0, _connected + (up ? 1 : -1));
            _noneSince = _connected == 0 ? _time.GetUtcNow() : null;
        }
    }

    private Task ApplyAsync(Action<SessionClock> action, bool saveEvenIfUnchanged = false) => ChangeAsync(
        clock =>
        {
            action(clock);
            return clock;
        },
        saveEvenIfUnchanged);

    private async Task ChangeAsync(Func<SessionClock, SessionClock> change, bool saveEvenIfUnchanged = false, bool planChanged = false)
    {
        var changed = false;
        var settled = false;
        await _gate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            // A copy to change: the published clock stays as it is until the change is saved.
            var clock = new SessionClock(Clock.Timeline, Clock.State, _time);
            var before = clock.State;
            var presence = Reconcile(ref clock);
            if (presence == Presence.JustLeft)
            {
                // Noted at once, so a restart during the grace pauses where the last page left; not a change pages show.
                await SaveAsync(clock);
                before = clock.State;
            }

            var watched = presence is Presence.Watched or Presence.CameBack;
            clock = change(clock);
            clock.CatchUp();

            changed = planChanged || !ReferenceEquals(before, clock.State);
            var announcement = changed && Announcer.ForChange(clock, before.StepIndex, before.Status, FirstCue) is { } text
                ? new Announcement(++_announcements, text)
                : LastAnnouncement;

            var now = _time.GetUtcNow();
            var seenDue = watched && clock.Status == SessionStatus.Running && now - _seenSavedAt >= _options.SeenRefreshOnClock;

            // Within the grace nothing is saved: what the clock does meanwhile becomes real only if a page comes back.
            var inGrace = _atLeft is not null;
            if (!inGrace && (changed || saveEvenIfUnchanged || seenDue || presence is Presence.CameBack or Presence.PausedAway))
            {
                if (clock.Status == SessionStatus.Running)
                {
                    // Coalesced with the step's own save: a restart with nobody connected pauses here, not later.
                    _seenSavedAt = now;
                    clock.Seen(now);
                }

                await SaveAsync(clock, planChanged);
            }

            // Published: from here on nothing changes this clock.
            (Clock, LastAnnouncement) = (clock, announcement);
            settled = IsSettled;
            ScheduleNextWake(watched);
        }
        finally
        {
            _gate.Release();
        }

        if (changed)
        {
            Changed?.Invoke();
        }

        if (settled)
        {
            // Nothing left to wait for: the owner lets it go when no page holds it.
            _idle?.Invoke(this);
        }
    }

    private async Task SaveAsync(SessionClock clock, bool planChanged = false)
    {
        var savePlan = planChanged || _planUnsaved;
        SaveFailed = !await _store.SaveAsync(Run, clock, Exercises, savePlan ? _unsavedInsertions : null);
        _planUnsaved = savePlan && SaveFailed;
        if (!SaveFailed)
        {
            _unsavedInsertions.Clear();
        }
    }

    private enum Presence { Watched, CameBack, JustLeft, Waiting, PausedAway, Unwatched }

    /// <summary>
    /// Applies the grace rule before anything else touches the clock: the last page leaving starts the grace (noted in
    /// the saved state at once), a page back within it carries on, and when it has passed the session pauses where the
    /// last page left it.
    /// </summary>
    private Presence Reconcile(ref SessionClock clock)
    {
        int connected;
        DateTimeOffset? noneSince;
        lock (_sync)
        {
            (connected, noneSince) = (_connected, _noneSince);
        }

        if (_atLeft is { } atLeft && _leftAt is { } left)
        {
            var waited = new SessionClock(clock.Timeline, atLeft, _time);
            if (waited.PauseIfAbandoned(left, _options.GraceOnClock))
            {
                clock = waited;
                (_atLeft, _leftAt) = (null, null);
                return Presence.PausedAway;
            }

            if (connected == 0)
            {
                return Presence.Waiting;
            }

            (_atLeft, _leftAt) = (null, null);
            return Presence.CameBack;
        }

        if (connected > 0)
        {
            return Presence.Watched;
        }

        if (clock.Status != SessionStatus.Running)
        {
            return Presence.Unwatched;
        }

        // The last page has just left: what ended before then was done while it was there.
        var leftAt = noneSince ?? _time.GetUtcNow();
        clock.CatchUp(until: leftAt);
        clock.Seen(leftAt);
        (_atLeft, _leftAt, _seenSavedAt) = (clock.State, leftAt, leftAt);
        return Presence.JustLeft;
    }

    private string? FirstCue(string slug) => _exercises.GetValueOrDefault(slug)?.Cues.FirstOrDefault();

    /// <summary>Wakes at the step's deadline or to note that a page is still there; with nobody there, when the grace ends.</summary>
    private void ScheduleNextWake(bool watched)
    {
        lock (_sync)
        {
            _timer?.Dispose();
            _timer = null;
            if (_disposed || (Clock.Status != SessionStatus.Running && _leftAt is null))
            {
                return;
            }

            var now = _time.GetUtcNow();
            var next = _leftAt is { } left
                ? Clock.State.StepEndsAt is { } end ? Min(end, left + _options.GraceOnClock) : left + _options.GraceOnClock
                : watched ? Min(Clock.State.StepEndsAt!.Value, _seenSavedAt + _options.SeenRefreshOnClock) : now + _options.GraceOnClock;

            // A timer may fire a hair early; the wake then changes nothing and schedules the remainder.
            var due = next > now ? next - now : TimeSpan.Zero;
            _timer = _time.CreateTimer(_ => _ = OnWakeAsync(), null, due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task OnWakeAsync()
    {
        try
        {
            if (!_disposed)
            {
                await CatchUpAsync();
            }
        }
        catch (ObjectDisposedException)
        {
            // The app is shutting down; the saved state says when a page was last there.
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    public void Dispose()
    {
        _disposed = true;
        lock (_sync)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }
}
