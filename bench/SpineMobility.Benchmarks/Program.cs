using BenchmarkDotNet.Running;
using SpineMobility.Benchmarks;

// dotnet run -c Release --project bench/SpineMobility.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/SpineMobility.Benchmarks -- player-renders http://127.0.0.1:5099 [seconds]
// dotnet run -c Release --project bench/SpineMobility.Benchmarks -- plan-shape [minutes...]
// dotnet run -c Release --project bench/SpineMobility.Benchmarks -- open-sessions [count] [rounds]
if (args is ["open-sessions", .. var sizes])
{
    var count = sizes.Length > 0 ? int.Parse(sizes[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
    var rounds = sizes.Length > 1 ? int.Parse(sizes[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
    return await OpenSessions.RunAsync(count, rounds);
}

if (args is ["plan-shape", .. var lengths])
{
    return PlanShape.Run(lengths);
}

if (args is ["player-renders", var url, .. var rest])
{
    var seconds = rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 60;
    return await PlayerRenders.RunAsync(new Uri(url), TimeSpan.FromSeconds(seconds));
}

BenchmarkSwitcher.FromAssembly(typeof(RoutineGeneratorBenchmarks).Assembly).Run(args);
return 0;
