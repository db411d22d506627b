using Microsoft.Extensions.Time.Testing;
using SpineMobility.Web.Shared;

namespace SpineMobility.Tests.Shared;

public sealed class ScaledTimeProviderTests
{
    private static readonly DateTimeOffset WallClock = new(2026, 12, 1, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public void A_fast_clock_given_a_start_shows_that_instant_and_runs_faster_from_it_whatever_the_wall_clock_says()
    {
        var wall = new FakeTimeProvider(WallClock);
        var start = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(1));

        var fast = new ScaledTimeProvider(wall, 40, start);
        Assert.Equal(start, fast.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, fast.GetUtcNow().Offset);

        wall.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(start + TimeSpan.FromMinutes(60), fast.GetUtcNow());
    }

    [Fact]
    public void Without_a_start_the_fast_clock_starts_at_the_wall_clocks_now()
    {
        var wall = new FakeTimeProvider(WallClock);

        var fast = new ScaledTimeProvider(wall, 20);
        wall.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(WallClock + TimeSpan.FromMinutes(1), fast.GetUtcNow());
    }

    [Fact]
    public void Two_fast_clocks_from_one_origin_agree_however_far_apart_their_processes_started()
    {
        var wall = new FakeTimeProvider(WallClock);
        var origin = WallClock - TimeSpan.FromMinutes(5);

        var first = new ScaledTimeProvider(wall, 20, origin: origin);
        wall.Advance(TimeSpan.FromSeconds(7));
        var second = new ScaledTimeProvider(wall, 20, origin: origin);
        var alone = new ScaledTimeProvider(wall, 20);

        Assert.Equal(first.GetUtcNow(), second.GetUtcNow());
        Assert.Equal(origin + (TimeSpan.FromSeconds(307) * 20), second.GetUtcNow());
        Assert.NotEqual(first.GetUtcNow(), alone.GetUtcNow());
    }
}
