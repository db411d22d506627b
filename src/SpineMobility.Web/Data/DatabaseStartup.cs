using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Data;

public static partial class DatabaseStartup
{
    /// <summary>
    /// Validates the catalog, migrates the database and syncs the catalog into it.
    /// Returns false, with every problem logged and the database untouched, when the content is invalid.
    /// </summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SpineMobility.Startup");

        // Content is checked before the database is opened, so bad content can never leave a half-seeded catalog.
        var file = AppPaths.ExercisesFile(app.Configuration, app.Environment);
        var content = await ExerciseContent.LoadAsync(file, cancellationToken);
        if (!content.IsValid)
        {
            foreach (var problem in content.Problems)
            {
                LogContentProblem(logger, problem.ToString());
            }

            LogContentRejected(logger, file, content.Problems.Count);
            return false;
        }

        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        CreateDataDirectory(db.Database.GetConnectionString());
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);

        var summary = await CatalogSync.RunAsync(db, content.Exercises, cancellationToken);
        LogCatalogSynced(logger, file, summary.Loaded, summary.Added, summary.Updated, summary.Retired);
        return true;
    }

    private static void CreateDataDirectory(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (dataSource is not ("" or ":memory:") && directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Problem}")]
    private static partial void LogContentProblem(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The exercise catalog {File} has {Count} problem(s), listed above. The app did not start and the database was not changed.")]
    private static partial void LogContentRejected(ILogger logger, string file, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog synced from {File}: {Loaded} loaded, {Added} added, {Updated} updated, {Retired} retired")]
    private static partial void LogCatalogSynced(ILogger logger, string file, int loaded, int added, int updated, int retired);
}
