using BenchmarkDotNet.Attributes;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Benchmarks;

[MemoryDiagnoser]
public class RoutineGeneratorBenchmarks
{
    private IReadOnlyList<Exercise> _catalog = [];

    [GlobalSetup]
    public void LoadCatalog() => _catalog = Catalog.Load();

    [Benchmark(Baseline = true)]
    public Routine Forty_five_minutes_balanced() =>
        RoutineGenerator.Generate(new RoutineRequest(45, [], Level.Standard, true, 7), _catalog);

    [Benchmark]
    public Routine Forty_five_minutes_lower_back_focus() =>
        RoutineGenerator.Generate(new RoutineRequest(45, [Region.Lumbar], Level.Standard, true, 7), _catalog);

    [Benchmark]
    public Routine Ninety_minutes_beginner_hips() =>
        RoutineGenerator.Generate(new RoutineRequest(90, [Region.Hip], Level.Beginner, false, 7), _catalog);
}
