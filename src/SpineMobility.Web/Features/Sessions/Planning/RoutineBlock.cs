using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>One exercise in a routine, with the time chosen for it.</summary>
/// <param name="WorkSeconds">Time on the exercise itself, per side when <paramref name="PerSide"/>.</param>
/// <param name="Reps">For a rep-based exercise, how many repetitions fill <paramref name="WorkSeconds"/>.</param>
/// <param name="GetReadySeconds">The transition before the exercise, longer when the starting position changes.</param>
public sealed record RoutineBlock(
    SessionPhase Phase,
    string Slug,
    string Name,
    bool PerSide,
    DoseKind Kind,
    int WorkSeconds,
    int? Reps,
    int? SecondsPerRep,
    int GetReadySeconds)
{
    public const int SwitchSidesSeconds = 5;

    /// <summary>The whole block: getting ready, the work, and switching sides where it applies.</summary>
    public int TotalSeconds => GetReadySeconds + (PerSide ? (2 * WorkSeconds) + SwitchSidesSeconds : WorkSeconds);

    /// <summary>What the plan shows: "45 s", "30 s each side", "8 reps", "6 reps each side".</summary>
    public string DoseText
    {
        get
        {
            var one = Kind == DoseKind.Reps ? $"{Reps} reps" : $"{WorkSeconds} s";
            return PerSide ? $"{one} each side" : one;
        }
    }
}
