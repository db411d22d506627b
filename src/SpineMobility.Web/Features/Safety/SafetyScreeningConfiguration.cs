using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpineMobility.Web.Features.Safety;

internal sealed class SafetyScreeningConfiguration : IEntityTypeConfiguration<SafetyScreening>
{
    public void Configure(EntityTypeBuilder<SafetyScreening> builder)
    {
        builder.ToTable("SafetyScreenings");
        builder.Property(s => s.BrowserKey).HasMaxLength(64);

        builder.HasIndex(s => new { s.UserId, s.TakenAt });
        builder.HasIndex(s => new { s.BrowserKey, s.TakenAt });
        builder.PrimitiveCollection(s => s.YesTo).ElementType(t => t.HasConversion<string>());
        builder.Ignore(s => s.Result);
    }
}
