using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>How a save of a run's state went.</summary>
public enum SaveOutcome
{
    Saved,

    /// <summary>The run moved on since it was read (another instance saved it): nothing was written; read it again.</summary>
    Conflict,

    /// <summary>The database could not be written; the caller keeps the state and saves it with the next change.</summary>
    Failed,
}

/// <summary>Saves a run's state and, once it is over with an exercise done, records it as a completed session exactly once.</summary>
public sealed partial class SessionStore(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<SessionStore> logger)
{
    /// <summary>
    /// Saves the state over the version of the run that <paramref name="run"/> was read at (<see cref="SessionRun.Version"/>,
    /// counted up on success), and nothing when another save came first: then the caller reads the run again and applies
    /// its change to what is there.
    /// </summary>
    /// <param name="insertions">
    /// When not null, the run's blocks changed too (gentler exercises were put in at these block numbers, in order):
    /// they are saved with the state, and side answers from each point on move one block down.
    /// </param>
    public async Task<SaveOutcome> SaveAsync(SessionRun run, SessionClock clock, IReadOnlyDictionary<string, Exercise> exercises, IReadOnlyList<int>? insertions = null)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var state = clock.State;
            var now = time.GetUtcNow();
            var version = run.Version;
            var saved = await db.SessionRuns.Where(r => r.Id == run.Id && r.Version == version).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.State, state)
                .SetProperty(r => r.Status, state.Status)
                .SetProperty(r => r.UpdatedAt, now)
                .SetProperty(r => r.Version, version + 1));
            if (saved == 0)
            {
                return SaveOutcome.Conflict;
            }

            if (insertions is not null)
            {
                var blocks = run.Blocks.ToList();
                await db.SessionRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.Blocks, blocks));
                foreach (var at in insertions)
                {
                    // Two steps, through negative numbers, so the unique (RunId, BlockIndex) never sees two rows at once.
                    await db.SideReports.Where(s => s.RunId == run.Id && s.BlockIndex >= at)
                        .ExecuteUpdateAsync(set => set.SetProperty(s => s.BlockIndex, s => -s.BlockIndex - 2));
                    await db.SideReports.Where(s => s.RunId == run.Id && s.BlockIndex < 0)
                        .ExecuteUpdateAsync(set => set.SetProperty(s => s.BlockIndex, s => -s.BlockIndex - 1));
                }
            }

            if (state.IsOver && state.DoneSteps.Count > 0 && !await db.CompletedSessions.AnyAsync(s => s.RunId == run.Id))
            {
                // The owner may have changed since the run was loaded: the user signed in meanwhile.
                var owner = await db.SessionRuns.Where(r => r.Id == run.Id).Select(r => new { r.UserId, r.BrowserKey }).SingleAsync();
                var completed = Completed(run, clock, exercises);
                completed.UserId = owner.UserId;
                completed.BrowserKey = owner.BrowserKey;
                db.CompletedSessions.Add(completed);
                await db.SaveChangesAsync();
            }

            await transaction.CommitAsync();
            run.Version = version + 1;
            return SaveOutcome.Saved;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another save recorded this run first (unique RunId): it is recorded once, as it should be, and this
            // save's transaction is gone with the refusal, so the caller reads what that save left.
            return SaveOutcome.Conflict;
        }
        catch (Exception e) when (e.IsDatabaseError() || e is InvalidOperationException)
        {
            LogSaveFailed(logger, e, run.Id);
            return SaveOutcome.Failed;
        }
    }

    /// <summary>The run as saved now, with the catalog entries of its exercises and its side answers, or null when it is gone.</summary>
    public async Task<(SessionRun Run, Dictionary<string, Exercise> Exercises, Dictionary<int, TighterSide> Sides)?> ReloadAsync(Guid runId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var run = await db.SessionRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId);
        if (run is null)
        {
            return null;
        }

        var slugs = run.Blocks.Select(b => b.Slug).Distinct().ToList();
        var exercises = await db.Exercises.AsNoTracking().Where(e => slugs.Contains(e.Slug)).ToDictionaryAsync(e => e.Slug, StringComparer.Ordinal);
        var sides = await db.SideReports.AsNoTracking().Where(s => s.RunId == runId).ToDictionaryAsync(s => s.BlockIndex, s => s.Tighter);
        return (run, exercises, sides);
    }

    /// <summary>The saved version of a run (a cheap read to tell whether a reload is needed), or null when it is gone.</summary>
    public async Task<int?> VersionAsync(Guid runId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.SessionRuns.Where(r => r.Id == runId).Select(r => (int?)r.Version).SingleOrDefaultAsync();
    }

    /// <summary>Keeps which side felt tighter in block <paramref name="blockIndex"/>, replacing an earlier answer for it.</summary>
    /// <returns>False when the database could not be written.</returns>
    public async Task<bool> SaveSideAsync(SessionRun run, int blockIndex, TighterSide tighter)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var now = time.GetUtcNow();
            var report = await db.SideReports.SingleOrDefaultAsync(s => s.RunId == run.Id && s.BlockIndex == blockIndex);
            if (report is null)
            {
                report = new SideReport { RunId = run.Id, BlockIndex = blockIndex, ExerciseSlug = run.Blocks[blockIndex].Slug };
                db.SideReports.Add(report);
            }

            report.Tighter = tighter;
            report.ReportedAt = now;
            report.LocalDate = TimeZones.LocalDate(now, run.TimeZone);
            await db.SaveChangesAsync();
            return true;
        }
        catch (Exception e) when (e.IsDatabaseError() || e is InvalidOperationException)
        {
            LogSaveFailed(logger, e, run.Id);
            return false;
        }
    }

    internal static CompletedSession Completed(SessionRun run, SessionClock clock, IReadOnlyDictionary<string, Exercise> exercises)
    {
        var state = clock.State;
        var finishedAt = state.FinishedAt!.Value;
        var done = state.DoneSteps
            .Select(d => clock.Timeline.Steps[d.StepIndex])
            .Zip(state.DoneSteps, (step, d) => (step.Block, d.Seconds))
            .GroupBy(x => (x.Block.Slug, x.Block.Phase))
            .Where(g => exercises.ContainsKey(g.Key.Slug))
            .Select(g => new CompletedExercise { ExerciseId = exercises[g.Key.Slug].Id, Phase = g.Key.Phase, Seconds = g.Sum(x => x.Seconds) });

        return new CompletedSession
        {
            RunId = run.Id,
            BrowserKey = run.BrowserKey,
            UserId = run.UserId,
            Title = run.Title,
            StartedAt = state.StartedAt ?? finishedAt,
            FinishedAt = finishedAt,
            LocalDate = TimeZones.LocalDate(finishedAt, run.TimeZone),
            TimeZone = TimeZones.KnownOrUtc(run.TimeZone),
            ActiveSeconds = (int)Math.Round(state.ActiveTime.TotalSeconds),
            PlannedSeconds = (int)clock.Timeline.Total.TotalSeconds,
            Finished = state.Status == SessionStatus.Completed,
            Before = run.Before?.Copy(),
            Exercises = [.. done],
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not save session {RunId}; its state is kept in memory and saved with the next change")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, Guid runId);
}
