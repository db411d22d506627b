using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpineMobility.Web.Features.Safety;

internal sealed class PainReportConfiguration : IEntityTypeConfiguration<PainReport>
{
    public void Configure(EntityTypeBuilder<PainReport> builder)
    {
        builder.ToTable("PainReports");
        builder.HasIndex(p => new { p.RunId, p.ReportedAt });
        builder.Property(p => p.ExerciseSlug).HasMaxLength(100);
        builder.Property(p => p.ExerciseName).HasMaxLength(200);
        builder.Property(p => p.EasierSlug).HasMaxLength(100);
        builder.Property(p => p.EasierName).HasMaxLength(200);
    }
}
