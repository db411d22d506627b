using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Shared;

namespace SpineMobility.Tests.Features.Safety;

public sealed class PainReportTextTests
{
    private static PainReport Report(PainChoice choice) => new()
    {
        ExerciseSlug = "pigeon-pose",
        ExerciseName = "Pigeon pose",
        Pain = 5,
        Area = BodyArea.LowerBack,
        Choice = choice,
        EasierSlug = choice == PainChoice.EasierExercise ? "hip-circles" : null,
        EasierName = choice == PainChoice.EasierExercise ? "Hip circles" : null,
    };

    [Fact]
    public void A_report_says_how_much_and_where() => Assert.Equal("pain 5/10, lower back", PainReportText.What(Report(PainChoice.KeepGoing)));

    [Theory]
    [InlineData(PainChoice.EasierExercise, "switched to Hip circles")]
    [InlineData(PainChoice.SkipExercise, "skipped the exercise")]
    [InlineData(PainChoice.EndSession, "ended the session")]
    [InlineData(PainChoice.StoppedForSafety, "stopped: a warning sign, see the Safety page")]
    [InlineData(PainChoice.KeepGoing, "carried on")]
    [InlineData(PainChoice.NotChosen, "no choice recorded")]
    public void A_report_says_what_the_user_did_about_it(PainChoice choice, string text) => Assert.Equal(text, PainReportText.Choice(Report(choice)));
}
