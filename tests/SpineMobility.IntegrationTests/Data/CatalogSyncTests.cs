using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpineMobility.Testing;

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
