namespace SpineMobility.Web.Features.Programs;

/// <summary>How one day of a program stands.</summary>
public enum ProgramDayStatus
{
    /// <summary>Outside the program's weeks.</summary>
    Outside,

    /// <summary>A session of the program was done that day.</summary>
    Done,

    /// <summary>A planned weekday, today or still to come.</summary>
    Planned,

    /// <summary>A planned weekday that passed without a session.</summary>
    Missed,

    /// <summary>No session planned (or, with "any days", none done): resting is part of the plan, never a miss.</summary>
    Rest,

    /// <summary>The person paused the program.</summary>
    Paused,
}

public sealed record ProgramDay(DateOnly Date, ProgramDayStatus Status);

/// <summary>One program week: how many sessions were done and how many were planned (pauses taken out).</summary>
public sealed record ProgramWeek(int Number, DateOnly Start, int Done, int Planned, IReadOnlyList<ProgramDay> Days);

/// <summary>A span of days the person paused the program, both ends included; an open pause has no end yet.</summary>
public sealed record ProgramPause(DateOnly Start, DateOnly? End)
{
    public bool Covers(DateOnly day) => day >= Start && (End is null || day <= End);
}
