using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Programs;

/// <summary>One session done in a program: what may be shared of it, and nothing else.</summary>
public sealed record ProgramSession(Guid RunId, DateOnly Date, int ActiveSeconds, int PlannedSeconds, bool Finished, CheckIn? Before, CheckIn? After);

/// <summary>A "This hurts" report in a program session: how much, where, what they did. A safety stop says only that it happened.</summary>
public sealed record ProgramPain(DateTimeOffset At, DateOnly Date, string ExerciseName, int Pain, BodyArea Area, PainChoice Choice, string? EasierName)
{
    public bool IsAlarming => Pain >= ScreeningRules.HighPain || Choice == PainChoice.StoppedForSafety;

    /// <summary>"pain 5/10, lower back, switched to Child's pose"; a safety stop says only that it happened.</summary>
    public string Text => Choice == PainChoice.StoppedForSafety
        ? "the session was stopped for safety"
        : $"pain {Pain}/10, {BodyAreas.Label(Area).ToLowerInvariant()}, " + Choice switch
        {
            PainChoice.EasierExercise => $"switched to {EasierName}",
            PainChoice.SkipExercise => "skipped the exercise",
            PainChoice.EndSession => "ended the session",
            PainChoice.KeepGoing => "carried on",
            _ => "no choice recorded",
        };
}

public sealed record ProgramSide(DateOnly Date, string ExerciseName, TighterSide Tighter);

/// <summary>How a program goes: its weeks, adherence, sessions and reports, as the follower (and, with consent, the sender) sees it.</summary>
public sealed class ProgramReport(
    ProgramFollow follow,
    DateOnly today,
    string timeZone,
    IReadOnlyList<ProgramSession> sessions,
    IReadOnlyList<ProgramPain> pain,
    IReadOnlyList<ProgramSide> sides)
{
    private readonly HashSet<DateOnly> _doneDays = [.. sessions.Select(s => s.Date)];

    public ProgramFollow Follow { get; } = follow;

    public DateOnly Today { get; } = today;

    public string TimeZone { get; } = timeZone;

    public IReadOnlyList<ProgramSession> Sessions { get; } = sessions;

    public IReadOnlyList<ProgramPain> Pain { get; } = pain;

    public IReadOnlyList<ProgramSide> Sides { get; } = sides;

    public ProgramSchedule Schedule => Follow.Schedule;

    /// <summary>Paused days, the open pause running to today.</summary>
    public IReadOnlyList<ProgramPause> Pauses => Follow.Pauses;

    public int? CurrentWeek => Schedule.WeekOf(Today);

    public bool HasEnded => Today > Schedule.EndDate;

    public bool HasStarted => Today >= Schedule.StartDate;

    public ProgramWeek? ThisWeek => CurrentWeek is { } week ? ProgramProgress.Week(Schedule, week, Today, _doneDays, Pauses) : null;

    public IReadOnlyList<ProgramWeek> Weeks => ProgramProgress.WeeksSoFar(Schedule, Today, _doneDays, Pauses);

    public Adherence Last7 => ProgramProgress.Over(7, Schedule, Today, _doneDays, Pauses);

    public Adherence Last28 => ProgramProgress.Over(28, Schedule, Today, _doneDays, Pauses);

    public ProgramSession? LastSession => Sessions.MaxBy(s => s.Date);

    public bool DoneToday => _doneDays.Contains(Today);

    /// <summary>Whether today is a day for a session: a planned weekday, or with "any days" one while the week's number is not reached.</summary>
    public bool IsSessionDay => Follow.Status == FollowStatus.Active && ThisWeek is { } week && !DoneToday
        && (Schedule.HasWeekdays ? Schedule.IsPlannedWeekday(Today) : week.Done < week.Planned);

    /// <summary>Pain of 7 or more, or a session stopped for safety: what the sender must not miss.</summary>
    public bool HasAlarm => Pain.Any(p => p.IsAlarming);

    /// <summary>"Lower-back program · week 2 of 4".</summary>
    public string Headline => CurrentWeek is { } week
        ? $"{Follow.Name} · week {week} of {Schedule.Weeks}"
        : HasEnded ? $"{Follow.Name} · finished ({Schedule.Weeks} weeks)" : $"{Follow.Name} · starts {Schedule.StartDate:ddd d MMM}";

    /// <summary>Pain after sessions, first half against second half of the sessions so far: falling, rising, steady, or unknown.</summary>
    public string PainTrend => Trend(Sessions.Select(s => s.After?.Pain ?? s.Before?.Pain));

    public string StiffnessTrend => Trend(Sessions.Select(s => s.After?.Stiffness ?? s.Before?.Stiffness));

    private static string Trend(IEnumerable<int?> values)
    {
        var known = values.OfType<int>().ToList();
        if (known.Count < 2)
        {
            return known.Count == 1 ? $"{known[0]}/10 (one rating)" : "no ratings";
        }

        var half = known.Count / 2;
        var first = known.Take(half).Average();
        var second = known.Skip(half).Average();
        var direction = Math.Abs(second - first) < 0.5 ? "steady" : second < first ? "easing" : "rising";
        return $"{direction}: {known[0]}/10 → {known[^1]}/10";
    }
}
