using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMobility.Testing;
using SpineMobility.Web.Components.Layout;
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

    // The page's circuit is connected to its browser, as a player on a phone is.
    private readonly PageConnection _page = new();
    private readonly HeldReads _held = new();

    public PlayerPageTests()
    {
        _connection.Open();
        Services.AddDbContextFactory<AppDbContext>(options => options.UseSqlite(_connection).AddInterceptors(_held));
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton<ExerciseCatalog>();
        Services.AddSingleton<SessionStore>();
        Services.AddSingleton<SessionRuns>();
        Services.AddSingleton<SpineMobility.Web.Features.Settings.SettingsStore>();
        Services.AddSingleton<SafetyStore>();
        Services.AddLogging();
        Services.AddSingleton(_page);
        _page.ReportAsync(up: true).GetAwaiter().GetResult();
        AddAuthorization(); // for the layout's sign-in link
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
        Assert.Contains("Spine mobility · phase 1 of 2", player.Find("[data-testid=phase]").TextContent.Replace('\u00a0', ' '), StringComparison.Ordinal);
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
        var update = Assert.IsType<BrowserUpdate>(_module.Invocations.Last(i => i.Identifier == "update").Arguments.Single());
        Assert.Equal(10_000, update.RemainingMs);
        Assert.True(update.Running);
        Assert.Equal(0, update.Step);
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
        Assert.Equal("--tempo: 5s; aspect-ratio: 240 / 180", figure.GetAttribute("style"));
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

    [Fact]
    public async Task A_page_that_goes_away_while_its_session_is_still_opening_leaves_no_live_session_behind()
    {
        var id = await StartAsync();
        var runs = Services.GetRequiredService<SessionRuns>();
        _held.HoldNext("PainReports"); // the last thing read before the live session is handed out
        Render<PlayerPage>(p => p.Add(x => x.Id, id).AddCascadingValue(Me));
        await _held.Holding;

        await DisposeComponentsAsync();
        _held.Release();

        // Nobody holds it: within the grace it may wait for a page, after that it is let go, timer and all.
        for (var i = 0; i < 20; i++)
        {
            Wait(31);
            await Task.Delay(25);
        }

        Assert.False(runs.IsLive(id));
    }

    [Fact]
    public async Task Playing_hides_the_sites_app_bar_and_offers_a_way_out()
    {
        var focus = new FocusMode();
        var id = await StartAsync();
        var player = Render<PlayerPage>(p => p.Add(x => x.Id, id).AddCascadingValue(Me).AddCascadingValue(focus));

        player.WaitForAssertion(() => Assert.NotNull(player.Find("[data-testid=countdown]")));
        Assert.True(focus.On);

        player.Find("[data-testid=focus-toggle]").Click();
        Assert.False(focus.On);
        Assert.Contains("Focus", player.Find("[data-testid=focus-toggle]").TextContent, StringComparison.Ordinal);

        player.Find("[data-testid=focus-toggle]").Click();
        Assert.True(focus.On);
        Assert.Contains("Exit focus", player.Find("[data-testid=focus-toggle]").TextContent, StringComparison.Ordinal);

        // The summary has the site's navigation again, and so does any page after the player.
        Wait(125);
        player.WaitForAssertion(() => Assert.NotNull(player.Find("[data-testid=summary-title]")));
        Assert.False(focus.On);
    }

    [Fact]
    public async Task In_the_layout_the_app_bar_and_footer_are_hidden_while_a_session_plays()
    {
        var id = await StartAsync();
        var layout = Render<MainLayout>(p => p
            .Add(l => l.Body, builder =>
            {
                builder.OpenComponent<PlayerPage>(0);
                builder.AddAttribute(1, nameof(PlayerPage.Id), id);
                builder.CloseComponent();
            })
            .AddCascadingValue(Me));

        layout.WaitForAssertion(() => Assert.NotNull(layout.Find("[data-testid=countdown]")));
        Assert.Contains("d-none", layout.Find(".mud-appbar").ClassList);
        Assert.True(layout.Find(".app-footer").HasAttribute("hidden"));
        Assert.Contains("focus-mode", layout.Find(".mud-layout").ClassList);

        layout.Find("[data-testid=focus-toggle]").Click();
        layout.WaitForAssertion(() => Assert.DoesNotContain("d-none", layout.Find(".mud-appbar").ClassList));
        Assert.False(layout.Find(".app-footer").HasAttribute("hidden"));
    }

    [Fact]
    public async Task The_second_side_of_a_per_side_exercise_shows_the_drawing_mirrored_and_says_which_side()
    {
        var player = await OpenAsync();

        Wait(10 + 40 + 10);
        player.WaitForAssertion(() => Assert.Equal("Left side", player.Find("[data-testid=side]").TextContent.Trim()));
        Assert.DoesNotContain("figure-mirrored", player.Find("[data-testid=figure]").ClassList);

        Wait(30);
        player.WaitForAssertion(() => Assert.Equal("Switch sides", player.Find("[data-testid=step-kind]").TextContent.Trim()));
        Assert.Contains("figure-mirrored", player.Find("[data-testid=figure]").ClassList);

        Wait(5);
        player.WaitForAssertion(() => Assert.Equal("Right side", player.Find("[data-testid=side]").TextContent.Trim()));
        Assert.Contains("figure-mirrored", player.Find("[data-testid=figure]").ClassList);
        Assert.False(player.Find("[data-testid=side]").HasAttribute("hidden"));
    }

    [Fact]
    public async Task The_browser_gets_the_whole_plan_once_with_the_words_for_each_announcement()
    {
        var player = await OpenAsync();
        player.WaitForAssertion(() => Assert.Contains(_module.Invocations, i => i.Identifier == "plan"));
        var plan = Assert.IsType<BrowserPlan>(Assert.Single(_module.Invocations, i => i.Identifier == "plan").Arguments.Single());

        Assert.Equal(
            [
                "Chin tucks, 8 reps. Feel a gentle stretch at the back of your neck.",
                "Begin.",
                "Last exercise. Knee-to-chest, 30 seconds each side. Feel a gentle stretch in your lower back.",
                "Left side. Begin.",
                "Switch sides.",
                "Right side. Begin.",
            ],
            plan.Steps.Select(s => s.Say));
        Assert.Empty(plan.Steps[1].During); // a rep set counts its reps instead
        Assert.Equal([new SpokenCue(15_000, "Halfway."), new SpokenCue(10_000, "Ten seconds.")], plan.Steps[3].During);
        Assert.Equal([false, false, false, false, true, true], plan.Steps.Select(s => s.Figure!.Mirrored));
        Assert.Equal((30_000d, 1d), (plan.GraceMs, plan.Scale));
        Assert.Equal("Session complete. Well done.", plan.Complete);
        Assert.Equal(("Right side", "Hold", 30_000), (plan.Steps[5].Side, plan.Steps[5].Kind, plan.Steps[5].DurationMs));

        // Step changes send where the session is, not the plan again.
        Wait(10);
        player.WaitForAssertion(() => Assert.Equal(1, ((BrowserUpdate)_module.Invocations.Last(i => i.Identifier == "update").Arguments.Single()!).Step));
        Assert.Single(_module.Invocations, i => i.Identifier == "plan");
        var final = player.Find("[data-testid=announcement]").TextContent;
        Assert.Equal("Begin.", final.Trim());
    }

    [Fact]
    public async Task A_voice_can_be_chosen_from_those_the_browser_offers_and_the_browser_keeps_it()
    {
        JSInterop.Setup<VoicePicker.VoiceOffer?>("spine.voices").SetResult(new([new("Samantha", "en-US"), new("Daniel", "en-GB")], "Daniel"));
        var picker = Render<VoicePicker>();

        picker.WaitForAssertion(() => Assert.Equal("Daniel", picker.Find("[data-testid=voice-picker]").GetAttribute("value")), TimeSpan.FromSeconds(5));
        await picker.InvokeAsync(() => picker.FindComponent<MudBlazor.MudSelect<string>>().Instance.ValueChanged.InvokeAsync("Samantha"));

        Assert.Equal("Samantha", Assert.Single(JSInterop.Invocations, i => i.Identifier == "spine.chooseVoice").Arguments.Single());
    }

    [Fact]
    public void Without_voices_in_the_browser_there_is_nothing_to_choose()
    {
        JSInterop.Setup<VoicePicker.VoiceOffer?>("spine.voices").SetResult(new([], null));

        var picker = Render<VoicePicker>();

        Assert.Empty(picker.FindAll("[data-testid=voice-picker]"));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _connection.DisposeAsync();
    }
}
