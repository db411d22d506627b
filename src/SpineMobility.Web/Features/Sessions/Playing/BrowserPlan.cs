namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>
/// What the browser keeps so it can guide on its own while the connection is down: every step as the player shows and
/// says it, how fast the session clock runs, and how long the server waits for the page to come back. Sent once per
/// plan (and when the plan changes), not per step.
/// </summary>
public sealed record BrowserPlan(IReadOnlyList<BrowserStep> Steps, double Scale, double GraceMs, string Complete, string ConnectionLost);

/// <param name="Kind">"Get ready", "Hold", "Move", "Switch sides".</param>
/// <param name="Side">"Left side", "Right side", or null for both.</param>
/// <param name="Say">What is said as the step begins.</param>
/// <param name="During">What is said while it runs, by time left.</param>
public sealed record BrowserStep(
    string Kind,
    string Name,
    string Phase,
    string? Side,
    int DurationMs,
    int? Reps,
    int? SecondsPerRep,
    string Say,
    IReadOnlyList<SpokenCue> During,
    BrowserFigure? Figure,
    string NextName,
    string NextDose);

/// <summary>The step's drawing: mirrored on the second side of a per-side exercise.</summary>
/// <param name="Width">The drawings' viewBox width and height (both frames share them), so the box keeps their shape.</param>
public sealed record BrowserFigure(string Start, string StartAlt, string End, string EndAlt, bool Mirrored, int Width, int Height);

/// <summary>Where the session is, sent after each render that changed the step, the running state or the announcement.</summary>
/// <param name="Final">Said once when the session is over.</param>
public sealed record BrowserUpdate(int Step, bool Running, bool Over, double RemainingMs, string? Final);
