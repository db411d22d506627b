using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>Saves a run's state and, once it is over with an exercise done, records it as a completed session exactly once.</summary>
public sealed partial class SessionStore(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<SessionStore> logger)
{
    /// <returns>False when the database could not be written; the caller keeps the state and saves it with the next change.</returns>
    /// <param name="insertions">
    /// When not null, the run's blocks changed too (gentler exercises were put in at these block numbers, in order):
    /// they are saved with the state, and side answers from each point on move one block down.
    /// </param>
    public async Task<bool> SaveAsync(SessionRun run, SessionClock clock, IReadOnlyDictionary<string, Exercise> exercises, IReadOnlyList<int>? insertions = null)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var state = clock.State;
            var now = time.GetUtcNow();
            await db.SessionRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.State, state)
                .SetProperty(r => r.Status, state.Status)
                .SetProperty(r => r.UpdatedAt, now));
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
                try
                {
                    // Inside the transaction EF saves to a savepoint and goes back to it on failure, so the state above stays.
                    await db.SaveChangesAsync();
                }
                catch (DbUpdateException e) when (e.IsUniqueViolation())
                {
                    // Another writer may have recorded this run between the check and the insert (the run is recorded
                    // once). Only a record that is really there makes that so; any other refusal is a failure.
                    db.ChangeTracker.Clear();
                    if (!await db.CompletedSessions.AnyAsync(s => s.RunId == run.Id))
                    {
                        throw;
                    }
                }
            }

            await transaction.CommitAsync();
            return true;
        }
        catch (Exception e) when (e.IsDatabaseError())
        {
            LogSaveFailed(logger, e, run.Id);
            return false;
        }
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
        catch (Exception e) when (e.IsDatabaseError())
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
