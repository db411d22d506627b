using Bunit;
using SpineMobility.Web.Features.Safety;

namespace SpineMobility.Tests.Features.Safety;

public sealed class ScreeningFormTests : ComponentTest
{
    private IReadOnlyDictionary<RedFlag, bool?>? _submitted;

    private IRenderedComponent<ScreeningForm> RenderForm() => Render<ScreeningForm>(p => p.Add(f => f.OnSubmit, answers => _submitted = answers));

    private static void Answer(IRenderedComponent<ScreeningForm> form, RedFlag flag, bool yes) =>
        form.Find($"input[aria-label='{(yes ? "Yes" : "No")}: {RedFlags.Of(flag).Question}']").Click();

    [Fact]
    public void Each_question_is_a_labelled_yes_or_no()
    {
        var form = RenderForm();

        var groups = form.FindAll("[role=radiogroup]");
        Assert.Equal(6, groups.Count);
        foreach (var question in RedFlags.Questions)
        {
            var group = form.Find($"[role=radiogroup][aria-labelledby='screening-{question.Flag}']");
            Assert.Equal(2, group.QuerySelectorAll("input[type=radio]").Length);
            Assert.Contains(question.Question, form.Find($"#screening-{question.Flag}").TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Submitting_with_a_question_unanswered_says_so_and_submits_nothing()
    {
        var form = RenderForm();
        foreach (var flag in Enum.GetValues<RedFlag>().Skip(1))
        {
            Answer(form, flag, yes: false);
        }

        form.Find("button:last-of-type").Click();

        Assert.Null(_submitted);
        Assert.Contains("1 left", form.Find("[data-testid=screening-problems]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_set_of_answers_is_handed_on()
    {
        var form = RenderForm();
        foreach (var flag in Enum.GetValues<RedFlag>())
        {
            Answer(form, flag, yes: flag == RedFlag.SaddleNumbness);
        }

        form.Find("button:last-of-type").Click();

        Assert.NotNull(_submitted);
        Assert.Equal(ScreeningResult.Urgent, ScreeningRules.Evaluate(_submitted).Result);
    }

    [Fact]
    public void None_of_these_apply_answers_no_to_all_six_questions_at_once()
    {
        var form = RenderForm();
        Assert.Equal(6, form.FindAll(".screening-question").Count);

        form.Find("[data-testid=none-apply]").Click();

        Assert.NotNull(_submitted);
        Assert.Equal(RedFlags.Questions.Select(q => q.Flag), _submitted.Keys.Order());
        Assert.All(_submitted.Values, v => Assert.False(v));
        Assert.Equal(ScreeningResult.Clear, ScreeningRules.Evaluate(_submitted).Result);
    }

    [Fact]
    public void After_a_yes_there_is_no_shortcut_and_each_question_is_answered_on_its_own()
    {
        var form = RenderForm();

        Answer(form, RedFlag.FallOrAccident, yes: true);

        Assert.Empty(form.FindAll("[data-testid=none-apply]"));
        form.Find("button:last-of-type").Click();
        Assert.Null(_submitted);
        Assert.Contains("5 left", form.Find("[data-testid=screening-problems]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_urgent_advice_says_to_get_help_today_and_names_the_yes()
    {
        var advice = Render<SeekCareAdvice>(p => p.Add(a => a.Result, ScreeningResult.Urgent).Add(a => a.YesTo, [RedFlag.BladderOrBowel]));

        Assert.Equal("urgent", advice.Find("[data-testid=seek-care]").GetAttribute("data-urgency"));
        Assert.Contains("today", advice.Find("[data-testid=seek-care]").TextContent, StringComparison.Ordinal);
        Assert.Contains(RedFlags.Of(RedFlag.BladderOrBowel).Question, advice.Find("[data-testid=seek-care-reasons]").TextContent, StringComparison.Ordinal);
        Assert.Contains("chiropractor", advice.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_answers_give_no_advice()
    {
        var advice = Render<SeekCareAdvice>(p => p.Add(a => a.Result, ScreeningResult.Clear));

        Assert.Empty(advice.FindAll("[data-testid=seek-care]"));
    }
}
