using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SpineMobility.Web.Data;

/// <summary>
/// Remembers whether the app's latest write reached the database, for the health check: a full disk or a
/// lock held elsewhere shows as Degraded while saves fail, not only when someone happens to look.
/// Registered as an EF Core interceptor on every context.
/// </summary>
public sealed class WriteOutcomes(TimeProvider time) : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    private readonly Lock _lock = new();

    // Transactions in which a command failed: committing what else they did does not make that failure go away.
    private readonly ConditionalWeakTable<DbTransaction, object> _failedIn = new();

    // Outcomes are ordered by a counter, not by the clock, which may stand still (tests) or jump.
    private long _outcomes;
    private long _lastFailure;
    private long _lastSuccess;
    private DateTimeOffset _failedAt;
    private string? _problem;

    /// <summary>The latest write failed, and nothing has been written since: when, and why.</summary>
    public (DateTimeOffset At, string Problem)? CurrentFailure
    {
        get
        {
            lock (_lock)
            {
                return _lastFailure > _lastSuccess ? (_failedAt, _problem!) : null;
            }
        }
    }

    private void Succeeded()
    {
        lock (_lock)
        {
            _lastSuccess = ++_outcomes;
        }
    }

    // A unique or concurrency conflict is an answer from a working database, not a failing one.
    private static bool IsFailure(Exception exception) =>
        exception.IsDatabaseError() && !exception.IsUniqueViolation() && exception is not DbUpdateConcurrencyException;

    private void Failed(Exception exception)
    {
        if (!IsFailure(exception))
        {
            return;
        }

        lock (_lock)
        {
            _lastFailure = ++_outcomes;
            _failedAt = time.GetUtcNow();
            _problem = exception.Describe();
        }
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Succeeded();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Succeeded();
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData.Exception);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    private void Committed(DbTransaction transaction)
    {
        if (!_failedIn.TryGetValue(transaction, out _))
        {
            Succeeded();
        }
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Failed(eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    // Bulk updates and deletes (ExecuteUpdate, ExecuteDelete) are commands outside SaveChanges.
    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Succeeded();
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Succeeded();
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => CommandFailed(command, eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData.Exception);
        return Task.CompletedTask;
    }

    private void CommandFailed(DbCommand command, Exception exception)
    {
        // The players' saves share one transaction, each in a savepoint: one undone save leaves the rest to commit.
        if (command.Transaction is { } transaction && IsFailure(exception))
        {
            _failedIn.AddOrUpdate(transaction, transaction);
        }

        Failed(exception);
    }
}
