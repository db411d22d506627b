using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;

namespace SpineMobility.Web.Data.Config;

internal sealed class SessionRunConfiguration : IEntityTypeConfiguration<SessionRun>
{
    public void Configure(EntityTypeBuilder<SessionRun> builder)
    {
        builder.Property(r => r.BrowserKey).HasMaxLength(64);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.TimeZone).HasMaxLength(64);
        builder.HasIndex(r => new { r.BrowserKey, r.Status });
        // No foreign key to the user: adding one to a table that already holds sessions makes SQLite
        // rebuild it, outside a transaction. AccountData deletes a user's sessions with the account.
        builder.HasIndex(r => new { r.UserId, r.Status });

        // Covers "the runs of this visitor" (UserId = ?, or UserId IS NULL AND BrowserKey = ?) without reading
        // the runs' large JSON columns, for the reports that hang off runs (pain, sides).
        builder.HasIndex(r => new { r.UserId, r.BrowserKey, r.Id });
        builder.PrimitiveCollection(r => r.Focus).ElementType(t => t.HasConversion<string>());

        // The plan and the player's state are read and written whole, so each is one JSON column.
        builder.Property(r => r.Blocks).HasConversion(Json.Converter<List<RoutineBlock>>(), Json.Comparer<List<RoutineBlock>>());
        builder.Property(r => r.State).HasConversion(Json.Converter<SessionState>(), Json.Comparer<SessionState>());
        builder.OwnsOne(r => r.Before, b => b.ToJson());
    }
}

internal sealed class CompletedSessionConfiguration : IEntityTypeConfiguration<CompletedSession>
{
    public void Configure(EntityTypeBuilder<CompletedSession> builder)
    {
        builder.HasIndex(s => s.RunId).IsUnique();
        builder.HasOne<SessionRun>().WithOne().HasForeignKey<CompletedSession>(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.BrowserKey, s.LocalDate });
        builder.HasIndex(s => new { s.UserId, s.LocalDate });

        // The history and the check-in trend read newest first.
        builder.HasIndex(s => new { s.UserId, s.FinishedAt });
        builder.HasIndex(s => new { s.BrowserKey, s.FinishedAt });
        builder.Property(s => s.BrowserKey).HasMaxLength(64);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.HasMany(s => s.Exercises).WithOne().HasForeignKey(e => e.CompletedSessionId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsOne(s => s.Before, b => b.ToJson());
        builder.OwnsOne(s => s.After, b => b.ToJson());
    }
}

internal sealed class CompletedExerciseConfiguration : IEntityTypeConfiguration<CompletedExercise>
{
    public void Configure(EntityTypeBuilder<CompletedExercise> builder)
    {
        builder.ToTable("CompletedExercises");

        // Exercises are retired, never deleted, so history keeps pointing at them.
        builder.HasOne(e => e.Exercise).WithMany().HasForeignKey(e => e.ExerciseId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Stores a value as JSON text, with enums by name so stored rows survive enum reordering.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> Converter<T>() =>
        new(value => JsonSerializer.Serialize(value, Options), text => JsonSerializer.Deserialize<T>(text, Options)!);

    public static ValueComparer<T> Comparer<T>() => new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!);
}
