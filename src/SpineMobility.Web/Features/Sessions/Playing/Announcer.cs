namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>Something to say while a step runs, when this much of it is left.</summary>
public sealed record SpokenCue(int AtRemainingMs, string Text);

/// <summary>
/// What the player says aloud, and announces to screen readers: the browser speaks these from the plan, so it keeps
/// coaching while the connection is down; the server puts the same words in the page's live region.
/// </summary>
public static class Announcer
{
    public const string Complete = "Session complete. Well done.";
    public const string Ended = "Session ended.";
    public const string SwitchSides = "Switch sides.";
    public const string LastExercise = "Last exercise.";
    public const string Halfway = "Halfway.";
    public const string TenSeconds = "Ten seconds.";
    public const string ConnectionLost = "Connection lost. Paused.";

    /// <summary>Holds this long or longer hear "Halfway" and "Ten seconds".</summary>
    public const int LongHoldSeconds = 30;

    // A calm speaking voice (rate 1) says about 165 words a minute, with a short pause at each full stop.
    private const double SecondsPerWord = 0.36;
    private const double SecondsPerStop = 0.3;

    /// <summary>Left before the step ends when speech must be over, so the next step's words never cut it off.</summary>
    private const double Margin = 0.5;

    public static string? ForChange(SessionClock clock, int previousStep, SessionStatus previousStatus, Func<string, string?> firstCue)
    {
        if (clock.Status == SessionStatus.Completed && previousStatus != SessionStatus.Completed)
        {
            return Complete;
        }

        if (clock.Status == SessionStatus.Ended && previousStatus != SessionStatus.Ended)
        {
            return Ended;
        }

        if (clock.Current is not { } step || (step.Index == previousStep && previousStatus != SessionStatus.NotStarted))
        {
            return null;
        }

        return ForStep(step, clock.Timeline, firstCue(step.Block.Slug));
    }

    /// <summary>
    /// What is said as a step begins. Getting ready: "Chin tucks, 8 reps. Keep your head level.", with "Last exercise."
    /// before the last one. The first cue is said only if all of it fits in the time to get ready; otherwise it opens the
    /// exercise ("Begin. Keep your head level."), where there is time.
    /// </summary>
    public static string ForStep(SessionStep step, SessionTimeline timeline, string? firstCue)
    {
        var cue = Sentence(firstCue);
        switch (step.Kind)
        {
            case StepKind.GetReady when step.IsRestBetweenSets:
                return $"Rest. Then set {step.Set} of {step.Block.Sets}: {Dose(step)}.";
            case StepKind.GetReady:
                var last = step.BlockIndex == timeline.Steps[^1].BlockIndex ? LastExercise + " " : "";
                var intro = $"{last}{step.Block.Name}, {Dose(step)}.";
                return cue is not null && Fits($"{intro} {cue}", step.Seconds) ? $"{intro} {cue}" : intro;
            case StepKind.SwitchSides:
                return SwitchSides;
            default:
                var begin = step.Side switch
                {
                    Side.Left => "Left side. Begin.",
                    Side.Right => "Right side. Begin.",
                    _ => "Begin.",
                };
                var getReady = timeline.Steps.FirstOrDefault(s => s.BlockIndex == step.BlockIndex && s.Kind == StepKind.GetReady);
                var saidBefore = getReady is not null && cue is not null && ForStep(getReady, timeline, firstCue).EndsWith(cue, StringComparison.Ordinal);
                // The cue opens the exercise once: on its first side of its first set.
                var firstSide = step.Side != Side.Right && step.Set == 1;
                return cue is not null && !saidBefore && firstSide && Fits($"{begin} {cue}", step.Seconds) ? $"{begin} {cue}" : begin;
        }
    }

    /// <summary>Said while a hold of <see cref="LongHoldSeconds"/> or more runs: halfway through, and ten seconds before its end.</summary>
    public static IReadOnlyList<SpokenCue> During(SessionStep step) =>
        step.IsWork && !step.IsReps && step.Seconds >= LongHoldSeconds
            ? [new(step.Seconds * 1000 / 2, Halfway), new(10_000, TenSeconds)]
            : [];

    /// <summary>"45 seconds", "8 reps", "30 seconds each side".</summary>
    public static string Dose(SessionStep step)
    {
        var block = step.Block;
        var amount = block.Kind == Exercises.DoseKind.Reps ? $"{block.Reps} reps" : Seconds(block.WorkSeconds);
        return block.PerSide ? $"{amount} each side" : amount;
    }

    /// <summary>About how long the words take to say.</summary>
    public static double SpeakingSeconds(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var stops = text.Count(c => c is '.' or ',' or '?' or '!');
        return (words * SecondsPerWord) + (stops * SecondsPerStop);
    }

    private static bool Fits(string text, int stepSeconds) => SpeakingSeconds(text) <= stepSeconds - Margin;

    private static string? Sentence(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.EndsWith('.') || trimmed.EndsWith('!') || trimmed.EndsWith('?') ? trimmed : trimmed + ".";
    }

    private static string Seconds(int seconds) => seconds switch
    {
        < 60 => $"{seconds} seconds",
        _ when seconds % 60 == 0 => seconds == 60 ? "1 minute" : $"{seconds / 60} minutes",
        _ => $"{seconds / 60} minute{(seconds >= 120 ? "s" : "")} {seconds % 60} seconds",
    };
}
