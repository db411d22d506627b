using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMobility.Testing;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Features.Sessions;

/// <summary>
/// One session shown by two instances of the app (two hosts in this process) on one PostgreSQL database, as behind a
/// load balancer with each tab pinned to its own instance: versioned saves, signals between them, one timer between
/// them, and presence judged across them. The session clock is faked and shared; what the instances do in their own
/// time (signals, leases) is waited for in real time.
/// </summary>
public sealed class SessionAcrossInstancesTests : IAsyncLifetime
{
    private static readonly Visitor Alice = new("cccccccccccccccccccccccccccccccc");
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    private readonly TestDatabase _database = TestDatabase.ForSuite();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly List<SpineMobilityApp> _apps = [];
    private readonly RecordedLog _log = new();

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>An instance; a deaf one neither hears the others' signals nor sends any (as if its signals were lost).</summary>
    private async Task<SpineMobilityApp> StartAsync(bool deaf = false)
    {
        var app = new SpineMobilityApp(database: _database, services: s =>
        {
            s.AddSingleton<TimeProvider>(_time);
            s.AddSingleton<Serilog.Core.ILogEventSink>(_log);
            if (deaf)
            {
                s.AddSingleton<ChangeSignals>(new LocalChangeSignals());
            }
        });
        _apps.Add(app);
        _ = app.Server;
        if (app.Services.GetRequiredService<ChangeSignals>() is PostgresChangeSignals signals)
        {
            await signals.Listening.WaitAsync(Soon);
        }

        return app;
    }

    private static SessionRuns Runs(SpineMobilityApp app) => app.Services.GetRequiredService<SessionRuns>();

    private static async Task<Guid> StartRoutineAsync(SpineMobilityApp app)
    {
        var catalog = await app.Services.GetRequiredService<ExerciseCatalog>().ActiveAsync();
        var routine = RoutineGenerator.Generate(new RoutineRequest(10, [Region.Cervical], Level.Standard, false, 5), catalog);
        return await Runs(app).StartAsync(routine, "Neck test", Alice, "Europe/Berlin");
    }

    private async Task<SessionRun> SavedAsync(Guid id)
    {
        await using var db = _database.CreateDbContext();
        return await db.SessionRuns.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private async Task<int> RecordedAsync(Guid id)
    {
        await using var db = _database.CreateDbContext();
        return await db.CompletedSessions.CountAsync(s => s.RunId == id);
    }

    [PostgresFact]
    public async Task A_pause_on_one_instance_reaches_the_page_on_the_other_within_a_second()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var id = await StartRoutineAsync(a);
        await using var onA = (await Runs(a).OpenAsync(id, Alice))!;
        await using var onB = (await Runs(b).OpenAsync(id, Alice))!;
        var told = 0;
        onB.Session.Changed += () => Interlocked.Increment(ref told);

        await onA.Session.PauseAsync();

        var took = await Eventually.TimeUntilAsync(() => onB.Session.Clock.Status == SessionStatus.Paused, Soon);
        Assert.True(took < TimeSpan.FromSeconds(1), $"took {took.TotalMilliseconds:0} ms");
        Assert.True(told > 0, "the other instance's pages were told");
        Assert.Equal(onA.Session.Run.Version, onB.Session.Run.Version);
        Assert.Equal(SessionStatus.Paused, (await SavedAsync(id)).Status);

        // And back: a resume on the other instance reaches the first.
        await onB.Session.ResumeAsync();
        await Eventually.TrueAsync(() => onA.Session.Clock.Status == SessionStatus.Running, TimeSpan.FromSeconds(1));
    }

