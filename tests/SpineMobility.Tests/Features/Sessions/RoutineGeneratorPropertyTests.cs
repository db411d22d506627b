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
            try
            {
                check(request, routine);
            }
            catch (Exception e)
            {
                var plan = string.Join("\n", routine.Blocks.Select(b => $"  {b.Phase} {b.Slug} {b.TotalSeconds}s"));
                throw new InvalidOperationException($"{request} [{string.Join(",", request.Focus)}] total {routine.TotalSeconds}s:\n{plan}", e);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_total_is_within_five_percent_of_the_budget(int minutes, Level level, bool equipment) =>
        ForEachRoutine(minutes, level, equipment, (request, routine) =>
            Assert.InRange(routine.TotalSeconds, request.BudgetSeconds * 0.95, request.BudgetSeconds * 1.05));

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
        ForEachRoutine(minutes, level, equipment, (request, routine) =>
        {
            foreach (var block in routine.Blocks)
            {
                var exercise = TestCatalog.Get(block.Slug);
                Assert.Contains(block.Phase, exercise.Phases);
                if (request.Level == Level.Beginner || block.Phase is SessionPhase.WarmUp or SessionPhase.CoolDown)
                {
                    Assert.Equal(Intensity.Gentle, exercise.Intensity);
                }

                if (!request.HasEquipment)
                {
                    Assert.NotEqual(Equipment.FoamRollerOrBall, exercise.Equipment);
                }
            }
        });

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Times_stay_within_each_exercises_dose_and_per_side_work_is_equal(int minutes, Level level, bool equipment) =>
        ForEachRoutine(minutes, level, equipment, (_, routine) =>
        {
            foreach (var block in routine.Blocks)
            {
                var exercise = TestCatalog.Get(block.Slug);
                Assert.Equal(exercise.PerSide, block.PerSide);
                Assert.InRange(block.GetReadySeconds, RoutineGenerator.GetReadySeconds, RoutineGenerator.RepositionSeconds);
                if (exercise.Dose.IsHold)
                {
                    Assert.InRange(block.WorkSeconds, exercise.Dose.MinSeconds!.Value, exercise.Dose.MaxSeconds!.Value);
                }
                else
                {
                    Assert.Equal(block.Reps * exercise.Dose.SecondsPerRep, block.WorkSeconds);
                    Assert.InRange(block.Reps!.Value, 1, exercise.Dose.Reps!.Value * 3 / 2);
                }
            }
        });

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
