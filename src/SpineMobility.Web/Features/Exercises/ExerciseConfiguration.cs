using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpineMobility.Web.Features.Exercises;

internal sealed class ExerciseConfiguration : IEntityTypeConfiguration<Exercise>
{
    // The column lengths are the content schema's maxLength for the same fields (a test compares them),
    // so whatever passes the validator fits the database.
    public void Configure(EntityTypeBuilder<Exercise> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Slug).HasMaxLength(100);
        builder.Property(e => e.Name).HasMaxLength(80);
        builder.Property(e => e.Summary).HasMaxLength(110);
        builder.HasIndex(e => new { e.IsRetired, e.SortOrder });

        builder.ComplexProperty(e => e.Dose);
        builder.ComplexProperty(e => e.Illustration, i =>
        {
            i.Property(x => x.StartFile).HasMaxLength(200);
            i.Property(x => x.StartAlt).HasMaxLength(300);
            i.Property(x => x.EndFile).HasMaxLength(200);
            i.Property(x => x.EndAlt).HasMaxLength(300);
        });

        builder.PrimitiveCollection(e => e.Regions).ElementType(t => t.HasConversion<string>());
        builder.PrimitiveCollection(e => e.Directions).ElementType(t => t.HasConversion<string>());
        builder.PrimitiveCollection(e => e.Phases).ElementType(t => t.HasConversion<string>());
    }
}
