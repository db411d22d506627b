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

    /// <summary>The steps' durations (session milliseconds) and the clock's speed, from the plan the page sends once.</summary>
    private double[] _durations = [];
    private double _scale = 1;

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
        if (call.Module?.EndsWith("player.js", StringComparison.Ordinal) != true || call.Arguments() is not [JsonObject state, ..])
        {
            return;
        }

        if (call.Identifier == "plan")
        {
            // Since the player's browser plan (typed records): the plan once, then updates with the step's index.
            _durations = state["steps"] is JsonArray steps ? [.. steps.Select(s => (double?)s?["durationMs"] ?? 0)] : [];
            _scale = (double?)state["scale"] is > 0 and double planScale ? planScale : 1;
            return;
        }

        if (call.Identifier != "update")
        {
            return;
        }

        var running = (bool?)state["running"] ?? false;
        var over = (bool?)state["over"] ?? false;
        var remaining = (double?)state["remainingMs"] ?? 0;
        StepUpdate update;
        if (state["step"] is { } stepNode && (int?)stepNode is int step)
        {
            var after = _durations.Skip(step + 1).Sum();
            update = new StepUpdate(call.ReceivedAt, $"{step}:{running}:{over}", running, over, remaining, _durations.Length > 0 ? remaining + after : null, _scale);
        }
        else
        {
            update = new StepUpdate(
                call.ReceivedAt,
                state["key"]?.ToString() ?? "",
                running,
                over,
                remaining,
                (double?)state["sessionRemainingMs"],
                (double?)state["scale"] is > 0 and double scale ? scale : 1);
        }

        lock (_updates)
        {
            _updates.Add(update);
        }
    }
}

/// <summary>One update call: <see cref="At"/> is a Stopwatch timestamp; times left are in session (scaled) milliseconds.</summary>
public sealed record StepUpdate(long At, string Key, bool Running, bool Over, double RemainingMs, double? SessionRemainingMs, double Scale);
