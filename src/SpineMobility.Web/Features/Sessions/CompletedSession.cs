using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Sessions;

/// <summary>A session the user finished, or ended after at least one exercise: what streaks and history are built on.</summary>
public sealed class CompletedSession : IVisitorOwned
{
    public int Id { get; set; }

    /// <summary>Unique: a run is recorded once, however often the page is reloaded or the button pressed.</summary>
    public Guid RunId { get; set; }

    public required string BrowserKey { get; set; }

    public string? UserId { get; set; }

    public required string Title { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    /// <summary>The day the session finished on, in <see cref="TimeZone"/>: the user's day, never the server's.</summary>
    public DateOnly LocalDate { get; set; }

    /// <summary>The IANA time zone the session was done in.</summary>
    public required string TimeZone { get; set; }

    /// <summary>Time with the clock running, pauses excluded.</summary>
    public int ActiveSeconds { get; set; }

    public int PlannedSeconds { get; set; }

    /// <summary>False when the user ended the session early.</summary>
    public bool Finished { get; set; }

    public List<CompletedExercise> Exercises { get; set; } = [];

    public CheckIn? Before { get; set; }

    public CheckIn? After { get; set; }

    /// <summary>When the check-in after the session was last saved: strong pain reported then asks the safety questions again.</summary>
    public DateTimeOffset? AfterSavedAt { get; set; }
}

/// <summary>Time spent on one exercise of a completed session (both sides together).</summary>
public sealed class CompletedExercise
{
    public int Id { get; set; }

    public int CompletedSessionId { get; set; }

    public int ExerciseId { get; set; }

    public Exercise? Exercise { get; set; }

    public SessionPhase Phase { get; set; }

    public int Seconds { get; set; }
}
