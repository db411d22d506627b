using SpineMobility.Web.Features.Streaks;

namespace SpineMobility.Web.Features.Settings;

/// <summary>A pause the user took for a flare-up or illness: their streak is frozen over it, not broken.</summary>
public sealed class PauseEntry
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public DateOnly Start { get; set; }

    public DateOnly End { get; set; }

    public string? Note { get; set; }

    public StreakPause ToPause() => new(Start, End);
}
