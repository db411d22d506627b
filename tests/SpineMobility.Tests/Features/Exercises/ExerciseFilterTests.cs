using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Tests.Features.Exercises;

public sealed class ExerciseFilterTests
{
    [Fact]
    public void Regions_can_be_repeated_or_comma_separated()
    {
        var filter = ExerciseFilter.Parse(["cervical", "hip,full-body"], null, null, null, out var errors);

        Assert.Empty(errors);
        Assert.Equal([Region.Cervical, Region.Hip, Region.FullBody], filter.Regions);
    }

    [Theory]
    [InlineData("neck", Region.Cervical)]
    [InlineData("Neck", Region.Cervical)]
    [InlineData("upper back", Region.Thoracic)]
    [InlineData("upper-back", Region.Thoracic)]
    [InlineData("lower back", Region.Lumbar)]
    [InlineData("Lower_Back", Region.Lumbar)]
    [InlineData("hips", Region.Hip)]
    [InlineData("full body", Region.FullBody)]
    [InlineData("lumbar", Region.Lumbar)]
    public void The_words_people_use_for_a_region_are_understood(string word, Region region)
    {
        var filter = ExerciseFilter.Parse([word], null, null, null, out var errors);

        Assert.Empty(errors);
        Assert.Equal([region], filter.Regions);
    }

    [Fact]
    public void Labels_are_understood_for_position_and_equipment()
    {
        var filter = ExerciseFilter.Parse(null, null, "Lying on your back", "foam roller or exercise ball", out var errors);

        Assert.Empty(errors);
        Assert.Equal(StartingPosition.LyingOnBack, filter.Position);
        Assert.Equal(Equipment.FoamRollerOrBall, filter.Equipment);
    }

    [Fact]
    public void An_unknown_region_is_named_in_plain_words_and_left_out()
    {
        var filter = ExerciseFilter.Parse(["cervical", "spleen"], null, null, null, out var errors);

        Assert.Equal([Region.Cervical], filter.Regions);
        Assert.Equal(
            "There is no region called “spleen”, so the list is not narrowed by region. Choose from Neck, Upper back, Lower back, Hips, Full body or Beginner.",
            Assert.Single(errors["region"]));
    }

    [Fact]
    public void Unknown_position_and_equipment_are_named()
    {
        ExerciseFilter.Parse(null, null, "upside-down", "trampoline", out var errors);

        Assert.StartsWith("There is no position called “upside-down”", Assert.Single(errors["position"]), StringComparison.Ordinal);
        Assert.Contains("Choose from Standing, Seated,", errors["position"][0], StringComparison.Ordinal);
        Assert.StartsWith("There is no equipment called “trampoline”", Assert.Single(errors["equipment"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_unknown_value_is_not_repeated_whole()
    {
        ExerciseFilter.Parse([new string('x', 5000)], null, null, null, out var errors);

        Assert.True(errors["region"][0].Length < 250);
    }

    [Fact]
    public void The_query_string_reproduces_the_filter()
    {
        var filter = new ExerciseFilter([Region.Lumbar, Region.FullBody], "knee & chest", StartingPosition.LyingOnBack, Equipment.Mat);

        var query = filter.ToQueryString();

        Assert.Equal("?region=lumbar&region=full-body&q=knee%20%26%20chest&position=lying-on-back&equipment=mat", query);
        var parsed = ExerciseFilter.Parse(["lumbar", "full-body"], "knee & chest", "lying-on-back", "mat", out _);
        Assert.Equal(filter.Regions, parsed.Regions);
        Assert.Equal(filter with { Regions = parsed.Regions }, parsed);
    }

    [Fact]
    public void An_empty_filter_has_no_query_string()
    {
        Assert.Equal("", ExerciseFilter.All.ToQueryString());
        Assert.True(ExerciseFilter.Parse([], "  ", "", null, out _).IsEmpty);
    }
}
