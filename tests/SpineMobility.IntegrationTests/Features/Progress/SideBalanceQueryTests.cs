using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Hosting;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Features.Progress;

/// <summary>The side answers as the progress page reads them from the database: one visitor's, counted in the database.</summary>
[Collection(AppCollection.Name)]
public sealed class SideBalanceQueryTests
{
    private readonly Visitor _me = new(Guid.NewGuid().ToString("N"));
    private readonly Visitor _someone = new(Guid.NewGuid().ToString("N"));
    private readonly SpineMobilityApp _app;

    public SideBalanceQueryTests(AppFixture fixture)
    {
        _app = fixture.App;
        fixture.Clock.Reset(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    }

    private async Task AnswerAsync(Visitor visitor, DateOnly date, params (string Slug, TighterSide Tighter)[] answers)
    {
        var run = await _app.RecordSessionAsync(null, "Stretch", new DateTimeOffset(date, new TimeOnly(8, 0), TimeSpan.Zero), "UTC", visitor.BrowserKey);
        await using var db = _app.CreateDbContext();
        db.SideReports.AddRange(answers.Select((a, i) => new SideReport { RunId = run, BlockIndex = i, ExerciseSlug = a.Slug, Tighter = a.Tighter, LocalDate = date }));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Totals_cover_every_answer_and_the_chart_the_last_six_months_of_this_visitors_only()
    {
        await AnswerAsync(_me, new(2025, 2, 3), ("pigeon-pose", TighterSide.Left));
        await AnswerAsync(_me, new(2026, 10, 30), ("pigeon-pose", TighterSide.Left), ("knee-to-chest", TighterSide.Right));
        await AnswerAsync(_me, new(2026, 11, 20), ("pigeon-pose", TighterSide.Same));
        await AnswerAsync(_someone, new(2026, 11, 21), ("pigeon-pose", TighterSide.Right), ("pigeon-pose", TighterSide.Right));

        var balance = await _app.Services.GetRequiredService<ProgressData>().SidesAsync(_me, "UTC");

        Assert.Equal(new SideTally(2, 0, 1), balance.Exercises.Single(e => e.Slug == "pigeon-pose").Tally);
        Assert.Equal(new SideTally(0, 1, 0), balance.Exercises.Single(e => e.Slug == "knee-to-chest").Tally);
        Assert.Equal("Pigeon pose", balance.Exercises[0].Name);
        Assert.Equal(new SideTally(2, 0, 1), balance.Regions.Single(r => r.Region == Region.Hip).Tally);
        var months = balance.ByMonth(slug: "pigeon-pose");
        Assert.Equal(new SideTally(1, 0, 0), months.Single(m => m.Month == new DateOnly(2026, 10, 1)).Tally);
        Assert.Equal(new SideTally(0, 0, 1), months[^1].Tally);
    }
}
