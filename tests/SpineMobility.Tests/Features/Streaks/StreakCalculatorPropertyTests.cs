using SpineMobility.Web.Features.Streaks;

namespace SpineMobility.Tests.Features.Streaks;

/// <summary>
/// Random histories checked against a reference written as plainly as the rules read, and against invariants
/// that hold whatever the rules were.
/// </summary>
public sealed class StreakCalculatorPropertyTests
{
    private sealed record History(
        int Seed,
        List<(DateOnly LocalDate, int ActiveSeconds)> Sessions,
        List<StreakRule> Rules,
        List<StreakPause> Pauses,
        DateOnly Today)
    {
        public StreakReport Report { get; } = StreakCalculator.Calculate(PerDay(Sessions), Rules, Pauses, Today);
    }

    /// <summary>Sessions as the database hands them to the calculator: one row per date, summed, with the longest session.</summary>
    private static List<DayActivity> PerDay(IEnumerable<(DateOnly LocalDate, int ActiveSeconds)> sessions) =>
        [.. sessions.GroupBy(s => s.LocalDate).Select(g => new DayActivity(g.Key, g.Sum(s => s.ActiveSeconds), g.Max(s => s.ActiveSeconds)))];

    private static readonly List<History> Histories = [.. Enumerable.Range(0, 200).Select(NewHistory)];

    private static History NewHistory(int seed)
    {
        var random = new Random(seed);
        var today = new DateOnly(2026, 11, 26).AddDays(random.Next(-1000, 1000));
        var length = random.Next(1, 400);
        var first = today.AddDays(1 - length);
        var practice = random.NextDouble() * 0.6 + 0.35;

        var sessions = new List<(DateOnly, int)>();
        // A few days past today, as a skewed clock would record them.
        for (var date = first; date <= today.AddDays(2); date = date.AddDays(1))
        {
            if (random.NextDouble() < practice)
            {
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    sessions.Add((date, random.Next(30, 30 * 60)));
                }
            }
        }

        var rules = new List<StreakRule>();
        for (var n = random.Next(0, 4); n > 0; n--)
        {
            rules.Add(new StreakRule(
                first.AddDays(random.Next(-10, length)),
                random.Next(1, 21),
                random.Next(0, StreakRule.MaxRestDaysPerWeek + 1),
                (DayOfWeek)random.Next(0, 7)));
        }

        var pauses = new List<StreakPause>();
        for (var n = random.Next(0, 4); n > 0; n--)
        {
            var start = first.AddDays(random.Next(-5, length));
            pauses.Add(new StreakPause(start, start.AddDays(random.Next(0, StreakPause.MaxDays))));
        }

