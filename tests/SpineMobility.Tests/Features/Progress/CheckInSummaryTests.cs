using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Shared;

namespace SpineMobility.Tests.Features.Progress;

public sealed class CheckInSummaryTests
{
    [Fact]
    public void Before_and_after_read_as_a_change() =>
        Assert.Equal("Stiffness 6 → 3 · Pain 4 before", CheckInSummary.Of(new CheckIn { Stiffness = 6, Pain = 4 }, new CheckIn { Stiffness = 3 }));

    [Fact]
    public void No_check_in_says_nothing_in_the_history() => Assert.Null(CheckInSummary.Of(null, new CheckIn()));

    [Fact]
    public void One_check_in_reads_in_full() =>
        Assert.Equal("stiffness 7/10 · Neck, Lower back", CheckInSummary.Describe(new CheckIn { Stiffness = 7, Areas = [BodyArea.Neck, BodyArea.LowerBack] }));

    [Fact]
    public void An_empty_check_in_is_no_check_in() => Assert.Equal("No check-in", CheckInSummary.Describe(new CheckIn()));
}
