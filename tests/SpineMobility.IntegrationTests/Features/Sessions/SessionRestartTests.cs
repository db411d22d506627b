using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Hosting;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Features.Sessions;

/// <summary>Sessions that outlive the app: each test restarts its own host on its own database, with time faked.</summary>
public sealed class SessionRestartTests : IAsyncLifetime
{
    private static readonly Visitor Alice = new("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

    private readonly TestDatabase _database = TestDatabase.ForSuite();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 23, 50, 0, TimeSpan.Zero));
    private SpineMobilityApp _app = default!;

    public Task InitializeAsync()
    {
        _app = Start();
        return Task.CompletedTask;
    }

    private SpineMobilityApp Start()
    {
        var app = new SpineMobilityApp(database: _database, services: s => s.AddSingleton<TimeProvider>(_time));
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
    public async Task A_running_session_keeps_counting_across_a_restart()
    {
        var id = await StartRoutineAsync(Alice);
        await _app.DisposeAsync();
        _time.Advance(TimeSpan.FromSeconds(42));
        _app = Start();

        using var lease = await Runs.OpenAsync(id, Alice);

        var clock = lease!.Session.Clock;
        var expected = clock.Timeline.Steps.First(s => clock.Timeline.StartOf(s.Index + 1) > TimeSpan.FromSeconds(42));
        Assert.Equal(expected.Index, clock.State.StepIndex);
        Assert.Equal(clock.Timeline.StartOf(expected.Index + 1) - TimeSpan.FromSeconds(42), clock.Remaining);
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
        await _app.DisposeAsync();
        _database.Delete();
    }
}
