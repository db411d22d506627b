namespace SpineMobility.Web.Features.Exercises;

/// <summary>How much of an exercise to do: a hold of MinSeconds–MaxSeconds, or Reps repetitions at SecondsPerRep.</summary>
/// <remarks>For a per-side exercise the dose is per side.</remarks>
public sealed record Dose(DoseKind Kind, int? MinSeconds, int? MaxSeconds, int? Reps, int? SecondsPerRep)
{
    public static Dose Hold(int minSeconds, int maxSeconds) => new(DoseKind.Hold, minSeconds, maxSeconds, null, null);

    public static Dose Repetitions(int reps, int secondsPerRep) => new(DoseKind.Reps, null, null, reps, secondsPerRep);

    public bool IsHold => Kind == DoseKind.Hold;

    /// <summary>What the user reads: "30–60 s hold", "20 s hold", "8 reps".</summary>
    public override string ToString() => Kind switch
    {
        DoseKind.Hold when MinSeconds == MaxSeconds => $"{MinSeconds} s hold",
        DoseKind.Hold => $"{MinSeconds}–{MaxSeconds} s hold",
        _ => Reps == 1 ? "1 rep" : $"{Reps} reps",
    };
}
