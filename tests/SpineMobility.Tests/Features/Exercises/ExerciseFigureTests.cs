using SpineMobility.Testing;
using Bunit;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Tests.Features.Exercises;

public sealed class ExerciseFigureTests : ComponentTest
{
    private static readonly Illustration CatCow = new(
        "illustrations/cat-cow-start.svg", "On hands and knees with the back rounded up.",
        "illustrations/cat-cow-end.svg", "On hands and knees with the belly dipped toward the floor.");

    private static readonly Illustration PelvicTilts = new(
        "illustrations/pelvic-tilts-start.svg", "Lying on the back, knees bent, the lower back arched off the mat.",
        "illustrations/pelvic-tilts-end.svg", "Lying on the back, the lower back pressed flat into the mat.");

    private IRenderedComponent<ExerciseFigure> Figure(FigureView view, bool reducedMotion = false, Illustration? drawing = null) =>
        Render<ExerciseFigure>(p => p
            .Add(f => f.Illustration, drawing ?? CatCow)
            .Add(f => f.View, view)
            .Add(f => f.TempoSeconds, 6)
            .Add(f => f.ReducedMotion, reducedMotion));

    [Fact]
    public void Each_drawing_is_linked_by_an_address_with_a_fingerprint_of_its_content()
    {
        var images = Figure(FigureView.Pair).FindAll("img");

        var start = images[0].GetAttribute("src")!;
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(RepoFiles.ExercisesJson)!, "illustrations/cat-cow-start.svg"))))[..10];
        Assert.Equal($"/illustrations/cat-cow-start.svg?v={expected}", start);
        Assert.NotEqual(start.Split("?v=")[1], images[1].GetAttribute("src")!.Split("?v=")[1]);
    }

    [Fact]
    public void The_pair_shows_both_positions_each_with_its_description()
    {
        var figure = Figure(FigureView.Pair);

        var images = figure.FindAll("img");
        Assert.Equal(["/illustrations/cat-cow-start.svg", "/illustrations/cat-cow-end.svg"], images.Select(i => i.GetAttribute("src")!.Split('?')[0]));
        Assert.Equal([CatCow.StartAlt, CatCow.EndAlt], images.Select(i => i.GetAttribute("alt")));
    }

    [Fact]
    public void A_moving_figure_animates_at_the_exercises_tempo()
    {
        var figure = Figure(FigureView.Moving);

        var stage = figure.Find("[data-testid=figure]");
        Assert.Contains("figure-moving", stage.ClassList);
        Assert.Equal("--tempo: 6s; aspect-ratio: 240 / 180", stage.GetAttribute("style"));
        Assert.Equal([CatCow.StartAlt, CatCow.EndAlt], figure.FindAll("img").Select(i => i.GetAttribute("alt")));
    }

    [Theory]
    [InlineData(FigureView.Pair)]
    [InlineData(FigureView.Moving)]
    [InlineData(FigureView.Start)]
    public void A_drawing_of_someone_lying_down_keeps_its_wide_frame_and_a_kneeling_one_its_four_by_three_frame(FigureView view)
    {
        var lying = Figure(view, drawing: PelvicTilts);
        var kneeling = Figure(view);

        Assert.All(lying.FindAll("img"), i => Assert.Equal(("240", "120"), (i.GetAttribute("width"), i.GetAttribute("height"))));
        Assert.All(kneeling.FindAll("img"), i => Assert.Equal(("240", "180"), (i.GetAttribute("width"), i.GetAttribute("height"))));
        Assert.Contains("figure-wide", lying.Find("[data-testid=figure]").ClassList);
        Assert.DoesNotContain("figure-wide", kneeling.Find("[data-testid=figure]").ClassList);
        if (view == FigureView.Moving)
        {
            // The crossfaded frames lie on each other in a box of the drawing's own shape.
            Assert.Contains("aspect-ratio: 240 / 120", lying.Find("[data-testid=figure]").GetAttribute("style"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(FigureView.Moving)]
    [InlineData(FigureView.Settling)]
    public void With_reduced_motion_the_figure_stands_still_showing_both_positions(FigureView view)
    {
        var figure = Figure(view, reducedMotion: true);

        var stage = figure.Find("[data-testid=figure]");
        Assert.DoesNotContain("figure-moving", stage.ClassList);
        Assert.DoesNotContain("figure-settling", stage.ClassList);
        Assert.Contains("figure-pair", stage.ClassList);
        Assert.Equal(2, figure.FindAll("img[alt]").Count);
    }

    [Fact]
    public void Getting_ready_shows_the_starting_position_only()
    {
        var figure = Figure(FigureView.Start);

        Assert.Equal(CatCow.StartAlt, Assert.Single(figure.FindAll("img")).GetAttribute("alt"));
    }

    [Fact]
    public void An_exercise_without_drawings_shows_nothing()
    {
        var figure = Render<ExerciseFigure>(p => p.Add(f => f.Illustration, Illustration.None));

        Assert.Empty(figure.Markup.Trim());
    }
}
