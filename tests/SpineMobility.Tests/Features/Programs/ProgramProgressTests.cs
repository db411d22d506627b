using SpineMobility.Web.Features.Programs;

namespace SpineMobility.Tests.Features.Programs;

public class ProgramProgressTests
{
    // Monday 2 November 2026.
    private static readonly DateOnly Start = new(2026, 11, 2);

    private static readonly ProgramPause[] NoPauses = [];

    private static ProgramSchedule MonWedFri(int weeks = 4) => new(Start, weeks, 0, [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday]);

    private static ProgramSchedule ThreeAWeek(int weeks = 4) => new(Start, weeks, 3, []);

    private static HashSet<DateOnly> Days(params int[] offsets) => [.. offsets.Select(o => Start.AddDays(o))];

    [Fact]
    public void Weeks_count_from_the_start_date_and_the_program_ends_after_its_last_week()
    {
        var schedule = ThreeAWeek();
        Assert.Null(schedule.WeekOf(Start.AddDays(-1)));
        Assert.Equal(1, schedule.WeekOf(Start));
        Assert.Equal(1, schedule.WeekOf(Start.AddDays(6)));
        Assert.Equal(2, schedule.WeekOf(Start.AddDays(7)));
        Assert.Equal(4, schedule.WeekOf(Start.AddDays(27)));
        Assert.Null(schedule.WeekOf(Start.AddDays(28)));
        Assert.Equal(Start.AddDays(27), schedule.EndDate);
    }

    [Fact]
    public void A_program_week_need_not_start_on_a_monday()
    {
        var thursday = new DateOnly(2026, 11, 5);
        var schedule = new ProgramSchedule(thursday, 2, 0, [DayOfWeek.Monday]);
        var week = ProgramProgress.Week(schedule, 1, thursday, new HashSet<DateOnly>(), NoPauses);
        Assert.Equal(thursday, week.Start);
        Assert.Equal(1, week.Planned);
        Assert.Equal(ProgramDayStatus.Planned, week.Days.Single(d => d.Date.DayOfWeek == DayOfWeek.Monday).Status);
    }

    [Fact]
    public void With_chosen_weekdays_a_passed_weekday_without_a_session_is_a_miss_and_the_other_days_are_rest()
    {
        var today = Start.AddDays(3); // Thursday
        var week = ProgramProgress.Week(MonWedFri(), 1, today, Days(0), NoPauses);
        Assert.Equal(
            [ProgramDayStatus.Done, ProgramDayStatus.Rest, ProgramDayStatus.Missed, ProgramDayStatus.Rest, ProgramDayStatus.Planned, ProgramDayStatus.Rest, ProgramDayStatus.Rest],
            week.Days.Select(d => d.Status));
        Assert.Equal(1, week.Done);
        Assert.Equal(3, week.Planned);
    }

    [Fact]
    public void Todays_planned_session_not_yet_done_is_not_a_miss()
    {
        var wednesday = Start.AddDays(2);
        Assert.Equal(ProgramDayStatus.Planned, ProgramProgress.StatusOf(MonWedFri(), wednesday, wednesday, Days(0), NoPauses));
        var adherence = ProgramProgress.Over(7, MonWedFri(), wednesday, Days(0), NoPauses);
        Assert.Equal(new Adherence(1, 1), adherence);
    }

    [Fact]
    public void With_days_per_week_a_day_without_a_session_is_rest_never_a_miss()
    {
        var today = Start.AddDays(5);
        var week = ProgramProgress.Week(ThreeAWeek(), 1, today, Days(1), NoPauses);
        Assert.DoesNotContain(week.Days, d => d.Status == ProgramDayStatus.Missed);
        Assert.Equal(5, week.Days.Count(d => d.Status == ProgramDayStatus.Rest) - 1); // Today and the days to come are rest as well.
        Assert.Equal(3, week.Planned);
        Assert.Equal(1, week.Done);
    }

    [Fact]
    public void A_paused_day_is_neither_planned_nor_missed()
    {
        var today = Start.AddDays(7);
        var pauses = new[] { new ProgramPause(Start.AddDays(2), Start.AddDays(4)) }; // Wednesday to Friday.
        var week = ProgramProgress.Week(MonWedFri(), 1, today, Days(0), pauses);
        Assert.Equal(1, week.Planned);
        Assert.Equal(ProgramDayStatus.Paused, week.Days[2].Status);
        Assert.Equal(ProgramDayStatus.Paused, week.Days[4].Status);
        Assert.DoesNotContain(week.Days, d => d.Status == ProgramDayStatus.Missed);
    }

    [Fact]
    public void An_open_pause_covers_every_day_from_its_start()
    {
        var pause = new ProgramPause(Start, null);
        Assert.True(pause.Covers(Start.AddDays(400)));
        Assert.False(pause.Covers(Start.AddDays(-1)));
        var planned = ProgramProgress.PlannedIn(ThreeAWeek(), [.. Enumerable.Range(0, 14).Select(i => Start.AddDays(i))], [pause]);
        Assert.Equal(0, planned);
    }

