using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using SpineMobility.Web.Features.Reminders;
using SpineMobility.Web.Features.Settings;

namespace SpineMobility.Tests.Features.Reminders;

public sealed class CalendarFeedTests
{
    // A Thursday: 10:00 in UTC, 11:00 in Berlin.
    private static readonly DateTimeOffset ThursdayMorning = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private static UserSettings Settings(params DayOfWeek[] days) => new()
    {
        UserId = "user-1",
        CalendarToken = "not-in-the-feed-token-0123456789",
        ReminderDays = [.. days],
        ReminderTime = new TimeOnly(18, 15),
        ReminderMinutes = 20,
    };

    private static Calendar Parse(string ics) => Calendar.Load(ics) ?? throw new InvalidOperationException("The feed did not parse.");

    [Fact]
    public void The_feed_is_one_weekly_event_on_the_chosen_days_at_the_chosen_local_time_in_the_chosen_zone()
    {
        var calendar = Parse(CalendarFeed.Build(Settings(DayOfWeek.Thursday, DayOfWeek.Monday), "Europe/Berlin", ThursdayMorning));

        var practice = Assert.Single(calendar.Events);
        Assert.Equal("Spine mobility session", practice.Summary);
        Assert.Equal("user-1-practice@spinemobility", practice.Uid);
        Assert.Equal(FrequencyType.Weekly, practice.RecurrenceRule!.Frequency);
        Assert.Equal(1, practice.RecurrenceRule.Interval);
        Assert.Null(practice.RecurrenceRule.Until);
        Assert.Null(practice.RecurrenceRule.Count);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Thursday], practice.RecurrenceRule.ByDay.Select(d => d.DayOfWeek).Order());
        Assert.Equal("Europe/Berlin", practice.DtStart!.TzId);
        Assert.Equal(new TimeOnly(18, 15), practice.DtStart.Time);
        Assert.Equal(TimeSpan.FromMinutes(20), practice.Duration!.Value.ToTimeSpanUnspecified());
        Assert.Equal("Europe/Berlin", Assert.Single(calendar.TimeZones).TzId);
        Assert.Equal("SpineMobility practice", calendar.Properties["X-WR-CALNAME"]?.Value);
    }

    [Fact]
    public void The_event_reminds_with_an_alarm_at_its_start()
    {
        var practice = Assert.Single(Parse(CalendarFeed.Build(Settings(DayOfWeek.Monday), "Europe/Berlin", ThursdayMorning)).Events);

        var alarm = Assert.Single(practice.Alarms);
        Assert.Equal(AlarmAction.Display, alarm.Action);
        Assert.False(string.IsNullOrWhiteSpace(alarm.Description));
        Assert.Equal(TimeSpan.Zero, alarm.Trigger!.Duration!.Value.ToTimeSpanUnspecified());
    }

    [Fact]
    public void The_description_is_friendly_text_without_a_link()
    {
        var practice = Assert.Single(Parse(CalendarFeed.Build(Settings(DayOfWeek.Monday), "UTC", ThursdayMorning)).Events);

        Assert.Contains("SpineMobility", practice.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("http", practice.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_first_reminder_is_today_when_today_is_a_chosen_day()
    {
        var practice = Assert.Single(Parse(CalendarFeed.Build(Settings(DayOfWeek.Thursday), "Europe/Berlin", ThursdayMorning)).Events);

        Assert.Equal(new DateOnly(2026, 11, 26), practice.DtStart!.Date);
    }

    [Fact]
    public void The_first_reminder_is_the_next_chosen_day_in_the_users_zone_not_in_UTC()
    {
        // 23:30 UTC on Thursday is already Friday 08:30 in Tokyo: Thursday's reminder there is next week's.
        var lateThursdayUtc = new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.Zero);

        var inTokyo = Assert.Single(Parse(CalendarFeed.Build(Settings(DayOfWeek.Thursday), "Asia/Tokyo", lateThursdayUtc)).Events);
        var inUtc = Assert.Single(Parse(CalendarFeed.Build(Settings(DayOfWeek.Thursday), "UTC", lateThursdayUtc)).Events);

        Assert.Equal(new DateOnly(2026, 12, 3), inTokyo.DtStart!.Date);
        Assert.Equal(new DateOnly(2026, 11, 26), inUtc.DtStart!.Date);
    }

    [Fact]
    public void Reminders_keep_their_local_time_across_a_daylight_saving_change()
    {
        var settings = Settings(DayOfWeek.Sunday);
        settings.ReminderTime = new TimeOnly(7, 30);
        var calendar = Parse(CalendarFeed.Build(settings, "Europe/Berlin", new DateTimeOffset(2027, 3, 20, 12, 0, 0, TimeSpan.Zero)));

        var starts = calendar.GetOccurrences(new CalDateTime(new DateTime(2027, 3, 20, 0, 0, 0, DateTimeKind.Utc), CalDateTime.UtcTzId))
            .Take(2)
            .Select(o => o.Period.StartTime.AsUtc)
            .ToList();

        // Berlin moves to summer time on 28 March 2027: 07:30 is 06:30 UTC before it and 05:30 UTC after.
        Assert.Equal([new DateTime(2027, 3, 21, 6, 30, 0), new DateTime(2027, 3, 28, 5, 30, 0)], starts);
    }

    [Fact]
    public void A_zone_the_server_does_not_know_falls_back_to_UTC()
    {
        var practice = Assert.Single(Parse(CalendarFeed.Build(Settings(DayOfWeek.Monday), "Mars/Olympus_Mons", ThursdayMorning)).Events);

        Assert.True(practice.DtStart!.IsUtc);
        Assert.Equal(new TimeOnly(18, 15), practice.DtStart.Time);
    }

    [Fact]
    public void Without_reminder_days_the_feed_is_a_valid_calendar_with_no_events()
    {
        var ics = CalendarFeed.Build(Settings(), "Europe/Berlin", ThursdayMorning);

        var calendar = Parse(ics);
        Assert.Empty(calendar.Events);
        Assert.Equal("SpineMobility practice", calendar.Properties["X-WR-CALNAME"]?.Value);
        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void The_calendar_token_never_appears_in_the_feed()
    {
        var ics = CalendarFeed.Build(Settings(DayOfWeek.Monday), "Europe/Berlin", ThursdayMorning);

        Assert.DoesNotContain("not-in-the-feed-token", ics, StringComparison.Ordinal);
    }
}
