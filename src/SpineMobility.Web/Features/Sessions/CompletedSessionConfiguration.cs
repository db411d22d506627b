using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpineMobility.Web.Features.Sessions;

internal sealed class CompletedSessionConfiguration : IEntityTypeConfiguration<CompletedSession>
{
    public void Configure(EntityTypeBuilder<CompletedSession> builder)
    {
        builder.HasIndex(s => s.RunId).IsUnique();
        builder.HasOne<SessionRun>().WithOne().HasForeignKey<CompletedSession>(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.BrowserKey, s.LocalDate });
        builder.HasIndex(s => new { s.UserId, s.LocalDate });

        // The history and the check-in trend read newest first.
        builder.HasIndex(s => new { s.UserId, s.FinishedAt });
        builder.HasIndex(s => new { s.BrowserKey, s.FinishedAt });
        builder.Property(s => s.BrowserKey).HasMaxLength(64);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.HasMany(s => s.Exercises).WithOne().HasForeignKey(e => e.CompletedSessionId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsOne(s => s.Before, b => b.ToJson());
        builder.OwnsOne(s => s.After, b => b.ToJson());
    }
}
