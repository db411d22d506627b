using System.Text.Json.Nodes;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Tests.Features.Exercises;

/// <summary>The drawings are content: each exercise names two, and a missing or unsafe one stops the app like any other content error.</summary>
public sealed class IllustrationContentTests : IDisposable
{
    private readonly string _file = TempFiles.ContentFolder(System.IO.File.ReadAllText(RepoFiles.ExercisesJson));

    private string Folder => Path.GetDirectoryName(_file)!;

    private static JsonObject RealContent() => JsonNode.Parse(System.IO.File.ReadAllText(RepoFiles.ExercisesJson))!.AsObject();

    private async Task<string> SingleProblemAsync()
    {
        var result = await ExerciseContent.LoadAsync(_file);
        Assert.False(result.IsValid);
        return Assert.Single(result.Problems).ToString();
    }

    [Fact]
    public async Task Every_exercise_of_the_real_catalog_has_both_drawings_and_a_description_of_each()
    {
        var result = await ExerciseContent.LoadAsync(RepoFiles.ExercisesJson);

        Assert.Empty(result.Problems);
        Assert.All(result.Exercises, e =>
        {
            Assert.Equal($"illustrations/{e.Slug}-start.svg", e.Illustration.StartFile);
            Assert.Equal($"illustrations/{e.Slug}-end.svg", e.Illustration.EndFile);
            Assert.True(e.Illustration.StartAlt.Length > 20, $"{e.Slug}: the start description is too short to describe a position");
            Assert.True(e.Illustration.EndAlt.Length > 20, $"{e.Slug}: the end description is too short to describe a position");
            Assert.NotEqual(e.Illustration.StartAlt, e.Illustration.EndAlt);
        });
    }

    [Fact]
    public async Task A_missing_drawing_names_the_entry_the_field_and_the_file()
    {
        System.IO.File.Delete(Path.Combine(Folder, "illustrations", "cat-cow-end.svg"));

        var problem = await SingleProblemAsync();

        Assert.StartsWith($"{_file}: exercises[6] 'cat-cow', field 'illustration.end.file': 'illustrations/cat-cow-end.svg' does not exist", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 240 180\"><script>alert(1)</script></svg>", "contains a <script> element")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 240 180\"><circle onload=\"x()\" r=\"4\"/></svg>", "event handler attribute 'onload'")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 1 1\"><use xlink:href=\"https://example.com/a.svg#x\"/></svg>", "must not load anything else")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><a><set attributeName=\"href\" to=\"javascript:x()\"/></a></svg>", "contains a <a> element")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><style>@import url(https://example.com/x.css);</style></svg>", "contains a <style> element")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><path style=\"fill: url( https://example.com/p.svg )\" d=\"M0 0\"/></svg>", "must not load anything else")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"https://example.com\"/></svg>", "contains a <iframe> element")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0\"/></svg>", "has no viewBox")]
    [InlineData("<?xml-stylesheet href=\"https://example.com/x.css\"?><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>", "has a processing instruction <?xml-stylesheet?>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><?xml-stylesheet href=\"x.css\"?></svg>", "has a processing instruction")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><path style=\"fill: u\\72l(https://example.com/p.svg)\" d=\"M0 0\"/></svg>", "must not load anything else")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><path style=\"fill: \\75 \\72 \\6c (x.svg)\" d=\"M0 0\"/></svg>", "must not load anything else")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><path style=\"fill: URL('x.svg')\" d=\"M0 0\"/></svg>", "must not load anything else")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><path style=\"fill: image-set('x.png' 1x)\" d=\"M0 0\"/></svg>", "must not load anything else")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><path style=\"x: \\@import 'x.css'\" d=\"M0 0\"/></svg>", "must not load anything else")]
    [InlineData("<html><body/></html>", "is not an SVG drawing")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><path>", "is not well-formed SVG")]
    public async Task A_drawing_that_is_not_a_plain_svg_is_refused(string svg, string expected)
    {
        await System.IO.File.WriteAllTextAsync(Path.Combine(Folder, "illustrations", "chin-tucks-start.svg"), svg);

        var problem = await SingleProblemAsync();

        Assert.Contains("exercises[2] 'chin-tucks', field 'illustration.start.file'", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_and_end_drawings_of_different_shapes_are_refused_since_the_player_crossfades_them()
    {
        var end = Path.Combine(Folder, "illustrations", "chin-tucks-end.svg");
        await System.IO.File.WriteAllTextAsync(end, (await System.IO.File.ReadAllTextAsync(end)).Replace("viewBox=\"0 0 240 180\"", "viewBox=\"0 0 240 120\"", StringComparison.Ordinal));

        var problem = await SingleProblemAsync();

        Assert.Contains("exercises[2] 'chin-tucks', field 'illustration.end.file': 'illustrations/chin-tucks-end.svg' is 240x120 but the start drawing is 240x180", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gradient_referenced_inside_the_drawing_is_fine()
    {
        await System.IO.File.WriteAllTextAsync(Path.Combine(Folder, "illustrations", "chin-tucks-start.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 240 180\"><defs><linearGradient id=\"g\"><stop offset=\"0\"/></linearGradient></defs><path fill=\"url(#g)\" d=\"M0 0\"/></svg>");

        var result = await ExerciseContent.LoadAsync(_file);

        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task A_drawing_with_a_comment_and_an_xml_declaration_is_fine()
    {
        await System.IO.File.WriteAllTextAsync(Path.Combine(Folder, "illustrations", "chin-tucks-start.svg"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!-- drawn by draw.cs --><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 240 180\"><path style=\"fill: url( '#g' )\" transform=\"matrix(1 0 0 1 0 0)\" d=\"M0 0\"/></svg>");

        var result = await ExerciseContent.LoadAsync(_file);

        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData("../exercises.json")]
    [InlineData("/etc/passwd.svg")]
    [InlineData("illustrations/../../secret.svg")]
    [InlineData("illustrations\\chin-tucks.svg")]
    [InlineData("pictures/chin-tucks.svg")]
    [InlineData("illustrations/chin-tucks.png")]
    public void A_drawing_outside_the_illustrations_folder_is_refused(string file)
    {
        const string expected = "is not a valid drawing file. An SVG file in the illustrations/ folder";
        var content = RealContent();
        content["exercises"]![2]!["illustration"]!["start"]!["file"] = file;

        var result = ExerciseContent.Parse("exercises.json", content.ToJsonString());

        var problem = Assert.Single(result.Problems).ToString();
        Assert.Contains("field 'illustration.start.file'", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exercise_without_an_illustration_or_a_description_is_reported()
    {
        var content = RealContent();
        content["exercises"]![0]!.AsObject().Remove("illustration");
        content["exercises"]![1]!["illustration"]!["end"]!["alt"] = "  ";
        content["exercises"]![3]!["illustration"]!["start"] = null;

        var problems = ExerciseContent.Parse("exercises.json", content.ToJsonString()).Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(3, problems.Count);
        Assert.Contains("exercises.json: exercises[0] 'neck-circles', field 'illustration': missing", problems);
        Assert.Contains("exercises.json: exercises[1] 'neck-tilts', field 'illustration.end.alt': is empty", problems);
        Assert.Contains(problems, p => p.StartsWith("exercises.json: exercises[3] 'thoracic-rotations', field 'illustration.start': missing", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
