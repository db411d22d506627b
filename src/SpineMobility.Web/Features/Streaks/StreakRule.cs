namespace SpineMobility.Web.Features.Streaks;

/// <summary>
/// The streak settings in force from a day on. Changing a setting adds a rule from that day, so past days
/// keep the rules they were lived under.
/// </summary>
/// <param name="DailyMinimumMinutes">How long one session must last for the day to count.</param>
/// <param name="RestDaysPerWeek">Missed days per week that keep the streak alive, 0 to <see cref="MaxRestDaysPerWeek"/>.</param>
/// <param name="WeekStart">The first day of the week the rest allowance is counted in.</param>
public sealed record StreakRule(DateOnly EffectiveFrom, int DailyMinimumMinutes, int RestDaysPerWeek, DayOfWeek WeekStart)
{
    public const int MaxRestDaysPerWeek = 2;

    public static readonly StreakRule Default = new(DateOnly.MinValue, 5, 1, DayOfWeek.Monday);
}
