using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Programs;
using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Settings;

namespace SpineMobility.Web.Data;

/// <summary>
/// The app's one model, and its context on SQLite, the default provider: the migrations in Data/Migrations
/// belong to this type, under the ids existing installations have applied, so they and any code written
/// against it keep working. On PostgreSQL the app uses <see cref="PostgresAppDbContext"/>, derived from it, with
/// that provider's storage conventions and its own migrations. Every feature injects
/// <c>IDbContextFactory&lt;AppDbContext&gt;</c> and gets the configured provider's context (<see cref="AppDatabase"/>).
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Exercise> Exercises => Set<Exercise>();

    public DbSet<CatalogStamp> CatalogStamps => Set<CatalogStamp>();

    public DbSet<SessionRun> SessionRuns => Set<SessionRun>();

    public DbSet<CompletedSession> CompletedSessions => Set<CompletedSession>();

    public DbSet<UserSettings> UserSettings => Set<UserSettings>();

    public DbSet<StreakRuleChange> StreakRuleChanges => Set<StreakRuleChange>();

    public DbSet<PauseEntry> Pauses => Set<PauseEntry>();

    public DbSet<SafetyScreening> SafetyScreenings => Set<SafetyScreening>();

    public DbSet<PainReport> PainReports => Set<PainReport>();

    public DbSet<SideReport> SideReports => Set<SideReport>();

    public DbSet<AccountSignIn> AccountSignIns => Set<AccountSignIn>();

    public DbSet<SavedRoutine> SavedRoutines => Set<SavedRoutine>();

    public DbSet<OwnExercise> OwnExercises => Set<OwnExercise>();

    public DbSet<ProgramFollow> ProgramFollows => Set<ProgramFollow>();

    public DbSet<ProgramRun> ProgramRuns => Set<ProgramRun>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // This type's migrations are SQLite's: on another provider they would build the wrong schema.
        if (GetType() == typeof(AppDbContext) && !Database.IsSqlite())
        {
            throw new InvalidOperationException(
                $"AppDbContext is the model on SQLite; on {Database.ProviderName} use {nameof(PostgresAppDbContext)} (AppDatabase.CreateContext does).");
        }

        // Enums are stored by name, so reordering an enum can never change what a stored row means.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
        ConfigureStorage(configurationBuilder);
    }

    /// <summary>How the provider stores what it has no column type for.</summary>
    protected virtual void ConfigureStorage(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type; as ticks, instants sort and compare correctly in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>For <c>dotnet ef migrations add --context AppDbContext</c> (SQLite): no database is opened.</summary>
internal sealed class AppDbContextDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
