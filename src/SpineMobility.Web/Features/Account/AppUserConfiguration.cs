using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Settings;

namespace SpineMobility.Web.Features.Account;

/// <summary>
/// What goes when an account is deleted, configured from the account's side so the features it owns
/// need not know about Identity.
/// </summary>
internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.HasOne<UserSettings>().WithOne().HasForeignKey<UserSettings>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<StreakRuleChange>().WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<PauseEntry>().WithOne().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);

        builder.HasMany<SafetyScreening>().WithOne().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);

        // A signed-in user's runs and sessions (the anonymous ones have no user); their reports follow the runs.
        builder.HasMany<SessionRun>().WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<CompletedSession>().WithOne().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
