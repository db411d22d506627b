using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Tests.Features.Sessions;

public sealed class BuilderQueryTests
{
    private static BuilderChoice Parse(string? preset = null, string? minutes = null, string[]? focus = null, string? level = null, string? equipment = null,
        string? seed = null, string? mat = null, string? only = null, string[]? include = null, string? plan = null) =>
        BuilderQuery.Parse(new BuilderAddress(preset, minutes, focus, level, equipment, seed, mat, only, include, plan));

    [Theory]
    [InlineData("0", "0 minutes is too short: choose 5 to 90.")]
    [InlineData("-5", "-5 minutes is too short: choose 5 to 90.")]
    [InlineData("4", "4 minutes is too short: choose 5 to 90.")]
    [InlineData("999", "999 minutes is too long: choose 5 to 90.")]
    [InlineData("abc", "'abc' is not a whole number of minutes: choose 5 to 90.")]
    [InlineData("7.5", "'7.5' is not a whole number of minutes: choose 5 to 90.")]
    [InlineData(" ", "Say how many minutes: choose 5 to 90.")]
    public void A_length_that_is_not_a_session_length_is_explained_with_the_range_and_not_guessed(string text, string problem)
    {
        var (minutes, said) = BuilderQuery.ParseMinutes(text);

        Assert.Null(minutes);
        Assert.Equal(problem, said);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("999")]
    [InlineData("abc")]
    [InlineData("7.5")]
    public void A_bad_length_in_the_address_says_so_beside_the_field_and_plans_the_default(string minutes)
    {
        var choice = Parse(minutes: minutes);

        Assert.Equal(BuilderQuery.DefaultMinutes, choice.Request.Minutes);
        Assert.Contains("choose 5 to 90.", choice.MinutesProblem, StringComparison.Ordinal);
        Assert.EndsWith("This plan is 15 minutes.", choice.MinutesProblem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData("90", 90)]
    [InlineData(" 37 ", 37)]
    public void A_length_within_range_is_taken_as_it_is(string text, int expected) =>
        Assert.Equal(expected, BuilderQuery.ParseMinutes(text).Minutes);

    [Fact]
    public void A_thousand_bad_focus_tags_make_a_few_short_sentences_not_a_long_page()
    {
        var focus = Enumerable.Range(0, 1000).Select(i => $"elbow{i}-{new string('x', 200)}").ToArray();

        var choice = Parse(focus: focus);

        Assert.Empty(choice.Request.Focus);
        Assert.Contains(choice.Problems, p => p.Contains("carries 1,000 focus choices; only the first 8 are read", StringComparison.Ordinal));
        Assert.InRange(choice.Problems.Count, 1, 5);
        Assert.True(choice.Problems.Sum(p => p.Length) < 1000, string.Join("\n", choice.Problems));
    }

    [Fact]
    public void Links_already_sent_out_still_mean_what_they_meant()
    {
        var choice = Parse(minutes: "20", focus: ["cervical", "hip"], level: "beginner", equipment: "true", seed: "9");

        Assert.Equal((20, Level.Beginner, true, 9, true, false), (choice.Request.Minutes, choice.Request.Level, choice.Request.HasEquipment, choice.Request.Seed, choice.Request.HasMat, choice.Request.OnlyFocus));
        Assert.Equal([Region.Cervical, Region.Hip], choice.Request.Focus);
        Assert.Empty(choice.Problems);
        Assert.Equal("20-minute neck and hips routine", choice.Title);
        Assert.Equal("?minutes=20&focus=cervical&focus=hip&level=beginner&equipment=true&seed=9", BuilderQuery.ToQueryString(choice.Request));
    }

    [Fact]
    public void A_ready_made_routine_keeps_its_name_at_another_length_and_its_address_stays_short()
    {
        var choice = Parse(preset: "neck-relief", minutes: "30");

        Assert.Equal("Neck relief", choice.Title);
        Assert.Equal(30, choice.Request.Minutes);
        Assert.False(choice.Request.HasMat);
        Assert.Equal("?preset=neck-relief&minutes=30", BuilderQuery.ToQueryString(choice.Request, choice.Preset));
        Assert.Equal("?preset=hips", BuilderQuery.ToQueryString(Preset.Find("hips")!.Request, Preset.Find("hips")));
    }

    [Fact]
    public void A_ready_made_routine_changed_in_what_it_is_about_becomes_a_routine_of_ones_own()
    {
        var neck = Preset.Find("neck-relief")!;
        var changed = neck.Request with { Focus = [Region.Lumbar] };

        Assert.False(neck.Matches(changed));
        Assert.Equal("?minutes=10&focus=lumbar&mat=false&only=true&seed=1", BuilderQuery.ToQueryString(changed, neck));
        Assert.Equal("10-minute lower back routine", Parse(minutes: "10", focus: ["lumbar"], mat: "false", only: "true", seed: "1").Title);
    }

    [Fact]
    public void Every_choice_survives_the_round_trip_through_the_address()
    {
        var request = new RoutineRequest(37, [Region.Thoracic, Region.Lumbar], Level.Beginner, true, 12345, HasMat: false, OnlyFocus: true, Include: ["cat-cow"]);
        var query = System.Web.HttpUtility.ParseQueryString(BuilderQuery.ToQueryString(request, plan: "1~~cat-cow-1x8~~"));

        var back = Parse(query["preset"], query["minutes"], query.GetValues("focus"), query["level"], query["equipment"], query["seed"], query["mat"], query["only"], query.GetValues("include"), query["plan"]);

        Assert.Equal(request with { Focus = back.Request.Focus, Include = back.Request.Include }, back.Request);
        Assert.Equal(request.Focus, back.Request.Focus);
        Assert.Equal(request.Included, back.Request.Included);
        Assert.Equal("1~~cat-cow-1x8~~", back.Plan);
    }

    [Fact]
    public void An_exercise_to_include_that_the_request_cannot_hold_is_explained()
    {
        var request = new RoutineRequest(15, [], Level.Beginner, false, 1, Include: ["thoracic-extensions", "pigeon-pose", "no-such", "cat-cow"]);

        var (checkedRequest, problems) = BuilderQuery.CheckIncluded(request, TestCatalog.Exercises);

        Assert.Equal(["cat-cow"], checkedRequest.Included);
        Assert.Contains(problems, p => p.Contains("Thoracic extensions needs a foam roller", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Pigeon pose is not a gentle exercise", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no exercise called 'no-such'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_included_exercise_is_in_the_plan_in_the_phase_it_suits_best()
    {
        foreach (var exercise in TestCatalog.Exercises.Where(e => e.Equipment != Equipment.FoamRollerOrBall))
        {
            var routine = RoutineGenerator.Generate(new RoutineRequest(15, [], Level.Standard, false, 3, Include: [exercise.Slug]), TestCatalog.Exercises);

            var block = Assert.Single(routine.Blocks, b => b.Slug == exercise.Slug && b.Phase == RoutineGenerator.PhaseFor(exercise, routine.Request));
            Assert.NotNull(block);
        }
    }
}
