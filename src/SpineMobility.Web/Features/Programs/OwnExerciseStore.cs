using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Web.Features.Programs;

/// <summary>An own exercise as its owner's list shows it.</summary>
public sealed record OwnExerciseSummary(string Key, string Name, string Summary, DateTimeOffset UpdatedAt, int RoutineCount);

/// <summary>What deleting an own exercise did: gone, or kept (hidden) for the routines that still use it.</summary>
public sealed record OwnExerciseDeletion(bool Found, IReadOnlyList<string> KeptFor);

/// <summary>
/// A user's own exercises. Every method takes the owner and touches only their rows; the one way to read someone
/// else's is through a routine the reader may see (<see cref="ForRoutineAsync"/>), and then only the exercises in it.
/// </summary>
public sealed class OwnExerciseStore(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    private const string Source = "your exercise";

    /// <summary>Validates the form with the catalog's validator: the exercise it describes, or the catalog's problems with it.</summary>
    public static (Exercise? Exercise, IReadOnlyList<ContentProblem> Problems) Check(OwnExerciseForm form)
    {
        var result = ExerciseContent.ParseExercise(Source, form.ToJson().ToJsonString());
        return result.IsValid ? (result.Exercises[0], []) : (null, result.Problems);
    }

    /// <summary>Reads a stored exercise back, under its key and with the neutral drawing; null if it no longer passes the rules.</summary>
    public static Exercise? Read(string key, string content, bool deleted = false)
    {
        var result = ExerciseContent.ParseExercise(Source, content);
        if (!result.IsValid)
        {
            return null;
        }

        var exercise = result.Exercises[0];
        exercise.Slug = key;
        exercise.Illustration = Illustration.NoPicture;
        exercise.IsRetired = deleted;
        exercise.SortOrder = int.MaxValue;
        return exercise;
    }

    /// <summary>The catalog JSON of an exercise that came from <see cref="Read"/>, as it is stored (and copied into a run).</summary>
    public static string ContentOf(Exercise exercise) => OwnExerciseForm.From(exercise).ToJson().ToJsonString();

    /// <summary>Adds an exercise (no key) or changes one of the owner's; the key, or every problem the validator found.</summary>
    public async Task<(string? Key, IReadOnlyList<ContentProblem> Problems)> SaveAsync(string userId, string? key, OwnExerciseForm form, CancellationToken cancellationToken = default)
    {
        var (exercise, problems) = Check(form);
        if (exercise is null)
        {
            return (null, problems);
        }

        var content = form.ToJson().ToJsonString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (key is not null)
        {
            var row = await db.OwnExercises.SingleOrDefaultAsync(e => e.Key == key && e.UserId == userId && e.DeletedAt == null, cancellationToken);
            if (row is null)
            {
                return (null, [new(Source, "", "", "is not among your exercises (it may have been deleted)")]);
            }

            row.Name = exercise.Name;
            row.Content = content;
            row.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return (key, []);
        }

        if (await db.OwnExercises.CountAsync(e => e.UserId == userId && e.DeletedAt == null, cancellationToken) >= OwnExercise.MaxPerAccount)
        {
            return (null, [new(Source, "", "", $"cannot be added: you have {OwnExercise.MaxPerAccount} exercises of your own, the most an account can keep; delete one first")]);
        }

        var added = new OwnExercise
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Key = OwnExerciseKey.New(),
            Name = exercise.Name,
            Content = content,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.OwnExercises.Add(added);
        await db.SaveChangesAsync(cancellationToken);
        return (added.Key, []);
    }

    /// <summary>The owner's exercises (not the deleted ones), newest change first, with how many of their routines use each.</summary>
    public async Task<IReadOnlyList<OwnExerciseSummary>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.OwnExercises.AsNoTracking().Where(e => e.UserId == userId && e.DeletedAt == null).OrderByDescending(e => e.UpdatedAt).ToListAsync(cancellationToken);
        var used = await UsesAsync(db, userId, cancellationToken);
        return [.. rows.Select(r => new OwnExerciseSummary(r.Key, r.Name, Read(r.Key, r.Content)?.Summary ?? "", r.UpdatedAt, used.GetValueOrDefault(r.Key)?.Count ?? 0))];
    }

    /// <summary>
    /// The owner's exercises for the builder: all of them, so a routine that still has a deleted one can be edited,
    /// and the keys of the deleted ones, which are not offered for adding.
    /// </summary>
    public async Task<(IReadOnlyList<Exercise> All, IReadOnlySet<string> Deleted)> ForBuilderAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.OwnExercises.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        return ([.. rows.Select(r => Read(r.Key, r.Content)).OfType<Exercise>()], rows.Where(r => r.DeletedAt is not null).Select(r => r.Key).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>One of the owner's exercises, or null: someone else's is as absent as one that never existed.</summary>
    public async Task<Exercise?> GetAsync(string userId, string key, CancellationToken cancellationToken = default)
    {
        if (!OwnExerciseKey.IsKey(key))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.OwnExercises.AsNoTracking().SingleOrDefaultAsync(e => e.Key == key && e.UserId == userId && e.DeletedAt == null, cancellationToken);
        return row is null ? null : Read(row.Key, row.Content);
    }

    /// <summary>
    /// The own exercises a routine uses, as the reader of that routine may see them: its owner's, the deleted ones
    /// included (the routine keeps them, as it keeps retired catalog exercises). The caller has checked the reader
    /// may see the routine (its owner, a live share link, or a program they follow).
    /// </summary>
    public async Task<IReadOnlyList<Exercise>> ForRoutineAsync(Guid routineId, IEnumerable<RoutineBlock> blocks, CancellationToken cancellationToken = default)
    {
        var keys = blocks.Select(b => b.Slug).Where(OwnExerciseKey.IsKey).Distinct().ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owner = db.SavedRoutines.Where(r => r.Id == routineId).Select(r => r.UserId);
        var rows = await db.OwnExercises.AsNoTracking().Where(e => keys.Contains(e.Key) && owner.Contains(e.UserId)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => Read(r.Key, r.Content, r.DeletedAt is not null)).OfType<Exercise>()];
    }

    /// <summary>
    /// Deletes one of the owner's exercises. One that none of their routines uses is gone at once; one still in
    /// routines is hidden from their list and the builder but stays playable in those routines (a saved routine
    /// keeps exactly its exercises), and goes when the last of them no longer has it.
    /// </summary>
    public async Task<OwnExerciseDeletion> DeleteAsync(string userId, string key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.OwnExercises.SingleOrDefaultAsync(e => e.Key == key && e.UserId == userId && e.DeletedAt == null, cancellationToken);
        if (row is null)
        {
            return new(false, []);
        }

        var usedBy = (await UsesAsync(db, userId, cancellationToken)).GetValueOrDefault(key) ?? [];
        if (usedBy.Count == 0)
        {
            db.OwnExercises.Remove(row);
        }
        else
        {
            row.DeletedAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        return new(true, usedBy);
    }

    /// <summary>Removes for good the deleted exercises that none of the owner's routines uses any more (after a routine changed or went).</summary>
    public static async Task ForgetUnusedAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        var deleted = await db.OwnExercises.Where(e => e.UserId == userId && e.DeletedAt != null).ToListAsync(cancellationToken);
        if (deleted.Count == 0)
        {
            return;
        }

        var used = await UsesAsync(db, userId, cancellationToken);
        db.OwnExercises.RemoveRange(deleted.Where(e => !used.ContainsKey(e.Key)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Copies the sender's own exercises of a kept routine into the keeper's account, so the kept routine is theirs
    /// whatever the sender does later; returns the blocks with the keeper's keys.
    /// </summary>
    public async Task<IReadOnlyList<RoutineBlock>> CopyIntoAsync(string userId, Guid routineId, IReadOnlyList<RoutineBlock> blocks, CancellationToken cancellationToken = default)
    {
        var theirs = await ForRoutineAsync(routineId, blocks, cancellationToken);
        if (theirs.Count == 0)
        {
            return blocks;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var exercise in theirs)
        {
            var copy = new OwnExercise
            {
                Id = Guid.CreateVersion7(now),
                UserId = userId,
                Key = OwnExerciseKey.New(),
                Name = exercise.Name,
                Content = ContentOf(exercise),
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.OwnExercises.Add(copy);
            keys[exercise.Slug] = copy.Key;
        }

        await db.SaveChangesAsync(cancellationToken);
        return [.. blocks.Select(b => keys.TryGetValue(b.Slug, out var key) ? b with { Slug = key } : b)];
    }

    /// <summary>Which of the owner's routines use each of their own exercises, by key: the routines' names.</summary>
    private static async Task<Dictionary<string, List<string>>> UsesAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        var routines = await db.SavedRoutines.AsNoTracking().Where(r => r.UserId == userId).Select(r => new { r.Name, r.Blocks }).ToListAsync(cancellationToken);

        // Followers of the owner's routines may still play an earlier version of one (until they take the update).
        var followed = await db.ProgramFollows.AsNoTracking()
            .Where(f => db.SavedRoutines.Any(r => r.Id == f.RoutineId && r.UserId == userId) && f.UserId != userId)
            .Select(f => new { Name = "a program someone follows", f.Blocks }).ToListAsync(cancellationToken);
        return routines.Concat(followed)
            .SelectMany(r => r.Blocks.Where(b => OwnExerciseKey.IsKey(b.Slug)).Select(b => (b.Slug, r.Name)).Distinct())
            .GroupBy(u => u.Slug, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(u => u.Name).ToList(), StringComparer.Ordinal);
    }

    /// <summary>The owner's exercises in the catalog's own format, deleted ones included: for the data export.</summary>
    public static async Task<IReadOnlyList<OwnExerciseExport>> ExportAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        var rows = await db.OwnExercises.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new OwnExerciseExport(r.Key, r.Name, JsonSerializer.Deserialize<JsonElement>(r.Content), r.CreatedAt, r.UpdatedAt, r.DeletedAt))];
    }
}

/// <summary>One own exercise in the data export: its content exactly as the catalog would hold it.</summary>
public sealed record OwnExerciseExport(string Key, string Name, JsonElement Exercise, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt);
