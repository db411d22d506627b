using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Safety;

/// <summary>What the user chose after saying an exercise hurt.</summary>
public enum PainChoice
{
    /// <summary>Nothing was chosen yet, or the choice could not be saved: the report itself still stands.</summary>
    NotChosen,

    KeepGoing,
    EasierExercise,
    SkipExercise,
    EndSession,

    /// <summary>The pain was strong enough to ask the screening, and a red flag ended the session.</summary>
    StoppedForSafety,
}

/// <summary>A "This hurts" report from the player, kept with the session it happened in.</summary>
public sealed class PainReport
{
    public int Id { get; set; }

    public Guid RunId { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public required string ExerciseSlug { get; set; }

    public required string ExerciseName { get; set; }

    /// <summary>0 (none) to 10 (worst).</summary>
    public int Pain { get; set; }

    public BodyArea Area { get; set; }

    public PainChoice Choice { get; set; }

    /// <summary>The gentler exercise the user switched to, when they did.</summary>
    public string? EasierSlug { get; set; }

    public string? EasierName { get; set; }
}
