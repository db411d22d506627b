using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;

namespace SpineMobility.IntegrationTests.Data;

[Collection(AppCollection.Name)]
public sealed class DatabaseTests(AppFixture fixture)
{
    [SqliteFact]
    public async Task The_database_runs_in_wal_mode()
    {
        await using var db = fixture.App.CreateDbContext();
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();

        Assert.Equal("wal", Assert.Single(mode));
    }

    [Fact]
    public async Task Every_migration_of_the_provider_is_applied_at_start_up()
    {
        await using var db = fixture.App.CreateDbContext();

        Assert.Equal(fixture.App.Database.Provider == "sqlite" ? typeof(AppDbContext) : typeof(PostgresAppDbContext), db.GetType());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes without a migration: run ./tools/add-migration.sh <Name>");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database()
    {
        // Rendering an interactive page protects its component state, which creates the key ring.
        await fixture.Client.GetStringAsync("/");
        await using var db = fixture.App.CreateDbContext();

        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task Pages_refuse_framing_and_sniffing_and_allow_the_wake_lock()
    {
        var response = await fixture.Client.GetAsync("/");

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("screen-wake-lock=(self)", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_endpoint_reports_healthy()
    {
        var response = await fixture.Client.GetAsync("/healthz");

        response.EnsureSuccessStatusCode();
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
