using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Streaks;
using SpineMobility.Web.Shared;

namespace SpineMobility.Tests.Features.Streaks;

/// <summary>
/// Sessions built from real instants and IANA zones, dated the way the app records them, then counted. The zones
/// are chosen so that dating by UTC instead of the user's day would land on the wrong date.
/// </summary>
public sealed class StreakTimeZoneTests
{
    private const string NewYork = "America/New_York";
    private const string Berlin = "Europe/Berlin";

    private static readonly StreakRule NoRest = new(DateOnly.MinValue, 5, 0, DayOfWeek.Monday);

    /// <summary>A wall-clock time with the offset the zone had then; the offset is checked, as the test depends on it.</summary>
    private static DateTimeOffset Local(string zone, DateOnly date, int hour, int minute, double offsetHours)
    {
        var instant = new DateTimeOffset(date, new TimeOnly(hour, minute), TimeSpan.FromHours(offsetHours));
        Assert.Equal(instant.Offset, TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(instant));
        return instant;
    }

    private static (DateOnly LocalDate, int ActiveSeconds) Session(DateTimeOffset finishedAt, string zone, int minutes = 10) =>
        (TimeZones.LocalDate(finishedAt.ToUniversalTime(), zone), minutes * 60);

    // One entry per session: the calculator adds up entries of one date as the database's grouping would.
    private static StreakReport Calculate(IEnumerable<(DateOnly LocalDate, int ActiveSeconds)> sessions, DateOnly today) =>
        StreakCalculator.Calculate([.. sessions.Select(s => new DayActivity(s.LocalDate, s.ActiveSeconds, s.ActiveSeconds))], [NoRest], [], today);

    [Fact]
    public void A_session_finished_at_23_55_local_counts_for_that_day()
    {
        // 04:55 UTC the next day.
        var session = Session(Local(NewYork, new DateOnly(2026, 11, 25), 23, 55, -5), NewYork);

        var report = Calculate([session], new DateOnly(2026, 11, 25));

        Assert.Equal(new DateOnly(2026, 11, 25), session.LocalDate);
        Assert.True(report.TodayCounted);
        Assert.Equal(1, report.CurrentStreak);
    }

    [Fact]
    public void A_session_finished_at_00_10_local_counts_for_the_new_day()
    {
        var lateEvening = Session(Local(Berlin, new DateOnly(2026, 11, 25), 23, 55, 1), Berlin);
        // 23:10 UTC the day before.
        var afterMidnight = Session(Local(Berlin, new DateOnly(2026, 11, 26), 0, 10, 1), Berlin);

        var report = Calculate([lateEvening, afterMidnight], new DateOnly(2026, 11, 26));

        Assert.Equal(new DateOnly(2026, 11, 26), afterMidnight.LocalDate);
        Assert.True(report.TodayCounted);
        Assert.Equal(2, report.CurrentStreak);
        Assert.Equal(2, report.ActiveDays);
    }

    [Theory]
    [InlineData(NewYork, 2026, 3, 8, -5, -4)]
    [InlineData(Berlin, 2026, 3, 29, 1, 2)]
    public void Sessions_either_side_of_the_spring_forward_gap_are_on_the_same_day_and_the_streak_runs_through_it(
        string zone, int year, int month, int day, double winterOffset, double summerOffset)
    {
        var date = new DateOnly(year, month, day);
        var beforeGap = Local(zone, date, 1, 30, winterOffset);
        var afterGap = Local(zone, date, 3, 30, summerOffset);
        var sessions = new[]
        {
            Session(Local(zone, date.AddDays(-1), 12, 0, winterOffset), zone),
            Session(beforeGap, zone),
            Session(afterGap, zone),
            Session(Local(zone, date.AddDays(1), 12, 0, summerOffset), zone),
        };

        var report = Calculate(sessions, date.AddDays(1));

        Assert.Equal(TimeSpan.FromHours(1), afterGap - beforeGap);
        Assert.Equal([date.AddDays(-1), date, date, date.AddDays(1)], sessions.Select(s => s.LocalDate));
        Assert.Equal([DayStatus.Counted, DayStatus.Counted, DayStatus.Counted], report.Days);
        Assert.Equal(3, report.CurrentStreak);
        Assert.Equal(3, report.ActiveDays);
    }

