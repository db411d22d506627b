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

    private static Exercise Own(int reps = 5) => new()
    {
        Slug = SpineMobility.Web.Features.Programs.OwnExerciseKey.New(),
        Name = "Wall angels",
        Summary = "Slides the arms up a wall.",
        Regions = [Region.Thoracic],
        Position = StartingPosition.Standing,
        Equipment = Equipment.Wall,
        Directions = [MovementDirection.Extension],
        Dose = Dose.Repetitions(reps, 4),
        Phases = [SessionPhase.Mobility, SessionPhase.CoolDown],
        Steps = ["Stand against a wall.", "Raise the arms.", "Slide them up and down."],
        Cues = ["Slowly.", "Breathe."],
        Cautions = ["Stop if the shoulder pinches."],
    };

    [Fact]
    public void An_added_exercise_goes_to_the_end_of_its_phase_with_its_own_dose_and_the_plan_code_keeps_it()
    {
        var routine = Generate(minutes: 10);
        var own = Own(reps: 5);
        var added = RoutineEditor.Add(routine, own, SessionPhase.Mobility, [.. Catalog, own]);

        Assert.Equal(routine.Blocks.Count + 1, added.Blocks.Count);
        var index = added.Blocks.ToList().FindIndex(b => b.Slug == own.Slug);
        Assert.Equal(SessionPhase.Mobility, added.Blocks[index].Phase);
        Assert.True(index + 1 == added.Blocks.Count || added.Blocks[index + 1].Phase != SessionPhase.Mobility, "not at the end of its phase");
        Assert.Equal(5, added.Blocks[index].Reps);
        var before = TestCatalog.Get(added.Blocks[index - 1].Slug).Position;
        Assert.Equal(before == StartingPosition.Standing ? RoutineGenerator.GetReadySeconds : RoutineGenerator.RepositionSeconds, added.Blocks[index].GetReadySeconds);

        var (decoded, problems) = PlanCode.Decode(PlanCode.Encode(added.Blocks), [.. Catalog, own]);
        Assert.Empty(problems);
        Assert.Equal(added.Blocks.Select(b => b.Slug), decoded!.Select(b => b.Slug));

        // Without the owner's exercises (another user's builder), the same code names something that is not there.
        var (none, elsewhere) = PlanCode.Decode(PlanCode.Encode(added.Blocks), Catalog);
        Assert.Null(none);
        Assert.Contains(elsewhere, p => p.Contains("which is not an exercise here", StringComparison.Ordinal));
    }

    [Fact]
    public void An_exercise_is_not_added_to_a_phase_it_is_not_for_nor_right_after_itself()
    {
        var routine = Generate(minutes: 10);
        var own = Own();
        Assert.Equal("Wall angels is for the spine mobility, cool-down only.", RoutineEditor.CannotAdd(routine, own, SessionPhase.WarmUp));
        Assert.Same(routine, RoutineEditor.Add(routine, own, SessionPhase.WarmUp, [.. Catalog, own]));

        var once = RoutineEditor.Add(routine, own, SessionPhase.CoolDown, [.. Catalog, own]);
        Assert.Equal("Wall angels would follow itself; add another exercise between them first.", RoutineEditor.CannotAdd(once, own, SessionPhase.CoolDown));
        Assert.Null(RoutineEditor.CannotAdd(once, own, SessionPhase.Mobility));
    }
}
