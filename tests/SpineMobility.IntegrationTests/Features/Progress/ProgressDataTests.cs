using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Streaks;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Features.Progress;

/// <summary>The progress page's numbers as the database groups them: one row per day, its total and its longest session.</summary>
[Collection(AppCollection.Name)]
public sealed class ProgressDataTests
{
    private readonly Visitor _visitor = new(Guid.NewGuid().ToString("N"), BrowserTimeZone: "UTC");
    private readonly AppFixture _fixture;

    public ProgressDataTests(AppFixture fixture)
    {
        _fixture = fixture;
        fixture.Clock.Reset(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    }

    private Task<Guid> RecordAsync(DateTimeOffset finishedAt, int seconds) =>
        _fixture.App.RecordSessionAsync(null, "Stretch", finishedAt, "UTC", _visitor.BrowserKey, activeSeconds: seconds);

    [Fact]
    public async Task Several_short_sessions_on_one_day_add_up_its_minutes_but_only_one_long_enough_counts_the_day()
    {
        await RecordAsync(new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), 600);
        foreach (var hour in new[] { 7, 12, 18 })
        {
            await RecordAsync(new(2026, 11, 25, hour, 0, 0, TimeSpan.Zero), 240);
        }

        await RecordAsync(new(2026, 11, 26, 7, 0, 0, TimeSpan.Zero), 200);
        await RecordAsync(new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero), 360);

        var progress = await _fixture.App.Services.GetRequiredService<ProgressData>().LoadAsync(_visitor);

        Assert.Equal(DayStatus.Counted, progress.Streak.StatusOf(new(2026, 11, 24)));
        Assert.NotEqual(DayStatus.Counted, progress.Streak.StatusOf(new(2026, 11, 25)));
        Assert.Equal(DayStatus.Counted, progress.Streak.StatusOf(new(2026, 11, 26)));
        Assert.Equal(3, progress.Streak.ActiveDays);
        Assert.Equal((600 + 720 + 560) / 60, progress.Streak.TotalMinutes);
        Assert.Equal(12, progress.MinutesByDay[new(2026, 11, 25)]);
        Assert.Equal(9, progress.MinutesByDay[new(2026, 11, 26)]);
    }
}
