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
/// On several instances (<see cref="SessionSync"/>) each instance showing the run has a live player of its own. Every
/// save names the version it changes: one made against a state another instance has moved on from is refused by the
/// database, and the change is applied again to the state read afresh (or dropped, when it was about a step that is no
/// longer current). Other instances hear of each save and read the run again; only the one holding the run's timer
/// lease runs the deadline timer, and another takes it over, catching up, when that one goes.
/// </remarks>
public sealed class LiveSession : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SessionStore _store;
    private readonly TimeProvider _time;
    private readonly SessionSync _sync;
    private IDisposable? _timerLease;
    private ITimer? _timer;
    // Replaced whole, never changed in place: other tabs read them while rendering.
    private Dictionary<string, Exercise> _exercises;
    private Dictionary<int, TighterSide> _sides;

    /// <summary>Where exercises were put into the plan since the last successful save; side answers from there on move one block down.</summary>
    private readonly List<int> _unsavedInsertions = [];
    private int _announcements;
    private bool _disposed;

    /// <summary>The plan changed but could not be saved; it goes with the next save, since the saved state refers to it.</summary>
    private bool _planUnsaved;

    internal LiveSession(
        SessionRun run,
        IReadOnlyDictionary<string, Exercise> exercises,
        SessionStore store,
        TimeProvider time,
        IReadOnlyDictionary<int, TighterSide>? sides = null,
        Safety.SafetyScreening? safetyStop = null,
        SessionSync? sync = null)
    {
        _sync = sync ?? SessionSync.Local;
        SafetyStop = safetyStop;
        Run = run;
        _exercises = new(exercises, StringComparer.Ordinal);
        _sides = sides is null ? [] : new(sides);
        _store = store;
        _time = time;
        Clock = new SessionClock(SessionTimeline.From(run.Blocks), run.State, time);
    }

    /// <summary>Raised after a change has been saved; handlers re-render.</summary>
    public event Action? Changed;

    public SessionRun Run { get; }

    public SessionClock Clock { get; private set; }

    /// <summary>The catalog entries of the run's exercises, retired ones included.</summary>
    public IReadOnlyDictionary<string, Exercise> Exercises => _exercises;

    /// <summary>Which side felt tighter, by block of the plan, for the per-side exercises the user answered about.</summary>
    public IReadOnlyDictionary<int, TighterSide> Sides => _sides;

    public Announcement? LastAnnouncement { get; private set; }

    /// <summary>Whether the last save failed; the state is kept in memory and saved whole with the next change.</summary>
    public bool SaveFailed { get; private set; }

    internal int Leases { get; set; }

    /// <summary>Pauses a running session or resumes a paused one, as it was shown: if another tab did the same meanwhile, nothing more happens.</summary>
    public Task TogglePauseAsync()
    {
        var shown = Clock.Status;
        return ApplyAsync(c =>
        {
            if (c.Status == shown)
            {
                c.TogglePause();
            }
        });
    }

    public Task PauseAsync() => ApplyAsync(c => c.Pause());

    public Task SkipAsync() => ApplyAsync(c => c.Skip(), sameStep: true);

    public Task DoneAsync() => ApplyAsync(c => c.Done(), sameStep: true);

    public Task BackAsync() => ApplyAsync(c => c.Back(), sameStep: true);

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
    }, sameStep: true);

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
    }, planChanged: true, sameStep: true);

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

    private Task ApplyAsync(Action<SessionClock> action, bool saveEvenIfUnchanged = false, bool sameStep = false) => ChangeAsync(
        clock =>
        {
            action(clock);
            return clock;
        },
        saveEvenIfUnchanged,
        sameStep: sameStep);

    /// <param name="sameStep">
    /// The change is about the step shown (skip it, go back from it): when another instance has moved the session on
    /// meanwhile, it is dropped rather than applied to a step the user never saw.
    /// </param>
    private async Task ChangeAsync(Func<SessionClock, SessionClock> change, bool saveEvenIfUnchanged = false, bool planChanged = false, bool sameStep = false)
    {
        var changed = false;
        await _gate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            var before = Clock.State;
            var shownStep = StepNow(Clock);

            // Each pass applies the change to the state as last read; a refused save reads it again (a few times at most:
            // each refusal means another instance saved, and they do so only on a user's action or a deadline).
            for (var attempt = 0; ; attempt++)
            {
                Clock = change(Clock);
                Clock.CatchUp();
                var changedNow = planChanged || !ReferenceEquals(before, Clock.State);
                changed |= changedNow;
                if (changedNow && Announcer.ForChange(Clock, before.StepIndex, before.Status) is { } text)
                {
                    LastAnnouncement = new(++_announcements, text);
                }

                if (!changedNow && !saveEvenIfUnchanged)
                {
                    break;
                }

                var savePlan = planChanged || _planUnsaved;
                var outcome = await _store.SaveAsync(Run, Clock, Exercises, savePlan ? _unsavedInsertions : null);
                SaveFailed = outcome == SaveOutcome.Failed;
                _planUnsaved = savePlan && SaveFailed;
                if (outcome == SaveOutcome.Saved)
                {
                    _unsavedInsertions.Clear();
                    _sync.Saved(Run.Id, Run.Version);
                    break;
                }

                if (outcome == SaveOutcome.Failed || attempt == 3 || !await ReloadCoreAsync())
                {
                    break;
                }

                // What the other instance saved is what the pages show now, whatever becomes of this change.
                changed = true;
                before = Clock.State;
                if (sameStep && StepNow(Clock) != shownStep)
                {
                    break;
                }
            }

            ScheduleNextDeadline();
        }
        finally
        {
            _gate.Release();
        }

        if (changed)
        {
            Changed?.Invoke();
        }
    }

    /// <summary>
    /// Another instance saved the run at <paramref name="version"/> (or may have, when null): reads it again if this one
    /// is behind, and tells the pages.
    /// </summary>
    internal async Task RefreshAsync(int? version = null)
    {
        var changed = false;
        await _gate.WaitAsync();
        try
        {
            if (_disposed || (version is { } known && known <= Run.Version))
            {
                return;
            }

            if (version is null && await _store.VersionAsync(Run.Id) is { } saved && saved == Run.Version)
            {
                return;
            }

            var before = Clock.State;
            changed = await ReloadCoreAsync();
            if (changed && Announcer.ForChange(Clock, before.StepIndex, before.Status) is { } text)
            {
                LastAnnouncement = new(++_announcements, text);
            }

            ScheduleNextDeadline();
        }
        finally
        {
            _gate.Release();
        }

        if (changed)
        {
            Changed?.Invoke();
        }
    }

    /// <summary>Starts asking for the run's timer; when this instance gets it from another, it reads the run and catches up.</summary>
    internal void WantTimer()
    {
        _timerLease ??= _sync.Leases.Want(Run.Id, () => _ = TakeOverTimerAsync());
    }

    private async Task TakeOverTimerAsync()
    {
        try
        {
            // The instance that had it may have saved since this one last heard: read first, then catch up a passed
            // deadline exactly as after a restart.
            await RefreshAsync();
            await CatchUpAsync();
        }
        catch (ObjectDisposedException)
        {
            // Shutting down.
        }
    }

    /// <summary>The step the clock is at now, deadlines passed included, without changing it.</summary>
    private int StepNow(SessionClock clock)
    {
        var copy = new SessionClock(clock.Timeline, clock.State, _time);
        copy.CatchUp();
        return copy.State.StepIndex;
    }

    /// <summary>Replaces what this player knows with the run as saved (under the gate). False when the run is gone.</summary>
    private async Task<bool> ReloadCoreAsync()
    {
        if (await _store.ReloadAsync(Run.Id) is not { } saved)
        {
            return false;
        }

        if (!saved.Run.Blocks.SequenceEqual(Run.Blocks))
        {
            // New collections, never changed in place: other tabs may be rendering from them at this moment.
            Run.Blocks = saved.Run.Blocks;
            _exercises = new(_exercises.Concat(saved.Exercises.Where(e => !_exercises.ContainsKey(e.Key))), StringComparer.Ordinal);
        }

        _sides = saved.Sides;
        _unsavedInsertions.Clear();
        _planUnsaved = false;
        Run.State = saved.Run.State;
        Run.Status = saved.Run.Status;
        Run.UpdatedAt = saved.Run.UpdatedAt;
        Run.Version = saved.Run.Version;
        Clock = new SessionClock(SessionTimeline.From(Run.Blocks), saved.Run.State, _time);
        return true;
    }

    private void ScheduleNextDeadline()
    {
        _timer?.Dispose();
        _timer = null;

        // Only the instance holding the run's timer lease wakes at the deadline; the others hear of the step change.
        if (!_disposed && Clock.Status == SessionStatus.Running && _sync.Leases.Holds(Run.Id))
        {
            // A timer may fire a hair early; CatchUp then changes nothing and this schedules the remainder.
            _timer = _time.CreateTimer(_ => _ = OnDeadlineAsync(), null, Clock.Remaining, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task OnDeadlineAsync()
    {
        if (!_disposed)
        {
            await CatchUpAsync();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _timer?.Dispose();
        _timerLease?.Dispose();
    }
}
