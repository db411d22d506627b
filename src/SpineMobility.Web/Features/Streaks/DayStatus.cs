namespace SpineMobility.Web.Features.Streaks;

/// <summary>What a day did to the streak.</summary>
public enum DayStatus : byte
{
    /// <summary>Outside the report: before the first session, or after today.</summary>
    None,

    /// <summary>One session lasted the day's minimum: the streak grew by one.</summary>
    Counted,

    /// <summary>Missed, but within the week's rest allowance: the streak is kept, not grown.</summary>
    Rest,

    /// <summary>Inside a pause: the streak is frozen.</summary>
    Paused,

    /// <summary>Missed beyond the rest allowance: the streak starts again from zero.</summary>
    Missed,

    /// <summary>Today, not done yet: there is still time, so it never breaks the streak.</summary>
    Pending,
}
