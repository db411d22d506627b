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

/// <summary>Sessions saved in a real SQLite file, through the app's own services, with time faked.</summary>
public sealed class SessionRunTests : IAsyncLifetime
{
    private static readonly Visitor Alice = new("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    private static readonly Visitor Bob = new("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");

    private readonly string _database = TempFiles.NewPath("sessions", ".db");
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
        var app = new SpineMobilityApp(databasePath: _database, settings: settings, services: s =>
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
    public async Task A_finished_session_is_recorded_once_with_the_users_local_date_and_zone()
    {
        var id = await StartRoutineAsync(Alice);
        await using (var lease = await Runs.OpenAsync(id, Alice))
        {
            _time.Advance(TimeSpan.FromMinutes(15));
            await lease!.Session.CatchUpAsync();
            await lease.Session.EndAsync();
            await lease.Session.SkipAsync();
        }

        for (var reload = 0; reload < 3; reload++)
        {
            await using var again = await Runs.OpenAsync(id, Alice);
            Assert.Equal(SessionStatus.Completed, again!.Session.Clock.Status);
        }

        await using var db = _app.CreateDbContext();
        var recorded = await db.CompletedSessions.Include(s => s.Exercises).SingleAsync(s => s.RunId == id);
        Assert.Equal("Asia/Tokyo", recorded.TimeZone);
        // Finished around 00:00 UTC on the 27th: already the 27th in Tokyo (UTC+9).
        Assert.Equal(new DateOnly(2026, 11, 27), recorded.LocalDate);
        Assert.True(recorded.Finished);
        Assert.InRange(recorded.ActiveSeconds, 570, 630);
        Assert.NotEmpty(recorded.Exercises);
        Assert.Equal(recorded.ActiveSeconds, recorded.PlannedSeconds);
    }

    [Fact]
    public async Task Ending_before_any_exercise_records_nothing()
    {
        var id = await StartRoutineAsync(Alice);
        await using var lease = await Runs.OpenAsync(id, Alice);

        _time.Advance(TimeSpan.FromSeconds(3));
        await lease!.Session.EndAsync();

        Assert.Equal(SessionStatus.Ended, lease.Session.Clock.Status);
        Assert.Equal(0, await RecordedCountAsync(id));
    }

    [Fact]
    public async Task Ending_early_after_an_exercise_records_what_was_done()
    {
        var id = await StartRoutineAsync(Alice);
        await using var lease = await Runs.OpenAsync(id, Alice);
        var firstWork = lease!.Session.Clock.Timeline.Steps.First(s => s.IsWork);

        _time.Advance(lease.Session.Clock.Timeline.StartOf(firstWork.Index + 1) + TimeSpan.FromSeconds(2));
        await lease.Session.EndAsync();

        await using var db = _app.CreateDbContext();
        var recorded = await db.CompletedSessions.Include(s => s.Exercises).SingleAsync(s => s.RunId == id);
        Assert.False(recorded.Finished);
        Assert.Equal(firstWork.Seconds, Assert.Single(recorded.Exercises).Seconds);
    }

    [Fact]
    public async Task After_a_server_restart_the_session_resumes_on_the_same_step_with_the_right_time()
    {
        var id = await StartRoutineAsync(Alice);
        int step;
        await using (var lease = await Runs.OpenAsync(id, Alice))
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
    public async Task A_running_session_keeps_counting_across_a_restart_its_page_comes_back_from()
    {
        var id = await StartRoutineAsync(Alice);
        await _app.DisposeAsync();
        _time.Advance(TimeSpan.FromSeconds(22));
        _app = Start();

        await using var lease = await Runs.OpenAsync(id, Alice);

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
        await using (var lease = await Runs.OpenAsync(id, Alice))
        {
            timeline = lease!.Session.Clock.Timeline;
            _time.Advance(TimeSpan.FromSeconds(4));
            await lease.Session.CatchUpAsync();
            lease.Session.Dispose(); // the process dies with the page still on it: nothing more is saved
        }

        await _app.DisposeAsync();
        _time.Advance(TimeSpan.FromMinutes(20));
        _app = Start();
        await using var reopened = await Runs.OpenAsync(id, Alice);

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
    public void A_bad_reconnect_grace_stops_the_app_with_a_message_naming_it(string value)
    {
        using var app = new SpineMobilityApp(settings: new Dictionary<string, string?> { ["Player:ReconnectGraceSeconds"] = value });

        var error = Record.Exception(() => app.Server);

        Assert.Contains("Player:ReconnectGraceSeconds", error?.ToString() ?? "", StringComparison.Ordinal);
        app.DeleteDatabase();
    }

    [Fact]
    public async Task A_session_ended_while_the_database_refuses_to_record_it_says_so_and_is_recorded_with_the_next_save()
    {
        var id = await StartRoutineAsync(Alice);
        await using var lease = await Runs.OpenAsync(id, Alice);
        var session = lease!.Session;
        _time.Advance(session.Clock.Timeline.StartOf(2));
        await session.CatchUpAsync();
        await using (var db = _app.CreateDbContext())
        {
            // A refusal that is a constraint failure (SQLite error 19) but not "already recorded".
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse BEFORE INSERT ON CompletedSessions BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        }

        await session.EndAsync();

        Assert.True(session.SaveFailed);
        Assert.Equal(0, await RecordedCountAsync(id));
        await using (var db = _app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse;");
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
        await using var lease = await Runs.OpenAsync(id, Alice);
        var session = lease!.Session;
        _time.Advance(TimeSpan.FromSeconds(10 + 40 + 10 + 30 + 5 + 30 - 1));
        await session.CatchUpAsync();
        Assert.True(await session.AnswerSideAsync(1, TighterSide.Left));
        for (var back = 0; back < 5; back++)
        {
            await session.BackAsync();
        }

        // The plan changes while the run cannot be saved, then the session ends while it cannot be recorded.
        await using (var db = _app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse BEFORE UPDATE ON SessionRuns BEGIN SELECT RAISE(ABORT, 'disk is full'); END;");
        }

        await session.SwapForEasierAsync(0, easier);
        Assert.True(session.SaveFailed);
        await using (var db = _app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse;");
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse BEFORE INSERT ON CompletedSessions BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        }

        await session.EndAsync();
        Assert.True(session.SaveFailed);

        await using (var db = _app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse;");
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
        await using var lease = await Runs.OpenAsync(id, Alice);
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
        await using var lease = await Runs.OpenAsync(id, Alice);
        var clock = lease!.Session.Clock;
        return (clock.State.StepIndex, clock.Status, clock.Remaining, clock.Timeline);
    }

    [Fact]
    public async Task A_gentler_exercise_put_in_while_saving_fails_is_saved_with_the_next_change_and_survives_a_restart()
    {
        var id = await StartRoutineAsync(Alice);
        var easier = (await _app.Services.GetRequiredService<ExerciseCatalog>().ActiveAsync()).Single(e => e.Slug == "neck-tilts");
        await using (var lease = await Runs.OpenAsync(id, Alice))
        {
            var session = lease!.Session;
            var hurting = session.Clock.Current!.Block.Slug;
            await using (var db = _app.CreateDbContext())
            {
                await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse BEFORE UPDATE ON SessionRuns BEGIN SELECT RAISE(ABORT, 'disk is full'); END;");
            }

            await session.SwapForEasierAsync(0, easier);
            Assert.True(session.SaveFailed);
            Assert.Equal("neck-tilts", session.Clock.Current!.Block.Slug);

            await using (var db = _app.CreateDbContext())
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse;");
            }

            await session.PauseAsync();
            Assert.False(session.SaveFailed);
            Assert.Equal(hurting, session.Run.Blocks[0].Slug);
        }

        await _app.DisposeAsync();
        _app = Start();
        await using var reopened = await Runs.OpenAsync(id, Alice);
        Assert.Equal("neck-tilts", reopened!.Session.Run.Blocks[1].Slug);
        Assert.Equal("neck-tilts", reopened.Session.Clock.Current!.Block.Slug);
        Assert.Equal(SessionStatus.Paused, reopened.Session.Clock.Status);
    }

    [Fact]
    public async Task A_gentler_exercise_put_in_after_going_back_keeps_later_side_answers_and_done_steps_on_their_exercises()
    {
        var routine = new Routine(new RoutineRequest(10, [], Level.Standard, false, 1),
        [
            new RoutineBlock(SessionPhase.Mobility, "chin-tucks", "Chin tucks", false, DoseKind.Reps, 40, 8, 5, 10),
            new RoutineBlock(SessionPhase.Mobility, "knee-to-chest", "Knee-to-chest", true, DoseKind.Hold, 30, null, null, 10),
            new RoutineBlock(SessionPhase.CoolDown, "childs-pose", "Child's pose", false, DoseKind.Hold, 30, null, null, 10),
        ]);
        var id = await Runs.StartAsync(routine, "Back and forth", Alice, "UTC");
        var easier = (await _app.Services.GetRequiredService<ExerciseCatalog>().ActiveAsync()).Single(e => e.Slug == "neck-tilts");
        await using (var lease = await Runs.OpenAsync(id, Alice))
        {
            var session = lease!.Session;
            _time.Advance(TimeSpan.FromSeconds(10 + 40 + 10 + 30 + 5 + 30 + 1));
            await session.CatchUpAsync();
            Assert.True(await session.AnswerSideAsync(1, TighterSide.Right));
            for (var back = 0; back < 5; back++)
            {
                await session.BackAsync();
            }

            Assert.Equal("chin-tucks", session.Clock.Current!.Block.Slug);
            await session.SwapForEasierAsync(0, easier);

            Assert.Equal(["chin-tucks", "neck-tilts", "knee-to-chest", "childs-pose"], session.Run.Blocks.Select(b => b.Slug));
            Assert.Equal(TighterSide.Right, session.Sides[2]);
            await session.EndAsync();
        }

        await using var db = _app.CreateDbContext();
        var answer = await db.SideReports.SingleAsync(s => s.RunId == id);
        Assert.Equal((2, "knee-to-chest"), (answer.BlockIndex, answer.ExerciseSlug));
        var recorded = await db.CompletedSessions.Include(s => s.Exercises).ThenInclude(e => e.Exercise).SingleAsync(s => s.RunId == id);
        Assert.Equal(new Dictionary<string, int> { ["chin-tucks"] = 40, ["knee-to-chest"] = 60 }, recorded.Exercises.ToDictionary(e => e.Exercise!.Slug, e => e.Seconds));
    }

    [Fact]
    public async Task Another_browser_cannot_open_someone_elses_session()
    {
        var id = await StartRoutineAsync(Alice);

        Assert.Null(await Runs.OpenAsync(id, Bob));

        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{Visitor.CookieName}={Bob.BrowserKey}");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/session/play/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_owner_opens_the_player_page_on_the_current_exercise()
    {
        var id = await StartRoutineAsync(Alice);
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{Visitor.CookieName}={Alice.BrowserKey}");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/session/play/{id}"));

        await using var lease = await Runs.OpenAsync(id, Alice);
        Assert.Contains(lease!.Session.Clock.Current!.Block.Name, html, StringComparison.Ordinal);
        Assert.Contains("Get ready", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_session_is_a_404()
    {
        using var client = _app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/session/play/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/session/play/not-a-guid")).StatusCode);
    }

    [Fact]
    public async Task A_first_visit_gets_a_private_visitor_cookie()
    {
        using var client = _app.CreateClient(new() { HandleCookies = false });

        var response = await client.GetAsync("/");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(Visitor.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/favicon.svg")]
    [InlineData("/api/exercises")]
    [InlineData("/healthz")]
    public async Task Files_and_the_api_get_no_visitor_cookie_so_they_stay_cacheable(string path)
    {
        using var client = _app.CreateClient(new() { HandleCookies = false });

        var response = await client.GetAsync(path);

        response.EnsureSuccessStatusCode();
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(Visitor.CookieName, StringComparison.Ordinal)));
    }

    public async Task DisposeAsync()
    {
        _held.Release();
        await _app.DisposeAsync();
        _app.DeleteDatabase();
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
                // On the save's own connection and transaction, before the savepoint EF takes: it is there when the insert runs.
                await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO CompletedSessions (RunId, BrowserKey, Title, StartedAt, FinishedAt, LocalDate, TimeZone, ActiveSeconds, PlannedSeconds, Finished)
                    VALUES ({run}, {Alice.BrowserKey}, 'Recorded elsewhere', '2026-11-26 23:50:00+00:00', '2026-11-26 23:55:00+00:00', '2026-11-27', 'UTC', 300, 600, 0)
                    """,
                    cancellationToken);
            }

            return result;
        }
    }
}
