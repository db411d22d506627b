using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SpineMobility.Testing;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Data;

/// <summary>An upgrade of an existing SQLite installation applies the new migrations to a database that already holds users' history, and loses none of it.</summary>
public sealed class MigrationUpgradeTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new(TempFiles.NewPath("upgrade", ".db"));

    private AppDbContext Open() => _database.CreateDbContext();

    [SqliteFact]
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

    [SqliteFact]
    public async Task Upgrading_to_own_exercises_keeps_every_run_playable_and_every_saved_routine()
    {
        var runId = Guid.NewGuid();
        await using (var db = Open())
        {
            await db.GetService<IMigrator>().MigrateAsync("CatalogStamp");
            var state = JsonColumn.Converter<SessionState>().ConvertToProvider(SessionState.NotStarted(SessionTimeline.From([])));
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO SessionRuns (Id, BrowserKey, Title, Minutes, Focus, Level, HasEquipment, Seed, Blocks, TimeZone, CreatedAt, Status, State, UpdatedAt)
                VALUES ({runId}, 'browser-1', 'Neck relief', 10, '["Cervical"]', 'Standard', 0, 1, '[]', 'Europe/Berlin', 0, 'Paused', {state}, 0)
                """);
        }

        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());

            // A run from before has no own exercises: an empty map, which reads back, not an empty text, which would not.
            var run = await db.SessionRuns.SingleAsync(r => r.Id == runId);
            Assert.Equal("Neck relief", run.Title);
            Assert.Empty(run.OwnExercises);

            // Versioned saves (several instances): an existing run starts at version 0, and its first save goes over it.
            Assert.Equal(0, run.Version);
            Assert.Empty(await db.OwnExercises.ToListAsync());
        }
    }

    [SqliteFact]
    public async Task Upgrading_to_foreign_keys_on_the_user_keeps_every_account_and_browser_session_with_its_reports()
    {
        var (userId, usersRun, browsersRun, orphanRun) = await SeedBeforeUserForeignKeysAsync();
        int usersSession;

        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());

            // Every row of the account and of the anonymous browser is there, as it was.
            var users = await db.CompletedSessions.Include(s => s.Exercises).SingleAsync(s => s.RunId == usersRun);
            Assert.Equal((userId, "Alice's evening", 570, new DateOnly(2026, 11, 20)), (users.UserId, users.Title, users.ActiveSeconds, users.LocalDate));
            Assert.Equal(7, users.Before!.Stiffness);
            Assert.Equal(90, Assert.Single(users.Exercises).Seconds);
            Assert.Equal(new DateTimeOffset(2026, 11, 20, 18, 30, 0, TimeSpan.Zero), users.FinishedAt);
            Assert.Equal(6, (await db.PainReports.SingleAsync(p => p.RunId == usersRun)).Pain);
            Assert.Equal(TighterSide.Left, (await db.SideReports.SingleAsync(s => s.RunId == usersRun)).Tighter);
            Assert.Equal([SessionStatus.Completed, SessionStatus.Paused], await db.SessionRuns.Where(r => r.UserId == userId).Select(r => r.Status).OrderBy(s => s).ToListAsync());
            Assert.Null((await db.CompletedSessions.SingleAsync(s => s.RunId == browsersRun)).UserId);
            Assert.Equal(2, await db.CompletedSessions.CountAsync());
            usersSession = users.Id;

            // Rows of an account deleted long ago, which the new keys cannot hold, went with it.
            Assert.False(await db.SessionRuns.AnyAsync(r => r.Id == orphanRun));
            Assert.False(await db.PainReports.AnyAsync(p => p.RunId == orphanRun));

            // The keys are there and hold, and every index came back.
            var keys = await db.Database.SqlQuery<string>($"""SELECT "table" AS Value FROM pragma_foreign_key_list('SessionRuns')""").ToListAsync();
            Assert.Contains("AspNetUsers", keys);
            Assert.Contains("AspNetUsers", await db.Database.SqlQuery<string>($"""SELECT "table" AS Value FROM pragma_foreign_key_list('CompletedSessions')""").ToListAsync());
            Assert.Empty(await db.Database.SqlQuery<string>($"""SELECT "table" AS Value FROM pragma_foreign_key_check""").ToListAsync());
            var indexes = await db.Database.SqlQuery<string>($"""SELECT name AS Value FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('SessionRuns', 'CompletedSessions') AND name LIKE 'IX_%'""").ToListAsync();
            Assert.Equal(8, indexes.Count);
        }

        // Deleting the account now takes its sessions and their reports along, by the keys alone.
        await using (var db = Open())
        {
            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync();
            Assert.False(await db.SessionRuns.AnyAsync(r => r.UserId == userId));
            Assert.False(await db.PainReports.AnyAsync(p => p.RunId == usersRun));
            Assert.False(await db.Set<CompletedExercise>().AnyAsync(e => e.CompletedSessionId == usersSession));
            Assert.True(await db.CompletedSessions.AnyAsync(s => s.RunId == browsersRun));
        }
    }

    [SqliteFact]
    public async Task An_interrupted_foreign_key_upgrade_changes_nothing_and_completes_on_the_next_start()
    {
        var (_, usersRun, _, orphanRun) = await SeedBeforeUserForeignKeysAsync();
        await using (var db = Open())
        {
            // A table in the way makes the rebuild fail half-way, as a crash would stop it.
            await db.Database.ExecuteSqlRawAsync("""CREATE TABLE "ef_temp_CompletedSessions" ("Blocker" INTEGER)""");
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.MigrateAsync());
        }

        await using (var db = Open())
        {
            Assert.Contains("20261201092506_UserForeignKeys", await db.Database.GetPendingMigrationsAsync());
            Assert.Empty(await db.Database.SqlQuery<string>($"""SELECT "table" AS Value FROM pragma_foreign_key_list('SessionRuns')""").ToListAsync());
            Assert.True(await db.SessionRuns.AnyAsync(r => r.Id == orphanRun), "the half-done upgrade was not rolled back");
            Assert.Equal(3, await db.CompletedSessions.CountAsync());

            await db.Database.ExecuteSqlRawAsync("""DROP TABLE "ef_temp_CompletedSessions" """);
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.True(await db.CompletedSessions.AnyAsync(s => s.RunId == usersRun));
            Assert.Equal(2, await db.CompletedSessions.CountAsync());
        }
    }

    /// <summary>
    /// A database of the last version before the user foreign keys, holding: an account with a recorded session
    /// (exercise, check-in, pain report, side answer) and a paused one, an anonymous browser's session, and a
    /// session of an account that no longer exists.
    /// </summary>
    private async Task<(string UserId, Guid UsersRun, Guid BrowsersRun, Guid OrphanRun)> SeedBeforeUserForeignKeysAsync()
    {
        await using var db = Open();
        await db.GetService<IMigrator>().MigrateAsync("AfterCheckInTime");

        // The seeding writes through today's model, which has a table that schema lacks: it is there only while seeding,
        // so the upgrade starts from that schema exactly.
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE CatalogStamps (Id INTEGER NOT NULL PRIMARY KEY, Version INTEGER NOT NULL);");
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE SessionRuns ADD COLUMN OwnExercises TEXT NOT NULL DEFAULT '{{}}';");
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE SessionRuns ADD COLUMN Version INTEGER NOT NULL DEFAULT 0;");
        var content = await ExerciseContent.LoadAsync(RepoFiles.ExercisesJson);
        await CatalogSync.RunAsync(db, content.Exercises, CancellationToken.None);
        var catCow = await db.Exercises.SingleAsync(e => e.Slug == "cat-cow");

        var user = new AppUser { UserName = "alice@example.com", Email = "alice@example.com", NormalizedEmail = "ALICE@EXAMPLE.COM", NormalizedUserName = "ALICE@EXAMPLE.COM" };
        db.Users.Add(user);
        var finished = new DateTimeOffset(2026, 11, 20, 18, 30, 0, TimeSpan.Zero);
        var usersRun = AddSession(db, user.Id, "Alice's evening", finished, catCow.Id);
        var pausedRun = AddSession(db, user.Id, "Alice's paused one", finished, catCow.Id, completed: false);
        var browsersRun = AddSession(db, null, "A browser's lunch break", finished.AddDays(1), catCow.Id);
        var orphanRun = AddSession(db, "deleted-account", "Someone's who left", finished, catCow.Id);
        db.PainReports.AddRange(
            new PainReport { RunId = usersRun, ReportedAt = finished.AddMinutes(-5), ExerciseSlug = "cat-cow", ExerciseName = "Cat-cow", Pain = 6, Area = BodyArea.LowerBack },
            new PainReport { RunId = orphanRun, ReportedAt = finished, ExerciseSlug = "cat-cow", ExerciseName = "Cat-cow", Pain = 3, Area = BodyArea.Neck });
        db.SideReports.Add(new SideReport { RunId = usersRun, BlockIndex = 0, ExerciseSlug = "pigeon-pose", Tighter = TighterSide.Left, ReportedAt = finished, LocalDate = new(2026, 11, 20) });
        await db.SaveChangesAsync();

        await db.SessionRuns.Where(r => r.Id == pausedRun).ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, SessionStatus.Paused));
        await db.Database.ExecuteSqlRawAsync("DROP TABLE CatalogStamps;");
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE SessionRuns DROP COLUMN OwnExercises;");
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE SessionRuns DROP COLUMN Version;");
        return (user.Id, usersRun, browsersRun, orphanRun);
    }

    private static Guid AddSession(AppDbContext db, string? userId, string title, DateTimeOffset finishedAt, int exerciseId, bool completed = true)
    {
        var runId = Guid.NewGuid();
        db.SessionRuns.Add(new SessionRun
        {
            Id = runId,
            BrowserKey = "cccccccccccccccccccccccccccccccc",
            UserId = userId,
            Title = title,
            TimeZone = "UTC",
            State = SessionState.NotStarted(SessionTimeline.From([])),
            Status = SessionStatus.Completed,
            CreatedAt = finishedAt.AddMinutes(-10),
            UpdatedAt = finishedAt,
            Before = new CheckIn { Stiffness = 7, Areas = [BodyArea.Neck] },
        });
        if (completed)
        {
            db.CompletedSessions.Add(new CompletedSession
            {
                RunId = runId,
                BrowserKey = "cccccccccccccccccccccccccccccccc",
                UserId = userId,
                Title = title,
                TimeZone = "UTC",
                LocalDate = DateOnly.FromDateTime(finishedAt.UtcDateTime),
                StartedAt = finishedAt.AddMinutes(-10),
                FinishedAt = finishedAt,
                ActiveSeconds = 570,
                PlannedSeconds = 600,
                Finished = true,
                Exercises = [new CompletedExercise { ExerciseId = exerciseId, Phase = SessionPhase.Mobility, Seconds = 90 }],
                Before = new CheckIn { Stiffness = 7, Areas = [BodyArea.Neck] },
            });
        }

        return runId;
    }

    public void Dispose() => _database.Delete();
}
