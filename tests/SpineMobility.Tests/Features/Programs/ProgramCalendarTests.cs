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
    public void Paused_stopped_and_ended_programs_put_no_days_in_the_feed()
    {
        Assert.Empty(Feed(Program(FollowStatus.Paused)).Events);
        Assert.Empty(Feed(Program(FollowStatus.Stopped)).Events);
        Assert.Empty(Feed(Program(schedule: new ProgramSchedule(new DateOnly(2026, 10, 1), 2, 0, [DayOfWeek.Monday]))).Events);
        Assert.Empty(Feed(Program(schedule: new ProgramSchedule(new DateOnly(2026, 10, 1), 2, 3, []))).Events);
        Assert.Empty(Feed(Program(FollowStatus.Paused, new ProgramSchedule(new DateOnly(2026, 11, 23), 4, 3, []))).Events);
    }

    [Fact]
    public void An_any_days_program_is_a_weekly_all_day_note_of_its_sessions_from_this_program_week_to_its_last()
    {
        // Started on a Tuesday, so its weeks run Tuesday to Monday; today (Thursday the 26th) is in week 2.
        var note = Assert.Single(Feed(Program(schedule: new ProgramSchedule(new DateOnly(2026, 11, 17), 4, 3, []))).Events);
        Assert.Equal("Lower-back program: 3 sessions this week", note.Summary);
        Assert.Contains("on the days you choose (it has no fixed days)", note.Description, StringComparison.Ordinal);
        Assert.Contains("Stop if you feel sharp pain", note.Description, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 11, 24), note.DtStart!.Date);
        Assert.False(note.DtStart.HasTime, "a note of the week, not a reminder at a time nobody chose");
        Assert.Equal(FrequencyType.Weekly, note.RecurrenceRule!.Frequency);
        Assert.Empty(note.RecurrenceRule.ByDay);
        Assert.Equal(new DateOnly(2026, 12, 8), note.RecurrenceRule.Until!.Date); // the start of week 4, the last
        Assert.Equal(3, note.GetOccurrences(new CalDateTime(new DateOnly(2026, 11, 1))).TakeWhile(o => o.Period.StartTime.Date <= new DateOnly(2027, 1, 1)).Count());

        // One that has not begun starts at its first week.
        var later = Assert.Single(Feed(Program(schedule: new ProgramSchedule(new DateOnly(2026, 12, 7), 2, 1, []))).Events);
        Assert.Equal("Lower-back program: 1 session this week", later.Summary);
        Assert.Equal(new DateOnly(2026, 12, 7), later.DtStart!.Date);
    }
}
