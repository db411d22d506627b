using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Settings;

namespace SpineMobility.Web.Data.Config;

internal sealed class UserSettingsConfiguration : IEntityTypeConfiguration<UserSettings>
{
    public void Configure(EntityTypeBuilder<UserSettings> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<UserSettings>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.CalendarToken).HasMaxLength(64);
        builder.HasIndex(s => s.CalendarToken).IsUnique();
        builder.PrimitiveCollection(s => s.ReminderDays).ElementType(t => t.HasConversion<string>());
    }
}

internal sealed class StreakRuleChangeConfiguration : IEntityTypeConfiguration<StreakRuleChange>
{
    public void Configure(EntityTypeBuilder<StreakRuleChange> builder)
    {
        builder.HasKey(r => new { r.UserId, r.EffectiveFrom });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PauseEntryConfiguration : IEntityTypeConfiguration<PauseEntry>
{
    public void Configure(EntityTypeBuilder<PauseEntry> builder)
    {
        builder.HasIndex(p => new { p.UserId, p.Start });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Note).HasMaxLength(200);
    }
}
