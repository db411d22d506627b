using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Shared;

namespace SpineMobility.Testing;

/// <summary>Sessions stored as the player stores them, for tests about what happens to them afterwards.</summary>
public static class RecordedSessions
{
    public const string AnyBrowser = "cccccccccccccccccccccccccccccccc";

    /// <summary>A run and, when <paramref name="completed"/>, its completed session: 570 s (or <paramref name="activeSeconds"/>) with 90 s on cat-cow, checked in before and after.</summary>
    public static async Task<Guid> RecordSessionAsync(
        this SpineMobilityApp app,
        string? userId,
        string title,
        DateTimeOffset finishedAt,
        string zone = "Europe/Berlin",
        string browserKey = AnyBrowser,
        bool completed = true,
        int activeSeconds = 570)
    {
        await using var db = app.CreateDbContext();
        var exercise = await db.Exercises.AsNoTracking().SingleAsync(e => e.Slug == "cat-cow");
        var runId = Guid.NewGuid();
        db.SessionRuns.Add(new SessionRun
        {
            Id = runId,
            BrowserKey = browserKey,
            UserId = userId,
            Title = title,
            TimeZone = zone,
            State = SessionState.NotStarted(SessionTimeline.From([])),
            Status = completed ? SessionStatus.Completed : SessionStatus.Paused,
            CreatedAt = finishedAt.AddMinutes(-10),
            UpdatedAt = finishedAt,
            Before = new CheckIn { Stiffness = 7, Areas = [BodyArea.Neck] },
        });
        if (completed)
        {
            db.CompletedSessions.Add(new CompletedSession
            {
                RunId = runId,
                BrowserKey = browserKey,
                UserId = userId,
                Title = title,
                TimeZone = zone,
                LocalDate = TimeZones.LocalDate(finishedAt, zone),
                StartedAt = finishedAt.AddMinutes(-10),
                FinishedAt = finishedAt,
                ActiveSeconds = activeSeconds,
                PlannedSeconds = 600,
                Finished = true,
                Exercises = [new CompletedExercise { ExerciseId = exercise.Id, Phase = SessionPhase.Mobility, Seconds = 90 }],
                Before = new CheckIn { Stiffness = 7, Areas = [BodyArea.Neck] },
                After = new CheckIn { Stiffness = 4, Pain = 1 },
            });
        }

        await db.SaveChangesAsync();
        return runId;
    }
}
