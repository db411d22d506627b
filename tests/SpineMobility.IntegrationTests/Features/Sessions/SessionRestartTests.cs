using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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

namespace SpineMobility.IntegrationTests.Features.Sessions;

/// <summary>
/// Sessions that outlive the app, and saves that fail or race another writer: each test has its own host on its own
/// database (restarted where it needs), with time faked.
/// </summary>
public sealed class SessionRestartTests : IAsyncLifetime
{
    private static readonly Visitor Alice = new("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

    private readonly TestDatabase _database = TestDatabase.ForSuite();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 23, 50, 0, TimeSpan.Zero));
    private readonly HeldReads _held = new();
    private readonly OtherWriter _otherWriter = new();
    private SpineMobilityApp _app = default!;

    public Task InitializeAsync()
    {
        _app = Start();
        return Task.CompletedTask;
    }

    private SpineMobilityApp Start(IDictionary<string, string?>? settings = null)
    {
        var app = new SpineMobilityApp(database: _database, settings: settings, services: s =>
        {
            s.AddSingleton<TimeProvider>(_time);
            s.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(_held, _otherWriter));
        });
        _ = app.Server;
        return app;
    }

    private SessionRuns Runs => _app.Services.GetRequiredService<SessionRuns>();

    private async Task<Guid> StartRoutineAsync(Visitor visitor, string timeZone = "Asia/Tokyo", int minutes = 10)
    {
        var catalog = await _app.Services.GetRequiredService<ExerciseCatalog>().ActiveAsync();
        var routine = RoutineGenerator.Generate(new RoutineRequest(minutes, [Region.Cervical], Level.Standard, false, 5), catalog);
        return await Runs.StartAsync(routine, "Neck test", visitor, timeZone);
    }

    private async Task<int> RecordedCountAsync(Guid runId)
    {
        await using var db = _app.CreateDbContext();
        return await db.CompletedSessions.CountAsync(s => s.RunId == runId);
    }

    [Fact]
    public async Task After_a_server_restart_the_session_resumes_on_the_same_step_with_the_right_time()
    {
        var id = await StartRoutineAsync(Alice);
        int step;
        using (var lease = await Runs.OpenAsync(id, Alice))
        {
            _time.Advance(TimeSpan.FromSeconds(70));
            await lease!.Session.CatchUpAsync();
            await lease.Session.PauseAsync();
            step = lease.Session.Clock.State.StepIndex;
        }

        var remaining = await RemainingAfterRestartAsync(id);

        Assert.Equal(step, remaining.Step);
        Assert.Equal(SessionStatus.Paused, remaining.Status);
        var timeline = remaining.Timeline;
        Assert.Equal(timeline.StartOf(step + 1) - TimeSpan.FromSeconds(70), remaining.Remaining);
    }

    [Fact]
    public async Task A_running_session_keeps_counting_across_a_restart_its_page_comes_back_from_within_the_grace()
    {
        var id = await StartRoutineAsync(Alice);
        await _app.DisposeAsync();
        _time.Advance(TimeSpan.FromSeconds(22));
        _app = Start();

        using var lease = await Runs.OpenAsync(id, Alice);

        var clock = lease!.Session.Clock;
        Assert.Equal(SessionStatus.Running, clock.Status);
        var expected = clock.Timeline.Steps.First(s => clock.Timeline.StartOf(s.Index + 1) > TimeSpan.FromSeconds(22));
        Assert.Equal(expected.Index, clock.State.StepIndex);
        Assert.Equal(clock.Timeline.StartOf(expected.Index + 1) - TimeSpan.FromSeconds(22), clock.Remaining);
    }

    [Fact]
    public async Task A_running_session_nobody_came_back_to_is_paused_after_a_restart_where_a_page_last_saw_it()
    {
        var id = await StartRoutineAsync(Alice);
        SessionTimeline timeline;
        using (var lease = await Runs.OpenAsync(id, Alice))
        {
            timeline = lease!.Session.Clock.Timeline;
            _time.Advance(TimeSpan.FromSeconds(4));
            await lease.Session.CatchUpAsync();
            lease.Session.Dispose(); // the process dies with the page still on it: nothing more is saved
        }

        await _app.DisposeAsync();
        _time.Advance(TimeSpan.FromMinutes(20));
        _app = Start();
        using var reopened = await Runs.OpenAsync(id, Alice);

        var clock = reopened!.Session.Clock;
        Assert.Equal(SessionStatus.Paused, clock.Status);
        Assert.Equal((0, timeline.Steps[0].Duration), (clock.State.StepIndex, clock.Remaining));
        Assert.Equal(0, await RecordedCountAsync(id));
    }

    [Fact]
    public async Task The_reconnect_grace_is_read_from_the_configuration()
    {
        await _app.DisposeAsync();
        _app = Start(new Dictionary<string, string?> { ["Player:ReconnectGraceSeconds"] = "5" });
        var id = await StartRoutineAsync(Alice);
        await (await Runs.OpenAsync(id, Alice))!.DisposeAsync();

        _time.Advance(TimeSpan.FromSeconds(4));
        await using (var reload = await Runs.OpenAsync(id, Alice, connected: false))
        {
            Assert.Equal(SessionStatus.Running, reload!.Session.Clock.Status);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        await using var later = await Runs.OpenAsync(id, Alice);
        Assert.Equal(SessionStatus.Paused, later!.Session.Clock.Status);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("soon")]
    public async Task A_bad_reconnect_grace_stops_the_app_with_a_message_naming_it(string value)
    {
        await using var app = new SpineMobilityApp(settings: new Dictionary<string, string?> { ["Player:ReconnectGraceSeconds"] = value });

        var error = Record.Exception(() => app.Server);

        Assert.Contains("Player:ReconnectGraceSeconds", error?.ToString() ?? "", StringComparison.Ordinal);
        app.DeleteDatabase();
    }

    [Fact]
    public async Task A_session_ended_while_the_database_refuses_to_record_it_says_so_and_is_recorded_with_the_next_save()
    {
        var id = await StartRoutineAsync(Alice);
        using var lease = await Runs.OpenAsync(id, Alice);
        var session = lease!.Session;
        _time.Advance(session.Clock.Timeline.StartOf(2));
        await session.CatchUpAsync();

        // A refusal that is a constraint failure (SQLite's error 19, PostgreSQL's check violation) but not "already recorded".
        await using (await _database.RefuseInsertsAsync("CompletedSessions"))
        {
            await session.EndAsync();

            Assert.True(session.SaveFailed);
            Assert.Equal(0, await RecordedCountAsync(id));
        }

        await session.CatchUpAsync();
        Assert.False(session.SaveFailed);
        Assert.Equal(1, await RecordedCountAsync(id));
    }

    [Fact]
    public async Task Side_answers_moved_by_a_gentler_exercise_are_not_lost_when_recording_the_session_fails()
    {
        var routine = new Routine(new RoutineRequest(10, [], Level.Standard, false, 1),
        [
            new RoutineBlock(SessionPhase.Mobility, "chin-tucks", "Chin tucks", false, DoseKind.Reps, 40, 8, 5, 10),
            new RoutineBlock(SessionPhase.Mobility, "knee-to-chest", "Knee-to-chest", true, DoseKind.Hold, 30, null, null, 10),
        ]);
        var id = await Runs.StartAsync(routine, "Sides", Alice, "UTC");
        var easier = (await _app.Services.GetRequiredService<ExerciseCatalog>().ActiveAsync()).Single(e => e.Slug == "neck-tilts");
        using var lease = await Runs.OpenAsync(id, Alice);
        var session = lease!.Session;
        _time.Advance(TimeSpan.FromSeconds(10 + 40 + 10 + 30 + 5 + 30 - 1));
        await session.CatchUpAsync();
        Assert.True(await session.AnswerSideAsync(1, TighterSide.Left));
        for (var back = 0; back < 5; back++)
        {
            await session.BackAsync();
        }

        // The plan changes while the run cannot be saved, then the session ends while it cannot be recorded.
        await using (await _database.RefuseUpdatesAsync("SessionRuns"))
        {
            await session.SwapForEasierAsync(0, easier);
            Assert.True(session.SaveFailed);
        }

        await using (await _database.RefuseInsertsAsync("CompletedSessions"))
        {
            await session.EndAsync();
            Assert.True(session.SaveFailed);
        }

        await session.CatchUpAsync();
        Assert.False(session.SaveFailed);
        await using var check = _app.CreateDbContext();
        var answer = await check.SideReports.SingleAsync(s => s.RunId == id);
        Assert.Equal((2, "knee-to-chest"), (answer.BlockIndex, answer.ExerciseSlug));
        Assert.Equal(["chin-tucks", "neck-tilts", "knee-to-chest"], (await check.SessionRuns.SingleAsync(r => r.Id == id)).Blocks.Select(b => b.Slug));
        Assert.Equal(1, await RecordedCountAsync(id));
    }

    [Fact]
    public async Task A_run_another_writer_recorded_first_is_confirmed_by_reading_and_the_rest_of_the_save_is_kept()
    {
        var id = await StartRoutineAsync(Alice);
        using var lease = await Runs.OpenAsync(id, Alice);
        var session = lease!.Session;
        _time.Advance(session.Clock.Timeline.StartOf(2));
        await session.CatchUpAsync();

        _otherWriter.RecordFirst(id);
        await session.EndAsync();

        Assert.False(session.SaveFailed);
        Assert.Equal(1, await RecordedCountAsync(id));
        await using var db = _app.CreateDbContext();
        Assert.Equal(SessionStatus.Ended, (await db.SessionRuns.SingleAsync(r => r.Id == id)).Status);
    }

    [Fact]
    public async Task Letting_go_of_a_session_never_waits_for_another_that_is_still_opening()
    {
        var first = await StartRoutineAsync(Alice);
        var second = await StartRoutineAsync(Alice);
        var lease = await Runs.OpenAsync(first, Alice);

        _held.HoldNext("SessionRuns");
        var opening = Runs.OpenAsync(second, Alice);
        await _held.Holding;

        var letGo = Task.Run(() => lease!.Dispose());
        var done = await Task.WhenAny(letGo, Task.Delay(TimeSpan.FromSeconds(10)));
        _held.Release();

        Assert.Same(letGo, done);
        await using var opened = await opening;
        Assert.NotNull(opened);
    }

    private async Task<(int Step, SessionStatus Status, TimeSpan Remaining, SessionTimeline Timeline)> RemainingAfterRestartAsync(Guid id)
    {
        await _app.DisposeAsync();
        _time.Advance(TimeSpan.FromHours(2));
        _app = Start();
        using var lease = await Runs.OpenAsync(id, Alice);
        var clock = lease!.Session.Clock;
        return (clock.State.StepIndex, clock.Status, clock.Remaining, clock.Timeline);
    }

    [Fact]
    public async Task A_gentler_exercise_put_in_while_saving_fails_is_saved_with_the_next_change_and_survives_a_restart()
    {
        var id = await StartRoutineAsync(Alice);
        var easier = (await _app.Services.GetRequiredService<ExerciseCatalog>().ActiveAsync()).Single(e => e.Slug == "neck-tilts");
        using (var lease = await Runs.OpenAsync(id, Alice))
        {
            var session = lease!.Session;
            var hurting = session.Clock.Current!.Block.Slug;
            using var health = _app.CreateClient();
            await using (await _database.RefuseUpdatesAsync("SessionRuns"))
            {
                await session.SwapForEasierAsync(0, easier);
                Assert.True(session.SaveFailed);
                Assert.Equal("neck-tilts", session.Clock.Current!.Block.Slug);

                // While saves fail, the health check says so.
                Assert.StartsWith("Degraded", await health.GetStringAsync("/healthz"), StringComparison.Ordinal);
            }

            await session.PauseAsync();
            Assert.False(session.SaveFailed);
            Assert.Equal(hurting, session.Run.Blocks[0].Slug);
            Assert.Equal("Healthy", await health.GetStringAsync("/healthz"));
        }

        await _app.DisposeAsync();
        _app = Start();
        using var reopened = await Runs.OpenAsync(id, Alice);
        Assert.Equal("neck-tilts", reopened!.Session.Run.Blocks[1].Slug);
        Assert.Equal("neck-tilts", reopened.Session.Clock.Current!.Block.Slug);
        Assert.Equal(SessionStatus.Paused, reopened.Session.Clock.Status);
    }

    public async Task DisposeAsync()
    {
        _held.Release();
        await _app.DisposeAsync();
        _database.Delete();
    }

    /// <summary>Another writer that records a run just before this app's own insert of it, as a second server could.</summary>
    private sealed class OtherWriter : SaveChangesInterceptor
    {
        private Guid? _run;

        public void RecordFirst(Guid run) => _run = run;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (_run is { } run && eventData.Context is AppDbContext db && db.ChangeTracker.Entries<CompletedSession>().Any(e => e.Entity.RunId == run))
            {
                _run = null;
                // On the save's own connection and transaction, before the savepoint EF takes: it is there when the insert
                // runs. Instants are copied from the run's row, so they are stored as each provider stores them.
                await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO "CompletedSessions" ("RunId", "BrowserKey", "Title", "StartedAt", "FinishedAt", "LocalDate", "TimeZone", "ActiveSeconds", "PlannedSeconds", "Finished")
                    SELECT "Id", "BrowserKey", 'Recorded elsewhere', "CreatedAt", "UpdatedAt", {new DateOnly(2026, 11, 27)}, 'UTC', 300, 600, FALSE
                    FROM "SessionRuns" WHERE "Id" = {run}
                    """,
                    cancellationToken);
            }

            return result;
        }
    }
}
