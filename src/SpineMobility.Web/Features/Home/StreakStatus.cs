using SpineMobility.Web.Features.Streaks;

namespace SpineMobility.Web.Features.Home;

/// <summary>Today's streak in one line, for a returning user on the home page.</summary>
public static class StreakStatus
{
    /// <summary>"Day 5 — do today's session to keep it", "Day 5 — done today"; null for someone with no sessions yet.</summary>
    public static string? Of(StreakReport report) => report switch
    {
        { ActiveDays: 0 } => null,
        { TodayCounted: true } => $"Day {report.CurrentStreak} — done today",
        { CurrentStreak: > 0 } => $"Day {report.CurrentStreak + 1} — do today's session to keep it",
        _ => "Do a session today to start a new streak",
    };
}
