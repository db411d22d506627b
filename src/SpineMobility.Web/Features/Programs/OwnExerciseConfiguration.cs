using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Programs;

internal sealed class OwnExerciseConfiguration : IEntityTypeConfiguration<OwnExercise>
{
    public void Configure(EntityTypeBuilder<OwnExercise> builder)
    {
        builder.Property(e => e.Key).HasMaxLength(OwnExerciseKey.Length);
        builder.HasIndex(e => e.Key).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(ExerciseSchema.MaxLength("name"));
        builder.HasIndex(e => new { e.UserId, e.UpdatedAt });

        // Deleting the account deletes its exercises (and the routines that used them) on both providers.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
