using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SpineMobility.Web.Data;

namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>
/// The one writer of the players' saves (group commit): it takes every save that is waiting, writes them all in one
/// transaction, commits, and only then tells each caller. A thousand sessions changing step each second then cost a few
/// commits a second instead of a thousand write transactions queueing for SQLite's single write lock (each waiting in
/// busy retries behind the others).
/// </summary>
/// <remarks>
/// Each save is still its own statements on its own run's row, inside a savepoint: a save the database refuses (a
/// constraint, a row locked by another instance) is undone alone and only its caller is told, while a transaction that
/// cannot begin or commit fails every caller in it, so nobody is told that a state was saved that was not. A caller
/// told <see cref="SaveOutcome.Failed"/> keeps its state and saves it whole with its next change, as before. A save
/// whose statements find the run moved on (its version check matched no row) is undone alone too, and its caller is
/// told <see cref="SaveOutcome.Conflict"/>: not a failure, but a reason to read the run again.
/// </remarks>
public sealed partial class RunWriter(IDbContextFactory<AppDbContext> dbFactory, ILogger logger) : IAsyncDisposable
{
    /// <summary>A bound on one transaction, so a backlog is written in a few commits rather than one very long one.</summary>
    internal const int MaxBatch = 500;

    private readonly Lock _lock = new();
    private readonly Queue<PendingSave> _pending = new();

    /// <summary>Completes when the writing under way has written everything (under <see cref="_lock"/>; null while none is).</summary>
    private TaskCompletionSource? _writing;
    private bool _closed;

    /// <summary>
    /// Queues <paramref name="write"/> (the statements of one save, on the batch's context and inside its transaction)
    /// and completes once the transaction holding it has committed: <see cref="SaveOutcome.Saved"/>, or why not.
    /// <paramref name="write"/> returns false when the run had moved on (its version check matched nothing): then
    /// whatever it wrote is undone and the outcome is <see cref="SaveOutcome.Conflict"/>.
    /// </summary>
    /// <remarks>
    /// When no transaction is being written, the caller writes at once (with whatever else is waiting), so a lone save
    /// costs what it did before; saves that come while one is written wait for the next transaction, which takes them all.
    /// </remarks>
    /// <exception cref="ObjectDisposedException">The app is shutting down.</exception>
    public Task<SaveOutcome> SaveAsync(Guid runId, Func<AppDbContext, Task<bool>> write)
    {
        var save = new PendingSave(runId, write);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _pending.Enqueue(save);
            if (_writing is not null)
            {
                return save.Outcome.Task;
            }

            _writing = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _ = WriteAllAsync();
        return save.Outcome.Task;
    }

    /// <summary>Writes batches until nothing waits; only the first runs on the leading caller's own thread.</summary>
    private async Task WriteAllAsync()
    {
        var batch = new List<PendingSave>();
        for (var first = true; ; first = false)
        {
            lock (_lock)
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _pending.TryDequeue(out var save))
                {
                    batch.Add(save);
                }

                if (batch.Count == 0)
                {
                    _writing!.TrySetResult();
                    _writing = null;
                    return;
                }
            }

            if (!first)
            {
                // The leading caller has its answer: later batches are written on the thread pool, not in its call.
                await Task.Yield();
            }

            await WriteAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(List<PendingSave> batch)
    {
        var outcomes = new SaveOutcome[batch.Count];
        try
        {
            var db = await dbFactory.CreateDbContextAsync().ConfigureAwait(false);
            await using var dbScope = db.ConfigureAwait(false);
            var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                await transaction.CreateSavepointAsync(SavepointName).ConfigureAwait(false);
                try
                {
                    if (await batch[i].Write(db).ConfigureAwait(false))
                    {
                        await transaction.ReleaseSavepointAsync(SavepointName).ConfigureAwait(false);
                        outcomes[i] = SaveOutcome.Saved;
                    }
                    else
                    {
                        // Another instance saved the run first: nothing of this save stays, the rest of the batch goes on.
                        await transaction.RollbackToSavepointAsync(SavepointName).ConfigureAwait(false);
                        db.ChangeTracker.Clear();
                        outcomes[i] = SaveOutcome.Conflict;
                    }
                }
                catch (Exception e) when (e.IsDatabaseError())
                {
                    // Only this save is undone and the others in the transaction go on, unless the database ended the
                    // whole transaction with it (PostgreSQL does on some errors): then none of the batch is saved.
                    if (!await TryRollBackToSavepointAsync(transaction).ConfigureAwait(false))
                    {
                        ExceptionDispatchInfo.Throw(e);
                    }

                    db.ChangeTracker.Clear();
                    LogSaveFailed(logger, e, batch[i].RunId);
                }
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e.IsDatabaseError())
        {
            // Not committed: nothing of this batch is saved, whatever each save did inside it.
            Array.Fill(outcomes, SaveOutcome.Failed);
            LogBatchFailed(logger, e, batch.Count);
        }
        catch (Exception e)
        {
            // A fault in the app, not the database: each caller sees it, as it would have from its own write.
            foreach (var save in batch)
            {
                save.Outcome.TrySetException(e);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Outcome.TrySetResult(outcomes[i]);
        }
    }

    private const string SavepointName = "run_save";

    private static async Task<bool> TryRollBackToSavepointAsync(IDbContextTransaction transaction)
    {
        try
        {
            await transaction.RollbackToSavepointAsync(SavepointName).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException || e.IsDatabaseError())
        {
            return false;
        }
    }

    /// <summary>Writes what is still queued, then stops; saves asked for after this throw <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? writing;
        lock (_lock)
        {
            _closed = true;
            writing = _writing?.Task;
        }

        if (writing is not null)
        {
            await writing;
        }
    }

    private sealed record PendingSave(Guid RunId, Func<AppDbContext, Task<bool>> Write)
    {
        // Callers carry on on their own threads, not on the writer's.
        public TaskCompletionSource<SaveOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not save session {RunId}; its state is kept in memory and saved with the next change")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not commit the saves of {Count} sessions; each keeps its state in memory and saves it with its next change")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
