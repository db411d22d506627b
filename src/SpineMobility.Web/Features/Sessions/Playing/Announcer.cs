namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>What the player says aloud, and announces to screen readers, when the session moves on.</summary>
public static class Announcer
{
    public static string? ForChange(SessionClock clock, int previousStep, SessionStatus previousStatus)
    {
        if (clock.Status == SessionStatus.Completed && previousStatus != SessionStatus.Completed)
        {
            return "Session complete. Well done.";
        }

        if (clock.Status == SessionStatus.Ended && previousStatus != SessionStatus.Ended)
        {
            return "Session ended.";
        }

        if (clock.Current is not { } step || (step.Index == previousStep && previousStatus != SessionStatus.NotStarted))
        {
            return null;
        }

        var said = ForStep(step);
        var half = clock.Timeline.Total / 2;
        return previousStep < step.Index && clock.Timeline.StartOf(previousStep) < half && clock.Timeline.StartOf(step.Index) >= half
            ? $"Halfway. {said}"
            : said;
    }

    public static string ForStep(SessionStep step) => step.Kind switch
    {
        StepKind.GetReady when step.IsRestBetweenSets => $"Rest. Then set {step.Set} of {step.Block.Sets}: {Dose(step)}.",
        StepKind.GetReady => $"Next: {step.Block.Name}, {Dose(step)}.",
        StepKind.SwitchSides => "Switch sides.",
        _ => step.Side switch
        {
            Side.Left => "Left side. Begin.",
            Side.Right => "Right side. Begin.",
            _ => "Begin.",
        },
    };

    /// <summary>"45 seconds", "8 reps", "30 seconds each side".</summary>
    public static string Dose(SessionStep step)
    {
        var block = step.Block;
        var amount = block.Kind == Exercises.DoseKind.Reps ? $"{block.Reps} reps" : Seconds(block.WorkSeconds);
        return block.PerSide ? $"{amount} each side" : amount;
    }

    private static string Seconds(int seconds) => seconds switch
    {
        < 60 => $"{seconds} seconds",
        _ when seconds % 60 == 0 => seconds == 60 ? "1 minute" : $"{seconds / 60} minutes",
        _ => $"{seconds / 60} minute{(seconds >= 120 ? "s" : "")} {seconds % 60} seconds",
    };
}
