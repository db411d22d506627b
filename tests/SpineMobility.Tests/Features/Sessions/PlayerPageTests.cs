using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Hosting;

namespace SpineMobility.Tests.Features.Sessions;

/// <summary>The player page on a real (in-memory) SQLite catalog, with time faked.</summary>
public sealed class PlayerPageTests : ComponentTest
{
    private static readonly Visitor Me = new("0123456789abcdef0123456789abcdef");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly BunitJSModuleInterop _module;

    public PlayerPageTests()
    {
        _connection.Open();
        Services.AddDbContextFactory<AppDbContext>(options => options.UseSqlite(_connection));
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton<ExerciseCatalog>();
        Services.AddSingleton<SessionStore>();
        Services.AddSingleton<SessionRuns>();
        Services.AddSingleton<SpineMobility.Web.Features.Settings.SettingsStore>();
        Services.AddLogging();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _module = JSInterop.SetupModule("./js/player.js");
        _module.Mode = JSRuntimeMode.Loose;
        _module.Setup<PlayerPage.SoundPreferences>("preferences").SetResult(new(Sound: true, Voice: true));

        using var db = Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        db.Database.Migrate();
        CatalogSync.RunAsync(db, TestCatalog.Fresh(), CancellationToken.None).GetAwaiter().GetResult();
    }

    // Chin tucks (reps) then knee-to-chest (each side).
    private async Task<Guid> StartAsync()
    {
        var routine = new Routine(new RoutineRequest(10, [], Level.Standard, false, 1),
        [
            new RoutineBlock(SessionPhase.Mobility, "chin-tucks", "Chin tucks", false, DoseKind.Reps, 40, 8, 5, 10),
            new RoutineBlock(SessionPhase.CoolDown, "knee-to-chest", "Knee-to-chest", true, DoseKind.Hold, 30, null, null, 10),
        ]);
        return await Services.GetRequiredService<SessionRuns>().StartAsync(routine, "Test routine", Me, "Europe/Berlin");
    }

    private async Task<IRenderedComponent<PlayerPage>> OpenAsync()
    {
        var id = await StartAsync();
        return Render<PlayerPage>(p => p.Add(x => x.Id, id).AddCascadingValue(Me));
    }

    private void Wait(double seconds) => _time.Advance(TimeSpan.FromSeconds(seconds));

