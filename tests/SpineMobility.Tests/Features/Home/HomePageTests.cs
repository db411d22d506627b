using SpineMobility.Tests.Features.Sessions;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Home;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Streaks;

namespace SpineMobility.Tests.Features.Home;

public sealed class HomePageTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static StreakReport Report(int[] daysAgo) =>
        StreakCalculator.Calculate([.. daysAgo.Select(d => new DayActivity(Today.AddDays(-d), 600, 600))], [StreakRule.Default], [], Today);

    [Fact]
    public void A_returning_user_sees_the_day_of_their_streak_and_whether_today_is_done()
    {
        Assert.Null(StreakStatus.Of(Report([])));
        Assert.Equal("Day 3 — done today", StreakStatus.Of(Report([0, 1, 2])));
        Assert.Equal("Day 5 — do today's session to keep it", StreakStatus.Of(Report([1, 2, 3, 4])));
        Assert.Equal("Do a session today to start a new streak", StreakStatus.Of(Report([20])));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(15)]
    [InlineData(45)]
    public void The_phase_times_on_the_home_page_are_those_of_the_plan_the_builder_makes(int minutes)
    {
        var seconds = PhasePreview.Of(minutes, TestCatalog.Exercises);
        var routine = RoutineGenerator.Generate(new RoutineRequest(minutes, [], Level.Standard, false, 1), TestCatalog.Exercises);

        foreach (var phase in Enum.GetValues<SessionPhase>())
        {
            Assert.Equal(routine.Blocks.Where(b => b.Phase == phase).Sum(b => b.TotalSeconds), seconds[phase]);
        }

        Assert.InRange(seconds.Values.Sum(), minutes * 57, minutes * 63);
        Assert.Equal("About 3 min", PhasePreview.Text(170));
        Assert.Equal("Under a minute", PhasePreview.Text(50));
    }
}
