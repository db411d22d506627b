namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>
/// The session as a state machine over deadlines read from a <see cref="TimeProvider"/>. Time is
/// never counted in ticks, so the clock has no cumulative drift and is right after the tab slept.
/// </summary>
public sealed class SessionClock(SessionTimeline timeline, SessionState state, TimeProvider time)
{
    public SessionTimeline Timeline { get; } = timeline;

    public SessionState State { get; private set; } = state;

    public SessionStatus Status => State.Status;

    public SessionStep? Current => State.IsOver || Timeline.Steps.Count == 0 ? null : Timeline.Steps[State.StepIndex];

    /// <summary>The next step that is not a transition, which is what the user wants to know is coming.</summary>
    public SessionStep? NextExercise =>
        Current is null ? null : Timeline.Steps.Skip(State.StepIndex + 1).FirstOrDefault(s => s.IsWork && s.BlockIndex != Current.BlockIndex);

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>What is left of the current step.</summary>
    public TimeSpan Remaining => State.Status == SessionStatus.Running
        ? Max(State.StepEndsAt!.Value - Now, TimeSpan.Zero)
        : State.IsOver ? TimeSpan.Zero : State.StepRemaining;

    /// <summary>What is left of the whole session if it runs as planned from here.</summary>
    public TimeSpan SessionRemaining => State.IsOver
        ? TimeSpan.Zero
        : Remaining + (Timeline.Total - Timeline.StartOf(State.StepIndex + 1));

    /// <summary>Time spent with the clock running, pauses excluded.</summary>
    public TimeSpan ActiveTime => State.ActiveTime + (State.RunningSince is { } since ? Now - since : TimeSpan.Zero);

    public bool HasFinishedAnExercise => State.DoneSteps.Count > 0;

    public void Start()
    {
        if (State.Status != SessionStatus.NotStarted || Current is null)
        {
            return;
        }

        var now = Now;
        State = State with { Status = SessionStatus.Running, StartedAt = now, RunningSince = now, StepEndsAt = now + State.StepRemaining, LastSeenAt = now };
    }

    /// <summary>Moves past every deadline that has gone by (by <paramref name="until"/>, or now). Returns whether the step changed.</summary>
    public bool CatchUp(DateTimeOffset? until = null)
    {
        var changed = false;
        var now = until ?? Now;
        while (State.Status == SessionStatus.Running && State.StepEndsAt!.Value <= now)
        {
            var endedAt = State.StepEndsAt.Value;
            RecordDone(Current!, Current!.Seconds);
            changed = true;
            if (State.StepIndex + 1 >= Timeline.Steps.Count)
            {
                Finish(SessionStatus.Completed, endedAt);
                break;
            }

            var next = Timeline.Steps[State.StepIndex + 1];
            State = State with { StepIndex = next.Index, StepEndsAt = endedAt + next.Duration };
        }

        return changed;
    }

    public void Pause()
    {
        CatchUp();
        if (State.Status != SessionStatus.Running)
        {
            return;
        }

        var now = Now;
        State = State with
        {
            Status = SessionStatus.Paused,
            StepRemaining = State.StepEndsAt!.Value - now,
            StepEndsAt = null,
            ActiveTime = State.ActiveTime + (now - State.RunningSince!.Value),
            RunningSince = null,
            PausedAway = false,
        };
    }

    /// <summary>
    /// Pauses the session as it stood at <paramref name="at"/>, a moment that has passed: what ended by then is done,
    /// nothing after it counts, and the current step keeps the time it had left then.
    /// </summary>
    /// <param name="away">Paused because nobody was there to see it, rather than by the user.</param>
    public void PauseAt(DateTimeOffset at, bool away)
    {
        if (State.Status != SessionStatus.Running)
        {
            return;
        }

        // Not before this running stretch began; the saved deadlines, not the clock, say what happened up to then.
        if (at < State.RunningSince!.Value)
        {
            at = State.RunningSince.Value;
        }

        CatchUp(until: at);
        if (State.Status != SessionStatus.Running)
        {
            return;
        }

        var left = State.StepEndsAt!.Value - at;
        State = State with
        {
            Status = SessionStatus.Paused,
            StepRemaining = left < Current!.Duration ? left : Current.Duration,
            StepEndsAt = null,
            ActiveTime = State.ActiveTime + (at - State.RunningSince!.Value),
            RunningSince = null,
            PausedAway = away,
        };
    }

