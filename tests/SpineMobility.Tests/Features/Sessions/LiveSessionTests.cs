using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMobility.Testing;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Hosting;
using SpineMobility.Web.Shared;

namespace SpineMobility.Tests.Features.Sessions;

/// <summary>
/// Only what was done counts: a running session whose pages are gone waits out a grace period, then pauses where the
/// last page left it. The live player on a real SQLite file, with time faked.
/// </summary>
public sealed class LiveSessionTests : IAsyncLifetime
{
    private static readonly Visitor Me = new("0123456789abcdef0123456789abcdef");
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 7, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(Morning);
    private readonly string _database = TempFiles.NewPath("live", ".db");
    private readonly ServiceProvider _services;
    private SessionRuns _runs;

    public LiveSessionTests()
    {
        var services = new ServiceCollection();
        services.AddDbContextFactory<AppDbContext>(options => options.UseSqlite($"Data Source={_database}"));
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<SessionStore>();
        services.AddLogging();
        _services = services.BuildServiceProvider();
        _runs = NewServer();
    }

    public async Task InitializeAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        await CatalogSync.RunAsync(db, TestCatalog.Fresh(), CancellationToken.None);
    }

    private IDbContextFactory<AppDbContext> Factory => _services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    /// <summary>A fresh server process on the same database: nothing in memory survives.</summary>
    private SessionRuns NewServer() =>
        new(Factory, _time, _services.GetRequiredService<SessionStore>(), new PlayerOptions(Grace));

    // Get ready 10 s, chin tucks 40 s; get ready 10 s, knee-to-chest 30 s left, switch 5 s, 30 s right: 125 s.
    private Task<Guid> StartAsync() => _runs.StartAsync(
        new Routine(new RoutineRequest(10, [], Level.Standard, false, 1),
        [
            new RoutineBlock(SessionPhase.Mobility, "chin-tucks", "Chin tucks", false, DoseKind.Reps, 40, 8, 5, 10),
            new RoutineBlock(SessionPhase.CoolDown, "knee-to-chest", "Knee-to-chest", true, DoseKind.Hold, 30, null, null, 10),
        ]),
        "Test routine",
        Me,
        "Europe/Berlin");

    private async Task<LiveSessionLease> OpenAsync(Guid id, bool connected = true) => (await _runs.OpenAsync(id, Me, connected))!;

    private void Wait(double seconds) => _time.Advance(TimeSpan.FromSeconds(seconds));

    private async Task<SessionRun> SavedAsync(Guid id)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.SessionRuns.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private async Task<int> RecordedAsync(Guid id)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.CompletedSessions.CountAsync(s => s.RunId == id);
    }

    /// <summary>Timers fire the player's work in the background; this waits until it has happened.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail($"Never happened: {what}");
    }

    [Fact]
    public async Task A_session_whose_last_page_left_pauses_where_it_left_once_the_grace_has_passed()
    {
        var id = await StartAsync();
        var lease = await OpenAsync(id);
        Wait(12);
        await lease.DisposeAsync();

        // Within the grace nothing happens on nobody's behalf, but nothing is decided either.
        Wait(29);
        Assert.True(_runs.IsLive(id));
        Assert.Equal(SessionStatus.Running, (await SavedAsync(id)).Status);

        Wait(1);

        await EventuallyAsync(async () => (await SavedAsync(id)).Status == SessionStatus.Paused, "the session was paused");
        var state = (await SavedAsync(id)).State;
        Assert.True(state.PausedAway);
        Assert.Equal(1, state.StepIndex);
        Assert.Equal(TimeSpan.FromSeconds(38), state.StepRemaining);
        Assert.Equal(TimeSpan.FromSeconds(12), state.ActiveTime);
        await EventuallyAsync(() => Task.FromResult(!_runs.IsLive(id)), "the live player was let go");

        // Reopening shows it paused at that step with its time left, and nothing was recorded.
        Wait(3600);
        await using var again = await OpenAsync(id);
        Assert.Equal((SessionStatus.Paused, 1, TimeSpan.FromSeconds(38)), (again.Session.Clock.Status, again.Session.Clock.State.StepIndex, again.Session.Clock.Remaining));
        Assert.Equal(0, await RecordedAsync(id));
    }

    [Fact]
    public async Task A_session_reopened_within_the_grace_carries_on_with_the_time_in_between()
    {
        var id = await StartAsync();
        var first = await OpenAsync(id);
        Wait(12);
        await first.DisposeAsync();

        Wait(20);
        await using var back = await OpenAsync(id);

        Assert.Equal(SessionStatus.Running, back.Session.Clock.Status);
        Assert.Equal(1, back.Session.Clock.State.StepIndex);
        Assert.Equal(TimeSpan.FromSeconds(18), back.Session.Clock.Remaining);
        Wait(Grace.TotalSeconds + 1);
        Assert.Equal(SessionStatus.Running, back.Session.Clock.Status);
    }

    [Fact]
    public async Task A_dropped_connection_counts_as_no_page_even_while_the_page_lives_on()
    {
        var id = await StartAsync();
        await using var lease = await OpenAsync(id);
        Wait(15);

        await lease.SetConnectedAsync(false);
        var changes = 0;
        lease.Session.Changed += () => changes++;
        Wait(Grace.TotalSeconds);

        await EventuallyAsync(() => Task.FromResult(lease.Session.Clock.Status == SessionStatus.Paused), "the session was paused");
        Assert.True(changes > 0, "pages were not told the session paused");
        Assert.Equal(TimeSpan.FromSeconds(35), lease.Session.Clock.Remaining);

        // The connection comes back late: the page shows the session paused where it was when the connection went.
        Wait(60);
        await lease.SetConnectedAsync(true);
        Assert.Equal((SessionStatus.Paused, 1, TimeSpan.FromSeconds(35)), (lease.Session.Clock.Status, lease.Session.Clock.State.StepIndex, lease.Session.Clock.Remaining));
    }

    [Fact]
    public async Task A_connection_back_within_the_grace_carries_on_as_if_it_had_never_dropped()
    {
        var id = await StartAsync();
        await using var lease = await OpenAsync(id);
        Wait(45);

        await lease.SetConnectedAsync(false);
        Wait(25);
        await lease.SetConnectedAsync(true);

        // Chin tucks ended and knee-to-chest began while the connection was down: 20 s of its left side are left.
        Assert.Equal((SessionStatus.Running, 3), (lease.Session.Clock.Status, lease.Session.Clock.State.StepIndex));
        Assert.Equal(TimeSpan.FromSeconds(20), lease.Session.Clock.Remaining);
        Assert.Equal([new DoneStep(1, 40)], lease.Session.Clock.State.DoneSteps);
    }

    [Fact]
    public async Task The_recorded_duration_is_the_time_the_session_actually_ran()
    {
        var id = await StartAsync();
        await using (var lease = await OpenAsync(id))
        {
            Wait(30);
        }

        // Left alone for a day: paused at 30 s, after the grace.
        Wait(Grace.TotalSeconds);
        await EventuallyAsync(async () => (await SavedAsync(id)).Status == SessionStatus.Paused, "the session was paused");
        Wait(86_400);

        await using (var lease = await OpenAsync(id))
        {
            await lease.Session.ResumeAsync();
            Wait(94);
            await lease.Session.CatchUpAsync();
            Assert.Equal(SessionStatus.Running, lease.Session.Clock.Status);
            Wait(1);
            await lease.Session.CatchUpAsync();
            Assert.Equal(SessionStatus.Completed, lease.Session.Clock.Status);
        }

        await using var db = await Factory.CreateDbContextAsync();
        var recorded = await db.CompletedSessions.Include(s => s.Exercises).SingleAsync(s => s.RunId == id);
        Assert.Equal(125, recorded.ActiveSeconds);
        Assert.Equal(2, recorded.Exercises.Count);
    }

    [Fact]
    public async Task An_abandoned_session_that_would_have_ended_meanwhile_is_not_recorded()
    {
        var id = await StartAsync();
        await using (await OpenAsync(id))
        {
            Wait(60);
        }

        Wait(600);
        await EventuallyAsync(async () => (await SavedAsync(id)).Status == SessionStatus.Paused, "the session was paused");

        Assert.Equal(0, await RecordedAsync(id));
        var state = (await SavedAsync(id)).State;
        Assert.Equal(TimeSpan.FromSeconds(60), state.ActiveTime);
        Assert.Equal([new DoneStep(1, 40)], state.DoneSteps);
    }

    [Fact]
    public async Task At_forty_times_the_speed_the_grace_is_still_real_time_and_only_what_ran_counts()
    {
        // Player:TimeScale 40: the session clock runs 40 times faster, the 30 s of grace are 20 minutes of it.
        _runs = new(Factory, _time, _services.GetRequiredService<SessionStore>(), new PlayerOptions(Grace, TimeScale: 40));
        var id = await StartAsync();
        await using (await OpenAsync(id))
        {
            Wait(12);
        }

        Wait((Grace.TotalSeconds * 40) - 1);
        Assert.Equal(SessionStatus.Running, (await SavedAsync(id)).Status);
        Assert.Equal(0, await RecordedAsync(id));

        Wait(1);
        await EventuallyAsync(async () => (await SavedAsync(id)).Status == SessionStatus.Paused, "the session was paused");
        var state = (await SavedAsync(id)).State;
        Assert.Equal((1, TimeSpan.FromSeconds(38), TimeSpan.FromSeconds(12)), (state.StepIndex, state.StepRemaining, state.ActiveTime));
        Assert.Equal(0, await RecordedAsync(id));
    }

    [Fact]
    public async Task A_clock_a_page_has_read_stays_as_it_was_when_the_session_moves_on_or_ends()
    {
        var id = await StartAsync();
        await using var lease = await OpenAsync(id);
        var shown = lease.Session.Clock;
        var step = shown.Current;

        // The timer ends the session while a page is still rendering the clock it read.
        Wait(200);
        await lease.Session.CatchUpAsync();

        Assert.Equal(SessionStatus.Completed, lease.Session.Clock.Status);
        Assert.Null(lease.Session.Clock.Current);
        Assert.Equal(SessionStatus.Running, shown.Status);
        Assert.Same(step, shown.Current);
    }

    [Fact]
    public async Task A_session_that_ends_within_the_grace_with_nobody_back_is_not_recorded_but_paused_where_they_left()
    {
        var id = await StartAsync();
        await using (await OpenAsync(id))
        {
            Wait(100);
        }

        // It runs to its end in memory, as the browser would on its own, but nobody came back to see it.
        Wait(25);
        Wait(5);

        await EventuallyAsync(async () => (await SavedAsync(id)).Status == SessionStatus.Paused, "the session was paused");
        var state = (await SavedAsync(id)).State;
        Assert.Equal((5, TimeSpan.FromSeconds(25)), (state.StepIndex, state.StepRemaining));
        Assert.Equal(0, await RecordedAsync(id));
    }

    [Fact]
    public async Task A_session_that_ended_while_its_page_reconnected_is_recorded_once_the_page_is_back()
    {
        var id = await StartAsync();
        await using var lease = await OpenAsync(id);
        Wait(100);
        await lease.SetConnectedAsync(false);
        Wait(27);
        Assert.Equal(0, await RecordedAsync(id));

        await lease.SetConnectedAsync(true);

        Assert.Equal(SessionStatus.Completed, lease.Session.Clock.Status);
        Assert.Equal(1, await RecordedAsync(id));
        await using var db = await Factory.CreateDbContextAsync();
        Assert.Equal(125, (await db.CompletedSessions.SingleAsync(s => s.RunId == id)).ActiveSeconds);
    }

    [Fact]
    public async Task A_restart_with_nobody_connected_ends_paused_where_a_page_was_last_seen()
    {
        var id = await StartAsync();
        var lease = await OpenAsync(id);

        // The page is there for 25 s; the saved state notes it every 10 s, with the step changes.
        for (var second = 0; second < 25; second++)
        {
            Wait(1);
        }

        await EventuallyAsync(async () => (await SavedAsync(id)).State.LastSeenAt == Morning.AddSeconds(20), "the page was noted at 20 s");

        // kill -9: nothing is released, nothing more is saved. The server comes back ten minutes later.
        lease.Session.Dispose();
        _runs = NewServer();
        Wait(600);
        await using var reopened = await OpenAsync(id);

        var clock = reopened.Session.Clock;
        Assert.Equal(SessionStatus.Paused, clock.Status);
        Assert.True(clock.State.PausedAway);
        Assert.Equal((1, TimeSpan.FromSeconds(30)), (clock.State.StepIndex, clock.Remaining));
        Assert.Equal(TimeSpan.FromSeconds(20), clock.ActiveTime);
        Assert.Equal(0, await RecordedAsync(id));
    }

    [Fact]
    public async Task A_quick_restart_keeps_a_session_running_for_the_page_that_reconnects()
    {
        var id = await StartAsync();
        var lease = await OpenAsync(id);
        Wait(12);
        await lease.Session.CatchUpAsync();

        lease.Session.Dispose();
        _runs = NewServer();
        Wait(8);
        await using var reconnected = await OpenAsync(id);

        Assert.Equal(SessionStatus.Running, reconnected.Session.Clock.Status);
        Assert.Equal((1, TimeSpan.FromSeconds(30)), (reconnected.Session.Clock.State.StepIndex, reconnected.Session.Clock.Remaining));
    }

    [Fact]
    public async Task A_prerendered_page_alone_does_not_keep_a_session_going()
    {
        var id = await StartAsync();
        await (await OpenAsync(id)).DisposeAsync();

        Wait(5);
        await using var prerendered = await OpenAsync(id, connected: false);
        Wait(Grace.TotalSeconds);

        await EventuallyAsync(() => Task.FromResult(prerendered.Session.Clock.Status == SessionStatus.Paused), "the session was paused");
        Assert.Equal(TimeSpan.FromSeconds(10), prerendered.Session.Clock.Remaining);
    }

    [Fact]
    public async Task A_session_saved_before_pages_were_noted_pauses_where_it_was_last_saved()
    {
        var id = await StartAsync();
        await using (var db = await Factory.CreateDbContextAsync())
        {
            var run = await db.SessionRuns.SingleAsync(r => r.Id == id);
            run.State = run.State with { LastSeenAt = null };
            run.UpdatedAt = Morning.AddSeconds(15);
            await db.SaveChangesAsync();
        }

        Wait(3600);
        await using var lease = await OpenAsync(id);

        Assert.Equal((SessionStatus.Paused, 1, TimeSpan.FromSeconds(35)), (lease.Session.Clock.Status, lease.Session.Clock.State.StepIndex, lease.Session.Clock.Remaining));
    }

    [Fact]
    public async Task While_a_page_watches_the_saved_state_notes_it_every_ten_seconds_without_re_rendering()
    {
        var id = await StartAsync();
        await using var lease = await OpenAsync(id);
        Wait(10);
        await lease.Session.CatchUpAsync();
        var changes = 0;
        lease.Session.Changed += () => changes++;

        Wait(10);

        await EventuallyAsync(async () => (await SavedAsync(id)).State.LastSeenAt == Morning.AddSeconds(20), "the page was noted at 20 s");
        Assert.Equal(0, changes);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }
}
