using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Hosting;
using SpineMobility.Web.Shared;

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
        Services.AddSingleton<SafetyStore>();
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

    private static AngleSharp.Dom.IElement Chip(IRenderedComponent<PlayerPage> player, string text) =>
        player.FindAll(".this-hurts .mud-chip").First(c => c.TextContent.Trim() == text);

    private static void ClickButton(IRenderedComponent<PlayerPage> player, string text) =>
        player.FindAll("button").First(b => b.TextContent.Trim().StartsWith(text, StringComparison.Ordinal)).Click();

    private async Task<IRenderedComponent<PlayerPage>> HurtingInKneeToChestAsync(int pain)
    {
        var player = await OpenAsync();
        Wait(10 + 40 + 10 + 5);
        player.WaitForAssertion(() => Assert.Equal("Left side", player.Find("[data-testid=side]").TextContent.Trim()));

        player.Find("[data-testid=this-hurts-button]").Click();
        player.WaitForAssertion(() => Assert.NotNull(player.Find("[data-testid=this-hurts]")));
        Chip(player, pain.ToString(System.Globalization.CultureInfo.InvariantCulture)).Click();
        Chip(player, "Lower back").Click();
        ClickButton(player, "Next");
        return player;
    }

    [Fact]
    public async Task A_rep_set_shows_the_drawing_moving_at_the_exercises_tempo_with_its_descriptions()
    {
        var player = await OpenAsync();
        Wait(10);

        player.WaitForAssertion(() => Assert.Equal("Move", player.Find("[data-testid=step-kind]").TextContent.Trim()));
        var figure = player.Find("[data-testid=figure]");
        Assert.Contains("figure-moving", figure.ClassList);
        Assert.Equal("--tempo: 5s", figure.GetAttribute("style"));
        var chinTucks = TestCatalog.Get("chin-tucks").Illustration;
        Assert.Equal([chinTucks.StartAlt, chinTucks.EndAlt], figure.QuerySelectorAll("img").Select(i => i.GetAttribute("alt")));
    }

    [Fact]
    public async Task With_reduced_motion_the_players_drawing_stands_still()
    {
        _module.Setup<bool>("reducedMotion").SetResult(true);
        var player = await OpenAsync();
        Wait(10);

        player.WaitForAssertion(() => Assert.Contains("figure-pair", player.Find("[data-testid=figure]").ClassList));
        Assert.DoesNotContain("figure-moving", player.Find("[data-testid=figure]").ClassList);
        Assert.Empty(player.FindAll(".figure-moving, .figure-settling"));
    }

    [Fact]
    public async Task Getting_ready_shows_the_cautions_and_the_first_step_reminds_to_stay_comfortable()
    {
        var player = await OpenAsync();

        Assert.Contains("comfortable range", player.Find("[data-testid=start-reminder]").TextContent, StringComparison.Ordinal);
        var cautions = player.Find("[data-testid=cautions]").TextContent;
        Assert.All(TestCatalog.Get("chin-tucks").Cautions, c => Assert.Contains(c, cautions, StringComparison.Ordinal));

        Wait(10 + 40);
        player.WaitForAssertion(() => Assert.Equal("Knee-to-chest", player.Find("[data-testid=exercise-name]").TextContent.Trim()));
        Assert.Empty(player.FindAll("[data-testid=start-reminder]"));
        Assert.Contains(TestCatalog.Get("knee-to-chest").Cautions[0], player.Find("[data-testid=cautions]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task This_hurts_pauses_and_the_gentler_exercise_for_the_same_region_takes_over()
    {
        var player = await HurtingInKneeToChestAsync(pain: 4);

        player.WaitForAssertion(() => Assert.Contains("Pelvic tilts", player.Find("[data-testid=easier]").TextContent, StringComparison.Ordinal));
        ClickButton(player, "Try something gentler");

        player.WaitForAssertion(() => Assert.Equal("Pelvic tilts", player.Find("[data-testid=exercise-name]").TextContent.Trim()));
        Assert.Equal("Get ready", player.Find("[data-testid=step-kind]").TextContent.Trim());
        Assert.Empty(player.FindAll("[data-testid=paused]"));

        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var report = await db.PainReports.SingleAsync();
        Assert.Equal((4, BodyArea.LowerBack, PainChoice.EasierExercise, "pelvic-tilts"), (report.Pain, report.Area, report.Choice, report.EasierSlug));
        Assert.Equal("knee-to-chest", report.ExerciseSlug);
        var run = await db.SessionRuns.SingleAsync();
        Assert.Equal(["chin-tucks", "knee-to-chest", "pelvic-tilts"], run.Blocks.Select(b => b.Slug));
    }

    [Fact]
    public async Task The_gentler_exercise_counts_in_the_recorded_session()
    {
        var player = await HurtingInKneeToChestAsync(pain: 3);
        player.WaitForAssertion(() => Assert.NotNull(player.Find("[data-testid=easier]")));
        ClickButton(player, "Try something gentler");
        player.WaitForAssertion(() => Assert.Equal("Pelvic tilts", player.Find("[data-testid=exercise-name]").TextContent.Trim()));

        Wait(600);

        player.WaitForAssertion(() => Assert.Equal("Session complete", player.Find("[data-testid=summary-title]").TextContent.Trim()));
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var recorded = await db.CompletedSessions.Include(s => s.Exercises).ThenInclude(e => e.Exercise).SingleAsync();
        Assert.Equal(["chin-tucks", "pelvic-tilts"], recorded.Exercises.Select(e => e.Exercise!.Slug).Order());
    }

    [Fact]
    public async Task Skipping_after_it_hurts_leaves_the_whole_exercise()
    {
        var player = await HurtingInKneeToChestAsync(pain: 5);
        player.WaitForAssertion(() => Assert.NotNull(player.Find("[data-testid=easier]")));

        ClickButton(player, "Skip this exercise");

        player.WaitForAssertion(() => Assert.Equal("Session complete", player.Find("[data-testid=summary-title]").TextContent.Trim()));
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(PainChoice.SkipExercise, (await db.PainReports.SingleAsync()).Choice);
    }

    [Fact]
    public async Task Strong_pain_asks_the_safety_questions_and_a_yes_ends_the_session_with_advice()
    {
        var player = await HurtingInKneeToChestAsync(pain: 8);

        player.WaitForAssertion(() => Assert.NotNull(player.Find("[data-testid=screening]")));
        foreach (var question in RedFlags.Questions)
        {
            var answer = question.Flag == RedFlag.FallOrAccident ? "Yes" : "No";
            player.Find($"input[aria-label='{answer}: {question.Question}']").Click();
        }

        ClickButton(player, "Continue");

        // Any yes ends the session at once, and the summary gives the advice.
        player.WaitForAssertion(() => Assert.Equal("Session ended", player.Find("[data-testid=summary-title]").TextContent.Trim()));
        Assert.Equal("soon", player.Find("[data-testid=safety-stop] [data-testid=seek-care]").GetAttribute("data-urgency"));
        Assert.Empty(player.FindAll("[data-testid=easier]"));

        // Opened again after every page let go of it (read back from the database), it still shows why it was stopped.
        var id = player.Instance.Id;
        await DisposeComponentsAsync();
        var again = Render<PlayerPage>(p => p.Add(x => x.Id, id).AddCascadingValue(Me));
        again.WaitForAssertion(() => Assert.NotNull(again.Find("[data-testid=safety-stop] [data-testid=seek-care]")));
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(PainChoice.StoppedForSafety, (await db.PainReports.SingleAsync()).Choice);
        var screening = await db.SafetyScreenings.SingleAsync();
        Assert.Equal([RedFlag.FallOrAccident], screening.YesTo);
        Assert.Equal(ScreeningReason.AfterHighPain, screening.Reason);
        Assert.Equal(ScreeningNeed.FlagRaised, await Services.GetRequiredService<SafetyStore>().NeedAsync(Me));
    }

    [Fact]
    public async Task After_a_per_side_exercise_one_tap_says_which_side_felt_tighter()
    {
        var player = await OpenAsync();
        Wait(10 + 40 + 10 + 30 + 5 + 30);
        player.WaitForAssertion(() => Assert.NotNull(player.Find("[data-testid=summary-sides] [data-testid=side-question]")));

        player.FindAll("[data-testid=side-question] button").First(b => b.TextContent.Trim() == "Left").Click();

        player.WaitForAssertion(() => Assert.Equal("true", player.FindAll("[data-testid=side-question] button").First(b => b.TextContent.Trim() == "Left").GetAttribute("aria-pressed")));
        player.FindAll("[data-testid=side-question] button").First(b => b.TextContent.Trim() == "Right").Click();
        player.WaitForAssertion(() => Assert.Equal("true", player.FindAll("[data-testid=side-question] button").First(b => b.TextContent.Trim() == "Right").GetAttribute("aria-pressed")));

        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var report = await db.SideReports.SingleAsync();
        Assert.Equal(("knee-to-chest", 1, TighterSide.Right), (report.ExerciseSlug, report.BlockIndex, report.Tighter));
        Assert.Equal(new DateOnly(2026, 11, 26), report.LocalDate);
    }

    [Fact]
    public async Task Strong_pain_in_the_check_in_after_a_session_asks_the_safety_questions_there()
    {
        var player = await OpenAsync();
        Wait(10 + 40 + 10 + 30 + 5 + 30);
        player.WaitForAssertion(() => Assert.NotNull(player.Find("[data-testid=summary-title]")));
        await Services.GetRequiredService<SafetyStore>().SaveScreeningAsync(Me, ScreeningReason.FirstSession, Enum.GetValues<RedFlag>().ToDictionary(f => f, _ => (bool?)false));
        Wait(60);

        player.FindAll(".checkin .mud-chip").First(c => c.GetAttribute("aria-label") == "Pain 8").Click();
        ClickButton(player, "Save check-in");

        player.WaitForAssertion(() => Assert.NotNull(player.Find("[data-testid=screening]")));
        Assert.Equal(ScreeningNeed.AfterHighPain, await Services.GetRequiredService<SafetyStore>().NeedAsync(Me));
        foreach (var question in RedFlags.Questions)
        {
            player.Find($"input[aria-label='No: {question.Question}']").Click();
        }

        ClickButton(player, "Save my answers");
        player.WaitForAssertion(() => Assert.Empty(player.FindAll("[data-testid=screening]")));
        Assert.Equal(ScreeningNeed.None, await Services.GetRequiredService<SafetyStore>().NeedAsync(Me));
    }

    [Fact]
    public async Task A_red_flag_in_the_questions_after_a_session_shows_the_advice_and_keeps_it()
    {
        var player = await OpenAsync();
        Wait(10 + 40 + 10 + 30 + 5 + 30);
        player.WaitForAssertion(() => Assert.NotNull(player.Find("[data-testid=summary-title]")));

        player.FindAll(".checkin .mud-chip").First(c => c.GetAttribute("aria-label") == "Pain 9").Click();
        ClickButton(player, "Save check-in");
        player.WaitForAssertion(() => Assert.NotNull(player.Find("[data-testid=screening]")));
        foreach (var question in RedFlags.Questions)
        {
            var answer = question.Flag == RedFlag.SaddleNumbness ? "Yes" : "No";
            player.Find($"input[aria-label='{answer}: {question.Question}']").Click();
        }

        ClickButton(player, "Save my answers");

        player.WaitForAssertion(() => Assert.Equal("urgent", player.Find("[data-testid=seek-care]").GetAttribute("data-urgency")));
        Wait(1);
        player.Render();
        Assert.NotNull(player.Find("[data-testid=seek-care]"));
    }

    [Fact]
    public async Task Opening_this_hurts_moves_focus_to_its_heading()
    {
        var player = await OpenAsync();

        player.Find("[data-testid=this-hurts-button]").Click();

        player.WaitForAssertion(() => Assert.NotNull(player.Find("[data-testid=this-hurts]")));
        // bUnit fails VerifyFocusAsyncInvoke when nothing was focused.
        JSInterop.VerifyFocusAsyncInvoke();
        Assert.Equal("-1", player.Find(".this-hurts-heading").GetAttribute("tabindex"));
    }

    [Fact]
    public async Task A_session_reopened_after_a_red_flag_was_answered_elsewhere_cannot_go_on()
    {
        var id = await StartAsync();
        await Services.GetRequiredService<SafetyStore>().SaveScreeningAsync(Me, ScreeningReason.Review,
            Enum.GetValues<RedFlag>().ToDictionary(f => f, f => (bool?)(f == RedFlag.PainAtNightOrRest)));

        var player = Render<PlayerPage>(p => p.Add(x => x.Id, id).AddCascadingValue(Me));

        player.WaitForAssertion(() => Assert.NotNull(player.Find("[data-testid=session-blocked] [data-testid=seek-care]")));
        Assert.Equal("paused", player.Find(".player").GetAttribute("data-status"));
        await player.InvokeAsync(() => player.Instance.OnKey(PlayerKeys.Toggle));
        Assert.Equal("paused", player.Find(".player").GetAttribute("data-status"));
        Assert.Empty(player.FindAll("[data-testid=countdown]"));

        ClickButton(player, "End the session");
        player.WaitForAssertion(() => Assert.Equal("Session ended", player.Find("[data-testid=summary-title]").TextContent.Trim()));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _connection.DisposeAsync();
    }
}
