using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Web.Features.Programs;

/// <summary>What a link holder may see of a shared routine, and nothing more: not its owner, not its followers.</summary>
public sealed record SharedRoutine(Guid Id, string Name, string? Note, IReadOnlyList<RoutineBlock> Blocks, ProgramSchedule? Schedule, string SenderName, int Version);

/// <summary>An account's saved routines, and their share links. Every method takes the owner and touches only their rows.</summary>
public sealed class RoutineStore(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, OwnExerciseStore ownExercises)
{
    public static IReadOnlyList<string> Problems(string? name, string? note, IReadOnlyList<RoutineBlock> blocks)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add("Give the routine a name.");
        }
        else if (name.Trim().Length > SavedRoutine.MaxNameLength)
        {
            problems.Add($"The name is {name.Trim().Length} characters long; a name may have at most {SavedRoutine.MaxNameLength}.");
        }

        if (note?.Trim().Length > SavedRoutine.MaxNoteLength)
        {
            problems.Add($"The note is {note.Trim().Length} characters long; a note may have at most {SavedRoutine.MaxNoteLength}.");
        }

        if (blocks.Count == 0)
        {
            problems.Add("A routine needs at least one exercise.");
        }
        else if (blocks.Count > PlanCode.MaxBlocks)
        {
            problems.Add($"A routine has at most {PlanCode.MaxBlocks} exercises.");
        }

        return problems;
    }

    public async Task<(Guid? Id, IReadOnlyList<string> Problems)> SaveAsync(string userId, string? name, string? note, IReadOnlyList<RoutineBlock> blocks, CancellationToken cancellationToken = default)
    {
        if (Problems(name, note, blocks) is { Count: > 0 } problems)
        {
            return (null, problems);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.SavedRoutines.CountAsync(r => r.UserId == userId, cancellationToken) >= SavedRoutine.MaxPerAccount)
        {
            return (null, [$"You have {SavedRoutine.MaxPerAccount} routines, the most an account can keep. Delete one to save another."]);
        }

        var now = time.GetUtcNow();
        var routine = new SavedRoutine
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Name = name!.Trim(),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            Blocks = [.. blocks],
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.SavedRoutines.Add(routine);
        await db.SaveChangesAsync(cancellationToken);
        return (routine.Id, []);
    }

    public async Task<IReadOnlyList<SavedRoutine>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SavedRoutines.AsNoTracking().Where(r => r.UserId == userId).OrderByDescending(r => r.UpdatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>The owner's routine, or null: someone else's is as absent as one that never existed.</summary>
    public async Task<SavedRoutine?> GetAsync(string userId, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SavedRoutines.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.UserId == userId, cancellationToken);
    }

    /// <summary>Changes a routine's name, note, exercises or schedule; a change of what is done makes a new version.</summary>
    public async Task<IReadOnlyList<string>> UpdateAsync(string userId, Guid id, Action<SavedRoutine> change, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var routine = await db.SavedRoutines.SingleOrDefaultAsync(r => r.Id == id && r.UserId == userId, cancellationToken);
        if (routine is null)
        {
            return ["This routine is not among yours (it may have been deleted)."];
        }

        var before = (routine.Note, Blocks: PlanText(routine.Blocks), routine.Schedule);
        change(routine);
        routine.Name = routine.Name.Trim();
        routine.Note = string.IsNullOrWhiteSpace(routine.Note) ? null : routine.Note.Trim();
        var problems = new List<string>(Problems(routine.Name, routine.Note, routine.Blocks));
        if (routine.Schedule?.Problems() is { Count: > 0 } scheduleProblems)
        {
            problems.AddRange(scheduleProblems);
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        if (before != (routine.Note, PlanText(routine.Blocks), routine.Schedule))
        {
            routine.Version++;
        }

        routine.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await OwnExerciseStore.ForgetUnusedAsync(db, userId, cancellationToken);
        return [];
    }

    public async Task<Guid?> DuplicateAsync(string userId, Guid id, CancellationToken cancellationToken = default)
    {
        var routine = await GetAsync(userId, id, cancellationToken);
        if (routine is null)
        {
            return null;
        }

        var name = routine.Name.Length + 7 <= SavedRoutine.MaxNameLength ? $"{routine.Name} (copy)" : routine.Name;
        var (copy, _) = await SaveAsync(userId, name, routine.Note, routine.Blocks, cancellationToken);
        if (copy is { } copyId && routine.Schedule is not null)
        {
            await UpdateAsync(userId, copyId, r => r.Schedule = routine.Schedule, cancellationToken);
        }

        return copy;
    }

    /// <summary>Deletes the routine, its link, and every follow of it (with what followers shared through it).</summary>
    public async Task<bool> DeleteAsync(string userId, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.SavedRoutines.Where(r => r.Id == id && r.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
        if (deleted)
        {
            // An own exercise its owner deleted was kept for routines like this one; with the last of them it goes.
            await OwnExerciseStore.ForgetUnusedAsync(db, userId, cancellationToken);
        }

        return deleted;
    }

    /// <summary>Gives the routine a share link (a new secret each time, so the old link stops working) and returns it.</summary>
    public async Task<(string? Token, IReadOnlyList<string> Problems)> ShareAsync(string userId, Guid id, string? senderName, CancellationToken cancellationToken = default)
    {
        var name = senderName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return (null, ["Say how the people you share with should know you, for example \"Sam (physio)\"."]);
        }

        if (name.Length > SavedRoutine.MaxNameLength)
        {
            return (null, [$"Your name is {name.Length} characters long; it may have at most {SavedRoutine.MaxNameLength}."]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var routine = await db.SavedRoutines.SingleOrDefaultAsync(r => r.Id == id && r.UserId == userId, cancellationToken);
        if (routine is null)
        {
            return (null, ["This routine is not among yours (it may have been deleted)."]);
        }

        routine.ShareToken = ShareToken.New();
        routine.SharedAt = time.GetUtcNow();
        routine.SenderName = name;
        await db.SaveChangesAsync(cancellationToken);
        return (routine.ShareToken, []);
    }

    /// <summary>Ends the share link at once: whoever opens it, or has it open, sees nothing more.</summary>
    public async Task<bool> RevokeAsync(string userId, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SavedRoutines.Where(r => r.Id == id && r.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ShareToken, (string?)null).SetProperty(r => r.SharedAt, (DateTimeOffset?)null), cancellationToken) > 0;
    }

    /// <summary>The routine behind a live share link, or null for any token that is not one.</summary>
    public async Task<SharedRoutine?> ByTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!ShareToken.IsWellFormed(token))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SavedRoutines.AsNoTracking().Where(r => r.ShareToken == token)
            .Select(r => new SharedRoutine(r.Id, r.Name, r.Note, r.Blocks, r.Schedule, r.SenderName ?? "", r.Version))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether the link still works: for open pages, which check again every few seconds.</summary>
    public async Task<bool> IsLiveAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return ShareToken.IsWellFormed(token) && await db.SavedRoutines.AnyAsync(r => r.ShareToken == token, cancellationToken);
    }

    /// <summary>"Keep this routine": a copy among the person's own routines, which the sender's later changes leave alone.</summary>
    public async Task<(Guid? Id, IReadOnlyList<string> Problems)> KeepAsync(string userId, string token, CancellationToken cancellationToken = default)
    {
        if (await ByTokenAsync(token, cancellationToken) is not { } shared)
        {
            return (null, ["This link no longer works: its sender has stopped sharing it."]);
        }

        // The sender's own exercises come along as copies of the keeper's, so the kept routine needs nothing of the sender's.
        var blocks = await ownExercises.CopyIntoAsync(userId, shared.Id, shared.Blocks, cancellationToken);
        var (id, problems) = await SaveAsync(userId, shared.Name, shared.Note, blocks, cancellationToken);
        if (id is { } kept && shared.Schedule is not null)
        {
            await UpdateAsync(userId, kept, r => r.Schedule = shared.Schedule, cancellationToken);
        }

        return (id, problems);
    }

    /// <summary>
    /// The exercises of a routine's blocks by slug: catalog entries, retired ones included, and the own exercises of
    /// <paramref name="routineId"/>'s owner that it uses. The caller has checked the reader may see that routine.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Exercises.Exercise>> ExercisesAsync(Guid routineId, IReadOnlyList<RoutineBlock> blocks, CancellationToken cancellationToken = default)
    {
        var slugs = blocks.Select(b => b.Slug).Where(s => !OwnExerciseKey.IsKey(s)).Distinct().ToList();
        Dictionary<string, Exercises.Exercise> exercises;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            exercises = await db.Exercises.AsNoTracking().Where(e => slugs.Contains(e.Slug)).ToDictionaryAsync(e => e.Slug, StringComparer.Ordinal, cancellationToken);
        }

        foreach (var own in await ownExercises.ForRoutineAsync(routineId, blocks, cancellationToken))
        {
            exercises[own.Slug] = own;
        }

        return exercises;
    }

    internal static string PlanText(IReadOnlyList<RoutineBlock> blocks) => string.Join('|', blocks.Select(b => $"{b.Phase}:{b.Slug}:{b.Sets}x{b.Reps ?? b.WorkSeconds}"));
}
