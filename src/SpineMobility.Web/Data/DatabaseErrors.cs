using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SpineMobility.Web.Data;

/// <summary>What a failure from either database provider means, told apart in this one place.</summary>
public static class DatabaseErrors
{
    // SQLite result codes (https://sqlite.org/rescode.html).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>
    /// The database could not be read or written just now (busy, full, locked, read-only, unreachable, a
    /// constraint). EF wraps only failed writes in <see cref="DbUpdateException"/>; opening and reading throw
    /// the provider's <see cref="DbException"/>, which Npgsql's execution strategy wraps in an
    /// <see cref="InvalidOperationException"/> when it looks transient. A page shows these as "please try again"
    /// instead of losing its connection.
    /// </summary>
    public static bool IsDatabaseError(this Exception exception) => exception is DbUpdateException || ProviderError(exception) is not null;

    /// <summary>A row with the same unique key exists already (another tab or instance wrote it first).</summary>
    public static bool IsUniqueViolation(this Exception exception) => ProviderError(exception) switch
    {
        SqliteException e => e.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException e => e.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>Another writer held the database (or the rows) for longer than a write waits: trying again later can work.</summary>
    public static bool IsBusy(this Exception exception) => ProviderError(exception) switch
    {
        SqliteException e => e.SqliteErrorCode is SqliteBusy or SqliteLocked,
        PostgresException e => e.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.QueryCanceled,
        NpgsqlException e => e.InnerException is TimeoutException,
        _ => false,
    };

    /// <summary>The provider's own message, on one line ("SQLite Error 8: 'attempt to write a readonly database'.").</summary>
    public static string Describe(this Exception exception)
    {
        var error = (Exception?)ProviderError(exception) ?? exception;
        var message = error is PostgresException postgres ? $"{postgres.SqlState}: {postgres.MessageText}" : error.Message;
        if (error.InnerException is { } inner && error is NpgsqlException and not PostgresException)
        {
            message = $"{message} ({inner.Message})";
        }

        return string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>The provider's exception, which EF wraps when a save fails.</summary>
    private static DbException? ProviderError(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DbException provider)
            {
                return provider;
            }
        }

        return null;
    }
}
