using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Hosting;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Features.Sessions;

/// <summary>Sessions saved in the database, through the app's own services, with time faked.</summary>
[Collection(AppCollection.Name)]
public sealed class SessionRunTests
{
    private readonly Visitor _alice = new(Guid.NewGuid().ToString("N"));
    private readonly Visitor _bob = new(Guid.NewGuid().ToString("N"));

    private readonly TestClock _time;
    private readonly SpineMobilityApp _app;

    public SessionRunTests(AppFixture fixture)
    {
        _app = fixture.App;
        _time = fixture.Clock;
        _time.Reset(new DateTimeOffset(2026, 11, 26, 23, 50, 0, TimeSpan.Zero));
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
        var id = await StartRoutineAsync(_alice);
        using (var lease = await Runs.OpenAsync(id, _alice))
        {
            _time.Advance(TimeSpan.FromMinutes(15));
            await lease!.Session.CatchUpAsync();
            await lease.Session.EndAsync();
            await lease.Session.SkipAsync();
        }

        for (var reload = 0; reload < 3; reload++)
        {
            using var again = await Runs.OpenAsync(id, _alice);
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
        var id = await StartRoutineAsync(_alice);
        using var lease = await Runs.OpenAsync(id, _alice);

        _time.Advance(TimeSpan.FromSeconds(3));
        await lease!.Session.EndAsync();

        Assert.Equal(SessionStatus.Ended, lease.Session.Clock.Status);
        Assert.Equal(0, await RecordedCountAsync(id));
    }

    [Fact]
    public async Task Ending_early_after_an_exercise_records_what_was_done()
    {
        var id = await StartRoutineAsync(_alice);
        using var lease = await Runs.OpenAsync(id, _alice);
        var firstWork = lease!.Session.Clock.Timeline.Steps.First(s => s.IsWork);

        _time.Advance(lease.Session.Clock.Timeline.StartOf(firstWork.Index + 1) + TimeSpan.FromSeconds(2));
        await lease.Session.EndAsync();

        await using var db = _app.CreateDbContext();
        var recorded = await db.CompletedSessions.Include(s => s.Exercises).SingleAsync(s => s.RunId == id);
        Assert.False(recorded.Finished);
        Assert.Equal(firstWork.Seconds, Assert.Single(recorded.Exercises).Seconds);
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
        var id = await Runs.StartAsync(routine, "Back and forth", _alice, "UTC");
        var easier = (await _app.Services.GetRequiredService<ExerciseCatalog>().ActiveAsync()).Single(e => e.Slug == "neck-tilts");
        using (var lease = await Runs.OpenAsync(id, _alice))
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

    /// <summary>Saves the run as another writer would (another instance this one was not told about): over its version, counting it up.</summary>
    private async Task WriteBehindItsBackAsync(Guid id, Action<SessionClock> change)
    {
        await using var db = _app.CreateDbContext();
        var run = await db.SessionRuns.SingleAsync(r => r.Id == id);
        var clock = new SessionClock(SessionTimeline.From(run.Blocks), run.State, _time);
        change(clock);
        run.State = clock.State;
        run.Status = clock.Status;
        run.Version++;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_change_meeting_a_save_another_writer_made_first_reads_the_run_again_then_is_refused_or_applied_to_it()
    {
        // With SQLite alone this never happens (every change of a run goes through its one live player); it is how
        // instances sharing a PostgreSQL database stay right when a signal between them is late or lost.
        var id = await StartRoutineAsync(_alice);
        await using var lease = (await Runs.OpenAsync(id, _alice))!;
        var session = lease.Session;
        var told = 0;
        session.Changed += () => Interlocked.Increment(ref told);

        // Paused elsewhere while this page shows it running: its pause-or-resume would resume it, so it is refused, and
        // the page is told what is there now.
        await WriteBehindItsBackAsync(id, clock => clock.Pause());
        await session.TogglePauseAsync();
        await using (var db = _app.CreateDbContext())
        {
            var saved = await db.SessionRuns.AsNoTracking().SingleAsync(r => r.Id == id);
            Assert.Equal(SessionStatus.Paused, saved.Status);
            Assert.Equal(saved.Version, session.Run.Version);
        }

        Assert.Equal(SessionStatus.Paused, session.Clock.Status);
        Assert.True(told > 0);
        Assert.False(session.SaveFailed);

        // Saved elsewhere without moving the step (the version moves on): a skip of the step shown is applied again, once.
        await session.ResumeAsync();
        await WriteBehindItsBackAsync(id, clock => clock.Seen(_time.GetUtcNow()));
        await session.SkipAsync();
        await using (var db = _app.CreateDbContext())
        {
            var saved = await db.SessionRuns.AsNoTracking().SingleAsync(r => r.Id == id);
            Assert.Equal((SessionStatus.Running, 1), (saved.Status, saved.State.StepIndex));
            Assert.Equal(saved.Version, session.Run.Version);
        }

        Assert.Equal(1, session.Clock.State.StepIndex);
    }

    [Fact]
    public async Task Another_browser_cannot_open_someone_elses_session()
    {
        var id = await StartRoutineAsync(_alice);

        Assert.Null(await Runs.OpenAsync(id, _bob));

        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{Visitor.CookieName}={_bob.BrowserKey}");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/session/play/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_owner_opens_the_player_page_on_the_current_exercise()
    {
        var id = await StartRoutineAsync(_alice);
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{Visitor.CookieName}={_alice.BrowserKey}");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/session/play/{id}"));

        using var lease = await Runs.OpenAsync(id, _alice);
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
}
