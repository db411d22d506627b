using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Web.Features.Programs;

/// <summary>
/// A routine someone saved: its exercises exactly as they were (order, doses, sides), whatever the generator
/// does later. Each block carries its exercise's name and dose, and the player finds retired exercises by
/// slug, so a routine stays playable after the catalog drops one.
/// </summary>
public sealed class SavedRoutine
{
    public const int MaxNameLength = 80;
    public const int MaxNoteLength = 500;

    /// <summary>At most this many routines per account, so one account cannot fill the database.</summary>
    public const int MaxPerAccount = 200;

    public Guid Id { get; set; }

    /// <summary>Routines belong to an account: saving, sharing and following need one.</summary>
    public required string UserId { get; set; }

    public required string Name { get; set; }

    public string? Note { get; set; }

    public List<RoutineBlock> Blocks { get; set; } = [];

    /// <summary>When set, the routine is a program: sessions on these days for these weeks.</summary>
    public ProgramSchedule? Schedule { get; set; }

    /// <summary>Goes up with every change of exercises, note or schedule, so followers can be told of an update.</summary>
    public int Version { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The secret of the share link, or null while the routine is not shared; a new one replaces the old.</summary>
    public string? ShareToken { get; set; }

    public DateTimeOffset? SharedAt { get; set; }

    /// <summary>The name the sender chose to show to the people they share with (never their e-mail).</summary>
    public string? SenderName { get; set; }
}
