using System.Text.Json.Nodes;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Programs;

namespace SpineMobility.Tests.Features.Programs;

/// <summary>
/// An own exercise is checked by the catalog's validator, not by rules of its own: each kind of bad field gets
/// exactly the message the same value gets in content/exercises.json, next to the form field it is about.
/// </summary>
public sealed class OwnExerciseFormTests
{
    private static OwnExerciseForm Valid() => new()
    {
        Name = "Wall angels",
        Summary = "Slides the arms up a wall to open the upper back.",
        Regions = [Region.Thoracic],
        Position = StartingPosition.Standing,
        Equipment = Equipment.Wall,
        Directions = [MovementDirection.Extension],
        DoseKind = DoseKind.Reps,
        Reps = "8",
        SecondsPerRep = "4",
        Phases = [SessionPhase.Mobility],
        Intensity = Intensity.Gentle,
        Steps = "Stand with your back against a wall.\nRaise your arms to shoulder height.\nSlide them up the wall and back down.",
        Cues = "Move slowly.\nBreathe out as the arms rise.",
        Cautions = "Stop if your shoulder pinches.",
    };

    public static TheoryData<string, Action<OwnExerciseForm>, string, string> BadFields => new()
    {
        { "name", f => f.Name = new string('a', 81), "name", "is 81 characters long; the most is 80" },
        { "empty name", f => f.Name = "   ", "name", "is empty" },
        { "summary", f => f.Summary = new string('b', 111), "summary", "is 111 characters long; the most is 110" },
        { "no region", f => f.Regions = [], "regions", "is empty: give at least 1" },
        { "no position", f => f.Position = null, "position", "missing: use one of \"standing\", \"seated\", \"lying-on-back\", \"lying-on-front\", \"all-fours\", \"kneeling\"" },
        { "no equipment", f => f.Equipment = null, "equipment", "missing: use one of \"none\", \"foam-roller-or-ball\", \"mat\", \"wall\", \"chair\"" },
        { "no direction", f => f.Directions = [], "directions", "is empty: give at least 1" },
        { "too many reps", f => f.Reps = "150", "dose.reps", "must be from 1 to 100, not 150" },
        { "reps not a number", f => f.Reps = "ten", "dose.reps", "must be a whole number, not the text \"ten\"" },
        { "no seconds per rep", f => f.SecondsPerRep = "", "dose.secondsPerRep", "missing" },
        { "seconds per rep", f => f.SecondsPerRep = "0", "dose.secondsPerRep", "must be from 1 to 60, not 0" },
        { "hold too long", f => { f.DoseKind = DoseKind.Hold; f.HoldMinSeconds = "900"; }, "dose.minSeconds", "must be from 1 to 600, not 900" },
        { "hold upside down", f => { f.DoseKind = DoseKind.Hold; f.HoldMinSeconds = "60"; f.HoldMaxSeconds = "30"; }, "dose.minSeconds", "the hold's minimum (60 s) exceeds its maximum (30 s)" },
        { "no phase", f => f.Phases = [], "phases", "is empty: give at least 1" },
        { "no intensity", f => f.Intensity = null, "intensity", "missing: use one of \"gentle\", \"moderate\"" },
        { "too few steps", f => f.Steps = "Stand tall.\nBreathe.", "steps", "has 2; give at least 3" },
        { "long step", f => f.Steps = $"Stand tall.\n{new string('c', 301)}\nBreathe.", "steps[1]", "is 301 characters long; the most is 300" },
        { "same step twice", f => f.Steps = "Stand tall.\nBreathe.\nStand tall.", "steps[2]", "the text \"Stand tall.\" is listed twice" },
        { "too many cues", f => f.Cues = "One.\nTwo.\nThree.\nFour.\nFive.", "cues", "has 5; give at most 4" },
        { "no caution", f => f.Cautions = "", "cautions", "is empty: give at least 1" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void Each_bad_field_gets_the_catalogs_own_message_for_that_field(string kind, Action<OwnExerciseForm> spoil, string field, string message)
    {
        var form = Valid();
        spoil(form);

        var (exercise, problems) = OwnExerciseStore.Check(form);

        Assert.Null(exercise);
        var problem = Assert.Single(problems);
        Assert.True(problem.Field == field && problem.Message == message, $"{kind}: got '{problem.Field}': {problem.Message}");

        // The very same entry in a catalog file gets the very same problem: one validator, one set of messages.
        var catalog = new JsonObject { ["exercises"] = new JsonArray(form.ToJson()) };
        var inCatalog = Assert.Single(ExerciseContent.Parse("content/exercises.json", catalog.ToJsonString()).Problems);
        Assert.Equal((problem.Field, problem.Message), (inCatalog.Field, inCatalog.Message));
    }

    [Fact]
    public void A_valid_form_is_read_as_an_exercise_with_the_neutral_drawing_under_its_key()
    {
        var (exercise, problems) = OwnExerciseStore.Check(Valid());
        Assert.Empty(problems);
        Assert.Equal(Dose.Repetitions(8, 4), exercise!.Dose);
        Assert.Equal(["Stop if your shoulder pinches."], exercise.Cautions);

        var key = OwnExerciseKey.New();
        var stored = OwnExerciseStore.Read(key, OwnExerciseStore.ContentOf(exercise))!;
        Assert.Equal(key, stored.Slug);
        Assert.True(stored.Illustration.IsNoPicture);
        Assert.Equal(exercise.Steps, stored.Steps);
        Assert.Equal(OwnExerciseForm.From(exercise).ToJson().ToJsonString(), OwnExerciseForm.From(stored).ToJson().ToJsonString());
    }

    [Fact]
    public void Problems_are_sentences_placed_next_to_their_field_and_name_the_line()
    {
        var form = Valid();
        form.Summary = new string('b', 111);
        form.Steps = $"Stand tall.\n{new string('c', 301)}\nBreathe.";
        form.Reps = "150";

        var problems = new OwnExerciseProblems(OwnExerciseStore.Check(form).Problems);

        Assert.Equal(3, problems.Count);
        Assert.Equal("The summary is 111 characters long; the most is 110.", problems.Of("summary"));
        Assert.Equal("Steps, line 2, is 301 characters long; the most is 300.", problems.Of("steps"));
        Assert.Equal("Repetitions must be from 1 to 100, not 150.", problems.Of("dose.reps"));
        Assert.Null(problems.Of("name"));
    }

    [Fact]
    public void A_key_never_looks_like_a_catalog_slug_and_only_keys_pass_as_keys()
    {
        var key = OwnExerciseKey.New();
        Assert.Equal(OwnExerciseKey.Length, key.Length);
        Assert.True(OwnExerciseKey.IsKey(key));
        Assert.DoesNotMatch("^[a-z0-9]+(-[a-z0-9]+)*$", key);
        Assert.NotEqual(key, OwnExerciseKey.New());
        Assert.False(OwnExerciseKey.IsKey("cat-cow"));
        Assert.False(OwnExerciseKey.IsKey("my_" + new string('A', 16)));
        Assert.False(OwnExerciseKey.IsKey("my_short"));
        Assert.False(OwnExerciseKey.IsKey(null));
    }
}
