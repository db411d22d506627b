namespace SpineMobility.Web.Features.Programs;

/// <summary>
/// Adherence arithmetic over a schedule, pure: the days sessions were done (in the person's time zone, as
/// stored with each session), the pauses, and today. A planned rest day is never a miss; a paused day is
/// neither planned nor missed.
/// </summary>
public static class ProgramProgress
{
    public static ProgramDayStatus StatusOf(ProgramSchedule schedule, DateOnly day, DateOnly today, IReadOnlySet<DateOnly> doneDays, IReadOnlyList<ProgramPause> pauses)
    {
        if (schedule.WeekOf(day) is null)
        {
            return ProgramDayStatus.Outside;
        }

        if (doneDays.Contains(day))
        {
            return ProgramDayStatus.Done;
        }

        if (pauses.Any(p => p.Covers(day)))
        {
            return ProgramDayStatus.Paused;
        }

        if (!schedule.IsPlannedWeekday(day))
        {
            return ProgramDayStatus.Rest;
        }

        return day >= today ? ProgramDayStatus.Planned : ProgramDayStatus.Missed;
    }

    /// <summary>One week of the program, day by day, with its done and planned counts.</summary>
    public static ProgramWeek Week(ProgramSchedule schedule, int week, DateOnly today, IReadOnlySet<DateOnly> doneDays, IReadOnlyList<ProgramPause> pauses)
    {
        var start = schedule.WeekStart(week);
        var days = Enumerable.Range(0, 7).Select(i => start.AddDays(i)).ToList();
        var statuses = days.Select(d => new ProgramDay(d, StatusOf(schedule, d, today, doneDays, pauses))).ToList();
        var done = statuses.Count(d => d.Status == ProgramDayStatus.Done);
        return new ProgramWeek(week, start, done, PlannedIn(schedule, days, pauses), statuses);
    }

    /// <summary>Every week of the program up to the one today is in (all of them once it has ended).</summary>
    public static IReadOnlyList<ProgramWeek> WeeksSoFar(ProgramSchedule schedule, DateOnly today, IReadOnlySet<DateOnly> doneDays, IReadOnlyList<ProgramPause> pauses)
    {
        var last = today < schedule.StartDate ? 0 : schedule.WeekOf(today) ?? schedule.Weeks;
        return [.. Enumerable.Range(1, last).Select(w => Week(schedule, w, today, doneDays, pauses))];
    }

    /// <summary>
    /// Sessions planned on these days. With chosen weekdays, those of them not paused. With "any days", the
    /// weekly number in proportion to the days of the week not paused (rounded up, so a part week still asks
    /// for one).
    /// </summary>
    public static int PlannedIn(ProgramSchedule schedule, IReadOnlyList<DateOnly> days, IReadOnlyList<ProgramPause> pauses)
    {
        var open = days.Where(d => schedule.WeekOf(d) is not null && !pauses.Any(p => p.Covers(d))).ToList();
        if (schedule.HasWeekdays)
        {
            return open.Count(d => schedule.Weekdays.Contains(d.DayOfWeek));
        }

        // Whole program weeks inside the span count in full; the rest in proportion.
        return open.GroupBy(d => schedule.WeekOf(d)!.Value)
            .Sum(week => (int)Math.Ceiling(schedule.DaysPerWeek * week.Count() / 7.0));
    }

    /// <summary>
    /// Of the sessions planned in the last <paramref name="days"/> days up to today, the share done (0 to 1), or
    /// null when none was planned (before the start, or all paused). Today counts only once done: a session
    /// still to come today is not yet a miss.
    /// </summary>
    public static Adherence Over(int days, ProgramSchedule schedule, DateOnly today, IReadOnlySet<DateOnly> doneDays, IReadOnlyList<ProgramPause> pauses)
    {
        var window = Enumerable.Range(0, days).Select(i => today.AddDays(-i)).Where(d => schedule.WeekOf(d) is not null).ToList();
        var done = window.Count(doneDays.Contains);
        var past = window.Where(d => d < today).ToList();
        var todayCounts = doneDays.Contains(today) && schedule.WeekOf(today) is not null && (!schedule.HasWeekdays || schedule.IsPlannedWeekday(today));
        var planned = PlannedIn(schedule, past, pauses) + (todayCounts ? 1 : 0);
        return new Adherence(Math.Min(done, planned), planned);
    }
}

/// <summary>Sessions done of those planned over a span; done never exceeds planned (an extra day does not make up a miss).</summary>
public sealed record Adherence(int Done, int Planned)
{
    public double? Share => Planned == 0 ? null : (double)Done / Planned;

    public string Text => Planned == 0 ? "nothing planned" : $"{Done} of {Planned} ({Math.Round(100.0 * Done / Planned)} %)";
}
