using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>One exercise in a routine, with the dose chosen for it: one or more sets, a short rest between them.</summary>
/// <param name="WorkSeconds">Time on the exercise in one set, per side when <paramref name="PerSide"/>.</param>
/// <param name="Reps">For a rep-based exercise, how many repetitions fill one set's <paramref name="WorkSeconds"/>.</param>
/// <param name="GetReadySeconds">The transition before the exercise, longer when the starting position changes.</param>
/// <param name="Sets">How many times the set is done in this block; plans saved before sets existed have one.</param>
/// <param name="RestSeconds">The pause between two sets.</param>
public sealed record RoutineBlock(
    SessionPhase Phase,
    string Slug,
    string Name,
    bool PerSide,
    DoseKind Kind,
    int WorkSeconds,
    int? Reps,
    int? SecondsPerRep,
    int GetReadySeconds,
    int Sets = 1,
    int RestSeconds = 0)
{
    public const int SwitchSidesSeconds = 5;

    /// <summary>One set: the work, on both sides with a switch between them where it applies.</summary>
    public int SetSeconds => PerSide ? (2 * WorkSeconds) + SwitchSidesSeconds : WorkSeconds;

    /// <summary>The whole block: getting ready, every set, and the rests between them.</summary>
    public int TotalSeconds => GetReadySeconds + (Sets * SetSeconds) + ((Sets - 1) * RestSeconds);

    /// <summary>What the plan shows: "Hold 45 s", "Hold 30 s, 3 times, each side", "8 reps", "2 sets of 10 reps, each side".</summary>
    public string DoseText
    {
        get
        {
            var one = (Kind, Sets) switch
            {
                (DoseKind.Reps, 1) => $"{Reps} reps",
                (DoseKind.Reps, _) => $"{Sets} sets of {Reps} reps",
                (_, 1) => $"Hold {WorkSeconds} s",
                _ => $"Hold {WorkSeconds} s, {Sets} times",
            };
            return PerSide ? $"{one}, each side" : one;
        }
    }
}
