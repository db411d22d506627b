using System.Collections.Concurrent;
using Npgsql;

namespace SpineMobility.Web.Data;

/// <summary>
/// Timer leases as PostgreSQL advisory locks, held on one connection of this instance's own (not pooled; its commands one
/// at a time): a lock is the lease, and it ends with the connection, so an instance that dies (or loses the database)
/// lets go of every timer it ran at once, without anybody waiting for a lease to expire. Every <see cref="Retry"/> the
/// leases wanted here but held elsewhere are tried again in one query, and the instance holding each is asked for it
/// (a <see cref="WantTopic"/> signal), so it can hand over a run whose pages all left it.
/// </summary>
/// <remarks>
/// The lock key is the run id's last 8 bytes (random in a version-7 id) as one bigint: PostgreSQL keeps one-key and
/// two-key advisory locks apart, so it never meets the app's own two-part keys (<see cref="PostgresDatabase.LockSpace"/>).
/// The lease only says who runs the timer: every change is still saved with its version check, so even two timers at
/// once could not move a session twice.
/// </remarks>
public sealed partial class PostgresTimerLeases : TimerLeases
{
    /// <summary>How often leases wanted but held elsewhere are tried again; a dead holder's timers move within this.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    /// <summary>The signal an instance sends, with a run id, while it wants that run's lease and another holds it.</summary>
    public const string WantTopic = "run-want";

    /// <summary>The lease connection's application name: this prefix and the process id (see pg_stat_activity, pg_locks).</summary>
    public const string ApplicationNamePrefix = "spinemobility timers pid ";

    /// <summary>How long a request for a lease counts: a few rounds, since the one asking repeats it every round.</summary>
    private static readonly long WantFreshMs = (long)(Retry * 3).TotalMilliseconds;

    private readonly PostgresDatabase _database;
    private readonly ChangeSignals _signals;
    private readonly ILogger<PostgresTimerLeases> _logger;
    private readonly ConcurrentDictionary<Handle, byte> _leases = new();
    private readonly SemaphoreSlim _connectionGate = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly IDisposable _listening;
    private NpgsqlConnection? _connection;

    /// <summary>Counted up with each new lease connection, so a lock is only ever given back on the connection that took it.</summary>
    private int _generation;

    public PostgresTimerLeases(PostgresDatabase database, ChangeSignals signals, ILogger<PostgresTimerLeases> logger)
    {
        _database = database;
        _signals = signals;
        _logger = logger;
        _listening = signals.Listen(WantTopic, OnWanted);
    }

    public override TimerLease Lease(Guid runId, Action granted, Action lost, Action wantedElsewhere)
    {
        var lease = new Handle(this, runId, granted, lost, wantedElsewhere);
        _leases[lease] = 0;
        return lease;
    }

    internal static long KeyOf(Guid runId) => BitConverter.ToInt64(runId.ToByteArray(), 8);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (IsConnectionProblem(e))
            {
                // The connection, and with it every lock, is gone: nothing is held until it is back.
                LogLeasesLost(_logger, e.Describe());
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

    /// <summary>Tries every lease wanted here and not held; asks the holders of those still held elsewhere.</summary>
    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        var missing = _leases.Keys.Where(l => l.Wanted && !l.Held).ToList();

        // Run even with nothing missing: it proves the connection alive, so a lost one is noticed within a round.
        var won = await AcquireAsync(missing, cancellationToken);
        foreach (var lease in won)
        {
            lease.OnGranted();
        }

        foreach (var runId in missing.Except(won).Select(l => l.RunId).Distinct())
        {
            _ = _signals.NotifyAsync(WantTopic, runId.ToString("N"), cancellationToken);
        }
    }

    private async Task<bool> TryTakeAsync(Handle lease, CancellationToken cancellationToken)
    {
        if (lease.Held)
        {
            return true;
        }

        try
        {
            return (await AcquireAsync([lease], cancellationToken)).Count > 0;
        }
        catch (Exception e) when (IsConnectionProblem(e))
        {
            // The next round connects again and tries once more, if the lease is still wanted.
            LogLeasesLost(_logger, e.Describe());
            await DropConnectionAsync();
            return false;
        }
    }

    /// <summary>Takes the locks of <paramref name="leases"/> that nobody holds; the ones won, now held.</summary>
    private async Task<List<Handle>> AcquireAsync(List<Handle> leases, CancellationToken cancellationToken)
    {
        var won = new List<Handle>();
        await _connectionGate.WaitAsync(cancellationToken);
        try
        {
            var connection = await ConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT i FROM unnest(@keys) WITH ORDINALITY AS t(k, i) WHERE pg_try_advisory_lock(k)", connection);
            command.Parameters.AddWithValue("keys", leases.Select(l => l.Key).ToArray());
            var acquired = new List<int>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    acquired.Add((int)reader.GetInt64(0) - 1);
                }
            }

