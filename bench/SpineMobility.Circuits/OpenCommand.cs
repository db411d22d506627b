using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using SpineMobility.Circuits.Protocol;

namespace SpineMobility.Circuits;

/// <summary>
/// Opens N live circuits on one page, holds them, and closes them: what the first messages cost
/// each way, how long each took to become interactive, and what the server refused or shut down.
/// </summary>
public static class OpenCommand
{
    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var url = new Uri(options.Text("url"));
        var count = options.WholeNumber("count", 1, min: 1);
        var visitors = options.WholeNumber("visitors", count, min: 1);
        var parallel = options.WholeNumber("parallel", 8, min: 1);
        var hold = TimeSpan.FromSeconds(options.RealNumber("hold", 10));
        var settle = TimeSpan.FromSeconds(options.RealNumber("settle", 2));
        var readyFile = options.OptionalText("ready-file");
        var forwardedFor = options.Flag("forwarded-for");
        var serverPid = options.OptionalText("server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : (int?)null;
        options.RejectUnknown();

        var baseAddress = new Uri(url.GetLeftPart(UriPartial.Authority) + "/");
        using var http = Visitor.SharedClient();
        var browsers = Enumerable.Range(0, visitors).Select(v => new Visitor(baseAddress, http, forwardedFor ? AddressOf(v) : null)).ToList();
        var open = new ConcurrentBag<Circuit>();
        var failures = new ConcurrentDictionary<string, int>();
        var pages = new ConcurrentBag<int>();
        var serverBefore = ProcessCpu.Seconds(serverPid);
        var started = Stopwatch.GetTimestamp();
        using var gate = new SemaphoreSlim(parallel);
        var progress = Task.Run(async () =>
        {
            while (open.Count + failures.Values.Sum() < count && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(5000, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
                Console.WriteLine($"  {open.Count} open, {failures.Values.Sum()} failed, {open.Count(c => c.IsClosed)} closed by the server, {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s"
                    + (ProcessCpu.ResidentMegabytes(serverPid) is { } rss ? $", server RSS {rss:0} MB" : ""));
            }
        }, cancellationToken);

        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            Circuit? circuit = null;
            try
            {
                var visitor = browsers[i % visitors];
                var page = await visitor.LoadAsync(url.PathAndQuery, cancellationToken);
                pages.Add(page.HtmlBytes);
                circuit = new Circuit(visitor, page, trackPage: false);
                await circuit.StartAsync(TimeSpan.FromSeconds(60), cancellationToken);
                open.Add(circuit);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.AddOrUpdate(Report.Clip($"{e.GetType().Name}: {e.Message}", 160), 1, (_, n) => n + 1);
                if (circuit is not null)
                {
                    await circuit.DisposeAsync();
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        await progress;
        var openedIn = Stopwatch.GetElapsedTime(started).TotalSeconds;

        // Let the last pages finish their first renders and JS calls before counting their messages.
        await Task.Delay(settle, cancellationToken);
        var circuits = open.ToList();
        Console.WriteLine($"opened {circuits.Count} of {count} circuits on {url.PathAndQuery} in {openedIn:0.0} s ({circuits.Count / openedIn:0.0}/s), {visitors} visitor(s), {parallel} at a time");
        foreach (var (why, n) in failures.OrderByDescending(f => f.Value))
        {
            Console.WriteLine($"  failed {n} x: {why}");
        }

        if (circuits.Count > 0)
        {
            PrintFirstMessages(circuits, pages);
        }

        if (readyFile is not null)
        {
            await File.WriteAllTextAsync(readyFile, $"{circuits.Count} circuits open\n", cancellationToken);
        }

        var holding = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(holding) < hold && (readyFile is null || File.Exists(readyFile)))
        {
            await Task.Delay(200, cancellationToken);
        }

        var serverCpu = ProcessCpu.Seconds(serverPid) - serverBefore;
        var closed = circuits.Count(c => c.IsClosed);
        Console.WriteLine($"after holding {Stopwatch.GetElapsedTime(holding).TotalSeconds:0} s: {circuits.Count - closed} still open, {closed} closed by the server"
            + (serverCpu is { } cpu ? $"; server used {cpu:0.0} s of CPU since the first request ({cpu * 1000 / Math.Max(1, circuits.Count):0} ms per circuit), RSS {ProcessCpu.ResidentMegabytes(serverPid):0} MB" : ""));
        foreach (var error in circuits.SelectMany(c => c.Errors).GroupBy(e => e))
        {
            Console.WriteLine($"  JS.Error {error.Count()} x: {Report.Clip(error.Key, 200)}");
        }

        foreach (var reason in circuits.Where(c => c.CloseError is not null).GroupBy(c => c.CloseError))
        {
            Console.WriteLine($"  connection closed {reason.Count()} x: {Report.Clip(reason.Key!, 200)}");
        }

        if (circuits.Sum(c => c.Wire.BindingFailures) is > 0 and var binding)
        {
            Console.WriteLine($"  {binding} messages this client could not bind, e.g. {circuits.First(c => c.Wire.BindingFailures > 0).Wire.LastBindingFailure}");
        }

        var closing = Stopwatch.GetTimestamp();
        await Task.WhenAll(circuits.Select(c => c.DisposeAsync().AsTask()));
        Console.WriteLine($"closed {circuits.Count} circuits in {Stopwatch.GetElapsedTime(closing).TotalSeconds:0.0} s"
            + (circuits.Count(c => c.DisconnectRefused) is > 0 and var refused ? $"; {refused} disconnect beacons not taken (those circuits stay until the server's retention ends)" : ""));
        return failures.IsEmpty && closed == 0 ? 0 : 1;
    }

    /// <summary>A distinct private address per visitor, for a server that trusts X-Forwarded-For from this client.</summary>
    public static string AddressOf(int visitor) => $"10.{((visitor + 1) >> 16) & 255}.{((visitor + 1) >> 8) & 255}.{(visitor + 1) & 255}";

    private static void PrintFirstMessages(List<Circuit> circuits, IEnumerable<int> pages)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return Report.Percentile(sorted, 50);
        }

        var interactive = circuits.Select(c => Stopwatch.GetElapsedTime(c.StartedAt, c.InteractiveAt).TotalMilliseconds).Order().ToList();
        var rendered = circuits.Select(c => Stopwatch.GetElapsedTime(c.StartedAt, c.LastRenderAt).TotalMilliseconds).Order().ToList();
        Console.WriteLine("first messages of one circuit (median over circuits, bytes):");
        Console.WriteLine($"  page HTML                      {Median(pages.Select(p => (double)p)),10:N0}");
        Console.WriteLine($"  up   StartCircuit              {Median(circuits.Select(c => (double)c.Wire.FirstSent("StartCircuit"))),10:N0}");
        Console.WriteLine($"  up   UpdateRootComponents      {Median(circuits.Select(c => (double)c.Wire.FirstSent("UpdateRootComponents"))),10:N0}");
        Console.WriteLine($"  down first render batch        {Median(circuits.Select(c => (double)c.FirstRenderBatchBytes)),10:N0}");
        Console.WriteLine($"  down largest render batch      {Median(circuits.Select(c => (double)c.LargestRenderBatchBytes)),10:N0}");
        Console.WriteLine($"  down all render batches        {Median(circuits.Select(c => (double)c.RenderBatchBytes)),10:N0} in {Median(circuits.Select(c => (double)c.RenderBatches)):0} batches");
        Console.WriteLine($"  down everything so far         {Median(circuits.Select(c => (double)c.Wire.ReceivedBytes)),10:N0} ({Median(circuits.Select(c => (double)c.JsCalls)):0} JS calls)");
        Console.WriteLine($"  up   everything so far         {Median(circuits.Select(c => (double)c.Wire.SentBytes)),10:N0}");
        Console.WriteLine($"first render batch after (ms, from connecting): p50 {Report.Percentile(interactive, 50):0} | p90 {Report.Percentile(interactive, 90):0} | max {interactive[^1]:0}");
        Console.WriteLine($"last render batch of the start (ms):           p50 {Report.Percentile(rendered, 50):0} | p90 {Report.Percentile(rendered, 90):0} | max {rendered[^1]:0}");
    }
}
