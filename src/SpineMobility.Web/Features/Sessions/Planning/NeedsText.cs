using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>What a routine asks the user to fetch before starting, in words.</summary>
public static class NeedsText
{
    /// <summary>"Needs a chair", "Needs a chair and a mat", "Needs only a little space".</summary>
    public static string Of(IReadOnlyList<Equipment> needs)
    {
        var nouns = needs.Select(Noun).ToList();
        return nouns.Count switch
        {
            0 => "Needs only a little space",
            1 => $"Needs {nouns[0]}",
            _ => $"Needs {string.Join(", ", nouns[..^1])} and {nouns[^1]}",
        };
    }

    private static string Noun(Equipment equipment) => equipment switch
    {
        Equipment.Chair => "a chair",
        Equipment.Mat => "a mat",
        Equipment.FoamRollerOrBall => "a foam roller or ball",
        Equipment.Wall => "a wall",
        _ => "nothing",
    };
}
