using SpineMobility.Web.Features.Streaks;

namespace SpineMobility.Web.Features.Settings;

/// <summary>The streak settings a user chose, in force from a day on, so a change never rewrites the days before it.</summary>
public sealed class StreakRuleChange
{
    public required string UserId { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public int DailyMinimumMinutes { get; set; }

    public int RestDaysPerWeek { get; set; }

    public DayOfWeek WeekStart { get; set; }

    public StreakRule ToRule() => new(EffectiveFrom, DailyMinimumMinutes, RestDaysPerWeek, WeekStart);
}
