using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SpineMobility.Web.Data;

/// <summary>The model on PostgreSQL; its migrations are in Data/PostgresMigrations.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<AppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureStorage(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are timestamptz, which Npgsql writes only from UTC offsets: normalise on the way in.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}

/// <summary>For <c>dotnet ef migrations add --context PostgresAppDbContext</c>: no database is opened.</summary>
internal sealed class PostgresAppDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql("Host=localhost;Database=design-time").Options);
}
