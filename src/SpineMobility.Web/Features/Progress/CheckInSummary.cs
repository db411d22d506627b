using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Shared;

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

    /// <summary>"stiffness 6/10 · pain 2/10 · Neck, Lower back", or "No check-in".</summary>
    public static string Describe(CheckIn? checkIn) => checkIn is null || checkIn.IsEmpty
        ? "No check-in"
        : string.Join(" · ", new[]
        {
            checkIn.Stiffness is { } s ? $"stiffness {s}/10" : null,
            checkIn.Pain is { } p ? $"pain {p}/10" : null,
            checkIn.Areas.Count > 0 ? string.Join(", ", checkIn.Areas.Select(BodyAreas.Label)) : null,
        }.Where(x => x is not null));

    private static string? Pair(string what, int? before, int? after) => (before, after) switch
    {
        (null, null) => null,
        ({ } b, { } a) => $"{what} {b} → {a}",
        ({ } b, null) => $"{what} {b} before",
        (null, { } a) => $"{what} {a} after",
    };
}
