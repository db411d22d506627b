using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>
/// The changes a user makes to a plan before starting it: swap an exercise for one of a few suitable
/// others, remove one, move one within its phase. Pure: each returns a new routine.
/// </summary>
public static class RoutineEditor
{
    /// <summary>How many alternatives a swap offers.</summary>
    public const int AlternativeCount = 5;

    public const string LastExerciseReason = "A plan needs at least one exercise, so the last one cannot be removed.";

    /// <summary>
    /// What could take block <paramref name="index"/>'s place: exercises that suit its phase for this
    /// request, are not in that phase already, come at most twice in the session and are not its
    /// neighbours. Those in the same starting position come first, so the calm order holds, then
    /// those for the same part of the spine.
    /// </summary>
    public static IReadOnlyList<Exercise> Alternatives(Routine routine, int index, IReadOnlyList<Exercise> catalog)
    {
        var blocks = routine.Blocks;
        var current = blocks[index];
        var exercise = catalog.FirstOrDefault(e => e.Slug == current.Slug);
        var before = index > 0 ? blocks[index - 1].Slug : null;
        var after = index + 1 < blocks.Count ? blocks[index + 1].Slug : null;
        return [.. RoutineGenerator.Candidates(current.Phase, routine.Request, catalog)
            .Where(e => e.Slug != before && e.Slug != after
                        && !blocks.Any(b => b.Phase == current.Phase && b.Slug == e.Slug)
                        && blocks.Count(b => b.Slug == e.Slug) < RoutineGenerator.MaxBlocksPerExercise)
            .OrderBy(e => e.Position == exercise?.Position ? 0 : 1)
            .ThenBy(e => exercise is not null && e.Regions.Any(exercise.Regions.Contains) ? 0 : 1)
            .ThenBy(e => Math.Abs(PositionOrder.Depth(e) - (exercise is null ? 0 : PositionOrder.Depth(exercise))))
            .ThenBy(e => e.SortOrder)
            .Take(AlternativeCount)];
    }

    /// <summary>Puts <paramref name="replacement"/> in block <paramref name="index"/>'s place, with as many sets and about as long.</summary>
    public static Routine Replace(Routine routine, int index, Exercise replacement, IReadOnlyList<Exercise> catalog)
    {
        var current = routine.Blocks[index];
        var block = Draft.Fitted(replacement, current.Phase, current.Sets, current.TotalSeconds, current.GetReadySeconds).ToBlock();
        return Settled(routine with { Blocks = [.. routine.Blocks.Take(index), block, .. routine.Blocks.Skip(index + 1)] }, catalog);
    }

    /// <summary>Why <paramref name="exercise"/> cannot be added to <paramref name="phase"/>, or null when it can.</summary>
    public static string? CannotAdd(Routine routine, Exercise exercise, SessionPhase phase)
    {
        if (!exercise.Phases.Contains(phase))
        {
            return $"{exercise.Name} is for the {string.Join(", ", exercise.Phases.Select(p => Labels.Of(p).ToLowerInvariant()))} only.";
        }

        if (routine.Blocks.Count >= PlanCode.MaxBlocks)
        {
            return $"A plan has at most {PlanCode.MaxBlocks} exercises.";
        }

        var last = routine.Blocks.LastOrDefault(b => b.Phase <= phase);
        return last?.Slug == exercise.Slug ? $"{exercise.Name} would follow itself; add another exercise between them first." : null;
    }

    /// <summary>
    /// Adds an exercise (a user's own, say) at the end of a phase, with its own dose: the repetitions it was written
    /// with, or a hold in the middle of its range.
    /// </summary>
    public static Routine Add(Routine routine, Exercise exercise, SessionPhase phase, IReadOnlyList<Exercise> catalog)
    {
        if (CannotAdd(routine, exercise, phase) is not null)
        {
            return routine;
        }

        var units = exercise.Dose.IsHold ? Dosing.StartingUnits(exercise.Dose, 15) : Math.Clamp(exercise.Dose.Reps!.Value, 1, PlanCode.MaxRepsPerSet);
        var block = Draft.Of(exercise, phase, 1, units).ToBlock();
        var at = routine.Blocks.Count(b => b.Phase <= phase);
        return Settled(routine with { Blocks = [.. routine.Blocks.Take(at), block, .. routine.Blocks.Skip(at)] }, catalog);
    }

    public static bool CanRemove(Routine routine) => routine.Blocks.Count > 1;

    /// <summary>Removes one block, never the last; if that would put the same exercise twice in a row, the second gives way to an alternative.</summary>
    public static Routine Remove(Routine routine, int index, IReadOnlyList<Exercise> catalog)
    {
        if (!CanRemove(routine))
        {
            return routine;
        }

        var shorter = routine with { Blocks = [.. routine.Blocks.Take(index), .. routine.Blocks.Skip(index + 1)] };
        if (index > 0 && index < shorter.Blocks.Count && shorter.Blocks[index].Slug == shorter.Blocks[index - 1].Slug
            && Alternatives(shorter, index, catalog) is [var alternative, ..])
        {
            return Replace(shorter, index, alternative, catalog);
        }

        return Settled(shorter, catalog);
    }

    /// <summary>Whether block <paramref name="index"/> can move one place up (-1) or down (+1) within its phase without meeting itself.</summary>
    public static bool CanMove(Routine routine, int index, int direction)
    {
        var blocks = routine.Blocks;
        var other = index + direction;
        if (other < 0 || other >= blocks.Count || blocks[other].Phase != blocks[index].Phase)
        {
            return false;
        }

        var moved = Moved(blocks, index, other);
        return !moved.Zip(moved.Skip(1)).Any(p => p.First.Slug == p.Second.Slug);
    }

    public static Routine Move(Routine routine, int index, int direction, IReadOnlyList<Exercise> catalog) =>
        CanMove(routine, index, direction)
            ? Settled(routine with { Blocks = Moved(routine.Blocks, index, index + direction) }, catalog)
            : routine;

    /// <summary>The get-ready before each block follows from the one before it: short in the same position, longer after a change.</summary>
    public static Routine Settled(Routine routine, IReadOnlyList<Exercise> catalog)
    {
        var positions = catalog.ToDictionary(e => e.Slug, e => e.Position, StringComparer.Ordinal);
        var blocks = new List<RoutineBlock>(routine.Blocks.Count);
        StartingPosition? previous = null;
        foreach (var block in routine.Blocks)
        {
            StartingPosition? position = positions.TryGetValue(block.Slug, out var p) ? p : null;
            var getReady = position is not null && position == previous ? RoutineGenerator.GetReadySeconds : RoutineGenerator.RepositionSeconds;
            blocks.Add(block.GetReadySeconds == getReady ? block : block with { GetReadySeconds = getReady });
            previous = position;
        }

        return routine with { Blocks = blocks };
    }

    private static List<RoutineBlock> Moved(IReadOnlyList<RoutineBlock> blocks, int from, int to)
    {
        var list = blocks.ToList();
        (list[from], list[to]) = (list[to], list[from]);
        return list;
    }
}
