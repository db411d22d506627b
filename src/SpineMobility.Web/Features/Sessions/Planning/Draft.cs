using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>A block whose sets and set length can still be tuned within what its exercise allows.</summary>
internal sealed class Draft
{
    public Draft(Exercise exercise, SessionPhase phase, bool isFocus, int minutes, bool isRequired = false)
    {
        Exercise = exercise;
        Phase = phase;
        IsFocus = isFocus;
        IsRequired = isRequired;
        (Min, Max) = Dosing.UnitRange(exercise.Dose);
        Units = Dosing.StartingUnits(exercise.Dose, minutes);
        GetReadySeconds = RoutineGenerator.RepositionSeconds;
    }

    /// <summary>A block as a plan in an address describes it; the caller has checked the numbers.</summary>
    public static Draft Of(Exercise exercise, SessionPhase phase, int sets, int units)
    {
        var draft = new Draft(exercise, phase, isFocus: false, minutes: 15);
        draft.Sets = sets;
        draft.Units = units;
        return draft;
    }

    /// <summary>A block of this exercise with <paramref name="sets"/> sets as close as its dose allows to <paramref name="seconds"/>.</summary>
    public static Draft Fitted(Exercise exercise, SessionPhase phase, int sets, int seconds, int getReadySeconds)
    {
        var draft = new Draft(exercise, phase, isFocus: false, minutes: 15) { GetReadySeconds = getReadySeconds, Sets = Math.Clamp(sets, 1, Dosing.MaxSets) };
        draft.Units = draft.Min;
        while (draft.UnitChange(+1) is var change and > 0 && Math.Abs(draft.TotalSeconds + change - seconds) < Math.Abs(draft.TotalSeconds - seconds))
        {
            draft.StepUnits(+1);
        }

        return draft;
    }

    public Exercise Exercise { get; }

    public string Slug => Exercise.Slug;

    public SessionPhase Phase { get; }

    /// <summary>In the mobility phase, whether the exercise works one of the focus regions.</summary>
    public bool IsFocus { get; }

    /// <summary>Asked for by name (a link from the exercise's page): never dropped to fit the time.</summary>
    public bool IsRequired { get; }

    public int GetReadySeconds { get; set; }

    public int Sets { get; private set; } = 1;

    /// <summary>Seconds of hold, or repetitions, in one set.</summary>
    public int Units { get; private set; }

    private int Min { get; }

    private int Max { get; }

    private int WorkSeconds => WorkFor(Units);

    public int TotalSeconds => TotalFor(Sets, Units, GetReadySeconds);

    /// <summary>The longest this block can be: every set allowed, each as long as allowed.</summary>
    public int MaxSeconds => TotalFor(Dosing.MaxSets, Max, RoutineGenerator.RepositionSeconds);

    /// <summary>How the total changes if each set grows (+1) or shrinks (-1) by one step, or 0 when it cannot.</summary>
    public int UnitChange(int direction)
    {
        var next = NextUnits(direction);
        return next == Units ? 0 : TotalFor(Sets, next, GetReadySeconds) - TotalSeconds;
    }

    public void StepUnits(int direction) => Units = NextUnits(direction);

    /// <summary>How the total changes with one set more (+1) or fewer (-1), or 0 when it cannot.</summary>
    public int SetChange(int direction)
    {
        var next = Sets + direction;
        return next is < 1 or > Dosing.MaxSets ? 0 : TotalFor(next, Units, GetReadySeconds) - TotalSeconds;
    }

    public void StepSets(int direction) => Sets = Math.Clamp(Sets + direction, 1, Dosing.MaxSets);

    public RoutineBlock ToBlock() => new(
        Phase,
        Exercise.Slug,
        Exercise.Name,
        Exercise.PerSide,
        Exercise.Dose.Kind,
        WorkSeconds,
        Exercise.Dose.IsHold ? null : Units,
        Exercise.Dose.SecondsPerRep,
        GetReadySeconds,
        Sets,
        Sets > 1 ? Dosing.RestBetweenSetsSeconds : 0);

    private int NextUnits(int direction) => Exercise.Dose.IsHold
        ? Math.Clamp(Units + (Dosing.HoldStepSeconds * direction), Min, Max)
        : Math.Clamp(Units + direction, Min, Max);

    private int WorkFor(int units) => Exercise.Dose.IsHold ? units : units * Exercise.Dose.SecondsPerRep!.Value;

    private int TotalFor(int sets, int units, int getReady)
    {
        var set = Exercise.PerSide ? (2 * WorkFor(units)) + RoutineBlock.SwitchSidesSeconds : WorkFor(units);
        return getReady + (sets * set) + ((sets - 1) * Dosing.RestBetweenSetsSeconds);
    }
}
