using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Hosting;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Features.Progress;

/// <summary>The side answers as the progress page reads them from SQLite: one visitor's, counted in the database.</summary>
public sealed class SideBalanceQueryTests : IAsyncLifetime
{
    private static readonly Visitor Me = new("1111111111111111111111111111111a");
    private static readonly Visitor Someone = new("2222222222222222222222222222222b");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private SpineMobilityApp _app = default!;

    public Task InitializeAsync()
    {
        _app = new SpineMobilityApp(services: s => s.AddSingleton<TimeProvider>(_time));
        return Task.CompletedTask;
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
        await AnswerAsync(Me, new(2025, 2, 3), ("pigeon-pose", TighterSide.Left));
        await AnswerAsync(Me, new(2026, 10, 30), ("pigeon-pose", TighterSide.Left), ("knee-to-chest", TighterSide.Right));
        await AnswerAsync(Me, new(2026, 11, 20), ("pigeon-pose", TighterSide.Same));
        await AnswerAsync(Someone, new(2026, 11, 21), ("pigeon-pose", TighterSide.Right), ("pigeon-pose", TighterSide.Right));

        var balance = await _app.Services.GetRequiredService<ProgressData>().SidesAsync(Me, "UTC");

        Assert.Equal(new SideTally(2, 0, 1), balance.Exercises.Single(e => e.Slug == "pigeon-pose").Tally);
        Assert.Equal(new SideTally(0, 1, 0), balance.Exercises.Single(e => e.Slug == "knee-to-chest").Tally);
        Assert.Equal("Pigeon pose", balance.Exercises[0].Name);
        Assert.Equal(new SideTally(2, 0, 1), balance.Regions.Single(r => r.Region == Region.Hip).Tally);
        var months = balance.ByMonth(slug: "pigeon-pose");
        Assert.Equal(new SideTally(1, 0, 0), months.Single(m => m.Month == new DateOnly(2026, 10, 1)).Tally);
        Assert.Equal(new SideTally(0, 0, 1), months[^1].Tally);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.DeleteDatabase();
    }
}
