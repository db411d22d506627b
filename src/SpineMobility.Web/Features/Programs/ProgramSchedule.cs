using System.Globalization;

namespace SpineMobility.Web.Features.Programs;

/// <summary>
/// When a program's sessions fall: either a number of days per week (any days the person likes) or chosen
/// weekdays, for a number of weeks from a start date. Program weeks count from the start date, not from
/// the calendar's Monday, so "week 2 of 4" means the same to the coach and the person.
/// </summary>
/// <param name="DaysPerWeek">1 to 7 sessions a week on days of the person's choosing; ignored when <paramref name="Weekdays"/> are chosen.</param>
/// <param name="Weekdays">The days of the week a session is planned on; empty for "any days".</param>
public sealed record ProgramSchedule(DateOnly StartDate, int Weeks, int DaysPerWeek, IReadOnlyList<DayOfWeek> Weekdays)
{
    public const int MaxWeeks = 52;

    public bool HasWeekdays => Weekdays.Count > 0;

    /// <summary>The last day of the program.</summary>
    public DateOnly EndDate => StartDate.AddDays((7 * Weeks) - 1);

    /// <summary>What is wrong with the schedule, in words a user can act on; empty when it can be followed.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Weeks is < 1 or > MaxWeeks)
        {
            problems.Add($"A program lasts 1 to {MaxWeeks} weeks, not {Weeks}.");
        }

        if (!HasWeekdays && DaysPerWeek is < 1 or > 7)
        {
            problems.Add($"A program has 1 to 7 sessions a week, not {DaysPerWeek}.");
        }

        if (Weekdays.Distinct().Count() != Weekdays.Count)
        {
            problems.Add("Each weekday can be chosen once.");
        }

        return problems;
    }

    /// <summary>The program week (1-based) a day falls in, or null before the start and after the end.</summary>
    public int? WeekOf(DateOnly day) =>
        day < StartDate || day > EndDate ? null : ((day.DayNumber - StartDate.DayNumber) / 7) + 1;

    public DateOnly WeekStart(int week) => StartDate.AddDays(7 * (week - 1));

    /// <summary>Whether a session is planned on this very day; with "any days", no particular day is.</summary>
    public bool IsPlannedWeekday(DateOnly day) => HasWeekdays && WeekOf(day) is not null && Weekdays.Contains(day.DayOfWeek);

    /// <summary>"3 days a week for 4 weeks", "Mon, Wed, Fri for 4 weeks", with the start date.</summary>
    public string Text
    {
        get
        {
            var days = HasWeekdays
                ? string.Join(", ", Weekdays.OrderBy(d => ((int)d + 6) % 7).Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(d)))
                : DaysPerWeek == 1 ? "1 day a week" : $"{DaysPerWeek} days a week";
            var weeks = Weeks == 1 ? "1 week" : $"{Weeks} weeks";
            return $"{days} for {weeks}, from {StartDate.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}";
        }
    }
}
