using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Tests.Features.Exercises;

public sealed class TagTests
{
    [Fact]
    public void Tags_are_the_kebab_case_words_of_the_content_file()
    {
        Assert.Equal(["cervical", "thoracic", "lumbar", "hip", "full-body", "beginner"], Tag.All<Region>());
        Assert.Equal("lying-on-back", Tag.Of(StartingPosition.LyingOnBack));
        Assert.Equal("foam-roller-or-ball", Tag.Of(Equipment.FoamRollerOrBall));
        Assert.Equal("warm-up", Tag.Of(SessionPhase.WarmUp));
        Assert.Equal("side-bend", Tag.Of(MovementDirection.SideBend));
    }

    [Fact]
    public void Parsing_is_exact()
    {
        Assert.True(Tag.TryParse<Region>("full-body", out var region));
        Assert.Equal(Region.FullBody, region);
        Assert.False(Tag.TryParse<Region>("FullBody", out _));
        Assert.False(Tag.TryParse<Region>(null, out _));
    }
}
