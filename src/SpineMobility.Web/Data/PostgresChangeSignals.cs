using Npgsql;

namespace SpineMobility.Web.Data;

/// <summary>
/// Signals between instances through PostgreSQL's LISTEN/NOTIFY on one channel: one connection per instance listens
/// for as long as the app runs (and comes back after the database went away); a signal is sent on a pooled connection.
/// </summary>
public sealed partial class PostgresChangeSignals(PostgresDatabase database, ILogger<PostgresChangeSignals> logger) : ChangeSignals
{
    public const string Channel = "spinemobility";

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override bool Spans => true;

    /// <summary>Completes once this instance hears signals (for tests that must not send one too early).</summary>
    public Task Listening => _listening.Task;

    public override async Task NotifyAsync(string topic, string message, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_notify('{Channel}', @payload)", connection);
            command.Parameters.AddWithValue("payload", Encode(topic, message));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e.IsDatabaseError() && !cancellationToken.IsCancellationRequested)
        {
            LogNotifyFailed(logger, topic, e.Describe());
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connected = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Keepalive: a database server that vanished without closing the connection is noticed within seconds.
                var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { KeepAlive = 5, Pooling = false };
                await using var connection = new NpgsqlConnection(builder.ToString());
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (connected)
                {
                    LogListeningAgain(logger);
                    OnReconnected();
                }

                connected = true;
                _listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e.IsDatabaseError() || e is IOException or TimeoutException)
            {
                LogListenLost(logger, e.Describe());
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other instances about a change ({Topic}): {Problem}; they will see it when they next read it")]
    private static partial void LogNotifyFailed(ILogger logger, string topic, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection that hears other instances' changes ({Problem}); connecting again")]
    private static partial void LogListenLost(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hearing other instances' changes again")]
    private static partial void LogListeningAgain(ILogger logger);
}
