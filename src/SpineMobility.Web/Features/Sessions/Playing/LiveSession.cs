using SpineMobility.Web.Features.Exercises;

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
    private int _announcements;
    private bool _disposed;

    internal LiveSession(SessionRun run, IReadOnlyDictionary<string, Exercise> exercises, SessionStore store, TimeProvider time)
    {
        Run = run;
        Exercises = exercises;
        _store = store;
        _time = time;
        Clock = new SessionClock(SessionTimeline.From(run.Blocks), run.State, time);
    }

    /// <summary>Raised after a change has been saved; handlers re-render.</summary>
    public event Action? Changed;

    public SessionRun Run { get; }

    public SessionClock Clock { get; }

    /// <summary>The catalog entries of the run's exercises, retired ones included.</summary>
    public IReadOnlyDictionary<string, Exercise> Exercises { get; }

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

    /// <summary>Brings the clock up to now, as after the page was away; also records a session that finished meanwhile.</summary>
    public Task CatchUpAsync() => ApplyAsync(_ => { }, saveEvenIfUnchanged: Clock.State.IsOver);

    private async Task ApplyAsync(Action<SessionClock> action, bool saveEvenIfUnchanged = false)
    {
        bool changed;
        await _gate.WaitAsync();
        try
        {
            var before = Clock.State;
            action(Clock);
            Clock.CatchUp();
            changed = !ReferenceEquals(before, Clock.State);
            if (changed && Announcer.ForChange(Clock, before.StepIndex, before.Status) is { } text)
            {
                LastAnnouncement = new(++_announcements, text);
            }

            if (changed || saveEvenIfUnchanged)
            {
                SaveFailed = !await _store.SaveAsync(Run, Clock, Exercises);
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
