using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.IntegrationTests.Hosting;
using SpineMobility.Testing;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Settings;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Data;

/// <summary>
/// Moving an installation from its SQLite file to PostgreSQL with the documented command
/// (<c>SpineMobility.Web copy-from-sqlite &lt;file&gt;</c>): every table, every row, every user's export the same.
/// </summary>
public sealed class DatabaseCopyTests : IDisposable
{
    private const string Password = "Moving-day-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 20, 0, 0, TimeSpan.Zero);

    private readonly SqliteTestDatabase _sqlite = new(TempFiles.NewPath("before-the-move", ".db"));
    private readonly Lazy<PostgresTestDatabase> _postgres = new(() => new PostgresTestDatabase());
    private readonly string _alice = $"alice-{Guid.NewGuid():N}@example.com";
    private readonly string _bob = $"bob-{Guid.NewGuid():N}@example.com";

    private static SpineMobilityApp StartOn(TestDatabase database) =>
        new(database: database, services: s => s.AddSingleton<TimeProvider>(new TestClock(Now)));

    [PostgresFact]
    public async Task Copying_a_sqlite_installation_into_an_empty_postgres_database_keeps_every_row_and_every_users_export()
    {
        string protectedBefore;
        Dictionary<string, (string Json, string Csv)> before;
        await using (var old = StartOn(_sqlite))
        {
            await SeedAsync(old);
            before = await ExportsAsync(old);
            protectedBefore = old.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("move").Protect("still readable");
        }

        var (exitCode, output) = await CopyAsync();

        Assert.True(exitCode == 0, output);
        Assert.Contains("every table counted again on both sides", output, StringComparison.Ordinal);
        await using var moved = StartOn(_postgres.Value);

        // Row for row, table for table.
        await using (var from = _sqlite.CreateDbContext())
        await using (var to = moved.CreateDbContext())
        {
            foreach (var table in DatabaseCopy.InDependencyOrder(to.Model))
            {
                var name = table.GetTableName()!;
                Assert.True(await CountAsync(from, name) == await CountAsync(to, name), $"{name} differs");
            }

            Assert.True(await to.CompletedSessions.CountAsync() >= 3);
        }

        // Each user's own copy of their data is the same document as before the move.
        var after = await ExportsAsync(moved);
        foreach (var (user, export) in before)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(export.Json), JsonNode.Parse(after[user].Json)), $"{user}'s JSON export changed:\n{export.Json}\n---\n{after[user].Json}");
            Assert.Equal(export.Csv, after[user].Csv);
        }

        // The key ring came along: cookies and forms issued before the move stay valid.
        Assert.Equal("still readable", moved.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("move").Unprotect(protectedBefore));

        // New rows get keys after the copied ones.
        await moved.RecordSessionAsync(null, "First after the move", Now);
    }

    [PostgresFact]
    public async Task Copying_into_a_database_that_holds_data_is_refused_and_changes_nothing()
    {
        await using (var old = StartOn(_sqlite))
        {
            await old.RecordSessionAsync(null, "Old one", Now.AddDays(-1));
        }

        await using (var other = StartOn(_postgres.Value))
        {
            await other.RecordSessionAsync(null, "Already here", Now);
        }

        var (exitCode, output) = await CopyAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("Nothing was copied", output, StringComparison.Ordinal);
        Assert.Contains("is not empty", output, StringComparison.Ordinal);
        await using var db = _postgres.Value.CreateDbContext();
        Assert.Equal(["Already here"], await db.CompletedSessions.Select(s => s.Title).ToListAsync());
    }

    [SqliteFact]
    public async Task Copying_from_a_file_that_does_not_exist_is_refused_without_creating_it()
    {
        var missing = TempFiles.NewPath("no-such", ".db");

        var (exitCode, output) = await AppProcess.RunAsync([DatabaseCopy.Command, missing], new Dictionary<string, string>(), Path.GetTempPath());

        Assert.Equal(1, exitCode);
        Assert.Contains($"there is no SQLite database at {missing}", output, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    private Task<(int ExitCode, string Output)> CopyAsync() => AppProcess.RunAsync(
        [DatabaseCopy.Command, _sqlite.Path],
        _postgres.Value.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!),
        Path.GetTempPath());

    /// <summary>Two accounts with everything an account can hold, and an anonymous browser's session.</summary>
    private async Task SeedAsync(SpineMobilityApp app)
    {
        foreach (var email in new[] { _alice, _bob })
        {
            var userId = await app.CreateUserAsync(email, Password);
            var settings = app.Services.GetRequiredService<SettingsStore>();
            var mine = await settings.GetAsync(userId, "Asia/Tokyo");
            mine.DailyMinimumMinutes = 10;
            mine.ReminderDays = [DayOfWeek.Monday, DayOfWeek.Thursday];
            Assert.Empty(await settings.SaveAsync(mine, "Asia/Tokyo"));
            Assert.Empty(await settings.AddPauseAsync(userId, new(2026, 10, 1), new(2026, 10, 5), $"{email}'s flu, café break"));

            var run = await app.RecordSessionAsync(userId, $"{email}'s evening", Now.AddHours(-3), "Asia/Tokyo");
            await app.RecordSessionAsync(userId, $"{email}'s morning", Now.AddDays(-2), "Europe/Berlin");
            await app.RecordSessionAsync(userId, $"{email}'s unfinished", Now.AddHours(-1), completed: false);
            var safety = app.Services.GetRequiredService<SafetyStore>();
            await safety.SaveScreeningAsync(
                new Visitor(RecordedSessions.AnyBrowser, userId), ScreeningReason.FirstSession,
                Enum.GetValues<RedFlag>().ToDictionary(f => f, f => (bool?)(f == RedFlag.PainAtNightOrRest)));
            await safety.ReportPainAsync(new PainReport { RunId = run, ExerciseSlug = "cat-cow", ExerciseName = "Cat-cow", Pain = 4, Area = BodyArea.LowerBack });
            await using var db = app.CreateDbContext();
            db.SideReports.Add(new SideReport { RunId = run, BlockIndex = 1, ExerciseSlug = "pigeon-pose", Tighter = TighterSide.Right, ReportedAt = Now.AddHours(-3), LocalDate = new(2026, 11, 26) });
            await db.SaveChangesAsync();
        }

        await app.RecordSessionAsync(null, "A browser's lunch break", Now.AddHours(-6), browserKey: "abcdefabcdefabcdefabcdefabcdef12");
    }

    private async Task<Dictionary<string, (string Json, string Csv)>> ExportsAsync(SpineMobilityApp app)
    {
        var exports = new Dictionary<string, (string, string)>();
        foreach (var email in new[] { _alice, _bob })
        {
            using var client = await app.SignedInClientAsync(email, Password);
            var json = await client.GetAsync("/account/export.json");
            var csv = await client.GetAsync("/account/export.csv");
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (json.StatusCode, csv.StatusCode));
            exports[email] = (await json.Content.ReadAsStringAsync(), await csv.Content.ReadAsStringAsync());
        }

        return exports;
    }

    private static async Task<int> CountAsync(AppDbContext db, string table)
    {
        var sql = $"""SELECT COUNT(*) AS "Value" FROM "{table}" """;
        return (await db.Database.SqlQueryRaw<int>(sql).ToListAsync()).Single();
    }

    public void Dispose()
    {
        _sqlite.Delete();
        if (_postgres.IsValueCreated)
        {
            _postgres.Value.Delete();
        }
    }
}
