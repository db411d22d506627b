using System.Text.Json.Nodes;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Tests.Features.Exercises;

public sealed class ExerciseContentTests
{
    private const string File = "content/exercises.json";

    private static JsonObject RealContent() => JsonNode.Parse(System.IO.File.ReadAllText(RepoFiles.ExercisesJson))!.AsObject();

    private static JsonObject Entry(JsonObject content, int index) => content["exercises"]![index]!.AsObject();

    private static ExerciseContent.Result Parse(JsonObject content) => ExerciseContent.Parse(File, content.ToJsonString());

    private static string SingleProblem(JsonObject content)
    {
        var result = Parse(content);
        Assert.False(result.IsValid);
        Assert.Empty(result.Exercises);
        return Assert.Single(result.Problems).ToString();
    }

    [Fact]
    public void The_real_catalog_is_valid_and_holds_the_articles_18_exercises()
    {
        var result = Parse(RealContent());

        Assert.Empty(result.Problems);
        Assert.Equal(18, result.Exercises.Count);
        Assert.Contains(result.Exercises, e => e.Slug == "chin-tucks" && e.Regions.Contains(Region.Cervical));
        Assert.Contains(result.Exercises, e => e.Slug == "squat-hold" && e.Dose == Dose.Hold(30, 60));
    }

    [Theory]
    [InlineData(Region.Cervical)]
    [InlineData(Region.Thoracic)]
    [InlineData(Region.Lumbar)]
    [InlineData(Region.Hip)]
    [InlineData(Region.FullBody)]
    [InlineData(Region.Beginner)]
    public void The_real_catalog_has_at_least_three_exercises_per_region(Region region)
    {
        var result = Parse(RealContent());

        Assert.True(result.Exercises.Count(e => e.Regions.Contains(region)) >= 3, $"fewer than three {region} exercises");
    }

    [Fact]
    public void Exercises_keep_the_order_of_the_file()
    {
        var result = Parse(RealContent());

        Assert.Equal(Enumerable.Range(0, 18), result.Exercises.Select(e => e.SortOrder));
        Assert.Equal("neck-circles", result.Exercises[0].Slug);
    }

    [Fact]
    public void An_unknown_region_is_named_with_its_entry_and_field()
    {
        var content = RealContent();
        Entry(content, 2)["regions"] = new JsonArray("cervical", "neck");

        var problem = SingleProblem(content);

        Assert.Equal("content/exercises.json: exercises[2] 'chin-tucks', field 'regions[1]': unknown region 'neck' (expected one of: cervical, thoracic, lumbar, hip, full-body, beginner)", problem);
    }

