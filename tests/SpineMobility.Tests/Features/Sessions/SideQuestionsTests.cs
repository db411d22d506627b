using Microsoft.Extensions.Time.Testing;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;

namespace SpineMobility.Tests.Features.Sessions;

public sealed class SideQuestionsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 7, 30, 0, TimeSpan.Zero));

    // Steps: 0 get ready, 1 left, 2 switch, 3 right (knee-to-chest); 4 get ready, 5 chin tucks.
    private static readonly SessionTimeline Timeline = SessionTimeline.From(
    [
        new RoutineBlock(SessionPhase.Mobility, "knee-to-chest", "Knee-to-chest", true, DoseKind.Hold, 30, null, null, 10),
        new RoutineBlock(SessionPhase.CoolDown, "chin-tucks", "Chin tucks", false, DoseKind.Reps, 40, 8, 5, 10),
    ]);

    private SessionClock Started()
    {
        var clock = new SessionClock(Timeline, SessionState.NotStarted(Timeline), _time);
        clock.Start();
        return clock;
    }

    private void Wait(double seconds, SessionClock clock)
    {
        _time.Advance(TimeSpan.FromSeconds(seconds));
        clock.CatchUp();
    }

    [Fact]
    public void Nothing_is_asked_while_the_per_side_exercise_is_still_going()
    {
        var clock = Started();
        Wait(10 + 30 + 5 + 29, clock);

        Assert.Empty(SideQuestions.Answerable(clock));
        Assert.Null(SideQuestions.InPlayer(clock));
    }

    [Fact]
    public void Once_the_second_side_is_done_the_question_sits_beside_the_next_exercise()
    {
        var clock = Started();
        Wait(10 + 30 + 5 + 30, clock);

        Assert.Equal([0], SideQuestions.Answerable(clock));
        Assert.Equal(0, SideQuestions.InPlayer(clock));

        Wait(10, clock);
        Assert.Equal(0, SideQuestions.InPlayer(clock));
    }

    [Fact]
    public void Skipping_the_second_side_asks_nothing_since_there_was_nothing_to_compare()
    {
        var clock = Started();
        Wait(10 + 30 + 5, clock);
        clock.Skip();

        Assert.Empty(SideQuestions.Answerable(clock));
        Assert.Null(SideQuestions.InPlayer(clock));
    }
}
