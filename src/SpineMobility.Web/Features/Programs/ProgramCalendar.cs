using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace SpineMobility.Web.Features.Programs;

/// <summary>A followed program's session days in the practice-reminder feed: one weekly event on its weekdays, for its weeks.</summary>
public static class ProgramCalendar
{
    public static string EventUid(Guid followId) => $"{followId}-program@spinemobility";

    /// <summary>
    /// Adds the active programs with chosen weekdays, at the reminder time, from today (or their start) to their last day.
    /// A paused or stopped program has no days ahead; one with "any days" has no particular day to put in a calendar.
    /// </summary>
    public static void Add(Calendar calendar, IEnumerable<ProgramFollow> programs, DateOnly today, TimeOnly time, int minutes, string zone, DateTimeOffset now)
    {
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
}
