using System.Text.Json.Nodes;
using SpineMobility.Circuits.Protocol;

namespace SpineMobility.Circuits.Playing;

/// <summary>
/// Records what the player page's script is told: each <c>update</c> call on player.js, with the
/// time it arrived. The server makes that call once per change of step (or of state, or of
/// announcement), with what is left of the step and of the session.
/// </summary>
public sealed class PlayerWatch
{
    private readonly List<StepUpdate> _updates = [];

    public PlayerWatch(Circuit circuit)
    {
        Circuit = circuit;
        circuit.JsCalled += OnCall;
    }

    public Circuit Circuit { get; }

    public IReadOnlyList<StepUpdate> Updates
    {
        get
        {
            lock (_updates)
            {
                return [.. _updates];
            }
        }
    }

    public int UpdateCount
    {
        get
        {
            lock (_updates)
            {
                return _updates.Count;
            }
        }
    }

    private void OnCall(Circuit circuit, JsCall call)
    {
        if (call.Identifier != "update" || call.Module?.EndsWith("player.js", StringComparison.Ordinal) != true
            || call.Arguments() is not [JsonObject state, ..])
        {
            return;
        }

        var update = new StepUpdate(
            call.ReceivedAt,
            state["key"]?.ToString() ?? "",
            (bool?)state["running"] ?? false,
            (bool?)state["over"] ?? false,
            (double?)state["remainingMs"] ?? 0,
            (double?)state["sessionRemainingMs"],
            (double?)state["scale"] is > 0 and double scale ? scale : 1);
        lock (_updates)
        {
            _updates.Add(update);
        }
    }
}

/// <summary>One update call: <see cref="At"/> is a Stopwatch timestamp; times left are in session (scaled) milliseconds.</summary>
public sealed record StepUpdate(long At, string Key, bool Running, bool Over, double RemainingMs, double? SessionRemainingMs, double Scale);