    [Fact]
    public void A_duplicate_slug_names_both_entries()
    {
        var content = RealContent();
        Entry(content, 5)["slug"] = "chin-tucks";

        var problem = SingleProblem(content);

        Assert.Contains("exercises[5] 'chin-tucks', field 'slug'", problem, StringComparison.Ordinal);
        Assert.Contains("duplicate slug 'chin-tucks': exercises[2] already uses it", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_steps_are_reported()
    {
        var content = RealContent();
        Entry(content, 0).Remove("steps");

        Assert.Equal("content/exercises.json: exercises[0] 'neck-circles', field 'steps': missing", SingleProblem(content));
    }

    [Fact]
    public void Empty_steps_are_reported()
    {
        var content = RealContent();
        Entry(content, 0)["steps"] = new JsonArray();

        Assert.Contains("field 'steps': is empty", SingleProblem(content), StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_step_is_reported_by_its_position()
    {
        var content = RealContent();
        Entry(content, 0)["steps"] = new JsonArray("Sit tall.", "  ", "Breathe out.");

        Assert.Contains("field 'steps[1]': is empty", SingleProblem(content), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_non_positive_hold_is_reported(int seconds)
    {
        var content = RealContent();
        Entry(content, 11)["dose"] = new JsonObject { ["kind"] = "hold", ["minSeconds"] = seconds };

        var problem = SingleProblem(content);

        Assert.Contains("exercises[11] 'squat-hold', field 'dose.minSeconds'", problem, StringComparison.Ordinal);
        Assert.Contains($"must be from 1 to 600, not {seconds}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_positive_reps_are_reported()
    {
        var content = RealContent();
        Entry(content, 0)["dose"] = new JsonObject { ["kind"] = "reps", ["reps"] = 0, ["secondsPerRep"] = 5 };

        Assert.Contains("field 'dose.reps': must be from 1 to 100, not 0", SingleProblem(content), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hold_range_whose_minimum_exceeds_its_maximum_is_reported()
    {
        var content = RealContent();
        Entry(content, 11)["dose"] = new JsonObject { ["kind"] = "hold", ["minSeconds"] = 60, ["maxSeconds"] = 30 };

        Assert.Contains("field 'dose.minSeconds': the hold's minimum (60 s) exceeds its maximum (30 s)", SingleProblem(content), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_phase_is_reported()
    {
        var content = RealContent();
        Entry(content, 0)["phases"] = new JsonArray("warm-up", "stretching");

        Assert.Contains("field 'phases[1]': unknown phase 'stretching' (expected one of: warm-up, mobility, flexibility, cool-down)", SingleProblem(content), StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_line_and_position()
    {
        const string json = "{\n  \"exercises\": [\n    { \"slug\": \"a\" \"name\": \"b\" }\n  ]\n}";

        var result = ExerciseContent.Parse(File, json);

        var problem = Assert.Single(result.Problems).ToString();
        Assert.StartsWith("content/exercises.json: line 3, position 19: malformed JSON", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var content = RealContent();
        Entry(content, 0)["regions"] = new JsonArray("neck");
        Entry(content, 4).Remove("steps");
        Entry(content, 9)["intensity"] = "fierce";
        Entry(content, 9)["perSide"] = "yes";

        var result = Parse(content);

        Assert.Equal(4, result.Problems.Count);
        Assert.Equal(["regions[0]", "steps", "perSide", "intensity"], result.Problems.Select(p => p.Field));
    }

    [Fact]
    public void An_unknown_field_is_reported_so_typos_are_caught()
    {
        var content = RealContent();
        Entry(content, 0)["cautoins"] = new JsonArray("Go slowly.");

        Assert.Contains("field 'cautoins': unknown field", SingleProblem(content), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dose_without_a_kind_is_reported()
    {
        var content = RealContent();
        Entry(content, 0)["dose"] = new JsonObject { ["reps"] = 5 };

        Assert.Contains("field 'dose.kind': missing", SingleProblem(content), StringComparison.Ordinal);
    }

    [Fact]
    public void A_slug_that_is_not_kebab_case_is_reported()
    {
        var content = RealContent();
        Entry(content, 0)["slug"] = "Neck Circles";

        Assert.Contains("exercises[0], field 'slug': 'Neck Circles' is not a valid slug. Lowercase letters, digits and single hyphens", SingleProblem(content), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hold_without_a_maximum_holds_for_its_minimum()
    {
        var content = RealContent();
        Entry(content, 11)["dose"] = new JsonObject { ["kind"] = "hold", ["minSeconds"] = 45 };

        var result = Parse(content);

        Assert.Equal(Dose.Hold(45, 45), result.Exercises[11].Dose);
    }

    [Fact]
    public void A_file_without_an_exercises_array_is_reported()
    {
        var result = ExerciseContent.Parse(File, "{\"items\": []}");

        Assert.Contains(result.Problems, p => p.Field == "exercises");
    }

    [Fact]
    public async Task A_missing_file_is_reported_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir", "exercises.json");

        var result = await ExerciseContent.LoadAsync(path);

        Assert.Contains(path, Assert.Single(result.Problems).ToString(), StringComparison.Ordinal);
    }
    [Fact]
    public void A_summary_longer_than_the_schema_allows_is_refused_by_the_app_too()
    {
        var content = RealContent();
        Entry(content, 0)["summary"] = new string('a', 111);

        Assert.Equal("content/exercises.json: exercises[0] 'neck-circles', field 'summary': is 111 characters long; the most is 110", SingleProblem(content));
    }

    [Theory]
    [InlineData("minSeconds", 2147483647, "must be from 1 to 600, not 2147483647")]
    [InlineData("minSeconds", 601, "must be from 1 to 600, not 601")]
    [InlineData("minSeconds", 1.5, "must be a whole number, not the number 1.5")]
    [InlineData("maxSeconds", 100000, "must be from 1 to 600, not 100000")]
    public void A_hold_out_of_range_is_refused_so_no_session_can_overflow(string field, double seconds, string expected)
    {
        var content = RealContent();
        var dose = new JsonObject { ["kind"] = "hold", ["minSeconds"] = 20 };
        dose[field] = seconds % 1 == 0 ? JsonValue.Create((long)seconds) : JsonValue.Create(seconds);
        Entry(content, 11)["dose"] = dose;

        Assert.Equal($"content/exercises.json: exercises[11] 'squat-hold', field 'dose.{field}': {expected}", SingleProblem(content));
    }

    [Fact]
    public void Reps_and_their_tempo_have_a_ceiling()
    {
        var content = RealContent();
        Entry(content, 0)["dose"] = new JsonObject { ["kind"] = "reps", ["reps"] = 101, ["secondsPerRep"] = 61 };

        var problems = Parse(content).Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(
            [
                "content/exercises.json: exercises[0] 'neck-circles', field 'dose.reps': must be from 1 to 100, not 101",
                "content/exercises.json: exercises[0] 'neck-circles', field 'dose.secondsPerRep': must be from 1 to 60, not 61",
            ],
            problems);
    }

    [Fact]
    public void A_field_of_the_other_dose_kind_is_named_as_not_belonging()
    {
        var content = RealContent();
        Entry(content, 0)["dose"] = new JsonObject { ["kind"] = "hold", ["minSeconds"] = 20, ["reps"] = 5 };

        Assert.Equal("content/exercises.json: exercises[0] 'neck-circles', field 'dose.reps': unknown field (allowed: kind, minSeconds, maxSeconds)", SingleProblem(content));
    }

    [Fact]
    public void A_tag_listed_twice_is_named_by_its_second_place()
    {
        var content = RealContent();
        Entry(content, 0)["phases"] = new JsonArray("warm-up", "mobility", "warm-up");

        Assert.EndsWith("field 'phases[2]': the text \"warm-up\" is listed twice", SingleProblem(content), StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_text_is_refused_without_repeating_it()
    {
        var content = RealContent();
        Entry(content, 0)["steps"]![0] = new string('x', 5_000_000);

        var problem = SingleProblem(content);

        Assert.Contains("field 'steps[0]': is 5000000 characters long; the most is 300", problem, StringComparison.Ordinal);
        Assert.True(problem.Length < 200, problem);
    }

    [Fact]
    public async Task A_file_larger_than_a_catalog_can_be_is_refused_before_it_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"huge-{Guid.NewGuid():N}.json");
        await using (var stream = System.IO.File.Create(path))
        {
            stream.SetLength(ExerciseContent.MaxFileBytes + 1);
        }

        try
        {
            var result = await ExerciseContent.LoadAsync(path);

            Assert.Equal($"{path}: the file is 8 MB; a catalog may be at most 8 MB", Assert.Single(result.Problems).ToString());
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void One_exercise_from_a_form_gets_the_catalogs_rules_and_messages()
    {
        var exercise = Entry(RealContent(), 2);
        exercise["summary"] = new string('a', 111);
        exercise["regions"] = new JsonArray("cervical", "neck");
        exercise["dose"] = new JsonObject { ["kind"] = "hold", ["minSeconds"] = 60, ["maxSeconds"] = 30 };

        var result = ExerciseContent.ParseExercise("your exercise", exercise.ToJsonString());

        Assert.Empty(result.Exercises);
        Assert.Equal(
            [
                "your exercise: 'chin-tucks', field 'regions[1]': unknown region 'neck' (expected one of: cervical, thoracic, lumbar, hip, full-body, beginner)",
                "your exercise: 'chin-tucks', field 'summary': is 111 characters long; the most is 110",
                "your exercise: 'chin-tucks', field 'dose.minSeconds': the hold's minimum (60 s) exceeds its maximum (30 s)",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void One_valid_exercise_from_a_form_is_read_like_a_catalog_entry()
    {
        var entry = Entry(RealContent(), 8);

        var result = ExerciseContent.ParseExercise("your exercise", entry.ToJsonString());

        var exercise = Assert.Single(result.Exercises);
        Assert.Equal("knee-to-chest", exercise.Slug);
        Assert.Equal(Dose.Hold(20, 30), exercise.Dose);
        Assert.True(exercise.PerSide);
        Assert.Equal(Parse(RealContent()).Exercises[8].Steps, exercise.Steps);
    }

    [Fact]
    public void A_form_without_a_valid_slug_is_named_by_its_source_alone()
    {
        var result = ExerciseContent.ParseExercise("your exercise", "{\"slug\": \"Mine!\", \"name\": \" \"}");

        var problems = result.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("your exercise, field 'name': is empty", problems);
        Assert.Contains(problems, p => p.StartsWith("your exercise, field 'slug': 'Mine!' is not a valid slug", StringComparison.Ordinal));
        Assert.Contains("your exercise, field 'summary': missing", problems);
    }
}
