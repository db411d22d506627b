using SpineMobility.Web.Components.Layout;

namespace SpineMobility.Web.Features.Settings;

/// <summary>One account's preferences. The streak rules in force on past days are kept separately, in <see cref="Progress.StreakRuleChange"/>.</summary>
public sealed class UserSettings
{
    public const int MinDailyMinimum = 1;
    public const int MaxDailyMinimum = 60;
    public const int MinReminderMinutes = 5;
    public const int MaxReminderMinutes = 90;

    /// <summary>The longest note a pause keeps.</summary>
    public const int MaxPauseNote = 200;

    public required string UserId { get; set; }

    /// <summary>The IANA zone the user's days are counted in: the browser's when the account was made, changeable.</summary>
    public string? TimeZone { get; set; }

    public DayOfWeek WeekStart { get; set; } = DayOfWeek.Monday;

    public int DailyMinimumMinutes { get; set; } = 5;

    public int RestDaysPerWeek { get; set; } = 1;

    public bool Sound { get; set; } = true;

    public bool Voice { get; set; } = true;

    public ThemeMode Theme { get; set; } = ThemeMode.System;

    /// <summary>The days the calendar feed reminds the user to practise.</summary>
    public List<DayOfWeek> ReminderDays { get; set; } = [];

    public TimeOnly ReminderTime { get; set; } = new(7, 30);

    public int ReminderMinutes { get; set; } = 15;

    /// <summary>The secret in the calendar feed's address; regenerating it cuts off every calendar that had the old one.</summary>
    public required string CalendarToken { get; set; }
}