    [PostgresFact]
    public async Task Two_tabs_pressing_skip_on_the_same_step_skip_it_once_and_a_change_still_true_to_its_step_is_applied_again()
    {
        var a = await StartAsync();
        var stale = await StartAsync(deaf: true);
        var id = await StartRoutineAsync(a);
        await using var onA = (await Runs(a).OpenAsync(id, Alice))!;
        await using var onStale = (await Runs(stale).OpenAsync(id, Alice))!;

        // Both show step 0. A skips it; the instance that was not told skips "step 0" too: its save meets A's, it reads
        // the run again, and the step it was pressed on is gone: one skip, not two, and its page shows step 1.
        await onA.Session.SkipAsync();
        await onStale.Session.SkipAsync();
        Assert.False(onStale.Session.SaveFailed, _log.Text);
        Assert.Equal(1, (await SavedAsync(id)).State.StepIndex);
        Assert.Equal(1, onStale.Session.Clock.State.StepIndex);
        Assert.Equal((await SavedAsync(id)).Version, onStale.Session.Run.Version);

        // A pauses; the other still shows it running and presses pause-or-resume too: it stays paused, not resumed.
        await onA.Session.TogglePauseAsync();
        await onStale.Session.TogglePauseAsync();
        Assert.Equal(SessionStatus.Paused, (await SavedAsync(id)).Status);
        Assert.Equal(SessionStatus.Paused, onStale.Session.Clock.Status);

        // A resumes; the other's resume meets it, and doing it twice is doing it once: both show step 1 running.
        await onA.Session.ResumeAsync();
        await onStale.Session.ResumeAsync();
        Assert.Equal(SessionStatus.Running, onStale.Session.Clock.Status);

        // A pauses and resumes (two versions on, still running on step 1); the other instance, showing an old version of
        // that same step, skips it: its change is applied again on the current state, not lost.
        var versionBefore = (await SavedAsync(id)).Version;
        await onA.Session.PauseAsync();
        await onA.Session.ResumeAsync();
        await onStale.Session.SkipAsync();
        var saved = await SavedAsync(id);
        Assert.Equal(SessionStatus.Running, saved.Status);
        Assert.Equal(2, saved.State.StepIndex);
        Assert.Equal(versionBefore + 3, saved.Version);
        Assert.Equal(saved.Version, onStale.Session.Run.Version);
    }

    [PostgresFact]
    public async Task Skips_pressed_at_once_on_both_instances_move_the_session_one_step()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var id = await StartRoutineAsync(a);
        await using var onA = (await Runs(a).OpenAsync(id, Alice))!;
        await using var onB = (await Runs(b).OpenAsync(id, Alice))!;

        await Task.WhenAll(Task.Run(onA.Session.SkipAsync), Task.Run(onB.Session.SkipAsync));

