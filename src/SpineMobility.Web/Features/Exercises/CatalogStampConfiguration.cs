using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpineMobility.Web.Features.Exercises;

internal sealed class CatalogStampConfiguration : IEntityTypeConfiguration<CatalogStamp>
{
    public void Configure(EntityTypeBuilder<CatalogStamp> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
