using SpineMobility.Web.Data;
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
/// <para>
/// On several instances (PostgreSQL, <see cref="SessionSync"/>) each instance showing the run has a live player of its
/// own, kept in step through the database:
/// <list type="bullet">
/// <item>Every save is made over the version the player last read (<see cref="SessionRun.Version"/>). When another
/// instance saved first the database refuses it (<see cref="SaveOutcome.Conflict"/>); the player reads the run again
/// (state, plan, side answers, version) and shows it, then applies the change to it again or refuses it. What the clock
/// does by itself (catching up deadlines, the grace rule) is always worked out again on the fresh state. A user's move
/// (skip, done, back, pause-or-resume) is applied only while the step and status it was made on, as the page showed
/// them, still hold, so a second tab's Skip never skips twice; changes that doing twice is doing once (pause, resume,
/// end, a safety stop) and the "this hurts" choices, which name the exercise they are about, are always applied again.
/// </item>
/// <item>After each committed save the other instances are told (run id and version); one whose player of that run is
/// older reads it again, publishes the new clock and raises <see cref="Changed"/>.</item>
/// <item>Exactly one instance runs the deadline timer and the grace rule: the one holding the run's timer lease
/// (<see cref="TimerLease"/>). The others save only what their pages' users do, never what the clock does by itself.</item>
/// <item>Presence is judged across instances: an instance with a connected page of the run wants the lease. The holder
/// keeps it while a page is connected to it; when none is and another instance wants it, it hands the lease over at once
/// instead of starting the grace (the session is still watched, there), and the instance taking it over reads the run and
/// catches up as after a restart. Only when no instance has a connected page does the holder apply the grace and pause,
/// so only what was done while a page was there, on any instance, counts. When the holder dies its lease goes with its
/// database connection, and an instance with a connected page takes it within a few seconds.</item>
/// </list>
/// With SQLite there is one instance: it always holds the lease, nobody is told, and no save can meet a conflict (every
/// change of a run goes through its one live player, one at a time).
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
    private readonly TimerLease _timerLease;
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

    /// <summary>When <see cref="_connected"/> last rose from zero, while pages stay (under <see cref="_sync"/>).</summary>
    private DateTimeOffset? _connectedSince;

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
        Action<LiveSession>? idle = null,
        SessionSync? sync = null)
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
        _timerLease = (sync ?? SessionSync.Local).Leases.Lease(run.Id, OnLeaseGranted, OnLeaseLost, OnWantedElsewhere);
        RestartGrace(run);
    }

    /// <summary>
    /// As when loaded with nobody connected yet (or taking the timer over from another instance): the saved state says
    /// when a page was last there (rows saved before that was kept: when the run was last saved, which the old player
    /// did only while a page held it). A page here that has been connected since then watched it all along.
    /// </summary>
    private void RestartGrace(SessionRun run)
    {
        _seenSavedAt = run.State.LastSeenAt ?? run.UpdatedAt;
        DateTimeOffset? connectedSince;
        lock (_sync)
        {
            connectedSince = _connectedSince;
        }

        var watchedAllAlong = connectedSince <= _seenSavedAt;
        (_leftAt, _atLeft) = run.State.Status == SessionStatus.Running && !watchedAllAlong
            ? ((DateTimeOffset?)_seenSavedAt, (SessionState?)run.State)
            : (null, null);
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

    /// <summary>
    /// Nothing left to wait for (not running, not waiting for a page to come back; or its timer run by another instance):
    /// it can be let go when no page holds it.
    /// </summary>
    internal bool IsSettled => !_timerLease.Held || (Clock.Status != SessionStatus.Running && _atLeft is null);

    /// <summary>Whether this instance runs the session's timer and grace rule (always, with SQLite).</summary>
    public bool RunsTimer => _timerLease.Held;

    /// <summary>Whether another instance with a connected page asked for the timer lately (for tests).</summary>
    internal bool TimerWantedElsewhere => _timerLease.WantedElsewhere;

    /// <summary>Pauses a running session or resumes a paused one, as shown: if another tab did either meanwhile, nothing more happens.</summary>
    public Task TogglePauseAsync() => MoveAsync(c => c.TogglePause());

    public Task PauseAsync() => ApplyAsync(c => c.Pause());

    /// <summary>Skips the step shown; nothing happens if another tab (here or on another instance) moved on from it meanwhile.</summary>
    public Task SkipAsync() => MoveAsync(c => c.Skip());

    public Task DoneAsync() => MoveAsync(c => c.Done());

    public Task BackAsync() => MoveAsync(c => c.Back());

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
    public Task SwapForEasierAsync(int hurtBlock, Exercise easier)
    {
        var hurtSlug = Run.Blocks.ElementAtOrDefault(hurtBlock)?.Slug;
        return ChangeAsync(clock => SwapForEasier(clock, hurtBlock, hurtSlug, easier));
    }

    private SessionClock SwapForEasier(SessionClock clock, int hurtBlock, string? hurtSlug, Exercise easier)
    {
        clock.CatchUp();

        // Another tab may have put the easier one in already (or changed the plan there): once is enough.
        if (clock.State.IsOver || hurtBlock < 0 || hurtBlock >= Run.Blocks.Count || Run.Blocks[hurtBlock].Slug != hurtSlug
            || Run.Blocks.ElementAtOrDefault(hurtBlock + 1)?.Slug == easier.Slug)
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
    }

    /// <summary>Records which side felt tighter in one per-side exercise; answering again changes the answer.</summary>
    /// <returns>False when the answer could not be saved; the user can tap again.</returns>
    public async Task<bool> AnswerSideAsync(int blockIndex, TighterSide tighter)
    {
        if (blockIndex < 0 || blockIndex >= Run.Blocks.Count || !Run.Blocks[blockIndex].PerSide)
        {
            return false;
        }

        var slug = Run.Blocks[blockIndex].Slug;
        var answered = false;
        await _gate.WaitAsync();
        try
        {
            for (var attempt = 0; attempt <= MaxConflicts; attempt++)
            {
                if (_disposed || blockIndex >= Run.Blocks.Count || Run.Blocks[blockIndex].Slug != slug)
                {
                    // Another instance changed the plan meanwhile: the answer would land on another exercise.
                    break;
                }

                if (_sides.TryGetValue(blockIndex, out var known) && known == tighter)
                {
                    answered = true;
                    break;
                }

                // While the plan's changes wait to be saved, block numbers in the database are the old ones.
                var outcome = _planUnsaved ? SaveOutcome.Failed : await _store.SaveSideAsync(Run, blockIndex, tighter);
                if (outcome == SaveOutcome.Saved)
                {
                    _sides = new(_sides) { [blockIndex] = tighter };
                    answered = true;
                    break;
                }

                if (outcome == SaveOutcome.Failed || !await ReloadAsync(restartGrace: !_timerLease.Held || _atLeft is not null))
                {
                    break;
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        Changed?.Invoke();
        return answered;
    }

    /// <summary>Brings the clock up to now, as after the page was away; also records a session that finished meanwhile.</summary>
    public Task CatchUpAsync() => ChangeAsync(clock => clock, saveEvenIfUnchanged: Clock.State.IsOver, timed: true);

    /// <summary>A page showing this session connected (or lost its connection); call <see cref="CatchUpAsync"/> after.</summary>
    internal void CountConnection(bool up)
    {
        bool wanted;
        lock (_sync)
        {
            var was = _connected;
            _connected = Math.Max(0, _connected + (up ? 1 : -1));
            _noneSince = _connected == 0 ? _time.GetUtcNow() : null;
            _connectedSince = _connected == 0 ? null : was == 0 ? _time.GetUtcNow() : _connectedSince;
            wanted = _connected > 0;
        }

        // An instance with a connected page asks for the timer (and gets it at once when nobody has it).
        _timerLease.Want(wanted);
    }

    /// <summary>Takes the run's timer when no instance runs it (always, with SQLite); called once, as the player is loaded.</summary>
    internal async Task TakeTimerIfFreeAsync(CancellationToken cancellationToken = default) =>
        await _timerLease.TryTakeAsync(cancellationToken);

    /// <summary>The most times a change is tried again on a run other instances keep saving first.</summary>
    private const int MaxConflicts = 4;

    /// <summary>The step a change was made on and the status it had, as the page showed them (deadlines passed included).</summary>
    private readonly record struct Shown(int StepIndex, SessionStatus Status)
    {
        public static Shown Of(SessionClock published, TimeProvider time)
        {
            var now = new SessionClock(published.Timeline, published.State, time);
            now.CatchUp();
            return new(now.State.StepIndex, now.Status);
        }
    }

    private Task ApplyAsync(Action<SessionClock> action) => ChangeAsync(clock =>
    {
        action(clock);
        return clock;
    });

    /// <summary>A move that is about the step shown (skip it, go back from it, pause or resume it): refused once it no longer is.</summary>
    private Task MoveAsync(Action<SessionClock> action)
    {
        var shown = Shown.Of(Clock, _time);
        return ChangeAsync(
            clock =>
            {
                action(clock);
                return clock;
            },
            shown: shown);
    }

    /// <param name="timed">What the clock does by itself (catching up, the grace): only the timer's instance saves it.</param>
    /// <param name="shown">For a user's move: the step and status it was made on; it is refused once they no longer hold.</param>
    private async Task ChangeAsync(Func<SessionClock, SessionClock> change, bool saveEvenIfUnchanged = false, bool timed = false, Shown? shown = null)
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

            // Until a pass works presence out (a move refused at once does not), as the timer last knew it.
            var watched = true;
            for (var attempt = 0; ; attempt++)
            {
                // Refused: the page showed a step (or status) that is gone; it is told of the current one (or was already).
                if (shown is { } made && made != Shown.Of(Clock, _time))
                {
                    break;
                }

                // A copy to change: the published clock stays as it is until the change is saved.
                var clock = new SessionClock(Clock.Timeline, Clock.State, _time);
                var before = clock.State;
                var blocksBefore = Run.Blocks;
                var presence = _timerLease.Held ? Reconcile(ref clock) : Presence.Elsewhere;
                if (presence == Presence.HandOver)
                {
                    // No page here, one elsewhere: that instance runs the timer from now on (and reads the run first).
                    _timerLease.Yield();
                    presence = Presence.Elsewhere;
                }

                var outcome = SaveOutcome.Saved;
                if (presence == Presence.JustLeft)
                {
                    // Noted at once, so a restart during the grace pauses where the last page left; not a change pages show.
                    outcome = await SaveAsync(clock);
                    before = clock.State;
                }

                if (outcome != SaveOutcome.Conflict)
                {
                    watched = presence is Presence.Watched or Presence.CameBack;
                    clock = change(clock);
                    clock.CatchUp();

                    var planChanged = !ReferenceEquals(blocksBefore, Run.Blocks);
                    var changedNow = planChanged || !ReferenceEquals(before, clock.State);
                    var announcement = changedNow && Announcer.ForChange(clock, before.StepIndex, before.Status, FirstCue) is { } text
                        ? new Announcement(++_announcements, text)
                        : LastAnnouncement;

                    var now = _time.GetUtcNow();
                    var seenDue = watched && clock.Status == SessionStatus.Running && now - _seenSavedAt >= _options.SeenRefreshOnClock;

                    // Within the grace nothing is saved: what the clock does meanwhile becomes real only if a page comes back.
                    // What the clock does by itself is saved by the timer's instance only.
                    var inGrace = presence != Presence.Elsewhere && _atLeft is not null;
                    var mine = !timed || presence != Presence.Elsewhere;
                    if (!inGrace && mine && (changedNow || saveEvenIfUnchanged || seenDue || presence is Presence.CameBack or Presence.PausedAway))
                    {
                        if (clock.Status == SessionStatus.Running)
                        {
                            // Coalesced with the step's own save: a restart with nobody connected pauses here, not later.
                            _seenSavedAt = now;
                            clock.Seen(now);
                        }

                        outcome = await SaveAsync(clock, planChanged);
                    }

                    if (outcome != SaveOutcome.Conflict)
                    {
                        // Published: from here on nothing changes this clock.
                        (Clock, LastAnnouncement) = (clock, announcement);
                        changed |= changedNow;
                        break;
                    }
                }

                // Another instance saved first: show what it saved, then work the change out again on it (or refuse it).
                if (!await ReloadAsync(restartGrace: presence == Presence.Elsewhere || _atLeft is not null))
                {
                    break;
                }

                changed = true;
                if (attempt >= MaxConflicts)
                {
                    break;
                }
            }

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

    private async Task<SaveOutcome> SaveAsync(SessionClock clock, bool planChanged = false)
    {
        var savePlan = planChanged || _planUnsaved;
        var outcome = await _store.SaveAsync(Run, clock, Exercises, savePlan ? _unsavedInsertions : null);
        SaveFailed = outcome == SaveOutcome.Failed;
        _planUnsaved = savePlan && SaveFailed;
        if (outcome == SaveOutcome.Saved)
        {
            _unsavedInsertions.Clear();
        }

        return outcome;
    }

    /// <summary>
    /// Another instance saved the run at <paramref name="version"/> (or may have, when null: signals were lost): reads it
    /// again if this player is behind, and tells the pages.
    /// </summary>
    internal async Task RefreshAsync(int? version = null)
    {
        var changed = false;
        var settled = false;
        await _gate.WaitAsync();
        try
        {
            if (_disposed || (version is { } known && known <= Run.Version)
                || (version is null && await _store.VersionAsync(Run.Id) is { } saved && saved == Run.Version))
            {
                return;
            }

            changed = await ReloadAsync(restartGrace: !_timerLease.Held || _atLeft is not null);
            settled = IsSettled;
            ScheduleNextWake(watched: true);
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
            _idle?.Invoke(this);
        }
    }

    /// <summary>
    /// Replaces what this player knows with the run as saved, and publishes it (under the gate). False when the run is
    /// gone. Changes not saved yet are dropped with it: the other instance's committed state wins over them.
    /// </summary>
    /// <param name="restartGrace">Work the grace out again from the saved state, as after a restart (see <see cref="RestartGrace"/>).</param>
    private async Task<bool> ReloadAsync(bool restartGrace)
    {
        if (await _store.ReloadAsync(Run.Id) is not { } saved)
        {
            return false;
        }

        var before = Clock.State;
        var timeline = Clock.Timeline;
        if (!saved.Run.Blocks.SequenceEqual(Run.Blocks))
        {
            // New collections, never changed in place: other tabs may be rendering from them at this moment.
            Run.Blocks = saved.Run.Blocks;
            timeline = SessionTimeline.From(Run.Blocks);
            _exercises = new(_exercises.Concat(saved.Exercises.Where(e => !_exercises.ContainsKey(e.Key))), StringComparer.Ordinal);
        }

        _sides = saved.Sides;
        SafetyStop ??= saved.SafetyStop;
        _unsavedInsertions.Clear();
        _planUnsaved = false;
        SaveFailed = false;
        (Run.State, Run.Status, Run.UpdatedAt, Run.Version) = (saved.Run.State, saved.Run.Status, saved.Run.UpdatedAt, saved.Run.Version);
        var clock = new SessionClock(timeline, saved.Run.State, _time);
        if (Announcer.ForChange(clock, before.StepIndex, before.Status, FirstCue) is { } text && !ReferenceEquals(before, clock.State))
        {
            LastAnnouncement = new Announcement(++_announcements, text);
        }

        Clock = clock;
        if (restartGrace)
        {
            RestartGrace(Run);
        }

        return true;
    }

    /// <summary>This instance won the timer from another (which died, or had no page left): read the run, then catch up as after a restart.</summary>
    private void OnLeaseGranted() => _ = TakeOverAsync();

    private async Task TakeOverAsync()
    {
        try
        {
            await _gate.WaitAsync();
            try
            {
                if (_disposed || !await ReloadAsync(restartGrace: true))
                {
                    return;
                }
            }
            finally
            {
                _gate.Release();
            }

            Changed?.Invoke();
            await CatchUpAsync();
        }
        catch (ObjectDisposedException)
        {
            // Shutting down.
        }
        catch (Exception e) when (e.IsDatabaseError())
        {
            // The database is away: the lease goes with it, and is taken over again once it is back.
        }
    }

    /// <summary>The lease went with its connection: another instance may run the timer now (this one asks again while it has pages).</summary>
    private void OnLeaseLost()
    {
        lock (_sync)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <summary>Another instance with a connected page asks for the timer: handed over if no page is connected here.</summary>
    private void OnWantedElsewhere()
    {
        lock (_sync)
        {
            if (_connected > 0)
            {
                return;
            }
        }

        _ = OnWakeAsync();
    }

    /// <summary>
    /// Watched: a page is connected here. CameBack: one came back within the grace. JustLeft: the last one here just left
    /// (and none elsewhere wants the timer). Waiting: in the grace. PausedAway: the grace passed. Unwatched: not running,
    /// nobody here. HandOver: nobody here, a page on another instance. Elsewhere: another instance runs the timer.
    /// </summary>
    private enum Presence { Watched, CameBack, JustLeft, Waiting, PausedAway, Unwatched, HandOver, Elsewhere }

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

        if (connected == 0 && _timerLease.WantedElsewhere)
        {
            // Still watched, on another instance: no grace here, and nothing this instance would pause.
            (_atLeft, _leftAt) = (null, null);
            return Presence.HandOver;
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

            // Only the instance holding the run's timer lease wakes; the others hear of each change it saves.
            if (_disposed || !_timerLease.Held || (Clock.Status != SessionStatus.Running && _leftAt is null))
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

        _timerLease.Dispose();
    }
}