            foreach (var lease in acquired.Select(i => leases[i]))
            {
                if (lease.Disposed || lease.Held)
                {
                    // Let go of meanwhile (or taken twice): give this lock back at once.
                    await UnlockAsync(connection, lease.Key, cancellationToken);
                    continue;
                }

                lease.Hold(_generation);
                won.Add(lease);
            }
        }
        finally
        {
            _connectionGate.Release();
        }

        return won;
    }

    private async Task<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { State: System.Data.ConnectionState.Open } open)
        {
            return open;
        }

        await DropConnectionCoreAsync();

        // Not pooled (a connection back in the pool would keep its locks). Keepalives both ways: this side notices a
        // vanished server within seconds, and the server drops the locks of a machine that vanished within seconds too.
        var builder = new NpgsqlConnectionStringBuilder(_database.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 5,
            ApplicationName = $"{ApplicationNamePrefix}{Environment.ProcessId}",
            Options = "-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3",
        };
        var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        _connection = connection;
        _generation++;
        return connection;
    }

    private async Task DropConnectionAsync()
    {
        List<Handle> lost;
        await _connectionGate.WaitAsync();
        try
        {
            lost = await DropConnectionCoreAsync();
        }
        finally
        {
            _connectionGate.Release();
        }

        foreach (var lease in lost)
        {
            lease.OnLost();
        }
    }

    /// <summary>Closes the connection (under the gate); the leases that were held on it, now not held.</summary>
    private async Task<List<Handle>> DropConnectionCoreAsync()
    {
        var lost = _leases.Keys.Where(l => l.Release(_generation)).ToList();
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }

        return lost;
    }

    private static async Task UnlockAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Gives back the lock of a lease this instance lets go of, if it still holds it on this connection.</summary>
    private async Task GiveBackAsync(Handle lease, int generation)
    {
        try
        {
            await _connectionGate.WaitAsync();
            try
            {
                if (generation == _generation && _connection is { State: System.Data.ConnectionState.Open } connection)
                {
                    await UnlockAsync(connection, lease.Key, CancellationToken.None);
                }
            }
            finally
            {
                _connectionGate.Release();
            }
        }
        catch (ObjectDisposedException)
        {
            // Shutting down: the connection closes, and its locks go with it.
        }
        catch (Exception e) when (IsConnectionProblem(e))
        {
            // The connection is going; its locks go with it.
            LogLeasesLost(_logger, e.Describe());
        }
    }

    private void OnWanted(string message)
    {
        if (!Guid.TryParseExact(message, "N", out var runId))
        {
            return;
        }

        foreach (var lease in _leases.Keys.Where(l => l.RunId == runId && l.Held))
        {
            lease.OnWantedElsewhere();
        }
    }

    private static bool IsConnectionProblem(Exception e) =>
        e.IsDatabaseError() || e is IOException or TimeoutException or InvalidOperationException or NpgsqlException;

    public override void Dispose()
    {
        base.Dispose();
        _listening.Dispose();
        _connection?.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class Handle(PostgresTimerLeases owner, Guid runId, Action granted, Action lost, Action wantedElsewhere) : TimerLease
    {
        private readonly Lock _sync = new();
        private bool _held;
        private int _generation;
        private long _wantedAt = long.MinValue / 2;
        private volatile bool _wanted;

        public Guid RunId { get; } = runId;

        public long Key { get; } = KeyOf(runId);

        public bool Wanted => _wanted && !Disposed;

        public volatile bool Disposed;

        public override bool Held
        {
            get
            {
                lock (_sync)
                {
                    return _held;
                }
            }
        }

        public override bool WantedElsewhere => Held && Environment.TickCount64 - Interlocked.Read(ref _wantedAt) < WantFreshMs;

        public override async ValueTask<bool> TryTakeAsync(CancellationToken cancellationToken = default) =>
            !Disposed && await owner.TryTakeAsync(this, cancellationToken);

        public override void Want(bool wanted)
        {
            _wanted = wanted;
            if (wanted && !Held)
            {
                owner._wake.Release();
            }
        }

        public override void Yield()
        {
            if (TakeBack() is { } generation)
            {
                _ = owner.GiveBackAsync(this, generation);
            }
        }

        public override void Dispose()
        {
            Disposed = true;
            owner._leases.TryRemove(this, out _);
            Yield();
        }

        public void Hold(int generation)
        {
            lock (_sync)
            {
                (_held, _generation) = (true, generation);
            }
        }

        /// <summary>Not held any more (its connection <paramref name="generation"/> is gone); true when it was.</summary>
        public bool Release(int generation)
        {
            lock (_sync)
            {
                if (!_held || _generation != generation)
                {
                    return false;
                }

                _held = false;
                return true;
            }
        }

        private int? TakeBack()
        {
            lock (_sync)
            {
                if (!_held)
                {
                    return null;
                }

                _held = false;
                return _generation;
            }
        }

        public void OnGranted() => granted();

        public void OnLost() => lost();

        public void OnWantedElsewhere()
        {
            Interlocked.Exchange(ref _wantedAt, Environment.TickCount64);
            wantedElsewhere();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection that holds this instance's session timers ({Problem}); other instances may take them over")]
    private static partial void LogLeasesLost(ILogger logger, string problem);
}
