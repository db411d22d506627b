using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Settings;
using SpineMobility.Web.Features.Streaks;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Progress;

/// <summary>
/// The numbers behind the progress page. Sessions are aggregated per day in the database, so a user
/// with years of history costs one row per active day, not one per session or exercise.
/// </summary>
public sealed class ProgressData(IDbContextFactory<AppDbContext> dbFactory, SettingsStore settingsStore, TimeProvider time)
{
    public const int HistoryPageSize = 20;

    public async Task<ProgressSnapshot> LoadAsync(Visitor visitor, CancellationToken cancellationToken = default)
    {
        var (rules, zone, today, days, report) = await StreakOfAsync(visitor, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessions = db.CompletedSessions.AsNoTracking().OwnedBy(visitor);
        var weekStart = rules.OrderBy(r => r.EffectiveFrom).Last().WeekStart;
        var thisWeek = StartOfWeek(today, weekStart);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var since = thisWeek < thisMonth ? thisWeek : thisMonth;

        // Per-exercise rows only for this week and month, a bounded number, to split time by region and movement.
        var recent = await (
                from s in sessions
                where s.LocalDate >= since
                from e in s.Exercises
                select new RecentExercise(s.LocalDate, e.Seconds, e.Exercise!.Regions, e.Exercise.Directions))
            .ToListAsync(cancellationToken);

        var checkIns = await sessions
            .Where(s => s.Before != null || s.After != null)
            .OrderByDescending(s => s.FinishedAt)
            .Take(30)
            .Select(s => new CheckInPoint(s.LocalDate, s.Before!.Stiffness, s.After!.Stiffness, s.Before.Pain, s.After.Pain))
            .ToListAsync(cancellationToken);
        checkIns.Reverse();

        return new ProgressSnapshot(
            visitor.IsSignedIn,
            zone,
            report,
            days.ToDictionary(d => d.Date, d => d.TotalSeconds / 60),
            WeeklyMinutes(days, thisWeek, 12),
            Split(recent.Where(r => r.Date >= thisWeek), r => r.Regions),
            Split(recent.Where(r => r.Date >= thisMonth), r => r.Regions),
            Split(recent.Where(r => r.Date >= thisWeek), r => r.Directions),
            Split(recent.Where(r => r.Date >= thisMonth), r => r.Directions),
            checkIns,
            weekStart);
    }

    /// <summary>Just the streak, as the progress page counts it: for the home page's "Day 5".</summary>
    public async Task<StreakReport> StreakAsync(Visitor visitor, CancellationToken cancellationToken = default) =>
        (await StreakOfAsync(visitor, cancellationToken)).Report;

    private async Task<(IReadOnlyList<StreakRule> Rules, string Zone, DateOnly Today, List<DayActivity> Days, StreakReport Report)> StreakOfAsync(
        Visitor visitor, CancellationToken cancellationToken)
    {
        // Signed out, a browser's streak follows the default rules in its own zone.
        var (settings, rules, pauses) = visitor.UserId is { } userId
            ? await settingsStore.StreakInputsAsync(userId, visitor.BrowserTimeZone, cancellationToken)
            : (null, [StreakRule.Default], []);
        var zone = settings?.TimeZone ?? visitor.BrowserTimeZone;
        var today = TimeZones.LocalDate(time.GetUtcNow(), zone);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var days = await db.CompletedSessions.AsNoTracking().OwnedBy(visitor)
            .GroupBy(s => s.LocalDate)
            .Select(g => new DayActivity(g.Key, g.Sum(s => s.ActiveSeconds), g.Max(s => s.ActiveSeconds)))
            .ToListAsync(cancellationToken);

        return (rules, zone, today, days, StreakCalculator.Calculate(days, rules, pauses, today));
    }

    /// <summary>Which side felt tighter in the visitor's per-side exercises, counted per exercise and month in the database.</summary>
    /// <param name="timeZone">The zone the progress page counts days in, which decides the current month.</param>
    public async Task<SideBalance> SidesAsync(Visitor visitor, string timeZone, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = TimeZones.LocalDate(time.GetUtcNow(), timeZone);
        var since = SideBalance.FirstMonth(today);
        var runs = db.SessionRuns.OwnedBy(visitor).Select(r => r.Id);
        var answers = db.SideReports.AsNoTracking().Where(s => runs.Contains(s.RunId));

        // All-time totals need no dates; only the chart's months are split by month, so years of answers stay cheap.
        var totals = await answers
            .GroupBy(s => new { s.ExerciseSlug, s.Tighter })
            .Select(g => new SideTotal(g.Key.ExerciseSlug, g.Key.Tighter, g.Count()))
            .ToListAsync(cancellationToken);
        var recent = await answers
            .Where(s => s.LocalDate >= since)
            .GroupBy(s => new { s.ExerciseSlug, s.LocalDate.Year, s.LocalDate.Month, s.Tighter })
            .Select(g => new SideCount(g.Key.ExerciseSlug, g.Key.Year, g.Key.Month, g.Key.Tighter, g.Count()))
            .ToListAsync(cancellationToken);
        var slugs = totals.Select(c => c.Slug).Distinct().ToList();
        var exercises = (await db.Exercises.AsNoTracking().Where(e => slugs.Contains(e.Slug)).Select(e => new { e.Slug, e.Name, e.Regions }).ToListAsync(cancellationToken))
            .ToDictionary(e => e.Slug, e => (e.Name, (IReadOnlyList<Region>)e.Regions));
        return SideBalance.From(totals, recent, exercises, today);
    }

    /// <summary>The visitor's latest "This hurts" reports, newest first, whether or not the session was recorded.</summary>
    public async Task<IReadOnlyList<PainReport>> RecentPainAsync(Visitor visitor, int count = 10, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = db.SessionRuns.OwnedBy(visitor).Select(r => r.Id);
        return await db.PainReports.AsNoTracking()
            .Where(p => runs.Contains(p.RunId))
            .OrderByDescending(p => p.ReportedAt)
            .Take(count)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The "This hurts" reports and side answers of one of the visitor's sessions, in the order they were given.</summary>
    public async Task<(IReadOnlyList<PainReport> Pain, IReadOnlyList<SideReport> Sides)> ReportsAsync(Visitor visitor, Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = db.SessionRuns.OwnedBy(visitor).Where(r => r.Id == runId).Select(r => r.Id);
        var pain = await db.PainReports.AsNoTracking().Where(p => run.Contains(p.RunId)).OrderBy(p => p.ReportedAt).ToListAsync(cancellationToken);
        var sides = await db.SideReports.AsNoTracking().Where(s => run.Contains(s.RunId)).OrderBy(s => s.BlockIndex).ToListAsync(cancellationToken);
        return (pain, sides);
    }

    /// <summary>One page of the history, newest first.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Visitor visitor, int page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessions = await db.CompletedSessions.AsNoTracking()
            .OwnedBy(visitor)
            .OrderByDescending(s => s.FinishedAt)
            .Skip(page * HistoryPageSize)
            .Take(HistoryPageSize)
            .Select(s => new { s.Id, s.RunId, s.LocalDate, s.FinishedAt, s.TimeZone, s.Title, s.ActiveSeconds, s.Finished, Exercises = s.Exercises.Count, s.Before, s.After })
            .ToListAsync(cancellationToken);

        // The phases of the page's sessions in one more query (SQLite cannot nest them in the first).
        var ids = sessions.Select(s => s.Id).ToList();
        var phases = (await db.Set<CompletedExercise>().AsNoTracking()
                .Where(e => ids.Contains(e.CompletedSessionId))
                .Select(e => new { e.CompletedSessionId, e.Phase })
                .Distinct()
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.CompletedSessionId, e => e.Phase);

        var runIds = sessions.Select(s => s.RunId).ToList();
        var worstPain = (await db.PainReports.AsNoTracking()
                .Where(p => runIds.Contains(p.RunId))
                .GroupBy(p => p.RunId)
                .Select(g => new { RunId = g.Key, Worst = g.Max(p => p.Pain), Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(p => p.RunId, p => new PainNote(p.Worst, p.Count));

        return [.. sessions.Select(s => new HistoryEntry(
            s.RunId, s.LocalDate, s.FinishedAt, s.TimeZone, s.Title, s.ActiveSeconds, s.Finished, s.Exercises, [.. phases[s.Id].Order()], s.Before, s.After,
            worstPain.GetValueOrDefault(s.RunId)))];
    }

    /// <summary>One session of the visitor's, with its exercises; null when there is none they may see.</summary>
    public async Task<CompletedSession?> SessionAsync(Visitor visitor, Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CompletedSessions.AsNoTracking()
            .OwnedBy(visitor)
            .Include(s => s.Exercises).ThenInclude(e => e.Exercise)
            .SingleOrDefaultAsync(s => s.RunId == runId, cancellationToken);
    }

    public static DateOnly StartOfWeek(DateOnly day, DayOfWeek weekStart) =>
        day.AddDays(-(((int)day.DayOfWeek - (int)weekStart + 7) % 7));

    private static IReadOnlyList<WeekMinutes> WeeklyMinutes(IReadOnlyList<DayActivity> days, DateOnly thisWeek, int weeks)
    {
        var first = thisWeek.AddDays(-7 * (weeks - 1));
        var minutes = new int[weeks];
        foreach (var day in days.Where(d => d.Date >= first && d.Date < thisWeek.AddDays(7)))
        {
            minutes[(day.Date.DayNumber - first.DayNumber) / 7] += day.TotalSeconds;
        }

        return [.. minutes.Select((seconds, i) => new WeekMinutes(first.AddDays(7 * i), seconds / 60))];
    }

    private static Dictionary<T, int> Split<T>(IEnumerable<RecentExercise> rows, Func<RecentExercise, IEnumerable<T>> keys)
        where T : struct, Enum
    {
        var seconds = Enum.GetValues<T>().ToDictionary(k => k, _ => 0);
        foreach (var row in rows)
        {
            foreach (var key in keys(row))
            {
                seconds[key] += row.Seconds;
            }
        }

        return seconds.ToDictionary(p => p.Key, p => (int)Math.Round(p.Value / 60.0));
    }

    private sealed record RecentExercise(DateOnly Date, int Seconds, List<Region> Regions, List<MovementDirection> Directions);
}

public sealed record WeekMinutes(DateOnly WeekStart, int Minutes);

public sealed record CheckInPoint(DateOnly Date, int? StiffnessBefore, int? StiffnessAfter, int? PainBefore, int? PainAfter);

public sealed record HistoryEntry(
    Guid RunId,
    DateOnly LocalDate,
    DateTimeOffset FinishedAt,
    string TimeZone,
    string Title,
    int ActiveSeconds,
    bool Finished,
    int ExerciseCount,
    List<SessionPhase> Phases,
    CheckIn? Before,
    CheckIn? After,
    PainNote? Pain = null);

/// <summary>A session's "This hurts" reports in brief: the strongest pain, and how many reports.</summary>
public sealed record PainNote(int Worst, int Reports)
{
    public override string ToString() => Reports == 1 ? $"hurt: {Worst}/10" : $"hurt {Reports} times, up to {Worst}/10";
}

/// <summary>Everything the progress page shows, computed in one go.</summary>
public sealed record ProgressSnapshot(
    bool SignedIn,
    string TimeZone,
    StreakReport Streak,
    IReadOnlyDictionary<DateOnly, int> MinutesByDay,
    IReadOnlyList<WeekMinutes> Weeks,
    IReadOnlyDictionary<Region, int> RegionMinutesThisWeek,
    IReadOnlyDictionary<Region, int> RegionMinutesThisMonth,
    IReadOnlyDictionary<MovementDirection, int> DirectionMinutesThisWeek,
    IReadOnlyDictionary<MovementDirection, int> DirectionMinutesThisMonth,
    IReadOnlyList<CheckInPoint> CheckIns,
    DayOfWeek WeekStart);
