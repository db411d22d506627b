using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SpineMobility.Web.Data;

namespace SpineMobility.IntegrationTests.Data;

/// <summary>Each provider has its own committed set of migrations, and each is up to date with the model. No database is opened.</summary>
public sealed class MigrationSetTests
{
    // What existing SQLite installations have in __EFMigrationsHistory: these ids must never change.
    private static readonly string[] ReleasedSqliteMigrations =
    [
        "20261126102643_InitialCatalog",
        "20261126104807_GuidedSessions",
        "20261126111143_AccountsStreaksAndCheckIns",
        "20261126113354_HistoryIndexes",
        "20261126120626_IllustrationsSafetyAndSides",
        "20261126125141_RunOwnerIndex",
        "20261126130303_AfterCheckInTime",
    ];

    private static AppDbContext DesignTime(string provider) => provider switch
    {
        SqliteDatabase.Name => new AppDbContextDesignTimeFactory().CreateDbContext([]),
        _ => new PostgresAppDbContextDesignTimeFactory().CreateDbContext([]),
    };

    [Theory]
    [InlineData(SqliteDatabase.Name)]
    [InlineData(PostgresDatabase.Name)]
    public void Every_model_change_has_a_committed_migration_for_each_provider(string provider)
    {
        using var db = DesignTime(provider);

        Assert.False(
            db.Database.HasPendingModelChanges(),
            $"the {provider} model has changes without a migration: run ./tools/add-migration.sh <Name> (see README, Development)");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Existing_sqlite_installations_find_the_migrations_they_already_applied_under_the_same_ids()
    {
        using var db = DesignTime(SqliteDatabase.Name);

        Assert.Equal(ReleasedSqliteMigrations, db.Database.GetMigrations().Take(ReleasedSqliteMigrations.Length));
    }

    [Fact]
    public void Every_migration_belongs_to_the_context_of_one_provider()
    {
        var providers = new[] { typeof(AppDbContext), typeof(PostgresAppDbContext) };
        var stray = typeof(AppDbContext).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) || t.IsSubclassOf(typeof(ModelSnapshot)))
            .Where(t => !providers.Contains(t.GetCustomAttribute<DbContextAttribute>()?.ContextType))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(stray.Count == 0, $"migrations for neither provider's context: {string.Join(", ", stray)}");
    }

    [Fact]
    public void Each_provider_reads_only_its_own_migrations()
    {
        using var sqlite = DesignTime(SqliteDatabase.Name);
        using var postgres = DesignTime(PostgresDatabase.Name);

        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgres.Database.GetMigrations()));
        Assert.Equal(typeof(AppDbContext), sqlite.GetService<IMigrationsAssembly>().ModelSnapshot!.GetType().GetCustomAttribute<DbContextAttribute>()!.ContextType);
        Assert.Equal(typeof(PostgresAppDbContext), postgres.GetService<IMigrationsAssembly>().ModelSnapshot!.GetType().GetCustomAttribute<DbContextAttribute>()!.ContextType);
    }

    [Fact]
    public void The_sqlite_context_refuses_to_run_on_postgres_where_its_migrations_would_build_the_wrong_schema()
    {
        using var misused = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);

        var error = Assert.Throws<InvalidOperationException>(() => misused.Model);

        Assert.Contains(nameof(PostgresAppDbContext), error.Message, StringComparison.Ordinal);
    }
}
