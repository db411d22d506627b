using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Web.Features.Sessions.Playing;

public enum StepKind { GetReady, Work, SwitchSides }

public enum Side { Both, Left, Right }

/// <summary>One timed stretch of a session: getting ready, working (on one side or both), or switching sides.</summary>
/// <remarks>The rest between two sets of a block is a get-ready step of its later set.</remarks>
public sealed record SessionStep(int Index, StepKind Kind, int BlockIndex, RoutineBlock Block, Side Side, int Seconds)
{
    /// <summary>Which of the block's sets this step belongs to, from 1.</summary>
    public int Set { get; init; } = 1;

    /// <summary>A rest between two sets, rather than getting ready for a new exercise.</summary>
    public bool IsRestBetweenSets => Kind == StepKind.GetReady && Set > 1;

    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds);

    public bool IsWork => Kind == StepKind.Work;

    public bool IsReps => IsWork && Block.Kind == Exercises.DoseKind.Reps;
}

/// <summary>A routine unrolled into the steps the player times, one after another.</summary>
public sealed class SessionTimeline
{
    private readonly int[] _startSeconds;

    private SessionTimeline(IReadOnlyList<SessionStep> steps)
    {
        Steps = steps;
        _startSeconds = new int[steps.Count + 1];
        for (var i = 0; i < steps.Count; i++)
        {
            _startSeconds[i + 1] = _startSeconds[i] + steps[i].Seconds;
        }
    }

    public IReadOnlyList<SessionStep> Steps { get; }

    public TimeSpan Total => TimeSpan.FromSeconds(_startSeconds[^1]);

    /// <summary>Where step <paramref name="index"/> begins, counted from the start of the session.</summary>
    public TimeSpan StartOf(int index) => TimeSpan.FromSeconds(_startSeconds[index]);

    public static SessionTimeline From(IReadOnlyList<RoutineBlock> blocks)
    {
        var steps = new List<SessionStep>();
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            for (var set = 1; set <= Math.Max(1, block.Sets); set++)
            {
                var ready = set == 1 ? block.GetReadySeconds : block.RestSeconds;
                steps.Add(new(steps.Count, StepKind.GetReady, b, block, Side.Both, ready) { Set = set });
                if (block.PerSide)
                {
                    steps.Add(new(steps.Count, StepKind.Work, b, block, Side.Left, block.WorkSeconds) { Set = set });
                    steps.Add(new(steps.Count, StepKind.SwitchSides, b, block, Side.Right, RoutineBlock.SwitchSidesSeconds) { Set = set });
                    steps.Add(new(steps.Count, StepKind.Work, b, block, Side.Right, block.WorkSeconds) { Set = set });
                }
                else
                {
                    steps.Add(new(steps.Count, StepKind.Work, b, block, Side.Both, block.WorkSeconds) { Set = set });
                }
            }
        }

        return new(steps);
    }
}
