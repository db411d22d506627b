using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpineMobility.Web.Features.Settings;

internal sealed class UserSettingsConfiguration : IEntityTypeConfiguration<UserSettings>
{
    public void Configure(EntityTypeBuilder<UserSettings> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.CalendarToken).HasMaxLength(64);
        builder.HasIndex(s => s.CalendarToken).IsUnique();
        builder.PrimitiveCollection(s => s.ReminderDays).ElementType(t => t.HasConversion<string>());
    }
}
