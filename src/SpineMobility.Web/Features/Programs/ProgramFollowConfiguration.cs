using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Web.Features.Programs;

internal sealed class ProgramFollowConfiguration : IEntityTypeConfiguration<ProgramFollow>
{
    public void Configure(EntityTypeBuilder<ProgramFollow> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(SavedRoutine.MaxNameLength);
        builder.Property(f => f.Note).HasMaxLength(SavedRoutine.MaxNoteLength);
        builder.Property(f => f.SenderName).HasMaxLength(SavedRoutine.MaxNameLength);
        builder.Property(f => f.ShareName).HasMaxLength(SavedRoutine.MaxNameLength);
        builder.HasIndex(f => new { f.UserId, f.Status });
        builder.HasIndex(f => new { f.SenderUserId, f.ShareProgress });

        // Deleting the follower's account deletes their programs; deleting the sender's deletes their routines
        // and with them every follow of them (and so whatever was shared with the sender).
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<ProgramRun>().WithOne().HasForeignKey(r => r.FollowId).OnDelete(DeleteBehavior.Cascade);

        builder.Property(f => f.Blocks).HasConversion(JsonColumn.Converter<List<RoutineBlock>>(), JsonColumn.Comparer<List<RoutineBlock>>());
        builder.Property(f => f.Schedule).HasConversion(JsonColumn.Converter<ProgramSchedule>(), JsonColumn.Comparer<ProgramSchedule>());
        builder.Property(f => f.Pauses).HasConversion(JsonColumn.Converter<List<ProgramPause>>(), JsonColumn.Comparer<List<ProgramPause>>());
        builder.Property(f => f.SharingChoices).HasConversion(JsonColumn.Converter<List<SharingChoice>>(), JsonColumn.Comparer<List<SharingChoice>>());
    }
}

internal sealed class ProgramRunConfiguration : IEntityTypeConfiguration<ProgramRun>
{
    public void Configure(EntityTypeBuilder<ProgramRun> builder)
    {
        builder.HasIndex(r => r.RunId).IsUnique();
        builder.HasOne<SessionRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
