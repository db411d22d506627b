using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Features.Settings;
using SpineMobility.Web.Hosting;
using SpineMobility.Web.Shared;

namespace SpineMobility.Benchmarks;

/// <summary>
/// What the progress page costs for someone with ten years of history: about 4,700 sessions,
/// 47,000 exercise rows, two side answers a session and a pain report a month, in a real SQLite
/// file, read through the app's own queries.
/// </summary>
[MemoryDiagnoser]
public class ProgressPageBenchmarks
{
    private const string UserId = "ten-years-of-practice";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"progress-bench-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = default!;
    private ProgressData _progress = default!;
    private Visitor _visitor = default!;

    [GlobalSetup]
    public void Seed()
    {
        var services = new ServiceCollection();
        services.AddDbContextFactory<AppDbContext>(o => o.UseSqlite($"Data Source={_path}"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<ProgressData>();
        _services = services.BuildServiceProvider();
        _progress = _services.GetRequiredService<ProgressData>();
        _visitor = new Visitor("ffffffffffffffffffffffffffffffff", UserId, "Europe/Berlin");

        using var db = _services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        db.Database.Migrate();
        CatalogSync.RunAsync(db, Catalog.Load(), CancellationToken.None).GetAwaiter().GetResult();
        db.Users.Add(new AppUser { Id = UserId, UserName = "bench@example.com", Email = "bench@example.com" });
        db.SaveChanges();

        var exercises = db.Exercises.AsNoTracking().ToList();
        var random = new Random(42);
        var today = DateTimeOffset.UtcNow;
        for (var day = 3652; day > 0; day--)
        {
            // About one session a day, two on some days, a missed day every week or so.
            var sessions = random.Next(10) switch { 0 => 0, < 7 => 1, _ => 2 };
            for (var s = 0; s < sessions; s++)
            {
                var finished = today.AddDays(-day).AddHours(s * 5);
                var runId = Guid.NewGuid();
                db.SessionRuns.Add(new SessionRun
                {
                    Id = runId, BrowserKey = _visitor.BrowserKey, UserId = UserId, Title = "Daily routine", TimeZone = "Europe/Berlin",
                    Status = SessionStatus.Completed, State = SessionState.NotStarted(SessionTimeline.From([])), CreatedAt = finished, UpdatedAt = finished,
                });
                db.CompletedSessions.Add(new CompletedSession
                {
                    RunId = runId, BrowserKey = _visitor.BrowserKey, UserId = UserId, Title = "Daily routine", TimeZone = "Europe/Berlin",
                    StartedAt = finished.AddMinutes(-15), FinishedAt = finished, LocalDate = TimeZones.LocalDate(finished, "Europe/Berlin"),
                    ActiveSeconds = 600 + random.Next(600), PlannedSeconds = 900, Finished = true,
                    Exercises = [.. Enumerable.Range(0, 10).Select(i => new CompletedExercise
                    {
                        ExerciseId = exercises[random.Next(exercises.Count)].Id, Phase = (SessionPhase)(i * 4 / 10), Seconds = 60,
                    })],
                    Before = random.Next(3) == 0 ? new CheckIn { Stiffness = random.Next(11) } : null,
                });
                foreach (var (block, slug) in new[] { (1, "pigeon-pose"), (4, "knee-to-chest") })
                {
                    db.SideReports.Add(new SideReport
                    {
                        RunId = runId, BlockIndex = block, ExerciseSlug = slug, Tighter = (TighterSide)random.Next(3),
                        ReportedAt = finished, LocalDate = TimeZones.LocalDate(finished, "Europe/Berlin"),
                    });
                }

                if (random.Next(40) == 0)
                {
                    db.PainReports.Add(new PainReport
                    {
                        RunId = runId, ReportedAt = finished.AddMinutes(-5), ExerciseSlug = "cobra-pose", ExerciseName = "Cobra pose",
                        Pain = random.Next(11), Area = BodyArea.LowerBack, Choice = PainChoice.EasierExercise, EasierSlug = "seated-spinal-twist", EasierName = "Seated spinal twist",
                    });
                }
            }

            if (day % 200 == 0)
            {
                db.SaveChanges();
                db.ChangeTracker.Clear();
            }
        }

        db.SaveChanges();
    }

    [Benchmark]
    public Task<ProgressSnapshot> Progress_page_numbers_for_ten_years_of_history() => _progress.LoadAsync(_visitor);

    [Benchmark]
    public Task<IReadOnlyList<HistoryEntry>> First_page_of_the_history() => _progress.HistoryAsync(_visitor, 0);

    [Benchmark]
    public Task<SideBalance> Which_side_feels_tighter_for_ten_years_of_answers() => _progress.SidesAsync(_visitor, "Europe/Berlin");

    [Benchmark]
    public Task<IReadOnlyList<PainReport>> Latest_pain_reports() => _progress.RecentPainAsync(_visitor);

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