    /// <summary>
    /// Pauses a running session at <paramref name="lastSeen"/> once <paramref name="grace"/> has passed since, or when the
    /// clock cannot tell (a faster test clock restarts from an earlier moment than the saved deadlines).
    /// </summary>
    /// <returns>Whether it paused.</returns>
    public bool PauseIfAbandoned(DateTimeOffset lastSeen, TimeSpan grace)
    {
        var since = Now - lastSeen;
        if (State.Status != SessionStatus.Running || (since < grace && since > -grace))
        {
            return false;
        }

        PauseAt(lastSeen, away: true);
        return true;
    }

    /// <summary>Notes that a connected page shows the session at <paramref name="at"/>; a change of no other kind.</summary>
    public void Seen(DateTimeOffset at)
    {
        if (State.Status == SessionStatus.Running)
        {
            State = State with { LastSeenAt = at };
        }
    }

    public void Resume()
    {
        if (State.Status != SessionStatus.Paused)
        {
            return;
        }

        var now = Now;
        State = State with { Status = SessionStatus.Running, StepEndsAt = now + State.StepRemaining, RunningSince = now, LastSeenAt = now, PausedAway = false };
    }

    public void TogglePause()
    {
        if (State.Status == SessionStatus.Running)
        {
            Pause();
        }
        else
        {
            Resume();
        }
    }

    /// <summary>Leaves the current step for the next one without counting it as done.</summary>
    public void Skip() => MoveOn(countAsDone: false);

    /// <summary>Finishes the current step now, counting the time spent on it (the Done button of a rep set).</summary>
    public void Done() => MoveOn(countAsDone: true);

    /// <summary>
    /// Goes to the start of exercise <paramref name="block"/> of the plan without counting what is left of the
    /// current step, or completes the session when the plan has no such exercise.
    /// </summary>
    public void StartBlock(int block)
    {
        CatchUp();
        if (State.IsOver || State.Status == SessionStatus.NotStarted)
        {
            return;
        }

        var first = Timeline.Steps.FirstOrDefault(s => s.BlockIndex == block);
        if (first is null)
        {
            Finish(SessionStatus.Completed, Now);
            return;
        }

        GoTo(first.Index);
    }

    /// <summary>
    /// The same session on a plan with <paramref name="count"/> steps put in at <paramref name="at"/>, now on the
    /// first of them at its full length. Steps done after that point (after going back) move with their steps.
    /// </summary>
    public SessionClock WithStepsInserted(SessionTimeline timeline, int at, int count)
    {
        var shifted = State with
        {
            DoneSteps = [.. State.DoneSteps.Select(d => d.StepIndex >= at ? d with { StepIndex = d.StepIndex + count } : d)],
        };
        var clock = new SessionClock(timeline, shifted, time);
        clock.GoTo(at);
        return clock;
    }

    /// <summary>Goes to the previous step, or restarts the first one.</summary>
    public void Back()
    {
        CatchUp();
        if (State.IsOver || State.Status == SessionStatus.NotStarted)
        {
            return;
        }

        GoTo(Math.Max(0, State.StepIndex - 1));
    }

    /// <summary>Ends the session early.</summary>
    public void End()
    {
        CatchUp();
        if (!State.IsOver)
        {
            Finish(SessionStatus.Ended, Now);
        }
    }

    private void MoveOn(bool countAsDone)
    {
        CatchUp();
        if (State.IsOver || State.Status == SessionStatus.NotStarted)
        {
            return;
        }

        if (countAsDone)
        {
            var spent = Current!.Duration - Remaining;
            RecordDone(Current, (int)Math.Round(spent.TotalSeconds));
        }

        if (State.StepIndex + 1 >= Timeline.Steps.Count)
        {
            Finish(SessionStatus.Completed, Now);
            return;
        }

        GoTo(State.StepIndex + 1);
    }

    private void GoTo(int index)
    {
        var step = Timeline.Steps[index];
        State = State.Status == SessionStatus.Running
            ? State with { StepIndex = index, StepEndsAt = Now + step.Duration }
            : State with { StepIndex = index, StepRemaining = step.Duration };
    }

    private void RecordDone(SessionStep step, int seconds)
    {
        if (step.IsWork && seconds > 0)
        {
            State = State with { DoneSteps = [.. State.DoneSteps, new DoneStep(step.Index, seconds)] };
        }
    }

    private void Finish(SessionStatus status, DateTimeOffset at)
    {
        var active = State.ActiveTime + (State.RunningSince is { } since ? at - since : TimeSpan.Zero);
        State = State with
        {
            Status = status,
            FinishedAt = at,
            StepEndsAt = null,
            StepRemaining = TimeSpan.Zero,
            RunningSince = null,
            ActiveTime = active,
        };
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
