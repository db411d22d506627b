using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace SpineMobility.Web.Features.Programs;

/// <summary>
/// A followed program in the practice-reminder feed: one weekly event on its weekdays, for its weeks; or, for a program
/// of "any days", one all-day note at the start of each program week saying how many sessions the week plans, since it
/// has no particular days to put in a calendar.
/// </summary>
public static class ProgramCalendar
{
    public static string EventUid(Guid followId) => $"{followId}-program@spinemobility";

    /// <summary>
    /// Adds the active programs with chosen weekdays, at the reminder time, from today (or their start) to their last day.
    /// A paused or stopped program has no days ahead; one with "any days" gets its weekly note (<see cref="AddAnyDays"/>).
    /// </summary>
    public static void Add(Calendar calendar, IEnumerable<ProgramFollow> programs, DateOnly today, TimeOnly time, int minutes, string zone, DateTimeOffset now)
    {
        foreach (var program in programs.Where(p => p.Status == FollowStatus.Active && !p.Schedule.HasWeekdays))
        {
            AddAnyDays(calendar, program, today, now);
        }

        foreach (var program in programs.Where(p => p.Status == FollowStatus.Active && p.Schedule.HasWeekdays))
        {
            var schedule = program.Schedule;
            var first = today > schedule.StartDate ? today : schedule.StartDate;
            while (first <= schedule.EndDate && !schedule.Weekdays.Contains(first.DayOfWeek))
            {
                first = first.AddDays(1);
            }

            if (first > schedule.EndDate)
            {
                continue;
            }

            // RFC 5545 wants UNTIL in UTC when the start has a zone: the end of the last day there.
            var lastMoment = TimeZoneInfo.ConvertTimeToUtc(
                schedule.EndDate.ToDateTime(new TimeOnly(23, 59, 59)), TimeZoneInfo.FindSystemTimeZoneById(Shared.TimeZones.KnownOrUtc(zone)));
            calendar.Events.Add(new CalendarEvent
            {
                Uid = EventUid(program.Id),
                Summary = $"{program.Name}: today's session",
                Description = "A session of your program. Open SpineMobility, then My programs, and press Start. Stop if you feel sharp pain.",
                DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
                DtStart = new CalDateTime(first, time, zone),
                Duration = Duration.FromMinutes(minutes),
                RecurrenceRule = new RecurrenceRule(FrequencyType.Weekly)
                {
                    ByDay = [.. schedule.Weekdays.Select(d => new WeekDay(d))],
                    Until = new CalDateTime(lastMoment, CalDateTime.UtcTzId),
                },
            });
        }
    }

    /// <summary>
    /// "Any days" plans sessions a week, not days: an all-day note on the first day of each program week, from the
    /// current week (or the first) to the last, with no time, so a calendar does not ring for a day nobody chose.
    /// </summary>
    private static void AddAnyDays(Calendar calendar, ProgramFollow program, DateOnly today, DateTimeOffset now)
    {
        var schedule = program.Schedule;
        if (today > schedule.EndDate)
        {
            return;
        }

        var first = schedule.WeekOf(today) is { } week ? schedule.WeekStart(week) : schedule.StartDate;
        var sessions = schedule.DaysPerWeek == 1 ? "1 session" : $"{schedule.DaysPerWeek} sessions";
        calendar.Events.Add(new CalendarEvent
        {
            Uid = EventUid(program.Id),
            Summary = $"{program.Name}: {sessions} this week",
            Description = $"Your program plans {sessions} this week, on the days you choose (it has no fixed days). Open SpineMobility, then My programs, and press Start. Stop if you feel sharp pain.",
            DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
            DtStart = new CalDateTime(first),
            Transparency = "TRANSPARENT",
            RecurrenceRule = new RecurrenceRule(FrequencyType.Weekly) { Until = new CalDateTime(schedule.WeekStart(schedule.Weeks)) },
        });
    }
}
