using SpineMobility.Tests.Features.Sessions;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Tests.Features.Exercises;

/// <summary>What people type, and the exercises of the real catalog each must find.</summary>
public sealed class ExerciseSearchTests
{
    private static readonly ExerciseSearch Search = new(TestCatalog.Exercises);

    private static readonly string[] ChairExercises = ["neck-circles", "neck-tilts", "chin-tucks", "thoracic-rotations", "gentle-neck-stretches", "ankle-circles"];

    private static List<string> Find(string query) => [.. Search.Find(query).Select(e => e.Slug)];

    private static string[] InRegion(Region region) => [.. TestCatalog.Exercises.Where(e => e.Regions.Contains(region)).Select(e => e.Slug)];

    public static TheoryData<string, string[]> ExactlyThese => new()
    {
        // Every exercise done on a chair, whether the query names the chair or the desk it stands at.
        { "chair", ChairExercises },
        { "chairs", ChairExercises },
        { "desk", ChairExercises },
        { "Desk", ChairExercises },
        // Hyphens and spaces are one; so are plural and singular, and case.
        { "cat cow", ["cat-cow"] },
        { "cat-cow", ["cat-cow"] },
        { "CAT COWS", ["cat-cow"] },
        { "childs pose", ["childs-pose"] },
        { "child's pose", ["childs-pose"] },
        // The words for a region find exactly that region, named exercises first.
        { "necks", ["neck-circles", "neck-tilts", "gentle-neck-stretches", "chin-tucks"] },
        { "neck", ["neck-circles", "neck-tilts", "gentle-neck-stretches", "chin-tucks"] },
        { "cervical", ["neck-circles", "neck-tilts", "chin-tucks", "gentle-neck-stretches"] },
        { "lower back", ["cat-cow", "pelvic-tilts", "knee-to-chest"] },
        { "lower-back", ["cat-cow", "pelvic-tilts", "knee-to-chest"] },
        { "low back", ["cat-cow", "pelvic-tilts", "knee-to-chest"] },
        { "upper back", ["thoracic-rotations", "thoracic-extensions", "quadruped-thoracic-mobilisations", "cat-cow"] },
        { "circles", ["neck-circles", "hip-circles", "ankle-circles"] },
        { "circle", ["neck-circles", "hip-circles", "ankle-circles"] },
        { "twist", ["seated-spinal-twist"] },
        { "roller", ["thoracic-extensions"] },
        { "foam roller", ["thoracic-extensions"] },
        // Nothing matches, or nothing to search for: nothing found (a % is not a wildcard).
        { "handstand", [] },
        { "%", [] },
        { "  ", [] },
    };

    [Theory]
    [MemberData(nameof(ExactlyThese))]
    public void A_query_finds_exactly_the_exercises_people_mean(string query, string[] expected)
    {
        Assert.Equal(expected, Find(query));
    }

    [Theory]
    [InlineData("hips", Region.Hip, "hip-circles")]
    [InlineData("hip", Region.Hip, "hip-circles")]
    [InlineData("stretches", Region.Cervical, "gentle-neck-stretches")]
    [InlineData("back", Region.Lumbar, "thoracic-rotations")]
    public void A_query_finds_every_exercise_of_its_region_and_ranks_name_matches_first(string query, Region region, string first)
    {
        var found = Find(query);

        Assert.Equal(first, found[0]);
        Assert.All(query == "stretches" ? ["gentle-neck-stretches"] : InRegion(region), slug => Assert.Contains(slug, found));
    }

    [Fact]
    public void Name_matches_come_before_matches_in_the_tags_and_the_text()
    {
        var found = Find("neck");

        // Named "Neck …" or "… neck …", then tagged cervical only.
        Assert.Equal(["neck-circles", "neck-tilts", "gentle-neck-stretches"], found[..3]);
        Assert.Equal("chin-tucks", found[3]);
    }

    [Theory]
    [InlineData("knee-to-chest")]
    [InlineData("knee to chest")]
    [InlineData("knees to chest")]
    public void The_exercise_whose_name_the_query_spells_comes_first(string query)
    {
        Assert.Equal("knee-to-chest", Find(query)[0]);
    }

    [Fact]
    public void A_word_still_being_typed_finds_what_it_begins()
    {
        Assert.Equal(["seated-spinal-twist"], Find("twi"));
        Assert.Equal(["neck-circles", "hip-circles", "ankle-circles"], Find("circ"));
    }

    [Fact]
    public void Every_word_must_match()
    {
        Assert.Equal(["neck-circles"], Find("neck circles"));
        Assert.Empty(Find("neck handstand"));
    }

    [Fact]
    public void The_filter_narrows_what_the_search_finds()
    {
        var found = Search.Find("circles", e => e.Position == StartingPosition.Standing);

        Assert.Equal(["hip-circles"], found.Select(e => e.Slug));
    }

    [Theory]
    [InlineData("stretches", "stretch")]
    [InlineData("circles", "circle")]
    [InlineData("hips", "hip")]
    [InlineData("mobilities", "mobility")]
    [InlineData("press", "press")]
    [InlineData("thoracic", "thoracic")]
    [InlineData("this", "this")]
    [InlineData("fours", "four")]
    public void Words_are_compared_in_their_singular_form(string word, string singular)
    {
        Assert.Equal(singular, ExerciseSearch.Singular(word));
    }
}
