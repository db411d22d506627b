using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SpineMobility.Web.Data;

public static class DatabaseErrors
{
    /// <summary>
    /// The database could not be read or written just now (busy, full, locked, a constraint). EF wraps
    /// only failed writes in <see cref="DbUpdateException"/>; opening and reading throw <see cref="SqliteException"/>.
    /// A page shows these as "please try again" instead of losing its connection.
    /// </summary>
    public static bool IsDatabaseError(this Exception exception) => exception is SqliteException or DbUpdateException;

    /// <summary>
    /// A write refused because a row with the same unique key is already there (not any other constraint: a foreign
    /// key, a NOT NULL, a CHECK or a trigger's refusal are failures to report).
    /// </summary>
    public static bool IsUniqueViolation(this Exception exception) =>
        (exception as DbUpdateException)?.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey }
        || exception is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey };

    // https://www.sqlite.org/rescode.html
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;
}
