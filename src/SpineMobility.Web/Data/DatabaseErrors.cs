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
}
