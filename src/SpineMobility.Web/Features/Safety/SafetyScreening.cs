using SpineMobility.Web.Shared;
namespace SpineMobility.Web.Features.Safety;

public enum ScreeningReason { FirstSession, AfterHighPain, FlagRaised, Review }

/// <summary>One time the user answered the red-flag questions. Kept, never overwritten: it is part of their history.</summary>
public sealed class SafetyScreening : IVisitorOwned
{
    public int Id { get; set; }

    public required string BrowserKey { get; set; }

    public string? UserId { get; set; }

    public DateTimeOffset TakenAt { get; set; }

    public ScreeningReason Reason { get; set; }

    /// <summary>The red flags answered yes; every other question was answered no.</summary>
    public List<RedFlag> YesTo { get; set; } = [];

    public ScreeningResult Result => ScreeningRules.ResultOf(YesTo);
}
