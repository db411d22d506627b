using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Shared;

namespace SpineMobility.Benchmarks;

/// <summary>
/// N visitors open their sessions at the same moment (issue 11 §3): how long the whole takes, and how long of it
/// <see cref="SessionRuns"/>' lock over the live sessions was held, which is what each of them may have waited behind.
/// The app's own services on a real SQLite file, migrated by the app's migrations.
/// </summary>
public static class OpenSessions
{
    public static async Task<int> RunAsync(int count, int rounds)
    {
        var path = Path.Combine(Path.GetTempPath(), $"open-sessions-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        var database = new SqliteDatabase($"Data Source={path}");
        services.AddDbContextFactory<AppDbContext>(database.Configure);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SessionRuns>();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        await using var provider = services.BuildServiceProvider();
        try
        {
            var factory = provider.GetRequiredService<IDbContextFactory<AppDbContext>>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                await CatalogSync.RunAsync(db, Catalog.Load(), CancellationToken.None);
            }

            var catalog = await (await factory.CreateDbContextAsync()).Exercises.AsNoTracking().ToListAsync();
            var routine = RoutineGenerator.Generate(new RoutineRequest(90, [], Level.Standard, true, 7), catalog);
            for (var round = 1; round <= rounds; round++)
            {
                var runs = provider.GetRequiredService<SessionRuns>();
                var visitors = Enumerable.Range(0, count).Select(i => new Visitor($"{round:x4}{i:x28}")).ToList();
                var ids = new List<Guid>();
                foreach (var visitor in visitors)
                {
                    ids.Add(await runs.StartAsync(routine, "Bench", visitor, "Europe/Berlin"));
                }

                var heldBefore = runs.LockHeld;
                var clock = Stopwatch.StartNew();
                var leases = await Task.WhenAll(ids.Select((id, i) => Task.Run(() => runs.OpenAsync(id, visitors[i]))));
                var opened = clock.Elapsed;
                var held = runs.LockHeld - heldBefore;
                foreach (var lease in leases)
                {
                    await lease!.DisposeAsync();
                }

                Console.WriteLine(FormattableString.Invariant(
                    $"round {round}: {count} sessions opened at once in {opened.TotalMilliseconds:F0} ms; the live sessions' lock was held {held.TotalMilliseconds:F2} ms of it ({held.TotalMilliseconds * 1000 / count:F1} µs a session)"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }

        return 0;
    }
}