        Assert.Equal(1, (await SavedAsync(id)).State.StepIndex);
        await Eventually.TrueAsync(() => onA.Session.Clock.State.StepIndex == 1 && onB.Session.Clock.State.StepIndex == 1, Soon);
    }

    [PostgresFact]
    public async Task One_instance_runs_the_timer_and_another_takes_over_when_it_dies_catching_up_the_passed_deadlines()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var id = await StartRoutineAsync(a);
        var onA = (await Runs(a).OpenAsync(id, Alice))!;
        await using var onB = (await Runs(b).OpenAsync(id, Alice))!;

        // The first instance to open it runs its timer; the other, asking every second, does not get it while it runs.
        Assert.True(onA.Session.RunsTimer);
        await Task.Delay(PostgresTimerLeases.Retry * 2.5);
        Assert.True(onA.Session.RunsTimer);
        Assert.False(onB.Session.RunsTimer);

        // The timer's instance dies; meanwhile the first two steps' deadlines pass with nobody's timer running.
        var timeline = onB.Session.Clock.Timeline;
        await a.DisposeAsync();
        _time.Advance(timeline.StartOf(2) + TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(() => onB.Session.RunsTimer, Soon);
        await Eventually.TrueAsync(async () => (await SavedAsync(id)).State.StepIndex == 2, Soon);
        Assert.Equal(2, onB.Session.Clock.State.StepIndex);
        Assert.Equal(SessionStatus.Running, onB.Session.Clock.Status);

        // From now on the new holder's timer moves the session at each deadline.
        _time.Advance(timeline.Steps[2].Duration);
        await Eventually.TrueAsync(async () => (await SavedAsync(id)).State.StepIndex == 3, Soon);

        // (The dead instance's page lease went with its host.)
        _ = onA;
    }

    [PostgresFact]
    public async Task A_session_finished_with_both_instances_taking_part_is_recorded_once()
    {
        var a = await StartAsync();
        var stale = await StartAsync(deaf: true);
        var b = await StartAsync();
        var id = await StartRoutineAsync(a);
        await using var onA = (await Runs(a).OpenAsync(id, Alice))!;
        await using var onStale = (await Runs(stale).OpenAsync(id, Alice))!;
        await using var onB = (await Runs(b).OpenAsync(id, Alice))!;

        // Steps moved by the timer on one instance and by a user on another.
        var timeline = onA.Session.Clock.Timeline;
        _time.Advance(timeline.StartOf(1));
        await Eventually.TrueAsync(() => onB.Session.Clock.State.StepIndex == 1, Soon);
        await onB.Session.DoneAsync();

        // The end comes to all three at once: the timer's instance finishes it, the others catch up and press End.
        _time.Advance(timeline.Total);
        await Task.WhenAll(
            Task.Run(onA.Session.CatchUpAsync),
            Task.Run(onB.Session.EndAsync),
            Task.Run(onStale.Session.EndAsync),
            Task.Run(onB.Session.CatchUpAsync));

        await Eventually.TrueAsync(async () => await RecordedAsync(id) > 0, Soon);
        Assert.True((await SavedAsync(id)).State.IsOver);
        Assert.True(onStale.Session.Clock.State.IsOver);
        await Task.Delay(500);
        Assert.Equal(1, await RecordedAsync(id));
    }

    [PostgresFact]
    public async Task A_red_flag_answered_in_a_tab_on_one_instance_ends_the_session_with_its_advice_in_the_tab_on_the_other()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var id = await StartRoutineAsync(a);
        await using var onA = (await Runs(a).OpenAsync(id, Alice))!;
        await using var onB = (await Runs(b).OpenAsync(id, Alice))!;

        // As the "This hurts" panel does: the answers, the report's choice, then the stop.
        var screening = new SafetyScreening { BrowserKey = Alice.BrowserKey, TakenAt = _time.GetUtcNow(), Reason = ScreeningReason.AfterHighPain, YesTo = [RedFlag.SaddleNumbness] };
        await using (var db = _database.CreateDbContext())
        {
            db.SafetyScreenings.Add(screening);
            db.PainReports.Add(new PainReport { RunId = id, ReportedAt = _time.GetUtcNow(), ExerciseSlug = "chin-tucks", ExerciseName = "Chin tucks", Pain = 8, Area = BodyArea.Neck, Choice = PainChoice.StoppedForSafety });
            await db.SaveChangesAsync();
        }

        await onA.Session.StopForSafetyAsync(screening);

        await Eventually.TrueAsync(() => onB.Session.Clock.State.IsOver, Soon);
        Assert.NotNull(onB.Session.SafetyStop);
        Assert.Equal([RedFlag.SaddleNumbness], onB.Session.SafetyStop!.YesTo);
    }

    [PostgresFact]
    public async Task A_tab_leaving_one_instance_while_a_tab_on_another_watches_does_not_pause_the_session()
    {
        var grace = Web.Features.Sessions.Playing.PlayerOptions.Default.GraceOnClock;
        var a = await StartAsync();
        var b = await StartAsync();
        var id = await StartRoutineAsync(a);
        var onA = (await Runs(a).OpenAsync(id, Alice))!;
        var onB = (await Runs(b).OpenAsync(id, Alice))!;
        Assert.True(onA.Session.RunsTimer);
        await Eventually.TrueAsync(() => onA.Session.TimerWantedElsewhere, Soon);

        // A's tab closes: A hands the timer to B, whose tab is still there, instead of starting the grace.
        await onA.DisposeAsync();
        await Eventually.TrueAsync(() => onB.Session.RunsTimer, Soon);
        _time.Advance(grace + TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(async () => (await SavedAsync(id)).State.StepIndex > 0, Soon);
        var saved = await SavedAsync(id);
        Assert.Equal(SessionStatus.Running, saved.Status);
        Assert.False(saved.State.PausedAway);
        Assert.Equal(SessionStatus.Running, onB.Session.Clock.Status);

        // The positive control: when the last tab anywhere leaves, the grace runs and the session pauses where it left.
        var stepWhenLeft = saved.State.StepIndex;
        await onB.DisposeAsync();
        _time.Advance(grace + TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(async () => (await SavedAsync(id)).Status == SessionStatus.Paused, Soon);
        saved = await SavedAsync(id);
        Assert.True(saved.State.PausedAway);
        Assert.Equal(stepWhenLeft, saved.State.StepIndex);
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        _database.Delete();
    }
}