    [Fact]
    public async Task The_player_shows_the_current_step_its_countdown_what_comes_next_and_the_controls()
    {
        var player = await OpenAsync();

        Assert.Equal("Get ready", player.Find("[data-testid=step-kind]").TextContent.Trim());
        Assert.Equal("Chin tucks", player.Find("[data-testid=exercise-name]").TextContent.Trim());
        Assert.Equal("0:10", player.Find("[data-testid=countdown]").TextContent.Trim());
        Assert.Contains("Knee-to-chest", player.Find("[data-testid=next-up]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Spine mobility · phase 1 of 2", player.Find("[data-testid=phase]").TextContent, StringComparison.Ordinal);
        foreach (var control in new[] { "Back", "Pause", "Skip" })
        {
            Assert.NotNull(player.Find($"button[aria-label={control}]"));
        }
    }

    [Fact]
    public async Task The_player_moves_on_by_itself_when_the_step_ends()
    {
        var player = await OpenAsync();

        Wait(10);

        player.WaitForAssertion(() => Assert.Equal("Move", player.Find("[data-testid=step-kind]").TextContent.Trim()));
        Assert.Equal("Rep 1 of 8", player.Find("[data-testid=reps]").TextContent.Trim());
        Assert.NotNull(player.Find("button:contains('Done')"));
    }

    [Fact]
    public async Task Counting_down_within_a_step_does_not_re_render_the_page()
    {
        var player = await OpenAsync();
        Wait(10);
        player.WaitForAssertion(() => Assert.Equal("Move", player.Find("[data-testid=step-kind]").TextContent.Trim()));
        var renders = player.RenderCount;

        for (var second = 0; second < 39; second++)
        {
            Wait(1);
        }

        Assert.Equal(renders, player.RenderCount);
    }

    [Fact]
    public async Task Space_pauses_and_resumes()
    {
        var player = await OpenAsync();

        await player.InvokeAsync(() => player.Instance.OnKey(PlayerKeys.Toggle));
        player.WaitForAssertion(() => Assert.NotNull(player.Find("[data-testid=paused]")));
        Assert.NotNull(player.Find("button[aria-label=Resume]"));

        await player.InvokeAsync(() => player.Instance.OnKey(PlayerKeys.Toggle));
        player.WaitForAssertion(() => Assert.Empty(player.FindAll("[data-testid=paused]")));
    }

    [Fact]
    public async Task The_right_arrow_skips_and_the_left_arrow_goes_back()
    {
        var player = await OpenAsync();

        await player.InvokeAsync(() => player.Instance.OnKey(PlayerKeys.Skip));
        player.WaitForAssertion(() => Assert.Equal("Move", player.Find("[data-testid=step-kind]").TextContent.Trim()));

        await player.InvokeAsync(() => player.Instance.OnKey(PlayerKeys.Back));
        player.WaitForAssertion(() => Assert.Equal("Get ready", player.Find("[data-testid=step-kind]").TextContent.Trim()));
    }

    [Fact]
    public async Task A_per_side_exercise_says_which_side_is_working()
    {
        var player = await OpenAsync();

        Wait(10 + 40 + 10);

        player.WaitForAssertion(() => Assert.Equal("Left side", player.Find("[data-testid=side]").TextContent.Trim()));
        Wait(30);
        player.WaitForAssertion(() => Assert.Equal("Switch sides", player.Find("[data-testid=step-kind]").TextContent.Trim()));
        Wait(5);
        player.WaitForAssertion(() => Assert.Equal("Right side", player.Find("[data-testid=side]").TextContent.Trim()));
    }

    [Fact]
    public async Task The_browser_is_told_the_step_and_its_remaining_time_to_animate()
    {
        var player = await OpenAsync();

        player.WaitForAssertion(() => Assert.Contains(_module.Invocations, i => i.Identifier == "update"));
        var update = _module.Invocations.Last(i => i.Identifier == "update").Arguments.Single()!;
        var remaining = (double)update.GetType().GetProperty("remainingMs")!.GetValue(update)!;
        var running = (bool)update.GetType().GetProperty("running")!.GetValue(update)!;
        Assert.Equal(10_000, remaining);
        Assert.True(running);
    }

    [Fact]
    public async Task The_finished_session_shows_a_summary_and_is_recorded_once()
    {
        var player = await OpenAsync();

        Wait(10 + 40 + 10 + 30 + 5 + 30);

        player.WaitForAssertion(() => Assert.Equal("Session complete", player.Find("[data-testid=summary-title]").TextContent.Trim()));
        Assert.Equal("2", player.Find("[data-testid=summary-exercises]").TextContent.Trim());
        Assert.Equal("2 min 5 s", player.Find("[data-testid=summary-time]").TextContent.Trim());

        // Reloading the page opens the run again; it is still recorded once.
        var again = Render<PlayerPage>(p => p.Add(x => x.Id, player.Instance.Id).AddCascadingValue(Me));
        again.WaitForAssertion(() => Assert.NotNull(again.Find("[data-testid=summary-title]")));
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var recorded = await db.CompletedSessions.Include(s => s.Exercises).SingleAsync();
        Assert.Equal(125, recorded.ActiveSeconds);
        Assert.Equal("Europe/Berlin", recorded.TimeZone);
        Assert.Equal(new DateOnly(2026, 11, 26), recorded.LocalDate);
        Assert.Equal(2, recorded.Exercises.Count);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _connection.DisposeAsync();
    }
}
