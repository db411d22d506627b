using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>
/// The words the player shows for a step. The page renders them, and the browser gets the same ones in its plan, so a
/// step it moves to on its own while the connection is down reads exactly as the server would have rendered it.
/// </summary>
public static class StepView
{
    public static string Kind(SessionStep step) => step.Kind switch
    {
        StepKind.GetReady when step.IsRestBetweenSets => "Rest",
        StepKind.GetReady => "Get ready",
        StepKind.SwitchSides => "Switch sides",
        _ => step.IsReps ? "Move" : "Hold",
    };

    /// <summary>"Left side", "Right side", or null when the exercise works both sides at once.</summary>
    public static string? Side(SessionStep step) => step.Side switch
    {
        Playing.Side.Left => "Left side",
        Playing.Side.Right => "Right side",
        _ => null,
    };

    /// <summary>The second side of a per-side exercise shows the drawing mirrored: the same movement on the other side.</summary>
    public static bool Mirrored(SessionStep step) => step.Side == Playing.Side.Right;

    /// <summary>"Spine mobility · phase 1 of 2"; on a narrow phone it breaks only after the phase's name.</summary>
    public static string Phase(SessionStep step, SessionTimeline timeline)
    {
        var phases = timeline.Steps.Select(s => s.Block.Phase).Distinct().ToList();
        const char nbsp = '\u00a0';
        return $"{Labels.Of(step.Block.Phase)} · phase{nbsp}{phases.IndexOf(step.Block.Phase) + 1}{nbsp}of{nbsp}{phases.Count}";
    }

    /// <summary>The next exercise, not the transition before it.</summary>
    public static SessionStep? NextExercise(SessionStep step, SessionTimeline timeline) =>
        timeline.Steps.Skip(step.Index + 1).FirstOrDefault(s => s.IsWork && s.BlockIndex != step.BlockIndex);

    /// <summary>What the "Next" line says: the exercise and its dose, or that this is the last one.</summary>
    public static (string Name, string Dose) Next(SessionStep step, SessionTimeline timeline) =>
        NextExercise(step, timeline) is { } next ? (next.Block.Name, Announcer.Dose(next)) : ("Last exercise", "the session ends after this");

    /// <param name="sizeOf">A drawing's shape by its file (<see cref="IllustrationAddresses.Size"/>); without it, the standard 4:3.</param>
    public static BrowserPlan Plan(SessionTimeline timeline, IReadOnlyDictionary<string, Exercise> exercises, PlayerOptions options, Func<string, DrawingSize>? sizeOf = null) => new(
        [.. timeline.Steps.Select(step =>
        {
            var exercise = exercises.GetValueOrDefault(step.Block.Slug);
            var (nextName, nextDose) = Next(step, timeline);
            var drawing = exercise?.Illustration;
            return new BrowserStep(
                Kind(step),
                step.Block.Name,
                Phase(step, timeline),
                Side(step),
                step.Seconds * 1000,
                step.IsReps ? step.Block.Reps : null,
                step.IsReps ? step.Block.SecondsPerRep : null,
                Announcer.ForStep(step, timeline, exercise?.Cues.FirstOrDefault()),
                Announcer.During(step),
                drawing is { Exists: true } && (sizeOf?.Invoke(drawing.StartFile) ?? DrawingSize.Standard) is var size
                    ? new BrowserFigure(drawing.StartUrl, drawing.StartAlt, drawing.EndUrl, drawing.EndAlt, Mirrored(step), size.Width, size.Height)
                    : null,
                nextName,
                nextDose);
        })],
        options.TimeScale,
        options.ReconnectGrace.TotalMilliseconds,
        Announcer.Complete,
        Announcer.ConnectionLost);
}
