using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

public enum Level { Beginner, Standard }

/// <summary>What the user asks for: how long, what bothers them, how gentle, and what is at hand.</summary>
/// <param name="HasEquipment">A foam roller or exercise ball is at hand.</param>
/// <param name="Seed">Picks one of the many routines that fit; the same request and seed always give the same routine.</param>
/// <param name="HasMat">Floor exercises are possible; without a mat, only what is done standing or on a chair.</param>
/// <param name="OnlyFocus">Every phase stays with the focus regions (and whole-body stretches), not only the spine work.</param>
/// <param name="Include">Exercises asked for by name, say from an exercise's page: each goes into the first phase it suits.</param>
public sealed record RoutineRequest(
    int Minutes,
    IReadOnlyList<Region> Focus,
    Level Level,
    bool HasEquipment,
    int Seed,
    bool HasMat = true,
    bool OnlyFocus = false,
    IReadOnlyList<string>? Include = null)
{
    public const int MinMinutes = 5;
    public const int MaxMinutes = 90;

    /// <summary>At most this many exercises asked for by name.</summary>
    public const int MaxIncluded = 3;

    public static readonly IReadOnlyList<int> SuggestedMinutes = [10, 15, 20, 30, 45];

    /// <summary>The regions a session can focus on; full-body and beginner describe exercises, not places that hurt.</summary>
    public static readonly IReadOnlyList<Region> FocusRegions = [Region.Cervical, Region.Thoracic, Region.Lumbar, Region.Hip];

    public int BudgetSeconds => Minutes * 60;

    public IReadOnlyList<string> Included => Include ?? [];

    /// <summary>What is wrong with the request, in words the user can act on; empty when it can be built.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Minutes is < MinMinutes or > MaxMinutes)
        {
            problems.Add($"A session lasts between {MinMinutes} and {MaxMinutes} minutes, not {Minutes}.");
        }

        foreach (var region in Focus.Where(r => !FocusRegions.Contains(r)))
        {
            problems.Add($"'{Tag.Of(region)}' cannot be a focus; choose from {string.Join(", ", FocusRegions.Select(Tag.Of))}.");
        }

        if (Included.Count > MaxIncluded)
        {
            problems.Add($"A session can be asked to include at most {MaxIncluded} exercises, not {Included.Count}.");
        }

        return problems;
    }
}
