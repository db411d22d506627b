using SpineMobility.Web.Features.Sessions;

namespace SpineMobility.Web.Features.Progress;

public static class CheckInSummary
{
    /// <summary>"Stiffness 6 → 3 · Pain 4 → 2", or null when the user gave no check-in.</summary>
    public static string? Of(CheckIn? before, CheckIn? after)
    {
        var parts = new List<string>();
        if (Pair("Stiffness", before?.Stiffness, after?.Stiffness) is { } stiffness)
        {
            parts.Add(stiffness);
        }

        if (Pair("Pain", before?.Pain, after?.Pain) is { } pain)
        {
            parts.Add(pain);
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    private static string? Pair(string what, int? before, int? after) => (before, after) switch
    {
        (null, null) => null,
        ({ } b, { } a) => $"{what} {b} → {a}",
        ({ } b, null) => $"{what} {b} before",
        (null, { } a) => $"{what} {a} after",
    };
}
