using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>Finds the next gentler exercise for the same part of the spine, for when an exercise hurts.</summary>
public static class EasierOption
{
    /// <summary>How demanding an exercise is: moderate intensity counts most, then not being marked for beginners.</summary>
    public static int Effort(Exercise exercise) =>
        (exercise.Intensity == Intensity.Moderate ? 2 : 0) + (exercise.Regions.Contains(Region.Beginner) ? 0 : 1);

    /// <summary>
    /// The gentlest step down from <paramref name="current"/> that works the same region: one notch
    /// easier rather than the easiest of all, so the session keeps its purpose.
    /// </summary>
    /// <param name="avoid">An exercise not to offer, such as the one coming next, so the same one is not done twice in a row.</param>
    /// <returns>Null when nothing in the catalog is gentler for that region.</returns>
    public static Exercise? For(Exercise current, IEnumerable<Exercise> catalog, bool hasEquipment, string? avoid = null)
    {
        var regions = RegionsOf(current);
        var effort = Effort(current);
        return catalog
            .Where(e => !e.IsRetired && e.Slug != current.Slug && e.Slug != avoid)
            .Where(e => hasEquipment || e.Equipment != Equipment.FoamRollerOrBall)
            .Where(e => RegionsOf(e).Overlaps(regions) && Effort(e) < effort)
            .OrderByDescending(Effort)
            .ThenByDescending(e => e.Position == current.Position)
            .ThenBy(e => e.SortOrder)
            .FirstOrDefault();
    }

    /// <summary>The parts of the spine an exercise works; "beginner" is a level, so it counts only for exercises tagged with nothing else.</summary>
    private static HashSet<Region> RegionsOf(Exercise exercise)
    {
        var regions = exercise.Regions.Where(r => r != Region.Beginner).ToHashSet();
        return regions.Count > 0 ? regions : [Region.Beginner];
    }
}
