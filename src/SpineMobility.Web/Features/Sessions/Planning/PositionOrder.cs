using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>
/// The calm order of a phase: from standing down to the floor (standing, seated on a chair, seated on
/// the floor, kneeling, all fours, on the front, on the back), and back up for the cool-down, so the
/// user gets down and up as few times as possible.
/// </summary>
public static class PositionOrder
{
    /// <summary>At most this many starting positions in one phase: two changes of position.</summary>
    public const int MaxPositionsPerPhase = 3;

    /// <summary>How far down towards the floor an exercise starts; lower comes first, except in the cool-down.</summary>
    public static int Depth(Exercise exercise) => exercise.Position switch
    {
        StartingPosition.Standing => 0,
        // A seated exercise on a mat is done sitting on the floor, after the ones on a chair.
        StartingPosition.Seated => exercise.Equipment == Equipment.Mat ? 2 : 1,
        StartingPosition.Kneeling => 3,
        StartingPosition.AllFours => 4,
        StartingPosition.LyingOnFront => 5,
        _ => 6,
    };

    /// <summary>The sort key of an exercise within its phase: going down, or coming back up in the cool-down.</summary>
    public static int KeyIn(SessionPhase phase, Exercise exercise) =>
        phase == SessionPhase.CoolDown ? -Depth(exercise) : Depth(exercise);

    /// <summary>Whether <paramref name="second"/> starts where <paramref name="first"/> left off, so getting ready is short.</summary>
    public static bool SamePosition(Exercise? first, Exercise second) => first?.Position == second.Position;

    /// <summary>How many times the starting position changes from one exercise to the next.</summary>
    public static int Changes(IEnumerable<StartingPosition> positions)
    {
        var changes = 0;
        StartingPosition? previous = null;
        foreach (var position in positions)
        {
            if (previous is { } p && p != position)
            {
                changes++;
            }

            previous = position;
        }

        return changes;
    }
}
