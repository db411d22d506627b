using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Streaks;

namespace SpineMobility.Tests.Features.Progress;

public sealed class ProgressChartsTests
{
    private static readonly DateOnly Thursday = new(2026, 11, 26);

    private static StreakReport Report(params (DateOnly Day, int Minutes)[] days) =>
        StreakCalculator.Calculate([.. days.Select(d => new DayActivity(d.Day, d.Minutes * 60, d.Minutes * 60))], [StreakRule.Default], [], Thursday);

    [Fact]
    public void The_calendar_has_a_row_per_weekday_from_the_week_start_and_53_weeks_ending_this_week()
    {
        var report = Report((Thursday, 12));

        var map = ProgressCharts.Calendar(report, new Dictionary<DateOnly, int> { [Thursday] = 12 }, DayOfWeek.Monday);

        Assert.Equal(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], map.RowLabels);
        Assert.Equal(53, map.ColumnLabels.Length);
        Assert.Equal(12, map.Values[3][52]);
        Assert.Null(map.Values[4][52]);
        Assert.Equal(0, map.Values[2][52]);
    }

    [Fact]
    public void A_week_starting_on_sunday_moves_the_rows()
    {
        var map = ProgressCharts.Calendar(Report((Thursday, 5)), new Dictionary<DateOnly, int>(), DayOfWeek.Sunday);

        Assert.Equal("Sun", map.RowLabels[0]);
        Assert.Null(map.Values[5][52]);
        Assert.NotNull(map.Values[4][52]);
    }

    [Fact]
    public void Rest_days_are_marked_apart_from_practice()
    {
        // Monday counted, Tuesday missed (the week's rest day), Wednesday and Thursday counted.
        var report = Report((Thursday.AddDays(-3), 10), (Thursday.AddDays(-1), 10), (Thursday, 10));

        var map = ProgressCharts.Calendar(report, new Dictionary<DateOnly, int>(), DayOfWeek.Monday);

        Assert.Equal((1, 52, DayStatus.Rest), Assert.Single(map.Marks));
    }

    [Fact]
    public void Months_head_the_first_week_that_starts_in_them()
    {
        var map = ProgressCharts.Calendar(Report((Thursday, 5)), new Dictionary<DateOnly, int>(), DayOfWeek.Monday);

        // The week of Monday 2 November 2026 is the first to start in November.
        Assert.Equal("Nov", map.ColumnLabels[52 - 3]);
        Assert.Equal("", map.ColumnLabels[52]);
        Assert.Equal("", map.ColumnLabels[0]);
    }

    [Fact]
    public void This_week_shows_seven_days_with_today_marked()
    {
        var report = Report((Thursday.AddDays(-1), 10));

        var week = ProgressCharts.ThisWeek(report, new Dictionary<DateOnly, int> { [Thursday.AddDays(-1)] = 10 }, DayOfWeek.Monday);

        Assert.Equal(7, week.Count);
        Assert.Equal(new DateOnly(2026, 11, 23), week[0].Date);
        Assert.True(week[3].IsToday);
        Assert.Equal(DayStatus.Pending, week[3].Status);
        Assert.Equal(DayStatus.Counted, week[2].Status);
        Assert.Equal(10, week[2].Minutes);
    }

    [Theory]
    [InlineData(true, 3, "Today is done. See you tomorrow.")]
    [InlineData(false, 0, "Do a session today to start a streak.")]
    [InlineData(false, 1, "Do today's session to keep your 1-day streak.")]
    [InlineData(false, 12, "Do today's session to keep your 12-day streak.")]
    public void The_message_about_today_keeps_a_streak_from_being_lost_by_surprise(bool done, int streak, string expected)
    {
        var report = StreakReport.Empty(Thursday);
        report = new StreakReport
        {
            Today = report.Today, FirstDay = report.FirstDay, CurrentStreak = streak, LongestStreak = streak,
            ActiveDays = streak, TotalMinutes = 0, TodayCounted = done, Days = report.Days,
        };

        Assert.Equal(expected, ProgressCharts.TodayMessage(report));
    }
}
