using System.Collections.Concurrent;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Tests.Features.Sessions;

/// <summary>Rules every generated routine keeps, checked over a grid of requests and seeds.</summary>
public sealed class RoutineGeneratorPropertyTests
{
    private static readonly int[] MinuteChoices = [5, 7, 10, 13, 15, 20, 30, 37, 45, 60, 90];
    private static readonly int[] Seeds = [0, 1, 2, 3, 42, 1234, -7, int.MaxValue];

    public static TheoryData<int, Level, bool> Shapes()
    {
        var data = new TheoryData<int, Level, bool>();
        foreach (var minutes in MinuteChoices)
        {
            foreach (var level in Enum.GetValues<Level>())
            {
                data.Add(minutes, level, true);
                data.Add(minutes, level, false);
            }
        }

        return data;
    }

    private static IEnumerable<RoutineRequest> Requests(int minutes, Level level, bool equipment)
    {
        var regions = RoutineRequest.FocusRegions;
        for (var mask = 0; mask < 1 << regions.Count; mask++)
        {
            var focus = regions.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            foreach (var seed in Seeds)
            {
                yield return new RoutineRequest(minutes, focus, level, equipment, seed);
            }
        }
    }

    // Each shape's routines are generated once and checked by every property.
    private static readonly ConcurrentDictionary<(int, Level, bool), List<(RoutineRequest, Routine)>> Generated = new();

    private static void ForEachRoutine(int minutes, Level level, bool equipment, Action<RoutineRequest, Routine> check)
    {
        var routines = Generated.GetOrAdd((minutes, level, equipment), _ =>
            [.. Requests(minutes, level, equipment).Select(r => (r, RoutineGenerator.Generate(r, TestCatalog.Exercises)))]);
        foreach (var (request, routine) in routines)
        {
            RoutineRules.Explain(routine, request, () => check(request, routine));
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_total_is_within_five_percent_of_the_budget_unless_the_rules_cannot_fill_it(int minutes, Level level, bool equipment) =>
        ForEachRoutine(minutes, level, equipment, (request, routine) => RoutineRules.AssertFillsTheTime(routine, request));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_phases_come_in_order_and_all_four_are_there(int minutes, Level level, bool equipment) =>
        ForEachRoutine(minutes, level, equipment, (_, routine) =>
        {
            var phases = routine.Blocks.Select(b => b.Phase).ToList();
            Assert.Equal(phases.Order(), phases);
            Assert.Equal(Enum.GetValues<SessionPhase>(), phases.Distinct());
        });

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_same_exercise_never_comes_twice_in_a_row(int minutes, Level level, bool equipment) =>
        ForEachRoutine(minutes, level, equipment, (_, routine) =>
        {
            for (var i = 1; i < routine.Blocks.Count; i++)
            {
                Assert.NotEqual(routine.Blocks[i - 1].Slug, routine.Blocks[i].Slug);
            }
        });

    [Theory]
    [MemberData(nameof(Shapes))]
    public void At_least_half_of_the_mobility_phase_goes_to_the_focus_regions(int minutes, Level level, bool equipment) =>
        ForEachRoutine(minutes, level, equipment, (request, routine) =>
        {
            var focusCandidates = RoutineGenerator.Candidates(SessionPhase.Mobility, request, TestCatalog.Exercises)
                .Where(e => e.Regions.Any(request.Focus.Contains));
            if (!focusCandidates.Any())
            {
                return;
            }

            var mobility = routine.Blocks.Where(b => b.Phase == SessionPhase.Mobility).ToList();
            var focus = mobility.Where(b => TestCatalog.Get(b.Slug).Regions.Any(request.Focus.Contains)).Sum(b => b.TotalSeconds);
            Assert.True(focus * 2 >= mobility.Sum(b => b.TotalSeconds), $"focus {focus}s of {mobility.Sum(b => b.TotalSeconds)}s");
        });

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Exercises_suit_their_phase_level_and_equipment(int minutes, Level level, bool equipment) =>
        ForEachRoutine(minutes, level, equipment, (request, routine) => RoutineRules.AssertSuits(routine, request));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Doses_are_real_holds_within_range_and_sets_of_8_to_12_repetitions(int minutes, Level level, bool equipment) =>
        ForEachRoutine(minutes, level, equipment, (_, routine) => RoutineRules.AssertRealDoses(routine));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void An_exercise_comes_once_a_phase_and_at_most_twice_a_session(int minutes, Level level, bool equipment) =>
        ForEachRoutine(minutes, level, equipment, (_, routine) => RoutineRules.AssertFewRepeats(routine));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_phase_goes_down_to_the_floor_in_order_changing_position_at_most_twice(int minutes, Level level, bool equipment) =>
        ForEachRoutine(minutes, level, equipment, (_, routine) => RoutineRules.AssertCalmOrder(routine));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_longer_get_ready_comes_only_where_the_position_changes(int minutes, Level level, bool equipment) =>
        ForEachRoutine(minutes, level, equipment, (_, routine) => RoutineRules.AssertGetReady(routine));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_longer_session_gives_more_sets_and_longer_blocks_not_more_of_the_same(int minutes, Level level, bool equipment) =>
        ForEachRoutine(minutes, level, equipment, (request, routine) =>
        {
            // About a minute a block in a short session (which still visits every part of the spine),
            // a minute and a half from 20 minutes, more than two from 45.
            var average = routine.TotalSeconds / (double)routine.Blocks.Count;
            var least = request.Minutes switch { < 20 => 45, < 45 => 90, _ => 130 };
            Assert.True(average >= least, $"{routine.Blocks.Count} blocks of {average:0} s on average");
            if (request.Minutes >= 30)
            {
                Assert.Contains(routine.Blocks, b => b.Sets > 1);
            }
        });

    /// <summary>Without a mat, and staying with the focus in every phase: every focus combination, fewer seeds.</summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Requests_without_a_mat_or_only_for_the_focus_keep_every_rule(int minutes, Level level, bool equipment)
    {
        var regions = RoutineRequest.FocusRegions;
        for (var mask = 0; mask < 1 << regions.Count; mask++)
        {
            var focus = regions.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            foreach (var (hasMat, onlyFocus) in new[] { (false, false), (true, true), (false, true) })
            {
                foreach (var seed in Seeds.Take(3))
                {
                    var request = new RoutineRequest(minutes, focus, level, equipment, seed, hasMat, onlyFocus);
                    RoutineRules.AssertAll(RoutineGenerator.Generate(request, TestCatalog.Exercises), request);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_same_request_and_seed_always_give_the_same_routine(int minutes, Level level, bool equipment)
    {
        foreach (var request in Requests(minutes, level, equipment).Take(40))
        {
            var first = RoutineGenerator.Generate(request, TestCatalog.Exercises);
            var second = RoutineGenerator.Generate(request with { Focus = [.. request.Focus] }, TestCatalog.Exercises);
            Assert.Equal(first.Blocks, second.Blocks);
        }
    }
}
