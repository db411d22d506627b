using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Settings;

namespace SpineMobility.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
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

    public DbSet<AccountSignIn> AccountSignIns => Set<AccountSignIn>();

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

        // SQLite has no date-time type; as ticks, instants sort and compare correctly in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
