using System.Globalization;

namespace SpineMobility.Web.Features.Exercises;

/// <summary>
/// A drawing's shape, from its viewBox: 240x180 for most, 240x120 for a body lying on the mat (about three times as long
/// as it is high, so a 4:3 frame would leave its upper half empty). Pages give an image these as its width and height,
/// so the browser keeps the drawing's own shape before it loads and never stretches it.
/// </summary>
public readonly record struct DrawingSize(int Width, int Height)
{
    /// <summary>The frame of every drawing that says nothing else (and of one that cannot be read).</summary>
    public static DrawingSize Standard { get; } = new(240, 180);

    /// <summary>Wider than 16:10. The player gives such a drawing more of the screen's width, at the height of the others.</summary>
    public bool IsWide => Width * 10 > Height * 16;

    /// <summary>The same width to height, whatever the scale: frames the player can crossfade in one box.</summary>
    public bool HasTheShapeOf(DrawingSize other) => Math.Abs(((double)Width / Height) - ((double)other.Width / other.Height)) <= 0.01 * Width / Height;

    /// <summary>For CSS's aspect-ratio: "240 / 120".</summary>
    public string AspectRatio => string.Create(CultureInfo.InvariantCulture, $"{Width} / {Height}");

    /// <summary>The size of a viewBox such as "0 0 240 120"; null unless it is four numbers with a positive width and height.</summary>
    public static DrawingSize? FromViewBox(string? viewBox)
    {
        var parts = (viewBox ?? "").Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4)
        {
            return null;
        }

        var numbers = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
            {
                return null;
            }
        }

        var (width, height) = ((int)Math.Round(numbers[2]), (int)Math.Round(numbers[3]));
        return width > 0 && height > 0 ? new DrawingSize(width, height) : null;
    }
}
