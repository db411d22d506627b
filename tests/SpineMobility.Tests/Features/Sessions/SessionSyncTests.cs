using System.Collections.Concurrent;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Sessions.Playing;

namespace SpineMobility.Tests.Features.Sessions;

/// <summary>How saves are signalled to other instances: in the background, many to a signal, each read back.</summary>
public sealed class SessionSyncTests
{
    /// <summary>Signals as another instance would hear them, each send taking a while (as a round trip to the database does).</summary>
    private sealed class RecordedSignals : ChangeSignals
    {
        public ConcurrentQueue<string> Sent { get; } = new();

        public override bool Spans => true;

        public override async Task NotifyAsync(string topic, string message, CancellationToken cancellationToken = default)
        {
            await Task.Delay(5, cancellationToken);
            Sent.Enqueue($"{topic}|{message}");
        }

        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
    }

    [Fact]
    public async Task A_thousand_saves_at_once_reach_the_other_instances_every_one_in_a_few_signals()
    {
        var signals = new RecordedSignals();
        var sync = new SessionSync(signals, new LocalTimerLeases());
        var saves = Enumerable.Range(0, 1000).Select(i => (RunId: Guid.NewGuid(), Version: i)).ToList();

        await Task.WhenAll(saves.Chunk(100).Select(chunk => Task.Run(() =>
        {
            foreach (var (runId, version) in chunk)
            {
                sync.Saved(runId, version);
            }
        })));

        for (var i = 0; i < 400 && signals.Sent.Sum(s => s.Count(c => c == ',') + 1) < saves.Count; i++)
        {
            await Task.Delay(25);
        }

        var heard = signals.Sent.SelectMany(s =>
        {
            var parts = s.Split('|');
            Assert.Equal(SessionSync.Topic, parts[0]);
            Assert.True(parts[1].Length < 8000 - 100, "a signal fits PostgreSQL's payload limit");
            return SessionSync.Parse(parts[1]);
        }).ToList();
        Assert.Equal(saves.OrderBy(s => s.RunId), heard.OrderBy(s => s.RunId));
        Assert.InRange(signals.Sent.Count, 5, 200);
    }

    [Fact]
    public void A_signal_is_read_save_by_save_and_a_part_that_cannot_be_read_is_left_out()
    {
        var run = Guid.NewGuid();
        var other = Guid.NewGuid();

        var read = SessionSync.Parse($"{run:N} 3,nonsense,{other:N} x,{other:N} 12").ToList();

        Assert.Equal([(run, 3), (other, 12)], read);
    }
}
