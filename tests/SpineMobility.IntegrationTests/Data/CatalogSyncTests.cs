using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Testing;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Hosting;

namespace SpineMobility.IntegrationTests.Data;

/// <summary>Restarting the app with edited content updates the catalog and retires, never deletes.</summary>
public sealed class CatalogSyncTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.ForSuite();
    private readonly string _contentFile = TempFiles.ContentFolder("{}");

    private async Task<SpineMobilityApp> StartAsync(JsonObject content)
    {
        await File.WriteAllTextAsync(_contentFile, content.ToJsonString());
        var app = new SpineMobilityApp(database: _database, settings: new Dictionary<string, string?> { ["Content:ExercisesPath"] = _contentFile });
        _ = app.Server; // starts the host, which syncs the catalog
        return app;
    }

    private SpineMobilityApp Host(string contentFile) =>
        new(database: _database, settings: new Dictionary<string, string?> { ["Content:ExercisesPath"] = contentFile });

    [Fact]
    public async Task Instances_starting_together_on_one_database_all_start_and_each_exercise_is_stored_once()
    {
        await File.WriteAllTextAsync(_contentFile, RealContent().ToJsonString());

        // The app's own start-up (migrations, then the catalog sync) three times at once, as instances do after a deploy.
        // (Built by hand: test hosts from WebApplicationFactory cannot be started at the same time in one process.)
        var settings = new Dictionary<string, string?>(_database.Settings) { ["Content:ExercisesPath"] = _contentFile };
        var apps = new List<WebApplication>();
        for (var i = 0; i < 3; i++)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
            builder.Configuration.AddInMemoryCollection(settings);
            builder.AddSpineMobility();
            apps.Add(builder.Build());
        }

        try
        {
            var started = await Task.WhenAll(apps.Select(app => Task.Run(() => app.PrepareDatabaseAsync())));
            Assert.All(started, Assert.True);
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
        }

        await using var db = _database.CreateDbContext();
        var slugs = await db.Exercises.Select(e => e.Slug).ToListAsync();
        Assert.Equal(18, slugs.Count);
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        Assert.Equal(1, await db.CatalogStamps.Select(s => s.Version).SingleAsync());
    }

    [Fact]
    public async Task A_running_instance_serves_the_catalog_another_instance_synced_once_it_checks()
    {
        await File.WriteAllTextAsync(_contentFile, RealContent().ToJsonString());
        await using var running = Host(_contentFile);
        var catalog = running.Services.GetRequiredService<ExerciseCatalog>();
        Assert.Contains(await catalog.ActiveAsync(), e => e.Slug == "ankle-circles");
        using var client = running.CreateClient();
        // Anonymous catalog pages are output-cached (once the visitor's cookies are set): the new catalog must reach them too.
        _ = await client.GetStringAsync("/about");
        Assert.Contains("Ankle circles", await client.GetStringAsync("/exercises"), StringComparison.Ordinal);
        Assert.Contains("Ankle circles", await client.GetStringAsync("/exercises/ankle-circles"), StringComparison.Ordinal);

        // A rolling deploy: a new instance with new content syncs the shared database.
        var edited = RealContent();
        edited["exercises"]![0]!["name"] = "Slow neck circles";
        edited["exercises"]!.AsArray().RemoveAt(17); // ankle-circles
        var newContent = TempFiles.ContentFolder(edited.ToJsonString());
        await using (var deployed = Host(newContent))
        {
            _ = deployed.Server;
        }

        // On PostgreSQL the new instance's signal reaches the running one at once; on SQLite the periodic check finds it.
        var watch = running.Services.GetRequiredService<CatalogWatch>();
        if (!TestDatabase.SuiteRunsOnPostgres)
        {
            await watch.CheckAsync();
        }

        await Eventually.TrueAsync(async () => !(await catalog.ActiveAsync()).Any(e => e.Slug == "ankle-circles"), TimeSpan.FromSeconds(5));
        Assert.Equal("Slow neck circles", (await catalog.ActiveAsync())[0].Name);
        Assert.DoesNotContain("Ankle circles", await client.GetStringAsync("/exercises"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/exercises/ankle-circles")).StatusCode);
    }

    private static JsonObject RealContent() => JsonNode.Parse(File.ReadAllText(RepoFiles.ExercisesJson))!.AsObject();

    [Fact]
    public async Task Editing_content_and_restarting_updates_changed_exercises_and_retires_removed_ones()
    {
        await using (var first = await StartAsync(RealContent()))
        {
            await using var db = first.CreateDbContext();
            Assert.Equal(18, await db.Exercises.CountAsync(e => !e.IsRetired));
        }

        var edited = RealContent();
        var entries = edited["exercises"]!.AsArray();
        entries[0]!["name"] = "Slow neck circles";
        entries.RemoveAt(17); // ankle-circles

        await using (var second = await StartAsync(edited))
        {
            await using var db = second.CreateDbContext();
            var rows = await db.Exercises.AsNoTracking().ToListAsync();
            Assert.Equal(18, rows.Count);
            Assert.True(rows.Single(e => e.Slug == "ankle-circles").IsRetired);
            Assert.Equal("Slow neck circles", rows.Single(e => e.Slug == "neck-circles").Name);

            using var client = second.CreateClient();
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/exercises/ankle-circles")).StatusCode);
            Assert.DoesNotContain("ankle-circles", await client.GetStringAsync("/api/exercises"), StringComparison.Ordinal);
        }

        await using (var third = await StartAsync(RealContent()))
        {
            await using var db = third.CreateDbContext();
            var ankles = await db.Exercises.AsNoTracking().SingleAsync(e => e.Slug == "ankle-circles");
            Assert.False(ankles.IsRetired);
            Assert.Equal(ankles.Id, (await db.Exercises.AsNoTracking().SingleAsync(e => e.Slug == "ankle-circles")).Id);
            Assert.Equal("Neck circles", (await db.Exercises.AsNoTracking().SingleAsync(e => e.Slug == "neck-circles")).Name);
        }
    }

    [Fact]
    public async Task An_exercise_keeps_its_row_id_across_restarts()
    {
        int before;
        await using (var first = await StartAsync(RealContent()))
        await using (var db = first.CreateDbContext())
        {
            before = (await db.Exercises.SingleAsync(e => e.Slug == "cat-cow")).Id;
        }

        var edited = RealContent();
        edited["exercises"]![6]!["summary"] = "Round and arch your back on all fours.";
        await using (var second = await StartAsync(edited))
        await using (var db = second.CreateDbContext())
        {
            var row = await db.Exercises.SingleAsync(e => e.Slug == "cat-cow");
            Assert.Equal(before, row.Id);
            Assert.Equal("Round and arch your back on all fours.", row.Summary);
        }
    }

    public void Dispose()
    {
        _database.Delete();
        Directory.Delete(Path.GetDirectoryName(_contentFile)!, recursive: true);
    }
}
