using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Benchmarks;

/// <summary>Search and content validation over a 500-exercise catalog: the 18 real exercises, each copied under new slugs.</summary>
[MemoryDiagnoser]
public class ExerciseSearchBenchmarks
{
    private const int Size = 500;

    private IReadOnlyList<Exercise> _catalog = [];
    private ExerciseSearch _search = default!;
    private string _catalogJson = "";

    [GlobalSetup]
    public void Setup()
    {
        var real = Catalog.Load();
        _catalog = [.. Enumerable.Range(0, Size).Select(i => Copy(real[i % real.Count], i))];
        _search = new ExerciseSearch(_catalog);

        var file = JsonNode.Parse(File.ReadAllText(Catalog.File))!;
        var entries = file["exercises"]!.AsArray();
        var copies = new JsonArray();
        for (var i = 0; i < Size; i++)
        {
            var copy = entries[i % entries.Count]!.DeepClone();
            copy["slug"] = $"{copy["slug"]!.GetValue<string>()}-{i}";
            copies.Add(copy);
        }

        file["exercises"] = copies;
        _catalogJson = file.ToJsonString();
    }

    private static Exercise Copy(Exercise e, int i) => new()
    {
        Slug = $"{e.Slug}-{i}",
        Name = $"{e.Name} {i}",
        Summary = e.Summary,
        Regions = e.Regions,
        Position = e.Position,
        Equipment = e.Equipment,
        Directions = e.Directions,
        Dose = e.Dose,
        PerSide = e.PerSide,
        Phases = e.Phases,
        Intensity = e.Intensity,
        Steps = e.Steps,
        Cues = e.Cues,
        Cautions = e.Cautions,
        Illustration = e.Illustration,
        SortOrder = i,
    };

    [Benchmark]
    public ExerciseSearch Build_the_index() => new(_catalog);

    [Benchmark(Baseline = true)]
    public int Search_one_word() => _search.Find("chair").Count;

    [Benchmark]
    public int Search_a_region_phrase() => _search.Find("lower back").Count;

    [Benchmark]
    public int Search_a_word_being_typed() => _search.Find("twi").Count;

    [Benchmark]
    public int Search_three_words() => _search.Find("gentle neck stretches").Count;

    [Benchmark]
    public int Validate_the_catalog_file() => ExerciseContent.Parse("exercises.json", _catalogJson).Exercises.Count;
}
