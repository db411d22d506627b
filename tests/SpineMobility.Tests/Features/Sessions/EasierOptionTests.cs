using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Playing;

namespace SpineMobility.Tests.Features.Sessions;

public sealed class EasierOptionTests
{
    private static string? EasierThan(string slug, bool hasEquipment = false) =>
        EasierOption.For(TestCatalog.Get(slug), TestCatalog.Exercises, hasEquipment)?.Slug;

    [Theory]
    [InlineData("pigeon-pose", "hip-circles")]
    [InlineData("squat-hold", "hip-circles")]
    [InlineData("cat-cow", "pelvic-tilts")]
    [InlineData("knee-to-chest", "pelvic-tilts")]
    [InlineData("chin-tucks", "neck-tilts")]
    [InlineData("cobra-pose", "seated-spinal-twist")]
    [InlineData("thoracic-extensions", "thoracic-rotations")]
    public void The_easier_option_is_one_step_gentler_for_the_same_region(string hurting, string easier)
    {
        var option = EasierThan(hurting);

        Assert.Equal(easier, option);
        var (from, to) = (TestCatalog.Get(hurting), TestCatalog.Get(easier));
        Assert.True(EasierOption.Effort(to) < EasierOption.Effort(from));
        Assert.True(to.Regions.Intersect(from.Regions).Any(r => r != Region.Beginner), "the easier exercise works another region");
    }

    [Theory]
    [InlineData("neck-tilts")]
    [InlineData("pelvic-tilts")]
    [InlineData("childs-pose")]
    [InlineData("hip-circles")]
    [InlineData("seated-spinal-rolls")]
    public void There_is_none_when_nothing_for_that_region_is_gentler(string slug) => Assert.Null(EasierThan(slug));

    [Fact]
    public void An_exercise_needing_a_foam_roller_is_offered_only_to_someone_who_has_one()
    {
        var catalog = TestCatalog.Fresh();
        var roller = catalog.Single(e => e.Slug == "thoracic-extensions");
        roller.Intensity = Intensity.Gentle;
        roller.Regions = [Region.Thoracic, Region.Beginner];
        var hurting = catalog.Single(e => e.Slug == "quadruped-thoracic-mobilisations");

        Assert.Equal("thoracic-extensions", EasierOption.For(hurting, catalog, hasEquipment: true)?.Slug);
        Assert.Null(EasierOption.For(hurting, catalog, hasEquipment: false));
    }

    [Fact]
    public void A_retired_exercise_is_never_offered()
    {
        var catalog = TestCatalog.Fresh();
        catalog.Single(e => e.Slug == "hip-circles").IsRetired = true;

        Assert.Null(EasierOption.For(catalog.Single(e => e.Slug == "pigeon-pose"), catalog, hasEquipment: false));
    }
}
