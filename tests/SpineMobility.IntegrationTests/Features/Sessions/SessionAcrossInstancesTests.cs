using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMobility.Testing;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Features.Sessions;

/// <summary>
/// One session shown by two instances of the app (two hosts in this process) on one PostgreSQL database, as behind a
/// load balancer: versioned saves, signals between them, and one timer between them. Time is faked and shared.
/// </summary>
public sealed class SessionAcrossInstancesTests : IAsyncLifetime
{
    private static readonly Visitor Alice = new("cccccccccccccccccccccccccccccccc");

    private readonly TestDatabase _database = TestDatabase.ForSuite();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly List<SpineMobilityApp> _apps = [];

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>An instance; a deaf one hears no other instance (as if its signals were lost) and signals nobody.</summary>
    private async Task<SpineMobilityApp> StartAsync(bool deaf = false)
    {
        var app = new SpineMobilityApp(database: _database, services: s =>
        {
            s.AddSingleton<TimeProvider>(_time);
            if (deaf)
            {
                s.AddSingleton<ChangeSignals>(new LocalChangeSignals());
            }
        });
        _apps.Add(app);
        _ = app.Server;
        if (app.Services.GetRequiredService<ChangeSignals>() is PostgresChangeSignals signals)
        {
            await signals.Listening.WaitAsync(TimeSpan.FromSeconds(10));
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

    [PostgresFact]
    public async Task A_pause_on_one_instance_reaches_the_page_on_the_other_within_a_second()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var id = await StartRoutineAsync(a);
        using var onA = await Runs(a).OpenAsync(id, Alice);
        using var onB = await Runs(b).OpenAsync(id, Alice);
        var told = 0;
        onA!.Session.Changed += () => Interlocked.Increment(ref told);

        await onB!.Session.PauseAsync();

        var took = await Eventually.TimeUntilAsync(() => onA.Session.Clock.Status == SessionStatus.Paused, TimeSpan.FromSeconds(1));
        Assert.True(took < TimeSpan.FromSeconds(1), $"took {took.TotalMilliseconds:0} ms");
        Assert.True(told > 0);
        Assert.Equal(onB.Session.Run.Version, onA.Session.Run.Version);
        Assert.Equal(SessionStatus.Paused, (await SavedAsync(id)).Status);
    }

    [PostgresFact]
    public async Task A_change_made_against_an_old_state_is_applied_to_the_current_one_never_lost_or_doubled()
    {
        var a = await StartAsync();
        var stale = await StartAsync(deaf: true);
        var id = await StartRoutineAsync(a);
        using var onA = await Runs(a).OpenAsync(id, Alice);
        using var onStale = await Runs(stale).OpenAsync(id, Alice);

        // Both show step 0. A skips it; the stale instance, not told, skips "step 0" too: one skip, not two.
        await onA!.Session.SkipAsync();
        await onStale!.Session.SkipAsync();
        Assert.Equal(1, (await SavedAsync(id)).State.StepIndex);
        Assert.Equal(1, onStale.Session.Clock.State.StepIndex);

        // A pauses; the stale instance still shows it running and pauses it too: it stays paused, not resumed.
        await onA.Session.TogglePauseAsync();
        await onStale.Session.TogglePauseAsync();
        Assert.Equal(SessionStatus.Paused, (await SavedAsync(id)).Status);
        Assert.Equal(SessionStatus.Paused, onStale.Session.Clock.Status);

        // A change that still makes sense on the current state is applied to it, not lost: resume, then a skip from step 1.
        await onA.Session.ResumeAsync();
        await onStale.Session.SkipAsync();
        var saved = await SavedAsync(id);
        Assert.Equal(SessionStatus.Running, saved.Status);
        Assert.Equal(2, saved.State.StepIndex);
        Assert.Equal(saved.Version, onStale.Session.Run.Version);
    }

    [PostgresFact]
    public async Task One_instance_runs_the_timer_and_another_takes_over_when_it_goes_catching_up_a_passed_deadline()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var id = await StartRoutineAsync(a);
        var onA = await Runs(a).OpenAsync(id, Alice);
        var onB = await Runs(b).OpenAsync(id, Alice);
        var leasesA = a.Services.GetRequiredService<TimerLeases>();
        var leasesB = b.Services.GetRequiredService<TimerLeases>();
        await Eventually.TrueAsync(() => leasesA.Holds(id) || leasesB.Holds(id), TimeSpan.FromSeconds(5));
        await Task.Delay(PostgresTimerLeases.Retry * 2);
        Assert.True(leasesA.Holds(id) ^ leasesB.Holds(id), "exactly one instance holds the timer");

        var (owner, other, otherLease, otherLeases) = leasesA.Holds(id) ? (a, b, onB!, leasesB) : (b, a, onA!, leasesA);
        var timeline = otherLease.Session.Clock.Timeline;

        // The timer's instance goes away; meanwhile the first step's deadline passes with nobody's timer running.
        await owner.DisposeAsync();
        _time.Advance(timeline.StartOf(1) + TimeSpan.FromSeconds(2));

        await Eventually.TrueAsync(() => otherLeases.Holds(id), TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(async () => (await SavedAsync(id)).State.StepIndex == 1, TimeSpan.FromSeconds(5));
        Assert.Equal(1, otherLease.Session.Clock.State.StepIndex);

        // From now on the new owner's timer moves the session at each deadline.
        _time.Advance(timeline.Steps[1].Duration);
        await Eventually.TrueAsync(async () => (await SavedAsync(id)).State.StepIndex == 2, TimeSpan.FromSeconds(5));
        otherLease.Dispose();
        _ = other;
    }

    [PostgresFact]
    public async Task A_session_that_ends_while_two_instances_show_it_is_recorded_once()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var id = await StartRoutineAsync(a);
        using var onA = await Runs(a).OpenAsync(id, Alice);
        using var onB = await Runs(b).OpenAsync(id, Alice);

        _time.Advance(onA!.Session.Clock.Timeline.Total + TimeSpan.FromMinutes(1));
        await Task.WhenAll(onA.Session.CatchUpAsync(), onB!.Session.CatchUpAsync(), onA.Session.CatchUpAsync());

        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.CompletedSessions.CountAsync(s => s.RunId == id));
        Assert.Equal(SessionStatus.Completed, (await SavedAsync(id)).Status);
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
