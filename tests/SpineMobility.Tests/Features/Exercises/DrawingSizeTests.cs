using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Tests.Features.Exercises;

public sealed class DrawingSizeTests
{
    [Theory]
    [InlineData("0 0 240 180", 240, 180, false)]
    [InlineData("0 0 240 120", 240, 120, true)]
    [InlineData("0,0,240,120", 240, 120, true)]
    [InlineData(" -10 5 100.4 62.6 ", 100, 63, false)]
    public void A_viewBox_gives_the_drawings_width_and_height_and_whether_it_is_wide(string viewBox, int width, int height, bool wide)
    {
        var size = DrawingSize.FromViewBox(viewBox);

        Assert.Equal(new DrawingSize(width, height), size);
        Assert.Equal(wide, size!.Value.IsWide);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0 0 240")]
    [InlineData("0 0 240 0")]
    [InlineData("0 0 -240 180")]
    [InlineData("0 0 wide 180")]
    [InlineData("0 0 NaN 180")]
    public void A_viewBox_without_a_positive_width_and_height_gives_no_size(string? viewBox)
    {
        Assert.Null(DrawingSize.FromViewBox(viewBox));
    }

    [Fact]
    public void Frames_of_one_shape_at_another_scale_can_be_crossfaded_and_frames_of_another_shape_cannot()
    {
        Assert.True(new DrawingSize(240, 180).HasTheShapeOf(new DrawingSize(480, 360)));
        Assert.True(new DrawingSize(240, 120).HasTheShapeOf(new DrawingSize(100, 50)));
        Assert.False(new DrawingSize(240, 180).HasTheShapeOf(new DrawingSize(240, 120)));
        Assert.False(new DrawingSize(240, 180).HasTheShapeOf(new DrawingSize(1, 1)));
    }
}
