using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SpineMobility.Testing;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Playing;

namespace SpineMobility.IntegrationTests.Data;

/// <summary>An upgrade applies the new migrations to a database that already holds a user's history, and loses none of it.</summary>
public sealed class MigrationUpgradeTests : IDisposable
{
    private readonly string _path = TempFiles.NewPath("upgrade", ".db");

    private AppDbContext Open() => new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={_path}").Options);

    [Fact]
    public async Task Upgrading_from_the_guided_sessions_schema_keeps_every_recorded_session()
    {
        var runId = Guid.NewGuid();
        await using (var db = Open())
        {
            await db.GetService<IMigrator>().MigrateAsync("GuidedSessions");
            // The catalog row as that version's sync wrote it: no illustration columns yet.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO Exercises (Slug, Name, Summary, Regions, Position, Equipment, Directions, PerSide, Phases, Intensity, Steps, Cues, Cautions, SortOrder, IsRetired, Dose_Kind, Dose_Reps, Dose_SecondsPerRep)
                VALUES ('chin-tucks', 'Chin tucks', 'Draws the head back over the shoulders.', '["Cervical"]', 'Seated', 'Chair', '["Flexion"]', 0, '["Mobility"]', 'Gentle',
                        '["Sit tall."]', '["Move slowly."]', '["Stop on sharp pain."]', 2, 0, 'Reps', 10, 3)
                """);
            var chinTucks = await db.Database.SqlQuery<int>($"SELECT Id AS Value FROM Exercises WHERE Slug = 'chin-tucks'").SingleAsync();

            // Rows as the version of that time wrote them, column for column.
            var state = JsonColumn.Converter<SessionState>().ConvertToProvider(SessionState.NotStarted(SessionTimeline.From([])));
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO SessionRuns (Id, BrowserKey, Title, Minutes, Focus, Level, HasEquipment, Seed, Blocks, TimeZone, CreatedAt, Status, State, UpdatedAt)
                VALUES ({runId}, 'browser-1', 'Neck relief', 10, '["Cervical"]', 'Standard', 0, 1, '[]', 'Europe/Berlin', 0, 'Completed', {state}, 0)
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO CompletedSessions (Id, RunId, BrowserKey, Title, StartedAt, FinishedAt, LocalDate, TimeZone, ActiveSeconds, PlannedSeconds, Finished)
                VALUES (7, {runId}, 'browser-1', 'Neck relief', 0, 0, '2026-11-20', 'Europe/Berlin', 600, 600, 1)
                """);
            await db.Database.ExecuteSqlAsync($"INSERT INTO CompletedExercises (CompletedSessionId, ExerciseId, Phase, Seconds) VALUES (7, {chinTucks}, 'Mobility', 40)");
        }

        await using (var db = Open())
        {
            await db.Database.MigrateAsync();

            var session = await db.CompletedSessions.Include(s => s.Exercises).ThenInclude(e => e.Exercise).SingleAsync();
            Assert.Equal(runId, session.RunId);
            Assert.Equal(new DateOnly(2026, 11, 20), session.LocalDate);
            Assert.Equal(600, session.ActiveSeconds);
            Assert.Null(session.UserId);
            Assert.Null(session.Before);
            Assert.Equal("chin-tucks", Assert.Single(session.Exercises).Exercise!.Slug);
            Assert.Equal("Neck relief", (await db.SessionRuns.SingleAsync()).Title);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());

            // The catalog sync of the new version fills in what the upgrade added.
            var content = await ExerciseContent.LoadAsync(RepoFiles.ExercisesJson);
            await CatalogSync.RunAsync(db, content.Exercises, CancellationToken.None);
            var synced = await db.Exercises.SingleAsync(e => e.Slug == "chin-tucks");
            Assert.Equal("illustrations/chin-tucks-start.svg", synced.Illustration.StartFile);
            Assert.Equal(session.Exercises[0].ExerciseId, synced.Id);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
