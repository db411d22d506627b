using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Safety;

/// <summary>How a "This hurts" report reads in the history.</summary>
public static class PainReportText
{
    /// <summary>"pain 5/10, lower back".</summary>
    public static string What(PainReport report) => $"pain {report.Pain}/10, {BodyAreas.Label(report.Area).ToLowerInvariant()}";

    /// <summary>What the user did about it.</summary>
    public static string Choice(PainReport report) => report.Choice switch
    {
        PainChoice.EasierExercise => $"switched to {report.EasierName}",
        PainChoice.SkipExercise => "skipped the exercise",
        PainChoice.EndSession => "ended the session",
        PainChoice.StoppedForSafety => "stopped: a warning sign, see the Safety page",
        PainChoice.KeepGoing => "carried on",
        _ => "no choice recorded",
    };
}
