using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Settings;

namespace SpineMobility.Web.Data;

/// <summary>
/// The app's one model. Every feature injects <c>IDbContextFactory&lt;AppDbContext&gt;</c>; what it gets is the
/// configured provider's context (<see cref="SqliteAppDbContext"/> or <see cref="PostgresAppDbContext"/>), which
/// adds that provider's storage conventions and owns its own set of migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Exercise> Exercises => Set<Exercise>();

    public DbSet<SessionRun> SessionRuns => Set<SessionRun>();

    public DbSet<CompletedSession> CompletedSessions => Set<CompletedSession>();

    public DbSet<UserSettings> UserSettings => Set<UserSettings>();

    public DbSet<StreakRuleChange> StreakRuleChanges => Set<StreakRuleChange>();

    public DbSet<PauseEntry> Pauses => Set<PauseEntry>();

    public DbSet<SafetyScreening> SafetyScreenings => Set<SafetyScreening>();

    public DbSet<PainReport> PainReports => Set<PainReport>();

    public DbSet<SideReport> SideReports => Set<SideReport>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name, so reordering an enum can never change what a stored row means.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
    }
}
