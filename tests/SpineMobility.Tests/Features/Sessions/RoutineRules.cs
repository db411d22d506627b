using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Tests.Features.Sessions;

/// <summary>What a physiotherapist checks in any plan, whatever was asked for.</summary>
public static class RoutineRules
{
    public static void AssertPhasesInOrder(Routine routine)
    {
        var phases = routine.Blocks.Select(b => b.Phase).ToList();
        Assert.Equal(phases.Order(), phases);
    }

    /// <summary>An exercise comes in at most one block per phase and at most two blocks per session.</summary>
    public static void AssertFewRepeats(Routine routine)
    {
        foreach (var group in routine.Blocks.GroupBy(b => b.Slug))
        {
            Assert.True(group.Count() <= RoutineGenerator.MaxBlocksPerExercise, $"{group.Key} comes {group.Count()} times");
            Assert.True(group.Select(b => b.Phase).Distinct().Count() == group.Count(), $"{group.Key} comes twice in one phase");
        }

        for (var i = 1; i < routine.Blocks.Count; i++)
        {
            Assert.NotEqual(routine.Blocks[i - 1].Slug, routine.Blocks[i].Slug);
        }
    }

    /// <summary>Each phase goes from standing down to the floor (up again in the cool-down), changing position at most twice.</summary>
    public static void AssertCalmOrder(Routine routine)
    {
        foreach (var (phase, blocks) in routine.Phases)
        {
            var exercises = blocks.Select(b => TestCatalog.Get(b.Block.Slug)).ToList();
            var keys = exercises.Select(e => PositionOrder.KeyIn(phase, e)).ToList();
            Assert.True(keys.Order().SequenceEqual(keys), $"{phase} is not in the calm order: {string.Join(" > ", exercises.Select(e => e.Position))}");
            var changes = PositionOrder.Changes(exercises.Select(e => e.Position));
            Assert.True(changes <= PositionOrder.MaxPositionsPerPhase - 1, $"{phase} changes position {changes} times");
        }
    }

    /// <summary>Ten seconds to get ready where the starting position changes (and before the first exercise), five where it stays.</summary>
    public static void AssertGetReady(Routine routine)
    {
        for (var i = 0; i < routine.Blocks.Count; i++)
        {
            var same = i > 0 && TestCatalog.Get(routine.Blocks[i].Slug).Position == TestCatalog.Get(routine.Blocks[i - 1].Slug).Position;
            Assert.Equal(same ? RoutineGenerator.GetReadySeconds : RoutineGenerator.RepositionSeconds, routine.Blocks[i].GetReadySeconds);
        }
    }

    /// <summary>Holds within the exercise's range, sets of 8 to 12 repetitions, one to four sets with a short rest between them.</summary>
    public static void AssertRealDoses(Routine routine)
    {
        foreach (var block in routine.Blocks)
        {
            var exercise = TestCatalog.Get(block.Slug);
            Assert.Equal(exercise.PerSide, block.PerSide);
            Assert.InRange(block.Sets, 1, Dosing.MaxSets);
            Assert.Equal(block.Sets > 1 ? Dosing.RestBetweenSetsSeconds : 0, block.RestSeconds);
            if (exercise.Dose.IsHold)
            {
                Assert.Null(block.Reps);
                Assert.InRange(block.WorkSeconds, exercise.Dose.MinSeconds!.Value, exercise.Dose.MaxSeconds!.Value);
            }
            else
            {
                Assert.InRange(block.Reps!.Value, Dosing.MinRepsPerSet, Dosing.MaxRepsPerSet);
                Assert.Equal(block.Reps * exercise.Dose.SecondsPerRep, block.WorkSeconds);
            }
        }
    }

    public static void AssertSuits(Routine routine, RoutineRequest request)
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

