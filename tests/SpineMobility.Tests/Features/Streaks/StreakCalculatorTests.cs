using SpineMobility.Web.Features.Streaks;

namespace SpineMobility.Tests.Features.Streaks;

public sealed class StreakCalculatorTests
{
    // A Thursday; Monday-started weeks around it run 16-22 and 23-29 November.
    private static readonly DateOnly Today = Nov(26);

    private static DateOnly Nov(int day) => new(2026, 11, day);

    private static DayActivity Practice(DateOnly date, int minutes = 10) => new(date, minutes * 60, minutes * 60);

    private static List<DayActivity> EveryDay(DateOnly from, DateOnly to, params DateOnly[] except)
    {
        var days = new List<DayActivity>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (!except.Contains(date))
            {
                days.Add(Practice(date));
            }
        }

        return days;
    }

    private static StreakRule Rule(int minimumMinutes = 5, int restDays = 1, DayOfWeek weekStart = DayOfWeek.Monday, DateOnly? from = null) =>
        new(from ?? DateOnly.MinValue, minimumMinutes, restDays, weekStart);

    private static StreakReport Calculate(IReadOnlyList<DayActivity> days, StreakRule? rule = null, params StreakPause[] pauses) =>
        StreakCalculator.Calculate(days, rule is null ? [] : [rule], pauses, Today);

    [Fact]
    public void Today_not_yet_done_keeps_the_streak_that_ended_yesterday_and_is_pending()
    {
        var report = Calculate(EveryDay(Nov(20), Nov(25)));

        Assert.Equal(6, report.CurrentStreak);
        Assert.False(report.TodayCounted);
        Assert.Equal(DayStatus.Pending, report.StatusOf(Today));
    }

    [Fact]
    public void Today_done_counts_today_in_the_streak()
    {
        var report = Calculate(EveryDay(Nov(20), Today));

        Assert.Equal(7, report.CurrentStreak);
        Assert.True(report.TodayCounted);
        Assert.Equal(DayStatus.Counted, report.StatusOf(Today));
    }

    [Fact]
    public void A_missed_day_with_no_rest_allowance_breaks_the_streak()
    {
        var report = Calculate(EveryDay(Nov(16), Nov(25), except: Nov(18)), Rule(restDays: 0));

        Assert.Equal(DayStatus.Missed, report.StatusOf(Nov(18)));
        Assert.Equal(7, report.CurrentStreak);
        Assert.Equal(7, report.LongestStreak);
    }

    [Fact]
    public void With_one_rest_day_a_week_one_missed_day_is_rest_and_keeps_the_streak()
    {
        var report = Calculate(EveryDay(Nov(16), Nov(25), except: Nov(18)), Rule(restDays: 1));

        Assert.Equal(DayStatus.Rest, report.StatusOf(Nov(18)));
        Assert.Equal(9, report.CurrentStreak);
    }

    [Fact]
    public void With_one_rest_day_a_week_a_second_missed_day_in_the_same_week_breaks_the_streak()
    {
        var report = Calculate(EveryDay(Nov(16), Nov(25), except: [Nov(18), Nov(20)]), Rule(restDays: 1));

        Assert.Equal(DayStatus.Rest, report.StatusOf(Nov(18)));
        Assert.Equal(DayStatus.Missed, report.StatusOf(Nov(20)));
        Assert.Equal(5, report.CurrentStreak);
        Assert.Equal(5, report.LongestStreak);
    }

    [Fact]
    public void With_two_rest_days_a_week_two_missed_days_keep_the_streak_and_a_third_breaks_it()
    {
        var two = Calculate(EveryDay(Nov(16), Nov(25), except: [Nov(17), Nov(19)]), Rule(restDays: 2));
        var three = Calculate(EveryDay(Nov(16), Nov(25), except: [Nov(17), Nov(19), Nov(21)]), Rule(restDays: 2));

        Assert.Equal([DayStatus.Rest, DayStatus.Rest], [two.StatusOf(Nov(17)), two.StatusOf(Nov(19))]);
        Assert.Equal(8, two.CurrentStreak);
        Assert.Equal(DayStatus.Missed, three.StatusOf(Nov(21)));
        Assert.Equal(4, three.CurrentStreak);
    }

    [Fact]
    public void The_rest_allowance_starts_again_on_the_first_day_of_the_week()
    {
        // Sunday 22 and Monday 23 are missed: in Monday weeks they fall in two weeks, in Sunday weeks in one.
        var days = EveryDay(Nov(16), Nov(25), except: [Nov(22), Nov(23)]);

        var mondayWeeks = Calculate(days, Rule(restDays: 1, weekStart: DayOfWeek.Monday));
        var sundayWeeks = Calculate(days, Rule(restDays: 1, weekStart: DayOfWeek.Sunday));

        Assert.Equal(DayStatus.Rest, mondayWeeks.StatusOf(Nov(23)));
        Assert.Equal(8, mondayWeeks.CurrentStreak);
        Assert.Equal(DayStatus.Rest, sundayWeeks.StatusOf(Nov(22)));
        Assert.Equal(DayStatus.Missed, sundayWeeks.StatusOf(Nov(23)));
        Assert.Equal(2, sundayWeeks.CurrentStreak);
        Assert.Equal(6, sundayWeeks.LongestStreak);
    }

    [Fact]
    public void Rest_days_keep_the_streak_alive_but_are_not_streak_days()
    {
        var report = Calculate([Practice(Nov(23)), Practice(Nov(25))], Rule(restDays: 1));

        Assert.Equal(DayStatus.Rest, report.StatusOf(Nov(24)));
        Assert.Equal(2, report.CurrentStreak);
    }

    [Fact]
    public void A_pause_of_fourteen_days_freezes_the_streak_and_it_resumes_after()
    {
        var days = EveryDay(Nov(1), Nov(25), except: [.. Dates(Nov(6), Nov(19))]);
        var pause = new StreakPause(Nov(6), Nov(19));

        var paused = Calculate(days, Rule(restDays: 0), pause);
        var unpaused = Calculate(days, Rule(restDays: 0));

        Assert.All(Dates(Nov(6), Nov(19)), date => Assert.Equal(DayStatus.Paused, paused.StatusOf(date)));
        Assert.Equal(5 + 6, paused.CurrentStreak);
        Assert.Equal(5 + 6, paused.LongestStreak);
        Assert.Equal(6, unpaused.CurrentStreak);
    }

    [Fact]
    public void A_session_long_enough_inside_a_pause_still_counts()
    {
        var days = EveryDay(Nov(1), Nov(25), except: [.. Dates(Nov(10), Nov(15)).Where(d => d != Nov(12))]);

        var report = Calculate(days, Rule(restDays: 0), new StreakPause(Nov(10), Nov(15)));

        Assert.Equal(DayStatus.Counted, report.StatusOf(Nov(12)));
        Assert.Equal(DayStatus.Paused, report.StatusOf(Nov(13)));
        Assert.Equal(9 + 1 + 10, report.CurrentStreak);
    }

    [Fact]
    public void A_pause_saved_longer_than_fourteen_days_freezes_only_its_first_fourteen()
    {
        var days = EveryDay(Nov(1), Nov(25), except: [.. Dates(Nov(2), Nov(21))]);

        var report = Calculate(days, Rule(restDays: 0), new StreakPause(Nov(2), Nov(21)));

        Assert.Equal(DayStatus.Paused, report.StatusOf(Nov(15)));
        Assert.Equal(DayStatus.Missed, report.StatusOf(Nov(16)));
        Assert.Equal(4, report.CurrentStreak);
    }

    [Fact]
    public void A_pause_is_not_a_miss_even_where_the_rest_allowance_is_used_up()
    {
        var days = EveryDay(Nov(16), Nov(25), except: [Nov(17), Nov(18), Nov(19)]);

        var report = Calculate(days, Rule(restDays: 1), new StreakPause(Nov(18), Nov(19)));

        Assert.Equal([DayStatus.Rest, DayStatus.Paused, DayStatus.Paused], [report.StatusOf(Nov(17)), report.StatusOf(Nov(18)), report.StatusOf(Nov(19))]);
        Assert.Equal(7, report.CurrentStreak);
    }

    [Fact]
    public void A_minimum_raised_later_does_not_rewrite_the_days_before_the_change()
    {
        var rules = new[] { Rule(minimumMinutes: 5, restDays: 0), Rule(minimumMinutes: 20, restDays: 0, from: Nov(20)) };
        var days = EveryDay(Nov(16), Nov(25));
        days.Add(Practice(Nov(24), minutes: 25));

        var report = StreakCalculator.Calculate(days, rules, [], Today);

        Assert.Equal(DayStatus.Counted, report.StatusOf(Nov(19)));
        Assert.Equal(DayStatus.Missed, report.StatusOf(Nov(20)));
        Assert.Equal(DayStatus.Counted, report.StatusOf(Nov(24)));
        Assert.Equal(4, report.LongestStreak);
        Assert.Equal(0, report.CurrentStreak);
    }

    [Fact]
    public void A_rest_allowance_lowered_later_does_not_rewrite_the_days_before_the_change()
    {
        var rules = new[] { Rule(restDays: 1), Rule(restDays: 0, from: Nov(23)) };
        var days = EveryDay(Nov(16), Nov(25), except: [Nov(18), Nov(24)]);

        var report = StreakCalculator.Calculate(days, rules, [], Today);

        Assert.Equal(DayStatus.Rest, report.StatusOf(Nov(18)));
        Assert.Equal(DayStatus.Missed, report.StatusOf(Nov(24)));
        Assert.Equal(7, report.LongestStreak);
        Assert.Equal(1, report.CurrentStreak);
    }

    [Fact]
    public void Days_before_the_first_rule_use_the_earliest_rule()
    {
        var report = StreakCalculator.Calculate([Practice(Nov(18)), Practice(Nov(25))], [Rule(minimumMinutes: 15, restDays: 0, from: Nov(20))], [], Today);

        Assert.Equal(DayStatus.Missed, report.StatusOf(Nov(18)));
        Assert.Equal(0, report.LongestStreak);
    }

    [Fact]
    public void Of_two_rules_starting_the_same_day_the_more_lenient_applies_whichever_comes_first()
    {
        var strict = Rule(minimumMinutes: 20, restDays: 0, from: Nov(20));
        var lenient = Rule(minimumMinutes: 10, restDays: 0, from: Nov(20));
        var days = new[] { Practice(Nov(19)), Practice(Nov(25)) };

        var strictFirst = StreakCalculator.Calculate(days, [strict, lenient], [], Today);
        var lenientFirst = StreakCalculator.Calculate(days, [lenient, strict], [], Today);

        Assert.Equal(DayStatus.Counted, strictFirst.StatusOf(Nov(25)));
        Assert.Equal(DayStatus.Counted, strictFirst.StatusOf(Nov(19)));
        StreakAssert.Same(strictFirst, lenientFirst);
    }

    [Fact]
    public void Without_rules_a_five_minute_session_counts_and_one_second_less_does_not()
    {
        var report = Calculate([new DayActivity(Nov(24), 300, 300), new DayActivity(Nov(25), 299, 299)]);

        Assert.Equal(DayStatus.Counted, report.StatusOf(Nov(24)));
        Assert.NotEqual(DayStatus.Counted, report.StatusOf(Nov(25)));
        Assert.Equal(1, report.LongestStreak);
    }

    [Fact]
    public void Several_short_sessions_make_an_active_day_but_do_not_add_up_to_a_counted_day()
    {
        // Three sessions of 4 minutes on the 25th: 12 minutes in all, none of them 5.
        DayActivity[] days = [new(Nov(24), 600, 600), new(Nov(25), 720, 240)];

        var report = Calculate(days, Rule(minimumMinutes: 5, restDays: 0));

        Assert.Equal(DayStatus.Missed, report.StatusOf(Nov(25)));
        Assert.Equal(0, report.CurrentStreak);
        Assert.Equal(2, report.ActiveDays);
        Assert.Equal(10 + 12, report.TotalMinutes);
    }

    [Fact]
    public void The_longest_streak_is_kept_after_the_current_one_breaks()
    {
        var days = EveryDay(Nov(10), Nov(25), except: [Nov(17), Nov(21)]);
        days.Add(new DayActivity(Nov(21), 200, 200));

        var report = Calculate(days, Rule(restDays: 0));

        Assert.Equal(4, report.CurrentStreak);
        Assert.Equal(7, report.LongestStreak);
        Assert.Equal(15, report.ActiveDays);
        Assert.Equal((14 * 600 + 200) / 60, report.TotalMinutes);
    }

    [Fact]
    public void Days_has_one_entry_per_day_from_the_first_activity_to_today_and_none_outside()
    {
        var report = Calculate([Practice(Nov(20)), Practice(Nov(23))]);

        Assert.Equal(Nov(20), report.FirstDay);
        Assert.Equal(7, report.Days.Count);
        Assert.Equal(
            [DayStatus.Counted, DayStatus.Rest, DayStatus.Missed, DayStatus.Counted, DayStatus.Rest, DayStatus.Missed, DayStatus.Pending],
            report.Days);
        Assert.Equal(report.Days, Dates(Nov(20), Today).Select(report.StatusOf));
        Assert.Equal(DayStatus.None, report.StatusOf(Nov(19)));
        Assert.Equal(DayStatus.None, report.StatusOf(Nov(27)));
    }

    [Fact]
    public void No_activity_at_all_gives_an_empty_report_with_today_pending()
    {
        var report = Calculate([]);

        Assert.Equal(Today, report.FirstDay);
        Assert.Equal([DayStatus.Pending], report.Days);
        Assert.Equal((0, 0, 0, 0, false), (report.CurrentStreak, report.LongestStreak, report.ActiveDays, report.TotalMinutes, report.TodayCounted));
    }

    [Fact]
    public void Sessions_dated_after_today_are_ignored()
    {
        var report = Calculate([Practice(Nov(25)), Practice(Nov(27), minutes: 30)]);
        var onlyFuture = Calculate([Practice(Nov(27))]);

        Assert.Equal(2, report.Days.Count);
        Assert.Equal(1, report.CurrentStreak);
        Assert.Equal(1, report.ActiveDays);
        Assert.Equal(10, report.TotalMinutes);
        Assert.Equal(Today, onlyFuture.FirstDay);
        Assert.Equal(0, onlyFuture.ActiveDays);
    }

    [Fact]
    public void A_leap_day_is_a_day_like_any_other()
    {
        var days = new[] { Practice(new DateOnly(2028, 2, 28)), Practice(new DateOnly(2028, 2, 29)), Practice(new DateOnly(2028, 3, 1)) };

        var report = StreakCalculator.Calculate(days, [Rule(restDays: 0)], [], new DateOnly(2028, 3, 1));

        Assert.Equal(3, report.CurrentStreak);
        Assert.Equal(3, report.Days.Count);
        Assert.Equal(DayStatus.Counted, report.StatusOf(new DateOnly(2028, 2, 29)));
    }

    [Fact]
    public void The_same_date_given_twice_is_one_day_with_its_seconds_summed_and_its_longest_session_kept()
    {
        var report = Calculate([new DayActivity(Nov(25), 240, 240), new DayActivity(Nov(25), 400, 400), new DayActivity(Nov(25), 240, 240)]);

        Assert.Equal(1, report.ActiveDays);
        Assert.Equal(14, report.TotalMinutes);
        Assert.Equal(DayStatus.Counted, report.StatusOf(Nov(25)));
    }

    [Fact]
    public void The_order_of_days_rules_and_pauses_does_not_change_the_report()
    {
        var days = EveryDay(Nov(1), Nov(25), except: [Nov(3), Nov(4), Nov(9), Nov(14), Nov(15), Nov(16), Nov(22)]);
        days.Add(new DayActivity(Nov(23), 120, 120));
        StreakRule[] rules = [Rule(restDays: 1), Rule(minimumMinutes: 8, restDays: 2, weekStart: DayOfWeek.Sunday, from: Nov(10)), Rule(restDays: 0, from: Nov(20))];
        StreakPause[] pauses = [new(Nov(14), Nov(15)), new(Nov(3), Nov(3))];
        var expected = StreakCalculator.Calculate(days, rules, pauses, Today);
        var random = new Random(7);

        for (var i = 0; i < 20; i++)
        {
            var shuffled = StreakCalculator.Calculate(Shuffled(days, random), Shuffled(rules, random), Shuffled(pauses, random), Today);

            StreakAssert.Same(expected, shuffled);
        }
    }

    private static IEnumerable<DateOnly> Dates(DateOnly from, DateOnly to)
    {
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            yield return date;
        }
    }

    private static T[] Shuffled<T>(IEnumerable<T> items, Random random)
    {
        var array = items.ToArray();
        random.Shuffle(array);
        return array;
    }
}