    [Fact]
    public void A_pause_over_part_of_a_week_lowers_a_days_per_week_target_in_proportion_rounded_up()
    {
        var days = Enumerable.Range(0, 7).Select(i => Start.AddDays(i)).ToList();
        Assert.Equal(3, ProgramProgress.PlannedIn(ThreeAWeek(), days, NoPauses));
        Assert.Equal(2, ProgramProgress.PlannedIn(ThreeAWeek(), days, [new ProgramPause(Start, Start.AddDays(2))])); // 3 × 4/7 → 2.
        Assert.Equal(1, ProgramProgress.PlannedIn(ThreeAWeek(), days, [new ProgramPause(Start, Start.AddDays(5))])); // 3 × 1/7 → 1.
    }

    [Fact]
    public void Adherence_counts_a_session_moved_to_another_day_but_never_more_than_were_planned()
    {
        var today = Start.AddDays(14); // Monday of week 3, not yet done.
        // Week 1: Mon, Wed, Fri done, plus Saturday. Week 2: only Monday.
        var done = Days(0, 2, 4, 5, 7);
        var adherence = ProgramProgress.Over(28, MonWedFri(), today, done, NoPauses);
        Assert.Equal(6, adherence.Planned);
        Assert.Equal(5, adherence.Done);

        // The last 7 days (Tuesday of week 2 to today): Wednesday and Friday planned, neither done.
        var last7 = ProgramProgress.Over(7, MonWedFri(), today, done, NoPauses);
        Assert.Equal(new Adherence(0, 2), last7);
        Assert.Equal("0 of 2 (0 %)", last7.Text);

        // Four extra sessions in one week do not count for more than its three.
        var busy = ProgramProgress.Over(7, MonWedFri(), Start.AddDays(6), Days(0, 1, 2, 3, 4, 5), NoPauses);
        Assert.Equal(new Adherence(3, 3), busy);
    }

    [Fact]
    public void Before_the_start_nothing_is_planned()
    {
        var adherence = ProgramProgress.Over(7, MonWedFri(), Start.AddDays(-1), new HashSet<DateOnly>(), NoPauses);
        Assert.Null(adherence.Share);
        Assert.Equal("nothing planned", adherence.Text);
        Assert.Empty(ProgramProgress.WeeksSoFar(MonWedFri(), Start.AddDays(-1), new HashSet<DateOnly>(), NoPauses));
    }

    [Fact]
    public void After_the_end_every_week_is_reported_and_later_days_are_outside()
    {
        var schedule = MonWedFri(weeks: 2);
        var weeks = ProgramProgress.WeeksSoFar(schedule, Start.AddDays(40), Days(0, 2, 4, 7), NoPauses);
        Assert.Equal([3, 1], weeks.Select(w => w.Done));
        Assert.Equal(ProgramDayStatus.Outside, ProgramProgress.StatusOf(schedule, Start.AddDays(14), Start.AddDays(40), Days(14), NoPauses));
    }

    [Fact]
    public void The_day_a_session_counts_for_is_the_one_in_the_persons_time_zone()
    {
        // 23:30 in Berlin on Tuesday is 22:30 UTC: the session counts for Tuesday, which is a rest day here.
        var instant = new DateTimeOffset(2026, 11, 3, 22, 30, 0, TimeSpan.Zero);
        var berlinDay = SpineMobility.Web.Shared.TimeZones.LocalDate(instant, "Europe/Berlin");
        var tokyoDay = SpineMobility.Web.Shared.TimeZones.LocalDate(instant, "Asia/Tokyo");
        Assert.Equal(Start.AddDays(1), berlinDay);
        Assert.Equal(Start.AddDays(2), tokyoDay);
        Assert.Equal(ProgramDayStatus.Rest, ProgramProgress.StatusOf(MonWedFri(), Start.AddDays(1), Start.AddDays(3), new HashSet<DateOnly>(), NoPauses));
        Assert.Equal(ProgramDayStatus.Done, ProgramProgress.StatusOf(MonWedFri(), Start.AddDays(2), Start.AddDays(3), new HashSet<DateOnly> { tokyoDay }, NoPauses));
        Assert.Equal(ProgramDayStatus.Missed, ProgramProgress.StatusOf(MonWedFri(), Start.AddDays(2), Start.AddDays(3), new HashSet<DateOnly> { berlinDay }, NoPauses));
    }

    [Theory]
    [InlineData(0, 3, "A program lasts 1 to 52 weeks, not 0.")]
    [InlineData(53, 3, "A program lasts 1 to 52 weeks, not 53.")]
    [InlineData(4, 0, "A program has 1 to 7 sessions a week, not 0.")]
    [InlineData(4, 8, "A program has 1 to 7 sessions a week, not 8.")]
    public void A_schedule_that_cannot_be_followed_says_what_is_wrong(int weeks, int daysPerWeek, string problem) =>
        Assert.Equal([problem], new ProgramSchedule(Start, weeks, daysPerWeek, []).Problems());

    [Fact]
    public void A_schedule_reads_as_its_days_and_weeks()
    {
        Assert.Equal("Mon, Wed, Fri for 4 weeks, from Mon 2 Nov 2026", MonWedFri().Text);
        Assert.Equal("3 days a week for 1 week, from Mon 2 Nov 2026", ThreeAWeek(1).Text);
    }
}
