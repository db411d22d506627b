using System.Collections.Concurrent;
using Npgsql;

namespace SpineMobility.Web.Data;

/// <summary>
/// Timer leases as PostgreSQL advisory locks, held on one connection of this instance's own: a lock is the lease, and
/// it ends with the connection, so an instance that dies (or loses the database) lets go of every timer it ran at
/// once, without anybody waiting for a lease to expire. Every <see cref="Retry"/> the runs wanted but not held are tried
/// again in one query; whichever instance gets a lock first runs that timer.
/// </summary>
/// <remarks>
/// The lock key is the run id's last 8 bytes (random in a version-7 id) as one bigint, a key space apart from the
/// app's two-part keys (<see cref="PostgresDatabase.LockSpace"/>). The hold is only about who runs the timer:
/// every change is still saved with its version check, so even two timers at once could not move a session twice.
/// </remarks>
public sealed partial class PostgresTimerLeases(PostgresDatabase database, ILogger<PostgresTimerLeases> logger) : TimerLeases
{
    /// <summary>How often runs wanted but held elsewhere are tried again; a dead holder's timers move within this.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    /// <summary>The timer connection's application name: this prefix and the process id.</summary>
    public const string ApplicationNamePrefix = "spinemobility timers pid ";

    private readonly ConcurrentDictionary<Guid, Wanted> _wanted = new();
    private readonly SemaphoreSlim _connectionGate = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private NpgsqlConnection? _connection;

    public override IDisposable Want(Guid runId, Action granted)
    {
        var wanted = new Wanted(runId, granted);
        _wanted[runId] = wanted;
        _wake.Release();
        return new Unwant(this, wanted);
    }

    public override bool Holds(Guid runId) => _wanted.TryGetValue(runId, out var wanted) && wanted.Held;

    /// <summary>Whether this instance holds any timer (for tests).</summary>
    internal int HeldCount => _wanted.Values.Count(w => w.Held);

    internal static long KeyOf(Guid runId) => BitConverter.ToInt64(runId.ToByteArray(), 8);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await AcquireWantedAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e.IsDatabaseError() || e is IOException or TimeoutException or InvalidOperationException)
            {
                // The connection, and with it every lock, is gone: nothing is held until it is back.
                LogLeasesLost(logger, e.Describe());
                await DropConnectionAsync();
            }

            try
            {
                await _wake.WaitAsync(Retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await DropConnectionAsync();
    }

    private async Task AcquireWantedAsync(CancellationToken cancellationToken)
    {
        var missing = _wanted.Values.Where(w => !w.Held).ToList();
        await _connectionGate.WaitAsync(cancellationToken);
        List<Wanted> won;
        try
        {
            var connection = await ConnectionAsync(cancellationToken);

            // Also proves the connection alive, so a lost one is noticed within a retry even with nothing to acquire.
            await using var command = new NpgsqlCommand("SELECT k FROM unnest(@keys) AS k WHERE pg_try_advisory_lock(k)", connection);
            command.Parameters.AddWithValue("keys", missing.Select(w => KeyOf(w.RunId)).ToArray());
            var acquired = new HashSet<long>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    acquired.Add(reader.GetInt64(0));
                }
            }

            won = [];
            foreach (var wanted in missing.Where(w => acquired.Contains(KeyOf(w.RunId))))
            {
                if (_wanted.TryGetValue(wanted.RunId, out var current) && ReferenceEquals(current, wanted))
                {
                    wanted.Held = true;
                    won.Add(wanted);
                }
                else
                {
                    // Let go of meanwhile: give the lock back at once.
                    await UnlockAsync(connection, wanted.RunId, cancellationToken);
                }
            }
        }
        finally
        {
            _connectionGate.Release();
        }

        foreach (var wanted in won)
        {
            wanted.Granted();
        }
    }

    private async Task<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { State: System.Data.ConnectionState.Open } open)
        {
            return open;
        }

        await DropConnectionCoreAsync();
        // Not pooled (a returned connection would keep its locks); keepalive notices a vanished server within seconds.
        // Named after the process, so whoever looks at pg_locks and pg_stat_activity sees which instance runs which timer.
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 5,
            ApplicationName = $"{ApplicationNamePrefix}{Environment.ProcessId}",
        };
        var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        _connection = connection;
        return connection;
    }

    private async Task DropConnectionAsync()
    {
        await _connectionGate.WaitAsync();
        try
        {
            await DropConnectionCoreAsync();
        }
        finally
        {
            _connectionGate.Release();
        }
    }

    private async Task DropConnectionCoreAsync()
    {
        foreach (var wanted in _wanted.Values)
        {
            wanted.Held = false;
        }

        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    private static async Task UnlockAsync(NpgsqlConnection connection, Guid runId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
        command.Parameters.AddWithValue("key", KeyOf(runId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ReleaseAsync(Wanted wanted)
    {
        if (!_wanted.TryRemove(new KeyValuePair<Guid, Wanted>(wanted.RunId, wanted)) || !wanted.Held)
        {
            return;
        }

        wanted.Held = false;
        await _connectionGate.WaitAsync();
        try
        {
            if (_connection is { State: System.Data.ConnectionState.Open } connection)
            {
                await UnlockAsync(connection, wanted.RunId, CancellationToken.None);
            }
        }
        catch (Exception e) when (e.IsDatabaseError() || e is IOException or InvalidOperationException)
        {
            // The connection is going; its locks go with it.
            LogLeasesLost(logger, e.Describe());
        }
        finally
        {
            _connectionGate.Release();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _connection?.Dispose();
        _connectionGate.Dispose();
        _wake.Dispose();
    }

    private sealed class Wanted(Guid runId, Action granted)
    {
        public Guid RunId { get; } = runId;

        public Action Granted { get; } = granted;

        public volatile bool Held;
    }

    private sealed class Unwant(PostgresTimerLeases owner, Wanted wanted) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _ = owner.ReleaseAsync(wanted);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection that holds this instance's session timers ({Problem}); other instances may take them over")]
    private static partial void LogLeasesLost(ILogger logger, string problem);
}
