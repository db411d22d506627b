using System.Globalization;
using SpineMobility.Web.Features.Streaks;

namespace SpineMobility.Web.Features.Progress;

/// <summary>Shapes the progress numbers into what the charts draw. Pure, so it is tested without a browser.</summary>
public static class ProgressCharts
{
    /// <summary>A calendar of the last year: one row per weekday, one column per week, minutes in each cell.</summary>
    /// <param name="Values">[row][column]; null for days still to come.</param>
    /// <param name="Marks">Rest and paused days, which the heat map colours apart from practice.</param>
    public sealed record Heatmap(string[] RowLabels, string[] ColumnLabels, double?[][] Values, IReadOnlyList<(int Row, int Column, DayStatus Status)> Marks);

    public sealed record DayCell(DateOnly Date, DayStatus Status, int Minutes, bool IsToday);

    public static Heatmap Calendar(StreakReport report, IReadOnlyDictionary<DateOnly, int> minutesByDay, DayOfWeek weekStart, int weeks = 53)
    {
        var lastWeek = ProgressData.StartOfWeek(report.Today, weekStart);
        var first = lastWeek.AddDays(-7 * (weeks - 1));
        var rows = Enumerable.Range(0, 7).Select(i => (DayOfWeek)(((int)weekStart + i) % 7)).ToArray();
        var values = rows.Select(_ => new double?[weeks]).ToArray();
        var marks = new List<(int, int, DayStatus)>();
        var columns = new string[weeks];

        for (var column = 0; column < weeks; column++)
        {
            var monday = first.AddDays(7 * column);
            // A month's name heads the first week that starts in it.
            columns[column] = column > 0 && monday.Month != monday.AddDays(-7).Month
                ? monday.ToString("MMM", CultureInfo.InvariantCulture)
                : "";

            for (var row = 0; row < 7; row++)
            {
                var day = monday.AddDays(row);
                if (day > report.Today)
                {
                    continue;
                }

                values[row][column] = minutesByDay.GetValueOrDefault(day);
                var status = report.StatusOf(day);
                if (status is DayStatus.Rest or DayStatus.Paused)
                {
                    marks.Add((row, column, status));
                }
            }
        }

        var rowLabels = rows.Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(d)).ToArray();
        return new Heatmap(rowLabels, columns, values, marks);
    }

    /// <summary>This week at a glance, from the first day of the week to its last.</summary>
    public static IReadOnlyList<DayCell> ThisWeek(StreakReport report, IReadOnlyDictionary<DateOnly, int> minutesByDay, DayOfWeek weekStart)
    {
        var start = ProgressData.StartOfWeek(report.Today, weekStart);
        return [.. Enumerable.Range(0, 7).Select(i =>
        {
            var day = start.AddDays(i);
            return new DayCell(day, report.StatusOf(day), minutesByDay.GetValueOrDefault(day), day == report.Today);
        })];
    }

    /// <summary>What to tell the user about today, so a streak is never lost by surprise.</summary>
    public static string TodayMessage(StreakReport report) => (report.TodayCounted, report.CurrentStreak) switch
    {
        (true, _) => "Today is done. See you tomorrow.",
        (false, 0) => "Do a session today to start a streak.",
        (false, 1) => "Do today's session to keep your 1-day streak.",
        (false, var days) => $"Do today's session to keep your {days}-day streak.",
    };
}
