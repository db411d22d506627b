using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SpineMobility.Web.Data;

/// <summary>
/// <c>copy-from-sqlite &lt;file&gt;</c>: moves an existing installation to the configured database (PostgreSQL):
/// every row of every table of the model, keys included, in one transaction, into a database that must be
/// empty. The SQLite file is first brought up to the current schema, as starting this version on it would.
/// </summary>
public static partial class DatabaseCopy
{
    public const string Command = "copy-from-sqlite";

    private const int PageSize = 500;

    private static readonly MethodInfo CopyRowsMethod = typeof(DatabaseCopy).GetMethod(nameof(CopyRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <returns>The process exit code: 0 when every row was copied and counted again in the target.</returns>
    public static async Task<int> CopyFromSqliteAsync(this WebApplication app, string sqliteFile, CancellationToken cancellationToken = default)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SpineMobility.Copy");
        var target = app.Services.GetRequiredService<AppDatabase>();
        if (string.IsNullOrWhiteSpace(sqliteFile))
        {
            LogRefused(logger, $"name the SQLite file to copy: {Command} <file>, with {AppDatabase.ProviderKey} and ConnectionStrings:SpineMobility set to the target");
            return 1;
        }

        var path = Path.GetFullPath(sqliteFile);
        if (!File.Exists(path))
        {
            LogRefused(logger, $"there is no SQLite database at {path}");
            return 1;
        }

        // Mode=ReadWrite: never create an empty file where the user meant an existing one.
        var source = new SqliteDatabase($"Data Source={path};Mode=ReadWrite");
        if (target is SqliteDatabase sqlite && sqlite.FilePath == source.FilePath)
        {
            LogRefused(logger, $"{path} is the configured database itself; set {AppDatabase.ProviderKey} and the connection string to the target");
            return 1;
        }

        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        try
        {
            await using var from = CreateContext(source);
            await from.Database.MigrateAsync(cancellationToken);
            await using var to = await factory.CreateDbContextAsync(cancellationToken);
            // Held through the copy, so an instance started meanwhile waits until the data is all there.
            await target.PrepareAsync(to, cancellationToken);
            try
            {
                return await CopyAsync(logger, path, target, from, to, cancellationToken);
            }
            finally
            {
                await LetGoAsync(target, to);
            }
        }
        catch (Exception e) when (e.IsDatabaseError())
        {
            LogRefused(logger, $"{e.Describe()} (nothing was committed to {target.Description})");
            return 1;
        }
    }

    private static async Task<int> CopyAsync(ILogger logger, string path, AppDatabase target, AppDbContext from, AppDbContext to, CancellationToken cancellationToken)
    {
        await to.Database.MigrateAsync(cancellationToken);

        var tables = InDependencyOrder(to.Model);
        foreach (var table in tables)
        {
            if (await CountAsync(to, table) is > 0 and var rows)
            {
                LogRefused(logger, $"{target.Description} is not empty ({rows} rows in {table.GetTableName()}); copy into a new, empty database");
                return 1;
            }
        }

        to.ChangeTracker.AutoDetectChangesEnabled = false;
        await using (var transaction = await to.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var table in tables)
            {
                var copied = await (Task<int>)CopyRowsMethod.MakeGenericMethod(table.ClrType).Invoke(null, [table, from, to, cancellationToken])!;
                LogTableCopied(logger, table.GetTableName()!, copied);
            }

            await target.AfterCopyAsync(to, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Counted again on both sides, so "nothing lost" is checked, not assumed.
        var total = 0;
        foreach (var table in tables)
        {
            var (inSource, inTarget) = (await CountAsync(from, table), await CountAsync(to, table));
            if (inSource != inTarget)
            {
                LogRefused(logger, $"{table.GetTableName()} has {inSource} rows in {path} but {inTarget} in {target.Description}");
                return 1;
            }

            total += inTarget;
        }

        LogCopied(logger, total, tables.Count, path, target.Description);
        return 0;
    }

    /// <summary>Lets other instances start; when the connection itself is gone the lock went with it, and the copy's own outcome is what to report.</summary>
    private static async Task LetGoAsync(AppDatabase target, AppDbContext to)
    {
        try
        {
            await target.FinishStartupAsync(to, CancellationToken.None);
        }
        catch (Exception e) when (e.IsDatabaseError())
        {
        }
    }

    private static AppDbContext CreateContext(SqliteDatabase database)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        database.Configure(options);
        return database.CreateContext(options.Options);
    }

    /// <summary>The model's tables, each after the tables its foreign keys point to, so every row's parent is already there.</summary>
    internal static List<IEntityType> InDependencyOrder(IModel model)
    {
        var pending = model.GetEntityTypes().Where(e => !e.IsOwned() && e.GetTableName() is not null).ToList();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var ready = pending
                .Where(e => e.GetForeignKeys().All(fk => fk.PrincipalEntityType == e || fk.PrincipalEntityType.IsOwned() || ordered.Contains(fk.PrincipalEntityType)))
                .OrderBy(e => e.GetTableName(), StringComparer.Ordinal)
                .ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"The tables {string.Join(", ", pending.Select(e => e.GetTableName()))} refer to each other in a cycle.");
            }

            ordered.AddRange(ready);
            pending.RemoveAll(ready.Contains);
        }

        return ordered;
    }

    private static async Task<int> CountAsync(AppDbContext db, IEntityType table)
    {
        // The table's name comes from the model, never from input.
        var sql = $"""SELECT COUNT(*) AS "Value" FROM "{table.GetTableName()}" """;
        return (await db.Database.SqlQueryRaw<int>(sql).ToListAsync()).Single();
    }

    /// <summary>Copies one table page by page, in key order, keys included.</summary>
    private static async Task<int> CopyRowsAsync<T>(IEntityType table, AppDbContext from, AppDbContext to, CancellationToken cancellationToken)
        where T : class
    {
        var key = table.FindPrimaryKey()!.Properties;
        var rows = from.Set<T>().AsNoTracking().OrderBy(r => EF.Property<object>(r, key[0].Name));
        foreach (var part in key.Skip(1))
        {
            rows = rows.ThenBy(r => EF.Property<object>(r, part.Name));
        }

        var copied = 0;
        while (true)
        {
            var page = await rows.Skip(copied).Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                return copied;
            }

            to.Set<T>().AddRange(page);
            await to.SaveChangesAsync(cancellationToken);
            to.ChangeTracker.Clear();
            copied += page.Count;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Copied {Rows} rows into {Table}")]
    private static partial void LogTableCopied(ILogger logger, string table, int rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Copied {Rows} rows in {Tables} tables from {Source} to {Target}; every table counted again on both sides")]
    private static partial void LogCopied(ILogger logger, int rows, int tables, string source, string target);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Nothing was copied: {Problem}")]
    private static partial void LogRefused(ILogger logger, string problem);
}
