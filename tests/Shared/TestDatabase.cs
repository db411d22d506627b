using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SpineMobility.Web.Data;

namespace SpineMobility.Testing;

/// <summary>
/// A throwaway database for one test host (or for several hosts in turn, for restart tests), on the provider
/// the suite runs on: SQLite unless <see cref="ProviderVariable"/> is <c>postgres</c>, which <c>./test.sh</c>
/// sets for its second run of the integration tests, with <see cref="ServerVariable"/> naming the throwaway
/// PostgreSQL server it started. Each PostgreSQL test database is created on that server and dropped after.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    public const string ProviderVariable = "SPINEMOBILITY_TEST_DATABASE";
    public const string ServerVariable = "SPINEMOBILITY_TEST_POSTGRES";

    /// <summary>The provider this run of the suite uses: <c>sqlite</c> or <c>postgres</c>.</summary>
    public static string SuiteProvider { get; } =
        Environment.GetEnvironmentVariable(ProviderVariable) is { Length: > 0 } provider ? provider.Trim().ToLowerInvariant() : SqliteDatabase.Name;

    public static bool SuiteRunsOnPostgres => SuiteProvider == PostgresDatabase.Name;

    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>The settings that point the app at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [AppDatabase.ProviderKey] = Provider,
        ["ConnectionStrings:SpineMobility"] = ConnectionString,
    };

    /// <summary>A new database on the suite's provider.</summary>
    public static TestDatabase ForSuite() => SuiteRunsOnPostgres ? new PostgresTestDatabase() : new SqliteTestDatabase();

    /// <summary>A context on this database without any app, with the provider's migrations (not applied yet).</summary>
    public AppDbContext CreateDbContext()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        var database = CreateAppDatabase(ConnectionString);
        database.Configure(builder);
        return database.CreateContext(builder.Options);
    }

    /// <summary>
    /// Holds the database's write lock from another connection, as another process would, until disposed;
    /// reads still work.
    /// </summary>
    public abstract Task<IAsyncDisposable> HoldWriteLockAsync();

    /// <summary>Makes every update of <paramref name="table"/> fail as on a full disk, until disposed.</summary>
    public abstract Task<IAsyncDisposable> RefuseUpdatesAsync(string table);

    /// <summary>
    /// Until disposed, every insert into <paramref name="table"/> is refused by a constraint that is not a unique key
    /// (a trigger: SQLite's constraint error 19, PostgreSQL's check violation).
    /// </summary>
    public abstract Task<IAsyncDisposable> RefuseInsertsAsync(string table);

    /// <summary>Drops the database (or deletes the file with its WAL companions).</summary>
    public abstract void Delete();

    public void Dispose()
    {
        Delete();
        GC.SuppressFinalize(this);
    }

    protected abstract AppDatabase CreateAppDatabase(string connectionString);

    protected sealed class Release(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }
}

public sealed class SqliteTestDatabase(string? path = null) : TestDatabase
{
    public string Path { get; } = path ?? TempFiles.NewPath("spinemobility", ".db");

    public override string Provider => SqliteDatabase.Name;

    public override string ConnectionString => $"Data Source={Path}";

    public override async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        return new Release(async () =>
        {
            await using var rollback = connection.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
            await connection.DisposeAsync();
        });
    }

    public override async Task<IAsyncDisposable> RefuseUpdatesAsync(string table)
    {
        await ExecuteAsync($"""CREATE TRIGGER "refuse_{table}" BEFORE UPDATE ON "{table}" BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;""");
        return new Release(() => ExecuteAsync($"""DROP TRIGGER "refuse_{table}";"""));
    }

    public override async Task<IAsyncDisposable> RefuseInsertsAsync(string table)
    {
        await ExecuteAsync($"""CREATE TRIGGER "refuse_insert_{table}" BEFORE INSERT ON "{table}" BEGIN SELECT RAISE(ABORT, 'refused'); END;""");
        return new Release(() => ExecuteAsync($"""DROP TRIGGER "refuse_insert_{table}";"""));
    }

    public override void Delete()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }

    protected override AppDatabase CreateAppDatabase(string connectionString) => new SqliteDatabase(connectionString);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _server;
    private readonly string _name = $"sm_test_{Guid.NewGuid():N}";

    public PostgresTestDatabase()
    {
        _server = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{ProviderVariable}=postgres needs {ServerVariable}, the connection string of a PostgreSQL server to create test databases on; ./test.sh starts one and sets both.");
        Execute(_server, $"""CREATE DATABASE "{_name}" """);
    }

    /// <summary>True when a PostgreSQL server for tests is configured, as in <c>./test.sh</c>.</summary>
    public static bool ServerAvailable => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 };

    public override string Provider => PostgresDatabase.Name;

    public override string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ToString();

    public override async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var tables = connection.CreateCommand())
        {
            // EXCLUSIVE blocks every write but no read: the nearest PostgreSQL has to SQLite's one write lock.
            tables.CommandText = """
                DO $$ DECLARE t record; BEGIN
                  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
                    EXECUTE format('LOCK TABLE %I IN EXCLUSIVE MODE', t.tablename);
                  END LOOP;
                END $$;
                """;
            await tables.ExecuteNonQueryAsync();
        }

        return new Release(async () =>
        {
            await transaction.RollbackAsync();
            await connection.DisposeAsync();
        });
    }

    public override async Task<IAsyncDisposable> RefuseUpdatesAsync(string table)
    {
        await ExecuteAsync($"""
            CREATE FUNCTION "refuse_{table}"() RETURNS trigger AS $$
              BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END
            $$ LANGUAGE plpgsql;
            CREATE TRIGGER "refuse_{table}" BEFORE UPDATE ON "{table}" FOR EACH ROW EXECUTE FUNCTION "refuse_{table}"();
            """);
        return new Release(() => ExecuteAsync($"""DROP TRIGGER "refuse_{table}" ON "{table}"; DROP FUNCTION "refuse_{table}"();"""));
    }

    public override async Task<IAsyncDisposable> RefuseInsertsAsync(string table)
    {
        await ExecuteAsync($"""
            CREATE FUNCTION "refuse_insert_{table}"() RETURNS trigger AS $$
              BEGIN RAISE EXCEPTION 'refused' USING ERRCODE = 'check_violation'; END
            $$ LANGUAGE plpgsql;
            CREATE TRIGGER "refuse_insert_{table}" BEFORE INSERT ON "{table}" FOR EACH ROW EXECUTE FUNCTION "refuse_insert_{table}"();
            """);
        return new Release(() => ExecuteAsync($"""DROP TRIGGER "refuse_insert_{table}" ON "{table}"; DROP FUNCTION "refuse_insert_{table}"();"""));
    }

    public override void Delete()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(_server, $"""DROP DATABASE IF EXISTS "{_name}" WITH (FORCE)""");
    }

    protected override AppDatabase CreateAppDatabase(string connectionString) => new PostgresDatabase(connectionString);

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
