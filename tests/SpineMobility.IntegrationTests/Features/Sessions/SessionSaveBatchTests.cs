using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMobility.Testing;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Features.Sessions;

/// <summary>
/// The players' saves go through one writer that commits all waiting saves in one transaction (group commit). Each test
/// has its own host on its own database, with time faked, and watches the transactions the writer commits.
/// </summary>
public sealed class SessionSaveBatchTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.ForSuite();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly Commits _commits = new();
    private SpineMobilityApp _app = default!;

    public Task InitializeAsync()
    {
        _app = Start();
        return Task.CompletedTask;
    }

    private SpineMobilityApp Start()
    {
        var app = new SpineMobilityApp(database: _database, services: s =>
        {
            s.AddSingleton<TimeProvider>(_time);
            s.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(_commits));
        });
        _ = app.Server;
        return app;
    }

    private SessionRuns Runs => _app.Services.GetRequiredService<SessionRuns>();

    /// <summary>Sessions of different visitors, each open on a connected page and playing.</summary>
    private async Task<List<LiveSession>> PlayingAsync(int count)
    {
        var catalog = await _app.Services.GetRequiredService<ExerciseCatalog>().ActiveAsync();
        var routine = RoutineGenerator.Generate(new RoutineRequest(10, [Region.Cervical], Level.Standard, false, 5), catalog);
        var sessions = new List<LiveSession>();
        for (var i = 0; i < count; i++)
        {
            var visitor = new Visitor($"{i:x32}");
            var id = await Runs.StartAsync(routine, $"Session {i}", visitor, "Europe/Berlin");
            sessions.Add((await Runs.OpenAsync(id, visitor))!.Session);
        }

        return sessions;
    }

    private async Task<Dictionary<Guid, SessionRun>> SavedAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.SessionRuns.AsNoTracking().ToDictionaryAsync(r => r.Id);
    }

    /// <summary>
    /// Holds the writer's next transaction at its commit, so the changes made meanwhile queue behind it; the one after
    /// takes them all.
    /// </summary>
    private async Task<Task> HoldOneCommitAsync(LiveSession first)
    {
        _commits.HoldNext();
        var held = first.PauseAsync();
        await _commits.Holding;
        return held;
    }

    [Fact]
    public async Task Saves_of_many_sessions_waiting_together_are_committed_in_one_transaction_and_only_then_told()
    {
        var sessions = await PlayingAsync(12);
        var first = await HoldOneCommitAsync(sessions[0]);

        var rest = sessions.Skip(1).Select(s => s.PauseAsync()).ToList();
        // Nobody is told while their save waits for the transaction in front of it.
        await Task.Delay(200);
        Assert.All(rest, t => Assert.False(t.IsCompleted));
        Assert.All(sessions, s => Assert.Equal(SessionStatus.Running, s.Clock.Status));

        var before = _commits.Committed.Count;
        _commits.Release();
        await first;
        await Task.WhenAll(rest);

        // The held transaction, then one transaction with the other eleven sessions' updates, one row each.
        Assert.Equal([1, 11], _commits.Committed.Skip(before).Select(c => c.RunUpdates));
        Assert.Equal(11, _commits.Committed[^1].Runs.Count);
        var saved = await SavedAsync();
        Assert.All(sessions, s =>
        {
            Assert.False(s.SaveFailed);
            Assert.Equal(SessionStatus.Paused, saved[s.Run.Id].Status);
            Assert.Equal(s.Clock.State.StepRemaining, saved[s.Run.Id].State.StepRemaining);
        });
    }

    [Fact]
    public async Task A_commit_that_fails_fails_every_save_in_it_and_each_is_saved_with_its_next_change()
    {
        var sessions = await PlayingAsync(8);
        var first = await HoldOneCommitAsync(sessions[0]);
        var rest = sessions.Skip(1).Select(s => s.PauseAsync()).ToList();
        await Task.Delay(100);

        _commits.FailNext();
        _commits.Release();
        await first;
        await Task.WhenAll(rest);

        var saved = await SavedAsync();
        Assert.False(sessions[0].SaveFailed);
        Assert.Equal(SessionStatus.Paused, saved[sessions[0].Run.Id].Status);
        Assert.All(sessions.Skip(1), s =>
        {
            // Told that it was not saved (the page says so), and nothing of it is in the database.
            Assert.True(s.SaveFailed);
            Assert.Equal(SessionStatus.Running, saved[s.Run.Id].Status);
        });

        _time.Advance(TimeSpan.FromSeconds(3));
        await Task.WhenAll(sessions.Skip(1).Select(s => s.ResumeAsync()));
        _time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(sessions.Skip(1).Select(s => s.PauseAsync()));

        saved = await SavedAsync();
        Assert.All(sessions.Skip(1), s =>
        {
            Assert.False(s.SaveFailed);
            Assert.Equal(SessionStatus.Paused, saved[s.Run.Id].Status);
            Assert.Equal((s.Clock.State.StepIndex, s.Clock.State.StepRemaining), (saved[s.Run.Id].State.StepIndex, saved[s.Run.Id].State.StepRemaining));
        });
    }

    [Fact]
    public async Task A_save_the_database_refuses_is_undone_alone_and_the_others_in_its_transaction_are_kept()
    {
        var sessions = await PlayingAsync(6);
        _time.Advance(sessions[1].Clock.Timeline.StartOf(2));
        await Task.WhenAll(sessions.Select(s => s.CatchUpAsync()));

        await using (await _database.RefuseInsertsAsync("CompletedSessions"))
        {
            var first = await HoldOneCommitAsync(sessions[0]);
            var ending = sessions[1].EndAsync();
            var pausing = sessions.Skip(2).Select(s => s.PauseAsync()).ToList();
            await Task.Delay(100);
            _commits.Release();
            await Task.WhenAll([first, ending, .. pausing]);

            Assert.Equal(5, _commits.Committed[^1].Runs.Count);
            var saved = await SavedAsync();
            Assert.True(sessions[1].SaveFailed);
            Assert.Equal(SessionStatus.Running, saved[sessions[1].Run.Id].Status);
            Assert.All(sessions.Skip(2), s =>
            {
                Assert.False(s.SaveFailed);
                Assert.Equal(SessionStatus.Paused, saved[s.Run.Id].Status);
            });
        }

        // Recorded with its next save, once.
        await sessions[1].CatchUpAsync();
        await using var db = _app.CreateDbContext();
        Assert.False(sessions[1].SaveFailed);
        Assert.Equal(1, await db.CompletedSessions.CountAsync(c => c.RunId == sessions[1].Run.Id));
    }

    [Fact]
    public async Task A_save_another_writer_beat_is_undone_alone_told_as_a_conflict_and_saved_again_over_what_that_writer_left()
    {
        var sessions = await PlayingAsync(6);
        var beaten = sessions[1];

        // Another instance saved this run since its player read it (versions 1 → 2).
        await using (var db = _app.CreateDbContext())
        {
            await db.SessionRuns.Where(r => r.Id == beaten.Run.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.Version, r => r.Version + 1));
        }

        var before = _commits.Committed.Count;
        var first = await HoldOneCommitAsync(sessions[0]);
        var pausing = sessions.Skip(1).Select(s => s.PauseAsync()).ToList();
        await Task.Delay(100);
        _commits.Release();
        await Task.WhenAll([first, .. pausing]);

        // The held one; the five waiting (the beaten one's update matched nothing and was undone alone); then the beaten
        // one again, over the version it read afresh.
        Assert.Equal([1, 5, 1], _commits.Committed.Skip(before).Select(c => c.RunUpdates));
        var saved = await SavedAsync();
        Assert.All(sessions, s =>
        {
            Assert.False(s.SaveFailed);
            Assert.Equal(SessionStatus.Paused, saved[s.Run.Id].Status);
            Assert.Equal(saved[s.Run.Id].Version, s.Run.Version);
        });
        Assert.Equal(3, saved[beaten.Run.Id].Version);
        Assert.All(sessions.Where(s => s != beaten), s => Assert.Equal(2, saved[s.Run.Id].Version));
    }

    [Fact]
    public async Task Many_sessions_changing_at_once_lose_no_save_record_each_session_once_and_resume_exactly_after_a_restart()
    {
        var sessions = await PlayingAsync(40);
        var random = new Random(11);
        for (var round = 0; round < 6; round++)
        {
            _time.Advance(TimeSpan.FromSeconds(random.Next(1, 20)));
            // From the thread pool, as circuits and timers call: saves meet while others are being written.
            var actions = sessions.Select(s => random.Next(4) switch
            {
                0 => (Func<Task>)s.TogglePauseAsync,
                1 => s.SkipAsync,
                2 => s.BackAsync,
                _ => s.CatchUpAsync,
            }).ToList();
            await Task.WhenAll(actions.Select(Task.Run));
        }

        // Every session plays a minute more, then every fifth ends (recorded if it did an exercise) and the rest pause.
        await Task.WhenAll(sessions.Select(s => s.ResumeAsync()));
        _time.Advance(TimeSpan.FromSeconds(60));
        await Task.WhenAll(sessions.Select((s, i) => Task.Run(i % 5 == 0 ? s.EndAsync : s.PauseAsync)));
        var expected = sessions.ToDictionary(s => s.Run.Id, s => (s.Clock.Status, s.Clock.State.StepIndex, s.Clock.Remaining));
        var toRecord = sessions.Count(s => s.Clock.State.IsOver && s.Clock.State.DoneSteps.Count > 0);
        Assert.True(toRecord > 0);
        Assert.All(sessions, s => Assert.False(s.SaveFailed));

        // The process goes away; the next one resumes every session where it was.
        await _app.DisposeAsync();
        _time.Advance(TimeSpan.FromHours(1));
        _app = Start();
        foreach (var (id, (status, step, remaining)) in expected)
        {
            var owner = sessions.Single(s => s.Run.Id == id).Run.BrowserKey;
            await using var lease = await Runs.OpenAsync(id, new Visitor(owner));
            var clock = lease!.Session.Clock;
            Assert.Equal((status, step, remaining), (clock.Status, clock.State.StepIndex, clock.Remaining));
        }

        await using var db = _app.CreateDbContext();
        var recorded = await db.CompletedSessions.GroupBy(c => c.RunId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(toRecord, recorded.Count);
        Assert.All(recorded, count => Assert.Equal(1, count));
    }

    public async Task DisposeAsync()
    {
        _commits.Release();
        await _app.DisposeAsync();
        _database.Delete();
    }

    /// <summary>
    /// Watches the transactions that update runs: which runs each committed, and can hold the next one at its commit or
    /// make it fail there.
    /// </summary>
    private sealed class Commits : IDbTransactionInterceptor, IDbCommandInterceptor
    {
        private readonly ConcurrentDictionary<DbTransaction, ConcurrentBag<string>> _updates = new();
        private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _hold;
        private volatile bool _fail;

        public List<(int RunUpdates, IReadOnlySet<string> Runs)> Committed { get; } = [];

        public Task Holding => _holding.Task;

        public void HoldNext()
        {
            _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _hold = true;
        }

        public void Release() => _released.TrySetResult();

        public void FailNext() => _fail = true;

        public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Note(command);
            return result;
        }

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Note(command);
            return ValueTask.FromResult(result);
        }

        private void Note(DbCommand command)
        {
            if (command.Transaction is { } transaction && command.CommandText.Contains("UPDATE \"SessionRuns\"", StringComparison.Ordinal)
                && command.Parameters.Cast<DbParameter>().LastOrDefault(p => p.Value is Guid or string { Length: 36 }) is { } id)
            {
                _updates.GetOrAdd(transaction, _ => []).Add(id.Value!.ToString()!.ToUpperInvariant());
            }
        }

        public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (!_updates.TryRemove(transaction, out var runs))
            {
                return result;
            }

            // Decided as the commit begins: a failure asked for while this one is held is for the next.
            var fail = _fail;
            _fail = false;
            if (_hold)
            {
                _hold = false;
                _holding.TrySetResult();
                await _released.Task;
            }

            if (fail)
            {
                throw new DbUpdateException("The commit was refused (test).");
            }

            lock (Committed)
            {
                Committed.Add((runs.Count, runs.ToHashSet()));
            }

            return result;
        }
    }
}
