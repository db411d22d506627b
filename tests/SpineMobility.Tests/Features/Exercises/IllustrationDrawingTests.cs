using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using SpineMobility.Testing;

namespace SpineMobility.Tests.Features.Exercises;

/// <summary>
/// What the committed drawings promise the player and the catalog: each picture is its own, both frames of an
/// exercise are taken from the same place (the player crossfades them in place), one line style, and a neck
/// exercise's head moves far enough to see on a phone's card.
/// </summary>
public sealed class IllustrationDrawingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Line widths of the one line style, in pixels of the 240x180 picture.</summary>
    private static readonly double[] LineWidths = [2.4, 3, 3.6, 4.8, 7.2, 8.4, 9.6, 12];

    private static IEnumerable<(string Slug, string[] Regions, string Position)> Exercises() =>
        JsonNode.Parse(File.ReadAllText(RepoFiles.ExercisesJson))!["exercises"]!.AsArray()
            .Select(e => (e!["slug"]!.GetValue<string>(), e["regions"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray(), e["position"]!.GetValue<string>()));

    private static string DrawingPath(string slug, string frame) => Path.Combine(RepoFiles.Root, "content", "illustrations", $"{slug}-{frame}.svg");

    private static XElement Drawing(string slug, string frame) => XDocument.Load(DrawingPath(slug, frame)).Root!;

    private static XElement Group(XElement svg) => svg.Element(Svg + "g")!;

    /// <summary>The group's transform is matrix(k 0 0 k dx dy): grid to picture.</summary>
    private static double[] Matrix(XElement svg) =>
        Group(svg).Attribute("transform")!.Value.Replace("matrix(", "", StringComparison.Ordinal).TrimEnd(')')
            .Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    private static double Number(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void No_two_exercises_share_a_picture_and_no_end_repeats_its_start()
    {
        var files = Exercises().SelectMany(e => new[] { $"{e.Slug}-start", $"{e.Slug}-end" }).ToList();

        var repeated = files.GroupBy(f => File.ReadAllText(DrawingPath(f[..f.LastIndexOf('-')], f[(f.LastIndexOf('-') + 1)..])))
            .Where(g => g.Count() > 1).Select(g => string.Join(" = ", g)).ToList();

        Assert.Equal(36, files.Count);
        Assert.Empty(repeated);
    }

    [Fact]
    public void Both_frames_of_an_exercise_are_drawn_from_the_same_place_with_the_same_props()
    {
        Assert.All(Exercises(), e =>
        {
            var start = Drawing(e.Slug, "start");
            var end = Drawing(e.Slug, "end");
            static IEnumerable<string> Props(XElement svg) => Group(svg).Elements()
                .Where(x => x.Attribute("stroke")?.Value == "#98AAB4" || x.Attribute("fill")?.Value == "#98AAB4")
                .Select(x => x.ToString());

            Assert.Equal(Group(start).Attribute("transform")!.Value, Group(end).Attribute("transform")!.Value);
            Assert.NotEmpty(Props(start));
            Assert.Equal(Props(start), Props(end));
        });
    }

    [Fact]
    public void Every_drawing_has_the_frame_of_its_position_and_the_line_widths_of_the_one_line_style()
    {
        Assert.All(Exercises().SelectMany(e => new[] { (e.Slug, "start", e.Position), (e.Slug, "end", e.Position) }), d =>
        {
            var svg = Drawing(d.Slug, d.Item2);
            var scale = Matrix(svg)[0];

            // Someone lying on the mat is about three times as long as high: a wide frame, so the figure fills it.
            Assert.Equal(d.Position.StartsWith("lying", StringComparison.Ordinal) ? "0 0 240 120" : "0 0 240 180", svg.Attribute("viewBox")?.Value);
            Assert.All(Group(svg).Elements().Where(x => x.Attribute("stroke-width") is not null), x =>
            {
                var onScreen = Number(x, "stroke-width") * scale;
                Assert.True(LineWidths.Any(w => Math.Abs(w - onScreen) < 0.25), $"{d.Slug}-{d.Item2}: a line {onScreen:0.##} px wide is not one of {string.Join(", ", LineWidths)}: {x}");
            });
        });
    }

    [Fact]
    public void The_head_of_every_neck_exercise_moves_at_least_8_px_on_a_120_px_card()
    {
        var neck = Exercises().Where(e => e.Regions.Contains("cervical")).ToList();

        Assert.Equal(["neck-circles", "neck-tilts", "chin-tucks", "gentle-neck-stretches"], neck.Select(e => e.Slug));
        Assert.All(neck, e =>
        {
            // The head is the one filled ellipse; a dashed outline of where it started has no fill.
            (double X, double Y) Head(XElement svg)
            {
                var head = Group(svg).Elements(Svg + "ellipse").Single(x => x.Attribute("fill") is not null);
                var m = Matrix(svg);
                return ((Number(head, "cx") * m[0]) + m[4], (Number(head, "cy") * m[0]) + m[5]);
            }

            var (x0, y0) = Head(Drawing(e.Slug, "start"));
            var (x1, y1) = Head(Drawing(e.Slug, "end"));
            var onCard = Math.Sqrt(((x1 - x0) * (x1 - x0)) + ((y1 - y0) * (y1 - y0))) * 120 / 240;
            Assert.True(onCard >= 8, $"{e.Slug}: the head moves only {onCard:0.#} px at 120 px");
        });
    }
}
