using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SpineMobility.Testing;

/// <summary>Holds the next query that reads <c>Table</c> until released: a database call that takes as long as a test needs.</summary>
public sealed class HeldReads : DbCommandInterceptor
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _table;

    /// <summary>Completes when a query is being held.</summary>
    public Task Holding => _holding.Task;

    public void HoldNext(string table) => _table = table;

    public void Release() => _released.TrySetResult();

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_table is { } table && command.CommandText.Contains($"\"{table}\"", StringComparison.Ordinal))
        {
            _table = null;
            _holding.TrySetResult();
            // Like a busy database, it does not notice the caller giving up.
            await _released.Task;
        }

        return result;
    }
}
