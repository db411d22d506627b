using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpineMobility.Web.Features.Exercises;

internal sealed class ExerciseConfiguration : IEntityTypeConfiguration<Exercise>
{
    public void Configure(EntityTypeBuilder<Exercise> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Slug).HasMaxLength(100);
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.HasIndex(e => new { e.IsRetired, e.SortOrder });

        builder.ComplexProperty(e => e.Dose);
        builder.ComplexProperty(e => e.Illustration, i =>
        {
            i.Property(x => x.StartFile).HasMaxLength(200);
            i.Property(x => x.EndFile).HasMaxLength(200);
        });

        builder.PrimitiveCollection(e => e.Regions).ElementType(t => t.HasConversion<string>());
        builder.PrimitiveCollection(e => e.Directions).ElementType(t => t.HasConversion<string>());
        builder.PrimitiveCollection(e => e.Phases).ElementType(t => t.HasConversion<string>());
    }
}
