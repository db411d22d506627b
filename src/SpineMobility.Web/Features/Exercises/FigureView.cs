namespace SpineMobility.Web.Features.Exercises;

/// <summary>How an exercise's two drawn positions are shown.</summary>
public enum FigureView
{
    /// <summary>Start and end side by side, an arrow between: how cards and the detail page explain the movement.</summary>
    Pair,

    /// <summary>The starting position alone: what to set up while getting ready.</summary>
    Start,

    /// <summary>The figure moves from start to end and back once per repetition.</summary>
    Moving,

    /// <summary>The figure eases from start into the end position once, then holds it.</summary>
    Settling,
}
