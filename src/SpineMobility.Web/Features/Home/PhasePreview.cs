using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Web.Features.Home;

/// <summary>How long each phase lasts in a session of a given length, taken from the plan the builder would make.</summary>
public static class PhasePreview
{
    /// <summary>Seconds per phase of a balanced session of <paramref name="minutes"/> (the builder's defaults), in phase order.</summary>
    public static IReadOnlyDictionary<SessionPhase, int> Of(int minutes, IReadOnlyList<Exercise> catalog)
    {
        var routine = RoutineGenerator.Generate(new RoutineRequest(minutes, [], Level.Standard, false, 1), catalog);
        return Enum.GetValues<SessionPhase>().ToDictionary(p => p, p => routine.Blocks.Where(b => b.Phase == p).Sum(b => b.TotalSeconds));
    }

    /// <summary>"About 3 min", "Under a minute".</summary>
    public static string Text(int seconds) => seconds switch
    {
        0 => "None",
        < 60 => "Under a minute",
        _ => $"About {(int)Math.Round(seconds / 60.0)} min",
    };
}
