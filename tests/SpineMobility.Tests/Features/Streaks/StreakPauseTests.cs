using SpineMobility.Web.Features.Streaks;

namespace SpineMobility.Tests.Features.Streaks;

public sealed class StreakPauseTests
{
    [Fact]
    public void A_pause_that_ends_before_it_starts_is_a_problem()
    {
        var problem = Assert.Single(new StreakPause(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 19)).Problems());

        Assert.Contains("ends before it starts", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pause_of_fifteen_days_is_a_problem_that_names_the_last_day_allowed()
    {
        var pause = new StreakPause(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 15));

        var problem = Assert.Single(pause.Problems());

        Assert.Equal(15, pause.Days);
        Assert.Contains("at most 14 days", problem, StringComparison.Ordinal);
        Assert.Contains("14 November 2026", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Pauses_of_one_to_fourteen_days_have_no_problems()
    {
        Assert.Empty(new StreakPause(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1)).Problems());
        Assert.Empty(new StreakPause(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 14)).Problems());
    }

    [Fact]
    public void A_pause_contains_its_first_and_last_day_and_nothing_outside()
    {
        var pause = new StreakPause(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 12));

        Assert.Equal(
            [false, true, true, true, false],
            Enumerable.Range(9, 5).Select(day => pause.Contains(new DateOnly(2026, 11, day))));
    }
}
