using Bunit;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Tests.Features.Exercises;

public sealed class ExerciseCardTests : ComponentTest
{
    private static Exercise PigeonPose(bool perSide = true) => new()
    {
        Slug = "pigeon-pose",
        Name = "Pigeon pose",
        Summary = "A deep stretch for the hip.",
        Regions = [Region.Hip],
        Position = StartingPosition.AllFours,
        Equipment = Equipment.Mat,
        Directions = [MovementDirection.Flexion],
        Dose = Dose.Hold(20, 30),
        PerSide = perSide,
        Phases = [SessionPhase.Flexibility],
        Intensity = Intensity.Moderate,
        Steps = ["Start on all fours."],
        Cues = ["Breathe slowly."],
        Cautions = ["Skip it if your knee complains."],
        Illustration = new("illustrations/pigeon-pose-start.svg", "On hands and knees.", "illustrations/pigeon-pose-end.svg", "Front shin across, back leg long behind."),
    };

    [Fact]
    public void The_card_shows_the_drawing_of_both_positions_with_their_descriptions()
    {
        var card = Render<ExerciseCard>(p => p.Add(c => c.Exercise, PigeonPose()));

        var images = card.FindAll("[data-testid=figure] img");
        Assert.Equal(["On hands and knees.", "Front shin across, back leg long behind."], images.Select(i => i.GetAttribute("alt")));
        Assert.All(images, i => Assert.Equal("lazy", i.GetAttribute("loading")));
    }

    [Fact]
    public void The_card_shows_the_name_dose_per_side_badge_and_cautions()
    {
        var card = Render<ExerciseCard>(p => p.Add(c => c.Exercise, PigeonPose()));

        Assert.Equal("Pigeon pose", card.Find("h2").TextContent.Trim());
        Assert.Equal("20–30 s hold", card.Find("[data-testid=dose]").TextContent.Trim());
        Assert.Equal("Each side", card.Find("[data-testid=per-side]").TextContent.Trim());
        Assert.Contains("Skip it if your knee complains.", card.Find("[data-testid=cautions]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_shows_position_equipment_and_regions()
    {
        var card = Render<ExerciseCard>(p => p.Add(c => c.Exercise, PigeonPose()));

        Assert.Contains("On all fours", card.Markup, StringComparison.Ordinal);
        Assert.Contains("Mat", card.Markup, StringComparison.Ordinal);
        Assert.Contains(card.FindAll("a"), a => a.GetAttribute("href") == "/exercises?region=hip");
    }

    [Fact]
    public void An_exercise_done_on_both_sides_at_once_has_no_per_side_badge()
    {
        var card = Render<ExerciseCard>(p => p.Add(c => c.Exercise, PigeonPose(perSide: false)));

        Assert.Empty(card.FindAll("[data-testid=per-side]"));
    }

    [Fact]
    public void The_card_links_to_the_exercise()
    {
        var card = Render<ExerciseCard>(p => p.Add(c => c.Exercise, PigeonPose()));

        Assert.Contains(card.FindAll("a"), a => a.GetAttribute("href") == "/exercises/pigeon-pose");
    }
}
