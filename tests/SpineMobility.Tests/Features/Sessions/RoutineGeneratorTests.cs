using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;

namespace SpineMobility.Tests.Features.Sessions;

public sealed class RoutineGeneratorTests
{
    /// <summary>How the app stored plans before sets existed: web defaults with enums as names.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions SavedPlanJson =
        new(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static Routine Generate(int minutes = 20, Region[]? focus = null, Level level = Level.Standard, bool equipment = true, int seed = 7) =>
        RoutineGenerator.Generate(new RoutineRequest(minutes, focus ?? [], level, equipment, seed), TestCatalog.Exercises);

    [Fact]
    public void A_45_minute_routine_gives_warm_up_and_cool_down_their_5_to_10_minute_share()
    {
        var routine = Generate(45);

        foreach (var phase in new[] { SessionPhase.WarmUp, SessionPhase.CoolDown })
        {
            var seconds = routine.Blocks.Where(b => b.Phase == phase).Sum(b => b.TotalSeconds);
            Assert.InRange(seconds, 5 * 60, 10 * 60);
        }

        var mobility = routine.Blocks.Where(b => b.Phase == SessionPhase.Mobility).Sum(b => b.TotalSeconds);
        Assert.InRange(mobility, 10 * 60, 16 * 60);
    }

    [Fact]
    public void A_short_routine_shrinks_every_phase_but_keeps_all_four()
    {
        var routine = Generate(10);

        Assert.Equal(Enum.GetValues<SessionPhase>(), routine.Blocks.Select(b => b.Phase).Distinct());
        Assert.True(routine.Blocks.Where(b => b.Phase == SessionPhase.WarmUp).Sum(b => b.TotalSeconds) < 5 * 60);
    }

    [Fact]
    public void Flexibility_has_a_whole_body_stretch_and_cool_down_is_gentle()
    {
        var routine = Generate(30);

        Assert.Contains(routine.Blocks.Where(b => b.Phase == SessionPhase.Flexibility), b => TestCatalog.Get(b.Slug).Regions.Contains(Region.FullBody));
        Assert.All(routine.Blocks.Where(b => b.Phase == SessionPhase.CoolDown), b => Assert.Equal(Intensity.Gentle, TestCatalog.Get(b.Slug).Intensity));
    }

    [Fact]
    public void Without_a_focus_the_mobility_phase_visits_every_spine_region()
    {
        var routine = Generate(30);

        var regions = routine.Blocks.Where(b => b.Phase == SessionPhase.Mobility).SelectMany(b => TestCatalog.Get(b.Slug).Regions).ToHashSet();
        Assert.Superset(new HashSet<Region> { Region.Cervical, Region.Thoracic, Region.Lumbar, Region.Hip }, regions);
    }

    [Fact]
    public void A_different_seed_gives_a_different_routine()
    {
        Assert.NotEqual(Generate(seed: 1).Blocks, Generate(seed: 2).Blocks);
    }

    [Fact]
    public void Getting_ready_takes_longer_when_the_starting_position_changes()
    {
        var routine = Generate(30);

        for (var i = 1; i < routine.Blocks.Count; i++)
        {
            var samePosition = TestCatalog.Get(routine.Blocks[i].Slug).Position == TestCatalog.Get(routine.Blocks[i - 1].Slug).Position;
            Assert.Equal(samePosition ? RoutineGenerator.GetReadySeconds : RoutineGenerator.RepositionSeconds, routine.Blocks[i].GetReadySeconds);
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(91)]
    public void A_session_length_out_of_range_is_refused_with_a_reason(int minutes)
    {
        var error = Assert.Throws<ArgumentException>(() => Generate(minutes));

        Assert.Contains($"between 5 and 90 minutes, not {minutes}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_focus_on_a_non_spine_tag_is_refused()
    {
        var problems = new RoutineRequest(20, [Region.Beginner], Level.Standard, true, 0).Problems();

        Assert.Contains("'beginner' cannot be a focus", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Swapping_a_block_puts_another_exercise_of_the_same_phase_in_its_place_and_leaves_the_rest()
    {
        var routine = Generate(20);
        var index = routine.Blocks.ToList().FindIndex(b => b.Phase == SessionPhase.Mobility);

        var alternatives = RoutineEditor.Alternatives(routine, index, TestCatalog.Exercises);
        var swapped = RoutineEditor.Replace(routine, index, alternatives[0], TestCatalog.Exercises);

        Assert.NotEqual(routine.Blocks[index].Slug, swapped.Blocks[index].Slug);
        Assert.Equal(SessionPhase.Mobility, swapped.Blocks[index].Phase);
        Assert.Contains(SessionPhase.Mobility, TestCatalog.Get(swapped.Blocks[index].Slug).Phases);
        Assert.Equal(routine.Blocks.Where((_, i) => i != index && i != index + 1), swapped.Blocks.Where((_, i) => i != index && i != index + 1));
    }

    [Fact]
    public void Removing_a_block_never_leaves_the_same_exercise_twice_in_a_row()
    {
        for (var seed = 0; seed < 30; seed++)
        {
            var routine = Generate(30, seed: seed);
            for (var index = 0; index < routine.Blocks.Count; index++)
            {
                var shorter = RoutineEditor.Remove(routine, index, TestCatalog.Exercises);

                Assert.Equal(routine.Blocks.Count - 1, shorter.Blocks.Count);
                for (var i = 1; i < shorter.Blocks.Count; i++)
                {
                    Assert.NotEqual(shorter.Blocks[i - 1].Slug, shorter.Blocks[i].Slug);
                }
            }
        }
    }

    [Fact]
    public void A_per_side_exercise_plays_left_then_right_for_equal_time_with_a_switch_between()
    {
        var routine = Generate(20, seed: 3);
        var timeline = SessionTimeline.From(routine.Blocks);
        var perSide = routine.Blocks.Select((b, i) => (b, i)).First(x => x.b.PerSide);

        var steps = timeline.Steps.Where(s => s.BlockIndex == perSide.i && s.Set == 1).ToList();

        Assert.Equal([StepKind.GetReady, StepKind.Work, StepKind.SwitchSides, StepKind.Work], steps.Select(s => s.Kind));
        Assert.Equal([Side.Both, Side.Left, Side.Right, Side.Right], steps.Select(s => s.Side));
        Assert.Equal(steps[1].Seconds, steps[3].Seconds);
    }

    [Fact]
    public void A_block_of_several_sets_plays_each_set_with_a_short_rest_between()
    {
        var routine = Generate(45, seed: 3);
        var timeline = SessionTimeline.From(routine.Blocks);
        var (block, index) = routine.Blocks.Select((b, i) => (b, i)).First(x => x.b.Sets == 3 || x.b.Sets == 2);

        var steps = timeline.Steps.Where(s => s.BlockIndex == index).ToList();

        Assert.Equal(Enumerable.Range(1, block.Sets), steps.Select(s => s.Set).Distinct());
        Assert.Equal(block.Sets * (block.PerSide ? 2 : 1), steps.Count(s => s.IsWork));
        var rests = steps.Where(s => s.IsRestBetweenSets).ToList();
        Assert.Equal(block.Sets - 1, rests.Count);
        Assert.All(rests, r => Assert.Equal(Dosing.RestBetweenSetsSeconds, r.Seconds));
        Assert.Equal(block.TotalSeconds, steps.Sum(s => s.Seconds));
        Assert.Equal("Rest. Then set 2 of " + block.Sets + ": " + Announcer.Dose(rests[0]) + ".", Announcer.ForStep(rests[0], timeline, "Keep breathing."));
    }

    [Fact]
    public void A_plan_saved_before_sets_existed_reads_as_one_set_each()
    {
        const string saved = """[{"phase":"Mobility","slug":"cat-cow","name":"Cat-cow","perSide":false,"kind":"Reps","workSeconds":40,"reps":8,"secondsPerRep":5,"getReadySeconds":10}]""";

        var block = Assert.Single(System.Text.Json.JsonSerializer.Deserialize<List<RoutineBlock>>(saved, SavedPlanJson)!);

        Assert.Equal((1, 0, 50), (block.Sets, block.RestSeconds, block.TotalSeconds));
        Assert.Equal(2, SessionTimeline.From([block]).Steps.Count);
    }

    [Fact]
    public void The_timeline_lasts_exactly_as_long_as_the_routine()
    {
        var routine = Generate(45);

        var timeline = SessionTimeline.From(routine.Blocks);

        Assert.Equal(TimeSpan.FromSeconds(routine.TotalSeconds), timeline.Total);
        Assert.All(timeline.Steps.Where(s => s.Kind == StepKind.GetReady), s => Assert.Equal(StepKind.Work, timeline.Steps[s.Index + 1].Kind));
    }
}
