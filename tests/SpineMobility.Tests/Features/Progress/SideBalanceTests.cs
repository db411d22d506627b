using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Sessions;

namespace SpineMobility.Tests.Features.Progress;

public sealed class SideBalanceTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static readonly Dictionary<string, (string Name, IReadOnlyList<Region> Regions)> Exercises = new()
    {
        ["pigeon-pose"] = ("Pigeon pose", [Region.Hip]),
        ["knee-to-chest"] = ("Knee-to-chest", [Region.Lumbar]),
        ["gentle-neck-stretches"] = ("Gentle neck stretches", [Region.Beginner, Region.Cervical]),
    };

    // As the database hands them over: totals of every answer, and month by month only since the chart's first month.
    private static SideBalance Balance(params SideCount[] counts) => SideBalance.From(
        [.. counts.GroupBy(c => (c.Slug, c.Tighter)).Select(g => new SideTotal(g.Key.Slug, g.Key.Tighter, g.Sum(c => c.Count)))],
        [.. counts.Where(c => new DateOnly(c.Year, c.Month, 1) >= SideBalance.FirstMonth(Today))],
        Exercises,
        Today);

    [Fact]
    public void Answers_add_up_per_exercise_most_answered_first()
    {
        var balance = Balance(
            new("knee-to-chest", 2026, 11, TighterSide.Left, 1),
            new("pigeon-pose", 2026, 10, TighterSide.Left, 3),
            new("pigeon-pose", 2026, 11, TighterSide.Left, 2),
            new("pigeon-pose", 2026, 11, TighterSide.Right, 1));

        Assert.Equal(["pigeon-pose", "knee-to-chest"], balance.Exercises.Select(e => e.Slug));
        Assert.Equal(new SideTally(5, 1, 0), balance.Exercises[0].Tally);
        Assert.Equal("Left usually tighter", balance.Exercises[0].Tally.Verdict);
    }

    [Fact]
    public void Regions_sum_their_exercises_and_beginner_is_not_a_region()
    {
        var balance = Balance(
            new("gentle-neck-stretches", 2026, 11, TighterSide.Right, 2),
            new("pigeon-pose", 2026, 11, TighterSide.Same, 1));

        Assert.Equal([Region.Cervical, Region.Hip], balance.Regions.Select(r => r.Region));
        Assert.Equal(new SideTally(0, 2, 0), balance.Regions[0].Tally);
        Assert.Equal([Region.Cervical], balance.Exercises.Single(e => e.Slug == "gentle-neck-stretches").Regions);
    }

    [Fact]
    public void Month_by_month_covers_the_last_six_months_including_empty_ones()
    {
        var balance = Balance(
            new("pigeon-pose", 2026, 9, TighterSide.Left, 2),
            new("pigeon-pose", 2026, 11, TighterSide.Right, 1),
            new("knee-to-chest", 2026, 11, TighterSide.Left, 4),
            new("pigeon-pose", 2025, 1, TighterSide.Left, 9));

        var months = balance.ByMonth();
        Assert.Equal(new DateOnly(2026, 6, 1), months[0].Month);
        Assert.Equal(new DateOnly(2026, 11, 1), months[^1].Month);
        Assert.Equal(SideTally.Zero, months[4].Tally); // October
        Assert.Equal(new SideTally(2, 0, 0), months[3].Tally); // September
        Assert.Equal(new SideTally(4, 1, 0), months[^1].Tally);

        Assert.Equal(new SideTally(0, 1, 0), balance.ByMonth(slug: "pigeon-pose")[^1].Tally);
        Assert.Equal(new SideTally(4, 0, 0), balance.ByMonth(region: Region.Lumbar)[^1].Tally);
    }

    [Fact]
    public void Old_answers_count_in_the_totals_but_not_in_the_chart()
    {
        var balance = Balance(new SideCount("pigeon-pose", 2024, 3, TighterSide.Right, 7));

        Assert.Equal(new SideTally(0, 7, 0), Assert.Single(balance.Exercises).Tally);
        Assert.All(balance.ByMonth(), m => Assert.Equal(SideTally.Zero, m.Tally));
        Assert.Equal(new DateOnly(2026, 6, 1), SideBalance.FirstMonth(Today));
    }

    [Fact]
    public void Answers_for_an_exercise_no_longer_known_are_left_out()
    {
        var balance = Balance(new SideCount("removed-exercise", 2026, 11, TighterSide.Left, 3));

        Assert.True(balance.IsEmpty);
        Assert.All(balance.ByMonth(), m => Assert.Equal(SideTally.Zero, m.Tally));
    }

    [Theory]
    [InlineData(3, 1, 0, "Left usually tighter")]
    [InlineData(0, 2, 1, "Right usually tighter")]
    [InlineData(2, 2, 0, "About even")]
    [InlineData(1, 1, 3, "About even")]
    public void The_verdict_names_a_side_only_when_it_stands_out(int left, int right, int same, string verdict) =>
        Assert.Equal(verdict, new SideTally(left, right, same).Verdict);
}
