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

    [Fact]
    public void An_unknown_region_is_named_in_the_errors_and_left_out()
    {
        var filter = ExerciseFilter.Parse(["cervical", "neck"], null, null, null, out var errors);

        Assert.Equal([Region.Cervical], filter.Regions);
        var message = Assert.Single(errors["region"]);
        Assert.Contains("'neck' is not a known region", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_position_and_equipment_are_named()
    {
        ExerciseFilter.Parse(null, null, "upside-down", "trampoline", out var errors);

        Assert.Contains("'upside-down'", Assert.Single(errors["position"]), StringComparison.Ordinal);
        Assert.Contains("'trampoline'", Assert.Single(errors["equipment"]), StringComparison.Ordinal);
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
