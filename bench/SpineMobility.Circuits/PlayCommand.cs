using System.Collections.Concurrent;
using System.Diagnostics;
using SpineMobility.Circuits.Playing;
using SpineMobility.Circuits.Protocol;

namespace SpineMobility.Circuits;

/// <summary>
/// Rounds of N concurrent playing sessions: each set up as a new visitor does it, then a window in
/// which every step change's lag is measured. Each round closes its circuits before the next starts.
/// </summary>
public static class PlayCommand
{
    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri(new Uri(options.Text("url")).GetLeftPart(UriPartial.Authority) + "/");
        var rounds = options.Ints("sessions", 50);
        var minutes = options.WholeNumber("minutes", 90, min: 5);
        var window = TimeSpan.FromSeconds(options.RealNumber("window", 60, min: 5));
        var parallel = options.WholeNumber("parallel", 8, min: 1);
        var readyFile = options.OptionalText("ready-file");
        // Several instances behind a balancer: their PIDs, comma-separated, for each one's CPU and memory.
        var serverPids = options.OptionalText("server-pid") is { } pids
            ? pids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList()
            : [];
        var forwardedFor = options.Flag("forwarded-for");
        options.RejectUnknown();

        using var http = Visitor.SharedClient();
        var summary = new List<string>();
        var round = 0;
        foreach (var sessions in rounds)
        {
            round++;
            Console.WriteLine($"== round {round}: {sessions} sessions of {minutes} minutes");
            var result = await RunRoundAsync(http, baseAddress, round, sessions, minutes, window, parallel, readyFile, serverPids, forwardedFor, cancellationToken);
            summary.Add(result.Line);
            if (result.FellOver)
            {
                Console.WriteLine($"round {round} fell over ({result.Why}); later rounds skipped.");
                break;
            }
        }

        Console.WriteLine();
        Console.WriteLine("sessions | set up | step changes/s | lag p50 | p90 | p99 | max (ms) | late past window | closed by server | JS.Error | server CPU (cores)");
        foreach (var line in summary)
        {
            Console.WriteLine(line);
        }

