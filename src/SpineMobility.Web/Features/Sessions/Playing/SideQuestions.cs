namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>When to ask which side felt tighter: after a per-side exercise whose second side was done.</summary>
public static class SideQuestions
{
    /// <summary>The blocks of per-side exercises the user finished both sides of... or at least the second side.</summary>
    public static IReadOnlyList<int> Answerable(SessionClock clock)
    {
        var done = clock.State.DoneSteps.Select(d => d.StepIndex).ToHashSet();
        return [.. clock.Timeline.Steps
            .Where(s => s.IsWork && s.Block.PerSide && s.Side == Side.Right && done.Contains(s.Index))
            .Select(s => s.BlockIndex)
            .Distinct()];
    }

    /// <summary>
    /// The exercise to ask about while the session runs: the one just before the current exercise,
    /// so the question sits beside the next exercise for its whole length and is gone after that.
    /// </summary>
    public static int? InPlayer(SessionClock clock) =>
        clock.Current is { BlockIndex: > 0 } step && Answerable(clock).Contains(step.BlockIndex - 1) ? step.BlockIndex - 1 : null;
}
