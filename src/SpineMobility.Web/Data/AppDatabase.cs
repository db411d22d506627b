using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Data;

/// <summary>
/// The configured database (<c>Database:Provider</c>: <c>sqlite</c>, the default, or <c>postgres</c>) and
/// everything that differs between the two providers, so features never need to know which one runs.
/// How failures are told apart lives beside it, in <see cref="DatabaseErrors"/>.
/// </summary>
public abstract class AppDatabase(string connectionString)
{
    public const string ProviderKey = "Database:Provider";

    /// <summary>How long an interactive write waits for another writer before it gives up and says so.</summary>
    public static readonly TimeSpan WriteWait = TimeSpan.FromSeconds(2);

    public string ConnectionString { get; } = connectionString;

    /// <summary>The provider as configured: <c>sqlite</c> or <c>postgres</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>Where the data lives, for messages: "the SQLite file /srv/data/spinemobility.db".</summary>
    public abstract string Description { get; }

    public static AppDatabase FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration[ProviderKey]?.Trim();
        switch (provider?.ToLowerInvariant())
        {
            case null or "" or SqliteDatabase.Name:
                return new SqliteDatabase(AppPaths.ConnectionString(configuration, environment));
            case PostgresDatabase.Name or "postgresql":
                var connectionString = configuration.GetConnectionString(AppPaths.ConnectionStringName);
                return string.IsNullOrWhiteSpace(connectionString)
                    ? throw new InvalidOperationException(
                        $"{ProviderKey} is '{provider}', so ConnectionStrings:{AppPaths.ConnectionStringName} must name the PostgreSQL database, " +
                        "e.g. Host=db.example;Database=spinemobility;Username=spinemobility;Password=...")
                    : new PostgresDatabase(connectionString);
            default:
                throw new InvalidOperationException($"{ProviderKey} must be '{SqliteDatabase.Name}' (the default) or '{PostgresDatabase.Name}', not '{provider}'.");
        }
    }

    /// <summary>Points EF Core at this database, with the short wait for writers that interactive saves need.</summary>
    public abstract void Configure(DbContextOptionsBuilder options);

    /// <summary>This provider's context, which owns this provider's migrations.</summary>
    public abstract AppDbContext CreateContext(DbContextOptions<AppDbContext> options);

    /// <summary>
    /// What start-up needs before migrating, on <paramref name="db"/>'s connection, which stays open for the
    /// migrations and the catalog sync: a patient wait for other writers, and on SQLite the data folder and WAL.
    /// </summary>
    public abstract Task PrepareAsync(AppDbContext db, CancellationToken cancellationToken);

    /// <summary>
    /// Ends what <see cref="PrepareAsync"/> began, before the connection goes back to the pool: an idle pooled
    /// connection would otherwise keep holding what start-up took, and instances starting after this one would wait for it.
    /// </summary>
    public virtual Task FinishStartupAsync(AppDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// For the health check, on a connection of its own: reads, then takes the write lock for a moment and changes
    /// nothing. Returns why a write would fail right now (locked by another process, read-only), or null when it
    /// would not; throws the provider's error when the database cannot be reached or read at all.
    /// </summary>
    public abstract Task<string?> ProbeWriteAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="write"/>, turning a database error into its one-line description.</summary>
    protected static async Task<string?> WriteProblemAsync(Func<Task> write)
    {
        try
        {
            await write();
            return null;
        }
        catch (Exception e) when (e.IsDatabaseError())
        {
            return e.Describe();
        }
    }

    /// <summary>
    /// Inside the catalog sync's transaction: waits until no other instance is syncing, and keeps them waiting until
    /// this one commits, so two instances starting together never both insert the same new exercise.
    /// </summary>
    public static Task LockForCatalogSyncAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db is PostgresAppDbContext
            ? PostgresDatabase.LockCatalogAsync(db, cancellationToken)
            : SqliteDatabase.LockCatalogAsync(db, cancellationToken);

    /// <summary>After rows were copied in with their keys: keys generated from now on follow the copied ones.</summary>
    public virtual Task AfterCopyAsync(AppDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;
}
