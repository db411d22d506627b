namespace SpineMobility.Web.Features.Streaks;

/// <summary>One calendar day of the user's activity, on the local date each session was recorded with.</summary>
/// <param name="TotalSeconds">Active seconds of all the day's sessions together.</param>
/// <param name="LongestSessionSeconds">The longest single session: only one session long enough makes a day count.</param>
public readonly record struct DayActivity(DateOnly Date, int TotalSeconds, int LongestSessionSeconds)
{
    /// <summary>Groups sessions (their recorded local date and active seconds) into days, sorted by date.</summary>
    public static IReadOnlyList<DayActivity> FromSessions(IEnumerable<(DateOnly LocalDate, int ActiveSeconds)> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);

        (DateOnly LocalDate, int ActiveSeconds)[] all = [.. sessions];
        var dayNumbers = new int[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            dayNumbers[i] = all[i].LocalDate.DayNumber;
        }

        // Sorting on primitive keys stays on the runtime's fast path, which a comparison delegate would leave.
        Array.Sort(dayNumbers, all);

        var days = new List<DayActivity>(all.Length);
        var i0 = 0;
        while (i0 < all.Length)
        {
            var date = all[i0].LocalDate;
            var total = 0;
            var longest = 0;
            var i = i0;
            for (; i < all.Length && all[i].LocalDate == date; i++)
            {
                total += all[i].ActiveSeconds;
                longest = Math.Max(longest, all[i].ActiveSeconds);
            }

            days.Add(new DayActivity(date, total, longest));
            i0 = i;
        }

        return days;
    }
}
