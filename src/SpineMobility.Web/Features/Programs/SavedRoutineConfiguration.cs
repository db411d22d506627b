using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Web.Features.Programs;

internal sealed class SavedRoutineConfiguration : IEntityTypeConfiguration<SavedRoutine>
{
    public void Configure(EntityTypeBuilder<SavedRoutine> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(SavedRoutine.MaxNameLength);
        builder.Property(r => r.Note).HasMaxLength(SavedRoutine.MaxNoteLength);
        builder.Property(r => r.SenderName).HasMaxLength(SavedRoutine.MaxNameLength);
        builder.Property(r => r.ShareToken).HasMaxLength(64);
        builder.HasIndex(r => r.ShareToken).IsUnique();
        builder.HasIndex(r => new { r.UserId, r.UpdatedAt });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);

        // Read and written whole, like a run's plan.
        builder.Property(r => r.Blocks).HasConversion(JsonColumn.Converter<List<RoutineBlock>>(), JsonColumn.Comparer<List<RoutineBlock>>());
        builder.Property(r => r.Schedule).HasConversion(JsonColumn.Converter<ProgramSchedule?>(), JsonColumn.Comparer<ProgramSchedule?>());
        builder.HasMany<ProgramFollow>().WithOne().HasForeignKey(f => f.RoutineId).OnDelete(DeleteBehavior.Cascade);
    }
}
