using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace SpineMobility.Web.Data;

/// <summary>A PostgreSQL database (15 or later) that the app migrates like the SQLite file; for several instances.</summary>
public sealed class PostgresDatabase(string connectionString) : AppDatabase(WithWriteWait(connectionString))
{
    public const string Name = "postgres";

    public override string Provider => Name;

    public override string Description
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"the PostgreSQL database '{builder.Database ?? builder.Username}' on {builder.Host}:{builder.Port}";
        }
    }

    public override void Configure(DbContextOptionsBuilder options) => options.UseNpgsql(ConnectionString);

    public override AppDbContext CreateContext(DbContextOptions<AppDbContext> options) => new PostgresAppDbContext(options);

    public override async Task PrepareAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // Another instance may be migrating: wait for its lock as long as it takes, on this connection only.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET lock_timeout = 0", cancellationToken);

        // Instances starting together start one after the other: even creating the migrations' history table at the
        // same moment can collide in PostgreSQL's catalog. Held by this connection until FinishStartupAsync (or until
        // the connection ends, when an instance dies while starting). The wait may outlast a command's usual 30 s.
        db.Database.SetCommandTimeout(StartupWait);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockSpace}, 1)", cancellationToken);
        db.Database.SetCommandTimeout(null);
    }

    /// <summary>How long an instance waits for the others' start-up (their migrations and catalog sync).</summary>
    internal static readonly TimeSpan StartupWait = TimeSpan.FromMinutes(10);

    public override async Task FinishStartupAsync(AppDbContext db, CancellationToken cancellationToken) =>
        // A session-level lock outlives the connection's return to Npgsql's pool: it must be let go by name.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockSpace}, 1)", cancellationToken);

    /// <summary>The first half of the app's two-part advisory lock keys; the second: 0 the catalog sync, 1 start-up.</summary>
    internal const int LockSpace = 0x53_4D_43_53; // "SMCS"

    internal static async Task LockCatalogAsync(AppDbContext db, CancellationToken cancellationToken) =>
        // Released when the sync's transaction ends; waited for patiently (start-up's connection has no lock_timeout).
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockSpace}, 0)", cancellationToken);

    public override async Task<string?> ProbeWriteAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT COUNT(*) FROM "__EFMigrationsHistory";""";
        await command.ExecuteScalarAsync(cancellationToken);

        // The lock a write takes, waited for briefly; refused outright in a read-only database or on a standby.
        return await WriteProblemAsync(async () =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            command.CommandText = """
                SET LOCAL lock_timeout = '1s';
                LOCK TABLE "__EFMigrationsHistory" IN ROW EXCLUSIVE MODE;
                UPDATE "__EFMigrationsHistory" SET "ProductVersion" = "ProductVersion" WHERE false;
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        });
    }

    public override async Task AfterCopyAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // Identity columns do not move past keys inserted explicitly: set each sequence after the largest key.
        var identities =
            from entity in db.Model.GetEntityTypes()
            where !entity.IsOwned() && entity.GetTableName() is not null
            from key in entity.FindPrimaryKey()?.Properties ?? []
            where key.ClrType == typeof(int) && key.ValueGenerated == ValueGenerated.OnAdd
            select (Table: entity.GetTableName()!, Column: key.GetColumnName());
        foreach (var (table, column) in identities)
        {
            // Names from the model, not from input; quoted as identifiers.
            var sql = $"""SELECT setval(pg_get_serial_sequence('"{table}"', '{column}'), COALESCE(MAX("{column}"), 0) + 1, false) FROM "{table}" """;
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }

    /// <summary>
    /// A write waiting for a row or table lock gives up after <see cref="AppDatabase.WriteWait"/>, like a busy
    /// SQLite file, instead of the 30 s command timeout. A <c>lock_timeout</c> given in <c>Options</c> is kept.
    /// </summary>
    private static string WithWriteWait(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("lock_timeout", StringComparison.Ordinal) != true)
        {
            builder.Options = $"{builder.Options} -c lock_timeout={(int)AppDatabase.WriteWait.TotalMilliseconds}".Trim();
        }

        return builder.ToString();
    }
}
