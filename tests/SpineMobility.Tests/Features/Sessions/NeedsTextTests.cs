using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Tests.Features.Sessions;

public sealed class NeedsTextTests
{
    [Fact]
    public void What_a_routine_needs_reads_as_a_sentence()
    {
        Assert.Equal("Needs only a little space", NeedsText.Of([]));
        Assert.Equal("Needs a chair", NeedsText.Of([Equipment.Chair]));
        Assert.Equal("Needs a chair and a mat", NeedsText.Of([Equipment.Chair, Equipment.Mat]));
        Assert.Equal("Needs a chair, a mat and a foam roller or ball", NeedsText.Of([Equipment.Chair, Equipment.Mat, Equipment.FoamRollerOrBall]));
    }

    [Fact]
    public void The_plan_shows_each_exercise_with_its_labelled_dose()
    {
        var hold = RoutineGenerator.BlockFor(TestCatalog.Get("pigeon-pose"), SessionPhase.Flexibility, null) with { WorkSeconds = 30, Sets = 3, RestSeconds = 15 };
        var reps = RoutineGenerator.BlockFor(TestCatalog.Get("cat-cow"), SessionPhase.Mobility, null) with { Reps = 10, WorkSeconds = 50 };

        Assert.Equal("Hold 30 s, 3 times, each side", hold.DoseText);
        Assert.Equal(10 + (3 * 65) + (2 * 15), hold.TotalSeconds);
        Assert.Equal("10 reps", reps.DoseText);
        Assert.Equal("2 sets of 10 reps", (reps with { Sets = 2 }).DoseText);
    }
}
