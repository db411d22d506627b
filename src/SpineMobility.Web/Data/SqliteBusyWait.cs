using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SpineMobility.Web.Data;

/// <summary>
/// Lets SQLite itself wait for another writer (<c>PRAGMA busy_timeout</c>), which it does in steps of a few
/// milliseconds and takes the lock as soon as it is free. Without it, Microsoft.Data.Sqlite retries a busy
/// database by sleeping 150 ms at a time, so every write that met another came back 150, 300, 450 ms late.
/// </summary>
internal sealed class SqliteBusyWait : DbConnectionInterceptor
{
    public static readonly SqliteBusyWait Instance = new();

    private static readonly string Pragma = $"PRAGMA busy_timeout = {(int)AppDatabase.WriteWait.TotalMilliseconds};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // SQLite runs a pragma in place, without I/O: there is nothing to wait for asynchronously.
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }
}
