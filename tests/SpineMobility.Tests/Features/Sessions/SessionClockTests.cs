using Microsoft.Extensions.Time.Testing;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;

namespace SpineMobility.Tests.Features.Sessions;

public sealed class SessionClockTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 7, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Morning);

    // Get ready 10 s, chin tucks 40 s; get ready 10 s, knee-to-chest 30 s left, switch 5 s, 30 s right.
    private static readonly SessionTimeline Short = SessionTimeline.From(
    [
        new RoutineBlock(SessionPhase.Mobility, "chin-tucks", "Chin tucks", false, DoseKind.Reps, 40, 8, 5, 10),
        new RoutineBlock(SessionPhase.CoolDown, "knee-to-chest", "Knee-to-chest", true, DoseKind.Hold, 30, null, null, 10),
    ]);

    private SessionClock NewClock(SessionTimeline? timeline = null)
    {
        timeline ??= Short;
        return new SessionClock(timeline, SessionState.NotStarted(timeline), _time);
    }

    private SessionClock Started(SessionTimeline? timeline = null)
    {
        var clock = NewClock(timeline);
        clock.Start();
        return clock;
    }

    private void Wait(double seconds, SessionClock clock)
    {
        _time.Advance(TimeSpan.FromSeconds(seconds));
        clock.CatchUp();
    }

    [Fact]
    public void Starting_runs_the_first_step_for_its_full_length()
    {
        var clock = Started();

        Assert.Equal(SessionStatus.Running, clock.Status);
        Assert.Equal(StepKind.GetReady, clock.Current!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(10), clock.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(125), clock.SessionRemaining);
    }

    [Fact]
    public void The_step_changes_exactly_at_its_deadline()
    {
        var clock = Started();

        Wait(9.999, clock);
        Assert.Equal(StepKind.GetReady, clock.Current!.Kind);

        Wait(0.001, clock);
        Assert.Equal(StepKind.Work, clock.Current!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(40), clock.Remaining);
    }

    [Fact]
    public void Pausing_stops_the_countdown_and_resuming_continues_from_the_same_second()
    {
        var clock = Started();
        Wait(14, clock);

        clock.Pause();
        Wait(300, clock);

        Assert.Equal(SessionStatus.Paused, clock.Status);
        Assert.Equal(TimeSpan.FromSeconds(36), clock.Remaining);

        clock.Resume();
        Wait(35, clock);
        Assert.Equal("chin-tucks", clock.Current!.Block.Slug);
        Wait(1, clock);
        Assert.Equal("knee-to-chest", clock.Current!.Block.Slug);
    }

    [Fact]
    public void Paused_time_does_not_count_as_practice()
    {
        var clock = Started();
        Wait(20, clock);
        clock.Pause();
        Wait(600, clock);
        clock.Resume();
        Wait(5, clock);

        Assert.Equal(TimeSpan.FromSeconds(25), clock.ActiveTime);
    }

    [Fact]
    public void Skipping_moves_to_the_next_step_at_full_length_without_counting_the_skipped_one()
    {
        var clock = Started();
        Wait(12, clock);

        clock.Skip();

        Assert.Equal(StepKind.GetReady, clock.Current!.Kind);
        Assert.Equal("knee-to-chest", clock.Current.Block.Slug);
        Assert.Equal(TimeSpan.FromSeconds(10), clock.Remaining);
        Assert.False(clock.HasFinishedAnExercise);
    }

    [Fact]
    public void Done_finishes_a_rep_set_early_and_counts_the_time_spent()
    {
        var clock = Started();
        Wait(10 + 25, clock);

        clock.Done();

        Assert.Equal(new DoneStep(1, 25), Assert.Single(clock.State.DoneSteps));
        Assert.Equal("knee-to-chest", clock.Current!.Block.Slug);
    }

    [Fact]
    public void Skipping_while_paused_stays_paused_on_the_next_step()
    {
        var clock = Started();
        clock.Pause();

        clock.Skip();

        Assert.Equal(SessionStatus.Paused, clock.Status);
        Assert.Equal(StepKind.Work, clock.Current!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(40), clock.Remaining);
    }

    [Fact]
    public void Back_returns_to_the_previous_step_at_full_length()
    {
        var clock = Started();
        Wait(10 + 20, clock);

        clock.Back();

        Assert.Equal(StepKind.GetReady, clock.Current!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(10), clock.Remaining);
    }

    [Fact]
    public void Back_on_the_first_step_restarts_it()
    {
        var clock = Started();
        Wait(4, clock);

        clock.Back();

        Assert.Equal(0, clock.Current!.Index);
        Assert.Equal(TimeSpan.FromSeconds(10), clock.Remaining);
    }

    [Fact]
    public void A_per_side_exercise_switches_sides_and_gives_the_right_side_the_same_time()
    {
        var clock = Started();
        Wait(10 + 40 + 10, clock);
        Assert.Equal(Side.Left, clock.Current!.Side);

        Wait(30, clock);
        Assert.Equal(StepKind.SwitchSides, clock.Current!.Kind);

        Wait(5, clock);
        Assert.Equal(Side.Right, clock.Current!.Side);
        Assert.Equal(TimeSpan.FromSeconds(30), clock.Remaining);
    }

    [Fact]
    public void The_session_completes_at_the_end_of_its_last_step()
    {
        var clock = Started();

        Wait(125, clock);

        Assert.Equal(SessionStatus.Completed, clock.Status);
        Assert.Equal(Morning.AddSeconds(125), clock.State.FinishedAt);
        Assert.Equal([1, 3, 5], clock.State.DoneSteps.Select(d => d.StepIndex));
        Assert.Equal(TimeSpan.Zero, clock.SessionRemaining);
    }

    [Fact]
    public void A_session_left_in_the_background_catches_up_all_at_once()
    {
        var clock = Started();

        _time.Advance(TimeSpan.FromMinutes(10));
        var changed = clock.CatchUp();

        Assert.True(changed);
        Assert.Equal(SessionStatus.Completed, clock.Status);
        Assert.Equal(Morning.AddSeconds(125), clock.State.FinishedAt);
        Assert.Equal(TimeSpan.FromSeconds(125), clock.ActiveTime);
    }

    [Fact]
    public void Forty_five_minutes_of_simulated_time_end_exactly_on_the_planned_second()
    {
        var routine = RoutineGenerator.Generate(new RoutineRequest(45, [Region.Lumbar], Level.Standard, true, 11), TestCatalog.Exercises);
        var timeline = SessionTimeline.From(routine.Blocks);
        var clock = Started(timeline);
        var steps = 0;

        // Wake up once a second, as a ticking timer would, but never count the ticks.
        while (clock.Status == SessionStatus.Running)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            if (clock.CatchUp())
            {
                steps++;
            }
        }

        Assert.Equal(Morning + timeline.Total, clock.State.FinishedAt);
        Assert.Equal(timeline.Total, clock.ActiveTime);
        Assert.Equal(timeline.Steps.Count, steps);
        Assert.InRange(timeline.Total.TotalMinutes, 45 * 0.95, 45 * 1.05);
    }

    [Fact]
    public void Ending_early_keeps_what_was_done()
    {
        var clock = Started();
        Wait(10 + 40 + 3, clock);

        clock.End();

        Assert.Equal(SessionStatus.Ended, clock.Status);
        Assert.True(clock.HasFinishedAnExercise);
        Assert.Equal(Morning.AddSeconds(53), clock.State.FinishedAt);
    }

    [Fact]
    public void A_clock_rebuilt_from_its_saved_state_resumes_with_the_right_remaining_time()
    {
        var clock = Started();
        Wait(10 + 15, clock);
        var saved = clock.State;

        // The server restarts; two minutes pass before the user reopens the session.
        _time.Advance(TimeSpan.FromSeconds(20));
        var restored = new SessionClock(Short, saved, _time);
        restored.CatchUp();

        Assert.Equal("chin-tucks", restored.Current!.Block.Slug);
        Assert.Equal(TimeSpan.FromSeconds(5), restored.Remaining);
    }

    [Fact]
    public void A_paused_session_rebuilt_from_its_saved_state_is_still_paused()
    {
        var clock = Started();
        Wait(22, clock);
        clock.Pause();
        var saved = clock.State;

        _time.Advance(TimeSpan.FromHours(3));
        var restored = new SessionClock(Short, saved, _time);
        restored.CatchUp();

        Assert.Equal(SessionStatus.Paused, restored.Status);
        Assert.Equal(TimeSpan.FromSeconds(28), restored.Remaining);
    }

    [Fact]
    public void Next_names_the_coming_exercise_not_the_transition()
    {
        var clock = Started();

        Assert.Equal("knee-to-chest", clock.NextExercise!.Block.Slug);
        Wait(10 + 40 + 10, clock);
        Assert.Null(clock.NextExercise);
    }

    [Fact]
    public void Skipping_an_exercise_leaves_both_of_its_sides_for_the_next_exercise()
    {
        var clock = Started();
        Wait(10 + 40 + 10 + 5, clock); // into knee-to-chest, left side

        clock.StartBlock(clock.Current!.BlockIndex + 1);

        Assert.Equal(SessionStatus.Completed, clock.Status);
        Assert.DoesNotContain(clock.State.DoneSteps, d => Short.Steps[d.StepIndex].Block.Slug == "knee-to-chest");
    }

    [Fact]
    public void Skipping_an_exercise_from_its_get_ready_goes_to_the_next_get_ready_at_full_length()
    {
        var clock = Started();
        Wait(3, clock);

        clock.StartBlock(clock.Current!.BlockIndex + 1);

        Assert.Equal(2, clock.State.StepIndex);
        Assert.Equal(StepKind.GetReady, clock.Current!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(10), clock.Remaining);
    }

    private static readonly RoutineBlock ChildsPose = new(SessionPhase.CoolDown, "childs-pose", "Child's pose", false, DoseKind.Hold, 30, null, null, 10);

    [Fact]
    public void Putting_steps_in_after_the_current_exercise_keeps_what_was_done_and_starts_them_afresh()
    {
        var clock = Started();
        Wait(10 + 40 + 4, clock); // chin tucks done, 4 s into knee-to-chest's get ready
        var blocks = Short.Steps.Select(s => s.Block).Distinct().ToList();
        var longer = SessionTimeline.From([blocks[0], ChildsPose, blocks[1]]);

        var replanned = clock.WithStepsInserted(longer, at: 2, count: 2);

        Assert.Equal(clock.State.DoneSteps, replanned.State.DoneSteps);
        Assert.Equal("childs-pose", replanned.Current!.Block.Slug);
        Assert.Equal(TimeSpan.FromSeconds(10), replanned.Remaining);
        Assert.Equal(SessionStatus.Running, replanned.Status);
    }

    [Fact]
    public void Steps_done_after_the_insertion_point_move_with_their_exercise()
    {
        var clock = Started();
        Wait(10 + 40 + 10 + 30 + 1, clock); // chin tucks and knee-to-chest's left side done
        clock.Back();
        clock.Back();
        clock.Back(); // back on chin tucks
        var blocks = Short.Steps.Select(s => s.Block).Distinct().ToList();
        var longer = SessionTimeline.From([blocks[0], ChildsPose, blocks[1]]);

        var replanned = clock.WithStepsInserted(longer, at: 2, count: 2);

        var done = replanned.State.DoneSteps.Select(d => longer.Steps[d.StepIndex]).Select(s => (s.Block.Slug, s.Side)).ToList();
        Assert.Equal([("chin-tucks", Side.Both), ("knee-to-chest", Side.Left)], done);
    }

    [Fact]
    public void Pausing_at_a_moment_that_has_passed_counts_only_what_ended_by_then()
    {
        var clock = Started();
        _time.Advance(TimeSpan.FromSeconds(70)); // chin tucks ended at 50 s; nobody caught up since

        clock.PauseAt(Morning.AddSeconds(55), away: true);

        Assert.Equal(SessionStatus.Paused, clock.Status);
        Assert.True(clock.State.PausedAway);
        Assert.Equal((StepKind.GetReady, "knee-to-chest"), (clock.Current!.Kind, clock.Current.Block.Slug));
        Assert.Equal(TimeSpan.FromSeconds(5), clock.Remaining);
        Assert.Equal([new DoneStep(1, 40)], clock.State.DoneSteps);
        Assert.Equal(TimeSpan.FromSeconds(55), clock.ActiveTime);
    }

    [Fact]
    public void A_running_clock_last_seen_longer_ago_than_the_grace_pauses_where_it_was_seen()
    {
        var clock = Started();
        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.True(clock.PauseIfAbandoned(Morning.AddSeconds(12), grace: TimeSpan.FromSeconds(30)));

        Assert.Equal(SessionStatus.Paused, clock.Status);
        Assert.Equal((StepKind.Work, "chin-tucks"), (clock.Current!.Kind, clock.Current.Block.Slug));
        Assert.Equal(TimeSpan.FromSeconds(38), clock.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(12), clock.ActiveTime);
        Assert.False(clock.HasFinishedAnExercise);

        // Resumed later, it goes on from there, and only the time it ran counts.
        _time.Advance(TimeSpan.FromHours(1));
        clock.Resume();
        Assert.False(clock.State.PausedAway);
        Wait(113, clock);
        Assert.Equal(SessionStatus.Completed, clock.Status);
        Assert.Equal(TimeSpan.FromSeconds(125), clock.ActiveTime);
    }

    [Fact]
    public void A_running_clock_seen_within_the_grace_carries_on()
    {
        var clock = Started();
        _time.Advance(TimeSpan.FromSeconds(40));

        Assert.False(clock.PauseIfAbandoned(Morning.AddSeconds(12), grace: TimeSpan.FromSeconds(30)));
        clock.CatchUp();

        Assert.Equal(SessionStatus.Running, clock.Status);
        Assert.Equal(TimeSpan.FromSeconds(10), clock.Remaining);
    }

    [Fact]
    public void A_clock_that_restarted_from_an_earlier_moment_cannot_tell_what_happened_and_pauses_where_it_was_last_seen()
    {
        // A faster test clock starts again from real "now" after a restart, well before the saved deadlines.
        var clock = Started();
        Wait(20, clock);
        var saved = clock.State with { LastSeenAt = Morning.AddSeconds(20) };
        var restarted = new FakeTimeProvider(Morning.AddHours(-2));
        var restored = new SessionClock(Short, saved, restarted);

        Assert.True(restored.PauseIfAbandoned(saved.LastSeenAt!.Value, grace: TimeSpan.FromSeconds(30)));

        Assert.Equal((StepKind.Work, TimeSpan.FromSeconds(30)), (restored.Current!.Kind, restored.Remaining));
        Assert.Equal(TimeSpan.FromSeconds(20), restored.ActiveTime);
    }

    [Fact]
    public void A_paused_clock_is_never_abandoned()
    {
        var clock = Started();
        Wait(20, clock);
        clock.Pause();
        _time.Advance(TimeSpan.FromDays(1));

        Assert.False(clock.PauseIfAbandoned(Morning, grace: TimeSpan.FromSeconds(30)));
        Assert.False(clock.State.PausedAway);
        Assert.Equal(TimeSpan.FromSeconds(30), clock.Remaining);
    }
}
