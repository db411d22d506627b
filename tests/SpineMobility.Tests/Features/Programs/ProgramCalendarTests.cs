using Ical.Net;
using Ical.Net.DataTypes;
using SpineMobility.Web.Features.Programs;
using SpineMobility.Web.Features.Reminders;
using SpineMobility.Web.Features.Settings;

namespace SpineMobility.Tests.Features.Programs;

public sealed class ProgramCalendarTests
{
    // A Thursday: 11:00 in Berlin.
    private static readonly DateTimeOffset ThursdayMorning = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private static readonly UserSettings Settings = new() { UserId = "user-1", CalendarToken = "token", ReminderTime = new TimeOnly(7, 30), ReminderMinutes = 15 };

    private static ProgramFollow Program(FollowStatus status = FollowStatus.Active, ProgramSchedule? schedule = null) => new()
    {
        Id = Guid.Parse("0195a1b2-0000-7000-8000-000000000001"),
        UserId = "user-1",
        SenderUserId = "coach",
        SenderName = "Sam",
        Name = "Lower-back program",
        Status = status,
        Schedule = schedule ?? new ProgramSchedule(new DateOnly(2026, 11, 23), 4, 0, [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday]),
    };

    private static Calendar Feed(params ProgramFollow[] programs) =>
        Calendar.Load(CalendarFeed.Build(Settings, "Europe/Berlin", ThursdayMorning, programs)) ?? throw new InvalidOperationException("The feed did not parse.");

    [Fact]
    public void A_programs_weekdays_are_in_the_feed_from_today_to_its_last_day_at_the_reminder_time()
    {
        var session = Assert.Single(Feed(Program()).Events);
        Assert.Equal("Lower-back program: today's session", session.Summary);
        Assert.Equal(ProgramCalendar.EventUid(Program().Id), session.Uid);
        Assert.Equal(new DateOnly(2026, 11, 27), session.DtStart!.Date); // Friday: the first session day from today.
        Assert.Equal(new TimeOnly(7, 30), session.DtStart.Time);
        Assert.Equal("Europe/Berlin", session.DtStart.TzId);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], session.RecurrenceRule!.ByDay.Select(d => d.DayOfWeek).Order());
        Assert.Equal(new DateOnly(2026, 12, 20), session.RecurrenceRule.Until!.Date);
        Assert.Contains("Stop if you feel sharp pain", session.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Paused_stopped_ended_and_any_day_programs_put_no_days_in_the_feed()
    {
        Assert.Empty(Feed(Program(FollowStatus.Paused)).Events);
        Assert.Empty(Feed(Program(FollowStatus.Stopped)).Events);
        Assert.Empty(Feed(Program(schedule: new ProgramSchedule(new DateOnly(2026, 10, 1), 2, 0, [DayOfWeek.Monday]))).Events);
        Assert.Empty(Feed(Program(schedule: new ProgramSchedule(new DateOnly(2026, 11, 23), 4, 3, []))).Events);
    }
}
