using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>A planned session: the request it answers and its exercises in order, phase by phase.</summary>
public sealed record Routine(RoutineRequest Request, IReadOnlyList<RoutineBlock> Blocks)
{
    public int TotalSeconds => Blocks.Sum(b => b.TotalSeconds);

    /// <summary>
    /// Whether the plan falls short of the time asked for: a narrow request (say neck relief without a
    /// mat, for an hour) has only so many exercises to give at real doses, and the plan says so rather
    /// than repeat them.
    /// </summary>
    public bool IsShort => TotalSeconds < Request.BudgetSeconds * (1 - RoutineGenerator.Tolerance);

    public IEnumerable<(SessionPhase Phase, IReadOnlyList<(int Index, RoutineBlock Block)> Blocks)> Phases =>
        Enum.GetValues<SessionPhase>()
            .Select(phase => (phase, (IReadOnlyList<(int, RoutineBlock)>)[.. Blocks.Select((b, i) => (i, b)).Where(x => x.b.Phase == phase)]))
            .Where(p => p.Item2.Count > 0);

    /// <summary>What the plan needs at hand, in the order a user would fetch it: chair, mat, roller, wall.</summary>
    public IReadOnlyList<Equipment> Needs(IReadOnlyList<Exercise> catalog)
    {
        var slugs = Blocks.Select(b => b.Slug).ToHashSet(StringComparer.Ordinal);
        var used = catalog.Where(e => slugs.Contains(e.Slug)).Select(e => e.Equipment).ToHashSet();
        return [.. new[] { Equipment.Chair, Equipment.Mat, Equipment.FoamRollerOrBall, Equipment.Wall }.Where(used.Contains)];
    }
}
