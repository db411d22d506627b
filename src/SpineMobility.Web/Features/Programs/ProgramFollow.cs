using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Web.Features.Programs;

public enum FollowStatus { Active, Paused, Stopped }

/// <summary>A choice to share progress or to stop, with when it was made: shown and exported.</summary>
public sealed record SharingChoice(bool Sharing, DateTimeOffset At, string? Name);

/// <summary>
/// A person following a program: their own copy of its exercises and schedule (taken from the sender's routine
/// when they followed, or when they took an update), their pauses, and whether they share their progress on it
/// with the sender.
/// </summary>
public sealed class ProgramFollow
{
    public const int MaxActive = 3;

    public Guid Id { get; set; }

    /// <summary>The person following.</summary>
    public required string UserId { get; set; }

    /// <summary>The routine followed; the follow goes when it (or its owner's account) does.</summary>
    public Guid RoutineId { get; set; }

    /// <summary>Whose routine it is: the one person progress can be shared with.</summary>
    public required string SenderUserId { get; set; }

    public required string SenderName { get; set; }

    public required string Name { get; set; }

    public string? Note { get; set; }

    public List<RoutineBlock> Blocks { get; set; } = [];

    public required ProgramSchedule Schedule { get; set; }

    /// <summary>The routine's version this copy was taken from; a newer one is offered as an update.</summary>
    public int TakenVersion { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public FollowStatus Status { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    public List<ProgramPause> Pauses { get; set; } = [];

    /// <summary>Whether the sender sees this program's sessions now; only ever with the follower's consent.</summary>
    public bool ShareProgress { get; set; }

    /// <summary>The name the sender sees for the follower, chosen by the follower.</summary>
    public string? ShareName { get; set; }

    public List<SharingChoice> SharingChoices { get; set; } = [];

    public bool IsOwnRoutine => SenderUserId == UserId;
}

/// <summary>A session started from a program, so its sessions (and only those) can be counted and shared.</summary>
public sealed class ProgramRun
{
    public int Id { get; set; }

    public Guid FollowId { get; set; }

    public Guid RunId { get; set; }
}