        return 0;
    }

    /// <summary>
    /// Step changes during the set-up, grouped by how many sessions were playing at their deadline:
    /// the lag at each level of a ramp, with new visitors still arriving (which the window has not).
    /// </summary>
    private static void PrintRamp(List<PlayerWatch> watches, long from, long to)
    {
        var spans = watches.Select(w =>
        {
            var updates = w.Updates;
            var start = updates.Count > 0 ? updates[0].At : long.MaxValue;
            var end = updates.FirstOrDefault(u => u.Over)?.At ?? w.Circuit.ClosedAt ?? long.MaxValue;
            return (Start: start, End: end);
        }).ToList();
        int Playing(double ms) => spans.Count(s => Ms(s.Start) <= ms && ms < Ms(s.End));

        var levels = new[] { 25, 50, 100, 200, 400, 800, 1600, int.MaxValue };
        var byLevel = levels.ToDictionary(l => l, _ => new List<double>());
        foreach (var watch in watches)
        {
            foreach (var (deadline, lag) in StepLag.Samples(watch.Updates, from, to))
            {
                byLevel[levels.First(l => Playing(deadline) <= l)].Add(lag);
            }
        }

        if (byLevel.Values.Sum(l => l.Count) == 0)
        {
            return;
        }

        Console.WriteLine("  during the set-up, by sessions playing at the deadline: step changes | lag p50 | p90 | p99 | max (ms)");
        var lower = 0;
        foreach (var level in levels)
        {
            var values = byLevel[level];
            values.Sort();
            if (values.Count > 0)
            {
                var label = level == int.MaxValue ? $"> {lower}" : $"{lower + 1}-{level}";
                Console.WriteLine($"    {label,10} playing: {values.Count,6} | {Report.Percentile(values, 50),6:0} | {Report.Percentile(values, 90),6:0} | {Report.Percentile(values, 99),6:0} | {values[^1],6:0}");
            }

            lower = level;
        }

        static double Ms(long timestamp) => timestamp == long.MaxValue ? double.MaxValue : timestamp * 1000.0 / Stopwatch.Frequency;
    }

    private static async Task<(string Line, bool FellOver, string Why)> RunRoundAsync(
        HttpClient http, Uri baseAddress, int round, int sessions, int minutes, TimeSpan window, int parallel,
        string? readyFile, List<int> serverPids, bool forwardedFor, CancellationToken cancellationToken)
    {
        var watches = new ConcurrentBag<PlayerWatch>();
        var failures = new ConcurrentDictionary<string, int>();
        var instances = new ConcurrentDictionary<string, int>();
        var setupStarted = Stopwatch.GetTimestamp();
        using var gate = new SemaphoreSlim(parallel);
        var progress = Task.Run(async () =>
        {
            while (watches.Count + failures.Values.Sum() < sessions && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(5000, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
                Console.WriteLine($"  setting up: {watches.Count} playing, {failures.Values.Sum()} failed, {Stopwatch.GetElapsedTime(setupStarted).TotalSeconds:0} s");
            }
        }, cancellationToken);

        var setups = Enumerable.Range(0, sessions).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var visitor = new Visitor(baseAddress, http, forwardedFor ? OpenCommand.AddressOf(i) : null);
                var path = await SessionStarter.StartAsync(visitor, minutes, seed: (round * 10_000) + i + 1, cancellationToken);
                var page = await visitor.LoadAsync(path, cancellationToken);
                var circuit = new Circuit(visitor, page, trackPage: false);
                var watch = new PlayerWatch(circuit);
                try
                {
                    await circuit.StartAsync(TimeSpan.FromSeconds(60), cancellationToken);
                    var waited = Stopwatch.GetTimestamp();
                    while (watch.UpdateCount == 0 && !circuit.IsClosed && Stopwatch.GetElapsedTime(waited) < TimeSpan.FromSeconds(30))
                    {
                        await Task.Delay(50, cancellationToken);
                    }

                    if (watch.UpdateCount == 0)
                    {
                        throw new TimeoutException("the player never sent its first update");
                    }

                    watches.Add(watch);
                    if (visitor.Instances.Count > 0)
                    {
                        // Behind nginx: which instance served this visitor, or "moved" if its pages came from more than one.
                        instances.AddOrUpdate(visitor.Instances.Count == 1 ? visitor.Instances.First() : "moved", 1, (_, n) => n + 1);
                    }
                }
                catch
                {
                    await circuit.DisposeAsync();
                    throw;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.AddOrUpdate(Report.Clip($"{e.GetType().Name}: {e.Message}", 160), 1, (_, n) => n + 1);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(setups);
        await progress;
        var setupSeconds = Stopwatch.GetElapsedTime(setupStarted).TotalSeconds;
        Console.WriteLine($"  {watches.Count} of {sessions} playing after {setupSeconds:0} s of set-up"
            + (SessionStarter.RefusedBeacons > 0 ? $"; {SessionStarter.RefusedBeacons} builder circuits' disconnect beacons not taken so far" : ""));
        foreach (var (why, count) in failures)
        {
            Console.WriteLine($"  set-up failed {count} x: {why}");
        }

        if (!instances.IsEmpty)
        {
            Console.WriteLine($"  sessions by the instance that served their pages (X-Spine-Instance): {string.Join(", ", instances.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key} {i.Value}"))}");
        }

        // The window: every session plays; each step whose deadline falls inside it is measured.
        var serverBefore = serverPids.Select(pid => ProcessCpu.Seconds(pid)).ToList();
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var windowStart = Stopwatch.GetTimestamp();
        if (readyFile is not null)
        {
            await File.WriteAllTextAsync(readyFile, $"{watches.Count} sessions playing\n", cancellationToken);
        }

        while (Stopwatch.GetElapsedTime(windowStart) < window && (readyFile is null || File.Exists(readyFile)))
        {
            await Task.Delay(200, cancellationToken);
        }

        var windowEnd = Stopwatch.GetTimestamp();
        var windowSeconds = Stopwatch.GetElapsedTime(windowStart, windowEnd).TotalSeconds;
        var instanceCores = serverPids.Select((pid, i) => ProcessCpu.Seconds(pid) - serverBefore[i] is { } used ? used / windowSeconds : (double?)null).ToList();
        var serverCores = instanceCores.Count > 0 && instanceCores.All(c => c is not null) ? instanceCores.Sum() : null;
        var clientCores = (Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalSeconds / windowSeconds;
        var serverRss = serverPids.Select(pid => ProcessCpu.ResidentMegabytes(pid)).ToList();

        // Deadlines in the last two seconds are left out: their next step may still be on its way.
        var measuredEnd = windowEnd - (2 * Stopwatch.Frequency);
        var lags = new List<double>();
        var ownLags = new List<double>();
        var missing = 0;
        var over = 0;
        foreach (var watch in watches)
        {
            var (sessionLags, sessionMissing) = StepLag.Measure(watch.Updates, windowStart, measuredEnd);
            lags.AddRange(sessionLags);
            ownLags.AddRange(StepLag.Measure(watch.Updates, windowStart, measuredEnd, fromSessionEnd: false).Lags);
            missing += sessionMissing;
            over += watch.Updates.Any(u => u.Over) ? 1 : 0;
        }

        lags.Sort();
        ownLags.Sort();
        PrintRamp(watches.ToList(), setupStarted, windowStart);
        var closed = watches.Count(w => w.Circuit.IsClosed);
        var errors = watches.SelectMany(w => w.Circuit.Errors).GroupBy(e => e).ToList();
        var rate = lags.Count / Math.Max(1, windowSeconds - 2);
        Console.WriteLine($"  window {windowSeconds:0} s: {lags.Count} step changes ({rate:0.0}/s), {missing} still late when it closed, {over} sessions finished");
        Console.WriteLine($"  step-change lag ms: p50 {Report.Percentile(lags, 50):0} | p90 {Report.Percentile(lags, 90):0} | p99 {Report.Percentile(lags, 99):0} | max {(lags.Count > 0 ? lags[^1] : double.NaN):0}");
        Console.WriteLine($"  (cross-check, each deadline from its step's own update: p50 {Report.Percentile(ownLags, 50):0} | p90 {Report.Percentile(ownLags, 90):0} | p99 {Report.Percentile(ownLags, 99):0})");
        Console.WriteLine($"  circuits closed by the server: {closed}; client CPU {clientCores:0.00} cores" +
            (serverCores is { } cores ? $"; server CPU {cores:0.00} cores, RSS {string.Join(" + ", serverRss.Select(r => $"{r:0}"))} MB" : ""));
        if (serverPids.Count > 1)
        {
            Console.WriteLine($"  per instance: {string.Join("; ", serverPids.Select((pid, i) => $"pid {pid} CPU {instanceCores[i]:0.00} cores, RSS {serverRss[i]:0} MB"))}");
        }
        foreach (var error in errors)
        {
            Console.WriteLine($"  JS.Error {error.Count()} x: {Report.Clip(error.Key, 200)}");
        }

        var line = $"{sessions,8} | {watches.Count,6} | {rate,14:0.0} | {Report.Percentile(lags, 50),7:0} | {Report.Percentile(lags, 90),4:0} | {Report.Percentile(lags, 99),4:0} | {(lags.Count > 0 ? lags[^1] : double.NaN),8:0} | {missing,16} | {closed,16} | {errors.Sum(e => e.Count()),8} | {serverCores,0:0.00}"
            + (serverPids.Count > 1 ? $" ({string.Join(" + ", instanceCores.Select(c => $"{c:0.00}"))})" : "");

        await Task.WhenAll(watches.Select(w => w.Circuit.DisposeAsync().AsTask()));
        if (watches.Count(w => w.Circuit.DisconnectRefused) is > 0 and var refused)
        {
            Console.WriteLine($"  {refused} disconnect beacons not taken: those circuits stay until the server's retention ends");
        }

        var setupFailures = failures.Values.Sum();
        var fellOver = setupFailures > sessions / 10 || closed > sessions / 10 || over > sessions / 10;
        if (over > 0)
        {
            Console.WriteLine($"  {over} sessions finished before the window closed: the set-up outlasted them, so fewer than {sessions} were playing");
        }

        return (line, fellOver, $"{setupFailures} set-ups failed, {closed} circuits closed by the server, {over} sessions over before the window ended");
    }
}
