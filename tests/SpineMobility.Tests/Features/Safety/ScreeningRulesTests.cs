using SpineMobility.Web.Features.Safety;

namespace SpineMobility.Tests.Features.Safety;

public sealed class ScreeningRulesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static Dictionary<RedFlag, bool?> AllNo() => Enum.GetValues<RedFlag>().ToDictionary(f => f, _ => (bool?)false);

    private static SafetyScreening Taken(DateTimeOffset at, params RedFlag[] yes) => new() { BrowserKey = "b", TakenAt = at, YesTo = [.. yes] };

    [Fact]
    public void Every_accepted_red_flag_is_asked_once_and_saddle_numbness_and_bladder_or_bowel_are_urgent()
    {
        Assert.Equal(Enum.GetValues<RedFlag>(), RedFlags.Questions.Select(q => q.Flag));
        Assert.Equal([RedFlag.SaddleNumbness, RedFlag.BladderOrBowel], RedFlags.Questions.Where(q => q.Urgent).Select(q => q.Flag));
        Assert.All(RedFlags.Questions, q => Assert.EndsWith("?", q.Question, StringComparison.Ordinal));
    }

    [Fact]
    public void No_to_everything_is_clear()
    {
        var outcome = ScreeningRules.Evaluate(AllNo());

        Assert.True(outcome.IsComplete);
        Assert.Equal(ScreeningResult.Clear, outcome.Result);
        Assert.Empty(outcome.YesTo);
    }

    [Theory]
    [InlineData(RedFlag.LimbNumbnessOrWeakness, ScreeningResult.SeeProfessional)]
    [InlineData(RedFlag.FallOrAccident, ScreeningResult.SeeProfessional)]
    [InlineData(RedFlag.FeverOrWeightLoss, ScreeningResult.SeeProfessional)]
    [InlineData(RedFlag.PainAtNightOrRest, ScreeningResult.SeeProfessional)]
    [InlineData(RedFlag.SaddleNumbness, ScreeningResult.Urgent)]
    [InlineData(RedFlag.BladderOrBowel, ScreeningResult.Urgent)]
    public void Any_yes_stops_the_session_and_the_urgent_signs_say_so(RedFlag flag, ScreeningResult expected)
    {
        var answers = AllNo();
        answers[flag] = true;

        var outcome = ScreeningRules.Evaluate(answers);

        Assert.Equal(expected, outcome.Result);
        Assert.Equal([flag], outcome.YesTo);
    }

    [Fact]
    public void An_urgent_yes_outweighs_a_non_urgent_one()
    {
        var answers = AllNo();
        answers[RedFlag.FallOrAccident] = true;
        answers[RedFlag.BladderOrBowel] = true;

        Assert.Equal(ScreeningResult.Urgent, ScreeningRules.Evaluate(answers).Result);
    }

    [Fact]
    public void An_unanswered_question_is_named_and_nothing_is_decided()
    {
        var answers = AllNo();
        answers.Remove(RedFlag.FeverOrWeightLoss);
        answers[RedFlag.PainAtNightOrRest] = null;

        var outcome = ScreeningRules.Evaluate(answers);

        Assert.False(outcome.IsComplete);
        Assert.Equal(2, outcome.Problems.Count);
        Assert.Contains(outcome.Problems, p => p.Contains(RedFlags.Of(RedFlag.FeverOrWeightLoss).Question, StringComparison.Ordinal));
        Assert.Contains(outcome.Problems, p => p.Contains(RedFlags.Of(RedFlag.PainAtNightOrRest).Question, StringComparison.Ordinal));
    }

    [Fact]
    public void The_screening_is_asked_before_the_first_session()
    {
        Assert.Equal(ScreeningNeed.FirstSession, ScreeningRules.Need(null, null));
        Assert.Equal(ScreeningNeed.FirstSession, ScreeningRules.Need(null, Noon));
    }

    [Fact]
    public void A_clear_screening_holds_until_pain_of_seven_or_more_is_reported_after_it()
    {
        var clear = Taken(Noon);

        Assert.Equal(ScreeningNeed.None, ScreeningRules.Need(clear, null));
        Assert.Equal(ScreeningNeed.None, ScreeningRules.Need(clear, Noon.AddMinutes(-1)));
        Assert.Equal(ScreeningNeed.AfterHighPain, ScreeningRules.Need(clear, Noon.AddMinutes(1)));
    }

    [Fact]
    public void A_red_flag_keeps_asking_until_the_answers_are_clear()
    {
        Assert.Equal(ScreeningNeed.FlagRaised, ScreeningRules.Need(Taken(Noon, RedFlag.FallOrAccident), null));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, false)]
    [InlineData(6, false)]
    [InlineData(7, true)]
    [InlineData(10, true)]
    public void Pain_of_seven_or_more_is_high(int? pain, bool high) => Assert.Equal(high, ScreeningRules.IsHighPain(pain));

    [Theory]
    [InlineData(ScreeningNeed.None, null, ScreeningNeed.None)]
    [InlineData(ScreeningNeed.None, 6, ScreeningNeed.None)]
    [InlineData(ScreeningNeed.None, 7, ScreeningNeed.AfterHighPain)]
    [InlineData(ScreeningNeed.FirstSession, 9, ScreeningNeed.FirstSession)]
    [InlineData(ScreeningNeed.FlagRaised, 8, ScreeningNeed.FlagRaised)]
    public void Strong_pain_in_the_check_in_before_a_session_asks_the_questions_first(ScreeningNeed stored, int? painBefore, ScreeningNeed expected) =>
        Assert.Equal(expected, ScreeningRules.BeforeStart(stored, painBefore));
}
