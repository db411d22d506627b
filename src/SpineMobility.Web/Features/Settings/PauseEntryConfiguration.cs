using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpineMobility.Web.Features.Settings;

internal sealed class PauseEntryConfiguration : IEntityTypeConfiguration<PauseEntry>
{
    public void Configure(EntityTypeBuilder<PauseEntry> builder)
    {
        builder.HasIndex(p => new { p.UserId, p.Start });
        builder.Property(p => p.Note).HasMaxLength(UserSettings.MaxPauseNote);
    }
}
