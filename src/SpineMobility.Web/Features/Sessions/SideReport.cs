namespace SpineMobility.Web.Features.Sessions;

public enum TighterSide { Left, Right, Same }

/// <summary>Which side felt tighter in one per-side exercise of a session: one answer per exercise, changeable.</summary>
public sealed class SideReport
{
    public int Id { get; set; }

    public Guid RunId { get; set; }

    /// <summary>The exercise's place in the run's plan, so the same exercise twice in a session gets two answers.</summary>
    public int BlockIndex { get; set; }

    public required string ExerciseSlug { get; set; }

    public TighterSide Tighter { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    /// <summary>The user's day when they answered, in the session's time zone.</summary>
    public DateOnly LocalDate { get; set; }
}
