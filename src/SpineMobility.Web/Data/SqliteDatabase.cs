using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SpineMobility.Web.Data;

/// <summary>One SQLite file in WAL mode: the embedded default, which needs nothing set up.</summary>
public sealed class SqliteDatabase(string connectionString) : AppDatabase(WithWriteWait(connectionString))
{
    public const string Name = "sqlite";

    /// <summary>Start-up may wait longer for another writer than a user pressing a button would.</summary>
    private const int StartupWaitSeconds = 30;

    public override string Provider => Name;

    public string FilePath => Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);

    public override string Description => $"the SQLite file {FilePath}";

    // EF warns, on every new database, that the committed UserForeignKeys migration turns foreign keys off outside its
    // transaction (SQLite cannot do that inside one); nobody starting the app can act on it, so it stays out of the start-up lines.
    public override void Configure(DbContextOptionsBuilder options) => options.UseSqlite(ConnectionString)
        .AddInterceptors(SqliteBusyWait.Instance)
        .ConfigureWarnings(warnings => warnings.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning));

    public override AppDbContext CreateContext(DbContextOptions<AppDbContext> options) => new AppDbContext(options);

    public override async Task PrepareAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        if (dataSource is not ("" or ":memory:") && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        ((SqliteConnection)db.Database.GetDbConnection()).DefaultTimeout = StartupWaitSeconds;
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    internal static async Task LockCatalogAsync(AppDbContext db, CancellationToken cancellationToken) =>
        // A write (of nothing) takes the file's write lock now rather than at the first insert, so a second process
        // on the same file waits here instead of failing to upgrade its read lock later.
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Exercises" SET "Id" = "Id" WHERE 0 = 1;""", cancellationToken);

    public override async Task<string?> ProbeWriteAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ConnectionString) { DefaultTimeout = 1 };
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT COUNT(*) FROM "__EFMigrationsHistory";""";
        await command.ExecuteScalarAsync(cancellationToken);

        // BEGIN IMMEDIATE takes the write lock; the update (of nothing) fails when the file is read-only.
        return await WriteProblemAsync(async () =>
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            command.Transaction = transaction;
            command.CommandText = """UPDATE "__EFMigrationsHistory" SET "ProductVersion" = "ProductVersion" WHERE 0 = 1;""";
            await command.ExecuteNonQueryAsync(cancellationToken);
        });
    }

    /// <summary>
    /// Microsoft.Data.Sqlite retries a busy database for the command timeout, 30 s by default: far too long for
    /// a button. A <c>Default Timeout</c> given in the connection string is kept.
    /// </summary>
    private static string WithWriteWait(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Default Timeout") || given.ContainsKey("Command Timeout"))
        {
            return connectionString;
        }

        return new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = (int)WriteWait.TotalSeconds }.ToString();
    }
}
