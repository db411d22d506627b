using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Web.Features.Programs;

/// <summary>An account's routines, its own exercises, the programs it follows, and every choice to share progress or stop, with its date: part of the data export.</summary>
public sealed record ProgramsExport(IReadOnlyList<ProgramsExport.RoutineExport> Routines, IReadOnlyList<ProgramsExport.FollowExport> Programs, IReadOnlyList<OwnExerciseExport> OwnExercises)
{
    public sealed record RoutineExport(
        Guid Id, string Name, string? Note, IReadOnlyList<RoutineBlock> Exercises, ProgramSchedule? Schedule, int Version,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool SharedByLink, DateTimeOffset? SharedAt, string? SharedAsName);

    public sealed record FollowExport(
        Guid Id, string Name, string From, string? Note, IReadOnlyList<RoutineBlock> Exercises, ProgramSchedule Schedule, FollowStatus Status,
        DateTimeOffset StartedAt, DateTimeOffset? StoppedAt, IReadOnlyList<ProgramPause> Pauses,
        bool SharingProgressNow, string? SharedAsName, IReadOnlyList<SharingChoice> SharingChoices, IReadOnlyList<Guid> SessionRunIds);

    public static async Task<ProgramsExport> LoadAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        var routines = await db.SavedRoutines.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var follows = await db.ProgramFollows.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.StartedAt).ToListAsync(cancellationToken);
        var ids = follows.Select(f => f.Id).ToList();
        var runs = await db.ProgramRuns.AsNoTracking().Where(r => ids.Contains(r.FollowId)).ToListAsync(cancellationToken);
        return new(
            [.. routines.Select(r => new RoutineExport(r.Id, r.Name, r.Note, r.Blocks, r.Schedule, r.Version, r.CreatedAt, r.UpdatedAt, r.ShareToken is not null, r.SharedAt, r.SenderName))],
            [.. follows.Select(f => new FollowExport(
                f.Id, f.Name, f.IsOwnRoutine ? "you" : f.SenderName, f.Note, f.Blocks, f.Schedule, f.Status, f.StartedAt, f.StoppedAt, f.Pauses,
                f.ShareProgress, f.ShareName, f.SharingChoices, [.. runs.Where(r => r.FollowId == f.Id).Select(r => r.RunId)]))],
            await OwnExerciseStore.ExportAsync(db, userId, cancellationToken));
    }
}
