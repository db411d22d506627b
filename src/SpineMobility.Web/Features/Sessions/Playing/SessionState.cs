namespace SpineMobility.Web.Features.Sessions.Playing;

public enum SessionStatus { NotStarted, Running, Paused, Completed, Ended }

/// <summary>A work step the user finished, and how long they spent on it.</summary>
public sealed record DoneStep(int StepIndex, int Seconds);

/// <summary>
/// Everything needed to resume a session exactly: deadlines, not tick counts, so the state read back
/// after a reload, a dropped connection or a server restart tells the right remaining time.
/// </summary>
/// <param name="StepEndsAt">When the current step ends, while running.</param>
/// <param name="StepRemaining">What is left of the current step, while paused or not yet started.</param>
/// <param name="RunningSince">When the current running stretch began; <paramref name="ActiveTime"/> holds the stretches before it.</param>
/// <param name="LastSeenAt">
/// While running, the last moment a connected page was known to show the session (refreshed every few seconds and when the
/// last page leaves), so a server that restarts with nobody connected pauses it there instead of playing on. Null in
/// states saved before this was kept.
/// </param>
/// <param name="PausedAway">Paused because no page came back within the grace period, not by the user.</param>
public sealed record SessionState(
    SessionStatus Status,
    int StepIndex,
    DateTimeOffset? StepEndsAt,
    TimeSpan StepRemaining,
    DateTimeOffset? StartedAt,
    DateTimeOffset? RunningSince,
    TimeSpan ActiveTime,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<DoneStep> DoneSteps,
    DateTimeOffset? LastSeenAt = null,
    bool PausedAway = false)
{
    public static SessionState NotStarted(SessionTimeline timeline) => new(
        SessionStatus.NotStarted, 0, null, timeline.Steps.Count > 0 ? timeline.Steps[0].Duration : TimeSpan.Zero,
        null, null, TimeSpan.Zero, null, []);

    public bool IsOver => Status is SessionStatus.Completed or SessionStatus.Ended;
}
