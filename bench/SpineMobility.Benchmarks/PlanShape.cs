using System.Globalization;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Benchmarks;

/// <summary>
/// What a generated plan looks like to a physiotherapist: how many blocks, how often one exercise
/// comes back, and how often the user changes position within each phase.
/// </summary>
public static class PlanShape
{
    public static int Run(IReadOnlyList<string> args)
    {
        var catalog = Catalog.Load();
        var byslug = catalog.ToDictionary(e => e.Slug);
        // "plan-shape 45 90" for balanced plans; "plan-shape neck-relief 30" for a ready-made one.
        var preset = args.Count > 0 ? Preset.Find(args[0]) : null;
        var numbers = preset is null ? args : args.Skip(1).ToList();
        int[] lengths = numbers.Count > 0 ? [.. numbers.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [preset?.Request.Minutes ?? 45, 90];
        foreach (var minutes in lengths)
        {
            var request = (preset?.Request ?? new RoutineRequest(minutes, [], Level.Standard, false, 1)) with { Minutes = minutes };
            var routine = RoutineGenerator.Generate(request, catalog);
            var most = routine.Blocks.GroupBy(b => b.Slug).OrderByDescending(g => g.Count()).First();
            Say($"{minutes} minutes, {preset?.Name ?? "balanced, no equipment"}, seed {request.Seed}: {routine.Blocks.Count} blocks, {routine.TotalSeconds / 60.0:0.0} min");
            Say($"  most times one exercise appears: {most.Count()} ({most.Key})");
            foreach (var phase in Enum.GetValues<SessionPhase>())
            {
                var blocks = routine.Blocks.Where(b => b.Phase == phase).ToList();
                var positions = blocks.Select(b => byslug[b.Slug].Position).ToList();
                var changes = positions.Zip(positions.Skip(1)).Count(p => p.First != p.Second);
                Say($"  {phase,-11} {blocks.Count,2} blocks, {changes,2} position changes: {string.Join(" > ", Runs(positions))}");
            }

            foreach (var block in routine.Blocks)
            {
                Say($"    {block.Phase,-11} {block.Name,-34} {block.DoseText,-28} {block.TotalSeconds,4} s");
            }

            Console.WriteLine();
        }

        return 0;
    }

    private static void Say(FormattableString line) => Console.WriteLine(FormattableString.Invariant(line));

    /// <summary>"seated ×3 > all-fours > seated": each run of one position once, with its length.</summary>
    private static IEnumerable<string> Runs(List<StartingPosition> positions)
    {
        for (var i = 0; i < positions.Count;)
        {
            var j = i;
            while (j < positions.Count && positions[j] == positions[i])
            {
                j++;
            }

            yield return j - i > 1 ? $"{Tag.Of(positions[i])} ×{j - i}" : Tag.Of(positions[i]);
            i = j;
        }
    }
}
