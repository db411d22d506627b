using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Tests.Features.Exercises;

public sealed class DoseTests
{
    [Fact]
    public void A_hold_range_reads_as_a_range() => Assert.Equal("30–60 s hold", Dose.Hold(30, 60).ToString());

    [Fact]
    public void A_fixed_hold_reads_as_one_number() => Assert.Equal("20 s hold", Dose.Hold(20, 20).ToString());

    [Fact]
    public void Repetitions_read_as_reps() => Assert.Equal("8 reps", Dose.Repetitions(8, 5).ToString());
}
