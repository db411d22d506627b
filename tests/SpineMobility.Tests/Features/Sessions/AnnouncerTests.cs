using Microsoft.Extensions.Time.Testing;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;

namespace SpineMobility.Tests.Features.Sessions;

/// <summary>What the player says, for each kind of announcement.</summary>
public sealed class AnnouncerTests
{
    private const string ChinCue = "Keep your head level.";

    private static readonly RoutineBlock ChinTucks = new(SessionPhase.Mobility, "chin-tucks", "Chin tucks", false, DoseKind.Reps, 40, 8, 5, 10);
    private static readonly RoutineBlock SquatHold = new(SessionPhase.Flexibility, "squat-hold", "Squat hold", false, DoseKind.Hold, 45, null, null, 5);
    private static readonly RoutineBlock Pigeon = new(SessionPhase.CoolDown, "pigeon-pose", "Pigeon pose", true, DoseKind.Hold, 25, null, null, 5);

    private static readonly SessionTimeline Timeline = SessionTimeline.From([ChinTucks, SquatHold, Pigeon]);

    private static string Say(int step, string? cue = ChinCue) => Announcer.ForStep(Timeline.Steps[step], Timeline, cue);

    [Fact]
    public void Getting_ready_names_the_exercise_its_dose_and_its_first_cue()
    {
        Assert.Equal("Chin tucks, 8 reps. Keep your head level.", Say(0));
    }

    [Fact]
    public void A_cue_that_does_not_fit_the_time_to_get_ready_opens_the_exercise_instead_so_nothing_is_cut_off()
    {
        const string cue = "Keep your weight spread evenly through the whole of both feet.";

        Assert.Equal("Squat hold, 45 seconds.", Say(2, cue));
        Assert.Equal("Begin. " + cue, Say(3, cue));
        Assert.True(Announcer.SpeakingSeconds(Say(2, cue)) <= Timeline.Steps[2].Seconds - 0.5);
    }

    [Fact]
    public void Every_get_ready_sentence_of_a_generated_routine_fits_its_time()
    {
        var routine = RoutineGenerator.Generate(new RoutineRequest(45, [Region.Lumbar], Level.Standard, true, 11), TestCatalog.Exercises);
        var timeline = SessionTimeline.From(routine.Blocks);

        foreach (var step in timeline.Steps)
        {
            var said = Announcer.ForStep(step, timeline, TestCatalog.Get(step.Block.Slug).Cues.FirstOrDefault());
            Assert.True(Announcer.SpeakingSeconds(said) <= step.Seconds - 0.5, $"\"{said}\" does not fit {step.Seconds} s");
        }
    }

    [Fact]
    public void A_rep_set_begins_and_the_cue_already_said_is_not_said_again()
    {
        Assert.Equal("Begin.", Say(1));
    }

    [Fact]
    public void The_last_exercise_is_announced_as_such()
    {
        Assert.Equal("Last exercise. Pigeon pose, 25 seconds each side.", Say(4, cue: null));
    }

    [Fact]
    public void Each_side_is_named_and_the_switch_between_them_announced()
    {
        Assert.Equal("Left side. Begin.", Say(5, cue: null));
        Assert.Equal("Switch sides.", Say(6));
        Assert.Equal("Right side. Begin.", Say(7));
    }

    [Fact]
    public void Holds_of_thirty_seconds_or_more_hear_halfway_and_ten_seconds()
    {
        Assert.Equal([new SpokenCue(22_500, "Halfway."), new SpokenCue(10_000, "Ten seconds.")], Announcer.During(Timeline.Steps[3]));
        Assert.Empty(Announcer.During(Timeline.Steps[5])); // 25 s
        Assert.Empty(Announcer.During(Timeline.Steps[1])); // a rep set
        Assert.Empty(Announcer.During(Timeline.Steps[2])); // getting ready
    }

    [Fact]
    public void The_end_of_a_session_is_announced_whether_completed_or_ended()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero));
        var completed = new SessionClock(Timeline, SessionState.NotStarted(Timeline), time);
        completed.Start();
        time.Advance(Timeline.Total);
        completed.CatchUp();
        var ended = new SessionClock(Timeline, SessionState.NotStarted(Timeline), time);
        ended.Start();
        ended.End();

        Assert.Equal("Session complete. Well done.", Announcer.ForChange(completed, 7, SessionStatus.Running, _ => null));
        Assert.Equal("Session ended.", Announcer.ForChange(ended, 0, SessionStatus.Running, _ => null));
    }
}
