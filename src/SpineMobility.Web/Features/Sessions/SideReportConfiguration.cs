using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpineMobility.Web.Features.Sessions;

internal sealed class SideReportConfiguration : IEntityTypeConfiguration<SideReport>
{
    public void Configure(EntityTypeBuilder<SideReport> builder)
    {
        builder.ToTable("SideReports");
        builder.HasOne<SessionRun>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);

        // One answer per exercise of a session: a second tap changes it, a double tap cannot add one.
        builder.HasIndex(s => new { s.RunId, s.BlockIndex }).IsUnique();
        builder.Property(s => s.ExerciseSlug).HasMaxLength(100);
    }
}
