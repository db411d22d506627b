using Bunit;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Tests.Features.Sessions;

public sealed class RoutinePlanTests : ComponentTest
{
    private static Routine Generate(int minutes = 20) =>
        RoutineGenerator.Generate(new RoutineRequest(minutes, [], Level.Standard, false, 3), TestCatalog.Exercises);

    private IRenderedComponent<RoutinePlan> RenderPlan(Routine routine, Action<(int, Exercise)>? swap = null, Action<int>? remove = null) =>
        Render<RoutinePlan>(p => p
            .Add(x => x.Routine, routine)
            .Add(x => x.Catalog, TestCatalog.Exercises)
            .Add(x => x.OnSwap, s => swap?.Invoke(s))
            .Add(x => x.OnRemove, i => remove?.Invoke(i)));

    [Fact]
    public void Each_exercise_shows_its_position_its_dose_and_its_time_in_words()
    {
        var routine = Generate();
        var plan = RenderPlan(routine);

        var rows = plan.FindAll(".plan-row");
        Assert.Equal(routine.Blocks.Count, rows.Count);
        var first = routine.Blocks[0];
        Assert.Contains(first.DoseText, rows[0].QuerySelector("[data-testid=dose]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Labels.Of(TestCatalog.Get(first.Slug).Position), rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("in all", rows[0].QuerySelector(".plan-time")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Swap_lists_the_alternatives_to_choose_from_and_hands_on_the_one_chosen()
    {
        (int Index, Exercise Replacement)? chosen = null;
        var routine = Generate();
        var plan = RenderPlan(routine, swap: s => chosen = s);

        plan.Find($"button[aria-label='Swap {routine.Blocks[1].Name}']").Click();

        var alternatives = RoutineEditor.Alternatives(routine, 1, TestCatalog.Exercises);
        var buttons = plan.Find("[data-testid=alternatives]").QuerySelectorAll("button");
        Assert.Equal(alternatives.Count + 1, buttons.Length);
        Assert.Contains($"Keep {routine.Blocks[1].Name}", buttons[^1].TextContent, StringComparison.Ordinal);
        buttons[0].Click();
        Assert.Equal((1, alternatives[0].Slug), (chosen!.Value.Index, chosen.Value.Replacement.Slug));
    }

    [Fact]
    public void The_last_exercise_cannot_be_removed_and_the_page_says_why()
    {
        var routine = Generate();
        var single = routine with { Blocks = [routine.Blocks[0]] };

        var plan = RenderPlan(single);

        var remove = plan.Find($"button[aria-label='Remove {single.Blocks[0].Name}']");
        Assert.True(remove.HasAttribute("disabled"));
        Assert.Equal("last-exercise-reason", remove.GetAttribute("aria-describedby"));
        Assert.Contains("cannot be removed", plan.Find("#last-exercise-reason").TextContent, StringComparison.Ordinal);
    }
}
