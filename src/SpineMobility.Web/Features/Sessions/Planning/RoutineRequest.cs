using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

public enum Level { Beginner, Standard }

/// <summary>What the user asks for: how long, what bothers them, how gentle, and whether a foam roller or ball is at hand.</summary>
/// <param name="Seed">Picks one of the many routines that fit; the same request and seed always give the same routine.</param>
public sealed record RoutineRequest(int Minutes, IReadOnlyList<Region> Focus, Level Level, bool HasEquipment, int Seed)
{
    public const int MinMinutes = 5;
    public const int MaxMinutes = 90;

    public static readonly IReadOnlyList<int> SuggestedMinutes = [10, 15, 20, 30, 45];

    /// <summary>The regions a session can focus on; full-body and beginner describe exercises, not places that hurt.</summary>
    public static readonly IReadOnlyList<Region> FocusRegions = [Region.Cervical, Region.Thoracic, Region.Lumbar, Region.Hip];

    public int BudgetSeconds => Minutes * 60;

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

        return problems;
    }
}
