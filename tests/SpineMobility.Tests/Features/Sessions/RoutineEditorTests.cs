using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Tests.Features.Sessions;

public sealed class RoutineEditorTests
{
    private static readonly IReadOnlyList<Exercise> Catalog = TestCatalog.Exercises;

    private static Routine Generate(int minutes = 30, int seed = 7, bool hasMat = true) =>
        RoutineGenerator.Generate(new RoutineRequest(minutes, [], Level.Standard, false, seed, hasMat), Catalog);

    [Fact]
    public void Swap_offers_a_few_alternatives_that_suit_the_phase_and_keep_the_rules()
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var routine = Generate(seed: seed);
            for (var index = 0; index < routine.Blocks.Count; index++)
            {
                var block = routine.Blocks[index];
                var alternatives = RoutineEditor.Alternatives(routine, index, Catalog);

                Assert.InRange(alternatives.Count, 0, RoutineEditor.AlternativeCount);
                foreach (var alternative in alternatives)
                {
                    var swapped = RoutineEditor.Replace(routine, index, alternative, Catalog);
                    Assert.Contains(block.Phase, alternative.Phases);
                    Assert.Equal(block.Sets, swapped.Blocks[index].Sets);
                    RoutineRules.AssertFewRepeats(swapped);
                    RoutineRules.AssertGetReady(swapped);
                    RoutineRules.AssertRealDoses(swapped);
                }
            }
        }
    }

    [Fact]
    public void Alternatives_in_the_same_starting_position_come_first_so_the_order_stays_calm()
    {
        var routine = Generate(45, seed: 2);
        for (var index = 0; index < routine.Blocks.Count; index++)
        {
            var position = TestCatalog.Get(routine.Blocks[index].Slug).Position;
            var positions = RoutineEditor.Alternatives(routine, index, Catalog).Select(e => e.Position == position).ToList();
            Assert.Equal(positions.OrderByDescending(same => same), positions);
        }
    }

    [Fact]
    public void A_replacement_takes_about_the_time_of_the_exercise_it_replaces()
    {
        var routine = Generate(45, seed: 3);
        var index = routine.Blocks.ToList().FindIndex(b => b.Phase == SessionPhase.Mobility);
        var alternative = RoutineEditor.Alternatives(routine, index, Catalog)[0];

        var swapped = RoutineEditor.Replace(routine, index, alternative, Catalog);

        Assert.Equal(alternative.Slug, swapped.Blocks[index].Slug);
        Assert.InRange(swapped.Blocks[index].TotalSeconds, routine.Blocks[index].TotalSeconds * 0.6, routine.Blocks[index].TotalSeconds * 1.4);
    }

    [Fact]
    public void The_last_exercise_cannot_be_removed()
    {
        var routine = Generate(10);
        while (RoutineEditor.CanRemove(routine))
        {
            routine = RoutineEditor.Remove(routine, 0, Catalog);
        }

        var block = Assert.Single(routine.Blocks);
        Assert.Same(routine, RoutineEditor.Remove(routine, 0, Catalog));
        Assert.Single(routine.Blocks, block);
        Assert.Contains("at least one exercise", RoutineEditor.LastExerciseReason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exercise_moves_within_its_phase_only_and_getting_ready_follows()
    {
        var routine = Generate(45, seed: 5);
        for (var index = 0; index < routine.Blocks.Count; index++)
        {
            foreach (var direction in new[] { -1, 1 })
            {
                var other = index + direction;
                var samePhase = other >= 0 && other < routine.Blocks.Count && routine.Blocks[other].Phase == routine.Blocks[index].Phase;
                if (!samePhase)
                {
                    Assert.False(RoutineEditor.CanMove(routine, index, direction));
                    Assert.Same(routine, RoutineEditor.Move(routine, index, direction, Catalog));
                    continue;
                }

                var moved = RoutineEditor.Move(routine, index, direction, Catalog);
                if (RoutineEditor.CanMove(routine, index, direction))
                {
                    Assert.Equal(routine.Blocks[index].Slug, moved.Blocks[other].Slug);
                    RoutineRules.AssertGetReady(moved);
                    RoutineRules.AssertFewRepeats(moved);
                }
            }
        }
    }

    [Fact]
    public void Without_a_mat_swaps_stay_off_the_floor()
    {
        var routine = Generate(20, hasMat: false);
        for (var index = 0; index < routine.Blocks.Count; index++)
        {
            Assert.All(RoutineEditor.Alternatives(routine, index, Catalog), e => Assert.Contains(e.Position, new[] { StartingPosition.Seated, StartingPosition.Standing }));
        }
    }
}
