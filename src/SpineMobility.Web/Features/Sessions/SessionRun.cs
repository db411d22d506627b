using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Sessions;

/// <summary>A session the user started: its plan and, saved after every change, where the player is in it.</summary>
public sealed class SessionRun : IVisitorOwned
{
    public Guid Id { get; set; }

    /// <summary>The browser that started it; sessions belong to whoever holds that browser's visitor cookie.</summary>
    public required string BrowserKey { get; set; }

    /// <summary>The account it belongs to, once someone signed in on that browser; then only they can see it.</summary>
    public string? UserId { get; set; }

    public required string Title { get; set; }

    public int Minutes { get; set; }

    public List<Region> Focus { get; set; } = [];

    public Level Level { get; set; }

    public bool HasEquipment { get; set; }

    public int Seed { get; set; }

    public List<RoutineBlock> Blocks { get; set; } = [];

    /// <summary>The browser's IANA time zone when the session started, e.g. "Europe/Berlin".</summary>
    public required string TimeZone { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Kept beside <see cref="State"/> so unfinished sessions can be found without reading every state.</summary>
    public SessionStatus Status { get; set; }

    public required SessionState State { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Counted up by every save of the run's state (or plan, or side answers), each one made only over the version it
    /// was read at: a change made against an older version is refused by the database and the player reads the run
    /// again (optimistic concurrency, for several instances showing one run).
    /// </summary>
    public int Version { get; set; }

    /// <summary>
    /// The own exercises in the plan (a user's, not the catalog's), by key, in the catalog's JSON format as they were
    /// when the session started: the run plays them whatever their owner edits or deletes later.
    /// </summary>
    public Dictionary<string, string> OwnExercises { get; set; } = [];

    /// <summary>How the user felt before starting, if they said.</summary>
    public CheckIn? Before { get; set; }
}
