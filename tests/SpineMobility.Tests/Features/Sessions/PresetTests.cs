using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Tests.Features.Sessions;

/// <summary>The ready-made routines keep their promise at every length a user can choose.</summary>
public sealed class PresetTests
{
    private static readonly int[] Seeds = [1, 2, 3, 17, 42];

    public static TheoryData<string, int> PresetsAndLengths()
    {
        var data = new TheoryData<string, int>();
        foreach (var preset in Preset.All)
        {
            for (var minutes = 10; minutes <= 90; minutes += 5)
            {
                data.Add(preset.Slug, minutes);
            }
        }

        return data;
    }

    public static TheoryData<int> Lengths() => [.. Enumerable.Range(2, 17).Select(i => i * 5)];

    private static IEnumerable<(RoutineRequest Request, Routine Routine)> Routines(string slug, int minutes) =>
        Seeds.Select(seed => Preset.Find(slug)!.Request with { Minutes = minutes, Seed = seed })
            .Select(request => (request, RoutineGenerator.Generate(request, TestCatalog.Exercises)));

    [Theory]
    [MemberData(nameof(PresetsAndLengths))]
    public void Every_preset_keeps_the_routine_rules_from_10_to_90_minutes(string slug, int minutes)
    {
        foreach (var (request, routine) in Routines(slug, minutes))
        {
            RoutineRules.AssertAll(routine, request);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Neck_relief_is_on_a_chair_or_standing_for_the_neck_and_upper_back_with_no_mat(int minutes)
    {
        foreach (var (request, routine) in Routines("neck-relief", minutes))
        {
            RoutineRules.Explain(routine, request, () =>
            {
                foreach (var block in routine.Blocks)
                {
                    var exercise = TestCatalog.Get(block.Slug);
                    Assert.Contains(exercise.Position, new[] { StartingPosition.Seated, StartingPosition.Standing });
                    Assert.DoesNotContain(exercise.Equipment, new[] { Equipment.Mat, Equipment.FoamRollerOrBall });
                    Assert.True(exercise.Regions.Contains(Region.Cervical) || exercise.Regions.Contains(Region.Thoracic), $"{exercise.Name} is not for the neck or upper back");
                }

                Assert.DoesNotContain(Equipment.Mat, routine.Needs(TestCatalog.Exercises));
            });
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Lower_back_relief_opens_and_stays_with_the_lower_back_and_hips(int minutes)
    {
        Region[] lowerBack = [Region.Lumbar, Region.Hip];
        foreach (var (request, routine) in Routines("lower-back-relief", minutes))
        {
            RoutineRules.Explain(routine, request, () =>
            {
                Assert.True(TestCatalog.Get(routine.Blocks[0].Slug).Regions.Any(lowerBack.Contains), $"it opens with {routine.Blocks[0].Name}");
                foreach (var block in routine.Blocks)
                {
                    var regions = TestCatalog.Get(block.Slug).Regions;
                    Assert.True(regions.Any(lowerBack.Contains) || regions.Contains(Region.FullBody), $"{block.Name} is not for the lower back or hips");
                }
            });
        }
    }

    [Fact]
    public void Each_preset_says_what_it_needs()
    {
        var needs = Preset.All.ToDictionary(p => p.Slug, p => RoutineGenerator.Generate(p.Request, TestCatalog.Exercises).Needs(TestCatalog.Exercises));

        Assert.True(needs["neck-relief"].SequenceEqual([Equipment.Chair]), string.Join(", ", needs.Select(n => $"{n.Key}: {string.Join("+", n.Value)}")));
        Assert.Equal([Equipment.Chair], needs["neck-relief"]);
        Assert.Contains(Equipment.Mat, needs["lower-back-relief"]);
        Assert.DoesNotContain(Equipment.Chair, needs["lower-back-relief"]);
        Assert.Contains(Equipment.FoamRollerOrBall, needs["better-posture"]);
        Assert.All(needs.Where(n => n.Key != "better-posture"), n => Assert.DoesNotContain(Equipment.FoamRollerOrBall, n.Value));
    }

    [Fact]
    public void A_preset_that_cannot_fill_a_long_session_says_so_instead_of_repeating_itself()
    {
        var routine = RoutineGenerator.Generate(Preset.Find("neck-relief")!.Request with { Minutes = 90 }, TestCatalog.Exercises);

        Assert.True(routine.IsShort);
        RoutineRules.AssertFewRepeats(routine);
        Assert.True(routine.TotalSeconds >= 20 * 60, $"only {routine.TotalSeconds}s");
    }
}
