using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>Saves a run's state and, once it is over with an exercise done, records it as a completed session exactly once.</summary>
/// <remarks>
/// Every save goes through one <see cref="RunWriter"/>, which commits the saves of all sessions that are waiting in one
/// transaction; each save stays its own update of its own run's row.
/// </remarks>
public sealed class SessionStore(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<SessionStore> logger) : IAsyncDisposable
{
    private readonly RunWriter _writer = new(dbFactory, logger);

    /// <returns>False when the database could not be written; the caller keeps the state and saves it with the next change.</returns>
    /// <param name="insertions">
    /// When not null, the run's blocks changed too (gentler exercises were put in at these block numbers, in order):
    /// they are saved with the state, and side answers from each point on move one block down.
    /// </param>
    public Task<bool> SaveAsync(SessionRun run, SessionClock clock, IReadOnlyDictionary<string, Exercise> exercises, IReadOnlyList<int>? insertions = null)
    {
        // Everything the save writes is taken now: the session changes on once it is told, and the write may come later.
        var runId = run.Id;
        var state = clock.State;
        var now = time.GetUtcNow();
        var blocks = insertions is null ? null : run.Blocks.ToList();
        var moves = insertions?.ToList();
        var completed = state.IsOver && state.DoneSteps.Count > 0 ? Completed(run, clock, exercises) : null;
        return _writer.SaveAsync(runId, async db =>
        {
            await db.SessionRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.State, state)
                .SetProperty(r => r.Status, state.Status)
                .SetProperty(r => r.UpdatedAt, now));
            if (blocks is not null)
            {
                await db.SessionRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(set => set.SetProperty(r => r.Blocks, blocks));
                foreach (var at in moves!)
                {
                    // Two steps, through negative numbers, so the unique (RunId, BlockIndex) never sees two rows at once.
                    await db.SideReports.Where(s => s.RunId == runId && s.BlockIndex >= at)
                        .ExecuteUpdateAsync(set => set.SetProperty(s => s.BlockIndex, s => -s.BlockIndex - 2));
                    await db.SideReports.Where(s => s.RunId == runId && s.BlockIndex < 0)
                        .ExecuteUpdateAsync(set => set.SetProperty(s => s.BlockIndex, s => -s.BlockIndex - 1));
                }
            }

            if (completed is not null)
            {
                await RecordOnceAsync(db, completed);
            }
        });
    }

    private static async Task RecordOnceAsync(AppDbContext db, CompletedSession completed)
    {
        if (await db.CompletedSessions.AnyAsync(s => s.RunId == completed.RunId))
        {
            return;
        }

        // The owner may have changed since the run was loaded: the user signed in meanwhile.
        var owner = await db.SessionRuns.Where(r => r.Id == completed.RunId).Select(r => new { r.UserId, r.BrowserKey }).SingleAsync();
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
            if (!await db.CompletedSessions.AnyAsync(s => s.RunId == completed.RunId))
            {
                throw;
            }
        }
        finally
        {
            // The same record is built afresh for a later save if this one is not committed.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Keeps which side felt tighter in block <paramref name="blockIndex"/>, replacing an earlier answer for it.</summary>
    /// <returns>False when the database could not be written.</returns>
    public Task<bool> SaveSideAsync(SessionRun run, int blockIndex, TighterSide tighter)
    {
        var runId = run.Id;
        var slug = run.Blocks[blockIndex].Slug;
        var now = time.GetUtcNow();
        var localDate = TimeZones.LocalDate(now, run.TimeZone);
        return _writer.SaveAsync(runId, async db =>
        {
            var report = await db.SideReports.SingleOrDefaultAsync(s => s.RunId == runId && s.BlockIndex == blockIndex);
            if (report is null)
            {
                report = new SideReport { RunId = runId, BlockIndex = blockIndex, ExerciseSlug = slug };
                db.SideReports.Add(report);
            }

            report.Tighter = tighter;
            report.ReportedAt = now;
            report.LocalDate = localDate;
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        });
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

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
}
