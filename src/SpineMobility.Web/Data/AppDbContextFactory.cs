using Microsoft.EntityFrameworkCore;

namespace SpineMobility.Web.Data;

/// <summary>Hands out the configured provider's context wherever <c>IDbContextFactory&lt;AppDbContext&gt;</c> is injected.</summary>
internal sealed class AppDbContextFactory(DbContextOptions<AppDbContext> options, AppDatabase database) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => database.CreateContext(options);
}
