using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Programs;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Tests.Features.Programs;

public sealed class RoutineChangesTests
{
    private static RoutineBlock Block(string slug, string name, int reps = 8) => new(SessionPhase.Mobility, slug, name, false, DoseKind.Reps, reps * 5, reps, 5, 5);

    [Fact]
    public void An_update_lists_added_and_removed_exercises_changed_doses_a_new_note_and_a_new_schedule()
    {
        var schedule = new ProgramSchedule(new DateOnly(2026, 11, 23), 4, 3, []);
        var changes = RoutineChanges.Between(
            [Block("cat-cow", "Cat-cow"), Block("pelvic-tilts", "Pelvic tilts")], null, schedule,
            [Block("cat-cow", "Cat-cow", 12), Block("chin-tucks", "Chin tucks")], "Slower on the way down", schedule with { Weeks = 6 });
        Assert.Equal(
            [
                "Added Chin tucks (spine mobility, 8 reps).",
                "Removed Pelvic tilts.",
                "Cat-cow: 8 reps → 12 reps.",
                "New note: \"Slower on the way down\"",
                "New schedule: 3 days a week for 6 weeks, from Mon 23 Nov 2026.",
            ],
            changes);
    }

    [Fact]
    public void Only_a_new_order_says_so_and_no_change_says_nothing()
    {
        var a = Block("cat-cow", "Cat-cow");
        var b = Block("pelvic-tilts", "Pelvic tilts");
        Assert.Equal(["The exercises are in a new order."], RoutineChanges.Between([a, b], null, null, [b, a], null, null));
        Assert.Empty(RoutineChanges.Between([a, b], "Note", null, [a, b], "Note", null));
    }
}
