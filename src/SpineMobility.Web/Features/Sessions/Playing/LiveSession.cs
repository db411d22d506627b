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
public sealed class LiveSession : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SessionStore _store;
    private readonly TimeProvider _time;
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
        Safety.SafetyScreening? safetyStop = null)
    {
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

    private Task ApplyAsync(Action<SessionClock> action, bool saveEvenIfUnchanged = false) => ChangeAsync(
        clock =>
        {
            action(clock);
            return clock;
        },
        saveEvenIfUnchanged);

    private async Task ChangeAsync(Func<SessionClock, SessionClock> change, bool saveEvenIfUnchanged = false, bool planChanged = false)
    {
        bool changed;
        await _gate.WaitAsync();
        try
        {
            var before = Clock.State;
            Clock = change(Clock);
            Clock.CatchUp();
            changed = planChanged || !ReferenceEquals(before, Clock.State);
            if (changed && Announcer.ForChange(Clock, before.StepIndex, before.Status) is { } text)
            {
                LastAnnouncement = new(++_announcements, text);
            }

            if (changed || saveEvenIfUnchanged)
            {
                var savePlan = planChanged || _planUnsaved;
                SaveFailed = !await _store.SaveAsync(Run, Clock, Exercises, savePlan ? _unsavedInsertions : null);
                _planUnsaved = savePlan && SaveFailed;
                if (!SaveFailed)
                {
                    _unsavedInsertions.Clear();
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

    private void ScheduleNextDeadline()
    {
        _timer?.Dispose();
        _timer = null;
        if (!_disposed && Clock.Status == SessionStatus.Running)
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
    }
}
