using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Data;

public static partial class DatabaseStartup
{
    /// <summary>
    /// Validates the catalog, migrates the database and syncs the catalog into it.
    /// Returns false, with every problem logged and the database untouched, when the content is invalid; and
    /// false, with one line naming the database and the problem, when the database cannot be opened or written.
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

        var database = app.Services.GetRequiredService<AppDatabase>();
        try
        {
            await using var db = StartupContext(database, app.Services.GetRequiredService<ILoggerFactory>());
            await database.PrepareAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);

            var summary = await CatalogSync.RunAsync(db, content.Exercises, cancellationToken);
            await database.FinishStartupAsync(db, cancellationToken);
            LogCatalogSynced(logger, file, summary.Loaded, summary.Added, summary.Updated, summary.Retired);
            if (summary.Changed)
            {
                // Instances already running serve the catalog they read; this tells them to read the new one.
                await app.Services.GetRequiredService<ChangeSignals>().NotifyAsync(CatalogWatch.Topic, "synced", cancellationToken);
            }

            return true;
        }
        catch (Exception e) when (e.IsDatabaseError() || e is IOException or UnauthorizedAccessException)
        {
            LogDatabaseUnusable(logger, database.Description, e.Describe());
            return false;
        }
    }

    /// <summary>
    /// A context of its own for start-up, on which EF Core's own error lines (the failed SQL) are debug output:
    /// a database that cannot be used is reported once, on one line that names it and the problem.
    /// </summary>
    private static AppDbContext StartupContext(AppDatabase database, ILoggerFactory loggers)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseLoggerFactory(loggers);
        database.Configure(options);
        options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (RelationalEventId.TransactionError, LogLevel.Debug)));
        return database.CreateContext(options.Options);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Problem}")]
    private static partial void LogContentProblem(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The exercise catalog {File} has {Count} problem(s), listed above. The app did not start and the database was not changed.")]
    private static partial void LogContentRejected(ILogger logger, string file, int count);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The app did not start: {Database} cannot be used: {Problem}")]
    private static partial void LogDatabaseUnusable(ILogger logger, string database, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog synced from {File}: {Loaded} loaded, {Added} added, {Updated} updated, {Retired} retired")]
    private static partial void LogCatalogSynced(ILogger logger, string file, int loaded, int added, int updated, int retired);
}
