using System.Diagnostics;
using SpineMobility.Circuits.Protocol;

namespace SpineMobility.Circuits;

/// <summary>Opens one circuit and shows what it took: messages each way, the JS calls made, the page it rendered.</summary>
public static class InspectCommand
{
    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var url = new Uri(options.Text("url"));
        var settle = options.RealNumber("settle", 2);
        options.RejectUnknown();

        using var http = Visitor.SharedClient();
        var visitor = new Visitor(new Uri(url.GetLeftPart(UriPartial.Authority) + "/"), http);
        var page = await visitor.LoadAsync(url.PathAndQuery, cancellationToken);
        await using var circuit = new Circuit(visitor, page, trackPage: true);
        var calls = new List<JsCall>();
        circuit.JsCalled += (_, call) =>
        {
            lock (calls)
            {
                calls.Add(call);
            }
        };

        await circuit.StartAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(settle), cancellationToken);

        Console.WriteLine($"page {page.Address}: {page.HtmlBytes:N0} bytes of HTML, {page.Markers.Count} server components, state {page.State.Length:N0} chars");
        Console.WriteLine($"first render batch after {Stopwatch.GetElapsedTime(circuit.StartedAt, circuit.InteractiveAt).TotalMilliseconds:0} ms, last after {Stopwatch.GetElapsedTime(circuit.StartedAt, circuit.LastRenderAt).TotalMilliseconds:0} ms (from connecting)");
        Console.WriteLine($"render batches (bytes, in order): {string.Join(", ", circuit.RenderBatchSizes.Select(b => b.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))}");
        Report.Wire(circuit.Wire);
        Console.WriteLine("JS calls:");
        lock (calls)
        {
            foreach (var group in calls.GroupBy(c => (c.Module, c.Identifier, c.ResultType)))
            {
                Console.WriteLine($"  {group.Count(),3} x {(group.Key.Module is null ? "" : group.Key.Module + ": ")}{group.Key.Identifier} ({group.Key.ResultType}) {Report.Clip(group.First().ArgsJson, 120)}");
            }
        }

        foreach (var error in circuit.Errors)
        {
            Console.WriteLine($"JS.Error: {error}");
        }

        if (circuit.Wire.BindingFailures > 0)
        {
            Console.WriteLine($"binding failures: {circuit.Wire.BindingFailures} (last: {circuit.Wire.LastBindingFailure})");
        }

        Console.WriteLine(circuit.IsClosed ? $"closed by the server: {circuit.CloseError}" : "still open");
        Console.WriteLine("rendered page:");
        Console.WriteLine(circuit.Read(p => p.Describe()));
        return circuit.IsClosed || circuit.Errors.Count > 0 ? 1 : 0;
    }
}
