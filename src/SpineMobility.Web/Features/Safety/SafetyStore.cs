using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Safety;

/// <summary>The red-flag screenings and "This hurts" reports of a visitor, and whether the screening is due.</summary>
public sealed class SafetyStore(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Whether the screening must be answered before the visitor's next session, and why.</summary>
    public async Task<ScreeningNeed> NeedAsync(Visitor visitor, CancellationToken cancellationToken = default) =>
        (await CheckAsync(visitor, cancellationToken)).Need;

    /// <summary>Whether the screening is due, with the latest answers it was worked out from.</summary>
    public async Task<(ScreeningNeed Need, SafetyScreening? Latest)> CheckAsync(Visitor visitor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.SafetyScreenings.AsNoTracking().OwnedBy(visitor)
            .OrderByDescending(s => s.TakenAt).FirstOrDefaultAsync(cancellationToken);
        var lastHighPain = latest is null ? null : await LastHighPainAsync(db, visitor, cancellationToken);
        return (ScreeningRules.Need(latest, lastHighPain), latest);
    }

    /// <summary>Every screening the visitor answered, newest first.</summary>
    public async Task<IReadOnlyList<SafetyScreening>> HistoryAsync(Visitor visitor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SafetyScreenings.AsNoTracking().OwnedBy(visitor)
            .OrderByDescending(s => s.TakenAt).ToListAsync(cancellationToken);
    }

    /// <summary>Keeps a complete set of answers. Throws when a question is unanswered, naming it.</summary>
    public async Task<SafetyScreening> SaveScreeningAsync(Visitor visitor, ScreeningReason reason, IReadOnlyDictionary<RedFlag, bool?> answers, CancellationToken cancellationToken = default)
    {
        var outcome = ScreeningRules.Evaluate(answers);
        if (!outcome.IsComplete)
        {
            throw new ArgumentException(string.Join(" ", outcome.Problems), nameof(answers));
        }

        var screening = new SafetyScreening
        {
            BrowserKey = visitor.BrowserKey,
            UserId = visitor.UserId,
            TakenAt = time.GetUtcNow(),
            Reason = reason,
            YesTo = [.. outcome.YesTo],
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.SafetyScreenings.Add(screening);
        await db.SaveChangesAsync(cancellationToken);
        return screening;
    }

    /// <summary>Keeps a "This hurts" report with its session. Throws when the rating is out of range.</summary>
    public async Task<PainReport> ReportPainAsync(PainReport report, CancellationToken cancellationToken = default)
    {
        if (report.Pain is < 0 or > CheckIn.Max)
        {
            throw new ArgumentException($"Pain is rated 0 to {CheckIn.Max}, not {report.Pain}.", nameof(report));
        }

        report.ReportedAt = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.PainReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>Adds to a report what the user chose to do about the pain.</summary>
    public async Task RecordChoiceAsync(int reportId, PainChoice choice, Exercises.Exercise? easier, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.PainReports.Where(p => p.Id == reportId).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.Choice, choice)
            .SetProperty(p => p.EasierSlug, easier == null ? null : easier.Slug)
            .SetProperty(p => p.EasierName, easier == null ? null : easier.Name), cancellationToken);
    }

    /// <summary>The latest report of pain at or above <see cref="ScreeningRules.HighPain"/>: in the player, or after a session.</summary>
    private static async Task<DateTimeOffset?> LastHighPainAsync(AppDbContext db, Visitor visitor, CancellationToken cancellationToken)
    {
        var runs = db.SessionRuns.OwnedBy(visitor).Select(r => r.Id);
        var inPlayer = await db.PainReports.Where(p => runs.Contains(p.RunId) && p.Pain >= ScreeningRules.HighPain)
            .OrderByDescending(p => p.ReportedAt).Select(p => (DateTimeOffset?)p.ReportedAt).FirstOrDefaultAsync(cancellationToken);
        var afterSession = await db.CompletedSessions.OwnedBy(visitor)
            .Where(s => s.After != null && s.After.Pain >= ScreeningRules.HighPain)
            .Select(s => s.AfterSavedAt ?? s.FinishedAt)
            .OrderByDescending(at => at).Select(at => (DateTimeOffset?)at).FirstOrDefaultAsync(cancellationToken);
        return (inPlayer, afterSession) switch
        {
            (null, var after) => after,
            (var player, null) => player,
            var (player, after) => player > after ? player : after,
        };
    }
}