        return new History(seed, sessions, rules, pauses, today);
    }

    private static void ForEachHistory(Action<History> check)
    {
        foreach (var history in Histories)
        {
            try
            {
                check(history);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException(
                    $"History with seed {history.Seed}, today {history.Today}, rules [{string.Join("; ", history.Rules)}], pauses [{string.Join("; ", history.Pauses)}]", e);
            }
        }
    }

    private static StreakRule RuleOn(DateOnly date, List<StreakRule> rules)
    {
        // Among rules starting the same day the most lenient wins, so it goes last.
        var ordered = rules.Count == 0
            ? [StreakRule.Default]
            : rules.OrderBy(r => r.EffectiveFrom).ThenByDescending(r => r.DailyMinimumMinutes).ThenBy(r => r.RestDaysPerWeek).ThenByDescending(r => r.WeekStart).ToList();
        var earliest = ordered[0].EffectiveFrom;
        return ordered.Last(r => r.EffectiveFrom <= (date < earliest ? earliest : date));
    }

    private static DateOnly WeekStartOf(DateOnly date, StreakRule rule) =>
        date.AddDays(-(((int)date.DayOfWeek - (int)rule.WeekStart + 7) % 7));

    /// <summary>The rules, one day at a time, with no care for speed.</summary>
    private static (List<DayStatus> Days, int Current, int Longest) Reference(History history)
    {
        var longestSession = history.Sessions
            .Where(s => s.LocalDate <= history.Today)
            .GroupBy(s => s.LocalDate)
            .ToDictionary(g => g.Key, g => g.Max(s => s.ActiveSeconds));
        if (longestSession.Count == 0)
        {
            return ([DayStatus.Pending], 0, 0);
        }

        var statuses = new SortedDictionary<DateOnly, DayStatus>();
        for (var date = longestSession.Keys.Min(); date <= history.Today; date = date.AddDays(1))
        {
            var rule = RuleOn(date, history.Rules);
            if (longestSession.TryGetValue(date, out var seconds) && seconds >= rule.DailyMinimumMinutes * 60)
            {
                statuses[date] = DayStatus.Counted;
            }
            else if (history.Pauses.Any(p => p.Contains(date)))
            {
                statuses[date] = DayStatus.Paused;
            }
            else if (date == history.Today)
            {
                statuses[date] = DayStatus.Pending;
            }
            else
            {
                var weekStart = WeekStartOf(date, rule);
                var restTaken = statuses.Count(s => s.Key >= weekStart && s.Value == DayStatus.Rest);
                statuses[date] = restTaken < rule.RestDaysPerWeek ? DayStatus.Rest : DayStatus.Missed;
            }
        }

        int current = 0, longest = 0;
        foreach (var status in statuses.Values)
        {
            current = status switch
            {
                DayStatus.Counted => current + 1,
                DayStatus.Missed => 0,
                _ => current,
            };
            longest = Math.Max(longest, current);
        }

        return ([.. statuses.Values], current, longest);
    }

    [Fact]
    public void Every_day_and_both_streaks_match_a_day_by_day_reference() =>
        ForEachHistory(history =>
        {
            var (days, current, longest) = Reference(history);

            Assert.Equal(days, history.Report.Days);
            Assert.Equal(current, history.Report.CurrentStreak);
            Assert.Equal(longest, history.Report.LongestStreak);
        });

    [Fact]
    public void Active_days_and_minutes_add_up_what_was_done_up_to_today() =>
        ForEachHistory(history =>
        {
            var upToToday = history.Sessions.Where(s => s.LocalDate <= history.Today).ToList();

            Assert.Equal(upToToday.Select(s => s.LocalDate).Distinct().Count(), history.Report.ActiveDays);
            Assert.Equal(upToToday.Sum(s => s.ActiveSeconds) / 60, history.Report.TotalMinutes);
        });

    [Fact]
    public void The_streaks_are_bounded_by_the_counted_days_and_one_status_is_given_per_day() =>
        ForEachHistory(history =>
        {
            var report = history.Report;

            Assert.InRange(report.CurrentStreak, 0, report.LongestStreak);
            Assert.InRange(report.LongestStreak, 0, report.Days.Count(d => d == DayStatus.Counted));
            Assert.Equal(report.Today.DayNumber - report.FirstDay.DayNumber + 1, report.Days.Count);
            Assert.Equal(report.TodayCounted, report.Days[^1] == DayStatus.Counted);
            Assert.DoesNotContain(DayStatus.None, report.Days);
            Assert.DoesNotContain(DayStatus.Pending, report.Days.Take(report.Days.Count - 1));
        });

    [Fact]
    public void No_week_has_more_rest_days_than_its_rule_allows() =>
        ForEachHistory(history =>
        {
            var report = history.Report;
            for (var i = 0; i < report.Days.Count; i++)
            {
                var date = report.FirstDay.AddDays(i);
                if (report.Days[i] == DayStatus.Rest)
                {
                    var rule = RuleOn(date, history.Rules);
                    var weekStart = WeekStartOf(date, rule);
                    var restInWeekSoFar = Enumerable.Range(0, i + 1).Count(j => report.FirstDay.AddDays(j) >= weekStart && report.Days[j] == DayStatus.Rest);
                    Assert.InRange(restInWeekSoFar, 1, rule.RestDaysPerWeek);
                }
            }
        });

    [Fact]
    public void The_current_streak_counts_the_counted_days_since_the_last_miss_and_the_longest_the_most_between_misses() =>
        ForEachHistory(history =>
        {
            var report = history.Report;
            var runs = string.Concat(report.Days.Select(d => d switch { DayStatus.Counted => 'c', DayStatus.Missed => 'm', _ => '.' }))
                .Split('m')
                .Select(run => run.Count(c => c == 'c'))
                .ToList();

            Assert.Equal(runs[^1], report.CurrentStreak);
            Assert.Equal(runs.Max(), report.LongestStreak);
        });

    [Fact]
    public void Unmerged_and_shuffled_input_gives_the_same_report() =>
        ForEachHistory(history =>
        {
            var random = new Random(history.Seed);
            var perSession = history.Sessions.Select(s => new DayActivity(s.LocalDate, s.ActiveSeconds, s.ActiveSeconds)).ToArray();
            var rules = history.Rules.ToArray();
            var pauses = history.Pauses.ToArray();
            random.Shuffle(perSession);
            random.Shuffle(rules);
            random.Shuffle(pauses);

            StreakAssert.Same(history.Report, StreakCalculator.Calculate(perSession, rules, pauses, history.Today));
        });
}
