using SpineMobility.Web.Features.Streaks;

namespace SpineMobility.Tests.Features.Streaks;

internal static class StreakAssert
{
    public static void Same(StreakReport expected, StreakReport actual)
    {
        Assert.Equal(
            (expected.Today, expected.FirstDay, expected.CurrentStreak, expected.LongestStreak, expected.ActiveDays, expected.TotalMinutes, expected.TodayCounted),
            (actual.Today, actual.FirstDay, actual.CurrentStreak, actual.LongestStreak, actual.ActiveDays, actual.TotalMinutes, actual.TodayCounted));
        Assert.Equal(expected.Days, actual.Days);
    }
}
