namespace SpineMobility.Web.Features.Streaks;

/// <summary>
/// Streaks over the dates sessions were recorded with. It never converts time zones: each session keeps the local
/// date it finished on, so travel and daylight-saving changes cannot move a past day.
/// </summary>
public static class StreakCalculator
{
    private const int NoSession = -1;

    /// <summary>
    /// Walks every day from the first activity to <paramref name="today"/> once. Inputs may come in any order;
    /// days with the same date are merged. Activity dated after today (a skewed clock) is ignored entirely.
    /// </summary>
    /// <param name="rules">A day uses the latest rule in force on it, days before the first rule the earliest; none means <see cref="StreakRule.Default"/>.</param>
    /// <param name="today">The user's current local date.</param>
    public static StreakReport Calculate(IReadOnlyList<DayActivity> days, IReadOnlyList<StreakRule> rules, IReadOnlyList<StreakPause> pauses, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(pauses);

        var todayNumber = today.DayNumber;
        var first = int.MaxValue;
        for (var i = 0; i < days.Count; i++)
        {
            var dayNumber = days[i].Date.DayNumber;
            if (dayNumber <= todayNumber && dayNumber < first)
            {
                first = dayNumber;
            }
        }

        if (first == int.MaxValue)
        {
            return StreakReport.Empty(today);
        }

        var length = todayNumber - first + 1;

        // Indexed by days since the first day, so duplicates merge and order does not matter without sorting.
        var longestSession = new int[length];
        Array.Fill(longestSession, NoSession);
        var activeDays = 0;
        var totalSeconds = 0L;
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            var index = day.Date.DayNumber - first;
            if (index >= length)
            {
                continue;
            }

            if (longestSession[index] == NoSession)
            {
                activeDays++;
            }

            longestSession[index] = Math.Max(longestSession[index], Math.Max(0, day.LongestSessionSeconds));
            totalSeconds += day.TotalSeconds;
        }

        // The result array doubles as the pause mask: the walk below reads each day's mark before overwriting it.
        var statuses = new DayStatus[length];
        MarkPauses(statuses, pauses, first);

        var sortedRules = SortedRules(rules);
        var ruleIndex = 0;

        // Days before the first rule take the earliest one, chosen among any that start the same day as below.
        while (ruleIndex + 1 < sortedRules.Length && sortedRules[ruleIndex + 1].EffectiveFrom == sortedRules[0].EffectiveFrom)
        {
            ruleIndex++;
        }

        var running = 0;
        var longestStreak = 0;
        for (var i = 0; i < length; i++)
        {
            var dayNumber = first + i;
            while (ruleIndex + 1 < sortedRules.Length && sortedRules[ruleIndex + 1].EffectiveFrom.DayNumber <= dayNumber)
            {
                ruleIndex++;
            }

            var rule = sortedRules[ruleIndex];
            DayStatus status;
            if (longestSession[i] != NoSession && longestSession[i] >= Math.Max(0, rule.DailyMinimumMinutes) * 60L)
            {
                status = DayStatus.Counted;
            }
            else if (statuses[i] == DayStatus.Paused)
            {
                status = DayStatus.Paused;
            }
            else if (i == length - 1)
            {
                status = DayStatus.Pending;
            }
            else
            {
                status = HasRestLeft(statuses, i, dayNumber, rule) ? DayStatus.Rest : DayStatus.Missed;
            }

            statuses[i] = status;
            if (status == DayStatus.Counted)
            {
                running++;
                longestStreak = Math.Max(longestStreak, running);
            }
            else if (status == DayStatus.Missed)
            {
                running = 0;
            }
        }

        return new StreakReport
        {
            Today = today,
            FirstDay = DateOnly.FromDayNumber(first),
            CurrentStreak = running,
            LongestStreak = longestStreak,
            ActiveDays = activeDays,
            TotalMinutes = (int)(totalSeconds / 60),
            TodayCounted = statuses[length - 1] == DayStatus.Counted,
            Days = statuses,
        };
    }

    private static void MarkPauses(DayStatus[] statuses, IReadOnlyList<StreakPause> pauses, int first)
    {
        for (var p = 0; p < pauses.Count; p++)
        {
            var pause = pauses[p];
            if (pause.End < pause.Start)
            {
                continue;
            }

            // A pause saved past the limit still freezes only its first 14 days: a pause must not become a holiday.
            var start = Math.Max(pause.Start.DayNumber - first, 0);
            var end = Math.Min(Math.Min(pause.End.DayNumber, pause.Start.DayNumber + StreakPause.MaxDays - 1) - first, statuses.Length - 1);
            for (var i = start; i <= end; i++)
            {
                statuses[i] = DayStatus.Paused;
            }
        }
    }

    /// <summary>
    /// Whether the rest days already given in the day's week (as its own rule draws the week) leave room for one more.
    /// Counting back over at most six days is cheaper than tracking weeks, and stays right when a rule changes mid-week.
    /// </summary>
    private static bool HasRestLeft(DayStatus[] statuses, int index, int dayNumber, StreakRule rule)
    {
        var allowance = Math.Clamp(rule.RestDaysPerWeek, 0, StreakRule.MaxRestDaysPerWeek);
        if (allowance == 0)
        {
            return false;
        }

        var daysIntoWeek = ((int)DateOnly.FromDayNumber(dayNumber).DayOfWeek - (int)rule.WeekStart + 7) % 7;
        var used = 0;
        for (var i = Math.Max(0, index - daysIntoWeek); i < index; i++)
        {
            if (statuses[i] == DayStatus.Rest)
            {
                used++;
            }
        }

        return used < allowance;
    }

    /// <summary>
    /// Rules by start date. A day with several rules should not happen (a change made twice in a day replaces that
    /// day's rule), but if it does, nothing says which was saved last; the most lenient sorts last and wins, so a
    /// glitch in the data never costs a streak and the report does not depend on the order rules come in.
    /// </summary>
    private static StreakRule[] SortedRules(IReadOnlyList<StreakRule> rules)
    {
        if (rules.Count == 0)
        {
            return [StreakRule.Default];
        }

        var sorted = new StreakRule[rules.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = rules[i];
        }

        Array.Sort(sorted, static (a, b) =>
        {
            var order = a.EffectiveFrom.CompareTo(b.EffectiveFrom);
            if (order == 0)
            {
                order = b.DailyMinimumMinutes.CompareTo(a.DailyMinimumMinutes);
            }

            if (order == 0)
            {
                order = a.RestDaysPerWeek.CompareTo(b.RestDaysPerWeek);
            }

            return order != 0 ? order : ((int)b.WeekStart).CompareTo((int)a.WeekStart);
        });
        return sorted;
    }
}
