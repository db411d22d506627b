using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpineMobility.Web.Features.Safety;
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

        // Safety answers were a new table, so a foreign key cost no rebuild: they go with the account.
        builder.HasMany<SafetyScreening>().WithOne().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
