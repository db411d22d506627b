namespace SpineMobility.Web.Features.Streaks;

/// <summary>The user's streaks and each day's status, from the first day with activity to today.</summary>
public sealed class StreakReport
{
    public required DateOnly Today { get; init; }

    /// <summary>The first day with any activity; today when there is none.</summary>
    public required DateOnly FirstDay { get; init; }

    /// <summary>Counted days in the run that ends today or yesterday, possibly bridged by rest or paused days.</summary>
    public required int CurrentStreak { get; init; }

    public required int LongestStreak { get; init; }

    /// <summary>Days with any session at all, even one shorter than the minimum.</summary>
    public required int ActiveDays { get; init; }

    /// <summary>All active seconds, in whole minutes rounded down.</summary>
    public required int TotalMinutes { get; init; }

    public required bool TodayCounted { get; init; }

    /// <summary>One entry per day from <see cref="FirstDay"/> to <see cref="Today"/> inclusive.</summary>
    public required IReadOnlyList<DayStatus> Days { get; init; }

    /// <summary>The day's status; <see cref="DayStatus.None"/> outside <see cref="FirstDay"/>..<see cref="Today"/>.</summary>
    public DayStatus StatusOf(DateOnly date)
    {
        if (date < FirstDay || date > Today)
        {
            return DayStatus.None;
        }

        var index = date.DayNumber - FirstDay.DayNumber;
        return index < Days.Count ? Days[index] : DayStatus.None;
    }

    public static StreakReport Empty(DateOnly today) => new()
    {
        Today = today,
        FirstDay = today,
        CurrentStreak = 0,
        LongestStreak = 0,
        ActiveDays = 0,
        TotalMinutes = 0,
        TodayCounted = false,
        Days = [DayStatus.Pending],
    };
}
