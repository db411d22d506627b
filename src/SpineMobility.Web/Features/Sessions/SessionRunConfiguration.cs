using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;

namespace SpineMobility.Web.Features.Sessions;

internal sealed class SessionRunConfiguration : IEntityTypeConfiguration<SessionRun>
{
    public void Configure(EntityTypeBuilder<SessionRun> builder)
    {
        builder.Property(r => r.BrowserKey).HasMaxLength(64);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.TimeZone).HasMaxLength(64);
        builder.HasIndex(r => new { r.BrowserKey, r.Status });
        // The foreign key to the user is configured from the account's side (AppUserConfiguration).
        builder.HasIndex(r => new { r.UserId, r.Status });

        // Covers "the runs of this visitor" (UserId = ?, or UserId IS NULL AND BrowserKey = ?) without reading
        // the runs' large JSON columns, for the reports that hang off runs (pain, sides).
        builder.HasIndex(r => new { r.UserId, r.BrowserKey, r.Id });
        builder.HasMany<PainReport>().WithOne().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.PrimitiveCollection(r => r.Focus).ElementType(t => t.HasConversion<string>());

        // The plan and the player's state are read and written whole, so each is one JSON column.
        builder.Property(r => r.Blocks).HasConversion(JsonColumn.Converter<List<RoutineBlock>>(), JsonColumn.Comparer<List<RoutineBlock>>());
        builder.Property(r => r.OwnExercises).HasConversion(JsonColumn.Converter<Dictionary<string, string>>(), JsonColumn.Comparer<Dictionary<string, string>>());
        builder.Property(r => r.State).HasConversion(JsonColumn.Converter<SessionState>(), JsonColumn.Comparer<SessionState>());
        builder.OwnsOne(r => r.Before, b => b.ToJson());
    }
}
