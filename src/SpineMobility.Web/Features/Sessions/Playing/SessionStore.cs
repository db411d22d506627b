using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>Saves a run's state and, once it is over with an exercise done, records it as a completed session exactly once.</summary>
/// <remarks>
/// Every save goes through one <see cref="RunWriter"/>, which commits the saves of all sessions that are waiting in one
/// transaction; each save stays its own update of its own run's row. Each save is made over the version of the run it
/// was read at (<see cref="SessionRun.Version"/>) and counts it up; when another instance saved first, nothing is
/// written and the caller is told <see cref="SaveOutcome.Conflict"/>. After a commit, the other instances are told
/// (<see cref="SessionSync.Saved"/>), without the caller waiting for it.
/// </remarks>
public sealed class SessionStore(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<SessionStore> logger, SessionSync? sync = null) : IAsyncDisposable
{
    private readonly RunWriter _writer = new(dbFactory, logger);
    private readonly SessionSync _sync = sync ?? SessionSync.Local;

    /// <summary>Saves the state over <see cref="SessionRun.Version"/> of <paramref name="run"/>, which counts up when it is saved.</summary>
    /// <returns>
    /// <see cref="SaveOutcome.Failed"/> when the database could not be written (the caller keeps the state and saves it
    /// with the next change); <see cref="SaveOutcome.Conflict"/> when the run had moved on (the caller reads it again).
    /// </returns>
    /// <param name="insertions">
    /// When not null, the run's blocks changed too (gentler exercises were put in at these block numbers, in order):
    /// they are saved with the state, and side answers from each point on move one block down.
    /// </param>
    public async Task<SaveOutcome> SaveAsync(SessionRun run, SessionClock clock, IReadOnlyDictionary<string, Exercise> exercises, IReadOnlyList<int>? insertions = null)
    {
        // Everything the save writes is taken now: the session changes on once it is told, and the write may come later.
        var runId = run.Id;
        var version = run.Version;
        var state = clock.State;
        var now = time.GetUtcNow();
        var blocks = insertions is null ? null : run.Blocks.ToList();
        var moves = insertions?.ToList();
        var completed = state.IsOver && state.DoneSteps.Count > 0 ? Completed(run, clock, exercises) : null;
        var outcome = await _writer.SaveAsync(runId, async db =>
        {
            var updated = await db.SessionRuns.Where(r => r.Id == runId && r.Version == version).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.State, state)
                .SetProperty(r => r.Status, state.Status)
                .SetProperty(r => r.UpdatedAt, now)
                .SetProperty(r => r.Version, version + 1));
            if (updated == 0)
            {
                // Another instance saved it first (or the run is gone with its account): nothing is written.
                return false;
            }

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

            return true;
        });
        return Saved(run, version, outcome);
    }

    /// <summary>After a save's commit: the run is at the next version, and the other instances hear of it.</summary>
    private SaveOutcome Saved(SessionRun run, int version, SaveOutcome outcome)
    {
        if (outcome == SaveOutcome.Saved)
        {
            run.Version = version + 1;
            _sync.Saved(run.Id, version + 1);
        }

        return outcome;
    }

    /// <summary>The run as saved now, with the catalog entries of its exercises (its own ones included) and its side answers; null when it is gone.</summary>
    public async Task<SavedRun?> ReloadAsync(Guid runId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await ReadAsync(db, runId);
    }

    /// <summary>
    /// A run as saved, with what its player needs: its exercises (own ones from the run's copy), side answers, and the
    /// safety answers that ended it, if a red flag did. Null when the run is gone.
    /// </summary>
    internal static async Task<SavedRun?> ReadAsync(AppDbContext db, Guid runId, CancellationToken cancellationToken = default)
    {
        var run = await db.SessionRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var slugs = run.Blocks.Select(b => b.Slug).Distinct().ToList();
        var exercises = await db.Exercises.AsNoTracking().Where(e => slugs.Contains(e.Slug)).ToDictionaryAsync(e => e.Slug, StringComparer.Ordinal, cancellationToken);
        foreach (var (key, content) in run.OwnExercises)
        {
            if (Programs.OwnExerciseStore.Read(key, content) is { } own)
            {
                exercises[key] = own;
            }
        }

        var sides = await db.SideReports.AsNoTracking().Where(s => s.RunId == runId).ToDictionaryAsync(s => s.BlockIndex, s => s.Tighter, cancellationToken);

        // A session a red flag ended shows the advice in every tab, on every instance, and again when it is reopened.
        var safetyStop = await db.PainReports.AnyAsync(p => p.RunId == runId && p.Choice == PainChoice.StoppedForSafety, cancellationToken)
            ? await db.SafetyScreenings.AsNoTracking().OwnedBy(new Visitor(run.BrowserKey, run.UserId)).OrderByDescending(s => s.TakenAt).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new SavedRun(run, exercises, sides, safetyStop);
    }

    /// <summary>The saved version of a run (a cheap read to tell whether to read it again), or null when it is gone.</summary>
    public async Task<int?> VersionAsync(Guid runId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.SessionRuns.Where(r => r.Id == runId).Select(r => (int?)r.Version).SingleOrDefaultAsync();
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

    /// <summary>
    /// Keeps which side felt tighter in block <paramref name="blockIndex"/>, replacing an earlier answer for it; a change
    /// of the run like any other, made over its version (block numbers are only sure on the plan of that version).
    /// </summary>
    public async Task<SaveOutcome> SaveSideAsync(SessionRun run, int blockIndex, TighterSide tighter)
    {
        var runId = run.Id;
        var version = run.Version;
        var slug = run.Blocks[blockIndex].Slug;
        var now = time.GetUtcNow();
        var localDate = TimeZones.LocalDate(now, run.TimeZone);
        var outcome = await _writer.SaveAsync(runId, async db =>
        {
            if (await db.SessionRuns.Where(r => r.Id == runId && r.Version == version).ExecuteUpdateAsync(set => set.SetProperty(r => r.Version, version + 1)) == 0)
            {
                return false;
            }

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
            return true;
        });
        return Saved(run, version, outcome);
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

/// <summary>A run as saved, read again after another instance changed it.</summary>
public sealed record SavedRun(SessionRun Run, Dictionary<string, Exercise> Exercises, Dictionary<int, TighterSide> Sides, SafetyScreening? SafetyStop = null);
