using Bunit;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Sessions;

namespace SpineMobility.Tests.Features.Progress;

public sealed class SideBalanceCardTests : ComponentTest
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static readonly Dictionary<string, (string Name, IReadOnlyList<Region> Regions)> Exercises = new()
    {
        ["pigeon-pose"] = ("Pigeon pose", [Region.Hip]),
    };

    [Fact]
    public void Without_answers_the_card_explains_where_they_come_from()
    {
        var card = Render<SideBalanceCard>(p => p.Add(c => c.Balance, SideBalance.From([], [], Exercises, Today)));

        Assert.Contains("which side felt tighter", card.Markup, StringComparison.Ordinal);
        Assert.Empty(card.FindAll("[data-testid=side-row]"));
    }

    [Fact]
    public void Each_exercise_shows_its_counts_and_what_stands_out()
    {
        var balance = SideBalance.From(
            [new SideTotal("pigeon-pose", TighterSide.Left, 4), new SideTotal("pigeon-pose", TighterSide.Right, 1)],
            [new SideCount("pigeon-pose", 2026, 11, TighterSide.Left, 2)],
            Exercises,
            Today);

        var card = Render<SideBalanceCard>(p => p.Add(c => c.Balance, balance));

        var row = card.Find("[data-testid=side-row]");
        Assert.Contains("Pigeon pose", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Left usually tighter", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(["4", "1", "0"], row.QuerySelectorAll("td.num").Select(td => td.TextContent.Trim()));
    }
}
