using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpineMobility.Web.Features.Sessions;

internal sealed class CompletedExerciseConfiguration : IEntityTypeConfiguration<CompletedExercise>
{
    public void Configure(EntityTypeBuilder<CompletedExercise> builder)
    {
        builder.ToTable("CompletedExercises");

        // Exercises are retired, never deleted, so history keeps pointing at them.
        builder.HasOne(e => e.Exercise).WithMany().HasForeignKey(e => e.ExerciseId).OnDelete(DeleteBehavior.Restrict);
    }
}