    [Theory]
    [InlineData(NewYork, 2026, 11, 1, 1, -4, -5)]
    [InlineData(Berlin, 2026, 10, 25, 2, 2, 1)]
    public void Short_sessions_in_both_runs_of_the_repeated_hour_are_one_active_day_not_two(
        string zone, int year, int month, int day, int repeatedHour, double summerOffset, double winterOffset)
    {
        var date = new DateOnly(year, month, day);
        var first = Local(zone, date, repeatedHour, 30, summerOffset);
        var second = Local(zone, date, repeatedHour, 30, winterOffset);
        var sessions = new[]
        {
            Session(Local(zone, date.AddDays(-1), 12, 0, summerOffset), zone),
            Session(first, zone, minutes: 4),
            Session(second, zone, minutes: 4),
            Session(Local(zone, date.AddDays(1), 12, 0, winterOffset), zone),
        };

        var report = Calculate(sessions, date.AddDays(1));

        Assert.Equal(TimeSpan.FromHours(1), second - first);
        Assert.Equal([date.AddDays(-1), date, date, date.AddDays(1)], sessions.Select(s => s.LocalDate));
        Assert.Equal(3, report.ActiveDays);
        Assert.Equal(10 + 8 + 10, report.TotalMinutes);
        // Two 4-minute sessions are one day of 8 minutes, still not one session of 5: the streak is broken there.
        Assert.Equal([DayStatus.Counted, DayStatus.Missed, DayStatus.Counted], report.Days);
    }

    [Theory]
    [InlineData(NewYork, 2026, 11, 1, 1, -4, -5)]
    [InlineData(Berlin, 2026, 10, 25, 2, 2, 1)]
    public void Sessions_in_both_runs_of_the_repeated_hour_count_the_fall_back_day_once(
        string zone, int year, int month, int day, int repeatedHour, double summerOffset, double winterOffset)
    {
        var date = new DateOnly(year, month, day);
        var sessions = new[]
        {
            Session(Local(zone, date.AddDays(-1), 12, 0, summerOffset), zone),
            Session(Local(zone, date, repeatedHour, 30, summerOffset), zone),
            Session(Local(zone, date, repeatedHour, 30, winterOffset), zone),
            Session(Local(zone, date.AddDays(1), 12, 0, winterOffset), zone),
        };

        var report = Calculate(sessions, date.AddDays(1));

        Assert.Equal([DayStatus.Counted, DayStatus.Counted, DayStatus.Counted], report.Days);
        Assert.Equal(3, report.CurrentStreak);
        Assert.Equal(3, report.LongestStreak);
        Assert.Equal(3, report.ActiveDays);
    }

    [Fact]
    public void A_flight_from_Tokyo_to_Los_Angeles_neither_breaks_the_streak_nor_counts_a_day_twice()
    {
        const string tokyo = "Asia/Tokyo";
        const string losAngeles = "America/Los_Angeles";
        var sessions = new[]
        {
            // Evening in Tokyo, then a flight that lands on the morning of the same calendar date in Los Angeles.
            Session(Local(tokyo, new DateOnly(2026, 11, 20), 20, 0, 9), tokyo),
            Session(Local(losAngeles, new DateOnly(2026, 11, 20), 15, 0, -8), losAngeles),
            Session(Local(losAngeles, new DateOnly(2026, 11, 21), 9, 0, -8), losAngeles),
        };

        var report = Calculate(sessions, new DateOnly(2026, 11, 21));

        Assert.Equal([new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21)], sessions.Select(s => s.LocalDate));
        Assert.Equal(2, report.CurrentStreak);
        Assert.Equal(2, report.ActiveDays);
        Assert.Equal(30, report.TotalMinutes);
        Assert.Equal([DayStatus.Counted, DayStatus.Counted], report.Days);
    }
}
