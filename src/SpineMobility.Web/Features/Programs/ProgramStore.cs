using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Programs;

/// <summary>One row of "People following my programs".</summary>
public sealed record FollowerRow(Guid FollowId, string PersonName, string ProgramName, ProgramReport Report);

/// <summary>
/// Programs people follow, and the progress they chose to share. The follower's methods take the follower;
/// the sender's take the sender and see a follow only while its follower shares it with them.
/// </summary>
public sealed class ProgramStore(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Starts following a routine (one's own, or one shared by link) as a program.</summary>
    public async Task<(Guid? Id, IReadOnlyList<string> Problems)> FollowAsync(
        string userId, Guid routineId, ProgramSchedule schedule, bool shareProgress, string? shareName, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>(schedule.Problems());
        var name = shareName?.Trim();
        if (shareProgress && string.IsNullOrEmpty(name))
        {
            problems.Add("Say the name the sender should see for you, for example your first name.");
        }
        else if (name?.Length > SavedRoutine.MaxNameLength)
        {
            problems.Add($"Your name is {name.Length} characters long; it may have at most {SavedRoutine.MaxNameLength}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var routine = await db.SavedRoutines.AsNoTracking().SingleOrDefaultAsync(r => r.Id == routineId, cancellationToken);
        // Only one's own routine, or one shared by a live link, can be followed.
        if (routine is null || (routine.UserId != userId && routine.ShareToken is null))
        {
            return (null, ["This routine is no longer shared."]);
        }

        if (await db.ProgramFollows.CountAsync(f => f.UserId == userId && f.Status != FollowStatus.Stopped, cancellationToken) >= ProgramFollow.MaxActive)
        {
            problems.Add($"You follow {ProgramFollow.MaxActive} programs already, the most at once. Stop one to follow this.");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var now = time.GetUtcNow();
        var own = routine.UserId == userId;
        var follow = new ProgramFollow
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            RoutineId = routine.Id,
            SenderUserId = routine.UserId,
            SenderName = own ? "you" : routine.SenderName ?? "the sender",
            Name = routine.Name,
            Note = routine.Note,
            Blocks = [.. routine.Blocks],
            Schedule = schedule,
            TakenVersion = routine.Version,
            StartedAt = now,
            Status = FollowStatus.Active,
            ShareProgress = shareProgress && !own,
            ShareName = shareProgress && !own ? name : null,
        };
        if (follow.ShareProgress)
        {
            follow.SharingChoices.Add(new SharingChoice(true, now, name));
        }

        db.ProgramFollows.Add(follow);
        await db.SaveChangesAsync(cancellationToken);
        return (follow.Id, []);
    }

    /// <summary>The person's programs, current ones first, then their history.</summary>
    public async Task<IReadOnlyList<ProgramFollow>> ForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var follows = await db.ProgramFollows.AsNoTracking().Where(f => f.UserId == userId).ToListAsync(cancellationToken);
        return [.. follows.OrderBy(f => f.Status == FollowStatus.Stopped).ThenByDescending(f => f.StartedAt)];
    }

    public async Task<ProgramFollow?> GetAsync(string userId, Guid followId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ProgramFollows.AsNoTracking().SingleOrDefaultAsync(f => f.Id == followId && f.UserId == userId, cancellationToken);
    }

    /// <summary>The sender's routine as it is now, when it changed since the follower took their copy (for "Updated by").</summary>
    public async Task<SavedRoutine?> NewerVersionAsync(ProgramFollow follow, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SavedRoutines.AsNoTracking().SingleOrDefaultAsync(r => r.Id == follow.RoutineId && r.Version > follow.TakenVersion, cancellationToken);
    }

    public async Task<bool> TakeUpdateAsync(string userId, Guid followId, CancellationToken cancellationToken = default) =>
        await ChangeAsync(userId, followId, async (db, follow) =>
        {
            var routine = await db.SavedRoutines.AsNoTracking().SingleAsync(r => r.Id == follow.RoutineId, cancellationToken);
            follow.Name = routine.Name;
            follow.Note = routine.Note;
            follow.Blocks = [.. routine.Blocks];
            follow.Schedule = routine.Schedule is { } schedule ? schedule with { StartDate = follow.Schedule.StartDate } : follow.Schedule;
            follow.TakenVersion = routine.Version;
        }, cancellationToken);

    public Task<bool> PauseAsync(string userId, Guid followId, DateOnly today, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, followId, (_, follow) =>
        {
            if (follow.Status == FollowStatus.Active)
            {
                follow.Status = FollowStatus.Paused;
                follow.Pauses = [.. follow.Pauses, new ProgramPause(today, null)];
            }

            return Task.CompletedTask;
        }, cancellationToken);

    public Task<bool> ResumeAsync(string userId, Guid followId, DateOnly today, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, followId, (_, follow) =>
        {
            if (follow.Status == FollowStatus.Paused)
            {
                follow.Status = FollowStatus.Active;

                // The pause ends yesterday: today is a program day again.
                follow.Pauses = [.. follow.Pauses.Select(p => p.End is null ? p with { End = today.AddDays(-1) } : p).Where(p => p.End >= p.Start)];
            }

            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Stops the program for good: it moves to the history, and sharing its progress ends with it.</summary>
    public Task<bool> StopAsync(string userId, Guid followId, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, followId, (_, follow) =>
        {
            if (follow.Status != FollowStatus.Stopped)
            {
                follow.Status = FollowStatus.Stopped;
                follow.StoppedAt = time.GetUtcNow();
                StopSharing(follow);
            }

            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Starts or stops sharing this program's progress with its sender; takes effect at once, open pages included.</summary>
    public async Task<IReadOnlyList<string>> SetSharingAsync(string userId, Guid followId, bool share, string? name, CancellationToken cancellationToken = default)
    {
        var trimmed = name?.Trim();
        if (share && string.IsNullOrEmpty(trimmed))
        {
            return ["Say the name the sender should see for you, for example your first name."];
        }

        if (trimmed?.Length > SavedRoutine.MaxNameLength)
        {
            return [$"Your name is {trimmed.Length} characters long; it may have at most {SavedRoutine.MaxNameLength}."];
        }

        var problems = new List<string>();
        var found = await ChangeAsync(userId, followId, (_, follow) =>
        {
            if (follow.IsOwnRoutine)
            {
                problems.Add("This is your own routine: there is nobody to share it with.");
            }
            else if (share && follow.Status == FollowStatus.Stopped)
            {
                problems.Add("This program is stopped; follow it again to share your progress.");
            }
            else if (share)
            {
                follow.ShareProgress = true;
                follow.ShareName = trimmed;
                follow.SharingChoices = [.. follow.SharingChoices, new SharingChoice(true, time.GetUtcNow(), trimmed)];
            }
            else
            {
                StopSharing(follow);
            }

            return Task.CompletedTask;
        }, cancellationToken);
        return found ? problems : ["This program is not among yours."];
    }

    /// <summary>Records that a session was started from the person's program.</summary>
    public async Task<bool> AddRunAsync(string userId, Guid followId, Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.ProgramFollows.AnyAsync(f => f.Id == followId && f.UserId == userId && f.Status != FollowStatus.Stopped, cancellationToken)
            || !await db.SessionRuns.AnyAsync(r => r.Id == runId && r.UserId == userId, cancellationToken))
        {
            return false;
        }

        db.ProgramRuns.Add(new ProgramRun { FollowId = followId, RunId = runId });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The follower's own view of their program.</summary>
    public async Task<ProgramReport?> ReportAsync(string userId, Guid followId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var follow = await db.ProgramFollows.AsNoTracking().SingleOrDefaultAsync(f => f.Id == followId && f.UserId == userId, cancellationToken);
        return follow is null ? null : (await ReportsAsync(db, [follow], cancellationToken))[0];
    }

    /// <summary>The person's current (active or paused) programs with how they go, for home and progress.</summary>
    public async Task<IReadOnlyList<ProgramReport>> CurrentAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var follows = await db.ProgramFollows.AsNoTracking().Where(f => f.UserId == userId && f.Status != FollowStatus.Stopped).ToListAsync(cancellationToken);
        return await ReportsAsync(db, [.. follows.OrderBy(f => f.StartedAt)], cancellationToken);
    }

    /// <summary>"People following my programs": only follows whose follower shares their progress with this sender, now.</summary>
    public async Task<IReadOnlyList<FollowerRow>> FollowersAsync(string senderUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var follows = await db.ProgramFollows.AsNoTracking()
            .Where(f => f.SenderUserId == senderUserId && f.ShareProgress && f.UserId != senderUserId)
            .ToListAsync(cancellationToken);
        var reports = await ReportsAsync(db, [.. follows.OrderBy(f => f.ShareName)], cancellationToken);
        return [.. reports.Select(r => new FollowerRow(r.Follow.Id, r.Follow.ShareName ?? "", r.Follow.Name, r))];
    }

    /// <summary>One person's shared program, for its sender; null unless that person shares it with them now.</summary>
    public async Task<ProgramReport?> SharedWithAsync(string senderUserId, Guid followId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var follow = await db.ProgramFollows.AsNoTracking()
            .SingleOrDefaultAsync(f => f.Id == followId && f.SenderUserId == senderUserId && f.ShareProgress && f.UserId != senderUserId, cancellationToken);
        return follow is null ? null : (await ReportsAsync(db, [follow], cancellationToken))[0];
    }

    /// <summary>Whether the follower still shares this program with the sender: for open pages, which check again every few seconds.</summary>
    public async Task<bool> IsSharedWithAsync(string senderUserId, Guid followId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ProgramFollows.AnyAsync(f => f.Id == followId && f.SenderUserId == senderUserId && f.ShareProgress && f.UserId != senderUserId, cancellationToken);
    }

    private static void StopSharing(ProgramFollow follow)
    {
        if (follow.ShareProgress)
        {
            follow.ShareProgress = false;
            follow.SharingChoices = [.. follow.SharingChoices, new SharingChoice(false, DateTimeOffset.MinValue, null)];
        }
    }

    private async Task<bool> ChangeAsync(string userId, Guid followId, Func<AppDbContext, ProgramFollow, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var follow = await db.ProgramFollows.SingleOrDefaultAsync(f => f.Id == followId && f.UserId == userId, cancellationToken);
        if (follow is null)
        {
            return false;
        }

        await change(db, follow);

        // A stop recorded without its instant (StopSharing is static) gets it here, from the app's clock.
        follow.SharingChoices = [.. follow.SharingChoices.Select(c => c.At == DateTimeOffset.MinValue ? c with { At = time.GetUtcNow() } : c)];
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Only the program's own sessions and their reports: the rest of the account stays out of it.</summary>
    private async Task<IReadOnlyList<ProgramReport>> ReportsAsync(AppDbContext db, IReadOnlyList<ProgramFollow> follows, CancellationToken cancellationToken)
    {
        if (follows.Count == 0)
        {
            return [];
        }

        var ids = follows.Select(f => f.Id).ToList();
        var userIds = follows.Select(f => f.UserId).Distinct().ToList();
        var runs = await db.ProgramRuns.AsNoTracking().Where(r => ids.Contains(r.FollowId)).ToListAsync(cancellationToken);
        var runIds = runs.Select(r => r.RunId).ToList();
        var sessions = await db.CompletedSessions.AsNoTracking().Where(s => runIds.Contains(s.RunId))
            .Select(s => new { s.RunId, s.LocalDate, s.ActiveSeconds, s.PlannedSeconds, s.Finished, s.Before, s.After })
            .ToListAsync(cancellationToken);
        var pain = await db.PainReports.AsNoTracking().Where(p => runIds.Contains(p.RunId)).ToListAsync(cancellationToken);
        var sides = await db.SideReports.AsNoTracking().Where(s => runIds.Contains(s.RunId)).ToListAsync(cancellationToken);
        var zones = await db.UserSettings.AsNoTracking().Where(s => userIds.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, s => s.TimeZone, cancellationToken);
        var runZones = await db.SessionRuns.AsNoTracking().Where(r => runIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.TimeZone, cancellationToken);
        var names = await db.SessionRuns.AsNoTracking().Where(r => runIds.Contains(r.Id)).Select(r => new { r.Id, r.Blocks }).ToListAsync(cancellationToken);
        var exerciseNames = names.SelectMany(r => r.Blocks).DistinctBy(b => b.Slug).ToDictionary(b => b.Slug, b => b.Name, StringComparer.Ordinal);
        var now = time.GetUtcNow();

        return [.. follows.Select(follow =>
        {
            var own = runs.Where(r => r.FollowId == follow.Id).Select(r => r.RunId).ToHashSet();
            var zone = TimeZones.KnownOrUtc(zones.GetValueOrDefault(follow.UserId));
            return new ProgramReport(
                follow,
                TimeZones.LocalDate(now, zone),
                zone,
                [.. sessions.Where(s => own.Contains(s.RunId)).OrderBy(s => s.LocalDate)
                    .Select(s => new ProgramSession(s.RunId, s.LocalDate, s.ActiveSeconds, s.PlannedSeconds, s.Finished, s.Before, s.After))],
                [.. pain.Where(p => own.Contains(p.RunId)).OrderByDescending(p => p.ReportedAt)
                    .Select(p => new ProgramPain(p.ReportedAt, TimeZones.LocalDate(p.ReportedAt, runZones.GetValueOrDefault(p.RunId) ?? zone), p.ExerciseName, p.Pain, p.Area, p.Choice, p.EasierName))],
                [.. sides.Where(s => own.Contains(s.RunId)).OrderBy(s => s.ReportedAt)
                    .Select(s => new ProgramSide(s.LocalDate, exerciseNames.GetValueOrDefault(s.ExerciseSlug, s.ExerciseSlug), s.Tighter))]);
        })];
    }
}
