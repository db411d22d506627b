using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>A planned session: the request it answers and its exercises in order, phase by phase.</summary>
public sealed record Routine(RoutineRequest Request, IReadOnlyList<RoutineBlock> Blocks)
{
    public int TotalSeconds => Blocks.Sum(b => b.TotalSeconds);

    public IEnumerable<(SessionPhase Phase, IReadOnlyList<(int Index, RoutineBlock Block)> Blocks)> Phases =>
        Enum.GetValues<SessionPhase>()
            .Select(phase => (phase, (IReadOnlyList<(int, RoutineBlock)>)[.. Blocks.Select((b, i) => (i, b)).Where(x => x.b.Phase == phase)]))
            .Where(p => p.Item2.Count > 0);
}
