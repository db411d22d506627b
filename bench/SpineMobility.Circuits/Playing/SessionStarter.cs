using System.Text.Json.Nodes;
using SpineMobility.Circuits.Protocol;
using SpineMobility.Circuits.Rendering;

namespace SpineMobility.Circuits.Playing;

/// <summary>
/// Starts a session the way a new visitor does: the builder page, Start, "No" to each safety
/// question, "Start the session", and the player address the server then navigates to. Elements are
/// found by what a user sees (button text, aria-labels), as the browser tests find them.
/// </summary>
public static class SessionStarter
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60);
    private static int _refusedBeacons;

    /// <summary>Builder circuits whose disconnect beacon the server did not take (they stay until its retention ends).</summary>
    public static int RefusedBeacons => Volatile.Read(ref _refusedBeacons);

    /// <summary>Returns the player's path, e.g. /session/play/{id}.</summary>
    public static async Task<string> StartAsync(Visitor visitor, int minutes, int seed, CancellationToken cancellationToken)
    {
        var builder = await visitor.LoadAsync($"/session?minutes={minutes}&seed={seed}", cancellationToken);
        var circuit = new Circuit(visitor, builder, trackPage: true);
        try
        {
            return await DriveAsync(visitor, circuit, cancellationToken);
        }
        finally
        {
            await circuit.DisposeAsync();
            if (circuit.DisconnectRefused)
            {
                Interlocked.Increment(ref _refusedBeacons);
            }
        }
    }

    private static async Task<string> DriveAsync(Visitor visitor, Circuit circuit, CancellationToken cancellationToken)
    {
        await circuit.StartAsync(Step, cancellationToken);

        var start = await circuit.WaitForAsync(page => Button(page, "Start"), Step, cancellationToken);
        await circuit.ClickAsync(start, cancellationToken);

        // A new visitor answers the red-flag questions before a first session; a known one goes straight on.
        var next = await circuit.WaitForAsync<object>(
            page => circuit.NavigatedTo is { } uri && uri.Contains("/session/play/", StringComparison.Ordinal) ? uri
                : NoAnswers(page) is { Count: > 0 } answers ? answers : null,
            Step, cancellationToken);
        if (next is List<ElementNode> { Count: var questions })
        {
            // Found afresh each time: answering one question re-renders the form.
            for (var i = 0; i < questions; i++)
            {
                var no = await circuit.WaitForAsync(page => NoAnswers(page) is { } found && found.Count > i ? found[i] : null, Step, cancellationToken);
                await ChooseAsync(circuit, no, cancellationToken);
            }

            var submit = await circuit.WaitForAsync(page => Button(page, "Start the session", insideScreening: true), Step, cancellationToken);
            await circuit.ClickAsync(submit, cancellationToken);
        }

        var player = await circuit.WaitForNavigationAsync(uri => uri.Contains("/session/play/", StringComparison.Ordinal), Step, cancellationToken);
        return new Uri(new Uri(visitor.BaseAddress, "/"), player).PathAndQuery;
    }

    private static async Task ChooseAsync(Circuit circuit, ElementNode radio, CancellationToken cancellationToken)
    {
        if (radio.Events.ContainsKey("click"))
        {
            await circuit.ClickAsync(radio, cancellationToken);
        }
        else
        {
            await circuit.ChangeAsync(radio, JsonValue.Create("on"), cancellationToken);
        }
    }

    /// <summary>An enabled button whose visible text is exactly <paramref name="text"/>.</summary>
    private static ElementNode? Button(RenderedPage page, string text, bool insideScreening = false) =>
        page.Elements().FirstOrDefault(e => e.Name == "button" && e.Events.ContainsKey("click") && !e.Attributes.ContainsKey("disabled")
            && RenderedPage.TextOf(e) == text
            && (!insideScreening || e.IsInside(p => p["data-testid"] == "screening")));

    /// <summary>The "No" choice of each safety question: the input labelled "No: …" (or its element with a handler).</summary>
    private static List<ElementNode>? NoAnswers(RenderedPage page)
    {
        var noes = page.Elements()
            .Where(e => e["aria-label"]?.StartsWith("No: ", StringComparison.Ordinal) == true)
            .Select(e => e.Events.Count > 0 ? e : RenderedPage.Descendants(e).OfType<ElementNode>().FirstOrDefault(d => d.Events.Count > 0))
            .OfType<ElementNode>()
            .ToList();
        return noes.Count > 0 ? noes : null;
    }
}