            if (!request.HasMat)
            {
                Assert.Contains(exercise.Position, new[] { StartingPosition.Standing, StartingPosition.Seated });
                Assert.NotEqual(Equipment.Mat, exercise.Equipment);
            }
        }
    }

    /// <summary>
    /// The most a request can fill under the rules, worked out independently of the generator: each
    /// phase's exercises in its best three starting positions, each at four sets of its longest set
    /// (and the spine work no more than twice its focus exercises). An upper bound: the generator
    /// also keeps each exercise to two blocks.
    /// </summary>
    public static double MostSeconds(RoutineRequest request)
    {
        static int Longest(Exercise e)
        {
            var work = e.Dose.IsHold ? e.Dose.MaxSeconds!.Value : Dosing.MaxRepsPerSet * e.Dose.SecondsPerRep!.Value;
            var set = e.PerSide ? (2 * work) + 5 : work;
            return RoutineGenerator.RepositionSeconds + (Dosing.MaxSets * set) + ((Dosing.MaxSets - 1) * Dosing.RestBetweenSetsSeconds);
        }

        var total = 0.0;
        foreach (var phase in Enum.GetValues<SessionPhase>())
        {
            var candidates = RoutineGenerator.Candidates(phase, request, TestCatalog.Exercises);
            var byPosition = candidates.GroupBy(e => e.Position).Select(g => g.Sum(Longest)).OrderDescending().Take(PositionOrder.MaxPositionsPerPhase).Sum();
            var focus = candidates.Where(e => e.Regions.Any(request.Focus.Contains)).Sum(Longest);
            total += phase == SessionPhase.Mobility && focus > 0 ? Math.Min(byPosition, 2 * focus) : byPosition;
        }

        return total;
    }

    /// <summary>
    /// Within five percent of the time asked for; short only when the plan is at its longest (every
    /// block at four sets of its longest set, but the other regions' spine work, which the focus
    /// keeps to half), and then saying so. A request with the mat and every region allowed is
    /// short only when even the upper bound falls short.
    /// </summary>
    public static void AssertFillsTheTime(Routine routine, RoutineRequest request)
    {
        Assert.True(routine.TotalSeconds <= request.BudgetSeconds * 1.05, $"{routine.TotalSeconds}s is too long");
        Assert.Equal(routine.TotalSeconds < request.BudgetSeconds * 0.95, routine.IsShort);
        if (!routine.IsShort)
        {
            return;
        }

        var wide = request.HasMat && !request.OnlyFocus;
        Assert.False(wide && MostSeconds(request) >= request.BudgetSeconds * 0.97, $"{routine.TotalSeconds}s is too short; up to {MostSeconds(request):0}s would fit");
        foreach (var block in routine.Blocks)
        {
            var exercise = TestCatalog.Get(block.Slug);
            var heldBackByTheFocus = block.Phase == SessionPhase.Mobility && request.Focus.Count > 0 && !exercise.Regions.Any(request.Focus.Contains);
            var longest = exercise.Dose.IsHold ? exercise.Dose.MaxSeconds : Dosing.MaxRepsPerSet;
            Assert.True(heldBackByTheFocus || (block.Sets == Dosing.MaxSets && (block.Reps ?? block.WorkSeconds) == longest), $"a short plan could make {block.Name} longer");
        }
    }

    /// <summary>Every rule at once, with the plan in the message when one fails.</summary>
    public static void AssertAll(Routine routine, RoutineRequest request)
    {
        Explain(routine, request, () =>
        {
            AssertPhasesInOrder(routine);
            AssertFewRepeats(routine);
            AssertCalmOrder(routine);
            AssertGetReady(routine);
            AssertRealDoses(routine);
            AssertSuits(routine, request);
            AssertFillsTheTime(routine, request);
        });
    }

    public static void Explain(Routine routine, RoutineRequest request, Action check)
    {
        try
        {
            check();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"{Describe(request)} total {routine.TotalSeconds}s:\n{Describe(routine)}", e);
        }
    }

    public static string Describe(RoutineRequest request) =>
        $"{request.Minutes} min [{string.Join(",", request.Focus)}] {request.Level} equipment={request.HasEquipment} mat={request.HasMat} only={request.OnlyFocus} seed={request.Seed}";

    public static string Describe(Routine routine) =>
        string.Join("\n", routine.Blocks.Select(b => $"  {b.Phase} {b.Slug} ({TestCatalog.Get(b.Slug).Position}) {b.DoseText} {b.TotalSeconds}s"));
}
