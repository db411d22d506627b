using System.Globalization;

namespace SpineMobility.Web.Features.Streaks;

/// <summary>A flare-up or illness: the streak is frozen, not broken, from Start to End (inclusive), at most 14 days.</summary>
public sealed record StreakPause(DateOnly Start, DateOnly End)
{
    public const int MaxDays = 14;

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly date) => Start <= date && date <= End;

    /// <summary>Problems in words a user can act on; empty when the pause is valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        if (End < Start)
        {
            return ["The pause ends before it starts. Choose an end date on or after the first day of the pause."];
        }

        if (Days > MaxDays)
        {
            return [$"A pause can last at most {MaxDays} days, and this one lasts {Days}. Choose an end date no later than {LastAllowedDay()}."];
        }

        return [];
    }

    private string LastAllowedDay() => Start.AddDays(MaxDays - 1).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
