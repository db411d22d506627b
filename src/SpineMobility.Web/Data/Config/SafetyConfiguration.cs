using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;

namespace SpineMobility.Web.Data.Config;

internal sealed class SafetyScreeningConfiguration : IEntityTypeConfiguration<SafetyScreening>
{
    public void Configure(EntityTypeBuilder<SafetyScreening> builder)
    {
        builder.ToTable("SafetyScreenings");
        builder.Property(s => s.BrowserKey).HasMaxLength(64);

        // A new table, so a foreign key costs no rebuild: the answers go with the account.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.UserId, s.TakenAt });
        builder.HasIndex(s => new { s.BrowserKey, s.TakenAt });
        builder.PrimitiveCollection(s => s.YesTo).ElementType(t => t.HasConversion<string>());
        builder.Ignore(s => s.Result);
    }
}

internal sealed class PainReportConfiguration : IEntityTypeConfiguration<PainReport>
{
    public void Configure(EntityTypeBuilder<PainReport> builder)
    {
        builder.ToTable("PainReports");
        builder.HasOne<SessionRun>().WithMany().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.RunId, p.ReportedAt });
        builder.Property(p => p.ExerciseSlug).HasMaxLength(100);
        builder.Property(p => p.ExerciseName).HasMaxLength(200);
        builder.Property(p => p.EasierSlug).HasMaxLength(100);
        builder.Property(p => p.EasierName).HasMaxLength(200);
    }
}

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
